use crate::handlers::prelude::*;
use actix_web::HttpRequest;
use linli_app::complaints::{list_complaints, visible_among};

use super::{answer, key_caller};
use crate::dto::open311::{Open311Error, RequestQuery, ServiceRequest};

/// Open311 GET service requests in the key's area (newest first, at most 100; default
/// the last 90 days as the specification suggests).
#[utoipa::path(tag = tags::OPEN311, params(RequestQuery, ("X-Api-Key" = Option<String>, Header, description = "The API key (preferred to the `api_key` parameter)")), responses(
    (status = 200, description = "The service requests", body = Vec<ServiceRequest>),
    (status = 400, description = "A parameter does not parse (e.g. `start_date` not RFC 3339)", body = Vec<Open311Error>),
    (status = 401, description = "`api_key` missing or not valid", body = Vec<Open311Error>),
    (status = 403, description = "The key lacks the `open311` scope", body = Vec<Open311Error>),
))]
#[get("/requests.json")]
pub async fn list_requests(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<RequestQuery>,
) -> HttpResponse {
    let query = query.into_inner();
    let caller = match key_caller(&state, &req, query.api_key.clone()).await {
        Ok(c) => c,
        Err(resp) => return resp,
    };
    let ids = query.ids();
    // Asked by id, the other filters do not apply.
    let by_id = ids.is_some();
    let find = query.to_find(state.clock().now() - chrono::Duration::days(90));
    let work = async move |tx: &mut linli_persistence::AsyncPgConnection| match ids {
        Some(ids) => visible_among(tx, &caller, &ids).await,
        None => list_complaints(tx, &caller, find, None, 100).await,
    };
    answer(
        &state,
        move |tx| Box::pin(work(tx)),
        |list| {
            let shown = list
                .into_iter()
                .filter(|c| by_id || query.keeps(c.status()));
            HttpResponse::Ok().json(shown.map(ServiceRequest::from).collect::<Vec<_>>())
        },
    )
    .await
}
