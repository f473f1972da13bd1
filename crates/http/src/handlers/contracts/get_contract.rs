use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::contracts::find_contract;

use crate::{dto::registry::ContractView, extract::etag};

/// One contract with the compounds of its bundle; `ETag` for `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The contract; `ETag` carries its version", body = ContractView, headers(("ETag" = String))),
))]
#[get("/service-contracts/{id}")]
pub async fn get_contract(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let contract = on_connection(
        &state.db,
        with_tx!(|tx| find_contract(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(contract.version)))
        .json(ContractView::from(contract)))
}
