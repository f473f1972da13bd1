//! Registering a compound.

use chrono::NaiveDate;
use linli_domain::{compound::CompoundDraft, policy::Action};
use linli_persistence::{
    AsyncPgConnection, areas,
    compounds::{self, Compound},
};

use crate::{Caller, Result, not_found_as_field};

/// Registers a compound in a community of the caller's area (`today` bounds the year it was
/// built). Returns the stored compound.
pub async fn create_compound(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    draft: CompoundDraft,
    today: NaiveDate,
) -> Result<Compound> {
    let scope = caller.scope(Action::CreateCompound)?;
    draft.check(today)?;
    let community = areas::find_in_scope(tx, draft.community_id.into(), &scope)
        .await
        .map_err(|e| {
            not_found_as_field(
                e,
                "community_id",
                "所选社区不存在 / the community does not exist",
            )
        })?;
    compounds::create(tx, &caller.audit, &community, &draft).await
}
