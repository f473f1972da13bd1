use actix_web::{get, web};
use linli_app::{in_transaction, public_revenue};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::public_revenue::DisclosureView,
    error::{ApiError, ApiResult},
    handlers::tags,
    state::AppState,
};

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
    let d = in_transaction(&state.db, move |tx| {
        Box::pin(async move { public_revenue::find_disclosure(tx, &caller, id).await })
    })
    .await?;
    DisclosureView::try_from(d)
        .map(web::Json)
        .map_err(|e| ApiError::internal(&e))
}
