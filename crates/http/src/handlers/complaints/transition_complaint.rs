use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{
    DomainError,
    complaint::{
        REJECT_REASONS, RETURN_REASONS, ReviewOutcome, Status, Transition, apply, review_outcome,
    },
};
use linli_persistence::{
    complaints::{self, Changes},
    registry::meetings,
};
use uuid::Uuid;

use super::{detail, visible};
use crate::{
    auth::Caller,
    dto::complaint::{ComplaintDetail, TransitionRequest},
    error::{ApiResult, Problem},
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
};

fn reason(list: &[&str], given: Option<&str>, note: Option<&str>) -> Result<String, DomainError> {
    let Some(code) = given.filter(|r| list.contains(r)) else {
        return Err(DomainError::field(
            "reason",
            format!(
                "请选择原因：{} / choose a reason: {}",
                list.join("、"),
                list.join(", ")
            ),
        ));
    };
    let Some(text) = note.map(str::trim).filter(|n| !n.is_empty()) else {
        return Err(DomainError::field(
            "note",
            "请写明具体原因，便于申诉人理解 / explain the reason so the complainant understands",
        ));
    };
    Ok(format!("{code}: {text}"))
}

/// Move a complaint along its life cycle (受理, 不予受理, 派单, 签收, 退单, 办理, 办结,
/// 回访评价, 关闭). Each action is open to one party: dispatchers (community and up),
/// the handling organisation's staff, or the complainant. An action the state does not
/// allow answers 409 `transition_not_allowed` with `allowed`. Requires `If-Match`.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), request_body = TransitionRequest,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "ETag from the last read")),
    responses(
    (status = 200, description = "The complaint in full; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String))),
    (status = 403, description = "The action is not yours (e.g. a handler accepting)", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "Not possible in this state (`transition_not_allowed`, with `allowed`)", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Missing reason, resolution, rating or an unsuitable handler", body = Problem, content_type = "application/problem+json"),
))]
#[post("/complaints/{id}/transitions")]
pub async fn transition_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<TransitionRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    let (c, st) = visible(&mut conn, &caller, id.into_inner()).await?;
    let mut to = apply(c.status(), body.action, st)?;
    let category = complaints::category(&mut conn, &c.category_code)
        .await?
        .ok_or(DomainError::NotFound("category"))?;
    let calendar = complaints::calendar(&mut conn).await?;
    let now = state.clock().now();
    let note = body
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let mut changes = Changes::default();
    match body.action {
        Transition::Accept => changes.stamp = Some("accepted_at"),
        Transition::Reject => {
            changes.reject_reason = Some(reason(REJECT_REASONS, body.reason.as_deref(), note)?)
        }
        Transition::Assign => {
            let handler = body.handler_org_id.or(c.handler_org_id).ok_or_else(|| {
                DomainError::field(
                    "handler_org_id",
                    "请选择承办单位 / choose the handling organisation",
                )
            })?;
            if !meetings::org_serves(&mut conn, handler, c.compound_id).await? {
                return Err(DomainError::field(
                    "handler_org_id",
                    "该单位与此小区无关 / this organisation does not serve the compound",
                )
                .into());
            }
            changes.handler_org_id = Some(handler);
            changes.sign_by = Some(complaints::deadline(&calendar, now, category.sign_hours));
            changes.stamp = Some("assigned_at");
        }
        Transition::Sign => {
            changes.resolve_by = Some(complaints::deadline(&calendar, now, category.resolve_hours));
            changes.stamp = Some("signed_at");
        }
        Transition::Return => {
            changes.return_reason = Some(reason(RETURN_REASONS, body.reason.as_deref(), note)?);
            changes.clear_deadlines = true;
        }
        Transition::Start => {}
        Transition::Resolve => {
            let resolution = body
                .resolution
                .as_deref()
                .map(str::trim)
                .filter(|r| (1..=4000).contains(&r.chars().count()));
            changes.resolution = Some(
                resolution
                    .ok_or_else(|| {
                        DomainError::field("resolution", "请填写办理结果 / describe what was done")
                    })?
                    .to_owned(),
            );
            changes.stamp = Some("resolved_at");
        }
        Transition::Review => {
            let rating = body.rating.ok_or_else(|| {
                DomainError::field("rating", "请评分（1 到 5）/ give a rating of 1 to 5")
            })?;
            changes.rating = Some(rating);
            changes.review_comment = body.comment.clone().filter(|c| c.chars().count() <= 1000);
            match review_outcome(rating, c.reopen_count)? {
                ReviewOutcome::Close => changes.stamp = Some("closed_at"),
                ReviewOutcome::Reopen => {
                    to = Status::InProgress;
                    changes.reopen = true;
                    changes.resolve_by =
                        Some(complaints::deadline(&calendar, now, category.resolve_hours));
                }
                ReviewOutcome::Escalate => {
                    changes.escalate = true;
                    changes.stamp = Some("closed_at");
                }
            }
        }
        Transition::Close => changes.stamp = Some("closed_at"),
    }
    complaints::transition(
        &mut conn,
        &caller.audit,
        &c,
        body.action.as_str(),
        to,
        &changes,
        note,
        if_match.0,
    )
    .await?;
    let (updated, st) = visible(&mut conn, &caller, c.id).await?;
    let version = updated.version;
    let body = detail(&mut conn, &caller, updated, st).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(version)))
        .json(body))
}
