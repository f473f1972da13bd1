use actix_web::{HttpResponse, get, web};
use chrono::{Datelike, NaiveDate};
use linli_domain::{DomainError, policy::Action, public_revenue::yuan};
use linli_persistence::{areas, public_revenue};

use crate::{
    auth::Caller,
    csv_file,
    dto::public_revenue::{RollupItem, RollupQuery, RollupReport},
    error::{ApiError, ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// Public revenue rolled up by the children of an area: the district by subdistrict, a
/// subdistrict by community, a community by compound. Defaults to this calendar year and
/// the top of your scope. `format=csv` downloads it.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(RollupQuery), responses(
    (status = 200, description = "The report; with `format=csv`, the same as a spreadsheet", content((RollupReport = "application/json"), (String = "text/csv"))),
    (status = 422, description = "`format` not `json` or `csv`, or a bad period", body = Problem, content_type = "application/problem+json"),
))]
#[get("/public-revenue/by-area")]
pub async fn rollup_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<RollupQuery>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ReadLedger)?;
    let as_csv = csv_file::wanted(query.format.as_deref())?;
    let today = state.clock().today();
    let from = query
        .from
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today));
    let to = query.to.unwrap_or(today);
    if from > to {
        return Err(DomainError::field(
            "from",
            "开始日期不能晚于结束日期 / from must not be after to",
        )
        .into());
    }
    let mut conn = state.db.conn().await?;
    let area = match query.area_id {
        Some(id) => areas::find_in_scope(&mut conn, id, &scope).await?,
        None => {
            let root = scope
                .roots()
                .first()
                .ok_or_else(|| ApiError::not_found("area"))?;
            let id = root
                .ids()
                .last()
                .copied()
                .ok_or_else(|| ApiError::not_found("area"))?;
            areas::find_in_scope(&mut conn, id, &scope).await?
        }
    };
    let patterns = areas::scope_patterns(&scope);
    let rows = public_revenue::by_child_area(&mut conn, &patterns, area.id, from, to).await?;
    let items: Vec<RollupItem> = rows
        .into_iter()
        .map(|r| RollupItem {
            area_id: r.area_id,
            area_name: r.area_name,
            area_kind: r.area_kind,
            compounds: r.compounds,
            income_fen: r.income_fen,
            expense_fen: r.expense_fen,
        })
        .collect();
    if as_csv {
        return csv_file::attachment(
            "public-revenue-by-area.csv",
            &["区域", "有账小区数", "收入(元)", "支出(元)", "结余(元)"],
            items.iter().map(|i| {
                vec![
                    i.area_name.clone(),
                    i.compounds.to_string(),
                    yuan(i.income_fen),
                    yuan(i.expense_fen),
                    yuan(i.income_fen - i.expense_fen),
                ]
            }),
        );
    }
    Ok(HttpResponse::Ok().json(RollupReport {
        area_id: area.id,
        from,
        to,
        items,
    }))
}
