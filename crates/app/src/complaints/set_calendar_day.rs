//! Declaring holidays and make-up working days.

use chrono::NaiveDate;
use linli_domain::{calendar::checked_day_kind, policy::Action};
use linli_persistence::{AsyncPgConnection, complaints};

use crate::{Caller, Result};

/// What a day is: `holiday`, `workday`, or `normal` again.
#[derive(Debug, Clone)]
pub struct SetCalendarDay {
    pub day: NaiveDate,
    pub kind: String,
    pub note: String,
}

/// Sets the day (the calendar is the district's: no area owns it); applies to deadlines
/// computed from now on. Audited.
pub async fn set_calendar_day(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: SetCalendarDay,
) -> Result<()> {
    // Authorise.
    caller.scope(Action::ConfigureComplaints)?;
    // Validate.
    let kind = checked_day_kind(&cmd.kind, &cmd.note)?;
    // Store and audit.
    complaints::set_calendar_day(tx, &caller.audit, cmd.day, kind, cmd.note.trim()).await
}
