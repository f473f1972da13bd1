use actix_web::{HttpResponse, post, web};
use linli_domain::DomainError;
use linli_persistence::volunteering;
use rand::Rng;

use super::participant;
use crate::{
    auth::Caller,
    dto::volunteering::{CertificateInput, CertificateView},
    error::ApiResult,
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Characters of a verification code: no 0/O or 1/I to misread.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

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
    if body.to < body.from || (body.to - body.from).num_days() > 3660 {
        return Err(DomainError::field("to", "期间无效 / invalid period").into());
    }
    let mut conn = state.db.conn().await?;
    let person = participant(&mut conn, &caller).await?;
    let code: String = {
        let mut rng = rand::rng();
        (0..12)
            .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
            .collect()
    };
    let c = volunteering::issue_certificate(
        &mut conn,
        &caller.audit,
        person,
        body.from,
        body.to,
        &code,
    )
    .await?;
    Ok(HttpResponse::Created().json(CertificateView::new(c, false)))
}
