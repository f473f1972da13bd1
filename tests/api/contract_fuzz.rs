//! Regressions for what contract fuzzing (`scripts/contract-fuzz.sh`, part of `make test`)
//! found: input PostgreSQL cannot store answered 500, and answers the contract did not
//! declare.

use linli_domain::policy::Role;
use linli_tests::each;
use linli_tests::{TestApp, enc};
use serde_json::{Value, json};

#[actix_web::test]
async fn a_nul_in_a_query_or_path_is_refused_before_it_reaches_the_database() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let problem = app
        .get_as(&admin, "/api/v1/compounds?name=a%00b")
        .await
        .assert_problem(400, "invalid_query");
    assert!(problem["request_id"].is_string(), "{problem}");
    app.get_as(&admin, "/api/v1/people?name=%00")
        .await
        .assert_problem(400, "invalid_query");
    // A text path parameter: nothing can be named by it.
    app.get_public("/api/v1/public/service-certificates/AB%00CD")
        .await
        .assert_problem(404, "not_found");
}

#[actix_web::test]
async fn a_nul_in_a_json_string_is_a_field_error_and_nothing_is_stored() {
    let app = TestApp::new().await;
    app.post("/api/v1/auth/login")
        .raw(
            "application/json",
            r#"{"username": "ad\u0000min", "password": "Linli@2026"}"#,
        )
        .send()
        .await
        .assert_field_error("username");

    let admin = app.token_for("admin").await;
    let community = app.area_id("梓园社区").await;
    app.post_as(
        &admin,
        "/api/v1/areas",
        &json!({"parent_id": community, "kind": "compound", "name": "零\u{0}号小区"}),
    )
    .await
    .assert_field_error("name");
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM areas WHERE name LIKE $1",
            "零%号小区"
        )
        .await,
        0
    );
}

#[actix_web::test]
async fn a_nul_in_an_uploaded_csv_is_a_row_error_not_a_500() {
    let app = TestApp::new().await;
    let compound = app.compound().property_managed().create().await.id;
    let property = app.user_with(Role::PropertyStaff, compound).await;
    let file = "日期,凭证号,摘要,科目,收入,支出,收付方式\n\
        2026-11-02,J001,停车费,4001,100,,银行\n\
        2026-11-03,J002,广告\0费,4003,200,,银行\n";
    let problem = app
        .post(&format!(
            "/api/v1/compounds/{compound}/ledger/imports?file_name=nul.csv"
        ))
        .bearer(&property)
        .raw("text/csv", file)
        .send()
        .await
        .assert_problem(422, "import_invalid");
    assert_eq!(problem["row_errors"][0]["row"], 3, "{problem}");
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM ledger_imports WHERE file_name = $1",
            "nul.csv"
        )
        .await,
        0
    );
}

#[actix_web::test]
async fn a_calendar_year_far_out_of_range_is_a_field_error_not_a_500() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    for year in ["5874898", "-4714", "1999", "2101"] {
        let problem = app
            .get_as(&admin, &format!("/api/v1/calendar-days?year={year}"))
            .await
            .assert_problem(422, "validation_failed");
        assert!(problem["errors"]["year"].is_array(), "{year}: {problem}");
    }
    app.get_as(&admin, "/api/v1/calendar-days?year=2026")
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn open311_answers_a_parameter_it_cannot_read_in_its_own_error_format() {
    let app = TestApp::new().await;
    let res = app
        .get_public(&format!(
            "/open311/v2/requests.json?api_key=x&start_date={}",
            enc("yesterday")
        ))
        .await;
    res.assert_status(400);
    assert_eq!(
        res.header("content-type").as_deref(),
        Some("application/json")
    );
    let body = res.json();
    assert_eq!(body[0]["code"], 400, "{body}");
    assert!(body[0]["description"].is_string(), "{body}");
}

#[test]
fn every_operation_declares_the_errors_the_shared_machinery_gives() {
    let doc = serde_json::to_value(linli_http::openapi_document()).unwrap_or_default();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        if path.starts_with("/open311/") || path == "/healthz" {
            continue;
        }
        for (method, op) in item.as_object().into_iter().flatten() {
            let declares = |status: &str| op["responses"][status].is_object();
            let params: Vec<&Value> = each(&op["parameters"]).collect();
            let is_in = |at: &str| params.iter().any(|p| p["in"] == at);
            let json_body = op["requestBody"]["content"]["application/json"].is_object();
            let where_ = format!("{method} {path}");
            if is_in("path") {
                assert!(declares("404"), "{where_} does not declare 404");
            }
            if is_in("query") || json_body {
                assert!(declares("400"), "{where_} does not declare 400");
            }
            if json_body {
                for status in ["413", "415", "422"] {
                    assert!(declares(status), "{where_} does not declare {status}");
                }
            }
            if op["security"].as_array().is_some_and(|s| !s.is_empty()) {
                assert!(declares("401"), "{where_} does not declare 401");
            }
            if params.iter().any(|p| p["name"] == "If-Match") {
                assert!(
                    declares("412") && declares("428"),
                    "{where_}: If-Match answers"
                );
            }
        }
    }
}

#[test]
fn binary_uploads_declare_every_type_they_accept() {
    let doc = serde_json::to_value(linli_http::openapi_document()).unwrap_or_default();
    let types = |path: &str| -> Vec<String> {
        doc["paths"][path]["post"]["requestBody"]["content"]
            .as_object()
            .map(|c| c.keys().cloned().collect())
            .unwrap_or_default()
    };
    assert_eq!(
        types("/api/v1/ledger-entries/{id}/vouchers"),
        ["application/pdf", "image/jpeg", "image/png", "image/webp"]
    );
    assert_eq!(
        types("/api/v1/complaints/{id}/attachments"),
        ["image/jpeg", "image/png", "image/webp"]
    );
}
