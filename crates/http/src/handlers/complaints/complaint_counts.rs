use actix_web::{get, web};
use linli_app::{complaints, in_transaction};

use crate::{
    auth::Caller, dto::complaint::StatusCountView, error::ApiResult, handlers::tags,
    state::AppState,
};

/// How many complaints you can see per status, and how many of them are overdue (inbox badges).
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), responses(
    (status = 200, description = "The status counts", body = Vec<StatusCountView>),
))]
#[get("/complaints/counts")]
pub async fn complaint_counts(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<Vec<StatusCountView>>> {
    let counts = in_transaction(&state.db, move |tx| {
        Box::pin(async move { complaints::count_complaints(tx, &caller).await })
    })
    .await?;
    Ok(web::Json(
        counts
            .into_iter()
            .map(|c| StatusCountView {
                status: c.status,
                count: c.count,
                overdue: c.overdue,
            })
            .collect(),
    ))
}
