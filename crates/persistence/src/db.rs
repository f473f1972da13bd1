//! The connection pool and embedded migrations.

use std::time::Duration;

use diesel_async::{
    AsyncMigrationHarness, AsyncPgConnection,
    pooled_connection::{
        AsyncDieselConnectionManager,
        deadpool::{Object, Pool},
    },
};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::StoreError;

/// Every migration under `migrations/`, compiled into the binary.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations");

/// A pooled connection.
pub type DbConn = Object<AsyncPgConnection>;

/// How the pool behaves.
#[derive(Debug, Clone)]
pub struct PoolSettings {
    /// Most connections held open at once.
    pub max_size: usize,
    /// How long a request waits for a free connection before it is told to retry later.
    pub checkout_timeout: Duration,
}

/// The application's handle on PostgreSQL.
#[derive(Clone)]
pub struct Db {
    pool: Pool<AsyncPgConnection>,
    checkout_timeout: Duration,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("status", &self.pool.status())
            .finish()
    }
}

/// Pool counters for health and metrics.
#[derive(Debug, Clone, Copy)]
pub struct PoolStatus {
    pub size: usize,
    pub available: usize,
    pub waiting: usize,
    pub max_size: usize,
}

impl Db {
    /// Builds a pool; connections open lazily, so this never blocks.
    pub fn connect(database_url: &str, settings: &PoolSettings) -> Result<Self, StoreError> {
        let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(database_url);
        let pool = Pool::builder(manager)
            .max_size(settings.max_size)
            .build()
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        Ok(Db {
            pool,
            checkout_timeout: settings.checkout_timeout,
        })
    }

    /// Takes a connection, waiting at most the checkout timeout.
    pub async fn conn(&self) -> Result<DbConn, StoreError> {
        match tokio::time::timeout(self.checkout_timeout, self.pool.get()).await {
            Ok(result) => Ok(result?),
            Err(_) => Err(StoreError::Unavailable(
                "no database connection free within the checkout timeout".to_owned(),
            )),
        }
    }

    /// Current pool counters.
    pub fn status(&self) -> PoolStatus {
        let s = self.pool.status();
        PoolStatus {
            size: s.size,
            available: s.available,
            waiting: s.waiting,
            max_size: s.max_size,
        }
    }

    /// Runs every pending migration and returns how many ran.
    ///
    /// Diesel's harness is synchronous and uses `block_in_place`, so this must run on a
    /// multi-threaded Tokio runtime.
    pub async fn migrate(&self) -> Result<usize, StoreError> {
        let conn = self.conn().await?;
        let mut harness = AsyncMigrationHarness::new(conn);
        let ran = harness
            .run_pending_migrations(MIGRATIONS)
            .map_err(|e| StoreError::Unavailable(format!("migration failed: {e}")))?;
        Ok(ran.len())
    }

    /// True when a trivial query succeeds.
    pub async fn ping(&self) -> bool {
        use diesel_async::RunQueryDsl;
        let Ok(mut conn) = self.conn().await else {
            return false;
        };
        crate::sql::query("SELECT 1")
            .execute(&mut conn)
            .await
            .is_ok()
    }
}
