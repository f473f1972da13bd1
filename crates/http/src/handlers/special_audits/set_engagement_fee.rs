use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::special_audits::set_engagement_fee as set_fee;

use crate::{
    dto::special_audit::{EngagementView, FeeInput},
    extract::{IfMatch, ValidJson, etag},
};

/// Set an engagement's fee (and scope). The campaign's budget caps the sum of fees: the
/// database checks it under the campaign's lock, so concurrent assignments never
/// overspend. Requires `If-Match`.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), request_body = FeeInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)), responses(
    (status = 200, description = "The engagement; `ETag` carries its version", body = EngagementView, headers(("ETag" = String))),
    (status = 422, description = "Negative, or over the budget (`fee_fen`)", body = Problem, content_type = "application/problem+json"),
))]
#[put("/audit-engagements/{id}/fee")]
pub async fn set_engagement_fee(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<FeeInput>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner(), if_match.0);
    let g = in_transaction(
        &state.db,
        with_tx!(|tx| set_fee(tx, &caller, command).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(g.version)))
        .json(EngagementView::from(g)))
}
