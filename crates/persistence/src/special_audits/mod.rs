//! Special audits: campaigns, engagements, findings and rectification actions.
//!
//! Who sees what: government staff by area (`patterns`), auditors by firm (`firms`). Every
//! change is audited and announced (`engagement.status_changed`, `finding.opened`, ...).

use linli_domain::DomainError;
use uuid::Uuid;

use diesel::sql_types::{Array, Text, Uuid as SqlUuid};

use crate::StoreError;

/// An engagement is visible by area or by firm.
macro_rules! engagement_visible {
    () => {
        "(g.area_path LIKE ANY($1) OR g.firm_id = ANY($2))"
    };
}

mod campaigns;
mod dashboard;
mod engagements;
mod findings;
mod rectifications;

pub use campaigns::*;
pub use dashboard::*;
pub use engagements::*;
pub use findings::*;
pub use rectifications::*;

/// Whose audits a caller may see: engagements in these areas or of these firms.
#[derive(Debug, Clone, Default)]
pub struct AuditVisibility {
    pub patterns: Vec<String>,
    pub firms: Vec<Uuid>,
}

/// A statement over engagements (`g`) whose text ends in `WHERE` + [`engagement_visible`],
/// bound to the caller's visibility and narrowed to one campaign when given.
fn visible_in<'f>(
    sql: &'static str,
    vis: &'f AuditVisibility,
    campaign_id: Option<Uuid>,
) -> crate::sql::Cached<'f> {
    crate::sql::query(sql)
        .bind::<Array<Text>, _>(&vis.patterns)
        .bind::<Array<SqlUuid>, _>(&vis.firms)
        .filter::<SqlUuid, _>(" AND g.campaign_id = ", campaign_id)
}

/// Maps the database's budget refusal to a field error.
fn budget_refusal(e: StoreError) -> StoreError {
    match &e {
        StoreError::Query(diesel::result::Error::DatabaseError(_, info))
            if info.message().starts_with("audit_budget_exceeded") =>
        {
            DomainError::field(
                "fee_fen",
                "审计费用合计将超出专项审计预算 / the fees would exceed the campaign's budget",
            )
            .into()
        }
        _ => e,
    }
}
