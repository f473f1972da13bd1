//! Neighbourhood centres (邻里中心).

pub mod create_centre;
pub mod get_centre;
pub mod list_centres;
pub mod update_centre;

use linli_domain::{DomainError, area::AreaKind, policy::Scope, registry::CentreDraft};
use linli_persistence::{AsyncPgConnection, Found, areas, areas::Area};

use crate::{dto::registry::CentreInput, error::ApiResult};

/// Checks the fields and that the community lies in the scope.
async fn checked(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    input: CentreInput,
) -> ApiResult<(CentreDraft, Area)> {
    let draft = CentreDraft {
        community_id: input.community_id,
        name: input.name,
        address: input.address,
        location: input.location.into(),
        geofence_radius_m: input.geofence_radius_m,
        opening_hours: input.opening_hours,
        services: input
            .services
            .into_iter()
            .map(|s| s.trim().to_owned())
            .collect(),
    };
    draft.check()?;
    let community = areas::find_in_scope(conn, draft.community_id, scope)
        .await
        .found()?
        .filter(|a| a.kind == AreaKind::Community)
        .ok_or_else(|| DomainError::field("community_id", "社区不存在 / no such community"))?;
    Ok((draft, community))
}
