//! Setting up an allowance programme.

use linli_domain::ids::AreaId;
use linli_domain::{
    allowance::{AssessmentResult, ProgrammeFields, check_programme},
    policy::{Action, Scope},
    registry::OrgKind,
};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Programme, ProgrammeDraft},
    areas::{self, scope_patterns},
};

use crate::{Caller, Result, not_found_as_field};

/// A programme's terms: the eligible post, the monthly amount, the assessment result
/// required, the area and the annual budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeTerms {
    pub name: String,
    pub area_id: AreaId,
    pub org_kind: OrgKind,
    pub post_title: String,
    pub amount_fen_per_month: i64,
    pub required_result: AssessmentResult,
    pub annual_budget_fen: i64,
    pub pro_rata: bool,
    pub active: bool,
}

/// Sets up a programme over an area of the caller's. Returns the stored programme.
pub async fn create_programme(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    terms: ProgrammeTerms,
) -> Result<Programme> {
    // Authorise.
    let scope = caller.scope(Action::ManageAllowances)?;
    // Validate and load the area.
    let draft = drafted(tx, &scope, terms).await?;
    // Store and audit.
    let id = allowances::create_programme(tx, &caller.audit, &draft).await?;
    allowances::programme(tx, &scope_patterns(&scope), id).await
}

/// The terms checked, with their area in `scope` (a field error otherwise).
pub(super) async fn drafted(
    tx: &mut AsyncPgConnection,
    scope: &Scope,
    terms: ProgrammeTerms,
) -> Result<ProgrammeDraft> {
    check_programme(&ProgrammeFields {
        name: &terms.name,
        post_title: &terms.post_title,
        amount_fen_per_month: terms.amount_fen_per_month,
        annual_budget_fen: terms.annual_budget_fen,
        required_result: terms.required_result,
    })?;
    let area = areas::find_in_scope(tx, terms.area_id.into(), scope)
        .await
        .map_err(|e| {
            not_found_as_field(
                e,
                "area_id",
                "只能为您负责的区域设立津贴项目 / choose an area you are responsible for",
            )
        })?;
    Ok(ProgrammeDraft {
        name: terms.name.trim().to_owned(),
        area_id: area.id,
        area_path: area.path.as_str().to_owned(),
        org_kind: terms.org_kind.as_str().to_owned(),
        post_title: terms.post_title.trim().to_owned(),
        amount_fen_per_month: terms.amount_fen_per_month,
        required_result: terms.required_result,
        annual_budget_fen: terms.annual_budget_fen,
        pro_rata: terms.pro_rata,
        active: terms.active,
    })
}
