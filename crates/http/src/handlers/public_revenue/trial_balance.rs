use crate::handlers::prelude::*;
use linli_app::public_revenue;

use crate::{
    csv_file,
    dto::public_revenue::{AsOfQuery, TrialBalance},
};

/// The trial balance (试算平衡表) of a compound: every account's debits, credits and
/// balance up to `as_of`; total debits always equal total credits. `format=csv` downloads it.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Compound id"), AsOfQuery), responses(
    (status = 200, description = "The report; with `format=csv`, the same as a spreadsheet", content((TrialBalance = "application/json"), (String = "text/csv"))),
    (status = 422, description = "`format` not `json` or `csv`, or a bad period", body = Problem, content_type = "application/problem+json"),
))]
#[get("/compounds/{id}/ledger/trial-balance")]
pub async fn trial_balance(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<AsOfQuery>,
) -> ApiResult<HttpResponse> {
    let (id, as_of) = (id.into_inner(), query.as_of);
    let (compound_id, accounts) = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::trial_balance(tx, &caller, id.into(), as_of).await),
    )
    .await?;
    let report = TrialBalance::new(compound_id.into(), as_of, accounts);
    if csv_file::wanted(query.format.as_deref())? {
        return csv_file::attachment(
            "trial-balance.csv",
            &TrialBalance::CSV_HEADERS,
            report.csv_rows(),
        );
    }
    Ok(HttpResponse::Ok().json(report))
}
