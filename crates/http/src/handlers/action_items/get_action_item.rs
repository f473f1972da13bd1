use actix_web::{HttpResponse, get, http::header, web};
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, registry::meetings};
use uuid::Uuid;

use crate::{
    auth::Caller, dto::registry::ActionItemView, error::ApiResult, extract::etag, handlers::tags,
    state::AppState,
};

/// One action item; `ETag` for `If-Match` on follow-up.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The action item; `ETag` carries its version", body = ActionItemView, headers(("ETag" = String))),
))]
#[get("/action-items/{id}")]
pub async fn get_action_item(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let mut conn = state.db.conn().await?;
    let item = meetings::find_item(&mut conn, &scope_patterns(&scope), id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(item.version)))
        .json(ActionItemView::from(item)))
}
