use actix_web::{HttpResponse, http::StatusCode, post, web};
use linli_domain::{media::clean_file_name, policy::Action, public_revenue::parse_cash_journal};
use linli_persistence::public_revenue;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::in_scope;
use crate::{
    auth::Caller,
    dto::public_revenue::{ImportQuery, ImportResult},
    error::{ApiError, ApiResult, Problem},
    handlers::tags,
    state::AppState,
    upload,
};

/// Largest file accepted: 64 MiB (about half a million rows).
const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

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
))]
#[post("/compounds/{id}/ledger/imports")]
pub async fn import_entries(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<ImportQuery>,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    let compound = in_scope(&mut conn, &caller, id.into_inner(), Action::PostLedger).await?;
    drop(conn);
    let bytes = upload::read_body(
        &mut payload,
        MAX_IMPORT_BYTES,
        "导入文件不能超过 64 MB，请拆分 / import files are limited to 64 MB; split the file",
    )
    .await?;
    let mut conn = state.db.conn().await?;
    let accounts = public_revenue::chart(&mut conn, compound.id).await?;
    let closed = public_revenue::closed_months(&mut conn, compound.id).await?;
    let digest = Sha256::digest(&bytes).to_vec();
    // A re-upload answers with the first import even if its months have closed since.
    if let Some(previous) = public_revenue::previous_import(&mut conn, compound.id, &digest).await?
    {
        return Ok(HttpResponse::Ok().json(result(previous)));
    }
    let rows = web::block(move || parse_cash_journal(&bytes, &accounts, &closed))
        .await
        .map_err(|e| ApiError::internal(&e))?
        .map_err(ApiError::import_invalid)?;
    let file_name = clean_file_name(query.file_name.as_deref().unwrap_or("import.csv"));
    let outcome = public_revenue::import(
        &mut conn,
        &caller.audit,
        compound.id,
        compound.path.as_str(),
        &public_revenue::ImportFile {
            name: file_name,
            sha256: digest,
        },
        &rows,
        &mut |_| {},
    )
    .await?;
    let status = if outcome.replayed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok(HttpResponse::build(status).json(result(outcome)))
}

fn result(outcome: public_revenue::ImportOutcome) -> ImportResult {
    ImportResult {
        import_id: outcome.import_id,
        rows: outcome.rows,
        entries: outcome.entries,
        replayed: outcome.replayed,
        created_at: outcome.created_at,
    }
}
