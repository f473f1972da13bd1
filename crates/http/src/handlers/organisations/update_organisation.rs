use actix_web::{HttpResponse, http::header, put, web};
use linli_app::access::for_write;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{areas::scope_patterns, registry::organisations};
use uuid::Uuid;

use super::checked;
use crate::{
    auth::Caller,
    dto::registry::{OrganisationInput, OrganisationView},
    error::{ApiResult, Problem},
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Change an organisation (its kind stays). Requires `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = OrganisationInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The organisation; `ETag` carries its version", body = OrganisationView, headers(("ETag" = String))),
    (status = 403, description = "No grant of yours allows this, or the organisation is seen (it serves a compound of yours) but its own area is not in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[put("/organisations/{id}")]
pub async fn update_organisation(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<OrganisationInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let patterns = scope_patterns(&scope);
    let mut conn = state.db.conn().await?;
    let current = for_write(
        &scope,
        organisations::find_visible(&mut conn, &patterns, id.into_inner()).await?,
    )?;
    if !scope.covers(&current.area_path) {
        return Err(DomainError::Forbidden.into());
    }
    if body.kind != current.kind {
        return Err(DomainError::field(
            "kind",
            "组织类型不能修改 / the kind of an organisation cannot change",
        )
        .into());
    }
    let (draft, area) = checked(&mut conn, &scope, body).await?;
    let org = organisations::update(
        &mut conn,
        &caller.audit,
        &current,
        &draft,
        &area.path,
        if_match.0,
        &patterns,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(org.version)))
        .json(OrganisationView::from(org)))
}
