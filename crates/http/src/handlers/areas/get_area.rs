use actix_web::{HttpResponse, get, http::header, web};
use linli_domain::policy::Action;
use linli_persistence::areas;
use uuid::Uuid;

use super::views;
use crate::{
    auth::Caller,
    dto::area::AreaView,
    error::{ApiError, ApiResult, Problem},
    extract::etag,
    handlers::tags,
    state::AppState,
};

/// One area node; `ETag` carries its version for `If-Match` on update.
#[utoipa::path(tag = tags::AREAS, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path, description = "Area id")), responses(
    (status = 200, description = "The area; `ETag` carries its version", body = AreaView, headers(("ETag" = String, description = "Version tag for If-Match"))),
    (status = 404, description = "No such area in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[get("/areas/{id}")]
pub async fn get_area(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ReadAreas)?;
    let mut conn = state.db.conn().await?;
    let area = areas::find_in_scope(&mut conn, id.into_inner(), &scope).await?;
    let version = area.version;
    let view = views(&mut conn, vec![area])
        .await?
        .pop()
        .ok_or_else(|| ApiError::not_found("area"))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(version)))
        .json(view))
}
