//! The signed-in user.

pub mod get_me;
