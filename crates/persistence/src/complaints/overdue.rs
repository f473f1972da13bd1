//! The overdue sweep: missed deadlines and escalation.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::complaint::Status;
use serde_json::json;
use uuid::Uuid;

use super::{Complaint, add_event};
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

#[derive(QueryableByName)]
struct Due {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// Marks complaints whose deadline passed as overdue and escalates them one level up the
/// area tree (community -> subdistrict -> district, 督办), once per missed deadline:
/// timeline entry, audit entry and `complaint.overdue` event each. Returns how many.
///
/// It also folds the deltas the triggers append to `complaint_status_counts` (see
/// [`counts`]) into one row per key, so badge reads stay small; sums are unchanged.
pub async fn sweep_overdue(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> StoreResult<usize> {
    crate::sql::query("SELECT complaint_status_counts_compact()")
        .execute(conn)
        .await?;
    let due: Vec<Due> = crate::sql::query(
        "SELECT id FROM complaints WHERE NOT overdue AND ( \
           (status = 'assigned' AND sign_by < $1) OR (status IN ('signed', 'in_progress') AND resolve_by < $1)) \
         ORDER BY id LIMIT 500",
    )
    .bind::<Timestamptz, _>(now)
    .load(conn)
    .await?;
    let ctx = AuditContext::system("SLA sweeper");
    let mut done = 0;
    for d in due {
        let swept = conn
            .transaction::<_, StoreError, _>(async |tx| {
                // Lock and re-check: another sweeper may have taken it meanwhile.
                let rows: Vec<Complaint> = crate::sql::query(concat!(complaint_select!(), " WHERE c.id = $1 AND NOT c.overdue FOR UPDATE OF c SKIP LOCKED"))
                    .bind::<SqlUuid, _>(d.id)
                    .load(tx)
                    .await?;
                let Some(c) = rows.into_iter().next() else {
                    return Ok(false);
                };
                let missed = if c.status() == Status::Assigned { "sign_by" } else { "resolve_by" };
                crate::sql::query(
                    "UPDATE complaints SET overdue = true, escalation_level = LEAST(2, escalation_level + 1), \
                     version = version + 1, updated_at = linli_now() WHERE id = $1",
                )
                .bind::<SqlUuid, _>(c.id)
                .execute(tx)
                .await?;
                let level = (c.escalation_level + 1).min(2);
                let to = if level >= 2 { "district" } else { "subdistrict" };
                let note = format!("超期（{missed}）督办至{} / overdue ({missed}); escalated to the {to}", if level >= 2 { "区" } else { "街道" });
                add_event(tx, &ctx, c.id, "escalate", Some(c.status()), c.status(), Some(&note)).await?;
                journal::record(tx, &ctx, Entry {
                    action: "complaint.overdue",
                    object_type: "complaint",
                    object_id: c.id.to_string(),
                    area_path: Some(c.area_path.clone()),
                    before: Some(json!({"overdue": false, "escalation_level": c.escalation_level})),
                    after: Some(json!({"overdue": true, "escalation_level": level, "missed": missed})),
                    event_data: json!({"complaint_id": c.id, "number": c.number, "missed": missed, "escalated_to": to, "escalation_level": level}),
                })
                .await?;
                Ok(true)
            })
            .await?;
        if swept {
            done += 1;
        }
    }
    Ok(done)
}
