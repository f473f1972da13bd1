use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::special_audits::create_engagement as create;

use crate::{
    dto::special_audit::{EngagementInput, EngagementView},
    extract::{ValidJson, etag},
};

/// Add a compound to a campaign with one of its firms and a fee. The sum of fees can never
/// exceed the campaign's budget — also when fees are assigned at the same time.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), request_body = EngagementInput,
    params(("id" = Uuid, Path, description = "Campaign id")), responses(
    (status = 201, description = "Created: the engagement; `Location` is its address; `ETag` carries its version", body = EngagementView, headers(("ETag" = String), ("Location" = String))),
    (status = 422, description = "Invalid fields, a firm not in the campaign, a compound already in it, or over budget (`fee_fen`)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/audit-campaigns/{id}/engagements")]
pub async fn create_engagement(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<EngagementInput>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner());
    let g = in_transaction(&state.db, with_tx!(|tx| create(tx, &caller, command).await)).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(g.version)))
        .insert_header((
            header::LOCATION,
            format!("/api/v1/audit-engagements/{}", g.id),
        ))
        .json(EngagementView::from(g)))
}
