//! Filing a complaint, whatever the door it comes in by: the JSON API (a resident's app,
//! staff for a caller, a hotline system's key) or Open311.

use linli_domain::ids::{CompoundId, OrganisationId};
use linli_domain::{
    DomainError,
    complaint::{Channel, Intake, check_intake, route},
    geo::GeoPoint,
    policy::{Action, Principal, role_allows},
};
use linli_persistence::{
    AsyncPgConnection,
    complaints::{self, Complaint, NewComplaint},
    compounds,
};

use crate::{Caller, Result, not_found_as_field};

/// The door a complaint comes in by; with the caller it decides the channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// `POST /api/v1/complaints`: a resident's app, staff for a caller (who hold a role
    /// that dispatches complaints), or a system's API key (the hotline's import).
    Api,
    /// Open311 GeoReport v2 `POST requests`, always with an API key.
    Open311,
}

/// What the complainant (or whoever files for them) says.
#[derive(Debug, Clone)]
pub struct FileComplaint {
    pub compound_id: CompoundId,
    /// A category code of the catalogue (`noise`, `parking`, …).
    pub category: String,
    pub title: String,
    pub description: String,
    pub location: Option<GeoPoint>,
    /// Filed without the complainant's identity: no name, phone or account is kept.
    pub anonymous: bool,
    pub complainant_name: Option<String>,
    pub complainant_phone: Option<String>,
    /// The source system's id of an imported complaint (hotline).
    pub external_id: Option<String>,
}

/// Files a complaint about a compound in the caller's scope, routes it to its handler by
/// the category's rule and the compound's governance mode, and stores it with its audit
/// entry and `complaint.created` event. Returns the stored complaint.
pub async fn file_complaint(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    via: Via,
    cmd: FileComplaint,
) -> Result<Complaint> {
    // Authorise.
    let scope = caller.scope(Action::FileComplaints)?;
    let channel = channel(caller, via);
    // Validate.
    check_intake(
        &Intake {
            title: &cmd.title,
            description: &cmd.description,
            complainant_name: cmd.complainant_name.as_deref(),
            complainant_phone: cmd.complainant_phone.as_deref(),
            location: cmd.location,
            anonymous: cmd.anonymous,
            external_id: cmd.external_id.as_deref(),
        },
        channel,
    )?;
    // Load.
    let compound = compounds::find_in_scope(tx, cmd.compound_id.uuid(), &scope)
        .await
        .map_err(|e| {
            not_found_as_field(
                e,
                "compound_id",
                "只能就本人所在（或您负责的）小区提出诉求 / you may file only for your own (or your area's) compounds",
            )
        })?;
    let category = complaints::category(tx, &cmd.category)
        .await?
        .filter(|c| c.active)
        .ok_or_else(|| DomainError::field("category", "未知的诉求类别 / unknown category"))?;
    let candidates = complaints::candidates(tx, compound.id).await?;
    // Decide.
    let (handler, why) = route(category.rule(), compound.governance_mode, candidates);
    let identified = !cmd.anonymous;
    let new = NewComplaint {
        compound_id: compound.id,
        area_path: compound.path.as_str().to_owned(),
        category_code: category.code,
        title: cmd.title.trim().to_owned(),
        description: cmd.description,
        location: cmd.location.map(|l| (l.lat, l.lon)),
        channel: channel.as_str(),
        anonymous: cmd.anonymous,
        complainant_user_id: caller
            .person()
            .filter(|_| identified && channel == Channel::App),
        complainant_name: cmd
            .complainant_name
            .filter(|_| identified)
            .map(|n| n.trim().to_owned()),
        complainant_phone: cmd.complainant_phone.filter(|_| identified),
        filed_by: caller.person(),
        source_key_id: caller.api_key(),
        external_id: cmd.external_id,
        handler_org_id: handler.map(OrganisationId::uuid),
        routing_rule: why,
    };
    // Store, audit and event (one transaction: the caller's).
    let id = complaints::create(tx, &caller.audit, &new).await?;
    Ok(complaints::find(tx, id)
        .await?
        .ok_or(DomainError::NotFound("complaint"))?)
}

/// The channel of a complaint coming in by `via` from `caller`.
fn channel(caller: &Caller, via: Via) -> Channel {
    match (via, &caller.principal) {
        (Via::Open311, _) => Channel::Open311,
        (Via::Api, Principal::ApiKey { .. }) => Channel::Hotline,
        (Via::Api, Principal::User { grants, .. }) => {
            if grants
                .iter()
                .any(|g| role_allows(g.role, Action::DispatchComplaints))
            {
                Channel::Staff
            } else {
                Channel::App
            }
        }
    }
}
