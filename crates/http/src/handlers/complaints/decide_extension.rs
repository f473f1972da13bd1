use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::DomainError;
use linli_persistence::complaints;
use uuid::Uuid;

use super::{detail, visible};
use crate::{
    auth::AuthUser,
    dto::complaint::{ComplaintDetail, ExtensionDecision},
    error::{ApiResult, Problem},
    extract::{ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// The community approves or denies an extension. Approval moves `resolve_by` by the
/// requested working hours (from the current deadline, or from now if it has passed).
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), request_body = ExtensionDecision,
    params(("id" = Uuid, Path), ("extension_id" = Uuid, Path)),
    responses(
    (status = 200, description = "The complaint in full; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String))),
    (status = 409, description = "Already decided", body = Problem, content_type = "application/problem+json"),
))]
#[post("/complaints/{id}/extensions/{extension_id}/decision")]
pub async fn decide_extension(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
    ValidJson(body): ValidJson<ExtensionDecision>,
) -> ApiResult<HttpResponse> {
    let (id, extension_id) = path.into_inner();
    let mut conn = state.db.conn().await?;
    let (c, st) = visible(&mut conn, &user, id).await?;
    if !st.dispatcher {
        return Err(DomainError::Forbidden.into());
    }
    let ext = complaints::extensions_of(&mut conn, c.id)
        .await?
        .into_iter()
        .find(|e| e.id == extension_id)
        .ok_or(DomainError::NotFound("extension"))?;
    let calendar = complaints::calendar(&mut conn).await?;
    let base = c
        .resolve_by
        .filter(|d| *d > state.clock().now())
        .unwrap_or_else(|| state.clock().now());
    let new_deadline = calendar.add_working_hours(base, i64::from(ext.hours));
    let note = body
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    complaints::decide_extension(
        &mut conn,
        &user.audit,
        &c,
        &ext,
        body.approve,
        note,
        Some(new_deadline),
    )
    .await?;
    let (c, st) = visible(&mut conn, &user, c.id).await?;
    let version = c.version;
    let body = detail(&mut conn, &user, c, st).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(version)))
        .json(body))
}
