use crate::handlers::prelude::*;
use linli_app::complaints;

use super::in_full;
use crate::{
    auth::AuthUser,
    dto::complaint::{ComplaintDetail, ExtensionDecision},
    extract::ValidJson,
};

/// The community approves or denies an extension. Approval moves `resolve_by` by the
/// requested working hours (from the current deadline, or from now if it has passed).
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), request_body = ExtensionDecision,
    params(("id" = Uuid, Path), ("extension_id" = Uuid, Path)),
    responses(
    (status = 200, description = "The complaint in full; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String))),
    (status = 409, description = "Already decided", body = Problem, content_type = "application/problem+json"),
))]
#[post("/complaints/{id}/extensions/{extension_id}/decision")]
pub async fn decide_extension(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
    ValidJson(body): ValidJson<ExtensionDecision>,
) -> ApiResult<HttpResponse> {
    let (id, extension_id) = path.into_inner();
    let command = body.into_command(id, extension_id);
    let now = state.clock().now();
    let full = in_transaction(
        &state.db,
        with_tx!(|tx| {
            let seen = complaints::decide_extension(tx, &user, now, command).await?;
            complaints::in_full(tx, &user, seen).await
        }),
    )
    .await?;
    in_full(StatusCode::OK, full)
}
