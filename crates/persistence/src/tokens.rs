//! Refresh tokens: stored as SHA-256 digests, rotated on every use.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::{StoreError, error::StoreResult, schema::refresh_tokens};

/// What presenting a refresh token led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rotation {
    /// The token was live; it is now used and its successor stored.
    Rotated { user_id: Uuid, family_id: Uuid },
    /// The token had already been used: someone replayed it. The whole family is revoked.
    Reused { user_id: Uuid, family_id: Uuid },
    /// Unknown, expired or revoked.
    Invalid,
}

#[derive(Queryable)]
struct TokenState {
    id: Uuid,
    user_id: Uuid,
    family_id: Uuid,
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

/// Stores the first token of a new sign-in.
pub async fn issue(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    digest: &[u8],
    expires_at: DateTime<Utc>,
) -> StoreResult<Uuid> {
    let family_id = Uuid::now_v7();
    insert(conn, user_id, family_id, digest, expires_at).await?;
    Ok(family_id)
}

async fn insert(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    family_id: Uuid,
    digest: &[u8],
    expires_at: DateTime<Utc>,
) -> StoreResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::id.eq(Uuid::now_v7()),
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::family_id.eq(family_id),
            refresh_tokens::token_hash.eq(digest),
            refresh_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Exchanges the token with digest `presented` for one with digest `successor`.
///
/// The row is locked, so two concurrent uses of one token cannot both succeed: the
/// second sees it used and revokes the family.
pub async fn rotate(
    conn: &mut AsyncPgConnection,
    presented: &[u8],
    successor: &[u8],
    now: DateTime<Utc>,
    successor_expires_at: DateTime<Utc>,
) -> StoreResult<Rotation> {
    let presented = presented.to_vec();
    let successor = successor.to_vec();
    conn.transaction::<_, StoreError, _>(async |tx| {
        let row: Option<TokenState> = refresh_tokens::table
            .filter(refresh_tokens::token_hash.eq(&presented))
            .select((
                refresh_tokens::id,
                refresh_tokens::user_id,
                refresh_tokens::family_id,
                refresh_tokens::expires_at,
                refresh_tokens::used_at,
                refresh_tokens::revoked_at,
            ))
            .for_update()
            .first(tx)
            .await
            .optional()?;
        let Some(TokenState {
            id,
            user_id,
            family_id,
            expires_at,
            used_at,
            revoked_at,
        }) = row
        else {
            return Ok(Rotation::Invalid);
        };
        if revoked_at.is_some() || expires_at <= now {
            return Ok(Rotation::Invalid);
        }
        if used_at.is_some() {
            revoke_family_tx(tx, family_id).await?;
            return Ok(Rotation::Reused { user_id, family_id });
        }
        diesel::update(refresh_tokens::table.find(id))
            .set(refresh_tokens::used_at.eq(crate::clock::linli_now().nullable()))
            .execute(tx)
            .await?;
        insert(tx, user_id, family_id, &successor, successor_expires_at).await?;
        Ok(Rotation::Rotated { user_id, family_id })
    })
    .await
}

async fn revoke_family_tx(conn: &mut AsyncPgConnection, family_id: Uuid) -> StoreResult<usize> {
    Ok(diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(crate::clock::linli_now().nullable()))
    .execute(conn)
    .await?)
}

/// Signs out: revokes the family of the presented token. Unknown tokens are ignored.
pub async fn revoke_family_of(conn: &mut AsyncPgConnection, digest: &[u8]) -> StoreResult<()> {
    let family: Option<Uuid> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(digest))
        .select(refresh_tokens::family_id)
        .first(conn)
        .await
        .optional()?;
    if let Some(family_id) = family {
        revoke_family_tx(conn, family_id).await?;
    }
    Ok(())
}
