use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::contracts::create_contract as create;
use linli_domain::registry::ContractDraft;

use crate::{
    dto::registry::{ContractInput, ContractView},
    extract::{ValidJson, etag},
};

/// Record a property service contract for one compound or a bundle of several. A compound
/// never has two contracts in force on the same date: the database refuses it, also when
/// two requests race.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = ContractInput, responses(
    (status = 201, description = "Created: the contract; `Location` is its address; `ETag` carries its version", body = ContractView, headers(("ETag" = String), ("Location" = String))),
    (status = 422, description = "Invalid fields, not a property company, or a compound already under contract in the period", body = Problem, content_type = "application/problem+json"),
))]
#[post("/service-contracts")]
pub async fn create_contract(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<ContractInput>,
) -> ApiResult<HttpResponse> {
    let draft = ContractDraft::from(body);
    let contract =
        in_transaction(&state.db, with_tx!(|tx| create(tx, &caller, draft).await)).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(contract.version)))
        .insert_header((
            header::LOCATION,
            format!("/api/v1/service-contracts/{}", contract.id),
        ))
        .json(ContractView::from(contract)))
}
