use actix_web::{HttpResponse, get, http::header, web};
use linli_app::{allowances, in_transaction};
use uuid::Uuid;

use crate::{
    auth::Caller, dto::allowance::ProgrammeView, error::ApiResult, extract::etag, handlers::tags,
    state::AppState,
};

/// One programme; `ETag` for `If-Match`.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The programme; `ETag` carries its version", body = ProgrammeView, headers(("ETag" = String))),
))]
#[get("/allowance-programmes/{id}")]
pub async fn get_programme(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let p = in_transaction(&state.db, |tx| {
        Box::pin(async move { allowances::find_programme(tx, &caller, id).await })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(p.version)))
        .json(ProgrammeView::from(p)))
}
