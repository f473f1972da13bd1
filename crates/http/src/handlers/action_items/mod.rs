//! Action items (待办) from joint meetings.

pub mod get_action_item;
pub mod list_action_items;
pub mod update_action_item;

use actix_web::{HttpResponse, http::header};
use linli_persistence::registry::meetings::ActionItem;

use crate::{dto::registry::ActionItemView, extract::etag};

/// The action item with its `ETag`.
fn item_response(item: ActionItem) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, etag(item.version)))
        .json(ActionItemView::from(item))
}
