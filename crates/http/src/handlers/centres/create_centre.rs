use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, registry::centres};

use super::checked;
use crate::{
    auth::Caller,
    dto::registry::{CentreInput, CentreView},
    error::ApiResult,
    extract::{ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Register a neighbourhood centre with its geofence and opening hours.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = CentreInput, responses(
    (status = 201, description = "Created: the centre; `Location` is its address; `ETag` carries its version", body = CentreView, headers(("ETag" = String), ("Location" = String))),
))]
#[post("/centres")]
pub async fn create_centre(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<CentreInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let mut conn = state.db.conn().await?;
    let (draft, community) = checked(&mut conn, &scope, body).await?;
    let centre = centres::create(
        &mut conn,
        &caller.audit,
        &draft,
        community.path.as_str(),
        &scope_patterns(&scope),
    )
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(centre.version)))
        .insert_header((header::LOCATION, format!("/api/v1/centres/{}", centre.id)))
        .json(CentreView::from(centre)))
}
