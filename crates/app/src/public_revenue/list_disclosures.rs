//! A compound's published disclosures.

use linli_domain::ids::CompoundId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection, compounds,
    public_revenue::{self, Disclosure},
};

use crate::{Caller, Result};

/// The compound's disclosures, newest first, for those who may read its disclosures (its
/// residents among them); `NotFound` for a compound beyond their scope.
pub async fn list_disclosures(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    compound_id: CompoundId,
) -> Result<Vec<Disclosure>> {
    let scope = caller.scope(Action::ReadDisclosures)?;
    let compound = compounds::find_in_scope(tx, compound_id.into(), &scope).await?;
    public_revenue::disclosures(tx, compound.id).await
}
