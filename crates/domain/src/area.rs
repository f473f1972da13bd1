//! The area tree: district > subdistrict > community > compound > building.

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::{DomainError, ids::AreaId};

crate::text_enum! {
    /// The level of an area node. The order of the variants is the order of the tree.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum AreaKind {
        /// 区
        District = "district",
        /// 街道 / 镇
        Subdistrict = "subdistrict",
        /// 社区 / 村
        Community = "community",
        /// 小区
        Compound = "compound",
        /// 楼栋
        Building = "building",
    }
}

impl AreaKind {
    /// The kind a child of this node must have (`None` for leaves).
    pub fn child_kind(self) -> Option<AreaKind> {
        match self {
            AreaKind::District => Some(AreaKind::Subdistrict),
            AreaKind::Subdistrict => Some(AreaKind::Community),
            AreaKind::Community => Some(AreaKind::Compound),
            AreaKind::Compound => Some(AreaKind::Building),
            AreaKind::Building => None,
        }
    }

    /// The kind this node's parent must have (`None` for the district root).
    pub fn parent_kind(self) -> Option<AreaKind> {
        Self::ALL.into_iter().find(|k| k.child_kind() == Some(self))
    }
}

/// The materialised path of a node: `/<root id>/<child id>/.../<own id>/`.
///
/// A node lies inside another exactly when its path starts with the other's path, which
/// lets every scope check run as an index-friendly prefix match.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AreaPath(String);

impl AreaPath {
    /// The path of a root node.
    pub fn root(id: Uuid) -> Self {
        AreaPath(format!("/{id}/"))
    }

    /// The path of a child of this node.
    pub fn child(&self, id: Uuid) -> Self {
        AreaPath(format!("{}{id}/", self.0))
    }

    /// Wraps a path read from storage.
    pub fn from_stored(path: String) -> Self {
        AreaPath(path)
    }

    /// True when `self` is `ancestor` or lies below it.
    pub fn is_within(&self, ancestor: &AreaPath) -> bool {
        self.0.starts_with(&ancestor.0)
    }

    /// The ids from the root down to this node.
    pub fn ids(&self) -> Vec<Uuid> {
        self.0
            .split('/')
            .filter(|s| !s.is_empty())
            .filter_map(|s| Uuid::parse_str(s).ok())
            .collect()
    }

    /// The stored text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a client may send to create an area node.
#[derive(Debug, Clone, Validate)]
pub struct NewArea {
    pub parent_id: Option<AreaId>,
    pub kind: AreaKind,
    #[validate(length(
        min = 1,
        max = 100,
        message = "名称须为 1 到 100 个字符 / name must be 1 to 100 characters"
    ))]
    pub name: String,
    #[validate(length(
        min = 1,
        max = 32,
        message = "编码须为 1 到 32 个字符 / code must be 1 to 32 characters"
    ))]
    pub code: Option<String>,
}

impl NewArea {
    /// Checks the field rules and that the node fits under its parent's kind.
    pub fn check(&self, parent_kind: Option<AreaKind>) -> Result<(), DomainError> {
        crate::error::validate(self)?;
        if self.kind.parent_kind() != parent_kind {
            let expected = self
                .kind
                .parent_kind()
                .map(AreaKind::as_str)
                .unwrap_or("none");
            return Err(DomainError::field(
                "parent_id",
                format!(
                    "{} 的上级必须是 {expected} / the parent of a {} must be a {expected}",
                    self.kind.as_str(),
                    self.kind.as_str()
                ),
            ));
        }
        Ok(())
    }
}

/// What a client may change on an area node. The parent never changes: moving a node
/// would silently move every record scoped below it.
#[derive(Debug, Clone, Validate)]
pub struct AreaChanges {
    #[validate(length(
        min = 1,
        max = 100,
        message = "名称须为 1 到 100 个字符 / name must be 1 to 100 characters"
    ))]
    pub name: String,
    #[validate(length(
        min = 1,
        max = 32,
        message = "编码须为 1 到 32 个字符 / code must be 1 to 32 characters"
    ))]
    pub code: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_nest_in_order() {
        assert_eq!(AreaKind::District.parent_kind(), None);
        assert_eq!(AreaKind::Compound.parent_kind(), Some(AreaKind::Community));
        assert_eq!(AreaKind::Building.child_kind(), None);
        for k in AreaKind::ALL {
            assert_eq!(AreaKind::parse(k.as_str()), Some(k));
        }
    }

    #[test]
    fn paths_contain_their_descendants_only() {
        let root = AreaPath::root(Uuid::nil());
        let a = root.child(Uuid::from_u128(1));
        let b = root.child(Uuid::from_u128(2));
        let a1 = a.child(Uuid::from_u128(3));
        assert!(a1.is_within(&a));
        assert!(a1.is_within(&root));
        assert!(!a1.is_within(&b));
        assert!(!a.is_within(&a1));
        assert_eq!(a1.ids().len(), 3);
    }

    #[test]
    fn a_compound_must_hang_under_a_community() {
        let area = NewArea {
            parent_id: Some(AreaId::new(Uuid::nil())),
            kind: AreaKind::Compound,
            name: "融城花苑".into(),
            code: None,
        };
        assert!(area.check(Some(AreaKind::Community)).is_ok());
        assert!(matches!(
            area.check(Some(AreaKind::Subdistrict)),
            Err(DomainError::Validation(_))
        ));
    }
}
