use crate::handlers::prelude::*;
use linli_app::complaints::public_catalogue;

use super::answer;
use crate::dto::open311::Service;

/// Open311 service list: the complaint categories.
#[utoipa::path(tag = tags::OPEN311, responses((status = 200, description = "The services", body = Vec<Service>)))]
#[get("/services.json")]
pub async fn services(state: web::Data<AppState>) -> HttpResponse {
    answer(
        &state,
        |tx| Box::pin(public_catalogue(tx)),
        |list| HttpResponse::Ok().json(list.into_iter().map(Service::from).collect::<Vec<_>>()),
    )
    .await
}
