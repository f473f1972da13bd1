//! Compounds (小区) and how they are governed.

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::{DomainError, geo::GeoPoint, ids::AreaId};

crate::text_enum! {
    /// Who runs a compound: the three governance models of the source document.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum GovernanceMode {
        /// 物管小区: a market property company under the "four-in-one" model.
        PropertyManaged = "property_managed",
        /// 托管小区: a company or social organisation under a shared (bundle) contract.
        Entrusted = "entrusted",
        /// 自管小区: a residents' self-governance committee.
        SelfManaged = "self_managed",
    }
}

impl GovernanceMode {
    /// The Chinese label staff know.
    pub fn label_zh(self) -> &'static str {
        match self {
            GovernanceMode::PropertyManaged => "物管小区",
            GovernanceMode::Entrusted => "托管小区",
            GovernanceMode::SelfManaged => "自管小区",
        }
    }
}

/// The first year a compound in the register can have been built.
pub const EARLIEST_YEAR_BUILT: i32 = 1900;

/// The fields of a compound a client supplies, on create and on update alike.
#[derive(Debug, Clone, Validate)]
pub struct CompoundDraft {
    /// The community (社区) the compound belongs to.
    pub community_id: AreaId,
    #[validate(length(
        min = 1,
        max = 100,
        message = "名称须为 1 到 100 个字符 / name must be 1 to 100 characters"
    ))]
    pub name: String,
    #[validate(length(
        min = 1,
        max = 200,
        message = "地址须为 1 到 200 个字符 / address must be 1 to 200 characters"
    ))]
    pub address: String,
    #[validate(nested)]
    pub location: Option<GeoPoint>,
    pub year_built: Option<i32>,
    #[validate(range(
        min = 0,
        max = 10000,
        message = "楼栋数须在 0 到 10000 之间 / building count must be between 0 and 10000"
    ))]
    pub building_count: i32,
    #[validate(range(
        min = 0,
        max = 1000000,
        message = "户数须在 0 到 1000000 之间 / household count must be between 0 and 1000000"
    ))]
    pub household_count: i32,
    pub is_open: bool,
    pub governance_mode: GovernanceMode,
}

impl CompoundDraft {
    /// Checks every field rule; `today` decides which years lie in the future.
    pub fn check(&self, today: chrono::NaiveDate) -> Result<(), DomainError> {
        let mut errors = match crate::error::validate(self) {
            Ok(()) => Default::default(),
            Err(DomainError::Validation(errors)) => errors,
            Err(other) => return Err(other),
        };
        if let Some(year) = self.year_built
            && !(EARLIEST_YEAR_BUILT..=today.year()).contains(&year)
        {
            errors.entry("year_built".to_owned()).or_default().push(format!(
                "建成年份须在 {EARLIEST_YEAR_BUILT} 到 {} 之间 / year built must be between {EARLIEST_YEAR_BUILT} and {}",
                today.year(),
                today.year()
            ));
        }
        if self.name.trim() != self.name {
            errors
                .entry("name".to_owned())
                .or_default()
                .push("名称首尾不能有空格 / name must not start or end with spaces".to_owned());
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Validation(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> CompoundDraft {
        CompoundDraft {
            community_id: AreaId::new(uuid::Uuid::nil()),
            name: "融城花苑".into(),
            address: "雨花区融城路 1 号".into(),
            location: Some(GeoPoint {
                lat: 28.1,
                lon: 113.0,
            }),
            year_built: Some(2002),
            building_count: 20,
            household_count: 1200,
            is_open: false,
            governance_mode: GovernanceMode::PropertyManaged,
        }
    }

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
    }

    #[test]
    fn a_valid_draft_passes() {
        assert_eq!(draft().check(today()), Ok(()));
    }

    #[test]
    fn every_broken_field_is_reported() {
        let mut d = draft();
        d.name = String::new();
        d.year_built = Some(2030);
        d.building_count = -1;
        d.location = Some(GeoPoint {
            lat: 100.0,
            lon: 0.0,
        });
        let Err(DomainError::Validation(errors)) = d.check(today()) else {
            panic!("expected validation errors");
        };
        for field in ["name", "year_built", "building_count", "location.lat"] {
            assert!(errors.contains_key(field), "missing {field}: {errors:?}");
        }
    }

    #[test]
    fn modes_round_trip() {
        for m in GovernanceMode::ALL {
            assert_eq!(GovernanceMode::parse(m.as_str()), Some(m));
        }
        assert_eq!(GovernanceMode::parse("nope"), None);
    }
}
