use actix_web::{get, web};
use linli_domain::DomainError;
use linli_persistence::complaints;
use uuid::Uuid;

use super::visible;
use crate::{
    auth::Caller, dto::complaint::ComplaintView, error::ApiResult, handlers::tags, state::AppState,
};

/// Possible duplicates of a complaint: same compound and category, filed within three
/// days, still open — for the dispatcher to merge.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The complaints", body = Vec<ComplaintView>),
))]
#[get("/complaints/{id}/duplicates")]
pub async fn list_duplicates(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<Vec<ComplaintView>>> {
    let mut conn = state.db.conn().await?;
    let (c, st) = visible(&mut conn, &caller, id.into_inner()).await?;
    if !(st.dispatcher || st.handler) {
        return Err(DomainError::Forbidden.into());
    }
    let list = complaints::possible_duplicates(&mut conn, &c).await?;
    Ok(web::Json(
        list.into_iter()
            .map(|c| ComplaintView::new(c, false))
            .collect(),
    ))
}
