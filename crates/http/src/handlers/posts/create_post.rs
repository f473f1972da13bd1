use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{DomainError, policy::Action, registry::PostDraft};
use linli_persistence::{
    Found,
    areas::scope_patterns,
    registry::{organisations, people},
};

use crate::{
    auth::Caller,
    dto::registry::{PostInput, PostView},
    error::{ApiResult, Problem},
    extract::{ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Appoint a person to a post. Two overlapping terms of a single-holder post (e.g. two
/// branch secretaries at once) are refused by the database, also when requests race.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = PostInput, responses(
    (status = 201, description = "Created: the post; `ETag` carries its version", body = PostView, headers(("ETag" = String))),
    (status = 422, description = "Invalid term, overlapping holder, or person/organisation outside your scope", body = Problem, content_type = "application/problem+json"),
))]
#[post("/posts")]
pub async fn create_post(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<PostInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let patterns = scope_patterns(&scope);
    let draft = PostDraft {
        person_id: body.person_id,
        organisation_id: body.organisation_id,
        title: body.title,
        single_holder: body.single_holder,
        start_date: body.start_date,
        end_date: body.end_date,
    };
    draft.check()?;
    let mut conn = state.db.conn().await?;
    let org = organisations::find_visible(&mut conn, &patterns, draft.organisation_id)
        .await
        .found()?
        .filter(|o| scope.covers(&o.area_path))
        .ok_or_else(|| {
            DomainError::field("organisation_id", "组织不存在 / no such organisation")
        })?;
    people::find_visible(&mut conn, &patterns, draft.person_id)
        .await
        .map_err(|e| {
            linli_app::not_found_as_field(e, "person_id", "人员不存在 / no such person")
        })?;
    let id = people::create_post(&mut conn, &caller.audit, &draft, org.area_path.as_str()).await?;
    let post = people::find_post(&mut conn, &patterns, id).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(post.version)))
        .json(PostView::from(post)))
}
