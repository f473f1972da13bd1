use std::collections::HashSet;

use diesel_async::RunQueryDsl;
use linli_domain::policy::Role;
use linli_tests::each;
use linli_tests::id_in;
use linli_tests::unique;
use linli_tests::{TestApp, enc};
use serde_json::{Value, json};

async fn compound_count(app: &TestApp) -> i64 {
    app.count("SELECT count(*) AS n FROM compounds WHERE $1 = $1", "")
        .await
}

fn new_compound(community: uuid::Uuid, name: &str) -> Value {
    json!({
        "community_id": community, "name": name, "address": "长沙市雨花区测试路 8 号",
        "location": {"lat": 28.1, "lon": 113.0}, "year_built": 2001,
        "building_count": 6, "household_count": 300, "is_open": true,
        "governance_mode": "entrusted"
    })
}

#[actix_web::test]
async fn filters_by_mode_name_and_area() {
    let app = TestApp::new().await;
    let token = app.token_for("admin").await;
    let res = app
        .get_as(
            &token,
            "/api/v1/compounds?governance_mode=self_managed&limit=100",
        )
        .await;
    res.assert_status(200);
    let items = res.json()["items"].as_array().cloned().unwrap_or_default();
    assert!(!items.is_empty());
    assert!(items.iter().all(|c| c["governance_mode"] == "self_managed"));
    let weiji = app
        .get_as(&token, &format!("/api/v1/compounds?name={}", enc("卫技")))
        .await
        .json();
    assert_eq!(weiji["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(weiji["items"][0]["name"], "卫技新村");
    assert_eq!(weiji["items"][0]["governance_mode"], "self_managed");
    assert_eq!(weiji["items"][0]["is_open"], true);
    // `%` in a name filter is literal text, not a wildcard.
    let none = app
        .get_as(&token, "/api/v1/compounds?name=%25")
        .await
        .json();
    assert_eq!(none["items"].as_array().map(Vec::len), Some(0));
    let ziyuan = app.area_id("梓园社区").await;
    let in_ziyuan = app
        .get_as(
            &token,
            &format!("/api/v1/compounds?area_id={ziyuan}&governance_mode=entrusted&limit=100"),
        )
        .await
        .json();
    let buildings: i64 = each(&in_ziyuan["items"])
        .map(|c| c["building_count"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(
        buildings, 27,
        "梓园's bundled micro-compounds hold 27 buildings"
    );
    let rongcheng = app
        .get_as(
            &token,
            &format!("/api/v1/compounds?name={}", enc("融城花苑")),
        )
        .await
        .json();
    assert_eq!(rongcheng["items"][0]["year_built"], 2002);
    assert_eq!(rongcheng["items"][0]["governance_mode"], "property_managed");
}

#[actix_web::test]
async fn keyset_pages_never_repeat_or_drop_items_while_rows_are_inserted() {
    let app = TestApp::new().await;
    let token = app.token_for("admin").await;
    let community = app.area_id("梓园社区").await;
    let before = compound_count(&app).await as usize;
    let mut seen: Vec<String> = Vec::new();
    let mut cursor: Option<String> = None;
    let mut inserted = 0;
    loop {
        let mut uri = "/api/v1/compounds?limit=37".to_owned();
        if let Some(c) = &cursor {
            uri.push_str(&format!("&cursor={c}"));
        }
        // Insert while paging, with names that sort both before and after the cursor.
        let page_fut = app.get(&uri).bearer(&token).send();
        let name = if inserted % 2 == 0 {
            format!("000新增{inserted}")
        } else {
            format!("龘新增{inserted}")
        };
        let insert_fut = app
            .post("/api/v1/compounds")
            .bearer(&token)
            .json(&new_compound(community, &name))
            .send();
        let (page, created) = futures_util::future::join(page_fut, insert_fut).await;
        created.assert_status(201);
        inserted += 1;
        page.assert_status(200);
        let body = page.json();
        for item in each(&body["items"]) {
            seen.push(
                item["id"]
                    .as_str()
                    .expect("the answer carries its id")
                    .to_owned(),
            );
        }
        match body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(
        unique.len(),
        seen.len(),
        "an item was repeated across pages"
    );
    // Every row that existed before paging began appears; rows inserted meanwhile may or may not.
    assert!(
        seen.len() >= before,
        "{} listed, {before} existed",
        seen.len()
    );
    assert!(seen.len() <= before + inserted);
    let mut conn = app.conn().await;
    let originals: Vec<uuid::Uuid> = {
        use diesel::QueryDsl;
        linli_persistence::schema::compounds::table
            .select(linli_persistence::schema::compounds::id)
            .load(&mut *conn)
            .await
            .unwrap_or_default()
    };
    let missing = originals
        .iter()
        .filter(|id| !unique.contains(&id.to_string()))
        .count();
    assert!(
        missing <= inserted,
        "{missing} compounds missing from the listing"
    );
}

#[actix_web::test]
async fn bad_cursors_are_refused() {
    let app = TestApp::new().await;
    let token = app.token_for("admin").await;
    app.get_as(&token, "/api/v1/compounds?cursor=garbage")
        .await
        .assert_problem(400, "invalid_cursor");
    app.get_as(&token, "/api/v1/compounds?governance_mode=castle")
        .await
        .assert_problem(400, "invalid_query");
}

#[actix_web::test]
async fn csv_export_holds_the_filtered_list() {
    let app = TestApp::new().await;
    let token = app
        .user_over(Role::SubdistrictStaff, "侯家塘街道")
        .await
        .token;
    let res = app
        .get_as(&token, "/api/v1/compounds/export?governance_mode=entrusted")
        .await;
    res.assert_status(200);
    assert!(
        res.header("content-type")
            .is_some_and(|t| t.starts_with("text/csv"))
    );
    assert!(
        res.body.starts_with("\u{feff}".as_bytes()),
        "UTF-8 BOM for spreadsheets"
    );
    let text = res.text();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().cloned().unwrap_or_default();
    assert_eq!(headers.get(1), Some("小区名称"));
    let rows: Vec<csv::StringRecord> = reader.records().flatten().collect();
    let listed = app
        .get_as(
            &token,
            "/api/v1/compounds?governance_mode=entrusted&limit=100",
        )
        .await
        .json();
    let listed_names: Vec<&str> = each(&listed["items"])
        .filter_map(|c| c["name"].as_str())
        .collect();
    let exported: Vec<&str> = rows.iter().filter_map(|r| r.get(1)).collect();
    assert_eq!(exported, listed_names);
    assert!(
        rows.iter()
            .all(|r| r.get(5) == Some("托管小区") && r.get(2) == Some("侯家塘街道"))
    );
}

#[actix_web::test]
async fn create_then_read_then_update_with_if_match() {
    let app = TestApp::new().await;
    let (subdistrict_name, community_name) = (unique("测试街道"), unique("测试社区"));
    let subdistrict = app.subdistrict().named(&subdistrict_name).create().await;
    let community = app
        .community()
        .under(subdistrict)
        .named(&community_name)
        .create()
        .await;
    let token = app.token_over(Role::CommunityStaff, community).await;
    let created = app
        .post_as(
            &token,
            "/api/v1/compounds",
            &new_compound(community, "梓园新苑"),
        )
        .await;
    created.assert_status(201);
    let etag = created.header("etag").expect("the answer carries an ETag");
    let body = created.json();
    let id = id_in(&body["id"]);
    assert_eq!(body["community_name"], community_name.as_str());
    assert_eq!(body["subdistrict_name"], subdistrict_name.as_str());
    assert_eq!(
        created.header("location"),
        Some(format!("/api/v1/compounds/{id}"))
    );

    let mut changed = new_compound(community, "梓园新苑");
    changed["household_count"] = json!(320);
    changed["governance_mode"] = json!("property_managed");
    let uri = format!("/api/v1/compounds/{id}");
    app.put_as(&token, &uri, &changed)
        .await
        .assert_problem(428, "precondition_required");
    let updated = app
        .put(&uri)
        .bearer(&token)
        .header("if-match", &etag)
        .json(&changed)
        .send()
        .await;
    updated.assert_status(200);
    assert_eq!(updated.json()["household_count"], 320);
    assert_ne!(updated.header("etag"), Some(etag.clone()));
    // The old tag is stale now.
    app.put(&uri)
        .bearer(&token)
        .header("if-match", &etag)
        .json(&changed)
        .send()
        .await
        .assert_problem(412, "precondition_failed");
    let read = app.get_as(&token, &uri).await;
    assert_eq!(read.json()["governance_mode"], "property_managed");
    assert_eq!(read.header("etag"), updated.header("etag"));
}

#[actix_web::test]
async fn of_two_racing_updates_one_wins() {
    let app = TestApp::new().await;
    let token = app.token_for("admin").await;
    let compound = app.compound().self_managed().create().await;
    let id = compound.id;
    let uri = format!("/api/v1/compounds/{id}");
    let read = app.get_as(&token, &uri).await;
    let etag = read.header("etag").expect("the answer carries an ETag");
    let current = read.json();
    let mut a = json!({
        "community_id": current["community_id"], "name": compound.name, "address": current["address"],
        "building_count": 8, "household_count": 111, "is_open": true, "governance_mode": "self_managed"
    });
    let mut b = a.clone();
    a["household_count"] = json!(222);
    b["household_count"] = json!(333);
    let (ra, rb) = futures_util::future::join(
        app.put(&uri)
            .bearer(&token)
            .header("if-match", &etag)
            .json(&a)
            .send(),
        app.put(&uri)
            .bearer(&token)
            .header("if-match", &etag)
            .json(&b)
            .send(),
    )
    .await;
    let mut statuses = [ra.status.as_u16(), rb.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 412]);
}

#[actix_web::test]
async fn invalid_compounds_are_refused_with_field_errors_and_nothing_is_stored() {
    let app = TestApp::new().await;
    let token = app.token_for("admin").await;
    let community = app.area_id("梓园社区").await;
    let before = compound_count(&app).await;
    let mut bad = new_compound(community, "");
    bad["building_count"] = json!(-3);
    bad["year_built"] = json!(2999);
    bad["location"] = json!({"lat": 123.0, "lon": 0.0});
    let res = app.post_as(&token, "/api/v1/compounds", &bad).await;
    let problem = res.assert_problem(422, "validation_failed");
    for field in ["name", "building_count", "year_built", "location.lat"] {
        assert!(
            problem["errors"][field].is_array(),
            "no error for {field}: {problem}"
        );
    }
    let mut wrong_type = new_compound(community, "好名字");
    wrong_type["governance_mode"] = json!("castle");
    app.post_as(&token, "/api/v1/compounds", &wrong_type)
        .await
        .assert_field_error("governance_mode");
    // A compound must hang under a community, not a subdistrict.
    let subdistrict = app.area_id("侯家塘街道").await;
    app.post_as(
        &token,
        "/api/v1/compounds",
        &new_compound(subdistrict, "好名字"),
    )
    .await
    .assert_field_error("community_id");
    // A duplicate name in the same community is a field error too.
    app.post_as(
        &token,
        "/api/v1/compounds",
        &new_compound(community, "梓园一片"),
    )
    .await
    .assert_field_error("name");
    assert_eq!(compound_count(&app).await, before, "nothing stored");
}
