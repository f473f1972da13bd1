use actix_web::{get, web};
use linli_domain::policy::Action;
use linli_persistence::{
    areas::scope_patterns,
    compounds,
    registry::{
        contracts,
        meetings::{self, MeetingFilter},
        organisations::{self, OrgFilter},
        people,
    },
};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::registry::{ContractView, CrossAppointmentView, GovernanceView, OrganisationView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

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
    let scope = caller.scope(Action::ReadRegistry)?;
    let patterns = scope_patterns(&scope);
    let mut conn = state.db.conn().await?;
    let compound = compounds::find_in_scope(&mut conn, id.into_inner(), &scope).await?;
    let today = state.clock().today();
    let filter = OrgFilter {
        compound_id: Some(compound.id),
        ..Default::default()
    };
    let orgs = organisations::list(&mut conn, &patterns, &filter, None, 100).await?;
    let contract = contracts::active_for(&mut conn, compound.id, today).await?;
    let cross = people::cross_appointments(&mut conn, compound.id, today).await?;
    let last = meetings::list(
        &mut conn,
        &patterns,
        &MeetingFilter {
            compound_id: Some(compound.id),
            ..Default::default()
        },
        None,
        1,
    )
    .await?;
    Ok(web::Json(GovernanceView {
        compound_id: compound.id,
        compound_name: compound.name,
        governance_mode: compound.governance_mode,
        organisations: orgs.into_iter().map(OrganisationView::from).collect(),
        contract: contract.map(ContractView::from),
        cross_appointments: cross.into_iter().map(CrossAppointmentView::from).collect(),
        last_meeting_on: last.into_iter().next().map(|m| m.held_on),
    }))
}
