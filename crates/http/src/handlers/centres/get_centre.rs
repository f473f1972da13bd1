use actix_web::{HttpResponse, get, http::header, web};
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, registry::centres};
use uuid::Uuid;

use crate::{
    auth::Caller, dto::registry::CentreView, error::ApiResult, extract::etag, handlers::tags,
    state::AppState,
};

/// One centre; `ETag` for `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The centre; `ETag` carries its version", body = CentreView, headers(("ETag" = String))),
))]
#[get("/centres/{id}")]
pub async fn get_centre(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let mut conn = state.db.conn().await?;
    let centre = centres::find_visible(&mut conn, &scope_patterns(&scope), id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(centre.version)))
        .json(CentreView::from(centre)))
}
