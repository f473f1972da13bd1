use actix_web::{HttpResponse, http::header, put, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{allowances, areas::scope_patterns};
use uuid::Uuid;

use super::{create_programme::checked, require_over};
use crate::{
    auth::Caller,
    dto::allowance::{ProgrammeInput, ProgrammeView},
    error::ApiResult,
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Change a programme (not its area). Cycles already generated keep their amounts; regenerate
/// a draft to apply new terms. Requires `If-Match`.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), request_body = ProgrammeInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)), responses(
    (status = 200, description = "The programme; `ETag` carries its version", body = ProgrammeView, headers(("ETag" = String))),
))]
#[put("/allowance-programmes/{id}")]
pub async fn update_programme(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<ProgrammeInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageAllowances)?;
    let patterns = scope_patterns(&caller.scope(Action::ReadAllowances)?);
    let mut conn = state.db.conn().await?;
    let current = allowances::programme(&mut conn, &patterns, id.into_inner()).await?;
    require_over(&caller, Action::ManageAllowances, &current)?;
    if body.area_id != current.area_id {
        return Err(DomainError::field(
            "area_id",
            "津贴项目的区域不能修改 / the area cannot change",
        )
        .into());
    }
    let draft = checked(&mut conn, &scope, body).await?;
    allowances::update_programme(&mut conn, &caller.audit, &current, if_match.0, &draft).await?;
    let p = allowances::programme(&mut conn, &patterns, current.id).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(p.version)))
        .json(ProgrammeView::from(p)))
}
