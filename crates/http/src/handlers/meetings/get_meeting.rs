use crate::handlers::prelude::*;
use linli_app::meetings;

use super::in_full;
use crate::dto::registry::MeetingView;

/// One meeting record: minutes, action items, amendments; `ETag` for `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The meeting; `ETag` carries its version", body = MeetingView, headers(("ETag" = String))),
))]
#[get("/joint-meetings/{id}")]
pub async fn get_meeting(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let meeting_id = id.into_inner();
    let record = in_transaction(
        &state.db,
        with_tx!(|tx| meetings::get_meeting(tx, &caller, meeting_id.into()).await),
    )
    .await?;
    Ok(in_full(HttpResponse::Ok(), record))
}
