//! The campaigns a caller takes part in.

use linli_persistence::{
    AsyncPgConnection,
    special_audits::{self, Campaign},
};

use super::sight;
use crate::{Caller, Result};

/// The campaigns the caller may see, newest year first, with their budget use.
pub async fn list_campaigns(tx: &mut AsyncPgConnection, caller: &Caller) -> Result<Vec<Campaign>> {
    let vis = sight(tx, caller).await?;
    special_audits::campaigns(tx, &vis).await
}
