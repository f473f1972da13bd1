//! Changing a compound's register entry.

use chrono::NaiveDate;
use linli_domain::ids::CompoundId;
use linli_domain::{compound::CompoundDraft, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    compounds::{self, Compound},
};

use crate::{Caller, Result};

/// Replaces the entry of the compound `id` (at `version`), which must lie in the area the
/// caller may change.
pub async fn update_compound(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    (id, version): (CompoundId, i64),
    draft: CompoundDraft,
    today: NaiveDate,
) -> Result<Compound> {
    let scope = caller.scope(Action::UpdateCompound)?;
    let current = compounds::find_in_scope(tx, id.into(), &scope).await?;
    draft.check(today)?;
    compounds::update(tx, &caller.audit, &current, &draft, version).await
}
