//! The centre whose check-in QR code is shown at its door.

use linli_domain::ids::CentreId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    registry::centres::{self, Centre},
};

use crate::{Caller, Result};

/// The centre `id` in the area of a caller who manages volunteering, whose screen shows
/// the check-in QR code.
pub async fn centre_qr(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: CentreId,
) -> Result<Centre> {
    // Authorise.
    let patterns = scope_patterns(&caller.scope(Action::ManageVolunteering)?);
    // Load.
    centres::find_visible(tx, &patterns, id.into()).await
}
