use crate::handlers::prelude::*;
use linli_app::contracts::list_contracts as list;
use linli_domain::page::clamp_limit;
use linli_persistence::registry::contracts::ContractFilter;

use crate::{
    cursor,
    dto::registry::{ContractPage, ContractQuery, ContractView},
};

/// Service contracts covering compounds in your area, newest first.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(ContractQuery), responses(
    (status = 200, description = "One page of contracts (`next_cursor` continues)", body = ContractPage),
))]
#[get("/service-contracts")]
pub async fn list_contracts(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ContractQuery>,
) -> ApiResult<web::Json<ContractPage>> {
    let limit = clamp_limit(query.limit);
    let before = cursor::decode_opt::<Uuid>(query.cursor.as_deref())?;
    let filter = ContractFilter {
        company_id: query.company_id,
        compound_id: query.compound_id,
        active_on: query.active_on,
    };
    let mut list = on_connection(
        &state.db,
        with_tx!(|tx| list(tx, &caller, filter, before.map(Into::into), limit + 1).await),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |c| cursor::encode(&c.id));
    Ok(web::Json(ContractPage {
        items: list.into_iter().map(ContractView::from).collect(),
        next_cursor,
    }))
}
