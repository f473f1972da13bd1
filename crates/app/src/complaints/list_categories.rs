//! The complaint catalogue.

use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    complaints::{self, Category},
};

use crate::{Caller, Result};

/// The active categories, or with `all` every one of them (for those who configure the
/// catalogue, to switch them back on).
pub async fn list_categories(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    all: bool,
) -> Result<Vec<Category>> {
    if all {
        caller.scope(Action::ConfigureComplaints)?;
    }
    complaints::categories(tx, !all).await
}
