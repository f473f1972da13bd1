//! What a container does when it starts (`linli start`): apply the migrations, load the demo
//! district only in demo mode (`LINLI_DEMO=1`), then serve. A production start therefore
//! never creates the demo's users and their well-known password.

use linli_domain::clock::Clock;
use linli_persistence::Db;
use linli_seed as demo;

/// What [`prepare`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// Migrations applied now.
    pub migrations: usize,
    /// Demo users created now (none outside demo mode).
    pub demo_users: usize,
}

/// Migrates `db`; in demo mode, also loads the demo district with `demo_password`.
pub async fn prepare(db: &Db, demo_mode: bool, demo_password: &str) -> Result<Prepared, String> {
    let migrations = db.migrate().await.map_err(|e| e.to_string())?;
    let demo_users = if demo_mode {
        seed_demo(db, demo_password, &db.clock())
            .await?
            .users_created
    } else {
        0
    };
    Ok(Prepared {
        migrations,
        demo_users,
    })
}

/// Loads the demo district (idempotent), its users with `password`.
pub async fn seed_demo(
    db: &Db,
    password: &str,
    clock: &Clock,
) -> Result<demo::demo::SeedReport, String> {
    let password = password.to_owned();
    let hash = tokio::task::spawn_blocking(move || linli_app::password::hash(&password))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    let mut conn = db.conn().await.map_err(|e| e.to_string())?;
    demo::seed(&mut conn, &hash, clock)
        .await
        .map_err(|e| e.to_string())
}
