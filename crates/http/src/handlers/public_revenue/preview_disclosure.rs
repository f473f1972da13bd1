use crate::handlers::prelude::*;
use linli_app::public_revenue;

use crate::dto::public_revenue::{DisclosureView, PreviewQuery};

/// What a disclosure for the period would show, computed from the ledger now and not
/// published: for the committee to check before publishing.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Compound id"), PreviewQuery), responses(
    (status = 200, description = "The disclosure", body = DisclosureView),
    (status = 422, description = "A month is not written `YYYY-MM`, the period runs backwards, or it has not ended", body = Problem, content_type = "application/problem+json"),
))]
#[get("/compounds/{id}/disclosures/preview")]
pub async fn preview_disclosure(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<PreviewQuery>,
) -> ApiResult<web::Json<DisclosureView>> {
    let (
        id,
        PreviewQuery {
            period_from,
            period_to,
        },
    ) = (id.into_inner(), query.into_inner());
    let today = state.clock().today();
    let preview = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::preview_disclosure(
            tx,
            &caller,
            today,
            id.into(),
            &period_from,
            &period_to
        )
        .await),
    )
    .await?;
    Ok(web::Json(DisclosureView::from(preview)))
}
