//! User administration.

pub mod add_grant;
pub mod create_user;
pub mod get_user;
pub mod list_users;
pub mod remove_grant;
pub mod unmask_user;
pub mod update_user;

use actix_web::{HttpResponse, http::header};
use linli_domain::policy::{Action, may_grant};
use linli_persistence::{
    AsyncPgConnection,
    user_admin::{self, UserRecord},
};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::user::UserView,
    error::{ApiError, ApiResult},
    extract::etag,
};

/// Loads a user the caller may see for `action` (one of their grants lies in the
/// caller's scope); 404 otherwise.
async fn visible_user(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
    action: Action,
) -> ApiResult<UserRecord> {
    let scope = caller.scope(action)?;
    match user_admin::find(conn, id).await? {
        Some(record) if user_admin::visible_in(&record, scope.roots()) => Ok(record),
        _ => Err(ApiError::not_found("user")),
    }
}

/// 403 unless the caller could have granted every role the user holds: staff may not
/// edit or lock out someone above them.
fn ensure_manageable(caller: &Caller, record: &UserRecord) -> ApiResult<()> {
    let all = record
        .grants
        .iter()
        .all(|g| may_grant(&caller.principal, g.grant.role, &g.grant.area_path));
    if all {
        Ok(())
    } else {
        Err(linli_domain::DomainError::Forbidden.into())
    }
}

/// A user with its `ETag`.
fn user_response(builder: &mut actix_web::HttpResponseBuilder, record: UserRecord) -> HttpResponse {
    builder
        .insert_header((header::ETAG, etag(record.version)))
        .json(UserView::from(record))
}
