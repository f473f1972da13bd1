//! The transactional outbox: domain events written with the change that causes them,
//! sequenced after commit, fanned out to webhook subscriptions, and readable as a feed.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Bool, Text},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::Value;
use uuid::Uuid;

use crate::{StoreError, error::StoreResult, schema::events};

/// Lock key of the single sequencer.
const SEQUENCER_LOCK: i64 = 4_301_110_004;
/// Events sequenced per pass.
const SEQUENCE_BATCH: i64 = 1000;

/// A change to announce. `payload` carries ids and changed fields, never personal data.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    /// `<module>.<verb>`, e.g. `compound.updated`.
    pub event_type: &'a str,
    pub area_path: Option<String>,
    pub subject_type: &'a str,
    pub subject_id: String,
    pub payload: Value,
}

/// A stored, sequenced event.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = events, check_for_backend(diesel::pg::Pg))]
pub struct Event {
    pub event_id: Uuid,
    pub seq: Option<i64>,
    #[diesel(column_name = type_)]
    pub event_type: String,
    pub occurred_at: DateTime<Utc>,
    pub area_path: Option<String>,
    pub subject_type: String,
    pub subject_id: String,
    pub payload: Value,
}

/// Writes an event. Call inside the transaction that makes the change: if it rolls back,
/// the event never existed.
pub async fn emit(conn: &mut AsyncPgConnection, event: NewEvent<'_>) -> StoreResult<Uuid> {
    let event_id = Uuid::now_v7();
    diesel::insert_into(events::table)
        .values((
            events::event_id.eq(event_id),
            events::type_.eq(event.event_type),
            events::area_path.eq(event.area_path),
            events::subject_type.eq(event.subject_type),
            events::subject_id.eq(event.subject_id),
            events::payload.eq(event.payload),
        ))
        .execute(conn)
        .await?;
    Ok(event_id)
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Bool)]
    locked: bool,
}

#[derive(QueryableByName)]
struct Sequenced {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    event_id: Uuid,
}

/// Gives committed, unsequenced events their feed position and creates a delivery for
/// every active subscription that wants each. Returns how many events were sequenced
/// (0 when another sequencer is busy: it will do the work).
pub async fn sequence(conn: &mut AsyncPgConnection) -> StoreResult<usize> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let locked: Locked = crate::sql::query("SELECT pg_try_advisory_xact_lock($1) AS locked")
            .bind::<BigInt, _>(SEQUENCER_LOCK)
        .get_result(tx)
        .await?;
        if !locked.locked {
            return Ok(0);
        }
        let done: Vec<Sequenced> = crate::sql::query(
            "WITH todo AS (SELECT id FROM events WHERE seq IS NULL ORDER BY id LIMIT $1), \
                  numbered AS (SELECT id, nextval('events_seq') AS seq FROM (SELECT id FROM todo ORDER BY id) t) \
             UPDATE events e SET seq = numbered.seq FROM numbered WHERE e.id = numbered.id \
             RETURNING e.event_id",
        )
        .bind::<BigInt, _>(SEQUENCE_BATCH)
        .load(tx)
        .await?;
        if done.is_empty() {
            return Ok(0);
        }
        let ids: Vec<Uuid> = done.iter().map(|d| d.event_id).collect();
        // Fan out: a subscription matches on its type patterns and its area subtree.
        crate::sql::query(
            "INSERT INTO webhook_deliveries (id, subscription_id, event_id) \
             SELECT gen_random_uuid(), s.id, e.event_id \
             FROM events e JOIN webhook_subscriptions s ON s.active \
             JOIN areas a ON a.id = s.area_id \
             WHERE e.event_id = ANY($1) \
               AND (e.area_path IS NULL OR e.area_path LIKE a.path || '%') \
               AND EXISTS (SELECT 1 FROM unnest(s.event_types) p \
                           WHERE p = '*' OR p = e.type OR (p LIKE '%.*' AND e.type LIKE left(p, -1) || '%')) \
             ON CONFLICT (subscription_id, event_id) DO NOTHING",
        )
        .bind::<Array<diesel::sql_types::Uuid>, _>(ids)
        .execute(tx)
        .await?;
        Ok(done.len())
    })
    .await
}

/// Filters of the feed.
#[derive(Debug, Clone)]
pub struct FeedFilter {
    /// `LIKE` prefixes of the caller's area subtrees.
    pub area_patterns: Vec<String>,
    /// Type prefixes the caller may see (`compound.`), or `None` for all.
    pub type_prefixes: Option<Vec<String>>,
    /// Exact types asked for, or `None` for all.
    pub types: Option<Vec<String>>,
    pub after_seq: i64,
    pub limit: i64,
}

/// Sequenced events after a position, in feed order.
pub async fn feed(conn: &mut AsyncPgConnection, filter: &FeedFilter) -> StoreResult<Vec<Event>> {
    let mut query = events::table
        .select(Event::as_select())
        .filter(events::seq.gt(filter.after_seq))
        .filter(
            diesel::dsl::sql::<Bool>("(events.area_path IS NULL OR events.area_path LIKE ANY(")
                .bind::<Array<Text>, _>(filter.area_patterns.clone())
                .sql("))"),
        )
        .into_boxed();
    if let Some(prefixes) = &filter.type_prefixes {
        let patterns: Vec<String> = prefixes.iter().map(|p| format!("{p}%")).collect();
        query = query.filter(
            diesel::dsl::sql::<Bool>("events.type LIKE ANY(")
                .bind::<Array<Text>, _>(patterns)
                .sql(")"),
        );
    }
    if let Some(types) = &filter.types {
        query = query.filter(events::type_.eq_any(types.clone()));
    }
    Ok(query
        .order(events::seq.asc())
        .limit(filter.limit)
        .load(conn)
        .await?)
}

/// One event by id.
pub async fn find(conn: &mut AsyncPgConnection, event_id: Uuid) -> StoreResult<Option<Event>> {
    Ok(events::table
        .filter(events::event_id.eq(event_id))
        .select(Event::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// Events not yet sequenced (a backlog metric).
pub async fn backlog(conn: &mut AsyncPgConnection) -> StoreResult<i64> {
    Ok(events::table
        .filter(events::seq.is_null())
        .count()
        .get_result(conn)
        .await?)
}
