//! Service certificates.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{Date, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    registry::only_row,
};

/// A service certificate.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Certificate {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub code: String,
    #[diesel(sql_type = SqlUuid)]
    pub person_id: Uuid,
    #[diesel(sql_type = Text)]
    pub person_name: String,
    #[diesel(sql_type = Date)]
    pub period_from: NaiveDate,
    #[diesel(sql_type = Date)]
    pub period_to: NaiveDate,
    #[diesel(sql_type = Integer)]
    pub total_minutes: i32,
    #[diesel(sql_type = Integer)]
    pub activities: i32,
    #[diesel(sql_type = Timestamptz)]
    pub issued_at: DateTime<Utc>,
}

macro_rules! certificate_select {
    () => {
        "SELECT s.id, s.code, s.person_id, pe.name AS person_name, s.period_from, s.period_to, \
    s.total_minutes, s.activities, s.issued_at FROM service_certificates s JOIN people pe ON pe.id = s.person_id"
    };
}

/// Issues a certificate of a person's verified service over the period.
pub async fn issue_certificate(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    person_id: Uuid,
    from: NaiveDate,
    to: NaiveDate,
    code: &str,
) -> StoreResult<Certificate> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO service_certificates (id, code, person_id, period_from, period_to, total_minutes, activities, issued_by) \
             SELECT $1, $2, $3, $4, $5, COALESCE(sum(c.minutes), 0)::int, count(DISTINCT c.activity_id)::int, $6 FROM check_ins c \
             WHERE c.person_id = $3 AND c.verification = 'verified' AND (c.checked_in_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $4 AND $5",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<Text, _>(code)
        .bind::<SqlUuid, _>(person_id)
        .bind::<Date, _>(from)
        .bind::<Date, _>(to)
        .bind::<Nullable<SqlUuid>, _>(ctx.user_id())
        .execute(tx)
        .await?;
        journal::record(tx, ctx, Entry {
            action: "service_certificate.issued",
            object_type: "service_certificate",
            object_id: id.to_string(),
            area_path: None,
            before: None,
            after: Some(json!({"person_id": person_id, "period_from": from, "period_to": to, "code": code})),
            event_data: json!({"person_id": person_id}),
        })
        .await
    })
    .await?;
    let rows = crate::sql::query(concat!(certificate_select!(), " WHERE s.id = $1"))
        .bind::<SqlUuid, _>(id)
        .load(conn)
        .await?;
    only_row(rows, "certificate")
}

/// A certificate by its verification code (public check).
pub async fn certificate_by_code(
    conn: &mut AsyncPgConnection,
    code: &str,
) -> StoreResult<Certificate> {
    let rows = crate::sql::query(concat!(certificate_select!(), " WHERE s.code = $1"))
        .bind::<Text, _>(code)
        .load(conn)
        .await?;
    only_row(rows, "certificate")
}
