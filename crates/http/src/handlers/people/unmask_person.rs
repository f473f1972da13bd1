use crate::handlers::prelude::*;
use linli_app::people::unmask_person as unmask;

use crate::{
    auth::AuthUser,
    dto::{registry::PersonalData, user::UnmaskRequest},
    extract::ValidJson,
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
    let id = id.into_inner();
    let person = in_transaction(
        &state.db,
        with_tx!(|tx| unmask(tx, &user, id.into(), &body.reason).await),
    )
    .await?;
    Ok(web::Json(PersonalData {
        phone: person.phone,
        id_number: person.id_number,
    }))
}
