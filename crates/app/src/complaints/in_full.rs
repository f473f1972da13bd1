//! A complaint with everything its page shows: history, photos, extensions, and what the
//! caller may do next.

use linli_domain::complaint::{Standing, Transition, allowed};
use linli_persistence::{
    AsyncPgConnection,
    complaints::{self, Attachment, Complaint, Extension, TimelineEntry},
};

use super::sight::{Seen, shows_contact};
use crate::{Caller, Result};

/// A complaint in full, as the caller sees it.
#[derive(Debug, Clone)]
pub struct InFull {
    pub complaint: Complaint,
    /// Whether the caller sees the complainant's contact unmasked.
    pub shows_contact: bool,
    pub timeline: Vec<TimelineEntry>,
    pub attachments: Vec<Attachment>,
    pub extensions: Vec<Extension>,
    /// The moves open to the caller now.
    pub allowed_actions: Vec<Transition>,
}

/// `seen` in full: its timeline, photos and extensions, and the caller's next moves.
pub async fn in_full(tx: &mut AsyncPgConnection, caller: &Caller, (c, st): Seen) -> Result<InFull> {
    let timeline = complaints::timeline(tx, c.id).await?;
    let attachments = complaints::attachments_of(tx, c.id).await?;
    let extensions = complaints::extensions_of(tx, c.id).await?;
    Ok(InFull {
        allowed_actions: allowed(c.status(), st),
        shows_contact: shows_contact(caller, st, &c),
        complaint: c,
        timeline,
        attachments,
        extensions,
    })
}

/// A complaint just filed, in full, as its filer sees it.
pub async fn filed_in_full(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    c: Complaint,
) -> Result<InFull> {
    let st: Standing = super::standing(tx, caller, &c).await?;
    in_full(tx, caller, (c, st)).await
}
