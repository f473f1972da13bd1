use actix_web::{HttpRequest, HttpResponse, post, web};
use linli_persistence::{
    audit_log::{self, Change},
    tokens::{self, Rotation},
    users,
};

use super::{refresh_expiry, token_pair};
use crate::{
    auth::{principal::request_context, refresh as refresh_token},
    dto::auth::{RefreshRequest, TokenResponse},
    error::{ApiError, ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Exchange a refresh token for a new access token and a new refresh token.
///
/// Each refresh token works once. Presenting one that was already exchanged means it was
/// copied: every token of that sign-in is revoked and the user must sign in again.
#[utoipa::path(tag = tags::AUTH, request_body = RefreshRequest, responses(
    (status = 200, description = "New token pair", body = TokenResponse),
    (status = 401, description = "Unknown, expired, revoked or re-used token (`invalid_refresh_token`)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    ValidJson(body): ValidJson<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    let settings = &state.settings.auth;
    let (successor, successor_digest) = refresh_token::generate();
    let mut conn = state.db.conn().await?;
    let now = state.clock().now();
    let rotation = tokens::rotate(
        &mut conn,
        &refresh_token::digest(&body.refresh_token),
        &successor_digest,
        now,
        refresh_expiry(settings, now),
    )
    .await?;
    match rotation {
        Rotation::Rotated { user_id, .. } => {
            let user = users::find(&mut conn, user_id)
                .await?
                .filter(|u| u.is_active)
                .ok_or_else(invalid_refresh_token)?;
            Ok(HttpResponse::Ok().json(token_pair(
                settings,
                user.id,
                user.token_version,
                successor,
            )?))
        }
        Rotation::Reused { user_id, family_id } => {
            log::warn!("refresh token re-used for user {user_id}; family {family_id} revoked");
            let ctx = request_context(&req, &state, Some(user_id), "refresh token holder");
            audit_log::record(
                &mut conn,
                &ctx,
                Change {
                    action: "session.refresh_token_reused",
                    object_type: "user",
                    object_id: user_id.to_string(),
                    area_path: None,
                    before: None,
                    after: Some(serde_json::json!({"family_id": family_id, "revoked": true})),
                },
            )
            .await?;
            Err(invalid_refresh_token())
        }
        Rotation::Invalid => Err(invalid_refresh_token()),
    }
}

fn invalid_refresh_token() -> ApiError {
    ApiError::unauthorized(
        "invalid_refresh_token",
        "登录状态已失效，请重新登录 / the refresh token is not valid; sign in again",
    )
}
