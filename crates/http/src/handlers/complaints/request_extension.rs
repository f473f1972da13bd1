use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{DomainError, complaint::Status};
use linli_persistence::complaints;
use uuid::Uuid;

use super::{detail, visible};
use crate::{
    auth::AuthUser,
    dto::complaint::{ComplaintDetail, ExtensionRequest},
    error::{ApiResult, Problem},
    extract::{ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// The handler asks for more time to resolve (延期申请); the community decides.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), request_body = ExtensionRequest, params(("id" = Uuid, Path)), responses(
    (status = 201, description = "Created: the complaint in full; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String))),
    (status = 409, description = "Not being worked on, or a request is already pending", body = Problem, content_type = "application/problem+json"),
))]
#[post("/complaints/{id}/extensions")]
pub async fn request_extension(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<ExtensionRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    let (c, st) = visible(&mut conn, &user, id.into_inner()).await?;
    if !st.handler {
        return Err(DomainError::Forbidden.into());
    }
    if !matches!(c.status(), Status::Signed | Status::InProgress) {
        return Err(DomainError::WrongState { code: "transition_not_allowed", detail: "只有已签收、办理中的诉求可以申请延期 / only signed or in-progress complaints can be extended".into(), allowed: vec![] }.into());
    }
    let reason = body.reason.trim();
    if !(1..=720).contains(&body.hours) {
        return Err(DomainError::field(
            "hours",
            "延期须为 1 到 720 工作小时 / 1 to 720 working hours",
        )
        .into());
    }
    if !(4..=500).contains(&reason.chars().count()) {
        return Err(DomainError::field(
            "reason",
            "请说明延期原因（4 到 500 字）/ explain why (4 to 500 characters)",
        )
        .into());
    }
    complaints::request_extension(&mut conn, &user.audit, &c, body.hours, reason).await?;
    let (c, st) = visible(&mut conn, &user, c.id).await?;
    let version = c.version;
    let body = detail(&mut conn, &user, c, st).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(version)))
        .json(body))
}
