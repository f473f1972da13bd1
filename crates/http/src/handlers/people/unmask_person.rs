use actix_web::{post, web};
use linli_domain::{
    DomainError,
    pii::{UNMASK_REASON_MAX_CHARS, UNMASK_REASON_MIN_CHARS},
    policy::Action,
};
use linli_persistence::{areas::scope_patterns, registry::people};
use uuid::Uuid;

use crate::{
    auth::AuthUser,
    dto::{registry::PersonalData, user::UnmaskRequest},
    error::ApiResult,
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// See a person's phone and ID number unmasked. Needs `pii.read` and a reason; audited.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = UnmaskRequest, params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The personal data", body = PersonalData),
))]
#[post("/people/{id}/unmask")]
pub async fn unmask_person(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<UnmaskRequest>,
) -> ApiResult<web::Json<PersonalData>> {
    let scope = user.scope(Action::ReadPersonalData)?;
    let reason = body.reason.trim();
    if !(UNMASK_REASON_MIN_CHARS..=UNMASK_REASON_MAX_CHARS).contains(&reason.chars().count()) {
        return Err(DomainError::field("reason", format!("请说明查看原因（{UNMASK_REASON_MIN_CHARS} 到 {UNMASK_REASON_MAX_CHARS} 个字）/ give a reason of {UNMASK_REASON_MIN_CHARS} to {UNMASK_REASON_MAX_CHARS} characters")).into());
    }
    let mut conn = state.db.conn().await?;
    let person = people::find_visible(&mut conn, &scope_patterns(&scope), id.into_inner()).await?;
    people::record_unmask(&mut conn, &user.audit, &person, reason).await?;
    Ok(web::Json(PersonalData {
        phone: person.phone,
        id_number: person.id_number,
    }))
}
