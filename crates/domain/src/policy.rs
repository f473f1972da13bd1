//! Authorisation: role x area. One function, [`authorize`], decides every request.
//!
//! A grant names a role and an area node; the role says which actions are allowed, the
//! area says where. A grant on a subdistrict covers every community, compound and
//! building below it. The HTTP layer asks [`authorize`] for the caller's [`Scope`] of an
//! action and then confines every query to it, answering 404 for objects outside it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{DomainError, area::AreaPath};

/// What a person does in the system. Codes are stable: they are stored and sent as JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 区级管理员: configures everything in the district.
    DistrictAdmin,
    /// 街道工作人员
    SubdistrictStaff,
    /// 社区工作人员
    CommunityStaff,
    /// 小区党组织书记
    CompoundSecretary,
    /// 业委会 / 监委会委员
    CommitteeMember,
    /// 物业服务企业员工
    PropertyStaff,
    /// 审计机构人员
    Auditor,
    /// 财务人员
    FinanceOfficer,
    /// 居民
    Resident,
    /// 志愿者 / 在职党员
    Volunteer,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 10] = [
        Role::DistrictAdmin,
        Role::SubdistrictStaff,
        Role::CommunityStaff,
        Role::CompoundSecretary,
        Role::CommitteeMember,
        Role::PropertyStaff,
        Role::Auditor,
        Role::FinanceOfficer,
        Role::Resident,
        Role::Volunteer,
    ];

    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::DistrictAdmin => "district_admin",
            Role::SubdistrictStaff => "subdistrict_staff",
            Role::CommunityStaff => "community_staff",
            Role::CompoundSecretary => "compound_secretary",
            Role::CommitteeMember => "committee_member",
            Role::PropertyStaff => "property_staff",
            Role::Auditor => "auditor",
            Role::FinanceOfficer => "finance_officer",
            Role::Resident => "resident",
            Role::Volunteer => "volunteer",
        }
    }

    /// Parses the stable code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == code)
    }

    /// Staff of the district's own administration (not companies, not residents).
    fn is_government_staff(self) -> bool {
        matches!(
            self,
            Role::DistrictAdmin | Role::SubdistrictStaff | Role::CommunityStaff
        )
    }
}

/// Everything a caller can ask to do. Codes are stable: the SPA hides menus by them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    /// Browse the area tree.
    #[serde(rename = "areas.read")]
    ReadAreas,
    /// Create and rename area nodes.
    #[serde(rename = "areas.manage")]
    ManageAreas,
    /// Read compounds.
    #[serde(rename = "compounds.read")]
    ReadCompounds,
    /// Register a compound.
    #[serde(rename = "compounds.create")]
    CreateCompound,
    /// Change a compound's register entry.
    #[serde(rename = "compounds.update")]
    UpdateCompound,
    /// Export compound lists as CSV.
    #[serde(rename = "compounds.export")]
    ExportCompounds,
    /// Read dashboard statistics.
    #[serde(rename = "stats.read")]
    ReadStats,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 7] = [
        Action::ReadAreas,
        Action::ManageAreas,
        Action::ReadCompounds,
        Action::CreateCompound,
        Action::UpdateCompound,
        Action::ExportCompounds,
        Action::ReadStats,
    ];

    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::ReadAreas => "areas.read",
            Action::ManageAreas => "areas.manage",
            Action::ReadCompounds => "compounds.read",
            Action::CreateCompound => "compounds.create",
            Action::UpdateCompound => "compounds.update",
            Action::ExportCompounds => "compounds.export",
            Action::ReadStats => "stats.read",
        }
    }
}

/// The role x action matrix. Areas are checked separately, by [`Scope`].
pub fn role_allows(role: Role, action: Action) -> bool {
    match action {
        // Everyone who works on compounds may see where they are; residents and
        // volunteers see their own compound through the compound endpoints only.
        Action::ReadAreas | Action::ExportCompounds => {
            !matches!(role, Role::Resident | Role::Volunteer)
        }
        Action::ManageAreas => matches!(role, Role::DistrictAdmin | Role::SubdistrictStaff),
        Action::ReadCompounds => true,
        Action::CreateCompound | Action::UpdateCompound | Action::ReadStats => {
            role.is_government_staff()
        }
    }
}

/// One role held over one area subtree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    pub area_id: Uuid,
    pub area_path: AreaPath,
}

/// The authenticated caller as the policy sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user_id: Uuid,
    pub grants: Vec<Grant>,
}

impl Principal {
    /// The actions at least one of the caller's grants allows somewhere.
    pub fn permissions(&self) -> Vec<Action> {
        Action::ALL
            .into_iter()
            .filter(|a| self.grants.iter().any(|g| role_allows(g.role, *a)))
            .collect()
    }
}

/// The area subtrees in which a caller may perform one action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    roots: Vec<AreaPath>,
}

impl Scope {
    /// Builds a scope from subtree roots, dropping any root that lies inside another so
    /// queries stay short.
    pub fn new(mut roots: Vec<AreaPath>) -> Self {
        roots.sort_by_key(|r| r.as_str().len());
        let mut kept: Vec<AreaPath> = Vec::with_capacity(roots.len());
        for root in roots {
            if !kept.iter().any(|k| root.is_within(k)) {
                kept.push(root);
            }
        }
        Scope { roots: kept }
    }

    /// The subtree roots.
    pub fn roots(&self) -> &[AreaPath] {
        &self.roots
    }

    /// True when the node at `path` lies inside the scope.
    pub fn covers(&self, path: &AreaPath) -> bool {
        self.roots.iter().any(|r| path.is_within(r))
    }
}

/// Decides whether `principal` may perform `action` anywhere, and where.
///
/// Returns [`DomainError::Forbidden`] when no grant's role allows the action: the caller
/// learns that the action is not theirs, never whether some object exists.
pub fn authorize(principal: &Principal, action: Action) -> Result<Scope, DomainError> {
    let roots: Vec<AreaPath> = principal
        .grants
        .iter()
        .filter(|g| role_allows(g.role, action))
        .map(|g| g.area_path.clone())
        .collect();
    if roots.is_empty() {
        Err(DomainError::Forbidden)
    } else {
        Ok(Scope::new(roots))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(ids: &[u128]) -> AreaPath {
        let mut p = AreaPath::root(Uuid::from_u128(ids[0]));
        for id in &ids[1..] {
            p = p.child(Uuid::from_u128(*id));
        }
        p
    }

    fn principal(role: Role, area: &[u128]) -> Principal {
        Principal {
            user_id: Uuid::nil(),
            grants: vec![Grant {
                role,
                area_id: Uuid::from_u128(*area.last().unwrap_or(&0)),
                area_path: path(area),
            }],
        }
    }

    /// The whole role x action matrix, written out so a change to it is a visible diff.
    #[test]
    fn role_action_matrix() {
        use Action::*;
        let expected: &[(Role, &[Action])] = &[
            (
                Role::DistrictAdmin,
                &[
                    ReadAreas,
                    ManageAreas,
                    ReadCompounds,
                    CreateCompound,
                    UpdateCompound,
                    ExportCompounds,
                    ReadStats,
                ],
            ),
            (
                Role::SubdistrictStaff,
                &[
                    ReadAreas,
                    ManageAreas,
                    ReadCompounds,
                    CreateCompound,
                    UpdateCompound,
                    ExportCompounds,
                    ReadStats,
                ],
            ),
            (
                Role::CommunityStaff,
                &[
                    ReadAreas,
                    ReadCompounds,
                    CreateCompound,
                    UpdateCompound,
                    ExportCompounds,
                    ReadStats,
                ],
            ),
            (
                Role::CompoundSecretary,
                &[ReadAreas, ReadCompounds, ExportCompounds],
            ),
            (
                Role::CommitteeMember,
                &[ReadAreas, ReadCompounds, ExportCompounds],
            ),
            (
                Role::PropertyStaff,
                &[ReadAreas, ReadCompounds, ExportCompounds],
            ),
            (Role::Auditor, &[ReadAreas, ReadCompounds, ExportCompounds]),
            (
                Role::FinanceOfficer,
                &[ReadAreas, ReadCompounds, ExportCompounds],
            ),
            (Role::Resident, &[ReadCompounds]),
            (Role::Volunteer, &[ReadCompounds]),
        ];
        for (role, allowed) in expected {
            for action in Action::ALL {
                assert_eq!(
                    role_allows(*role, action),
                    allowed.contains(&action),
                    "{role:?} x {action:?}"
                );
            }
        }
    }

    #[test]
    fn a_grant_covers_its_subtree_and_nothing_else() {
        let staff = principal(Role::SubdistrictStaff, &[1, 2]);
        let scope = authorize(&staff, Action::ReadCompounds).unwrap_or_else(|_| Scope::new(vec![]));
        assert!(scope.covers(&path(&[1, 2])));
        assert!(scope.covers(&path(&[1, 2, 3, 4])));
        assert!(!scope.covers(&path(&[1, 5, 6])));
        assert!(!scope.covers(&path(&[1])));
    }

    #[test]
    fn a_role_without_the_action_is_forbidden_everywhere() {
        let resident = principal(Role::Resident, &[1, 2, 3, 4]);
        assert_eq!(
            authorize(&resident, Action::CreateCompound),
            Err(DomainError::Forbidden)
        );
        assert!(authorize(&resident, Action::ReadCompounds).is_ok());
    }

    #[test]
    fn only_grants_whose_role_allows_the_action_widen_the_scope() {
        let mut p = principal(Role::Resident, &[1, 2, 3, 4]);
        p.grants.push(Grant {
            role: Role::CommunityStaff,
            area_id: Uuid::from_u128(7),
            area_path: path(&[1, 2, 7]),
        });
        let scope = authorize(&p, Action::UpdateCompound).unwrap_or_else(|_| Scope::new(vec![]));
        assert!(scope.covers(&path(&[1, 2, 7, 8])));
        assert!(!scope.covers(&path(&[1, 2, 3, 4])));
    }

    #[test]
    fn nested_roots_collapse() {
        let scope = Scope::new(vec![path(&[1, 2, 3]), path(&[1, 2]), path(&[1, 9])]);
        assert_eq!(scope.roots().len(), 2);
    }
}
