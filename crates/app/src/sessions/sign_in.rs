//! Signing in, refreshing and signing out.

use chrono::{DateTime, Utc};
use linli_domain::{DomainError, FieldErrors};
use linli_persistence::{
    AsyncPgConnection,
    audit_log::{self, AuditContext, Change},
    logins,
    tokens::{self, Rotation},
    user_admin, users,
};
use uuid::Uuid;

use super::token;
use crate::{
    Result,
    password::{self, Verdict},
};

/// A sign-in attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignIn {
    pub username: String,
    pub password: String,
    /// Where it comes from (the throttle counts per address too).
    pub client_ip: String,
}

/// A session granted: whose, the version their access tokens must carry, and the refresh
/// token (shown once).
#[derive(Debug, Clone)]
pub struct Session {
    pub user_id: Uuid,
    pub token_version: i32,
    pub refresh_token: String,
}

fn invalid_credentials() -> DomainError {
    DomainError::Unauthenticated {
        code: "invalid_credentials",
        detail: "用户名或密码错误 / wrong username or password".into(),
    }
}

fn invalid_refresh_token() -> DomainError {
    DomainError::Unauthenticated {
        code: "invalid_refresh_token",
        detail: "登录状态已失效，请重新登录 / the refresh token is not valid; sign in again".into(),
    }
}

fn check_lengths(attempt: &SignIn) -> Result<()> {
    let mut errors = FieldErrors::new();
    if attempt.username.is_empty() || attempt.username.chars().count() > 64 {
        errors.insert(
            "username".into(),
            vec!["用户名须为 1 到 64 个字符 / username must be 1 to 64 characters".into()],
        );
    }
    if attempt.password.is_empty() || attempt.password.chars().count() > 256 {
        errors.insert(
            "password".into(),
            vec!["密码须为 1 到 256 个字符 / password must be 1 to 256 characters".into()],
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors).into())
    }
}

/// Signs a person in at `now`, with a refresh token valid until `expires_at`. Unknown users
/// and wrong passwords get the same answer after the same work; after too many failures
/// for the account or the address the answer is `TooManyAttempts` until the oldest leaves
/// the window. A hash weaker than today's parameters is replaced.
pub async fn sign_in(
    conn: &mut AsyncPgConnection,
    attempt: SignIn,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<Session> {
    check_lengths(&attempt)?;
    let SignIn {
        username,
        password: given,
        client_ip,
    } = attempt;
    let own = match logins::admit(conn, &username, &client_ip, now).await? {
        logins::Admitted::Go(own) => own,
        logins::Admitted::Wait(wait) => {
            let minutes = (wait + 59) / 60;
            return Err(DomainError::TooManyAttempts {
            code: "too_many_attempts",
            detail: format!("登录失败次数过多，请 {minutes} 分钟后再试 / too many failed sign-ins; try again in {minutes} minute(s)"),
            retry_after_secs: u64::try_from(wait).unwrap_or(0),
        }
        .into());
        }
    };
    let found = users::find_credentials(conn, &username).await?;
    let stored = found
        .as_ref()
        .map(|(_, hash)| hash.clone())
        .unwrap_or_else(|| password::dummy_hash().to_owned());
    let verdict = password::verify_off_thread(given.clone(), stored).await?;
    let user = match (found, verdict) {
        (Some((user, _)), Verdict::Accepted | Verdict::AcceptedNeedsRehash) if user.is_active => {
            if verdict == Verdict::AcceptedNeedsRehash {
                upgrade_hash(conn, user.id, given).await;
            }
            user
        }
        // The attempt stays recorded as a failure.
        _ => return Err(invalid_credentials().into()),
    };
    logins::succeeded(conn, own).await?;
    let (refresh_token, digest) = token::generate();
    tokens::issue(conn, user.id, &digest, expires_at).await?;
    log::info!("user {} signed in from {client_ip}", user.username);
    Ok(Session {
        user_id: user.id,
        token_version: user.token_version,
        refresh_token,
    })
}

/// Stores a hash at today's parameters. A failure is logged, not fatal: the old hash
/// still works and the next sign-in tries again.
async fn upgrade_hash(conn: &mut AsyncPgConnection, user_id: Uuid, given: String) {
    let Ok(fresh) = password::hash_off_thread(given).await else {
        log::warn!("could not rehash the password of user {user_id}");
        return;
    };
    if let Err(e) = users::set_password_hash(conn, user_id, &fresh).await {
        log::warn!("could not store the upgraded hash of user {user_id}: {e}");
    }
}

/// Trades the refresh token `presented` for a new session at `now` (its successor valid
/// until `expires_at`). A token used twice means it was stolen: every session of the user
/// ends (refresh tokens revoked, access tokens dead through the token version) and the reuse
/// is audited under `origin` (where the request came from).
pub async fn refresh(
    conn: &mut AsyncPgConnection,
    presented: &str,
    (now, expires_at): (DateTime<Utc>, DateTime<Utc>),
    origin: AuditContext,
) -> Result<Session> {
    let (successor, successor_digest) = token::generate();
    let rotation = tokens::rotate(
        conn,
        &token::digest(presented),
        &successor_digest,
        now,
        expires_at,
    )
    .await?;
    match rotation {
        Rotation::Rotated { user_id, .. } => {
            let user = users::find(conn, user_id)
                .await?
                .filter(|u| u.is_active)
                .ok_or_else(invalid_refresh_token)?;
            Ok(Session {
                user_id: user.id,
                token_version: user.token_version,
                refresh_token: successor,
            })
        }
        Rotation::Reused { user_id, family_id } => {
            // Whoever holds the stolen token may also hold access tokens from it: every
            // session of the user ends now, and the person signs in again.
            user_admin::end_sessions(conn, user_id).await?;
            log::warn!("refresh token re-used for user {user_id}; every session ended");
            let ctx = AuditContext {
                actor_kind: "user",
                actor_id: Some(user_id),
                actor_name: "refresh token holder".to_owned(),
                ..origin
            };
            let change = Change {
                action: "session.refresh_token_reused",
                object_type: "user",
                object_id: user_id.to_string(),
                area_path: None,
                before: None,
                after: Some(
                    serde_json::json!({"family_id": family_id, "revoked": true, "sessions_ended": true}),
                ),
            };
            audit_log::record(conn, &ctx, change).await?;
            Err(invalid_refresh_token().into())
        }
        Rotation::Invalid => Err(invalid_refresh_token().into()),
    }
}

/// Revokes the refresh token `presented` and every token of the same sign-in; nothing is
/// said about whether it was known.
pub async fn sign_out(conn: &mut AsyncPgConnection, presented: &str) -> Result<()> {
    tokens::revoke_family_of(conn, &token::digest(presented)).await
}
