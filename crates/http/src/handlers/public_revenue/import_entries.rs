use crate::handlers::prelude::*;
use linli_app::public_revenue::{self, Imported};
use linli_domain::public_revenue::MAX_IMPORT_BYTES;

use crate::{
    dto::public_revenue::{ImportQuery, ImportResult},
    error::ApiError,
    upload,
};

/// Import a cash journal (收支流水) as CSV, UTF-8 — the form property companies keep:
/// `日期,凭证号,摘要,科目,收入,支出,收付方式` (English headers `date,voucher_no,memo,account,
/// income,expense,method` also work). Each row becomes a two-line entry against the bank
/// (`银行`, default) or cash (`现金`). All rows or none: a file with any problem is refused
/// with `row_errors` listing each (row, column, message). Uploading the same file again
/// posts nothing and answers with the first import (`replayed: true`).
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Compound id"), ImportQuery),
    request_body(content = String, content_type = "text/csv", description = "The CSV file"),
    responses(
    (status = 201, description = "Imported", body = ImportResult),
    (status = 200, description = "The same file was imported before; nothing new was posted", body = ImportResult),
    (status = 422, description = "`import_invalid` with `row_errors`; nothing was imported", body = Problem, content_type = "application/problem+json"),
    (status = 429, description = "`rate_limited`: too many imports in a short time; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
))]
#[post("/compounds/{id}/ledger/imports")]
pub async fn import_entries(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<ImportQuery>,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    state.limit(&caller, Expensive::Import)?;
    let (id, asker) = (id.into_inner(), caller.clone());
    // Asked before the file is read; no connection is held while it arrives.
    let compound_id = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::import_target(tx, &asker, id.into()).await),
    )
    .await?;
    let too_big =
        "导入文件不能超过 64 MB，请拆分 / import files are limited to 64 MB; split the file";
    let bytes = upload::read_body(&mut payload, MAX_IMPORT_BYTES, too_big).await?;
    let command = query.into_inner().into_command(compound_id.into(), bytes);
    let imported = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::import_entries(tx, &caller, command).await),
    )
    .await?;
    match imported {
        Imported::Refused(problems) => Err(ApiError::import_invalid(problems)),
        Imported::Posted(o) if o.replayed => Ok(HttpResponse::Ok().json(ImportResult::from(o))),
        Imported::Posted(o) => Ok(HttpResponse::Created().json(ImportResult::from(o))),
    }
}
