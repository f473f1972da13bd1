//! Dashboard bodies.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// Compounds per governance mode in one subdistrict.
#[derive(Debug, Serialize, ToSchema)]
pub struct ModeCountsView {
    pub area_id: Uuid,
    pub area_name: String,
    pub property_managed: i64,
    pub entrusted: i64,
    pub self_managed: i64,
    pub total: i64,
}

/// The same counts summed over the caller's scope.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct ModeTotals {
    pub property_managed: i64,
    pub entrusted: i64,
    pub self_managed: i64,
    pub total: i64,
}

/// Compounds by governance mode, per subdistrict.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompoundsByModeResponse {
    pub items: Vec<ModeCountsView>,
    pub totals: ModeTotals,
}
