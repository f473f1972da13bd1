use actix_web::{HttpResponse, http::StatusCode, http::header, post, web};
use linli_domain::{
    DomainError,
    policy::Action,
    public_revenue::{Line, reversal_of},
};
use linli_persistence::public_revenue::{self, NewEntry};
use uuid::Uuid;

use super::{in_scope, with_lines};
use crate::{
    auth::Caller,
    dto::public_revenue::{EntryView, ReverseRequest},
    error::{ApiError, ApiResult, Problem},
    handlers::tags,
    idempotency::{Idempotent, reply, respond},
    state::AppState,
};

/// Reverse a posted entry (冲销): a new entry with every debit and credit swapped, dated
/// today (or `entry_date`) in an open month. An entry is reversed at most once.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), request_body = ReverseRequest,
    params(("id" = Uuid, Path, description = "The entry to reverse"),
        ("Idempotency-Key" = Option<String>, Header, description = "8 to 128 of [A-Za-z0-9-_.:]; a retry replays the first response")),
    responses(
    (status = 201, description = "The reversing entry", body = EntryView, headers(("Location" = String))),
    (status = 409, description = "Already reversed, itself a reversal, or the month is closed", body = Problem, content_type = "application/problem+json"),
))]
#[post("/ledger-entries/{id}/reverse")]
pub async fn reverse_entry(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    input: Idempotent<ReverseRequest>,
) -> ApiResult<HttpResponse> {
    let keyed = input.keyed(&caller);
    let body = input.body;
    let reason = body.reason.trim().to_owned();
    if !(1..=150).contains(&reason.chars().count()) {
        return Err(DomainError::field(
            "reason",
            "请填写冲销原因（1 到 150 个字）/ give a reason of 1 to 150 characters",
        )
        .into());
    }
    let id = id.into_inner();
    let mut conn = state.db.conn().await?;
    let compound_id = public_revenue::compound_of_entry(&mut conn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("ledger entry"))?;
    let compound = in_scope(&mut conn, &caller, compound_id, Action::PostLedger)
        .await
        .map_err(|e| {
            if e.code() == "forbidden" {
                e
            } else {
                ApiError::not_found("ledger entry")
            }
        })?;
    let original = public_revenue::find_entry(&mut conn, compound.id, id).await?;
    if original.reversed_by.is_some() || original.reverses_id.is_some() {
        return Err(DomainError::WrongState {
            code: "already_reversed",
            detail: "该分录已被冲销，或本身就是冲销分录 / the entry is already reversed, or is itself a reversal".into(),
            allowed: vec![],
        }
        .into());
    }
    let lines: Vec<Line> = public_revenue::lines_of(&mut conn, &[id])
        .await?
        .into_iter()
        .map(|l| Line {
            account_id: l.account_id,
            debit_fen: l.debit_fen,
            credit_fen: l.credit_fen,
        })
        .collect();
    drop(conn);
    let memo: String = format!("冲销 #{}：{reason}", original.number)
        .chars()
        .take(200)
        .collect();
    let new = NewEntry {
        compound_id: compound.id,
        entry_date: body.entry_date.unwrap_or_else(|| state.clock().today()),
        memo,
        voucher_no: original.voucher_no.clone(),
        lines: reversal_of(&lines),
        reverses: Some(id),
    };
    let audit = caller.audit.clone();
    let area_path = compound.path.as_str().to_owned();
    respond(&state, keyed, move |tx| {
        Box::pin(async move {
            let reversal = public_revenue::post(tx, &audit, &area_path, &new)
                .await
                .map_err(|e| {
                    match e {
                        // Two reversals raced: the unique `reverses_id` let one through.
                        linli_persistence::StoreError::Domain(DomainError::Conflict(_)) => {
                            ApiError::from(DomainError::WrongState {
                                code: "already_reversed",
                                detail: "该分录已被冲销 / the entry is already reversed".into(),
                                allowed: vec![],
                            })
                        }
                        other => ApiError::from(other),
                    }
                })?;
            let entry = public_revenue::find_entry(tx, new.compound_id, reversal).await?;
            let view = with_lines(tx, vec![entry])
                .await?
                .pop()
                .ok_or_else(|| ApiError::not_found("ledger entry"))?;
            Ok(reply(
                StatusCode::CREATED,
                &view,
                vec![(
                    header::LOCATION,
                    format!("/api/v1/ledger-entries/{reversal}"),
                )],
            ))
        })
    })
    .await
}
