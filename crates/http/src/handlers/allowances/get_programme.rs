use actix_web::{HttpResponse, get, http::header, web};
use linli_domain::policy::Action;
use linli_persistence::{allowances, areas::scope_patterns};
use uuid::Uuid;

use crate::{
    auth::Caller, dto::allowance::ProgrammeView, error::ApiResult, extract::etag, handlers::tags,
    state::AppState,
};

/// One programme; `ETag` for `If-Match`.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The programme; `ETag` carries its version", body = ProgrammeView, headers(("ETag" = String))),
))]
#[get("/allowance-programmes/{id}")]
pub async fn get_programme(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let patterns = scope_patterns(&caller.scope(Action::ReadAllowances)?);
    let mut conn = state.db.conn().await?;
    let p = allowances::programme(&mut conn, &patterns, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(p.version)))
        .json(ProgrammeView::from(p)))
}
