use crate::handlers::prelude::*;
use linli_app::users;
use linli_domain::page::clamp_limit;

use crate::{
    auth::AuthUser,
    cursor,
    dto::user::{UserPage, UserQuery, UserView},
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
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<String>(query.cursor.as_deref())?;
    let search = query.q.clone();
    let mut list = in_transaction(
        &state.db,
        with_tx!(|tx| {
            let (search, after) = (search.as_deref(), after.as_deref());
            users::list_users(tx, &user, search, after, limit + 1).await
        }),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |u| cursor::encode(&u.user.username));
    Ok(web::Json(UserPage {
        items: list.into_iter().map(UserView::from).collect(),
        next_cursor,
    }))
}
