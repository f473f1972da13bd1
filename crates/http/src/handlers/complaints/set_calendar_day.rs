use crate::handlers::prelude::*;
use chrono::NaiveDate;
use linli_app::complaints;

use crate::{auth::AuthUser, dto::complaint::CalendarDayInput, extract::ValidJson};

/// Declare a day a public holiday, a make-up working day, or `normal` again; applies to
/// deadlines computed from now on. Audited.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), request_body = CalendarDayInput, params(("day" = NaiveDate, Path)), responses(
    (status = 204, description = "Saved"),
))]
#[put("/calendar-days/{day}")]
pub async fn set_calendar_day(
    state: web::Data<AppState>,
    user: AuthUser,
    day: web::Path<NaiveDate>,
    ValidJson(body): ValidJson<CalendarDayInput>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(day.into_inner());
    in_transaction(
        &state.db,
        with_tx!(|tx| complaints::set_calendar_day(tx, &user, command).await),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
