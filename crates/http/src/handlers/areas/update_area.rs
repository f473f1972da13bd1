use actix_web::{HttpResponse, http::header, put, web};
use linli_domain::{area::AreaChanges, policy::Action};
use linli_persistence::areas;
use uuid::Uuid;

use super::views;
use crate::{
    auth::Caller,
    dto::area::{AreaView, UpdateAreaRequest},
    error::{ApiError, ApiResult, Problem},
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Rename an area node. Requires `If-Match` with the `ETag` you read.
#[utoipa::path(tag = tags::AREAS, security(("bearer" = [])), request_body = UpdateAreaRequest,
    params(("id" = Uuid, Path, description = "Area id"), ("If-Match" = String, Header, description = "ETag from the last read")),
    responses(
    (status = 200, description = "The area; `ETag` carries its version", body = AreaView, headers(("ETag" = String))),
    (status = 404, description = "No such area in your scope", body = Problem, content_type = "application/problem+json"),
    (status = 412, description = "Changed since you read it", body = Problem, content_type = "application/problem+json"),
    (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
))]
#[put("/areas/{id}")]
pub async fn update_area(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<UpdateAreaRequest>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageAreas)?;
    let mut conn = state.db.conn().await?;
    let current = areas::find_in_scope(&mut conn, id.into_inner(), &scope).await?;
    let changes = AreaChanges {
        name: body.name,
        code: body.code,
    };
    let area = areas::update(&mut conn, &caller.audit, &current, &changes, if_match.0).await?;
    let version = area.version;
    let view = views(&mut conn, vec![area])
        .await?
        .pop()
        .ok_or_else(|| ApiError::not_found("area"))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(version)))
        .json(view))
}
