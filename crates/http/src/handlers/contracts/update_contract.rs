use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::contracts::update_contract as update;
use linli_domain::registry::ContractDraft;

use crate::{
    dto::registry::{ContractInput, ContractView},
    extract::{IfMatch, ValidJson, etag},
};

/// Change a contract: its term (e.g. end it early), items, fee or bundle. The company
/// stays. Requires `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = ContractInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The contract; `ETag` carries its version", body = ContractView, headers(("ETag" = String))),
    (status = 403, description = "No grant of yours allows this, or the contract is seen (one of its compounds is yours) but not all of its compounds are in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[put("/service-contracts/{id}")]
pub async fn update_contract(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<ContractInput>,
) -> ApiResult<HttpResponse> {
    let (at, draft) = (
        (id.into_inner().into(), if_match.0),
        ContractDraft::from(body),
    );
    let contract = in_transaction(
        &state.db,
        with_tx!(|tx| update(tx, &caller, at, draft).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(contract.version)))
        .json(ContractView::from(contract)))
}
