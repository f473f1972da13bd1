//! The clock in SQL: `linli_now()` and `linli_today()` (migration 000013) are `now()` and
//! today's date in China shifted by the session's `linli.clock_offset`, which [`crate::Db`]
//! sets on every connection from the server's [`linli_domain::clock::Clock`]. Queries stamp
//! and compare times with these, never with `now()`, `current_date` or `crate::clock::linli_now()`,
//! so Rust and SQL read one clock.

diesel::define_sql_function! {
    /// `now()` by the server's clock.
    fn linli_now() -> Timestamptz;
}

diesel::define_sql_function! {
    /// Today's date in China by the server's clock.
    fn linli_today() -> Date;
}

/// The connection URL with `linli.clock_offset` set for every session, so that SQL's
/// `linli_now()` agrees with the server's clock. Nothing is added for the system clock.
pub fn url_with_clock(url: &str, clock: &linli_domain::clock::Clock) -> String {
    if !clock.is_shifted() {
        return url.to_owned();
    }
    crate::db::with_session_option(
        url,
        "linli.clock_offset",
        &clock.offset_seconds().to_string(),
    )
}
