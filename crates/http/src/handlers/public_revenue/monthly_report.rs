use actix_web::{HttpResponse, get, web};
use chrono::Months;
use linli_domain::{
    DomainError,
    policy::Action,
    public_revenue::{month_of, next_month, yuan},
};
use linli_persistence::{areas::scope_patterns, public_revenue};

use super::month_field;
use crate::{
    auth::Caller,
    csv_file,
    dto::public_revenue::{MonthlyItem, MonthlyQuery, MonthlyReport},
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// Monthly public revenue income and spending by category, for a compound or rolled up
/// over an area (your whole scope when no area is given). At most 36 months.
/// `format=csv` downloads it.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(MonthlyQuery), responses(
    (status = 200, description = "The report; with `format=csv`, the same as a spreadsheet", content((MonthlyReport = "application/json"), (String = "text/csv"))),
    (status = 422, description = "A month is not written `YYYY-MM`, or the range runs backwards or spans more than 36 months", body = Problem, content_type = "application/problem+json"),
))]
#[get("/public-revenue/monthly")]
pub async fn monthly_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<MonthlyQuery>,
) -> ApiResult<HttpResponse> {
    // Auditors read one compound of their engagements (`area_id` = that compound).
    let scope = match (caller.scope(Action::ReadLedger), query.area_id) {
        (Ok(scope), _) => Some(scope),
        (Err(_), Some(_)) if caller.scope(Action::WorkAudits).is_ok() => None,
        (Err(e), _) => return Err(e.into()),
    };
    let as_csv = csv_file::wanted(query.format.as_deref())?;
    let to = match &query.to {
        Some(t) => month_field("to", t)?,
        None => month_of(state.clock().today()),
    };
    let from = match &query.from {
        Some(f) => month_field("from", f)?,
        None => to.checked_sub_months(Months::new(11)).unwrap_or(to),
    };
    if from > to
        || from
            .checked_add_months(Months::new(36))
            .is_some_and(|limit| limit <= to)
    {
        return Err(DomainError::field(
            "from",
            "起止月份须在 36 个月以内且不倒置 / from must precede to, at most 36 months apart",
        )
        .into());
    }
    let mut conn = state.db.conn().await?;
    let patterns = match (query.area_id, &scope) {
        (Some(area_id), Some(scope)) => {
            let area = linli_persistence::areas::find_in_scope(&mut conn, area_id, scope).await?;
            vec![format!("{}%", area.path.as_str())]
        }
        (Some(area_id), None) => {
            let compound = super::readable(&mut conn, &caller, area_id).await?;
            vec![format!("{}%", compound.path.as_str())]
        }
        (None, Some(scope)) => scope_patterns(scope),
        (None, None) => return Err(linli_domain::DomainError::Forbidden.into()),
    };
    let end = next_month(to).pred_opt().unwrap_or(to);
    let rows = public_revenue::monthly(&mut conn, &patterns, from, end).await?;
    let items: Vec<MonthlyItem> = rows
        .into_iter()
        .map(|r| MonthlyItem {
            month: r.month.format("%Y-%m").to_string(),
            kind: r.kind,
            category: r.category,
            amount_fen: r.amount_fen,
        })
        .collect();
    if as_csv {
        return csv_file::attachment(
            "public-revenue-monthly.csv",
            &["月份", "类型", "类别", "金额(元)"],
            items.iter().map(|i| {
                vec![
                    i.month.clone(),
                    i.kind.clone(),
                    i.category.clone(),
                    yuan(i.amount_fen),
                ]
            }),
        );
    }
    Ok(HttpResponse::Ok().json(MonthlyReport {
        from: from.format("%Y-%m").to_string(),
        to: to.format("%Y-%m").to_string(),
        items,
    }))
}
