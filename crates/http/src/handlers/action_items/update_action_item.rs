use actix_web::{HttpResponse, http::header, put, web};
use linli_domain::{policy::Action, registry::check_action_status};
use linli_persistence::{areas::scope_patterns, registry::meetings};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::registry::{ActionItemStatusInput, ActionItemView},
    error::ApiResult,
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Follow an action item up: done (with the date), cancelled, or reopened. Allowed after
/// the meeting is finalised. Requires `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = ActionItemStatusInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The action item; `ETag` carries its version", body = ActionItemView, headers(("ETag" = String))),
))]
#[put("/action-items/{id}")]
pub async fn update_action_item(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<ActionItemStatusInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageMeetings)?;
    let patterns = scope_patterns(&scope);
    check_action_status(body.status, body.done_on, state.clock().today())?;
    let mut conn = state.db.conn().await?;
    let item = meetings::find_item(&mut conn, &patterns, id.into_inner()).await?;
    // A draft's items are rewritten whenever the draft is saved: follow-up starts once the
    // record is finalised, so nothing done here is lost.
    if !item.meeting_finalised {
        return Err(linli_domain::DomainError::WrongState {
            code: "meeting_not_finalised",
            detail: "会议纪要定稿后才能跟进待办事项 / follow-up starts once the meeting record is finalised".into(),
            allowed: vec![],
        }
        .into());
    }
    let updated = meetings::set_item_status(
        &mut conn,
        &caller.audit,
        &item,
        body.status,
        body.done_on,
        if_match.0,
        &patterns,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(updated.version)))
        .json(ActionItemView::from(updated)))
}
