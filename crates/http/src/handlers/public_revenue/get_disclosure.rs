use actix_web::{get, web};
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, public_revenue};
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
    let scope = caller.scope(Action::ReadDisclosures)?;
    let mut conn = state.db.conn().await?;
    let d = public_revenue::disclosure(&mut conn, &scope_patterns(&scope), id.into_inner()).await?;
    DisclosureView::try_from(d)
        .map(web::Json)
        .map_err(|e| ApiError::internal(&e))
}
