//! Special audits of public revenue (专项审计): campaigns, engagements, findings and
//! rectification, and the dashboard.

pub mod add_rectification;
pub mod audit_dashboard;
pub mod complete_rectification;
pub mod create_campaign;
pub mod create_engagement;
pub mod get_campaign;
pub mod get_engagement;
pub mod get_finding;
pub mod list_campaigns;
pub mod list_engagements;
pub mod list_findings;
pub mod raise_finding;
pub mod set_engagement_fee;
pub mod transition_engagement;
pub mod update_campaign;
pub mod verify_rectification;

use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection, StoreError,
    areas::scope_patterns,
    registry::organisations,
    special_audits::{self, AuditVisibility, Engagement, Finding},
};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::special_audit::{FindingView, RectificationView},
    error::ApiResult,
    handlers::public_revenue::firms_of,
};

/// What the caller may see of special audits: staff and committees by area, auditors by
/// their firm. 403 for callers who have no part in audits.
/// A field naming an organisation (the finding's responsible organisation, an action's
/// owner) must name one that exists: the foreign key would refuse it at the insert, as a
/// 500. Any organisation will do, in scope or not, as before.
async fn known_organisation(
    conn: &mut AsyncPgConnection,
    field: &str,
    id: Option<Uuid>,
) -> ApiResult<()> {
    let Some(id) = id else { return Ok(()) };
    match organisations::find_visible(conn, &["%".to_owned()], id).await {
        Ok(_) => Ok(()),
        Err(StoreError::Domain(DomainError::NotFound(_))) => {
            Err(DomainError::field(field, "没有这个组织 / no such organisation").into())
        }
        Err(e) => Err(e.into()),
    }
}

async fn visibility(conn: &mut AsyncPgConnection, caller: &Caller) -> ApiResult<AuditVisibility> {
    let mut patterns = Vec::new();
    for action in [Action::ReadAudits, Action::ManageAudits] {
        if let Ok(scope) = caller.scope(action) {
            patterns.extend(scope_patterns(&scope));
        }
    }
    let firms = if caller.scope(Action::WorkAudits).is_ok() {
        firms_of(conn, caller).await?
    } else {
        Vec::new()
    };
    if patterns.is_empty() && caller.scope(Action::WorkAudits).is_err() {
        return Err(DomainError::Forbidden.into());
    }
    Ok(AuditVisibility { patterns, firms })
}

/// Whether the caller runs campaigns over the engagement's compound.
fn manages(caller: &Caller, area_path: &str) -> bool {
    caller.scope(Action::ManageAudits).is_ok_and(|s| {
        s.covers(&linli_domain::area::AreaPath::from_stored(
            area_path.to_owned(),
        ))
    })
}

/// Whether the caller works for the engagement's audit firm.
async fn works_on(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    engagement: &Engagement,
) -> ApiResult<bool> {
    if caller.scope(Action::WorkAudits).is_err() {
        return Ok(false);
    }
    Ok(firms_of(conn, caller).await?.contains(&engagement.firm_id))
}

/// The caller may carry out the engagement (its firm's auditors) or run it (audit office).
async fn may_conduct(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    engagement: &Engagement,
) -> ApiResult<()> {
    if manages(caller, &engagement.area_path) || works_on(conn, caller, engagement).await? {
        Ok(())
    } else {
        Err(DomainError::Forbidden.into())
    }
}

/// Findings with their rectification actions.
async fn with_actions(
    conn: &mut AsyncPgConnection,
    findings: Vec<Finding>,
) -> ApiResult<Vec<FindingView>> {
    let ids: Vec<Uuid> = findings.iter().map(|f| f.id).collect();
    let mut actions = special_audits::rectifications_of(conn, &ids).await?;
    Ok(findings
        .into_iter()
        .map(|f| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                actions.drain(..).partition(|r| r.finding_id == f.id);
            actions = rest;
            FindingView::new(f, mine.into_iter().map(RectificationView::from).collect())
        })
        .collect())
}

/// One finding as its view.
async fn finding_view(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    id: Uuid,
) -> ApiResult<FindingView> {
    let f = special_audits::finding(conn, vis, id).await?;
    with_actions(conn, vec![f])
        .await?
        .pop()
        .ok_or_else(|| crate::error::ApiError::not_found("audit finding"))
}
