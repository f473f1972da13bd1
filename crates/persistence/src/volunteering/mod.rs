//! Volunteer service: reports (报到), team members, activities and sign-ups, check-ins,
//! verification of hours, certificates and the figures built on them.
//!
//! The database holds the rules counts depend on: one active report per person, one open
//! check-in per person, never more sign-ups than places (trigger under the activity's lock).

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::error::StoreResult;

mod activities;
mod certificates;
mod check_ins;
mod figures;
mod reports;
mod teams;

pub use activities::*;
pub use certificates::*;
pub use check_ins::*;
pub use figures::*;
pub use reports::*;
pub use teams::*;

/// The person record a user acts as.
pub async fn person_of_user(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
) -> StoreResult<Option<Uuid>> {
    use crate::schema::users;
    Ok(users::table
        .find(user_id)
        .select(users::person_id)
        .first::<Option<Uuid>>(conn)
        .await
        .optional()?
        .flatten())
}

/// Links a user to a person record.
pub async fn link_user(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    person_id: Uuid,
) -> StoreResult<()> {
    use crate::schema::users;
    diesel::update(users::table.find(user_id))
        .set(users::person_id.eq(Some(person_id)))
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether a person record exists.
pub async fn person_exists(conn: &mut AsyncPgConnection, person_id: Uuid) -> StoreResult<bool> {
    use crate::schema::people;
    Ok(people::table
        .find(person_id)
        .select(people::id)
        .first::<Uuid>(conn)
        .await
        .optional()?
        .is_some())
}
