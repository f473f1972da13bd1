//! Reports (报到) of party members to compounds.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    volunteering::{ReportAction, ReportStatus, report_step},
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    registry::only_row,
};

/// A party member's report to a compound.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Report {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub person_id: Uuid,
    #[diesel(sql_type = Text)]
    pub person_name: String,
    #[diesel(sql_type = SqlUuid)]
    pub compound_id: Uuid,
    #[diesel(sql_type = Text)]
    pub compound_name: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub employer: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub note: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub decline_reason: Option<String>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub decided_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Timestamptz)]
    pub requested_at: DateTime<Utc>,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    /// `status`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = status)]
    checked_status: crate::error::Code<ReportStatus>,
}

impl Report {
    /// The stored status.
    pub fn status(&self) -> ReportStatus {
        self.checked_status.0
    }
}

macro_rules! report_select {
    () => {
        "SELECT r.id, r.person_id, pe.name AS person_name, r.compound_id, a.name AS compound_name, r.area_path, \
    r.employer, r.status, r.note, r.decline_reason, r.decided_at, r.requested_at, r.version \
    FROM reports r JOIN people pe ON pe.id = r.person_id JOIN areas a ON a.id = r.compound_id"
    };
}

/// Reports in the scope (or of one person), newest first.
pub async fn reports(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    person: Option<Uuid>,
    status: Option<&str>,
    limit: i64,
) -> StoreResult<Vec<Report>> {
    Ok(crate::sql::query(concat!(
        report_select!(),
        " WHERE (r.area_path LIKE ANY($1) OR r.person_id = $2)"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<Nullable<SqlUuid>, _>(person)
    .filter::<Text, _>(" AND r.status = ", status)
    .sql(" ORDER BY r.requested_at DESC LIMIT ")
    .param::<BigInt, _>(limit)
    .load(conn)
    .await?)
}

/// One report visible by scope or as the member's own.
pub async fn report(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    person: Option<Uuid>,
    id: Uuid,
) -> StoreResult<Report> {
    let rows = crate::sql::query(concat!(
        report_select!(),
        " WHERE r.id = $3 AND (r.area_path LIKE ANY($1) OR r.person_id = $2)"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<Nullable<SqlUuid>, _>(person)
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?;
    only_row(rows, "report")
}

/// Files a report request; one active report per person (the database refuses a second).
pub async fn request_report(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    person_id: Uuid,
    compound_id: Uuid,
    area_path: &str,
    note: Option<&str>,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO reports (id, person_id, compound_id, area_path, employer, note) \
             SELECT $1, $2, $3, $4, pe.employer, $5 FROM people pe WHERE pe.id = $2",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<SqlUuid, _>(person_id)
        .bind::<SqlUuid, _>(compound_id)
        .bind::<Text, _>(area_path)
        .bind::<Nullable<Text>, _>(note)
        .execute(tx)
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Domain(DomainError::Conflict(c)) if c.contains("one_active") => {
                StoreError::Domain(DomainError::WrongState {
                    code: "report_active",
                    detail: "您已有一个待确认或已确认的报到，请先撤回或结束它 / you already have an active report; withdraw or end it first".into(),
                    allowed: vec![],
                })
            }
            other => other,
        })?;
        journal::record(tx, ctx, Entry {
            action: "report.requested",
            object_type: "report",
            object_id: id.to_string(),
            area_path: Some(area_path.to_owned()),
            before: None,
            after: Some(json!({"person_id": person_id, "compound_id": compound_id, "note": note})),
            event_data: json!({"person_id": person_id, "compound_id": compound_id}),
        })
        .await
    })
    .await?;
    Ok(id)
}

/// Confirms, declines, withdraws or ends a report.
pub async fn decide_report(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Report,
    action: ReportAction,
    reason: Option<&str>,
) -> StoreResult<()> {
    let to = report_step(current.status(), action)?;
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = crate::sql::query(
            "UPDATE reports SET status = $2, decided_by = $3, decided_at = linli_now(), decline_reason = $4, version = version + 1 \
             WHERE id = $1 AND version = $5",
        )
        .bind::<SqlUuid, _>(current.id)
        .bind::<Text, _>(to.as_str())
        .bind::<Nullable<SqlUuid>, _>(ctx.user_id())
        .bind::<Nullable<Text>, _>(reason)
        .bind::<BigInt, _>(current.version)
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        journal::record(tx, ctx, Entry {
            action: "report.status_changed",
            object_type: "report",
            object_id: current.id.to_string(),
            area_path: Some(current.area_path.clone()),
            before: Some(json!({"status": current.status().as_str()})),
            after: Some(json!({"status": to.as_str(), "reason": reason})),
            event_data: json!({"person_id": current.person_id, "compound_id": current.compound_id,
                "from": current.status().as_str(), "to": to.as_str()}),
        })
        .await
    })
    .await
}
