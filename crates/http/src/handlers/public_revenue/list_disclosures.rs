use actix_web::{get, web};
use linli_app::{in_transaction, public_revenue};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::public_revenue::DisclosureList,
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
    let id = id.into_inner();
    let list = in_transaction(&state.db, move |tx| {
        Box::pin(async move { public_revenue::list_disclosures(tx, &caller, id).await })
    })
    .await?;
    DisclosureList::try_from(list)
        .map(web::Json)
        .map_err(|e| ApiError::internal(&e))
}
