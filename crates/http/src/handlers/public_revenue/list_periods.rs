use std::collections::BTreeMap;

use actix_web::{get, web};
use linli_persistence::public_revenue;
use uuid::Uuid;

use super::readable;
use crate::{
    auth::Caller,
    dto::public_revenue::{PeriodList, PeriodView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// The months of a compound's ledger — every month with entries or closed — newest first.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Compound id")), responses(
    (status = 200, description = "The periods", body = PeriodList),
))]
#[get("/compounds/{id}/ledger/periods")]
pub async fn list_periods(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<PeriodList>> {
    let mut conn = state.db.conn().await?;
    let compound = readable(&mut conn, &caller, id.into_inner()).await?;
    let mut months: BTreeMap<chrono::NaiveDate, PeriodView> = BTreeMap::new();
    for (month, n) in public_revenue::month_counts(&mut conn, compound.id).await? {
        months.insert(
            month,
            PeriodView {
                month: month.format("%Y-%m").to_string(),
                closed: false,
                closed_at: None,
                entry_count: n,
            },
        );
    }
    for (month, _, closed_at) in public_revenue::periods(&mut conn, compound.id).await? {
        let view = months.entry(month).or_insert_with(|| PeriodView {
            month: month.format("%Y-%m").to_string(),
            closed: false,
            closed_at: None,
            entry_count: 0,
        });
        view.closed = true;
        view.closed_at = Some(closed_at);
    }
    Ok(web::Json(PeriodList {
        items: months.into_values().rev().collect(),
    }))
}
