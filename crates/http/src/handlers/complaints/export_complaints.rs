use actix_web::{HttpResponse, get, http::header, web};
use chrono::{DateTime, Utc};
use linli_app::{complaints, in_transaction};
use linli_domain::{calendar::china, pii::mask_phone};
use linli_persistence::complaints::Complaint;

use crate::{
    auth::Caller,
    dto::complaint::ComplaintQuery,
    error::{ApiError, ApiResult},
    handlers::tags,
    state::AppState,
};

/// Rows fetched per round trip.
const BATCH: i64 = 500;
/// The most rows one export holds.
const MAX_ROWS: usize = 50_000;
/// The CSV's first line.
const HEADER: [&str; 17] = [
    "编号",
    "小区",
    "类别",
    "标题",
    "状态",
    "承办单位",
    "受理时间",
    "签收期限",
    "办结期限",
    "办结时间",
    "超期",
    "督办级别",
    "评分",
    "来电人",
    "电话",
    "渠道",
    "提交时间",
];

/// Export the filtered complaint list as CSV (UTF-8 with BOM; times in China Standard
/// Time; phones masked). Same filters and order as the list; `limit` and `cursor` are
/// ignored.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), params(ComplaintQuery), responses(
    (status = 200, description = "CSV: 编号, 小区, 类别, 标题, 状态, 承办单位, 受理时间, 签收期限, 办结期限, 办结时间, 超期, 督办级别, 评分, 来电人, 电话, 渠道, 提交时间", body = String, content_type = "text/csv"),
))]
#[get("/complaints/export")]
pub async fn export_complaints(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ComplaintQuery>,
) -> ApiResult<HttpResponse> {
    let find = query.to_find();
    let rows = in_transaction(&state.db, move |tx| {
        Box::pin(async move {
            let search = complaints::search_complaints(tx, &caller, find).await?;
            let mut rows = Vec::new();
            let mut after: Option<complaints::After> = None;
            loop {
                let batch = search.page(tx, after.as_ref(), BATCH).await?;
                rows.extend(batch.iter().map(row));
                match batch.last() {
                    Some(last) if batch.len() as i64 == BATCH && rows.len() < MAX_ROWS => {
                        after = Some((last.created_at, last.id))
                    }
                    _ => break,
                }
            }
            Ok(rows)
        })
    })
    .await?;
    let body = csv_of(rows).map_err(|e| ApiError::internal(&e))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"complaints.csv\"; filename*=UTF-8''%E8%AF%89%E6%B1%82.csv",
        ))
        .body(body))
}

/// The CSV file: a byte-order mark, the header and `rows`.
fn csv_of(rows: Vec<Vec<String>>) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    writer.write_record(HEADER)?;
    for r in rows {
        writer.write_record(r)?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

fn row(c: &Complaint) -> Vec<String> {
    let time = |t: Option<DateTime<Utc>>| {
        t.map(|t| {
            t.with_timezone(&china())
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
    };
    vec![
        c.number.clone(),
        c.compound_name.clone(),
        c.category_name.clone(),
        c.title.clone(),
        c.status.clone(),
        c.handler_org_name.clone().unwrap_or_default(),
        time(c.accepted_at),
        time(c.sign_by),
        time(c.resolve_by),
        time(c.resolved_at),
        if c.overdue { "是" } else { "否" }.to_owned(),
        c.escalation_level.to_string(),
        c.rating.map(|r| r.to_string()).unwrap_or_default(),
        if c.anonymous {
            String::new()
        } else {
            c.complainant_name.clone().unwrap_or_default()
        },
        if c.anonymous {
            String::new()
        } else {
            c.complainant_phone
                .as_deref()
                .map(mask_phone)
                .unwrap_or_default()
        },
        c.channel.clone(),
        time(Some(c.created_at)),
    ]
}
