//! The working-day calendar the deadlines are counted in.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::calendar::WorkingCalendar;
use serde_json::json;

use crate::{StoreError, audit_log::AuditContext, error::StoreResult};

/// The deadline `hours` working hours after `now`.
pub fn deadline(calendar: &WorkingCalendar, now: DateTime<Utc>, hours: i32) -> DateTime<Utc> {
    calendar.add_working_hours(now, i64::from(hours))
}

/// The working-day calendar as configured (public holidays and make-up working days).
pub async fn calendar(conn: &mut AsyncPgConnection) -> StoreResult<WorkingCalendar> {
    use crate::schema::calendar_days as d;
    let days: Vec<(chrono::NaiveDate, String)> =
        d::table.select((d::day, d::kind)).load(conn).await?;
    Ok(WorkingCalendar::from_days(
        days.into_iter().map(|(day, kind)| (day, kind == "holiday")),
    ))
}

/// One configured day.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct CalendarDay {
    pub day: chrono::NaiveDate,
    pub kind: String,
    pub note: String,
}

/// Configured days of a year.
pub async fn calendar_days(
    conn: &mut AsyncPgConnection,
    year: i32,
) -> StoreResult<Vec<CalendarDay>> {
    use crate::schema::calendar_days as d;
    let (from, to) = (
        chrono::NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
    );
    Ok(d::table
        .filter(d::day.between(from, to))
        .select((d::day, d::kind, d::note))
        .order(d::day.asc())
        .load(conn)
        .await?)
}

/// Sets (or, with `kind = None`, removes) a holiday or make-up working day; audited.
pub async fn set_calendar_day(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    day: chrono::NaiveDate,
    kind: Option<&str>,
    note: &str,
) -> StoreResult<()> {
    use crate::schema::calendar_days as d;
    conn.transaction::<_, StoreError, _>(async |tx| {
        match kind {
            Some(kind) => {
                diesel::insert_into(d::table)
                    .values((d::day.eq(day), d::kind.eq(kind), d::note.eq(note)))
                    .on_conflict(d::day)
                    .do_update()
                    .set((d::kind.eq(kind), d::note.eq(note)))
                    .execute(tx)
                    .await?;
            }
            None => {
                diesel::delete(d::table.find(day)).execute(tx).await?;
            }
        }
        crate::audit_log::record(
            tx,
            ctx,
            crate::audit_log::Change {
                action: "calendar_day.set",
                object_type: "calendar_day",
                object_id: day.to_string(),
                area_path: None,
                before: None,
                after: Some(json!({"kind": kind, "note": note})),
            },
        )
        .await?;
        Ok(())
    })
    .await
}
