//! User administration: adapters of `linli_app::users`.

pub mod add_grant;
pub mod create_user;
pub mod get_user;
pub mod list_users;
pub mod remove_grant;
pub mod unmask_user;
pub mod update_user;

use actix_web::{HttpResponse, http::header};
use linli_persistence::user_admin::UserRecord;

use crate::{dto::user::UserView, extract::etag};

/// A user with its `ETag`.
fn user_response(builder: &mut actix_web::HttpResponseBuilder, record: UserRecord) -> HttpResponse {
    builder
        .insert_header((header::ETAG, etag(record.version)))
        .json(UserView::from(record))
}
