use crate::handlers::prelude::*;
use linli_app::special_audits;

use crate::dto::special_audit::{CampaignList, CampaignView};

/// Special audit campaigns you take part in, newest year first, with budget use.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), responses(
    (status = 200, description = "The campaigns", body = CampaignList),
))]
#[get("/audit-campaigns")]
pub async fn list_campaigns(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<CampaignList>> {
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| special_audits::list_campaigns(tx, &caller).await),
    )
    .await?;
    Ok(web::Json(CampaignList {
        items: items.into_iter().map(CampaignView::from).collect(),
    }))
}
