use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::complaints;

use crate::{
    auth::AuthUser,
    dto::complaint::{CategoryUpdate, CategoryView},
    extract::{IfMatch, ValidJson, etag},
};

/// Change a category's deadlines (working hours), handler rule or active flag.
/// Requires `If-Match`; new deadlines apply to orders assigned from now on.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), request_body = CategoryUpdate,
    params(("code" = String, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The category; `ETag` carries its version", body = CategoryView, headers(("ETag" = String))),
))]
#[put("/complaint-categories/{code}")]
pub async fn update_category(
    state: web::Data<AppState>,
    user: AuthUser,
    code: web::Path<String>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<CategoryUpdate>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(code.into_inner(), if_match.0);
    let updated = in_transaction(
        &state.db,
        with_tx!(|tx| complaints::update_category(tx, &user, command).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(updated.version)))
        .json(CategoryView::from(updated)))
}
