//! The signed-in user.

pub mod change_password;
pub mod get_me;
