use crate::handlers::prelude::*;
use linli_app::complaints::public_category;

use super::{answer, error};
use crate::dto::open311::{Open311Error, ServiceDefinition};

/// Open311 service definition: the typed attributes a request of this service may carry.
#[utoipa::path(tag = tags::OPEN311, params(("service_code" = String, Path)), responses(
    (status = 200, description = "The service definition", body = ServiceDefinition),
    (status = 404, description = "No such service", body = Vec<Open311Error>),
))]
#[get("/services/{service_code}.json")]
pub async fn service_definition(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> HttpResponse {
    let code = code.into_inner();
    answer(
        &state,
        with_tx!(|tx| public_category(tx, &code).await),
        |found| match found {
            Some(c) => HttpResponse::Ok().json(ServiceDefinition::from(c)),
            None => error(StatusCode::NOT_FOUND, "no such service_code"),
        },
    )
    .await
}
