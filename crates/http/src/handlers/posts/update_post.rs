use actix_web::{HttpResponse, http::header, put, web};
use linli_domain::{DomainError, policy::Action, registry::PostDraft};
use linli_persistence::{areas::scope_patterns, registry::people};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::registry::{PostInput, PostView},
    error::ApiResult,
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Change a post's title or term — e.g. end it when the holder steps down. The person and
/// organisation stay. Requires `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = PostInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The post; `ETag` carries its version", body = PostView, headers(("ETag" = String))),
))]
#[put("/posts/{id}")]
pub async fn update_post(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<PostInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let patterns = scope_patterns(&scope);
    let mut conn = state.db.conn().await?;
    let current = people::find_post(&mut conn, &patterns, id.into_inner()).await?;
    if body.person_id != current.person_id || body.organisation_id != current.organisation_id {
        return Err(DomainError::field("person_id", "任职的人员和组织不能修改，请结束本任职并新建 / end this post and create a new one instead").into());
    }
    let draft = PostDraft {
        person_id: current.person_id,
        organisation_id: current.organisation_id,
        title: body.title,
        single_holder: body.single_holder,
        start_date: body.start_date,
        end_date: body.end_date,
    };
    draft.check()?;
    people::update_post(&mut conn, &caller.audit, &current, &draft, if_match.0).await?;
    let post = people::find_post(&mut conn, &patterns, current.id).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(post.version)))
        .json(PostView::from(post)))
}
