use crate::handlers::prelude::*;
use linli_app::compounds::governance;

use crate::dto::registry::{ContractView, CrossAppointmentView, GovernanceView, OrganisationView};

/// Who governs a compound today: the organisations serving it, the service contract in
/// force (with the other compounds of its bundle), cross-appointments and the latest
/// joint meeting.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The compound's governance: bodies, people and contracts", body = GovernanceView),
))]
#[get("/compounds/{id}/governance")]
pub async fn get_governance(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<GovernanceView>> {
    let (id, today) = (id.into_inner(), state.clock().today());
    let g = in_transaction(
        &state.db,
        with_tx!(|tx| governance(tx, &caller, id.into(), today).await),
    )
    .await?;
    Ok(web::Json(GovernanceView {
        compound_id: g.compound.id,
        compound_name: g.compound.name,
        governance_mode: g.compound.governance_mode,
        organisations: g
            .organisations
            .into_iter()
            .map(OrganisationView::from)
            .collect(),
        contract: g.contract.map(ContractView::from),
        cross_appointments: g
            .cross_appointments
            .into_iter()
            .map(CrossAppointmentView::from)
            .collect(),
        last_meeting_on: g.last_meeting_on,
    }))
}
