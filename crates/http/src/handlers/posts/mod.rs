//! Posts (任职).

pub mod create_post;
pub mod get_post;
pub mod list_posts;
pub mod update_post;
