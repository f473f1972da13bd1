use crate::handlers::prelude::*;
use linli_app::allowances;

use crate::{dto::allowance::AssessmentImportResult, error::ApiError, upload};

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
    (status = 429, description = "`rate_limited`: too many imports in a short time; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
))]
#[post("/assessments/imports")]
pub async fn import_assessments(
    state: web::Data<AppState>,
    caller: Caller,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    state.limit(&caller, Expensive::Import)?;
    allowances::may_import_assessments(&caller)?;
    let file = upload::read_body(
        &mut payload,
        8 * 1024 * 1024,
        "导入文件不能超过 8 MB / import files are limited to 8 MB",
    )
    .await?;
    let imported = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::import_assessments(tx, &caller, &file).await),
    )
    .await?
    .map_err(ApiError::import_invalid)?;
    Ok(HttpResponse::Created().json(AssessmentImportResult { imported }))
}
