use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::volunteering::create_activity as create;

use crate::{
    dto::volunteering::{ActivityInput, ActivityView},
    extract::ValidJson,
};

/// Create a service activity at a neighbourhood centre or in a compound, with a time
/// window (at most 24 hours) and a number of places, optionally for one team.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), request_body = ActivityInput, responses(
    (status = 201, description = "Created: the activity; `Location` is its address", body = ActivityView, headers(("Location" = String))),
))]
#[post("/activities")]
pub async fn create_activity(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<ActivityInput>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command();
    let a = in_transaction(&state.db, with_tx!(|tx| create(tx, &caller, command).await)).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/activities/{}", a.id)))
        .json(ActivityView::new(a, false)))
}
