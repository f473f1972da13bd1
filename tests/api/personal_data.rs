//! Personal data: masked for everyone by default, unmasked only with `pii.read` and a
//! reason, and every unmasking audited.

use linli_tests::TestApp;
use linli_tests::id_in;
use serde_json::json;

const PHONE: &str = "13812345678";

/// True when the text holds a whole mainland mobile number (11 digits starting 1[3-9]).
fn has_unmasked_phone(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(11).enumerate().any(|(i, w)| {
        w[0] == b'1'
            && (b'3'..=b'9').contains(&w[1])
            && w.iter().all(u8::is_ascii_digit)
            // Standing alone: not part of a longer number, nor of a hex hash or id.
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + 11).is_none_or(|b| !b.is_ascii_alphanumeric())
    })
}

/// Asks to see the user `id`'s personal data unmasked, as the holder of `token`, for `reason`.
async fn unmask(app: &TestApp, token: &str, id: &str, reason: &str) -> linli_tests::Response {
    app.post_as(
        token,
        &format!("/api/v1/users/{id}/unmask"),
        &json!({ "reason": reason }),
    )
    .await
}

#[actix_web::test]
async fn no_unmasked_phone_reaches_a_role_without_pii_permission() {
    let app = TestApp::new().await;
    let clerk = app.token_for("ziyuan").await;
    let community = app.area_id("梓园社区").await;
    let created = app.post_as(&clerk, "/api/v1/users", &json!({
            "username": "ziyuan.resident1", "display_name": "梓园居民", "password": "resident passphrase",
            "phone": PHONE, "grants": [{"role": "resident", "area_id": app.area_id("梓园一片").await}]
        })).await;
    created.assert_status(201);
    assert_eq!(created.json()["phone"], "138****5678");
    let id = id_in(&created.json()["id"]);
    let etag = created.header("etag").expect("the answer carries an ETag");
    app.get_as(&clerk, "/api/v1/users").await.assert_status(200);
    app.get_as(&clerk, &format!("/api/v1/users/{id}"))
        .await
        .assert_status(200);
    app.get_as(&clerk, &format!("/api/v1/users?q={}", "ziyuan"))
        .await
        .assert_status(200);
    app.put(&format!("/api/v1/users/{id}"))
        .bearer(&clerk)
        .header("if-match", &etag)
        .json(&json!({"display_name": "梓园居民甲", "phone": PHONE, "is_active": true}))
        .send()
        .await
        .assert_status(200);
    unmask(&app, &clerk, &id, "核实居民身份")
        .await
        .assert_problem(403, "forbidden");
    // Community staff may register residents, but not grant roles at or above their own.
    let res = app
        .post_as(
            &clerk,
            "/api/v1/users",
            &json!({
                "username": "ziyuan.clerk2", "display_name": "x", "password": "clerk passphrase",
                "grants": [{"role": "community_staff", "area_id": community}]
            }),
        )
        .await;
    assert!(res.assert_problem(422, "validation_failed")["errors"]["grants[0].role"].is_array());
    let bodies = app.bodies_seen_by(&clerk);
    assert!(bodies.len() >= 6);
    for body in &bodies {
        assert!(
            !has_unmasked_phone(body),
            "unmasked phone sent to community staff: {body}"
        );
    }
}

#[actix_web::test]
async fn unmasking_needs_a_reason_and_is_audited() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let created = app.post_as(&admin, "/api/v1/users", &json!({
            "username": "weiji.committee2", "display_name": "卫技自治委员", "password": "committee passphrase",
            "phone": PHONE, "grants": [{"role": "committee_member", "area_id": app.area_id("卫技新村").await}]
        })).await;
    created.assert_status(201);
    let id = id_in(&created.json()["id"]);
    unmask(&app, &admin, &id, "  ")
        .await
        .assert_problem(422, "validation_failed");
    let res = unmask(&app, &admin, &id, "联系委员核实投诉").await;
    res.assert_status(200);
    assert_eq!(res.json()["phone"], PHONE);
    let log = app
        .get_as(&admin, "/api/v1/audit-log?action=personal_data.unmasked")
        .await
        .json();
    assert_eq!(log["items"][0]["after"]["reason"], "联系委员核实投诉");
    assert_eq!(log["items"][0]["object_id"], id.as_str());
    // The audit log itself holds phones masked only.
    let all = app.get_as(&admin, "/api/v1/audit-log?limit=100").await;
    assert!(!has_unmasked_phone(&all.text()), "{}", all.text());
}

#[test]
fn the_phone_detector_finds_phones_and_nothing_else() {
    assert!(has_unmasked_phone("{\"phone\":\"13812345678\"}"));
    assert!(!has_unmasked_phone("{\"phone\":\"138****5678\"}"));
    assert!(!has_unmasked_phone("430111001001001"));
    assert!(!has_unmasked_phone("12345678901"));
    // Eleven digits inside a hex digest are not a phone number.
    assert!(!has_unmasked_phone("\"hash\":\"ab13812345678cd\""));
}
