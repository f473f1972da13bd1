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

impl From<Vec<linli_persistence::stats::ModeCounts>> for CompoundsByModeResponse {
    /// The subdistricts' rows and their sums.
    fn from(rows: Vec<linli_persistence::stats::ModeCounts>) -> Self {
        let mut totals = ModeTotals::default();
        let items = rows
            .into_iter()
            .map(|r| {
                totals.property_managed += r.property_managed;
                totals.entrusted += r.entrusted;
                totals.self_managed += r.self_managed;
                totals.total += r.total;
                ModeCountsView {
                    area_id: r.area_id,
                    area_name: r.area_name,
                    property_managed: r.property_managed,
                    entrusted: r.entrusted,
                    self_managed: r.self_managed,
                    total: r.total,
                }
            })
            .collect();
        CompoundsByModeResponse { items, totals }
    }
}

impl From<linli_persistence::registry::indicators::CommitteeShare>
    for super::registry::CommitteeShareView
{
    /// A committee with the party share of its members, in percent to one decimal.
    fn from(c: linli_persistence::registry::indicators::CommitteeShare) -> Self {
        super::registry::CommitteeShareView {
            party_share_pct: if c.members > 0 {
                (c.party_members as f64 * 1000.0 / c.members as f64).round() / 10.0
            } else {
                0.0
            },
            organisation_id: c.organisation_id,
            organisation_name: c.organisation_name,
            compound_id: c.compound_id,
            compound_name: c.compound_name,
            members: c.members,
            party_members: c.party_members,
        }
    }
}
