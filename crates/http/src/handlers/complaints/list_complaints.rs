use actix_web::{get, web};
use chrono::{DateTime, Utc};
use linli_domain::{
    page::clamp_limit,
    policy::{Action, Principal, authorize},
};
use linli_persistence::{
    areas,
    complaints::{self, ComplaintFilter},
};
use uuid::Uuid;

use super::visibility;
use crate::{
    auth::Caller,
    cursor,
    dto::complaint::{ComplaintPage, ComplaintQuery, ComplaintView},
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// Complaints you may see (your area's, your organisation's, or your own), newest first,
/// filtered by area, status, category, handler, overdue, filing date and text. Phones are
/// masked in lists.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), params(ComplaintQuery), responses(
    (status = 200, description = "One page of complaints (`next_cursor` continues)", body = ComplaintPage),
    (status = 404, description = "`area_id` not in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[get("/complaints")]
pub async fn list_complaints(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ComplaintQuery>,
) -> ApiResult<web::Json<ComplaintPage>> {
    if matches!(caller.principal, Principal::ApiKey { .. }) {
        caller.scope(Action::ReadComplaints)?;
    }
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(DateTime<Utc>, Uuid)>(query.cursor.as_deref())?;
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let within = match query.area_id {
        Some(id) => {
            let scope = authorize(&caller.principal, Action::ReadComplaints)
                .map_err(crate::error::ApiError::from)?;
            Some(
                areas::find_in_scope(&mut conn, id, &scope)
                    .await?
                    .path
                    .as_str()
                    .to_owned(),
            )
        }
        None => None,
    };
    let filter = ComplaintFilter {
        within,
        status: query.status,
        category: query.category.clone(),
        handler_org_id: query.handler_org_id,
        overdue: query.overdue,
        from: query.from,
        to: query.to,
        text: query
            .q
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_owned),
        compound_id: query.compound_id,
    };
    let mut list = complaints::list(&mut conn, &vis, &filter, after.as_ref(), limit + 1).await?;
    let next_cursor =
        cursor::next_page(&mut list, limit, |c| cursor::encode(&(c.created_at, c.id)));
    Ok(web::Json(ComplaintPage {
        items: list
            .into_iter()
            .map(|c| ComplaintView::new(c, false))
            .collect(),
        next_cursor,
    }))
}
