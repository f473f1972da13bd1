//! Who governs a compound: its organisations, its property contract, the people who hold
//! posts in more than one of them, its last joint meeting.

use chrono::NaiveDate;
use linli_domain::ids::CompoundId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    compounds::{self, Compound},
    registry::{
        contracts::{self, Contract},
        meetings::{self, MeetingFilter},
        organisations::{self, OrgFilter, Organisation},
        people::{self, CrossAppointment},
    },
};

use crate::{Caller, Result};

/// A compound's governance on a day.
#[derive(Debug, Clone)]
pub struct Governance {
    pub compound: Compound,
    pub organisations: Vec<Organisation>,
    pub contract: Option<Contract>,
    pub cross_appointments: Vec<CrossAppointment>,
    pub last_meeting_on: Option<NaiveDate>,
}

/// The governance of the compound `id` of the caller's area on `today`.
pub async fn governance(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: CompoundId,
    today: NaiveDate,
) -> Result<Governance> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let patterns = scope_patterns(&scope);
    let compound = compounds::find_in_scope(tx, id.uuid(), &scope).await?;
    let orgs = OrgFilter {
        compound_id: Some(compound.id),
        ..Default::default()
    };
    let organisations = organisations::list(tx, &patterns, &orgs, None, 100).await?;
    let contract = contracts::active_for(tx, compound.id, today).await?;
    let cross_appointments = people::cross_appointments(tx, compound.id, today).await?;
    let meetings_of = MeetingFilter {
        compound_id: Some(compound.id),
        ..Default::default()
    };
    let last = meetings::list(tx, &patterns, &meetings_of, None, 1).await?;
    Ok(Governance {
        compound,
        organisations,
        contract,
        cross_appointments,
        last_meeting_on: last.into_iter().next().map(|m| m.held_on),
    })
}

/// The people who hold posts in more than one organisation of the compound `id` on `on`.
pub async fn cross_appointments(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: CompoundId,
    on: NaiveDate,
) -> Result<Vec<CrossAppointment>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let compound = compounds::find_in_scope(tx, id.uuid(), &scope).await?;
    people::cross_appointments(tx, compound.id, on).await
}
