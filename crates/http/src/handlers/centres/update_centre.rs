use actix_web::{HttpResponse, http::header, put, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{areas::scope_patterns, registry::centres};
use uuid::Uuid;

use super::checked;
use crate::{
    auth::Caller,
    dto::registry::{CentreInput, CentreView},
    error::ApiResult,
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Change a centre (it stays in its community). Requires `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = CentreInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The centre; `ETag` carries its version", body = CentreView, headers(("ETag" = String))),
))]
#[put("/centres/{id}")]
pub async fn update_centre(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<CentreInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let patterns = scope_patterns(&scope);
    let mut conn = state.db.conn().await?;
    let current = centres::find_visible(&mut conn, &patterns, id.into_inner()).await?;
    if body.community_id != current.community_id {
        return Err(DomainError::field(
            "community_id",
            "邻里中心不能改换社区 / a centre stays in its community",
        )
        .into());
    }
    let (draft, _) = checked(&mut conn, &scope, body).await?;
    let centre = centres::update(
        &mut conn,
        &caller.audit,
        &current,
        &draft,
        if_match.0,
        &patterns,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(centre.version)))
        .json(CentreView::from(centre)))
}
