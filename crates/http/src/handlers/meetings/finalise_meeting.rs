use actix_web::{HttpResponse, post, web};
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, registry::meetings};
use uuid::Uuid;

use super::respond;
use crate::{
    auth::AuthUser,
    dto::registry::MeetingView,
    error::{ApiResult, Problem},
    extract::IfMatch,
    handlers::tags,
    state::AppState,
};

/// Sign the record off. From then on it is read-only; corrections are amendments.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The meeting; `ETag` carries its version", body = MeetingView, headers(("ETag" = String))),
    (status = 409, description = "Already finalised, or attendance/agenda missing", body = Problem, content_type = "application/problem+json"),
))]
#[post("/joint-meetings/{id}/finalise")]
pub async fn finalise_meeting(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let scope = user.scope(Action::ManageMeetings)?;
    let patterns = scope_patterns(&scope);
    let mut conn = state.db.conn().await?;
    let current = meetings::find_visible(&mut conn, &patterns, id.into_inner()).await?;
    let meeting = meetings::finalise(
        &mut conn,
        &user.audit,
        &current,
        user.user_id()?,
        if_match.0,
        &patterns,
    )
    .await?;
    respond(&mut conn, &mut HttpResponse::Ok(), meeting).await
}
