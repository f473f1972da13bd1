use crate::handlers::prelude::*;
use linli_app::volunteering::issue_certificate as issue;

use crate::{
    dto::volunteering::{CertificateInput, CertificateView},
    extract::ValidJson,
};

/// Issue a service certificate (服务证明) of one's verified hours over a period, with a
/// verification code anyone can check at the public endpoint; print it from `print_url`.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), request_body = CertificateInput, responses(
    (status = 201, description = "Created: the certificate", body = CertificateView),
))]
#[post("/service-certificates")]
pub async fn issue_certificate(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<CertificateInput>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command();
    let c = in_transaction(&state.db, with_tx!(|tx| issue(tx, &caller, command).await)).await?;
    Ok(HttpResponse::Created().json(CertificateView::new(c, false)))
}
