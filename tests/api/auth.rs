use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use linli_tests::text;
use linli_tests::{DEMO_PASSWORD, JWT_SECRET, TestApp};
use serde_json::{Value, json};

#[actix_web::test]
async fn login_issues_tokens_that_open_me() {
    let app = TestApp::new().await;
    let res = app.login("admin", DEMO_PASSWORD).await;
    res.assert_status(200);
    let body = res.json();
    assert_eq!(body["token_type"], "Bearer");
    assert!(
        body["expires_in"]
            .as_u64()
            .is_some_and(|s| s > 0 && s <= 900)
    );
    assert!(
        body["refresh_token"]
            .as_str()
            .is_some_and(|t| t.starts_with("lrt_"))
    );
    let me = app
        .get_as(
            body["access_token"].as_str().unwrap_or_default(),
            "/api/v1/me",
        )
        .await;
    me.assert_status(200);
    let me = me.json();
    assert_eq!(me["username"], "admin");
    assert_eq!(me["grants"][0]["role"], "district_admin");
    assert_eq!(me["grants"][0]["area_name"], "雨花区");
    assert!(
        me["permissions"]
            .as_array()
            .is_some_and(|p| p.contains(&json!("compounds.create")))
    );
}

#[actix_web::test]
async fn unknown_user_and_wrong_password_answer_identically() {
    let app = TestApp::new().await;
    let wrong = app.login("admin", "not-the-password").await;
    let unknown = app.login("nobody-here", "not-the-password").await;
    wrong.assert_problem(401, "invalid_credentials");
    assert_eq!(wrong.status, unknown.status);
    assert_eq!(wrong.json_sans_request_id(), unknown.json_sans_request_id());
    assert_eq!(
        wrong.header("www-authenticate"),
        unknown.header("www-authenticate")
    );
}

#[actix_web::test]
async fn missing_and_overlong_credentials_are_validation_errors() {
    let app = TestApp::new().await;
    let res = app.login("", &"x".repeat(300)).await;
    let body = res.assert_field_error("username");
    assert!(body["errors"]["password"].is_array());
}

fn claims(overrides: Value) -> Value {
    let now = chrono::Utc::now().timestamp();
    let mut c = json!({
        "iss": "linli", "aud": "linli-api", "sub": uuid::Uuid::nil(), "iat": now, "nbf": now,
        "exp": now + 600, "jti": uuid::Uuid::new_v4(), "typ": "access", "ver": 0
    });
    if let (Some(base), Some(extra)) = (c.as_object_mut(), overrides.as_object()) {
        for (k, v) in extra {
            base.insert(k.clone(), v.clone());
        }
    }
    c
}

async fn admin_claims(app: &TestApp, overrides: Value) -> Value {
    let token = app.token_for("admin").await;
    let payload = token.split('.').nth(1).unwrap_or_default();
    let real: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap_or_default())
        .unwrap_or_default();
    let mut c = claims(overrides);
    c["sub"] = real["sub"].clone();
    c
}

fn sign(claims: &Value, key: &[u8]) -> String {
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(key),
    )
    .unwrap_or_default()
}

#[actix_web::test]
async fn forged_expired_and_unsigned_tokens_are_rejected() {
    let app = TestApp::new().await;
    let good = admin_claims(&app, json!({})).await;
    // Control: a correctly signed token for admin works, so the refusals below are real.
    app.get_as(&sign(&good, JWT_SECRET), "/api/v1/me")
        .await
        .assert_status(200);

    let past = chrono::Utc::now().timestamp() - 3600;
    let expired = admin_claims(
        &app,
        json!({"exp": past, "iat": past - 900, "nbf": past - 900}),
    )
    .await;
    app.get_as(&sign(&expired, JWT_SECRET), "/api/v1/me")
        .await
        .assert_problem(401, "token_expired");

    let wrong_key = sign(&good, b"some-other-key-some-other-key-0000");
    let wrong_aud = sign(
        &admin_claims(&app, json!({"aud": "elsewhere"})).await,
        JWT_SECRET,
    );
    let wrong_iss = sign(
        &admin_claims(&app, json!({"iss": "someone"})).await,
        JWT_SECRET,
    );
    let wrong_typ = sign(
        &admin_claims(&app, json!({"typ": "refresh"})).await,
        JWT_SECRET,
    );
    let old_version = sign(&admin_claims(&app, json!({"ver": 7})).await, JWT_SECRET);
    let header_none = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let body = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&good).unwrap_or_default());
    let alg_none = format!("{header_none}.{body}.");
    for (label, token) in [
        ("wrong key", wrong_key),
        ("wrong audience", wrong_aud),
        ("wrong issuer", wrong_iss),
        ("wrong type", wrong_typ),
        ("old token version", old_version),
        ("alg none", alg_none),
        ("garbage", "not.a.jwt".to_owned()),
    ] {
        let res = app.get_as(&token, "/api/v1/me").await;
        assert_eq!(res.status.as_u16(), 401, "{label}: {}", res.text());
        assert_eq!(res.json()["code"], "invalid_token", "{label}");
    }
    app.get_public("/api/v1/me")
        .await
        .assert_problem(401, "unauthorized");
}

#[actix_web::test]
async fn a_refresh_token_is_not_an_access_token() {
    let app = TestApp::new().await;
    let tokens = app.login("admin", DEMO_PASSWORD).await.json();
    let refresh = tokens["refresh_token"]
        .as_str()
        .expect("the answer carries its refresh_token");
    app.get_as(refresh, "/api/v1/me")
        .await
        .assert_problem(401, "invalid_token");
}

#[actix_web::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = TestApp::new().await;
    let first = app.login("ziyuan", DEMO_PASSWORD).await.json();
    let r1 = text(&first["refresh_token"]);
    let second = app.refresh(&r1).await;
    second.assert_status(200);
    let r2 = text(&second.json()["refresh_token"]);
    assert_ne!(r1, r2);
    // Replaying the first token: refused, and the live successor dies with it.
    for refresh in [&r1, &r2] {
        app.refresh(refresh)
            .await
            .assert_problem(401, "invalid_refresh_token");
    }
}

#[actix_web::test]
async fn logout_revokes_the_refresh_token() {
    let app = TestApp::new().await;
    let tokens = app.login("houjiatang", DEMO_PASSWORD).await.json();
    let refresh = text(&tokens["refresh_token"]);
    app.post("/api/v1/auth/logout")
        .json(&json!({"refresh_token": refresh}))
        .send()
        .await
        .assert_status(204);
    app.refresh(&refresh)
        .await
        .assert_problem(401, "invalid_refresh_token");
}
