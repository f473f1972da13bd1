//! Hand-written SQL that PostgreSQL parses and plans once per connection.
//!
//! Diesel never caches the prepared statement of a `sql_query` (its text could be built at
//! run time), so each one cost a round trip to prepare it and a fresh parse and plan
//! before the one that runs it. Creating a complaint sends about twenty such statements:
//! `make bench` measured the SQL of that request at 395 transactions/s prepared once
//! against 204 prepared every time. [`query`] takes only a `&'static str`, so the number of
//! distinct statements a connection caches stays bounded by the program's text; SQL built
//! with `format!` keeps using `diesel::sql_query`.

use diesel::{
    pg::Pg,
    query_builder::{AstPass, BoxedSqlQuery, Query, QueryFragment, QueryId, SqlQuery},
    result::QueryResult,
    serialize::ToSql,
    sql_types::HasSqlType,
};

/// A literal SQL statement with its bind values, cached per connection once prepared.
#[must_use = "queries run only when executed or loaded"]
pub struct Cached<'f>(BoxedSqlQuery<'f, Pg, SqlQuery>);

/// Starts a cached statement; bind values with [`Cached::bind`] as with `sql_query`.
pub fn query<'f>(sql: &'static str) -> Cached<'f> {
    Cached(diesel::sql_query(sql).into_boxed())
}

impl<'f> Cached<'f> {
    /// Binds the next value (`$1`, `$2`, … in order).
    pub fn bind<ST, V>(self, value: V) -> Self
    where
        Pg: HasSqlType<ST>,
        V: ToSql<ST, Pg> + Send + 'f,
        ST: Send + 'f,
    {
        Cached(self.0.bind::<ST, V>(value))
    }
}

impl QueryFragment<Pg> for Cached<'_> {
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.0.walk_ast(pass)
    }

    // The text is a literal: the same statement every time, safe to keep prepared.
    fn is_safe_to_cache_prepared(&self, _backend: &Pg) -> QueryResult<bool> {
        Ok(true)
    }
}

impl QueryId for Cached<'_> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for Cached<'_> {
    type SqlType = diesel::sql_types::Untyped;
}

impl<Conn> diesel::RunQueryDsl<Conn> for Cached<'_> {}
