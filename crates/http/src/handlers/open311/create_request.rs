use crate::handlers::prelude::*;
use std::collections::HashMap;

use actix_web::HttpRequest;
use linli_app::complaints::{Via, file_complaint};
use linli_domain::DomainError;

use super::{answer, error, key_caller};
use crate::dto::open311::{CreatedRequest, Open311Error, complaint_from_form};

/// Open311 POST service request (form-encoded, as the specification has it): the key as the
/// `X-Api-Key` header or the `api_key` field,
/// `service_code`, `address_id` (the compound's id), `description`, optional `lat`/`long`,
/// `first_name`, `last_name`, `phone`, `attribute[code]=…`. Filed as a hotline-style
/// complaint in the key's area and routed like any other.
#[utoipa::path(tag = tags::OPEN311, params(("X-Api-Key" = Option<String>, Header, description = "The API key (preferred to the `api_key` parameter)")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "Open311 request parameters"), responses(
    (status = 201, description = "Created: the service request numbers", body = Vec<CreatedRequest>),
    (status = 400, description = "A required field is missing or breaks a rule; `description` says which", body = Vec<Open311Error>),
    (status = 401, description = "Missing or unknown `api_key`", body = Vec<Open311Error>),
    (status = 403, description = "The key lacks the `open311` scope, or the compound lies outside its area", body = Vec<Open311Error>),
    (status = 413, description = "Body larger than the limit", body = Vec<Open311Error>),
    (status = 415, description = "Body not `application/x-www-form-urlencoded`", body = Vec<Open311Error>),
))]
#[post("/requests.json")]
pub async fn create_request(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<HashMap<String, String>>,
) -> HttpResponse {
    let caller = match key_caller(&state, &req, form.get("api_key").cloned()).await {
        Ok(c) => c,
        Err(resp) => return resp,
    };
    let command = match complaint_from_form(&form) {
        Ok(c) => c,
        Err(why) => return error(StatusCode::BAD_REQUEST, why),
    };
    answer(
        &state,
        with_tx!(|tx| {
            let filed = file_complaint(tx, &caller, Via::Open311, command).await;
            // The specification's field is `service_code`.
            filed.map_err(|e| match e {
                linli_app::Error::Domain(DomainError::Validation(mut errors)) => {
                    if let Some(message) = errors.remove("category") {
                        errors.insert("service_code".to_owned(), message);
                    }
                    DomainError::Validation(errors).into()
                }
                other => other,
            })
        }),
        |c| HttpResponse::Created().json([CreatedRequest::from(c)]),
    )
    .await
}
