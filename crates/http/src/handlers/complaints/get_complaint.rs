use actix_web::{HttpResponse, get, http::header, web};
use uuid::Uuid;

use super::{detail, visible};
use crate::{
    auth::Caller, dto::complaint::ComplaintDetail, error::ApiResult, extract::etag, handlers::tags,
    state::AppState,
};

/// One complaint with its timeline, deadlines and the actions you may take now.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The complaint in full; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String))),
))]
#[get("/complaints/{id}")]
pub async fn get_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    let (c, st) = visible(&mut conn, &caller, id.into_inner()).await?;
    let version = c.version;
    let body = detail(&mut conn, &caller, c, st).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(version)))
        .json(body))
}
