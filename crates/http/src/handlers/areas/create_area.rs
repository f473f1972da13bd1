use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{DomainError, area::NewArea, policy::Action};
use linli_persistence::areas;

use crate::{
    auth::Caller,
    dto::area::{AreaView, CreateAreaRequest},
    error::{ApiResult, Problem},
    extract::{ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Create an area node under a parent in your scope.
///
/// The kind must be the one below the parent's (district > subdistrict > community >
/// compound > building). Compounds are better created through `POST /compounds`, which
/// records their register entry too.
#[utoipa::path(tag = tags::AREAS, security(("bearer" = [])), request_body = CreateAreaRequest, responses(
    (status = 201, description = "Created: the area; `Location` is its address; `ETag` carries its version", body = AreaView, headers(("ETag" = String), ("Location" = String))),
    (status = 403, description = "Your role may not manage areas", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields, unknown parent or wrong kind", body = Problem, content_type = "application/problem+json"),
))]
#[post("/areas")]
pub async fn create_area(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<CreateAreaRequest>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageAreas)?;
    let new = NewArea {
        parent_id: body.parent_id,
        kind: body.kind,
        name: body.name,
        code: body.code,
    };
    let mut conn = state.db.conn().await?;
    let parent = match new.parent_id {
        Some(parent_id) => Some(
            areas::find_in_scope(&mut conn, parent_id, &scope)
                .await
                .map_err(|e| {
                    linli_app::not_found_as_field(
                        e,
                        "parent_id",
                        "上级区域不存在 / the parent area does not exist",
                    )
                })?,
        ),
        // A new district is outside every existing scope; only its own root may add one.
        None => {
            return Err(DomainError::field(
                "parent_id",
                "必须指定上级区域 / a parent area is required",
            )
            .into());
        }
    };
    let area = areas::create(&mut conn, &caller.audit, &new, parent.as_ref()).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(area.version)))
        .insert_header((header::LOCATION, format!("/api/v1/areas/{}", area.id)))
        .json(AreaView::new(area, false)))
}
