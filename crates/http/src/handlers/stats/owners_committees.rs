use actix_web::{get, web};
use linli_domain::{page::clamp_limit, policy::Action};
use linli_persistence::{areas::scope_patterns, registry::indicators};
use uuid::Uuid;

use crate::{
    auth::Caller,
    cursor,
    dto::{
        page::PageQuery,
        registry::{CommitteeSharePage, CommitteeShareView},
    },
    error::ApiResult,
    handlers::tags,
    state::AppState,
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
    let scope = caller.scope(Action::ReadRegistry)?;
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(String, Uuid)>(query.cursor.as_deref())?;
    let mut conn = state.db.conn().await?;
    let mut list = indicators::owners_committees(
        &mut conn,
        &scope_patterns(&scope),
        after.as_ref(),
        limit + 1,
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |c| {
        cursor::encode(&(&c.organisation_name, c.organisation_id))
    });
    Ok(web::Json(CommitteeSharePage {
        items: list
            .into_iter()
            .map(|c| CommitteeShareView {
                party_share_pct: if c.members > 0 {
                    (c.party_members as f64 * 1000.0 / c.members as f64).round() / 10.0
                } else {
                    0.0
                },
                organisation_id: c.organisation_id,
                organisation_name: c.organisation_name,
                compound_id: c.compound_id,
                compound_name: c.compound_name,
                members: c.members,
                party_members: c.party_members,
            })
            .collect(),
        next_cursor,
    }))
}
