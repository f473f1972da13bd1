//! One published disclosure.

use linli_domain::ids::DisclosureId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    public_revenue::{self, Disclosure},
};

use crate::{Caller, Result};

/// A disclosure of a compound in the caller's disclosure scope; `NotFound` otherwise.
pub async fn find_disclosure(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: DisclosureId,
) -> Result<Disclosure> {
    let scope = caller.scope(Action::ReadDisclosures)?;
    public_revenue::disclosure(tx, &scope_patterns(&scope), id.into()).await
}
