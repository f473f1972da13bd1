//! User administration: scope, rank and optimistic concurrency.

use linli_domain::policy::Role;
use linli_tests::TestApp;
use linli_tests::each;
use serde_json::json;

#[actix_web::test]
async fn managers_see_users_of_their_area_and_cannot_touch_their_betters() {
    let app = TestApp::new().await;
    let manager = app.user_over(Role::SubdistrictStaff, "侯家塘街道").await;
    let below = app.user_over(Role::CommunityStaff, "梓园社区").await;
    let elsewhere = app
        .compound()
        .in_community(app.area_id("卫技社区").await)
        .create()
        .await;
    let outsider = app.user(Role::Resident).over(elsewhere.id).create().await;
    let staff = manager.token.clone();
    let listed = app.get_as(&staff, "/api/v1/users?limit=100").await.json();
    let names: Vec<&str> = each(&listed["items"])
        .filter_map(|u| u["username"].as_str())
        .collect();
    assert!(
        names.contains(&manager.username.as_str()) && names.contains(&below.username.as_str()),
        "{names:?}"
    );
    assert!(
        !names.contains(&"admin") && !names.contains(&outsider.username.as_str()),
        "{names:?}"
    );
    // admin is outside the subdistrict: invisible.
    let admin_id = app
        .get_as(&app.token_for("admin").await, "/api/v1/me")
        .await
        .json()["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    app.get_as(&staff, &format!("/api/v1/users/{admin_id}"))
        .await
        .assert_problem(404, "not_found");
    // Their own account is visible but holds their own rank: not theirs to change.
    let own = app.get_as(&staff, "/api/v1/me").await.json()["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let read = app.get_as(&staff, &format!("/api/v1/users/{own}")).await;
    let etag = read.header("etag").expect("the answer carries an ETag");
    app.put(&format!("/api/v1/users/{own}"))
        .bearer(&staff)
        .header("if-match", &etag)
        .json(&json!({"display_name": "我自己", "is_active": true}))
        .send()
        .await
        .assert_problem(403, "forbidden");
    // Residents manage nobody.
    app.get_as(&outsider.token, "/api/v1/users")
        .await
        .assert_problem(403, "forbidden");
}

#[actix_web::test]
async fn deactivating_a_user_ends_their_access_and_needs_if_match() {
    let app = TestApp::new().await;
    let staff = app
        .user_over(Role::SubdistrictStaff, "侯家塘街道")
        .await
        .token;
    let victim = app.user_over(Role::CommunityStaff, "梓园社区").await;
    let id = victim.id;
    let uri = format!("/api/v1/users/{id}");
    let read = app.get_as(&staff, &uri).await;
    let etag = read.header("etag").expect("the answer carries an ETag");
    let body = json!({"display_name": "社区工作人员", "is_active": false});
    app.put_as(&staff, &uri, &body)
        .await
        .assert_problem(428, "precondition_required");
    app.put(&uri)
        .bearer(&staff)
        .header("if-match", "\"v999\"")
        .json(&body)
        .send()
        .await
        .assert_problem(412, "precondition_failed");
    let (a, b) = futures_util::future::join(
        app.put(&uri)
            .bearer(&staff)
            .header("if-match", &etag)
            .json(&body)
            .send(),
        app.put(&uri)
            .bearer(&staff)
            .header("if-match", &etag)
            .json(&json!({"display_name": "改名", "is_active": true}))
            .send(),
    )
    .await;
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 412], "one racing update wins");
    if a.status.as_u16() == 200 {
        app.get_as(&victim.token, "/api/v1/me")
            .await
            .assert_problem(401, "invalid_token");
    }
}

#[actix_web::test]
async fn invalid_users_are_refused_with_every_field_named() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let before = app
        .count("SELECT count(*) AS n FROM users WHERE $1 = $1", "")
        .await;
    let res = app.post_as(&admin, "/api/v1/users", &json!({"username": "Bad Name", "display_name": "", "password": "short", "phone": "12-34", "grants": []})).await;
    let problem = res.assert_problem(422, "validation_failed");
    for field in ["username", "display_name", "password", "phone", "grants"] {
        assert!(problem["errors"][field].is_array(), "{field}: {problem}");
    }
    let res = app.post_as(&admin, "/api/v1/users", &json!({"username": "admin", "display_name": "重名", "password": "long enough pass", "grants": [{"role": "resident", "area_id": app.area_id("卫技新村").await}]})).await;
    res.assert_field_error("username");
    assert_eq!(
        app.count("SELECT count(*) AS n FROM users WHERE $1 = $1", "")
            .await,
        before
    );
}

#[actix_web::test]
async fn the_last_grant_cannot_be_removed() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let home = app.compound().self_managed().create().await;
    let resident = app.user(Role::Resident).over(home.id).create().await;
    let me = app.get_as(&resident.token, "/api/v1/me").await.json();
    let id = me["id"].as_str().expect("the answer carries its id");
    let grant = me["grants"][0]["id"]
        .as_str()
        .expect("the answer carries its id");
    let read = app.get_as(&admin, &format!("/api/v1/users/{id}")).await;
    let etag = read.header("etag").expect("the answer carries an ETag");
    app.request(
        actix_web::http::Method::DELETE,
        &format!("/api/v1/users/{id}/grants/{grant}"),
    )
    .bearer(&admin)
    .header("if-match", &etag)
    .send()
    .await
    .assert_problem(409, "last_grant");
    // Giving a grant the user already holds is refused, not recorded twice.
    let read = app.get_as(&admin, &format!("/api/v1/users/{id}")).await;
    let etag = read.header("etag").expect("the answer carries an ETag");
    let area = home.id;
    let res = app
        .post(&format!("/api/v1/users/{id}/grants"))
        .bearer(&admin)
        .header("if-match", &etag)
        .json(&json!({"role": "resident", "area_id": area}))
        .send()
        .await;
    res.assert_field_error("role");
}

#[actix_web::test]
async fn callers_who_may_not_manage_users_are_refused_before_their_input_is_checked() {
    let app = TestApp::new().await;
    let compound = app.compound().create().await;
    let resident = app.user(Role::Resident).over(compound.id).create().await;
    let property = app
        .user(Role::PropertyStaff)
        .over(compound.id)
        .create()
        .await;
    let bad =
        json!({"username": "Bad Name", "display_name": "", "password": "short", "grants": []});
    for caller in [&resident, &property] {
        app.post_as(&caller.token, "/api/v1/users", &bad)
            .await
            .assert_problem(403, "forbidden");
        // An unmask with no reason is refused for the role, not for the reason.
        app.post_as(
            &caller.token,
            &format!("/api/v1/users/{}/unmask", caller.id),
            &json!({"reason": ""}),
        )
        .await
        .assert_problem(403, "forbidden");
    }
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM users WHERE username = $1",
            "bad name"
        )
        .await,
        0
    );
}
