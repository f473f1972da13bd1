use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{DomainError, compound::CompoundDraft, policy::Action};
use linli_persistence::{areas, compounds};

use crate::{
    auth::AuthUser,
    dto::compound::{CompoundInput, CompoundView},
    error::{ApiResult, Problem},
    extract::{ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Register a compound under a community in your scope.
#[utoipa::path(tag = tags::COMPOUNDS, security(("bearer" = [])), request_body = CompoundInput, responses(
    (status = 201, body = CompoundView, headers(("ETag" = String), ("Location" = String))),
    (status = 403, description = "Your role may not register compounds", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields; nothing stored", body = Problem, content_type = "application/problem+json"),
))]
#[post("/compounds")]
pub async fn create_compound(
    state: web::Data<AppState>,
    user: AuthUser,
    ValidJson(body): ValidJson<CompoundInput>,
) -> ApiResult<HttpResponse> {
    let scope = user.scope(Action::CreateCompound)?;
    let draft = CompoundDraft::from(body);
    draft.check(chrono::Utc::now().date_naive())?;
    let mut conn = state.db.conn().await?;
    let community = areas::find_in_scope(&mut conn, draft.community_id, &scope)
        .await
        .map_err(|_| {
            DomainError::field(
                "community_id",
                "所选社区不存在 / the community does not exist",
            )
        })?;
    let compound = compounds::create(&mut conn, &community, &draft).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(compound.version)))
        .insert_header((
            header::LOCATION,
            format!("/api/v1/compounds/{}", compound.id),
        ))
        .json(CompoundView::from(compound)))
}
