//! People.

pub mod create_person;
pub mod get_person;
pub mod list_people;
pub mod unmask_person;
pub mod update_person;

use linli_domain::{policy::Scope, registry::PersonDraft};
use linli_persistence::{AsyncPgConnection, compounds};

use crate::{dto::registry::PersonInput, error::ApiResult};

/// Checks a person's fields and home compound; returns the draft and where audit entries
/// about them are filed.
async fn checked(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    input: PersonInput,
) -> ApiResult<(PersonDraft, Option<String>)> {
    let draft = PersonDraft {
        name: input.name,
        phone: input.phone,
        id_number: input.id_number,
        is_party_member: input.is_party_member,
        employer: input.employer,
        home_compound_id: Some(input.home_compound_id),
    };
    draft.check()?;
    let home = compounds::find_in_scope(conn, input.home_compound_id, scope)
        .await
        .map_err(|e| {
            linli_app::not_found_as_field(e, "home_compound_id", "小区不存在 / no such compound")
        })?;
    Ok((draft, Some(home.path.as_str().to_owned())))
}
