use crate::handlers::prelude::*;
use linli_app::volunteering;

use crate::dto::volunteering::MyVolunteering;

/// The signed-in volunteer's own picture for the phone page: active report, open check-in,
/// verified and pending minutes (all time), teams they lead.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), responses(
    (status = 200, description = "Your team, hours and upcoming activities", body = MyVolunteering),
))]
#[get("/me/volunteering")]
pub async fn my_volunteering(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<MyVolunteering>> {
    let now = state.clock().now();
    let mine = in_transaction(
        &state.db,
        with_tx!(|tx| volunteering::my_volunteering(tx, &caller, now).await),
    )
    .await?;
    Ok(web::Json(MyVolunteering::from(mine)))
}
