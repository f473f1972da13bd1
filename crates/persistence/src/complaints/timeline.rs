//! A complaint's timeline.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::complaint::Status;
use uuid::Uuid;

use crate::{audit_log::AuditContext, error::StoreResult};

/// One timeline entry.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct TimelineEntry {
    #[diesel(sql_type = Text)]
    pub action: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub from_status: Option<String>,
    #[diesel(sql_type = Text)]
    pub to_status: String,
    #[diesel(sql_type = Text)]
    pub actor_kind: String,
    #[diesel(sql_type = Text)]
    pub actor_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub note: Option<String>,
    #[diesel(sql_type = Timestamptz)]
    pub at: DateTime<Utc>,
}

/// The timeline, oldest first.
pub async fn timeline(conn: &mut AsyncPgConnection, id: Uuid) -> StoreResult<Vec<TimelineEntry>> {
    Ok(crate::sql::query(
        "SELECT action, from_status, to_status, actor_kind, actor_name, note, at FROM complaint_events \
         WHERE complaint_id = $1 ORDER BY id",
    )
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?)
}

pub(super) async fn add_event(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    id: Uuid,
    action: &str,
    from: Option<Status>,
    to: Status,
    note: Option<&str>,
) -> StoreResult<()> {
    crate::sql::query(
        "INSERT INTO complaint_events (complaint_id, action, from_status, to_status, actor_kind, actor_id, actor_name, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<Text, _>(action)
    .bind::<Nullable<Text>, _>(from.map(Status::as_str))
    .bind::<Text, _>(to.as_str())
    .bind::<Text, _>(ctx.actor_kind)
    .bind::<Nullable<SqlUuid>, _>(ctx.actor_id)
    .bind::<Text, _>(&ctx.actor_name)
    .bind::<Nullable<Text>, _>(note)
    .execute(tx)
    .await?;
    Ok(())
}
