use crate::handlers::prelude::*;
use linli_app::stats;
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::{
        page::PageQuery,
        registry::{CommitteeSharePage, CommitteeShareView},
    },
};

/// The party-member share of each owners' committee in your area.
#[utoipa::path(tag = tags::STATS, security(("bearer" = []), ("api_key" = [])), params(PageQuery), responses(
    (status = 200, description = "One page of committee shares (`next_cursor` continues)", body = CommitteeSharePage),
))]
#[get("/stats/owners-committees")]
pub async fn owners_committees(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<PageQuery>,
) -> ApiResult<web::Json<CommitteeSharePage>> {
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(String, Uuid)>(query.cursor.as_deref())?;
    let mut list = on_connection(
        &state.db,
        with_tx!(|tx| stats::owners_committees(tx, &caller, after.as_ref(), limit + 1).await),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |c| {
        cursor::encode(&(&c.organisation_name, c.organisation_id))
    });
    Ok(web::Json(CommitteeSharePage {
        items: list.into_iter().map(CommitteeShareView::from).collect(),
        next_cursor,
    }))
}
