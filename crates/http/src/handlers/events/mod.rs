//! The event feed.

pub mod list_events;
