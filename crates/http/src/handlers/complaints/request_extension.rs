use crate::handlers::prelude::*;
use linli_app::complaints;

use super::in_full;
use crate::{
    auth::AuthUser,
    dto::complaint::{ComplaintDetail, ExtensionRequest},
    extract::ValidJson,
};

/// The handler asks for more time to resolve (延期申请); the community decides.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), request_body = ExtensionRequest, params(("id" = Uuid, Path)), responses(
    (status = 201, description = "Created: the complaint in full; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String))),
    (status = 409, description = "Not being worked on, or a request is already pending", body = Problem, content_type = "application/problem+json"),
))]
#[post("/complaints/{id}/extensions")]
pub async fn request_extension(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<ExtensionRequest>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner());
    let full = in_transaction(
        &state.db,
        with_tx!(|tx| {
            let seen = complaints::request_extension(tx, &user, command).await?;
            complaints::in_full(tx, &user, seen).await
        }),
    )
    .await?;
    in_full(StatusCode::CREATED, full)
}
