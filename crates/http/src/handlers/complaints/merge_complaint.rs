use crate::handlers::prelude::*;
use linli_app::complaints;

use super::in_full;
use crate::{
    dto::complaint::{ComplaintDetail, MergeRequest},
    extract::{IfMatch, ValidJson},
};

/// Merge a complaint into another about the same compound and category: it is closed
/// pointing at the one that carries on, and both timelines say so. Requires `If-Match`
/// of the complaint being merged.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), request_body = MergeRequest,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The complaint in full; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String))),
))]
#[post("/complaints/{id}/merge")]
pub async fn merge_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<MergeRequest>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner(), if_match.0);
    let full = in_transaction(
        &state.db,
        with_tx!(|tx| {
            let seen = complaints::merge_complaint(tx, &caller, command).await?;
            complaints::in_full(tx, &caller, seen).await
        }),
    )
    .await?;
    in_full(StatusCode::OK, full)
}
