use actix_web::{HttpResponse, get, web};
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, registry::meetings};
use uuid::Uuid;

use super::respond;
use crate::{
    auth::Caller, dto::registry::MeetingView, error::ApiResult, handlers::tags, state::AppState,
};

/// One meeting record: minutes, action items, amendments; `ETag` for `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The meeting; `ETag` carries its version", body = MeetingView, headers(("ETag" = String))),
))]
#[get("/joint-meetings/{id}")]
pub async fn get_meeting(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let mut conn = state.db.conn().await?;
    let meeting =
        meetings::find_visible(&mut conn, &scope_patterns(&scope), id.into_inner()).await?;
    respond(&mut conn, &mut HttpResponse::Ok(), meeting).await
}
