//! Area bodies.

use linli_domain::area::AreaKind;
use linli_persistence::areas::Area;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A node of the area tree.
#[derive(Debug, Serialize, ToSchema)]
pub struct AreaView {
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub kind: AreaKind,
    #[schema(example = "侯家塘街道")]
    pub name: String,
    /// Administrative code, where known.
    pub code: Option<String>,
    /// Whether the node has children (for lazy tree loading).
    pub has_children: bool,
    /// Incremented on every change; the `ETag` is derived from it.
    pub version: i64,
}

impl AreaView {
    /// The view of a stored node.
    pub fn new(area: Area, has_children: bool) -> Self {
        AreaView {
            id: area.id,
            parent_id: area.parent_id,
            kind: area.kind,
            name: area.name,
            code: area.code,
            has_children,
            version: area.version,
        }
    }
}

/// One page of areas.
#[derive(Debug, Serialize, ToSchema)]
pub struct AreaPage {
    pub items: Vec<AreaView>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// Filters of the area list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AreaQuery {
    /// Children of this node. Without it (and without `kind`), the roots of your scope.
    pub parent_id: Option<Uuid>,
    /// Only nodes of this kind, anywhere in your scope.
    #[param(value_type = Option<linli_domain::area::AreaKind>)]
    pub kind: Option<AreaKind>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// Opaque cursor from the previous page.
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// A new area node.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateAreaRequest {
    /// The parent node (absent only for a district).
    pub parent_id: Option<Uuid>,
    pub kind: AreaKind,
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    #[schema(min_length = 1, max_length = 32)]
    pub code: Option<String>,
}

/// New name and code of a node (nodes never move).
#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateAreaRequest {
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    #[schema(min_length = 1, max_length = 32)]
    pub code: Option<String>,
}
