use crate::handlers::prelude::*;
use linli_app::meetings;

use super::item_response;
use crate::{
    dto::registry::{ActionItemStatusInput, ActionItemView},
    extract::{IfMatch, ValidJson},
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
    let command = body.into_command(id.into_inner(), if_match.0);
    let today = state.clock().today();
    let item = in_transaction(
        &state.db,
        with_tx!(|tx| meetings::update_action_item(tx, &caller, today, command).await),
    )
    .await?;
    Ok(item_response(item))
}
