//! Role x area: every role sees exactly its subtree; everything else is 404 or 403.

use linli_domain::policy::Role;
use linli_tests::TestApp;
use linli_tests::each;
use serde_json::{Value, json};
use uuid::Uuid;

/// Counts compounds under an area by walking parent links (not paths), so the
/// expectation is computed independently of the code under test.
async fn compounds_under(app: &TestApp, area: Uuid) -> i64 {
    app.count(
        "WITH RECURSIVE sub AS ( \
           SELECT id FROM areas WHERE id = $1::uuid \
           UNION ALL SELECT a.id FROM areas a JOIN sub ON a.parent_id = sub.id) \
         SELECT count(*) AS n FROM compounds c WHERE c.id IN (SELECT id FROM sub)",
        &area.to_string(),
    )
    .await
}

/// Every compound id a token can list, walking all pages.
async fn all_listed(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut uri = format!("/api/v1/compounds?limit=100{query}");
        if let Some(c) = &cursor {
            uri.push_str(&format!("&cursor={c}"));
        }
        let res = app.get_as(token, &uri).await;
        res.assert_status(200);
        let body = res.json();
        items.extend(body["items"].as_array().cloned().unwrap_or_default());
        match body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    items
}

#[actix_web::test]
async fn each_role_lists_exactly_its_area() {
    let app = TestApp::new().await;
    let home = app.compound().self_managed().create().await;
    for (role, area) in [
        (Role::DistrictAdmin, app.area_id("雨花区").await),
        (Role::SubdistrictStaff, app.area_id("侯家塘街道").await),
        (Role::CommunityStaff, app.area_id("梓园社区").await),
        (Role::PropertyStaff, home.id),
        (Role::CompoundSecretary, home.id),
        (Role::Resident, home.id),
    ] {
        let user = app.user(role).over(area).create().await;
        let listed = all_listed(&app, &user.token, "").await;
        let expected = compounds_under(&app, area).await;
        assert!(expected > 0, "{area} has compounds");
        assert_eq!(
            listed.len() as i64,
            expected,
            "{role:?} sees the compounds of {area}"
        );
    }
    let resident = app.user(Role::Resident).over(home.id).create().await;
    let only = all_listed(&app, &resident.token, "").await;
    assert_eq!(only[0]["name"], home.name.as_str());
}

#[actix_web::test]
async fn out_of_scope_compounds_are_indistinguishable_from_missing_ones() {
    let app = TestApp::new().await;
    let token = app.user_over(Role::CommunityStaff, "梓园社区").await.token;
    let other = app
        .compound()
        .in_community(app.area_id("新兴社区").await)
        .create()
        .await;
    let rongcheng = other.id;
    let hidden = app
        .get_as(&token, &format!("/api/v1/compounds/{rongcheng}"))
        .await;
    let missing = app
        .get_as(&token, &format!("/api/v1/compounds/{}", Uuid::new_v4()))
        .await;
    hidden.assert_problem(404, "not_found");
    assert_eq!(
        hidden.json_sans_request_id(),
        missing.json_sans_request_id()
    );
    // The same compound is visible to its own secretary.
    let secretary = app
        .user(Role::CompoundSecretary)
        .over(rongcheng)
        .create()
        .await;
    let own = app
        .get_as(&secretary.token, &format!("/api/v1/compounds/{rongcheng}"))
        .await;
    own.assert_status(200);
    assert_eq!(own.json()["name"], other.name.as_str());
    // Filtering by an area outside the scope is a 404 too, not an empty list.
    let other = app.area_id("同升街道").await;
    app.get_as(&token, &format!("/api/v1/compounds?area_id={other}"))
        .await
        .assert_problem(404, "not_found");
}

#[actix_web::test]
async fn roles_without_the_action_get_403() {
    let app = TestApp::new().await;
    let community = app.area_id("卫技社区").await;
    let body = json!({
        "community_id": community, "name": "新建小区", "address": "某路 1 号",
        "building_count": 3, "household_count": 90, "is_open": false,
        "governance_mode": "self_managed"
    });
    let home = app.compound().in_community(community).create().await;
    let mut tokens = Vec::new();
    for role in [Role::Resident, Role::PropertyStaff, Role::CompoundSecretary] {
        tokens.push(app.user(role).over(home.id).create().await.token);
    }
    for token in &tokens {
        app.post_as(token, "/api/v1/compounds", &body)
            .await
            .assert_problem(403, "forbidden");
    }
    let resident = &tokens[0];
    for path in [
        "/api/v1/areas",
        "/api/v1/compounds/export",
        "/api/v1/stats/compounds-by-governance-mode",
    ] {
        app.get_as(resident, path)
            .await
            .assert_problem(403, "forbidden");
    }
    // Community staff of another community may create, but not there: 422 on the field.
    let ziyuan = app.user_over(Role::CommunityStaff, "梓园社区").await;
    let res = app.post_as(&ziyuan.token, "/api/v1/compounds", &body).await;
    res.assert_field_error("community_id");
}

#[actix_web::test]
async fn statistics_cover_the_callers_scope() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let all = app
        .get_as(&admin, "/api/v1/stats/compounds-by-governance-mode")
        .await;
    all.assert_status(200);
    let all = all.json();
    assert_eq!(
        all["totals"]["total"].as_i64(),
        Some(compounds_under(&app, app.area_id("雨花区").await).await)
    );
    let sum: i64 = each(&all["items"])
        .map(|i| i["total"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(Some(sum), all["totals"]["total"].as_i64());
    let t = &all["totals"];
    assert_eq!(
        t["property_managed"].as_i64().unwrap_or(0)
            + t["entrusted"].as_i64().unwrap_or(0)
            + t["self_managed"].as_i64().unwrap_or(0),
        t["total"].as_i64().unwrap_or(-1)
    );
    let staff = app.user_over(Role::SubdistrictStaff, "侯家塘街道").await;
    let mine = app
        .get_as(&staff.token, "/api/v1/stats/compounds-by-governance-mode")
        .await
        .json();
    assert_eq!(mine["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(mine["items"][0]["area_name"], "侯家塘街道");
    assert_eq!(
        mine["totals"]["total"].as_i64(),
        Some(compounds_under(&app, app.area_id("侯家塘街道").await).await)
    );
}
