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

use linli_domain::clock::Clock;

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
    /// The clock every connection's `linli_now()` follows (the system clock in production).
    pub clock: Clock,
}

/// The application's handle on PostgreSQL.
#[derive(Clone)]
pub struct Db {
    pool: Pool<AsyncPgConnection>,
    checkout_timeout: Duration,
    clock: Clock,
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
        let url = crate::clock::url_with_clock(database_url, &settings.clock);
        let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(url);
        let pool = Pool::builder(manager)
            .max_size(settings.max_size)
            .build()
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        Ok(Db {
            pool,
            checkout_timeout: settings.checkout_timeout,
            clock: settings.clock,
        })
    }

    /// The clock this database's sessions and the code using it read "now" from.
    pub fn clock(&self) -> Clock {
        self.clock
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

/// The connection URL with one more session setting (`-c name=value` in libpq's `options`),
/// added to any `options` the URL already has; a setting the URL names already is left as
/// the URL says.
pub fn with_session_option(url: &str, name: &str, value: &str) -> String {
    if url.contains(name) {
        return url.to_owned();
    }
    let setting = format!("-c%20{name}%3D{value}");
    if let Some(at) = url.find("options=") {
        let start = at + "options=".len();
        let end = url[start..].find('&').map_or(url.len(), |i| start + i);
        return format!("{}%20{setting}{}", &url[..end], &url[end..]);
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}options={setting}")
}

#[cfg(test)]
mod tests {
    use super::with_session_option;

    #[test]
    fn session_options_are_added_once_and_merged() {
        assert_eq!(
            with_session_option("postgres://h/db", "statement_timeout", "5000"),
            "postgres://h/db?options=-c%20statement_timeout%3D5000"
        );
        assert_eq!(
            with_session_option("postgres://h/db?sslmode=disable", "statement_timeout", "10"),
            "postgres://h/db?sslmode=disable&options=-c%20statement_timeout%3D10"
        );
        let both = with_session_option(
            &with_session_option("postgres://h/db?a=1", "statement_timeout", "10"),
            "linli.clock_offset",
            "-3600",
        );
        assert_eq!(
            both,
            "postgres://h/db?a=1&options=-c%20statement_timeout%3D10%20-c%20linli.clock_offset%3D-3600"
        );
        assert_eq!(with_session_option(&both, "linli.clock_offset", "1"), both);
        assert_eq!(
            with_session_option("postgres://h/db?options=-c%20x%3D1&b=2", "y", "2"),
            "postgres://h/db?options=-c%20x%3D1%20-c%20y%3D2&b=2"
        );
    }
}
