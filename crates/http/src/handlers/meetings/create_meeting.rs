use actix_web::{HttpResponse, post, web};
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, registry::meetings};

use super::{checked, respond};
use crate::{
    auth::Caller,
    dto::registry::{MeetingInput, MeetingView},
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Record a joint meeting (as a draft): who attended for which body, the agenda, the
/// resolutions and the action items with their owners and due dates.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = MeetingInput, responses(
    (status = 201, body = MeetingView, headers(("ETag" = String))),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 422, body = Problem, content_type = "application/problem+json"),
))]
#[post("/joint-meetings")]
pub async fn create_meeting(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<MeetingInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageMeetings)?;
    let mut conn = state.db.conn().await?;
    let (draft, items, area_path) = checked(&mut conn, &scope, body).await?;
    let meeting = meetings::create(
        &mut conn,
        &caller.audit,
        &draft,
        &items,
        &area_path,
        &scope_patterns(&scope),
    )
    .await?;
    respond(&mut conn, &mut HttpResponse::Created(), meeting).await
}
