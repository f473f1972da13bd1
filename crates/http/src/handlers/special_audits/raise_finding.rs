use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{FieldErrors, public_revenue::MAX_LINE_FEN};
use linli_persistence::special_audits::{self, NewFinding};
use uuid::Uuid;

use super::{finding_view, known_organisation, may_conduct, visibility};
use crate::{
    auth::Caller,
    dto::special_audit::{FindingInput, FindingView},
    error::{ApiError, ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
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
    caller.user_id()?;
    let mut errors = FieldErrors::new();
    let title = body.title.trim().to_owned();
    let description = body.description.trim().to_owned();
    let evidence = body
        .evidence
        .map(|e| e.trim().to_owned())
        .filter(|e| !e.is_empty());
    if !(1..=100).contains(&title.chars().count()) {
        errors.insert(
            "title".into(),
            vec!["标题须为 1 到 100 个字 / 1 to 100 characters".into()],
        );
    }
    if !(1..=4000).contains(&description.chars().count()) {
        errors.insert(
            "description".into(),
            vec!["描述须为 1 到 4000 个字 / 1 to 4000 characters".into()],
        );
    }
    if !(0..=MAX_LINE_FEN).contains(&body.amount_fen) {
        errors.insert(
            "amount_fen".into(),
            vec!["涉及金额须为 0 到 1 亿元 / 0 to 100 million yuan".into()],
        );
    }
    if evidence.as_ref().is_some_and(|e| e.chars().count() > 4000) {
        errors.insert(
            "evidence".into(),
            vec!["证据说明不能超过 4000 个字 / at most 4000 characters".into()],
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let engagement = special_audits::engagement(&mut conn, &vis, id.into_inner()).await?;
    may_conduct(&mut conn, &caller, &engagement).await?;
    known_organisation(&mut conn, "responsible_org_id", body.responsible_org_id).await?;
    let new = NewFinding {
        engagement_id: engagement.id,
        kind: body.kind.as_str().to_owned(),
        title,
        description,
        amount_fen: body.amount_fen,
        severity: body.severity.as_str().to_owned(),
        responsible_org_id: body.responsible_org_id,
        evidence,
    };
    let finding_id = special_audits::raise_finding(&mut conn, &caller.audit, &vis, &new).await?;
    let view = finding_view(&mut conn, &vis, finding_id).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("/api/v1/audit-findings/{finding_id}"),
        ))
        .json(view))
}
