//! Organisations: party branches, committees, companies, teams, partners.

pub mod create_organisation;
pub mod get_organisation;
pub mod list_organisations;
pub mod update_organisation;

use linli_domain::{policy::Scope, registry::OrganisationDraft};
use linli_persistence::{AsyncPgConnection, areas, areas::Area, compounds};

use crate::{dto::registry::OrganisationInput, error::ApiResult};

/// Checks an organisation's area and compounds lie in the scope; returns the area.
async fn checked(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    input: OrganisationInput,
) -> ApiResult<(OrganisationDraft, Area)> {
    let draft = OrganisationDraft {
        kind: input.kind,
        name: input.name,
        area_id: input.area_id,
        parent_id: input.parent_id,
        contact_phone: input.contact_phone,
        compound_ids: input.compound_ids,
    };
    draft.check()?;
    let area = areas::find_in_scope(conn, draft.area_id, scope)
        .await
        .map_err(|e| linli_app::not_found_as_field(e, "area_id", "区域不存在 / no such area"))?;
    for (i, id) in draft.compound_ids.iter().enumerate() {
        compounds::find_in_scope(conn, *id, scope)
            .await
            .map_err(|e| {
                linli_app::not_found_as_field(
                    e,
                    &format!("compound_ids[{i}]"),
                    "小区不存在 / no such compound",
                )
            })?;
    }
    Ok((draft, area))
}
