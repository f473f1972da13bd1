//! Who sees which complaints and how they stand to one: the first step of every complaint
//! use case after the file.

use linli_domain::ids::ComplaintId;
use linli_domain::{
    DomainError,
    area::AreaPath,
    complaint::Standing,
    policy::{Action, Principal},
};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    complaints::{self, Complaint, Visibility},
};

use crate::{Caller, Result};

/// A complaint as the caller sees it, with how they stand to it.
pub type Seen = (Complaint, Standing);

/// What the caller may see: their area's complaints (staff), those assigned to their
/// organisations (handlers), their own (residents).
pub async fn visibility(tx: &mut AsyncPgConnection, caller: &Caller) -> Result<Visibility> {
    let area_patterns = caller
        .scope(Action::ReadComplaints)
        .map(|s| scope_patterns(&s))
        .unwrap_or_default();
    let (handler_orgs, complainant) = match caller.person() {
        Some(user_id) => (complaints::memberships(tx, user_id).await?, Some(user_id)),
        None => (Vec::new(), None),
    };
    Ok(Visibility {
        area_patterns,
        handler_orgs,
        complainant,
    })
}

/// Whether the caller's scope for `action` covers the area at `path`.
pub fn covers(caller: &Caller, action: Action, path: &str) -> bool {
    caller
        .scope(action)
        .is_ok_and(|s| s.covers(&AreaPath::from_stored(path.to_owned())))
}

/// How the caller stands to a complaint: a dispatcher over its area, a member of its
/// handling organisation, its complainant.
pub async fn standing(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    c: &Complaint,
) -> Result<Standing> {
    let user = match &caller.principal {
        Principal::User { user_id, .. } => Some(*user_id),
        Principal::ApiKey { .. } => None,
    };
    let handler = match (user, c.handler_org_id) {
        (Some(u), Some(org)) => complaints::is_member(tx, u, org).await?,
        _ => false,
    };
    Ok(Standing {
        dispatcher: covers(caller, Action::DispatchComplaints, &c.area_path),
        handler,
        complainant: user.is_some() && user == c.complainant_user_id,
    })
}

/// A complaint the caller may see, with their standing; `NotFound` otherwise.
pub async fn visible(tx: &mut AsyncPgConnection, caller: &Caller, id: ComplaintId) -> Result<Seen> {
    let c = complaints::find(tx, id.uuid())
        .await?
        .ok_or(DomainError::NotFound("complaint"))?;
    let st = standing(tx, caller, &c).await?;
    let sees = st.dispatcher
        || st.handler
        || st.complainant
        || covers(caller, Action::ReadComplaints, &c.area_path);
    if sees {
        Ok((c, st))
    } else {
        Err(DomainError::NotFound("complaint").into())
    }
}

/// Those of the complaints `ids` the caller may see, in the order asked; unknown and unseen
/// ones are left out.
pub async fn visible_among(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    ids: &[ComplaintId],
) -> Result<Vec<Complaint>> {
    let mut found = Vec::with_capacity(ids.len());
    for &id in ids {
        match visible(tx, caller, id).await {
            Ok((c, _)) => found.push(c),
            Err(e) if crate::is_not_found(&e) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(found)
}

/// Handlers need the complainant's number to call back; so do holders of `pii.read`.
pub fn shows_contact(caller: &Caller, st: Standing, c: &Complaint) -> bool {
    st.handler || st.complainant || covers(caller, Action::ReadPersonalData, &c.area_path)
}
