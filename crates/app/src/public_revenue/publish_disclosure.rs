//! Publishing a disclosure (公示).

use chrono::NaiveDate;
use linli_domain::ids::CompoundId;
use linli_domain::{DomainError, policy::Action, public_revenue::checked_note};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    compounds,
    public_revenue::{self, Disclosure, NewDisclosure},
    users,
};

use super::preview_disclosure::summary_of;
use crate::{Caller, Result};

/// A disclosure to publish.
#[derive(Debug, Clone)]
pub struct PublishDisclosure {
    pub compound_id: CompoundId,
    /// `YYYY-MM`.
    pub period_from: String,
    /// `YYYY-MM`, not before `period_from`, and ended.
    pub period_to: String,
    pub note: Option<String>,
}

/// Publishes the compound's public revenue for ended months (the committee or government
/// staff over the compound), frozen as published under the publisher's name. Audited and
/// announced; returns the disclosure.
pub async fn publish_disclosure(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    today: NaiveDate,
    cmd: PublishDisclosure,
) -> Result<Disclosure> {
    // Authorise.
    let scope = caller.scope(Action::PublishDisclosures)?;
    let user_id = caller.person().ok_or(DomainError::Forbidden)?;
    // Validate.
    let note = checked_note(cmd.note.as_deref())?;
    // Load and compute.
    let compound = compounds::find_in_scope(tx, cmd.compound_id.into(), &scope).await?;
    let figures = summary_of(tx, compound, &cmd.period_from, &cmd.period_to, today).await?;
    let publisher = users::find(tx, user_id)
        .await?
        .map(|u| u.display_name)
        .unwrap_or_default();
    // Store, audit and event.
    let new = NewDisclosure {
        compound_id: figures.compound.id,
        area_path: figures.compound.path.as_str().to_owned(),
        period_from: figures.from,
        period_to: figures.to,
        summary: figures.summary,
        note,
        publisher,
    };
    let id = public_revenue::publish(tx, &caller.audit, &new).await?;
    public_revenue::disclosure(tx, &scope_patterns(&scope), id).await
}
