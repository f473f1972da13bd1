//! Action items (待办) from joint meetings.

pub mod get_action_item;
pub mod list_action_items;
pub mod update_action_item;
