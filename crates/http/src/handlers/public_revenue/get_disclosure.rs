use crate::handlers::prelude::*;
use linli_app::public_revenue;

use crate::{dto::public_revenue::DisclosureView, error::ApiError};

/// One published disclosure.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The disclosure", body = DisclosureView),
))]
#[get("/disclosures/{id}")]
pub async fn get_disclosure(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<DisclosureView>> {
    let id = id.into_inner();
    let d = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::find_disclosure(tx, &caller, id.into()).await),
    )
    .await?;
    DisclosureView::try_from(d)
        .map(web::Json)
        .map_err(|e| ApiError::internal(&e))
}
