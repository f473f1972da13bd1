use actix_web::{get, web};
use linli_app::{in_transaction, volunteering};

use crate::{
    auth::Caller, dto::volunteering::MyVolunteering, error::ApiResult, handlers::tags,
    state::AppState,
};

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
    let mine = in_transaction(&state.db, |tx| {
        Box::pin(async move { volunteering::my_volunteering(tx, &caller, now).await })
    })
    .await?;
    Ok(web::Json(MyVolunteering::from(mine)))
}
