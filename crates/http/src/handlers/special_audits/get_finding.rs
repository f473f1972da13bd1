use actix_web::{HttpResponse, get, http::header, web};
use linli_app::{in_transaction, special_audits};
use uuid::Uuid;

use crate::{
    auth::Caller, dto::special_audit::FindingView, error::ApiResult, extract::etag, handlers::tags,
    state::AppState,
};

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
    let f = in_transaction(&state.db, |tx| {
        Box::pin(async move { special_audits::get_finding(tx, &caller, id).await })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(f.finding.version)))
        .json(FindingView::from(f)))
}
