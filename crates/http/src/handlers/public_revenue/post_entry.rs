use actix_web::{HttpResponse, http::StatusCode, http::header, post, web};
use linli_domain::{
    DomainError,
    policy::Action,
    public_revenue::{Line, check_balanced},
};
use linli_persistence::public_revenue::{self, NewEntry};
use uuid::Uuid;

use super::{in_scope, with_lines};
use crate::{
    auth::Caller,
    dto::public_revenue::{EntryView, NewEntryRequest},
    error::{ApiError, ApiResult, Problem},
    handlers::tags,
    idempotency::{Idempotent, reply, respond},
    state::AppState,
};

/// Post a journal entry (记账). Debits must equal credits, every account must belong to
/// the compound, and the month must be open. Posted entries never change: correct one by
/// reversing it. Send an `Idempotency-Key` so a retry posts once.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), request_body = NewEntryRequest,
    params(("id" = Uuid, Path, description = "Compound id"),
        ("Idempotency-Key" = Option<String>, Header, description = "8 to 128 of [A-Za-z0-9-_.:]; a retry replays the first response")),
    responses(
    (status = 201, description = "Created: the entry; `Location` is its address", body = EntryView, headers(("Location" = String))),
    (status = 409, description = "The month is closed (`period_closed`), or the same Idempotency-Key is in flight", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Unbalanced, an unknown or inactive account, invalid fields", body = Problem, content_type = "application/problem+json"),
))]
#[post("/compounds/{id}/ledger/entries")]
pub async fn post_entry(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    input: Idempotent<NewEntryRequest>,
) -> ApiResult<HttpResponse> {
    let keyed = input.keyed(&caller);
    let body = input.body;
    let lines: Vec<Line> = body
        .lines
        .iter()
        .map(|l| Line {
            account_id: l.account_id,
            debit_fen: l.debit_fen,
            credit_fen: l.credit_fen,
        })
        .collect();
    check_balanced(&lines)?;
    let memo = body.memo.trim().to_owned();
    if !(1..=200).contains(&memo.chars().count()) {
        return Err(DomainError::field(
            "memo",
            "摘要须为 1 到 200 个字 / memo must be 1 to 200 characters",
        )
        .into());
    }
    let voucher_no = body
        .voucher_no
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty());
    if voucher_no.as_ref().is_some_and(|v| v.chars().count() > 40) {
        return Err(DomainError::field(
            "voucher_no",
            "凭证号不能超过 40 个字 / at most 40 characters",
        )
        .into());
    }
    let mut conn = state.db.conn().await?;
    let compound = in_scope(&mut conn, &caller, id.into_inner(), Action::PostLedger).await?;
    let accounts = public_revenue::chart(&mut conn, compound.id).await?;
    for (i, line) in lines.iter().enumerate() {
        if !accounts.iter().any(|a| a.id == line.account_id && a.active) {
            return Err(DomainError::field(
                &format!("lines[{i}].account_id"),
                "科目不属于本小区或已停用 / the account is not one of this compound's active accounts",
            )
            .into());
        }
    }
    drop(conn);
    let new = NewEntry {
        compound_id: compound.id,
        entry_date: body.entry_date,
        memo,
        voucher_no,
        lines,
        reverses: None,
    };
    let audit = caller.audit.clone();
    let area_path = compound.path.as_str().to_owned();
    respond(&state, keyed, move |tx| {
        Box::pin(async move {
            let id = public_revenue::post(tx, &audit, &area_path, &new).await?;
            let entry = public_revenue::find_entry(tx, new.compound_id, id).await?;
            let view = with_lines(tx, vec![entry])
                .await?
                .pop()
                .ok_or_else(|| ApiError::not_found("ledger entry"))?;
            Ok(reply(
                StatusCode::CREATED,
                &view,
                vec![(header::LOCATION, format!("/api/v1/ledger-entries/{id}"))],
            ))
        })
    })
    .await
}
