use crate::handlers::prelude::*;
use linli_app::public_revenue;

use crate::{dto::public_revenue::DisclosureList, error::ApiError};

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
    let list = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::list_disclosures(tx, &caller, id.into()).await),
    )
    .await?;
    DisclosureList::try_from(list)
        .map(web::Json)
        .map_err(|e| ApiError::internal(&e))
}
