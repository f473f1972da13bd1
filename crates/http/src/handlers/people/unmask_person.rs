use actix_web::{post, web};
use linli_domain::{pii::check_unmask_reason, policy::Action};
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
    let reason = check_unmask_reason(&body.reason)?;
    let mut conn = state.db.conn().await?;
    let person = people::find_visible(&mut conn, &scope_patterns(&scope), id.into_inner()).await?;
    people::record_unmask(&mut conn, &user.audit, &person, reason).await?;
    Ok(web::Json(PersonalData {
        phone: person.phone,
        id_number: person.id_number,
    }))
}
