use actix_web::{HttpResponse, put, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{areas::scope_patterns, registry::meetings};
use uuid::Uuid;

use super::{checked, respond};
use crate::{
    auth::Caller,
    dto::registry::{MeetingInput, MeetingView},
    error::{ApiResult, Problem},
    extract::{IfMatch, ValidJson},
    handlers::tags,
    state::AppState,
};

/// Change a draft meeting record. A finalised record is read-only (409
/// `meeting_finalised`): correct it with an amendment. Requires `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = MeetingInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The meeting; `ETag` carries its version", body = MeetingView, headers(("ETag" = String))),
    (status = 409, description = "Finalised (`meeting_finalised`, `allowed` lists what is possible)", body = Problem, content_type = "application/problem+json"),
))]
#[put("/joint-meetings/{id}")]
pub async fn update_meeting(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<MeetingInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageMeetings)?;
    let patterns = scope_patterns(&scope);
    let mut conn = state.db.conn().await?;
    let current = meetings::find_visible(&mut conn, &patterns, id.into_inner()).await?;
    if body.compound_id != current.compound_id {
        return Err(DomainError::field(
            "compound_id",
            "会议所属小区不能修改 / a meeting stays with its compound",
        )
        .into());
    }
    let (draft, items, _) = checked(&mut conn, &scope, body).await?;
    let meeting = meetings::update(
        &mut conn,
        &caller.audit,
        &current,
        &draft,
        &items,
        if_match.0,
        &patterns,
    )
    .await?;
    respond(&mut conn, &mut HttpResponse::Ok(), meeting).await
}
