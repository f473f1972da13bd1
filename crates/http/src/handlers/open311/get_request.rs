use actix_web::{HttpRequest, HttpResponse, get, http::StatusCode, web};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{ServiceRequest, error, from_api, key_caller, service_request};
use crate::{handlers::tags, state::AppState};

/// The key parameter.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct KeyQuery {
    pub api_key: Option<String>,
}

/// Open311 GET one service request (an array of one, as the specification has it).
#[utoipa::path(tag = tags::OPEN311, params(("service_request_id" = String, Path), KeyQuery), responses(
    (status = 200, description = "The service requests", body = Vec<ServiceRequest>),
    (status = 400, description = "The query does not parse", body = Vec<super::Open311Error>),
    (status = 401, description = "`api_key` missing or not valid", body = Vec<super::Open311Error>),
    (status = 403, description = "The key lacks the `open311` scope", body = Vec<super::Open311Error>),
    (status = 404, description = "No such service request, or it lies outside the key's area", body = Vec<super::Open311Error>),
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
    let found = async {
        let mut conn = state.db.conn().await?;
        Ok::<_, crate::error::ApiError>(linli_persistence::complaints::find(&mut conn, id).await?)
    }
    .await;
    let scope = caller.scope(linli_domain::policy::Action::ReadComplaints);
    match (found, scope) {
        (Ok(Some(c)), Ok(scope))
            if scope.covers(&linli_domain::area::AreaPath::from_stored(
                c.area_path.clone(),
            )) =>
        {
            HttpResponse::Ok().json([service_request(c)])
        }
        (Err(e), _) => from_api(&e),
        _ => error(StatusCode::NOT_FOUND, "no such service_request_id"),
    }
}
