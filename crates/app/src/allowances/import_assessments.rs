//! Importing assessments from a file: all rows or none.

use linli_domain::{
    allowance::{AssessmentRow, parse_assessments},
    policy::Action,
    public_revenue::RowError,
};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, AssessmentDraft},
    areas::first_root,
};

use super::patterns;
use crate::{Caller, Result};

/// `Forbidden` unless the caller assesses somewhere: asked before a file is read.
pub fn may_import_assessments(caller: &Caller) -> Result<()> {
    caller.scope(Action::ManageAssessments)?;
    Ok(())
}

/// Imports the assessments of a CSV file (see `allowance::parse_assessments`): each person
/// found by id, or by a name unique in the caller's area. Answers how many were stored, or
/// every problem by row and column (then nothing is stored).
pub async fn import_assessments(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    file: &[u8],
) -> Result<std::result::Result<usize, Vec<RowError>>> {
    // Authorise.
    let patterns = patterns(caller, Action::ManageAssessments)?;
    // Validate.
    let rows = match parse_assessments(file) {
        Ok(rows) => rows,
        Err(errors) => return Ok(Err(errors)),
    };
    // Load: the people the rows name.
    let names: Vec<String> = rows
        .iter()
        .filter(|r| r.person_id.is_none())
        .map(|r| r.name.clone())
        .collect();
    let by_name = allowances::people_by_name(tx, &patterns, &names).await?;
    let mut errors = Vec::new();
    let mut drafts = Vec::new();
    for r in rows {
        let found = match r.person_id {
            Some(id) if allowances::person_visible(tx, &patterns, id).await? => Ok(id),
            Some(_) => Err((
                "人员ID",
                "不是您负责区域内的人员 / not a person in your area".to_owned(),
            )),
            None => match by_name.get(&r.name).map(Vec::as_slice) {
                Some([one]) => Ok(*one),
                Some([_, _, ..]) => Err((
                    "姓名",
                    format!(
                        "“{}”有重名，请填写人员ID / several people share this name; give the person id",
                        r.name
                    ),
                )),
                _ => Err((
                    "姓名",
                    format!(
                        "在您负责的区域找不到“{}” / no such person in your area",
                        r.name
                    ),
                )),
            },
        };
        match found {
            Ok(person_id) => drafts.push(draft(person_id, r)),
            Err((column, message)) => errors.push(RowError {
                row: r.row,
                column: column.into(),
                message,
            }),
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    // Store and audit.
    let area = first_root(&patterns);
    let imported = allowances::import_assessments(tx, &caller.audit, &area, &drafts).await?;
    Ok(Ok(imported))
}

fn draft(person_id: uuid::Uuid, r: AssessmentRow) -> AssessmentDraft {
    AssessmentDraft {
        person_id,
        period_start: r.period_start,
        period_end: r.period_end,
        score: r.score,
        result: r.result,
        assessor: r.assessor,
        notes: r.notes,
    }
}
