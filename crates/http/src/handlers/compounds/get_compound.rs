use actix_web::{HttpResponse, get, http::header, web};
use linli_domain::policy::Action;
use linli_persistence::compounds;
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::compound::CompoundView,
    error::{ApiResult, Problem},
    extract::etag,
    handlers::tags,
    state::AppState,
};

/// One compound; `ETag` carries its version for `If-Match` on update.
#[utoipa::path(tag = tags::COMPOUNDS, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path, description = "Compound id")), responses(
    (status = 200, description = "The compound; `ETag` carries its version", body = CompoundView, headers(("ETag" = String, description = "Version tag for If-Match"))),
    (status = 404, description = "No such compound in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[get("/compounds/{id}")]
pub async fn get_compound(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ReadCompounds)?;
    let mut conn = state.db.conn().await?;
    let compound = compounds::find_in_scope(&mut conn, id.into_inner(), &scope).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(compound.version)))
        .json(CompoundView::from(compound)))
}
