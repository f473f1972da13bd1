//! The signed-in user.

use linli_domain::{
    area::AreaKind,
    policy::{Action, Role},
};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// One role over one area.
#[derive(Debug, Serialize, ToSchema)]
pub struct GrantView {
    #[schema(value_type = super::enums::RoleSchema)]
    pub role: Role,
    pub area_id: Uuid,
    pub area_name: String,
    #[schema(value_type = super::enums::AreaKindSchema)]
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
    #[schema(value_type = Vec<super::enums::PermissionSchema>)]
    pub permissions: Vec<Action>,
}
