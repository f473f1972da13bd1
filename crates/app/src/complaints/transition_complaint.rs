//! Moving a complaint along its life cycle (受理, 不予受理, 派单, 签收, 退单, 办理, 办结,
//! 回访评价, 关闭).

use chrono::{DateTime, Utc};
use linli_domain::ids::{ComplaintId, OrganisationId};
use linli_domain::{
    DomainError,
    complaint::{
        REJECT_REASONS, RETURN_REASONS, ReviewOutcome, Status, Transition, apply, checked_reason,
        checked_resolution, required_rating, review_outcome,
    },
};
use linli_persistence::{
    AsyncPgConnection,
    complaints::{self, Changes},
    registry::meetings,
};

use super::sight::{Seen, visible};
use crate::{Caller, Result};

/// One move of a complaint, with what that move needs.
#[derive(Debug, Clone)]
pub struct TransitionComplaint {
    pub complaint_id: ComplaintId,
    pub action: Transition,
    /// Free text for the timeline (required with `reject` and `return`).
    pub note: Option<String>,
    /// `reject` and `return`: a code of the move's list.
    pub reason: Option<String>,
    /// `assign`: the handling organisation (default: the routed one).
    pub handler_org_id: Option<OrganisationId>,
    /// `resolve`: what was done.
    pub resolution: Option<String>,
    /// `review`: 1–5.
    pub rating: Option<i16>,
    pub comment: Option<String>,
    /// The version the caller read (`If-Match`).
    pub expected_version: i64,
}

/// Makes the move if it is the caller's (dispatchers over the complaint's area, the
/// handling organisation's members, the complainant — each their own moves) and the state
/// allows it; deadlines count working hours from `now`. Stores the move with its timeline
/// entry, audit entry and event; returns the complaint as the caller now sees it.
pub async fn transition_complaint(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    now: DateTime<Utc>,
    cmd: TransitionComplaint,
) -> Result<Seen> {
    // Authorise: the caller's standing decides whose move it is; writes by dispatchers
    // need their scope over the complaint's area (`Standing::dispatcher`).
    let (c, st) = visible(tx, caller, cmd.complaint_id).await?;
    let mut to = apply(c.status(), cmd.action, st)?;
    // Load what deadlines are counted from.
    let category = complaints::category(tx, &c.category_code)
        .await?
        .ok_or(DomainError::NotFound("category"))?;
    let calendar = complaints::calendar(tx).await?;
    // Validate and decide, move by move.
    let note = cmd.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let mut changes = Changes::default();
    match cmd.action {
        Transition::Accept => changes.stamp = Some("accepted_at"),
        Transition::Reject => {
            changes.reject_reason =
                Some(checked_reason(REJECT_REASONS, cmd.reason.as_deref(), note)?)
        }
        Transition::Assign => {
            let handler = cmd
                .handler_org_id
                .or(c.handler_org_id.map(OrganisationId::from))
                .ok_or_else(|| {
                    DomainError::field(
                        "handler_org_id",
                        "请选择承办单位 / choose the handling organisation",
                    )
                })?;
            if !meetings::org_serves(tx, handler.uuid(), c.compound_id).await? {
                return Err(DomainError::field(
                    "handler_org_id",
                    "该单位与此小区无关 / this organisation does not serve the compound",
                )
                .into());
            }
            changes.handler_org_id = Some(handler.uuid());
            changes.sign_by = Some(complaints::deadline(&calendar, now, category.sign_hours));
            changes.stamp = Some("assigned_at");
        }
        Transition::Sign => {
            changes.resolve_by = Some(complaints::deadline(&calendar, now, category.resolve_hours));
            changes.stamp = Some("signed_at");
        }
        Transition::Return => {
            changes.return_reason =
                Some(checked_reason(RETURN_REASONS, cmd.reason.as_deref(), note)?);
            changes.clear_deadlines = true;
        }
        Transition::Start => {}
        Transition::Resolve => {
            changes.resolution = Some(checked_resolution(cmd.resolution.as_deref())?);
            changes.stamp = Some("resolved_at");
        }
        Transition::Review => {
            let rating = required_rating(cmd.rating)?;
            changes.rating = Some(rating);
            changes.review_comment = cmd.comment.clone().filter(|c| c.chars().count() <= 1000);
            match review_outcome(rating, c.reopen_count)? {
                ReviewOutcome::Close => changes.stamp = Some("closed_at"),
                ReviewOutcome::Reopen => {
                    to = Status::InProgress;
                    changes.reopen = true;
                    changes.resolve_by =
                        Some(complaints::deadline(&calendar, now, category.resolve_hours));
                }
                ReviewOutcome::Escalate => {
                    changes.escalate = true;
                    changes.stamp = Some("closed_at");
                }
            }
        }
        Transition::Close => changes.stamp = Some("closed_at"),
    }
    // Store, audit and event.
    complaints::transition(
        tx,
        &caller.audit,
        &c,
        cmd.action.as_str(),
        to,
        &changes,
        note,
        cmd.expected_version,
    )
    .await?;
    visible(tx, caller, c.id.into()).await
}
