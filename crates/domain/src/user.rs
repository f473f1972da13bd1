//! Users: the people who sign in.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::policy::Grant;

/// A user as the rest of the system sees them (never with the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub is_active: bool,
    /// Bumped whenever a password, role or grant changes; tokens carry it, so older
    /// access tokens stop working at once.
    pub token_version: i32,
}

/// A user together with what they may do where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserWithGrants {
    pub user: User,
    pub grants: Vec<Grant>,
}
