//! Compound bodies.

use chrono::{DateTime, Utc};
use linli_domain::{
    compound::{CompoundDraft, GovernanceMode},
    geo::GeoPoint,
};
use linli_persistence::compounds::Compound;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A WGS-84 position.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
pub struct Location {
    #[schema(minimum = -90, maximum = 90, example = 28.1135)]
    pub lat: f64,
    #[schema(minimum = -180, maximum = 180, example = 113.0402)]
    pub lon: f64,
}

impl From<GeoPoint> for Location {
    fn from(p: GeoPoint) -> Self {
        Location {
            lat: p.lat,
            lon: p.lon,
        }
    }
}

impl From<Location> for GeoPoint {
    fn from(l: Location) -> Self {
        GeoPoint {
            lat: l.lat,
            lon: l.lon,
        }
    }
}

/// A compound (小区) in the register.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompoundView {
    pub id: Uuid,
    pub community_id: Uuid,
    pub community_name: String,
    pub subdistrict_id: Uuid,
    pub subdistrict_name: String,
    #[schema(example = "融城花苑")]
    pub name: String,
    pub address: String,
    pub location: Option<Location>,
    #[schema(example = 2002)]
    pub year_built: Option<i32>,
    pub building_count: i32,
    pub household_count: i32,
    /// Open (unfenced) compound (开放式小区).
    pub is_open: bool,
    pub governance_mode: GovernanceMode,
    /// Incremented on every change; the `ETag` is derived from it.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Compound> for CompoundView {
    fn from(c: Compound) -> Self {
        CompoundView {
            id: c.id,
            community_id: c.community_id,
            community_name: c.community_name,
            subdistrict_id: c.subdistrict_id,
            subdistrict_name: c.subdistrict_name,
            name: c.name,
            address: c.address,
            location: c.location.map(Location::from),
            year_built: c.year_built,
            building_count: c.building_count,
            household_count: c.household_count,
            is_open: c.is_open,
            governance_mode: c.governance_mode,
            version: c.version,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

/// One page of compounds.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompoundPage {
    pub items: Vec<CompoundView>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// Filters of the compound list and its CSV export.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CompoundQuery {
    /// Only compounds inside this area (a subdistrict, community or the district).
    pub area_id: Option<Uuid>,
    /// Only compounds governed this way.
    #[param(value_type = Option<linli_domain::compound::GovernanceMode>)]
    pub governance_mode: Option<GovernanceMode>,
    /// Name contains this text (case-insensitive).
    #[param(max_length = 100)]
    pub name: Option<String>,
    /// Page size, 1 to 100 (default 20). Ignored by the export.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// Opaque cursor from the previous page. Ignored by the export.
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

impl CompoundQuery {
    /// The filters of the use cases.
    pub fn to_find(&self) -> linli_app::compounds::FindCompounds {
        linli_app::compounds::FindCompounds {
            area_id: self.area_id.map(Into::into),
            governance_mode: self.governance_mode,
            name: self.name.clone(),
        }
    }
}

/// The register entry of a compound, on create and update alike.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CompoundInput {
    /// The community (社区) the compound belongs to; fixed after creation.
    pub community_id: Uuid,
    #[schema(min_length = 1, max_length = 100, example = "融城花苑")]
    pub name: String,
    #[schema(min_length = 1, max_length = 200)]
    pub address: String,
    pub location: Option<Location>,
    #[schema(minimum = 1900, example = 2002)]
    pub year_built: Option<i32>,
    #[schema(minimum = 0, maximum = 10000)]
    pub building_count: i32,
    #[schema(minimum = 0, maximum = 1000000)]
    pub household_count: i32,
    #[serde(default)]
    pub is_open: bool,
    pub governance_mode: GovernanceMode,
}

impl From<CompoundInput> for CompoundDraft {
    fn from(i: CompoundInput) -> Self {
        CompoundDraft {
            community_id: i.community_id.into(),
            name: i.name,
            address: i.address,
            location: i.location.map(GeoPoint::from),
            year_built: i.year_built,
            building_count: i.building_count,
            household_count: i.household_count,
            is_open: i.is_open,
            governance_mode: i.governance_mode,
        }
    }
}

/// The export's first line.
pub const EXPORT_HEADER: [&str; 13] = [
    "小区ID",
    "小区名称",
    "街道",
    "社区",
    "地址",
    "治理模式",
    "治理模式代码",
    "建成年份",
    "楼栋数",
    "户数",
    "开放式小区",
    "纬度",
    "经度",
];

/// One line of the export.
pub fn export_row(c: &Compound) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    vec![
        c.id.to_string(),
        c.name.clone(),
        c.subdistrict_name.clone(),
        c.community_name.clone(),
        c.address.clone(),
        c.governance_mode.label_zh().to_owned(),
        c.governance_mode.as_str().to_owned(),
        opt(c.year_built.map(|y| y.to_string())),
        c.building_count.to_string(),
        c.household_count.to_string(),
        if c.is_open { "是" } else { "否" }.to_owned(),
        opt(c.location.map(|p| p.lat.to_string())),
        opt(c.location.map(|p| p.lon.to_string())),
    ]
}
