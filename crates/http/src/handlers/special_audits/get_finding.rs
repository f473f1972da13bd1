use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::special_audits;

use crate::{dto::special_audit::FindingView, extract::etag};

/// One finding with its rectification actions.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The finding; `ETag` carries its version", body = FindingView, headers(("ETag" = String))),
))]
#[get("/audit-findings/{id}")]
pub async fn get_finding(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let f = in_transaction(
        &state.db,
        with_tx!(|tx| special_audits::get_finding(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(f.finding.version)))
        .json(FindingView::from(f)))
}
