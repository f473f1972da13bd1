//! User administration bodies.

use chrono::{DateTime, Utc};
use linli_app::users::{CreateUser, GrantRequest};
use linli_domain::{pii::mask_phone, policy::Role};
use linli_persistence::user_admin::UserRecord;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::me::GrantView;

/// A user as administrators see them. `phone` is always masked here; holders of
/// `pii.read` may unmask it with a reason (`POST /users/{id}/unmask`).
#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    /// Masked, e.g. `138****5678`.
    #[schema(example = "138****5678")]
    pub phone: Option<String>,
    pub is_active: bool,
    pub grants: Vec<GrantView>,
    /// Incremented on every change; the `ETag` is derived from it.
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

impl From<UserRecord> for UserView {
    fn from(r: UserRecord) -> Self {
        UserView {
            id: r.user.id,
            username: r.user.username,
            display_name: r.user.display_name,
            phone: r.phone.as_deref().map(mask_phone),
            is_active: r.user.is_active,
            grants: r.grants.into_iter().map(GrantView::from).collect(),
            version: r.version,
            created_at: r.created_at,
        }
    }
}

/// One page of users.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserPage {
    pub items: Vec<UserView>,
    pub next_cursor: Option<String>,
}

/// Filters of the user list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// Username or name contains this text.
    #[param(max_length = 100)]
    pub q: Option<String>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// A role over an area.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct GrantInput {
    pub role: Role,
    pub area_id: Uuid,
}

/// A new user with at least one grant.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateUserRequest {
    #[schema(
        min_length = 2,
        max_length = 64,
        pattern = "^[a-z0-9][a-z0-9._-]{1,63}$"
    )]
    pub username: String,
    #[schema(min_length = 1, max_length = 100)]
    pub display_name: String,
    #[schema(min_length = 10, max_length = 256, format = Password)]
    pub password: String,
    #[schema(pattern = "^\\+?[0-9]{5,20}$")]
    pub phone: Option<String>,
    #[schema(min_items = 1)]
    pub grants: Vec<GrantInput>,
}

impl CreateUserRequest {
    /// The use case's command.
    pub fn into_command(self) -> CreateUser {
        CreateUser {
            username: self.username,
            display_name: self.display_name,
            password: self.password,
            phone: self.phone,
            grants: self
                .grants
                .into_iter()
                .map(|g| GrantRequest {
                    role: g.role,
                    area_id: g.area_id,
                })
                .collect(),
        }
    }
}

/// A user's profile.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateUserRequest {
    #[schema(min_length = 1, max_length = 100)]
    pub display_name: String,
    #[schema(pattern = "^\\+?[0-9]{5,20}$")]
    pub phone: Option<String>,
    /// `false` ends every session of the user at once.
    pub is_active: bool,
}

/// Why personal data is needed (kept in the audit log).
#[derive(Debug, Deserialize, ToSchema)]
pub struct UnmaskRequest {
    #[schema(min_length = 4, max_length = 200, example = "回访投诉人核实情况")]
    pub reason: String,
}

/// Personal data, unmasked.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnmaskResponse {
    pub phone: Option<String>,
}
