//! Users and their grants.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    area::{AreaKind, AreaPath},
    policy::{Grant, Role},
    user::{User, UserWithGrants},
};
use uuid::Uuid;

use crate::{
    error::StoreResult,
    schema::{areas, user_grants, users},
};

#[derive(Queryable, Selectable)]
#[diesel(table_name = users, check_for_backend(diesel::pg::Pg))]
struct UserRow {
    id: Uuid,
    username: String,
    display_name: String,
    is_active: bool,
    token_version: i32,
}

impl From<UserRow> for User {
    fn from(r: UserRow) -> Self {
        User {
            id: r.id,
            username: r.username,
            display_name: r.display_name,
            is_active: r.is_active,
            token_version: r.token_version,
        }
    }
}

/// A grant with the name and kind of its area, for display.
#[derive(Debug, Clone, PartialEq)]
pub struct GrantDetail {
    pub id: Uuid,
    pub grant: Grant,
    pub area_name: String,
    pub area_kind: AreaKind,
}

/// The user and stored password hash for a sign-in attempt.
pub async fn find_credentials(
    conn: &mut AsyncPgConnection,
    username: &str,
) -> StoreResult<Option<(User, String)>> {
    let row: Option<(UserRow, String)> = users::table
        .filter(users::username.eq(username))
        .select((UserRow::as_select(), users::password_hash))
        .first(conn)
        .await
        .optional()?;
    Ok(row.map(|(u, hash)| (u.into(), hash)))
}

/// Replaces a password hash (used to upgrade weaker hashes on sign-in).
pub async fn set_password_hash(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    hash: &str,
) -> StoreResult<()> {
    diesel::update(users::table.find(user_id))
        .set((
            users::password_hash.eq(hash),
            users::updated_at.eq(crate::clock::linli_now()),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// A user by id.
pub async fn find(conn: &mut AsyncPgConnection, user_id: Uuid) -> StoreResult<Option<User>> {
    let row = users::table
        .find(user_id)
        .select(UserRow::as_select())
        .first(conn)
        .await
        .optional()?;
    Ok(row.map(User::from))
}

/// Every grant of a user, with area details, in a stable order.
pub async fn grants(conn: &mut AsyncPgConnection, user_id: Uuid) -> StoreResult<Vec<GrantDetail>> {
    let rows: Vec<(Uuid, String, Uuid, String, String, String)> = user_grants::table
        .inner_join(areas::table)
        .filter(user_grants::user_id.eq(user_id))
        .select((
            user_grants::id,
            user_grants::role,
            areas::id,
            areas::path,
            areas::name,
            areas::kind,
        ))
        .order((
            areas::depth.asc(),
            areas::name.asc(),
            user_grants::role.asc(),
        ))
        .load(conn)
        .await?;
    rows.into_iter()
        .map(|(id, role, area_id, path, name, kind)| {
            Ok(GrantDetail {
                id,
                grant: Grant {
                    role: crate::stored(&role, Role::parse, "user_grants.role")?,
                    area_id,
                    area_path: AreaPath::from_stored(path),
                },
                area_name: name,
                area_kind: crate::stored(&kind, AreaKind::parse, "areas.kind")?,
            })
        })
        .collect()
}

/// A user with grants, for building the request principal.
pub async fn find_with_grants(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
) -> StoreResult<Option<UserWithGrants>> {
    let Some(user) = find(conn, user_id).await? else {
        return Ok(None);
    };
    let grants = grants(conn, user_id)
        .await?
        .into_iter()
        .map(|g| g.grant)
        .collect();
    Ok(Some(UserWithGrants { user, grants }))
}

/// Creates a user unless the username exists; returns the id either way and whether it
/// was created.
pub async fn ensure(
    conn: &mut AsyncPgConnection,
    username: &str,
    display_name: &str,
    password_hash: &str,
) -> StoreResult<(Uuid, bool)> {
    if let Some(id) = users::table
        .filter(users::username.eq(username))
        .select(users::id)
        .first::<Uuid>(conn)
        .await
        .optional()?
    {
        return Ok((id, false));
    }
    let id = Uuid::now_v7();
    diesel::insert_into(users::table)
        .values((
            users::id.eq(id),
            users::username.eq(username),
            users::display_name.eq(display_name),
            users::password_hash.eq(password_hash),
        ))
        .execute(conn)
        .await?;
    Ok((id, true))
}

/// Adds a grant unless it exists.
pub async fn ensure_grant(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    role: Role,
    area_id: Uuid,
) -> StoreResult<()> {
    diesel::insert_into(user_grants::table)
        .values((
            user_grants::id.eq(Uuid::now_v7()),
            user_grants::user_id.eq(user_id),
            user_grants::role.eq(role.as_str()),
            user_grants::area_id.eq(area_id),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(())
}

/// When the user last changed (for tests and audit).
pub async fn updated_at(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
) -> StoreResult<Option<DateTime<Utc>>> {
    Ok(users::table
        .find(user_id)
        .select(users::updated_at)
        .first(conn)
        .await
        .optional()?)
}
