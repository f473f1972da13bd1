use actix_web::{get, web};
use linli_domain::{page::clamp_limit, policy::Action};
use linli_persistence::{areas::scope_patterns, user_admin};

use crate::{
    auth::AuthUser,
    cursor,
    dto::user::{UserPage, UserQuery, UserView},
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// Users holding a grant in your area, by username. Phones are masked.
#[utoipa::path(tag = tags::USERS, security(("bearer" = [])), params(UserQuery), responses(
    (status = 200, description = "One page of users (`next_cursor` continues)", body = UserPage),
    (status = 403, description = "Your role may not manage users", body = Problem, content_type = "application/problem+json"),
))]
#[get("/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<UserQuery>,
) -> ApiResult<web::Json<UserPage>> {
    let scope = user.scope(Action::ManageUsers)?;
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<String>(query.cursor.as_deref())?;
    let search = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    let mut conn = state.db.conn().await?;
    let mut list = user_admin::list(
        &mut conn,
        &scope_patterns(&scope),
        search,
        after.as_deref(),
        limit + 1,
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |u| cursor::encode(&u.user.username));
    Ok(web::Json(UserPage {
        items: list.into_iter().map(UserView::from).collect(),
        next_cursor,
    }))
}
