use actix_web::{get, web};
use linli_domain::policy::Action;
use uuid::Uuid;

use super::{disclosure_summary, in_scope};
use crate::{
    auth::Caller,
    dto::public_revenue::{DisclosureView, PreviewQuery},
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

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
    let mut conn = state.db.conn().await?;
    let compound = in_scope(
        &mut conn,
        &caller,
        id.into_inner(),
        Action::PublishDisclosures,
    )
    .await?;
    let (from, to, summary) = disclosure_summary(
        &mut conn,
        compound.id,
        &query.period_from,
        &query.period_to,
        state.clock().today(),
    )
    .await?;
    Ok(web::Json(DisclosureView {
        id: None,
        compound_id: compound.id,
        compound_name: compound.name,
        period_from: from.format("%Y-%m").to_string(),
        period_to: to.format("%Y-%m").to_string(),
        summary: summary.into(),
        note: None,
        publisher: None,
        published_at: None,
    }))
}
