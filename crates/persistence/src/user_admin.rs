//! User administration: profiles, grants and passwords — every change audited and every
//! change of access bumping the user's token version.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    area::AreaPath,
    pii::mask_phone,
    policy::Role,
    user::{User, UserProfile},
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{
    StoreError,
    areas::Area,
    audit_log::{self, AuditContext, Change},
    error::StoreResult,
    schema::{areas, refresh_tokens, user_grants, users},
    users::{GrantDetail, grants},
};

/// A user as administrators see them.
#[derive(Debug, Clone, PartialEq)]
pub struct UserRecord {
    pub user: User,
    pub phone: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub grants: Vec<GrantDetail>,
}

impl UserRecord {
    /// Audit entries about a user are filed under the area of their first grant.
    fn area_path(&self) -> Option<String> {
        <[GrantDetail]>::first(&self.grants).map(|g| g.grant.area_path.as_str().to_owned())
    }

    /// The audit form: no password, phone masked.
    fn audit_json(&self) -> Value {
        json!({
            "username": self.user.username,
            "display_name": self.user.display_name,
            "phone": self.phone.as_deref().map(mask_phone),
            "is_active": self.user.is_active,
            "grants": self.grants.iter().map(|g| json!({"role": g.grant.role.as_str(), "area_id": g.grant.area_id})).collect::<Vec<_>>(),
        })
    }
}

type Row = (
    Uuid,
    String,
    String,
    bool,
    i32,
    Option<String>,
    i64,
    DateTime<Utc>,
);

macro_rules! user_columns {
    () => {
        (
            users::id,
            users::username,
            users::display_name,
            users::is_active,
            users::token_version,
            users::phone,
            users::version,
            users::created_at,
        )
    };
}

async fn record_of(conn: &mut AsyncPgConnection, row: Row) -> StoreResult<UserRecord> {
    let (id, username, display_name, is_active, token_version, phone, version, created_at) = row;
    Ok(UserRecord {
        user: User {
            id,
            username,
            display_name,
            is_active,
            token_version,
        },
        phone,
        version,
        created_at,
        grants: grants(conn, id).await?,
    })
}

/// One user.
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> StoreResult<Option<UserRecord>> {
    let row: Option<Row> = users::table
        .find(id)
        .select(user_columns!())
        .first(conn)
        .await
        .optional()?;
    match row {
        Some(row) => Ok(Some(record_of(conn, row).await?)),
        None => Ok(None),
    }
}

/// True when at least one grant of the user lies in one of the `patterns` subtrees.
pub fn visible_in(record: &UserRecord, roots: &[AreaPath]) -> bool {
    record
        .grants
        .iter()
        .any(|g| roots.iter().any(|r| g.grant.area_path.is_within(r)))
}

/// Users with a grant inside `patterns` (LIKE prefixes), by username, after `after`.
pub async fn list(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    search: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> StoreResult<Vec<UserRecord>> {
    let visible = user_grants::table
        .inner_join(areas::table)
        .filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("areas.path LIKE ANY(")
                .bind::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(patterns.to_vec())
                .sql(")"),
        )
        .select(user_grants::user_id);
    let mut query = users::table
        .filter(users::id.eq_any(visible))
        .select(user_columns!())
        .into_boxed();
    if let Some(text) = search {
        let pattern = format!("%{}%", crate::compounds::like_literal(text));
        query = query.filter(
            users::username
                .ilike(pattern.clone())
                .or(users::display_name.ilike(pattern)),
        );
    }
    if let Some(after) = after {
        query = query.filter(users::username.gt(after.to_owned()));
    }
    let rows: Vec<Row> = query
        .order(users::username.asc())
        .limit(limit)
        .load(conn)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(record_of(conn, row).await?);
    }
    Ok(out)
}

/// A new user with their first grants.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub password_hash: String,
    pub profile: UserProfile,
    pub grants: Vec<(Role, Area)>,
}

/// Creates a user (audited).
pub async fn create(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    new: &NewUser,
) -> StoreResult<UserRecord> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(users::table)
            .values((
                users::id.eq(id),
                users::username.eq(&new.username),
                users::display_name.eq(&new.profile.display_name),
                users::password_hash.eq(&new.password_hash),
                users::phone.eq(&new.profile.phone),
                users::is_active.eq(new.profile.is_active),
            ))
            .execute(tx)
            .await?;
        for (role, area) in &new.grants {
            crate::users::ensure_grant(tx, id, *role, area.id).await?;
        }
        let created = find(tx, id).await?.ok_or(DomainError::NotFound("user"))?;
        audit_log::record(
            tx,
            ctx,
            Change {
                action: "user.created",
                object_type: "user",
                object_id: id.to_string(),
                area_path: created.area_path(),
                before: None,
                after: Some(created.audit_json()),
            },
        )
        .await?;
        Ok(created)
    })
    .await
}

/// Bumps version (and token version when access changes) if still at `expected_version`.
async fn bump(
    tx: &mut AsyncPgConnection,
    id: Uuid,
    expected_version: i64,
    revoke_tokens: bool,
) -> StoreResult<()> {
    let bumped = diesel::update(
        users::table
            .filter(users::id.eq(id))
            .filter(users::version.eq(expected_version)),
    )
    .set((
        users::version.eq(users::version + 1),
        users::token_version.eq(users::token_version + i32::from(revoke_tokens)),
        users::updated_at.eq(crate::clock::linli_now()),
    ))
    .execute(tx)
    .await?;
    if bumped == 0 {
        return Err(DomainError::StaleVersion.into());
    }
    if revoke_tokens {
        revoke_sessions(tx, id).await?;
    }
    Ok(())
}

/// Ends every session of the user `id` at once: the token version moves on (so access
/// tokens already issued stop working on their next request) and every refresh token is
/// revoked.
pub async fn end_sessions(conn: &mut AsyncPgConnection, id: Uuid) -> StoreResult<()> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::token_version.eq(users::token_version + 1))
        .execute(conn)
        .await?;
    revoke_sessions(conn, id).await
}

async fn revoke_sessions(tx: &mut AsyncPgConnection, id: Uuid) -> StoreResult<()> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(crate::clock::linli_now().nullable()))
    .execute(tx)
    .await?;
    Ok(())
}

async fn audited(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    action: &'static str,
    before: &UserRecord,
) -> StoreResult<UserRecord> {
    let after = find(tx, before.user.id)
        .await?
        .ok_or(DomainError::NotFound("user"))?;
    audit_log::record(
        tx,
        ctx,
        Change {
            action,
            object_type: "user",
            object_id: before.user.id.to_string(),
            area_path: after.area_path(),
            before: Some(before.audit_json()),
            after: Some(after.audit_json()),
        },
    )
    .await?;
    Ok(after)
}

/// Changes name, phone and active flag. Deactivating ends every session at once.
pub async fn update_profile(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &UserRecord,
    profile: &UserProfile,
    expected_version: i64,
) -> StoreResult<UserRecord> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let deactivating = current.user.is_active && !profile.is_active;
        bump(tx, current.user.id, expected_version, deactivating).await?;
        diesel::update(users::table.find(current.user.id))
            .set((
                users::display_name.eq(&profile.display_name),
                users::phone.eq(&profile.phone),
                users::is_active.eq(profile.is_active),
            ))
            .execute(tx)
            .await?;
        audited(tx, ctx, "user.updated", current).await
    })
    .await
}

/// Adds a grant; the user's older access tokens stop working.
pub async fn add_grant(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &UserRecord,
    role: Role,
    area: &Area,
    expected_version: i64,
) -> StoreResult<UserRecord> {
    if current
        .grants
        .iter()
        .any(|g| g.grant.role == role && g.grant.area_id == area.id)
    {
        return Err(DomainError::field(
            "role",
            "该用户已有此授权 / the user already holds this grant",
        )
        .into());
    }
    conn.transaction::<_, StoreError, _>(async |tx| {
        bump(tx, current.user.id, expected_version, true).await?;
        crate::users::ensure_grant(tx, current.user.id, role, area.id).await?;
        audited(tx, ctx, "user.grant_added", current).await
    })
    .await
}

/// Removes a grant (never the last one: deactivate the user instead); the user's older
/// access tokens stop working.
pub async fn remove_grant(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &UserRecord,
    grant_id: Uuid,
    expected_version: i64,
) -> StoreResult<UserRecord> {
    if !current.grants.iter().any(|g| g.id == grant_id) {
        return Err(DomainError::NotFound("grant").into());
    }
    if current.grants.len() == 1 {
        return Err(DomainError::WrongState {
            code: "last_grant",
            detail: "用户至少保留一个角色授权；如不再使用，请停用该用户 / a user keeps at least one grant; deactivate the user instead".into(),
            allowed: vec!["deactivate".into()],
        }
        .into());
    }
    conn.transaction::<_, StoreError, _>(async |tx| {
        bump(tx, current.user.id, expected_version, true).await?;
        diesel::delete(user_grants::table.filter(user_grants::id.eq(grant_id)))
            .execute(tx)
            .await?;
        audited(tx, ctx, "user.grant_removed", current).await
    })
    .await
}

/// Replaces the password; every session and access token of the user ends.
pub async fn set_password(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    user_id: Uuid,
    password_hash: &str,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let current = find(tx, user_id)
            .await?
            .ok_or(DomainError::NotFound("user"))?;
        bump(tx, user_id, current.version, true).await?;
        diesel::update(users::table.find(user_id))
            .set(users::password_hash.eq(password_hash))
            .execute(tx)
            .await?;
        audit_log::record(
            tx,
            ctx,
            Change {
                action: "user.password_changed",
                object_type: "user",
                object_id: user_id.to_string(),
                area_path: current.area_path(),
                before: None,
                after: None,
            },
        )
        .await?;
        Ok(())
    })
    .await
}

/// Records that someone saw a user's personal data unmasked, and why.
pub async fn record_unmask(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    record: &UserRecord,
    fields: &[&str],
    reason: &str,
) -> StoreResult<()> {
    audit_log::record(
        conn,
        ctx,
        Change {
            action: "personal_data.unmasked",
            object_type: "user",
            object_id: record.user.id.to_string(),
            area_path: record.area_path(),
            before: None,
            after: Some(json!({"fields": fields, "reason": reason})),
        },
    )
    .await?;
    Ok(())
}
