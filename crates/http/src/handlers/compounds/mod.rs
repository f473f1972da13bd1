//! The compound register.

pub mod create_compound;
pub mod export_compounds;
pub mod get_compound;
pub mod get_governance;
pub mod list_compounds;
pub mod list_cross_appointments;
pub mod update_compound;

use linli_domain::policy::Scope;
use linli_persistence::{AsyncPgConnection, areas, compounds::CompoundFilter};

use crate::{dto::compound::CompoundQuery, error::ApiResult};

/// Turns query parameters into a repository filter; an `area_id` outside the scope
/// answers 404 like any other out-of-scope id.
async fn filter_from(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    query: &CompoundQuery,
) -> ApiResult<CompoundFilter> {
    let within = match query.area_id {
        Some(area_id) => Some(areas::find_in_scope(conn, area_id, scope).await?.path),
        None => None,
    };
    Ok(CompoundFilter {
        within,
        governance_mode: query.governance_mode,
        name_contains: query
            .name
            .as_ref()
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
    })
}
