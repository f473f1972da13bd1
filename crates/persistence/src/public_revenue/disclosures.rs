//! Published disclosures (公示).

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, Date, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, public_revenue::Summary};
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

/// A published disclosure (公示).
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Disclosure {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub compound_id: Uuid,
    #[diesel(sql_type = Text)]
    pub compound_name: String,
    #[diesel(sql_type = Date)]
    pub period_from: NaiveDate,
    #[diesel(sql_type = Date)]
    pub period_to: NaiveDate,
    #[diesel(sql_type = diesel::sql_types::Jsonb)]
    pub summary: serde_json::Value,
    #[diesel(sql_type = Nullable<Text>)]
    pub note: Option<String>,
    #[diesel(sql_type = Text)]
    pub publisher: String,
    #[diesel(sql_type = Timestamptz)]
    pub published_at: DateTime<Utc>,
}

macro_rules! disclosure_select {
    () => {
        "SELECT d.id, d.compound_id, a.name AS compound_name, d.period_from, d.period_to, \
    d.summary, d.note, d.publisher, d.published_at FROM disclosures d JOIN areas a ON a.id = d.compound_id"
    };
}

/// A compound's disclosures, newest first.
pub async fn disclosures(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
) -> StoreResult<Vec<Disclosure>> {
    Ok(crate::sql::query(concat!(
        disclosure_select!(),
        " WHERE d.compound_id = $1 ORDER BY d.published_at DESC LIMIT 200"
    ))
    .bind::<SqlUuid, _>(compound_id)
    .load(conn)
    .await?)
}

/// One disclosure within the scope's compounds.
pub async fn disclosure(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Disclosure> {
    let rows: Vec<Disclosure> = crate::sql::query(concat!(
        disclosure_select!(),
        " WHERE d.id = $1 AND d.area_path LIKE ANY($2)"
    ))
    .bind::<SqlUuid, _>(id)
    .bind::<Array<Text>, _>(patterns)
    .load(conn)
    .await?;
    rows.into_iter()
        .next()
        .ok_or_else(|| DomainError::NotFound("disclosure").into())
}

/// A disclosure to publish: the figures are computed by the caller from the ledger.
#[derive(Debug, Clone)]
pub struct NewDisclosure {
    pub compound_id: Uuid,
    pub area_path: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub summary: Summary,
    pub note: Option<String>,
    pub publisher: String,
}

/// Publishes a disclosure, audited and announced.
pub async fn publish(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    new: &NewDisclosure,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    let summary = serde_json::to_value(&new.summary)
        .map_err(|e| StoreError::Query(diesel::result::Error::SerializationError(Box::new(e))))?;
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO disclosures (id, compound_id, area_path, period_from, period_to, summary, note, published_by, publisher) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<SqlUuid, _>(new.compound_id)
        .bind::<Text, _>(&new.area_path)
        .bind::<Date, _>(new.period_from)
        .bind::<Date, _>(new.period_to)
        .bind::<diesel::sql_types::Jsonb, _>(&summary)
        .bind::<Nullable<Text>, _>(new.note.as_deref())
        .bind::<Nullable<SqlUuid>, _>(ctx.user_id())
        .bind::<Text, _>(&new.publisher)
        .execute(tx)
        .await?;
        let data = json!({"compound_id": new.compound_id, "period_from": new.period_from, "period_to": new.period_to});
        journal::record(
            tx,
            ctx,
            Entry {
                action: "disclosure.published",
                object_type: "disclosure",
                object_id: id.to_string(),
                area_path: Some(new.area_path.clone()),
                before: None,
                after: Some(json!({"compound_id": new.compound_id, "period_from": new.period_from,
                    "period_to": new.period_to, "summary": &summary, "note": new.note})),
                event_data: data,
            },
        )
        .await
    })
    .await?;
    Ok(id)
}
