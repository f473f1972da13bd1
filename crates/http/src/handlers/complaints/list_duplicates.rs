use crate::handlers::prelude::*;
use linli_app::complaints;

use crate::dto::complaint::ComplaintView;

/// Possible duplicates of a complaint: same compound and category, filed within three
/// days, still open — for the dispatcher to merge.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The complaints", body = Vec<ComplaintView>),
))]
#[get("/complaints/{id}/duplicates")]
pub async fn list_duplicates(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<Vec<ComplaintView>>> {
    let id = id.into_inner();
    let list = in_transaction(
        &state.db,
        with_tx!(|tx| complaints::list_duplicates(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(web::Json(
        list.into_iter()
            .map(|c| ComplaintView::new(c, false))
            .collect(),
    ))
}
