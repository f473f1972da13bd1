//! Property service contracts and bundles (连片打包).

pub mod create_contract;
pub mod get_contract;
pub mod list_contracts;
pub mod update_contract;

use linli_domain::{
    DomainError,
    policy::Scope,
    registry::{ContractDraft, OrgKind},
};
use linli_persistence::{
    AsyncPgConnection, Found, areas::scope_patterns, compounds, registry::organisations,
};

use crate::{dto::registry::ContractInput, error::ApiResult};

/// Checks the fields, that the company is a property company you can see, and that every
/// compound lies in your scope.
async fn checked(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    input: ContractInput,
) -> ApiResult<ContractDraft> {
    let mut compound_ids = input.compound_ids;
    compound_ids.sort();
    compound_ids.dedup();
    let draft = ContractDraft {
        company_id: input.company_id,
        title: input.title,
        start_date: input.start_date,
        end_date: input.end_date,
        service_items: input
            .service_items
            .into_iter()
            .map(|s| s.trim().to_owned())
            .collect(),
        fee_fen_per_sqm: input.fee_fen_per_sqm,
        compound_ids,
    };
    draft.check()?;
    let company = organisations::find_visible(conn, &scope_patterns(scope), draft.company_id)
        .await
        .found()?;
    if company.is_none_or(|c| c.kind != OrgKind::PropertyCompany) {
        return Err(DomainError::field(
            "company_id",
            "须为物业服务企业 / must be a property company",
        )
        .into());
    }
    for (i, id) in draft.compound_ids.iter().enumerate() {
        compounds::find_in_scope(conn, *id, scope)
            .await
            .map_err(|e| {
                linli_app::not_found_as_field(
                    e,
                    &format!("compound_ids[{i}]"),
                    "小区不存在 / no such compound",
                )
            })?;
    }
    Ok(draft)
}
