use crate::handlers::prelude::*;
use linli_app::volunteering;

use crate::dto::volunteering::CertificateView;

/// Check a service certificate by its code — public, no sign-in: an employer or school
/// confirms the hours. The name shows only its first character.
#[utoipa::path(tag = tags::VOLUNTEERING, params(("code" = String, Path)), responses(
    (status = 200, description = "The certificate", body = CertificateView),
    (status = 404, description = "No certificate has this code", body = Problem, content_type = "application/problem+json"),
))]
#[get("/public/service-certificates/{code}")]
pub async fn verify_certificate(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> ApiResult<web::Json<CertificateView>> {
    let code = code.into_inner();
    let c = in_transaction(
        &state.db,
        with_tx!(|tx| volunteering::verify_certificate(tx, &code).await),
    )
    .await?;
    Ok(web::Json(CertificateView::new(c, true)))
}
