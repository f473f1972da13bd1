//! Recording a contract and changing it.

use linli_domain::ids::ContractId;
use linli_domain::{
    DomainError,
    policy::{Action, Scope},
    registry::{ContractDraft, OrgKind},
};
use linli_persistence::{
    AsyncPgConnection, Found,
    areas::scope_patterns,
    registry::{
        contracts::{self, Contract},
        organisations,
    },
};

use crate::{Caller, Result, access::for_write};

/// Checks the draft: its rules, a property company the caller sees, compounds of `scope`.
async fn checked(tx: &mut AsyncPgConnection, scope: &Scope, draft: &ContractDraft) -> Result<()> {
    draft.check()?;
    let company = organisations::find_visible(tx, &scope_patterns(scope), draft.company_id.into())
        .await
        .found()?;
    if company.is_none_or(|c| c.kind != OrgKind::PropertyCompany) {
        return Err(DomainError::field(
            "company_id",
            "须为物业服务企业 / must be a property company",
        )
        .into());
    }
    crate::compounds::all_in_scope(tx, scope, &draft.compound_ids).await?;
    Ok(())
}

/// Records a contract of a property company for compounds of the caller's area.
pub async fn create_contract(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    draft: ContractDraft,
) -> Result<Contract> {
    let scope = caller.scope(Action::ManageRegistry)?;
    checked(tx, &scope, &draft).await?;
    contracts::create(tx, &caller.audit, &draft, &scope_patterns(&scope)).await
}

/// Replaces the terms of the contract `id` (at `version`); the caller must cover every
/// compound of it, and the company never changes (end it and record a new one instead).
pub async fn update_contract(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    (id, version): (ContractId, i64),
    draft: ContractDraft,
) -> Result<Contract> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let patterns = scope_patterns(&scope);
    let current = for_write(
        &scope,
        contracts::find_visible(tx, &patterns, id.into()).await?,
    )?;
    if draft.company_id != current.company_id.into() {
        return Err(DomainError::field("company_id", "合同的物业企业不能修改，请终止本合同并新签 / end this contract and record a new one instead").into());
    }
    checked(tx, &scope, &draft).await?;
    contracts::update(tx, &caller.audit, &current, &draft, version, &patterns).await
}
