use actix_web::{HttpResponse, post, web};
use linli_domain::{allowance::parse_assessments, policy::Action, public_revenue::RowError};
use linli_persistence::{
    allowances::{self, AssessmentDraft},
    areas::scope_patterns,
};

use crate::{
    auth::Caller,
    dto::allowance::AssessmentImportResult,
    error::{ApiError, ApiResult, Problem},
    handlers::tags,
    state::AppState,
    upload,
};

/// Import assessments from CSV (UTF-8): `人员ID,姓名,考评开始,考评结束,得分,结果,考评人,备注`
/// (English headers `person_id,name,period_start,period_end,score,result,assessor,notes` also
/// work; 人员ID and 备注 optional; 结果 优秀 / 合格 / 不合格). A person is found by id, or by a
/// name unique in your area. All rows or none: any problem answers 422 `import_invalid` with
/// `row_errors`.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv", description = "The CSV file"),
    responses(
    (status = 201, description = "Imported: rows taken and rows refused, each with its reason", body = AssessmentImportResult),
    (status = 422, description = "`import_invalid` with `row_errors`; nothing was stored", body = Problem, content_type = "application/problem+json"),
))]
#[post("/assessments/imports")]
pub async fn import_assessments(
    state: web::Data<AppState>,
    caller: Caller,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageAssessments)?;
    let patterns = scope_patterns(&scope);
    let bytes = upload::read_body(
        &mut payload,
        8 * 1024 * 1024,
        "导入文件不能超过 8 MB / import files are limited to 8 MB",
    )
    .await?;
    let rows = parse_assessments(&bytes).map_err(ApiError::import_invalid)?;
    let mut conn = state.db.conn().await?;
    let names: Vec<String> = rows
        .iter()
        .filter(|r| r.person_id.is_none())
        .map(|r| r.name.clone())
        .collect();
    let by_name = allowances::people_by_name(&mut conn, &patterns, &names).await?;
    let mut errors = Vec::new();
    let mut drafts = Vec::new();
    for r in rows {
        let person = match r.person_id {
            Some(id) if allowances::person_visible(&mut conn, &patterns, id).await? => Some(id),
            Some(_) => {
                errors.push(RowError {
                    row: r.row,
                    column: "人员ID".into(),
                    message: "不是您负责区域内的人员 / not a person in your area".into(),
                });
                None
            }
            None => match by_name.get(&r.name).map(Vec::as_slice) {
                Some([one]) => Some(*one),
                Some([_, _, ..]) => {
                    errors.push(RowError {
                        row: r.row,
                        column: "姓名".into(),
                        message: format!("“{}”有重名，请填写人员ID / several people share this name; give the person id", r.name),
                    });
                    None
                }
                _ => {
                    errors.push(RowError {
                        row: r.row,
                        column: "姓名".into(),
                        message: format!(
                            "在您负责的区域找不到“{}” / no such person in your area",
                            r.name
                        ),
                    });
                    None
                }
            },
        };
        if let Some(person_id) = person {
            drafts.push(AssessmentDraft {
                person_id,
                period_start: r.period_start,
                period_end: r.period_end,
                score: r.score,
                result: r.result,
                assessor: r.assessor,
                notes: r.notes,
            });
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::import_invalid(errors));
    }
    let area = linli_persistence::areas::first_root(&patterns);
    let imported = allowances::import_assessments(&mut conn, &caller.audit, &area, &drafts).await?;
    Ok(HttpResponse::Created().json(AssessmentImportResult { imported }))
}
