use actix_web::{get, web};
use linli_domain::policy::Action;
use linli_persistence::public_revenue;
use uuid::Uuid;

use super::in_scope;
use crate::{
    auth::Caller,
    dto::public_revenue::{DisclosureList, DisclosureView},
    error::{ApiError, ApiResult},
    handlers::tags,
    state::AppState,
};

/// A compound's published public revenue disclosures (公示), newest first. Residents read
/// their own compound's; a compound outside your scope answers 404.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Compound id")), responses(
    (status = 200, description = "The disclosures", body = DisclosureList),
))]
#[get("/compounds/{id}/disclosures")]
pub async fn list_disclosures(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<DisclosureList>> {
    let mut conn = state.db.conn().await?;
    let compound = in_scope(&mut conn, &caller, id.into_inner(), Action::ReadDisclosures).await?;
    let items = public_revenue::disclosures(&mut conn, compound.id)
        .await?
        .into_iter()
        .map(|d| DisclosureView::try_from(d).map_err(|e| ApiError::internal(&e)))
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(web::Json(DisclosureList { items }))
}
