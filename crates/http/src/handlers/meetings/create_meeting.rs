use actix_web::{HttpResponse, post, web};
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, registry::meetings};

use super::{checked, respond};
use crate::{
    auth::Caller,
    dto::registry::{MeetingInput, MeetingView},
    error::ApiResult,
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Record a joint meeting (as a draft): who attended for which body, the agenda, the
/// resolutions and the action items with their owners and due dates.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = MeetingInput, responses(
    (status = 201, description = "Created: the meeting; `ETag` carries its version", body = MeetingView, headers(("ETag" = String))),
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
