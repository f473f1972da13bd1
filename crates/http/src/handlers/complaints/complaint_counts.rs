use crate::handlers::prelude::*;
use linli_app::complaints;

use crate::dto::complaint::StatusCountView;

/// How many complaints you can see per status, and how many of them are overdue (inbox badges).
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), responses(
    (status = 200, description = "The status counts", body = Vec<StatusCountView>),
))]
#[get("/complaints/counts")]
pub async fn complaint_counts(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<Vec<StatusCountView>>> {
    let counts = in_transaction(
        &state.db,
        with_tx!(|tx| complaints::count_complaints(tx, &caller).await),
    )
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
