use crate::handlers::prelude::*;
use linli_app::complaints;

use super::in_full;
use crate::dto::complaint::ComplaintDetail;

/// One complaint with its timeline, deadlines and the actions you may take now.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The complaint in full; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String))),
))]
#[get("/complaints/{id}")]
pub async fn get_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let full = in_transaction(
        &state.db,
        with_tx!(|tx| {
            let seen = complaints::visible(tx, &caller, id.into()).await?;
            complaints::in_full(tx, &caller, seen).await
        }),
    )
    .await?;
    in_full(StatusCode::OK, full)
}
