//! Session safety: revocation on password, grant and status changes; hash upgrades.

use linli_domain::policy::Role;
use linli_tests::text;
use linli_tests::{DEMO_PASSWORD, TestApp};
use serde_json::json;

#[actix_web::test]
async fn changing_the_password_ends_every_session() {
    let app = TestApp::new().await;
    let user = app.user_over(Role::CommunityStaff, "梓园社区").await;
    let tokens = app.login(&user.username, DEMO_PASSWORD).await.json();
    let access = text(&tokens["access_token"]);
    let refresh = text(&tokens["refresh_token"]);
    app.get_as(&access, "/api/v1/me").await.assert_status(200);
    // Wrong current password: refused, nothing changes.
    let res = app
        .post_as(
            &access,
            "/api/v1/me/password",
            &json!({"current_password": "nope", "new_password": "a brand new passphrase"}),
        )
        .await;
    res.assert_field_error("current_password");
    let res = app
        .post_as(
            &access,
            "/api/v1/me/password",
            &json!({"current_password": DEMO_PASSWORD, "new_password": "short"}),
        )
        .await;
    res.assert_field_error("new_password");
    app.get_as(&access, "/api/v1/me").await.assert_status(200);

    app.post_as(
        &access,
        "/api/v1/me/password",
        &json!({"current_password": DEMO_PASSWORD, "new_password": "a brand new passphrase"}),
    )
    .await
    .assert_status(204);
    app.get_as(&access, "/api/v1/me")
        .await
        .assert_problem(401, "invalid_token");
    app.refresh(&refresh)
        .await
        .assert_problem(401, "invalid_refresh_token");
    app.login(&user.username, DEMO_PASSWORD)
        .await
        .assert_problem(401, "invalid_credentials");
    app.login(&user.username, "a brand new passphrase")
        .await
        .assert_status(200);
    let admin = app.token_for("admin").await;
    let log = app
        .get_as(&admin, "/api/v1/audit-log?action=user.password_changed")
        .await
        .json();
    assert_eq!(log["items"].as_array().map(Vec::len), Some(1));
}

#[actix_web::test]
async fn a_grant_change_revokes_older_access_tokens() {
    let app = TestApp::new().await;
    let staff = app.user_over(Role::CommunityStaff, "梓园社区").await;
    let staff_token = staff.token.clone();
    let admin = app.admin().await;
    let id = staff.id;
    let read = app.get_as(&admin, &format!("/api/v1/users/{id}")).await;
    let etag = read.header("etag").expect("the answer carries an ETag");
    let other = app.area_id("卫技社区").await;
    app.post(&format!("/api/v1/users/{id}/grants"))
        .bearer(&admin)
        .header("if-match", &etag)
        .json(&json!({"role": "community_staff", "area_id": other}))
        .send()
        .await
        .assert_status(200);
    app.get_as(&staff_token, "/api/v1/me")
        .await
        .assert_problem(401, "invalid_token");
    // A fresh token carries the new grant.
    let fresh = app.token_for(&staff.username).await;
    let me = app.get_as(&fresh, "/api/v1/me").await.json();
    assert_eq!(me["grants"].as_array().map(Vec::len), Some(2));
}

#[actix_web::test]
async fn weaker_password_hashes_are_upgraded_at_sign_in() {
    let app = TestApp::new().await;
    let user = app.user_over(Role::SubdistrictStaff, "侯家塘街道").await;
    let username = user.username.as_str();
    // m=8192, t=1: below today's parameters.
    let weak = {
        use argon2::{Algorithm, Argon2, Params, PasswordHasher, Version};
        Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8192, 1, 1, None).unwrap_or_default(),
        )
        .hash_password(DEMO_PASSWORD.as_bytes())
        .map(|h| h.to_string())
        .unwrap_or_default()
    };
    app.sql(&format!(
        "UPDATE users SET password_hash = '{weak}' WHERE username = '{username}'"
    ))
    .await;
    app.login(username, DEMO_PASSWORD).await.assert_status(200);
    let upgraded = app
        .count(
            "SELECT count(*) AS n FROM users WHERE username = $1 AND password_hash LIKE '$argon2id$v=19$m=19456,t=2,p=1$%'",
            username,
        )
        .await;
    assert_eq!(upgraded, 1);
    app.login(username, DEMO_PASSWORD).await.assert_status(200);
}

#[actix_web::test]
async fn reuse_of_a_refresh_token_is_audited() {
    let app = TestApp::new().await;
    let home = app.compound().create().await;
    let resident = app.user(Role::Resident).over(home.id).create().await;
    let tokens = app.login(&resident.username, DEMO_PASSWORD).await.json();
    let r1 = text(&tokens["refresh_token"]);
    // The thief refreshes first and holds a fresh access token.
    let stolen = app.refresh(&r1).await.json();
    let thiefs_access = text(&stolen["access_token"]);
    app.get_as(&thiefs_access, "/api/v1/me")
        .await
        .assert_status(200);
    // The owner's retry with the same token gives the theft away: every session ends.
    app.refresh(&r1).await.assert_status(401);
    app.get_as(&thiefs_access, "/api/v1/me")
        .await
        .assert_status(401);
    app.refresh(&text(&stolen["refresh_token"]))
        .await
        .assert_status(401);
    let admin = app.token_for("admin").await;
    let log = app
        .get_as(
            &admin,
            "/api/v1/audit-log?action=session.refresh_token_reused",
        )
        .await
        .json();
    assert_eq!(log["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(log["items"][0]["after"]["revoked"], true);
    assert_eq!(log["items"][0]["after"]["sessions_ended"], true);
}
