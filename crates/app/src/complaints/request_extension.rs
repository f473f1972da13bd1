//! A handler asking for more time to resolve (延期申请).

use linli_domain::ids::ComplaintId;
use linli_domain::{
    DomainError,
    complaint::{checked_extension, may_extend},
};
use linli_persistence::{AsyncPgConnection, complaints};

use super::sight::{Seen, visible};
use crate::{Caller, Result};

/// Extra working hours, and why.
#[derive(Debug, Clone)]
pub struct RequestExtension {
    pub complaint_id: ComplaintId,
    pub hours: i32,
    pub reason: String,
}

/// Records the request of a member of the handling organisation while the order is being
/// worked on; the community decides ([`super::decide_extension`]).
pub async fn request_extension(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: RequestExtension,
) -> Result<Seen> {
    // Authorise: only the handling organisation asks.
    let (c, st) = visible(tx, caller, cmd.complaint_id).await?;
    if !st.handler {
        return Err(DomainError::Forbidden.into());
    }
    // Validate.
    may_extend(c.status())?;
    let reason = checked_extension(cmd.hours, &cmd.reason)?;
    // Store, audit and event.
    complaints::request_extension(tx, &caller.audit, &c, cmd.hours, reason).await?;
    visible(tx, caller, c.id.into()).await
}
