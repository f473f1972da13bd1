//! The signed-in user.

use linli_domain::{
    area::AreaKind,
    policy::{Action, Role},
};
use linli_persistence::users::GrantDetail;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// One role over one area.
#[derive(Debug, Serialize, ToSchema)]
pub struct GrantView {
    /// The grant's id (to remove it).
    pub id: Uuid,
    pub role: Role,
    pub area_id: Uuid,
    pub area_name: String,
    pub area_kind: AreaKind,
}

/// Who the caller is and what they may do.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeResponse {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub grants: Vec<GrantView>,
    /// Actions at least one grant allows somewhere; the server still checks every request.
    #[schema(value_type = Vec<linli_domain::policy::Action>)]
    pub permissions: Vec<Action>,
}

impl From<GrantDetail> for GrantView {
    fn from(g: GrantDetail) -> Self {
        GrantView {
            id: g.id,
            role: g.grant.role,
            area_id: g.grant.area_id,
            area_name: g.area_name,
            area_kind: g.area_kind,
        }
    }
}

/// A new password, with the current one as proof.
#[derive(Debug, serde::Deserialize, ToSchema)]
pub struct ChangePasswordRequest {
    #[schema(max_length = 256, format = Password)]
    pub current_password: String,
    /// 10 to 256 characters, not the username.
    #[schema(min_length = 10, max_length = 256, format = Password)]
    pub new_password: String,
}
