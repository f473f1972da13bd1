use actix_web::{HttpRequest, HttpResponse, http::StatusCode, http::header, post, web};
use linli_app::password::{self, Verdict};
use linli_domain::throttle;
use linli_persistence::{logins, users};

use super::start_session;
use crate::{
    auth::principal::client_ip,
    dto::auth::{LoginRequest, TokenResponse},
    error::{ApiError, ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Sign in with username and password.
///
/// Unknown users and wrong passwords get the same answer, after the same work. After 5
/// failures for one account (or 20 from one client address) within 15 minutes, further
/// attempts get 429 with `Retry-After` until the oldest failure leaves the window.
#[utoipa::path(tag = tags::AUTH, request_body = LoginRequest, responses(
    (status = 200, description = "Signed in", body = TokenResponse),
    (status = 401, description = "Wrong username or password (`invalid_credentials`)", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Username or password missing or too long", body = Problem, content_type = "application/problem+json"),
    (status = 429, description = "Too many failed attempts (`too_many_attempts`); see `Retry-After`", body = Problem, content_type = "application/problem+json",
        headers(("Retry-After" = u32, description = "Seconds to wait"))),
))]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    ValidJson(body): ValidJson<LoginRequest>,
) -> ApiResult<HttpResponse> {
    check_lengths(&body)?;
    let ip = client_ip(&req, state.settings.trust_proxy);
    let now = state.clock().now();
    let mut conn = state.db.conn().await?;
    let (account, client) = logins::recent_failures(&mut conn, &body.username, &ip, now).await?;
    if let Some(wait) = throttle::retry_after(account, client, now) {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            {
                let minutes = (wait + 59) / 60;
                format!("登录失败次数过多，请 {minutes} 分钟后再试 / too many failed sign-ins; try again in {minutes} minute(s)")
            },
        )
        .with_header(header::RETRY_AFTER, wait.to_string()));
    }
    let found = users::find_credentials(&mut conn, &body.username).await?;
    let stored_hash = found
        .as_ref()
        .map(|(_, hash)| hash.clone())
        .unwrap_or_else(|| password::dummy_hash().to_owned());
    let attempt = body.password.clone();
    let verdict = web::block(move || password::verify(&attempt, &stored_hash))
        .await
        .map_err(|e| ApiError::internal(&e))?;
    let user = match (found, verdict) {
        (Some((user, _)), Verdict::Accepted | Verdict::AcceptedNeedsRehash) if user.is_active => {
            if verdict == Verdict::AcceptedNeedsRehash {
                upgrade_hash(&mut conn, user.id, body.password).await;
            }
            user
        }
        _ => {
            logins::record(&mut conn, &body.username, &ip, false).await?;
            return Err(invalid_credentials());
        }
    };
    logins::record(&mut conn, &body.username, &ip, true).await?;
    let tokens = start_session(
        &mut conn,
        &state.settings.auth,
        now,
        user.id,
        user.token_version,
    )
    .await?;
    log::info!("user {} signed in from {ip}", user.username);
    Ok(HttpResponse::Ok().json(tokens))
}

/// The single answer to every failed sign-in.
pub fn invalid_credentials() -> ApiError {
    ApiError::unauthorized(
        "invalid_credentials",
        "用户名或密码错误 / wrong username or password",
    )
}

fn check_lengths(body: &LoginRequest) -> ApiResult<()> {
    let mut errors = linli_domain::FieldErrors::new();
    if body.username.is_empty() || body.username.chars().count() > 64 {
        errors.insert(
            "username".into(),
            vec!["用户名须为 1 到 64 个字符 / username must be 1 to 64 characters".into()],
        );
    }
    if body.password.is_empty() || body.password.chars().count() > 256 {
        errors.insert(
            "password".into(),
            vec!["密码须为 1 到 256 个字符 / password must be 1 to 256 characters".into()],
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

/// Stores a hash at today's parameters. A failure is logged, not fatal: the old hash
/// still works and the next sign-in tries again.
async fn upgrade_hash(
    conn: &mut linli_persistence::AsyncPgConnection,
    user_id: uuid::Uuid,
    password: String,
) {
    let Ok(Ok(fresh)) = web::block(move || password::hash(&password)).await else {
        log::warn!("could not rehash the password of user {user_id}");
        return;
    };
    if let Err(e) = users::set_password_hash(conn, user_id, &fresh).await {
        log::warn!("could not store the upgraded hash of user {user_id}: {e}");
    }
}
