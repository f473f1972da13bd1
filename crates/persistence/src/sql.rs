//! Hand-written SQL that PostgreSQL parses and plans once per connection.
//!
//! Diesel never caches the prepared statement of a `sql_query` (its text could be built at
//! run time), so each one cost a round trip to prepare it and a fresh parse and plan
//! before the one that runs it. Creating a complaint sends about twenty such statements:
//! `make bench` measured the SQL of that request at 395 transactions/s prepared once
//! against 204 prepared every time. [`query`] takes only a `&'static str`, so the number of
//! distinct statements a connection caches stays bounded by the program's text.
//!
//! A statement is a literal, or one put together with `concat!` from literals (macros
//! returning the shared parts). A list whose filters are optional is built from only the
//! filters given: [`Cached::sql`] appends a literal fragment and [`Cached::param`] the
//! placeholder of the next bind, so its text is one of the finitely many combinations of
//! the program's fragments and stays safe to cache:
//!
//! ```ignore
//! let mut q = sql::query("SELECT … FROM complaints c WHERE c.area_path LIKE ANY($1)")
//!     .bind::<Array<Text>, _>(patterns);
//! if let Some(s) = status {
//!     q = q.sql(" AND c.status = ").param::<Text, _>(s);
//! }
//! q.sql(" ORDER BY c.id LIMIT ").param::<BigInt, _>(limit)
//! ```

use chrono::NaiveDate;
use diesel::{
    pg::Pg,
    query_builder::{AstPass, BoxedSqlQuery, Query, QueryFragment, QueryId, SqlQuery},
    result::QueryResult,
    serialize::ToSql,
    sql_types::HasSqlType,
    sql_types::{Date, Text, Uuid as SqlUuid},
};
use uuid::Uuid;

/// A literal SQL statement with its bind values, cached per connection once prepared.
#[must_use = "queries run only when executed or loaded"]
pub struct Cached<'f> {
    query: BoxedSqlQuery<'f, Pg, SqlQuery>,
    /// Values bound so far: the next placeholder is `$binds + 1`.
    binds: usize,
}

/// Starts a cached statement; bind values with [`Cached::bind`] as with `sql_query`.
pub fn query<'f>(sql: &'static str) -> Cached<'f> {
    Cached {
        query: diesel::sql_query(sql).into_boxed(),
        binds: 0,
    }
}

impl<'f> Cached<'f> {
    /// Binds the next value (`$1`, `$2`, … in order), whose placeholder the text holds.
    pub fn bind<ST, V>(self, value: V) -> Self
    where
        Pg: HasSqlType<ST>,
        V: ToSql<ST, Pg> + Send + 'f,
        ST: Send + 'f,
    {
        Cached {
            query: self.query.bind::<ST, V>(value),
            binds: self.binds + 1,
        }
    }

    /// Appends a literal fragment (a filter given, an `ORDER BY`).
    pub fn sql(self, fragment: &'static str) -> Self {
        Cached {
            query: self.query.sql(fragment),
            binds: self.binds,
        }
    }

    /// Appends the placeholder of the next bind (`$n`, numbered after the values bound so
    /// far) and binds `value` to it.
    pub fn param<ST, V>(self, value: V) -> Self
    where
        Pg: HasSqlType<ST>,
        V: ToSql<ST, Pg> + Send + 'f,
        ST: Send + 'f,
    {
        let placeholder = self.binds + 1;
        Cached {
            query: self.query.sql("$").sql(placeholder.to_string()),
            binds: self.binds,
        }
        .bind::<ST, V>(value)
    }

    /// Appends the placeholder of the value bound last, to use it once more.
    pub fn same_param(mut self) -> Self {
        self.query = self.query.sql("$").sql(self.binds.to_string());
        self
    }

    /// Appends `text` and `($n, $m)` bound to the cursor's name and id, when there is one:
    /// the keyset of pages by name.
    pub fn after_name(self, text: &'static str, after: Option<&(String, Uuid)>) -> Self {
        match after {
            Some((name, id)) => self
                .sql(text)
                .sql("(")
                .param::<Text, _>(name.clone())
                .sql(", ")
                .param::<SqlUuid, _>(*id)
                .sql(")"),
            None => self,
        }
    }

    /// Appends `text` and `($n, $m)` bound to the cursor's date and id, when there is one:
    /// the keyset of pages by date.
    pub fn after_date(self, text: &'static str, after: Option<&(NaiveDate, Uuid)>) -> Self {
        match after {
            Some((day, id)) => self
                .sql(text)
                .sql("(")
                .param::<Date, _>(*day)
                .sql(", ")
                .param::<SqlUuid, _>(*id)
                .sql(")"),
            None => self,
        }
    }

    /// Appends `text` and a placeholder bound to the value, when there is one.
    pub fn filter<ST, V>(self, text: &'static str, value: Option<V>) -> Self
    where
        Pg: HasSqlType<ST>,
        V: ToSql<ST, Pg> + Send + 'f,
        ST: Send + 'f,
    {
        self.filter_around::<ST, V>(text, value, "")
    }

    /// Appends `before`, a placeholder bound to the value and `after`, when there is one.
    pub fn filter_around<ST, V>(
        self,
        before: &'static str,
        value: Option<V>,
        after: &'static str,
    ) -> Self
    where
        Pg: HasSqlType<ST>,
        V: ToSql<ST, Pg> + Send + 'f,
        ST: Send + 'f,
    {
        match value {
            Some(v) => self.sql(before).param::<ST, V>(v).sql(after),
            None => self,
        }
    }
}

impl QueryFragment<Pg> for Cached<'_> {
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.query.walk_ast(pass)
    }

    // The text is a literal, or literals and placeholders put together: one of finitely
    // many statements, safe to keep prepared.
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

/// The one row of `sql`, which takes the caller's area patterns as `$1` and an id as `$2`:
/// the object if it lies in sight, `NotFound(what)` when it is unknown or out of sight.
pub async fn one_in_sight<T>(
    conn: &mut diesel_async::AsyncPgConnection,
    sql: &'static str,
    (patterns, id): (&[String], Uuid),
    what: &'static str,
) -> crate::error::StoreResult<T>
where
    T: diesel::QueryableByName<Pg> + Send + 'static,
{
    use diesel_async::RunQueryDsl;
    let rows: Vec<T> = query(sql)
        .bind::<diesel::sql_types::Array<Text>, _>(patterns)
        .bind::<SqlUuid, _>(id)
        .load(conn)
        .await?;
    rows.into_iter()
        .next()
        .ok_or_else(|| linli_domain::DomainError::NotFound(what).into())
}
