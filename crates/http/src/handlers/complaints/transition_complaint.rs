use crate::handlers::prelude::*;
use linli_app::complaints;

use super::in_full;
use crate::{
    dto::complaint::{ComplaintDetail, TransitionRequest},
    extract::{IfMatch, ValidJson},
};

/// Move a complaint along its life cycle (受理, 不予受理, 派单, 签收, 退单, 办理, 办结,
/// 回访评价, 关闭). Each action is open to one party: dispatchers (community and up),
/// the handling organisation's staff, or the complainant. An action the state does not
/// allow answers 409 `transition_not_allowed` with `allowed`. Requires `If-Match`.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), request_body = TransitionRequest,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "ETag from the last read")),
    responses(
    (status = 200, description = "The complaint in full; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String))),
    (status = 403, description = "The action is not yours (e.g. a handler accepting)", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "Not possible in this state (`transition_not_allowed`, with `allowed`)", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Missing reason, resolution, rating or an unsuitable handler", body = Problem, content_type = "application/problem+json"),
))]
#[post("/complaints/{id}/transitions")]
pub async fn transition_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<TransitionRequest>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner(), if_match.0);
    let now = state.clock().now();
    let full = in_transaction(
        &state.db,
        with_tx!(|tx| {
            let seen = complaints::transition_complaint(tx, &caller, now, command).await?;
            complaints::in_full(tx, &caller, seen).await
        }),
    )
    .await?;
    in_full(StatusCode::OK, full)
}
