use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::special_audits::raise_finding as raise;

use crate::{
    dto::special_audit::{FindingInput, FindingView},
    extract::ValidJson,
};

/// Raise a finding on an engagement during fieldwork or the draft report: what, how much
/// money is at stake, how serious, who is answerable, the evidence. Announced as
/// `finding.opened`. The person who raises it can never verify its rectification.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), request_body = FindingInput,
    params(("id" = Uuid, Path, description = "Engagement id")), responses(
    (status = 201, description = "Created: the finding; `Location` is its address", body = FindingView, headers(("Location" = String))),
    (status = 409, description = "The engagement is not in fieldwork or draft report", body = Problem, content_type = "application/problem+json"),
))]
#[post("/audit-engagements/{id}/findings")]
pub async fn raise_finding(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<FindingInput>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner());
    let f = in_transaction(&state.db, with_tx!(|tx| raise(tx, &caller, command).await)).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("/api/v1/audit-findings/{}", f.finding.id),
        ))
        .json(FindingView::from(f)))
}
