//! Reading contracts.

use linli_domain::ids::ContractId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    registry::contracts::{self, Contract, ContractFilter},
};

use crate::{Caller, Result};

/// The contract `id`, when one of its compounds lies in the caller's area.
pub async fn find_contract(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: ContractId,
) -> Result<Contract> {
    let scope = caller.scope(Action::ReadRegistry)?;
    contracts::find_visible(tx, &scope_patterns(&scope), id.uuid()).await
}

/// Up to `limit` contracts the caller sees, newest first, before the contract `before`.
pub async fn list_contracts(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    filter: ContractFilter,
    before: Option<ContractId>,
    limit: i64,
) -> Result<Vec<Contract>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    contracts::list(
        tx,
        &scope_patterns(&scope),
        &filter,
        before.map(ContractId::uuid),
        limit,
    )
    .await
}
