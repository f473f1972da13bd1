//! Checking in at an activity or a centre from a phone.

use chrono::{DateTime, Utc};
use linli_persistence::{
    AsyncPgConnection,
    volunteering::{self, CheckIn as Recorded},
};

use super::{Presence, participant, record_check_in};
use crate::{Caller, Result};

/// Where the volunteer is and how they prove it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckIn {
    pub presence: Presence,
}

/// Checks the caller in at `now`: inside the place's geofence or with the centre's current
/// QR code, during the activity's check-in window; one open check-in per person. Returns
/// the stored check-in.
pub async fn check_in(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    now: DateTime<Utc>,
    cmd: CheckIn,
) -> Result<Recorded> {
    // Authorise.
    let person = participant(tx, caller).await?;
    // Load, decide (the proof of presence), store.
    let id = record_check_in(tx, caller, person, &cmd.presence, now, None).await?;
    volunteering::find_check_in(tx, &[], Some(person), id).await
}
