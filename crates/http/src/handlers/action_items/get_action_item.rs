use crate::handlers::prelude::*;
use linli_app::meetings;

use super::item_response;
use crate::dto::registry::ActionItemView;

/// One action item; `ETag` for `If-Match` on follow-up.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The action item; `ETag` carries its version", body = ActionItemView, headers(("ETag" = String))),
))]
#[get("/action-items/{id}")]
pub async fn get_action_item(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let item_id = id.into_inner();
    let item = in_transaction(
        &state.db,
        with_tx!(|tx| meetings::get_action_item(tx, &caller, item_id.into()).await),
    )
    .await?;
    Ok(item_response(item))
}
