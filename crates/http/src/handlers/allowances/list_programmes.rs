use actix_web::{get, web};
use linli_domain::policy::Action;
use linli_persistence::{allowances, areas::scope_patterns};

use crate::{
    auth::Caller,
    dto::allowance::{ProgrammeList, ProgrammeView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Allowance programmes covering your area.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = []), ("api_key" = [])), responses(
    (status = 200, description = "The programmes", body = ProgrammeList),
))]
#[get("/allowance-programmes")]
pub async fn list_programmes(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<ProgrammeList>> {
    let patterns = scope_patterns(&caller.scope(Action::ReadAllowances)?);
    let mut conn = state.db.conn().await?;
    let items = allowances::programmes(&mut conn, &patterns).await?;
    Ok(web::Json(ProgrammeList {
        items: items.into_iter().map(ProgrammeView::from).collect(),
    }))
}
