use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::special_audits;

use crate::{dto::special_audit::EngagementView, extract::etag};

/// One engagement; `ETag` for `If-Match`.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The engagement; `ETag` carries its version", body = EngagementView, headers(("ETag" = String))),
))]
#[get("/audit-engagements/{id}")]
pub async fn get_engagement(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let g = in_transaction(
        &state.db,
        with_tx!(|tx| special_audits::get_engagement(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(g.version)))
        .json(EngagementView::from(g)))
}
