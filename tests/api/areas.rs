use linli_domain::policy::Role;
use linli_tests::TestApp;
use linli_tests::each;
use linli_tests::{id_in, text};
use serde_json::json;

#[actix_web::test]
async fn the_tree_opens_from_the_scope_roots() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let roots = app.get_as(&admin, "/api/v1/areas").await;
    roots.assert_status(200);
    let roots = roots.json();
    assert_eq!(roots["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(roots["items"][0]["name"], "雨花区");
    assert_eq!(roots["items"][0]["has_children"], true);
    let district = text(&roots["items"][0]["id"]);
    let subdistricts = app
        .get_as(
            &admin,
            &format!("/api/v1/areas?parent_id={district}&limit=100"),
        )
        .await
        .json();
    let names: Vec<&str> = each(&subdistricts["items"])
        .filter_map(|a| a["name"].as_str())
        .collect();
    for expected in ["侯家塘街道", "左家塘街道", "同升街道"] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    assert!(each(&subdistricts["items"]).all(|a| a["kind"] == "subdistrict"));
    // Community staff start at their community.
    let ziyuan = app.user_over(Role::CommunityStaff, "梓园社区").await;
    let mine = app.get_as(&ziyuan.token, "/api/v1/areas").await.json();
    assert_eq!(mine["items"][0]["name"], "梓园社区");
    // Nodes of a kind, anywhere in the scope, paged.
    let communities = app
        .get_as(&admin, "/api/v1/areas?kind=community&limit=5")
        .await
        .json();
    assert_eq!(communities["items"].as_array().map(Vec::len), Some(5));
    assert!(communities["next_cursor"].is_string());
}

#[actix_web::test]
async fn subdistrict_staff_manage_their_subtree_only() {
    let app = TestApp::new().await;
    let own = app.area_id("侯家塘街道").await;
    let staff = app.token_over(Role::SubdistrictStaff, own).await;
    let created = app
        .post_as(
            &staff,
            "/api/v1/areas",
            &json!({"parent_id": own, "kind": "community", "name": "新建社区"}),
        )
        .await;
    created.assert_status(201);
    let id = id_in(&created.json()["id"]);
    let etag = created.header("etag").expect("the answer carries an ETag");
    // Wrong kind for the parent.
    app.post_as(
        &staff,
        "/api/v1/areas",
        &json!({"parent_id": own, "kind": "building", "name": "1栋"}),
    )
    .await
    .assert_problem(422, "validation_failed");
    // Another subdistrict's node is not a parent they can see.
    let other = app.area_id("同升街道").await;
    let res = app
        .post_as(
            &staff,
            "/api/v1/areas",
            &json!({"parent_id": other, "kind": "community", "name": "越界社区"}),
        )
        .await;
    res.assert_field_error("parent_id");
    app.get_as(&staff, &format!("/api/v1/areas/{other}"))
        .await
        .assert_problem(404, "not_found");
    // Rename with If-Match.
    let renamed = app
        .put(&format!("/api/v1/areas/{id}"))
        .bearer(&staff)
        .header("if-match", &etag)
        .json(&json!({"name": "更名社区"}))
        .send()
        .await;
    renamed.assert_status(200);
    assert_eq!(renamed.json()["name"], "更名社区");
    // Community staff may not manage areas at all.
    let ziyuan = app.user_over(Role::CommunityStaff, "梓园社区").await;
    app.post_as(
        &ziyuan.token,
        "/api/v1/areas",
        &json!({"parent_id": own, "kind": "community", "name": "x"}),
    )
    .await
    .assert_problem(403, "forbidden");
}
