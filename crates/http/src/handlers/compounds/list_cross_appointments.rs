use actix_web::{get, web};
use linli_domain::policy::Action;
use linli_persistence::{compounds, registry::people};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::registry::{CrossAppointmentView, OnQuery},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// People holding posts in two or more of the compound's four bodies (party branch,
/// owners' committee, property company, supervisory committee) on a date (default today).
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path), OnQuery), responses(
    (status = 200, description = "The cross appointments", body = Vec<CrossAppointmentView>),
))]
#[get("/compounds/{id}/cross-appointments")]
pub async fn list_cross_appointments(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<OnQuery>,
) -> ApiResult<web::Json<Vec<CrossAppointmentView>>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let mut conn = state.db.conn().await?;
    let compound = compounds::find_in_scope(&mut conn, id.into_inner(), &scope).await?;
    let on = query.on.unwrap_or_else(|| state.clock().today());
    let list = people::cross_appointments(&mut conn, compound.id, on).await?;
    Ok(web::Json(
        list.into_iter().map(CrossAppointmentView::from).collect(),
    ))
}
