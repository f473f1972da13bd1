//! The governance registry's storage.

pub mod centres;
pub mod contracts;
pub mod indicators;
pub mod meetings;
pub mod organisations;
pub mod people;

use chrono::NaiveDate;
use diesel::{
    pg::Pg,
    query_builder::{AstPass, BoxedSqlQuery, Query, QueryFragment, QueryId, SqlQuery},
    result::QueryResult,
    serialize::ToSql,
    sql_types::{Array, Date, HasSqlType, Text, Uuid as SqlUuid},
};
use linli_domain::DomainError;
use uuid::Uuid;

use crate::error::StoreResult;

/// Binds for "this path lies in the scope": `LIKE ANY($n)` with the scope's patterns.
pub type Patterns = Array<Text>;

/// The one row a scoped lookup by id found; none means missing or out of scope, which
/// callers must not tell apart (both answer 404).
pub(crate) fn only_row<T>(rows: Vec<T>, what: &'static str) -> StoreResult<T> {
    rows.into_iter()
        .next()
        .ok_or_else(|| DomainError::NotFound(what).into())
}

/// A list statement built from its fixed text and only the filters a caller gave.
///
/// The text is put together from `&'static str` pieces and placeholders numbered in bind
/// order, so a statement has as many forms as combinations of its filters: few enough to
/// keep each one prepared per connection like [`crate::sql::query`].
#[must_use = "queries run only when executed or loaded"]
pub(crate) struct Listing<'f> {
    query: BoxedSqlQuery<'f, Pg, SqlQuery>,
    binds: usize,
}

impl<'f> Listing<'f> {
    /// Starts from fixed text; bind its own placeholders (`$1`, `$2`, …) with [`Self::bind`].
    pub(crate) fn new(sql: &'static str) -> Self {
        Listing {
            query: diesel::sql_query(sql).into_boxed(),
            binds: 0,
        }
    }

    /// Binds the next placeholder the text already holds.
    pub(crate) fn bind<ST, V>(mut self, value: V) -> Self
    where
        Pg: HasSqlType<ST>,
        V: ToSql<ST, Pg> + Send + 'f,
        ST: Send + 'f,
    {
        self.binds += 1;
        self.query = self.query.bind::<ST, V>(value);
        self
    }

    /// Appends fixed text.
    pub(crate) fn sql(mut self, text: &'static str) -> Self {
        self.query = self.query.sql(text);
        self
    }

    /// Appends the next placeholder and binds the value to it.
    pub(crate) fn param<ST, V>(mut self, value: V) -> Self
    where
        Pg: HasSqlType<ST>,
        V: ToSql<ST, Pg> + Send + 'f,
        ST: Send + 'f,
    {
        self.query = self.query.sql("$").sql((self.binds + 1).to_string());
        self.bind::<ST, V>(value)
    }

    /// Appends the placeholder of the value bound last, to use it once more.
    pub(crate) fn same_param(mut self) -> Self {
        self.query = self.query.sql("$").sql(self.binds.to_string());
        self
    }

    /// Appends `text` and `($n, $m)` bound to the cursor's name and id, when there is one:
    /// the keyset of pages by name.
    pub(crate) fn after_name(self, text: &'static str, after: Option<&(String, Uuid)>) -> Self {
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
    pub(crate) fn after_date(self, text: &'static str, after: Option<&(NaiveDate, Uuid)>) -> Self {
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
    pub(crate) fn filter<ST, V>(self, text: &'static str, value: Option<V>) -> Self
    where
        Pg: HasSqlType<ST>,
        V: ToSql<ST, Pg> + Send + 'f,
        ST: Send + 'f,
    {
        self.filter_around::<ST, V>(text, value, "")
    }

    /// Appends `before`, a placeholder bound to the value and `after`, when there is one.
    pub(crate) fn filter_around<ST, V>(
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

impl QueryFragment<Pg> for Listing<'_> {
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.query.walk_ast(pass)
    }

    // Static pieces and numbered placeholders: a bounded set of texts, safe to keep prepared.
    fn is_safe_to_cache_prepared(&self, _backend: &Pg) -> QueryResult<bool> {
        Ok(true)
    }
}

impl QueryId for Listing<'_> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for Listing<'_> {
    type SqlType = diesel::sql_types::Untyped;
}

impl<Conn> diesel::RunQueryDsl<Conn> for Listing<'_> {}
