use actix_web::{HttpResponse, put, web};
use chrono::NaiveDate;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::complaints;

use crate::{
    auth::AuthUser, dto::complaint::CalendarDayInput, error::ApiResult, extract::ValidJson,
    handlers::tags, state::AppState,
};

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
    user.scope(Action::ConfigureComplaints)?;
    let kind = match body.kind.as_str() {
        "holiday" => Some("holiday"),
        "workday" => Some("workday"),
        "normal" => None,
        _ => {
            return Err(DomainError::field(
                "kind",
                "须为 holiday、workday 或 normal / must be holiday, workday or normal",
            )
            .into());
        }
    };
    if body.note.chars().count() > 50 {
        return Err(DomainError::field("note", "最多 50 个字 / at most 50 characters").into());
    }
    let mut conn = state.db.conn().await?;
    complaints::set_calendar_day(
        &mut conn,
        &user.audit,
        day.into_inner(),
        kind,
        body.note.trim(),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
