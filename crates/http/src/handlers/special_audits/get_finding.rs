use actix_web::{HttpResponse, get, http::header, web};
use uuid::Uuid;

use super::{finding_view, visibility};
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
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let view = finding_view(&mut conn, &vis, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(view.version)))
        .json(view))
}
