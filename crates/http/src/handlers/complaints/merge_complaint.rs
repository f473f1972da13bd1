use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{DomainError, complaint::Status};
use linli_persistence::complaints;
use uuid::Uuid;

use super::{detail, visible};
use crate::{
    auth::Caller,
    dto::complaint::{ComplaintDetail, MergeRequest},
    error::ApiResult,
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Merge a complaint into another about the same compound and category: it is closed
/// pointing at the one that carries on, and both timelines say so. Requires `If-Match`
/// of the complaint being merged.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), request_body = MergeRequest,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The complaint in full; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String))),
))]
#[post("/complaints/{id}/merge")]
pub async fn merge_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<MergeRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    let (dup, st) = visible(&mut conn, &caller, id.into_inner()).await?;
    if !st.dispatcher {
        return Err(DomainError::Forbidden.into());
    }
    let (into, _) = visible(&mut conn, &caller, body.into)
        .await
        .map_err(|e| e.absent_as_field("into", "诉求不存在 / no such complaint"))?;
    if into.id == dup.id
        || into.compound_id != dup.compound_id
        || into.category_code != dup.category_code
        || !into.status().is_open()
        || !dup.status().is_open()
        || into.duplicate_of.is_some()
        || dup.status() == Status::Closed
    {
        return Err(DomainError::field("into", "只能合并同一小区、同一类别且未办结的诉求 / only open complaints of the same compound and category merge").into());
    }
    complaints::merge(&mut conn, &caller.audit, &dup, &into, if_match.0).await?;
    let (merged, st) = visible(&mut conn, &caller, dup.id).await?;
    let version = merged.version;
    let body = detail(&mut conn, &caller, merged, st).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(version)))
        .json(body))
}
