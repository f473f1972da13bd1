use crate::handlers::prelude::*;
use linli_app::complaints;
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::complaint::{ComplaintPage, ComplaintQuery, ComplaintView},
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
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<complaints::After>(query.cursor.as_deref())?;
    let find = query.to_find();
    let mut list = in_transaction(
        &state.db,
        with_tx!(
            |tx| complaints::list_complaints(tx, &caller, find, after.as_ref(), limit + 1).await
        ),
    )
    .await?;
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
