use crate::handlers::prelude::*;
use linli_app::compounds::cross_appointments;

use crate::dto::registry::{CrossAppointmentView, OnQuery};

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
    let (id, on) = (
        id.into_inner(),
        query.on.unwrap_or_else(|| state.clock().today()),
    );
    let list = in_transaction(
        &state.db,
        with_tx!(|tx| cross_appointments(tx, &caller, id.into(), on).await),
    )
    .await?;
    Ok(web::Json(
        list.into_iter().map(CrossAppointmentView::from).collect(),
    ))
}
