use crate::handlers::prelude::*;
use linli_app::users;

use crate::{
    auth::AuthUser,
    dto::user::{UnmaskRequest, UnmaskResponse},
    extract::ValidJson,
};

/// See a user's personal data unmasked. Needs the `pii.read` permission and a reason;
/// every use is written to the audit log with that reason.
#[utoipa::path(tag = tags::USERS, security(("bearer" = [])), request_body = UnmaskRequest, params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The unmasked value; the request and its reason are audited", body = UnmaskResponse),
    (status = 403, description = "No `pii.read` permission", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Reason missing or too short", body = Problem, content_type = "application/problem+json"),
))]
#[post("/users/{id}/unmask")]
pub async fn unmask_user(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<UnmaskRequest>,
) -> ApiResult<web::Json<UnmaskResponse>> {
    let id = id.into_inner();
    let phone = in_transaction(
        &state.db,
        with_tx!(|tx| users::unmask_user(tx, &user, id, &body.reason).await),
    )
    .await?;
    Ok(web::Json(UnmaskResponse { phone }))
}
