use crate::handlers::prelude::*;
use actix_web::HttpRequest;
use linli_app::complaints::visible;

use super::{answer, error, key_caller};
use crate::dto::open311::{KeyQuery, Open311Error, ServiceRequest};

/// Open311 GET one service request (an array of one, as the specification has it).
#[utoipa::path(tag = tags::OPEN311, params(("service_request_id" = String, Path), KeyQuery, ("X-Api-Key" = Option<String>, Header, description = "The API key (preferred to the `api_key` parameter)")), responses(
    (status = 200, description = "The service requests", body = Vec<ServiceRequest>),
    (status = 400, description = "The query does not parse", body = Vec<Open311Error>),
    (status = 401, description = "`api_key` missing or not valid", body = Vec<Open311Error>),
    (status = 403, description = "The key lacks the `open311` scope", body = Vec<Open311Error>),
    (status = 404, description = "No such service request, or it lies outside the key's area", body = Vec<Open311Error>),
))]
#[get("/requests/{service_request_id}.json")]
pub async fn get_request(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    query: web::Query<KeyQuery>,
) -> HttpResponse {
    let caller = match key_caller(&state, &req, query.into_inner().api_key).await {
        Ok(c) => c,
        Err(resp) => return resp,
    };
    let Ok(id) = Uuid::parse_str(&id) else {
        return error(StatusCode::NOT_FOUND, "no such service_request_id");
    };
    answer(
        &state,
        with_tx!(|tx| visible(tx, &caller, id.into()).await),
        |(c, _)| HttpResponse::Ok().json([ServiceRequest::from(c)]),
    )
    .await
}
