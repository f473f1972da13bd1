use actix_web::{HttpResponse, http::header, put, web};
use linli_app::access::for_write;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{areas::scope_patterns, registry::contracts};
use uuid::Uuid;

use super::checked;
use crate::{
    auth::Caller,
    dto::registry::{ContractInput, ContractView},
    error::{ApiResult, Problem},
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
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
    let scope = caller.scope(Action::ManageRegistry)?;
    let patterns = scope_patterns(&scope);
    let mut conn = state.db.conn().await?;
    let current = for_write(
        &scope,
        contracts::find_visible(&mut conn, &patterns, id.into_inner()).await?,
    )?;
    if body.company_id != current.company_id {
        return Err(DomainError::field("company_id", "合同的物业企业不能修改，请终止本合同并新签 / end this contract and record a new one instead").into());
    }
    let draft = checked(&mut conn, &scope, body).await?;
    let contract = contracts::update(
        &mut conn,
        &caller.audit,
        &current,
        &draft,
        if_match.0,
        &patterns,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(contract.version)))
        .json(ContractView::from(contract)))
}
