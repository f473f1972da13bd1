//! Check-ins, check-outs, verification of hours and the sweep of forgotten check-outs.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{
        Array, BigInt, Bool, Double, Integer, Jsonb, Nullable, Text, Timestamptz, Uuid as SqlUuid,
    },
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::DomainError;
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    registry::only_row,
};

/// Where a check-in happens: a centre, or the compound of an activity.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Place {
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub activity_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub centre_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub compound_id: Option<Uuid>,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Nullable<Double>)]
    pub lat: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub lon: Option<f64>,
    #[diesel(sql_type = Integer)]
    pub radius_m: i32,
    #[diesel(sql_type = Nullable<Jsonb>)]
    pub opening_hours: Option<serde_json::Value>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub starts_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub ends_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Text>)]
    pub activity_status: Option<String>,
}

/// The place of an activity.
pub async fn activity_place(conn: &mut AsyncPgConnection, activity_id: Uuid) -> StoreResult<Place> {
    let rows = crate::sql::query(
        "SELECT a.id AS activity_id, a.centre_id, a.compound_id, a.title AS name, a.area_path, \
           COALESCE(nc.lat, cp.lat) AS lat, COALESCE(nc.lon, cp.lon) AS lon, \
           COALESCE(nc.geofence_radius_m, $2) AS radius_m, nc.opening_hours, a.starts_at, a.ends_at, a.status AS activity_status \
         FROM activities a LEFT JOIN neighbourhood_centres nc ON nc.id = a.centre_id LEFT JOIN compounds cp ON cp.id = a.compound_id \
         WHERE a.id = $1",
    )
    .bind::<SqlUuid, _>(activity_id)
    .bind::<Integer, _>(linli_domain::volunteering::COMPOUND_RADIUS_M)
    .load(conn)
    .await?;
    only_row(rows, "activity")
}

/// The place of a centre (drop-in service without an activity).
pub async fn centre_place(conn: &mut AsyncPgConnection, centre_id: Uuid) -> StoreResult<Place> {
    let rows = crate::sql::query(
        "SELECT NULL::uuid AS activity_id, nc.id AS centre_id, NULL::uuid AS compound_id, nc.name, ca.path AS area_path, \
           nc.lat, nc.lon, nc.geofence_radius_m AS radius_m, nc.opening_hours, NULL::timestamptz AS starts_at, \
           NULL::timestamptz AS ends_at, NULL::text AS activity_status \
         FROM neighbourhood_centres nc JOIN areas ca ON ca.id = nc.community_id WHERE nc.id = $1",
    )
    .bind::<SqlUuid, _>(centre_id)
    .load(conn)
    .await?;
    only_row(rows, "centre")
}

/// A check-in with its person and place.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct CheckIn {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub person_id: Uuid,
    #[diesel(sql_type = Text)]
    pub person_name: String,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub activity_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub activity_title: Option<String>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub team_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub centre_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub compound_id: Option<Uuid>,
    #[diesel(sql_type = Text)]
    pub place_name: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Text)]
    pub method: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub client_id: Option<String>,
    #[diesel(sql_type = Timestamptz)]
    pub checked_in_at: DateTime<Utc>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub checked_out_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Double>)]
    pub distance_m: Option<f64>,
    #[diesel(sql_type = Nullable<Integer>)]
    pub minutes: Option<i32>,
    #[diesel(sql_type = Bool)]
    pub flagged: bool,
    #[diesel(sql_type = Nullable<Text>)]
    pub flag_reason: Option<String>,
    #[diesel(sql_type = Text)]
    pub verification: String,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub verified_at: Option<DateTime<Utc>>,
}

macro_rules! check_in_select {
    () => {
        "SELECT c.id, c.person_id, pe.name AS person_name, c.activity_id, a.title AS activity_title, a.team_id, \
    c.centre_id, c.compound_id, COALESCE(nc.name, ca.name, '') AS place_name, c.area_path, c.method, c.client_id, c.checked_in_at, \
    c.checked_out_at, c.distance_m, c.minutes, c.flagged, c.flag_reason, c.verification, c.verified_at \
    FROM check_ins c JOIN people pe ON pe.id = c.person_id LEFT JOIN activities a ON a.id = c.activity_id \
    LEFT JOIN neighbourhood_centres nc ON nc.id = c.centre_id LEFT JOIN areas ca ON ca.id = c.compound_id"
    };
}

/// A check-in to record.
#[derive(Debug, Clone)]
pub struct NewCheckIn {
    pub id: Uuid,
    pub person_id: Uuid,
    pub place: Place,
    pub method: &'static str,
    pub client_id: Option<String>,
    pub at: DateTime<Utc>,
    pub position: Option<(f64, f64, f64)>,
    pub distance_m: Option<f64>,
}

fn already_in() -> StoreError {
    DomainError::WrongState {
        code: "already_checked_in",
        detail: "您已签到，请先签退再签到 / you are checked in already; check out first".into(),
        allowed: vec![],
    }
    .into()
}

/// Records a check-in. A second open check-in of the person is refused by the database,
/// also when two requests arrive together.
pub async fn check_in(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    c: &NewCheckIn,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO check_ins (id, person_id, activity_id, centre_id, compound_id, area_path, method, client_id, checked_in_at, \
               lat, lon, accuracy_m, distance_m) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind::<SqlUuid, _>(c.id)
        .bind::<SqlUuid, _>(c.person_id)
        .bind::<Nullable<SqlUuid>, _>(c.place.activity_id)
        .bind::<Nullable<SqlUuid>, _>(c.place.centre_id)
        .bind::<Nullable<SqlUuid>, _>(c.place.compound_id)
        .bind::<Text, _>(&c.place.area_path)
        .bind::<Text, _>(c.method)
        .bind::<Nullable<Text>, _>(c.client_id.as_deref())
        .bind::<Timestamptz, _>(c.at)
        .bind::<Nullable<Double>, _>(c.position.map(|p| p.0))
        .bind::<Nullable<Double>, _>(c.position.map(|p| p.1))
        .bind::<Nullable<Double>, _>(c.position.map(|p| p.2))
        .bind::<Nullable<Double>, _>(c.distance_m)
        .execute(tx)
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Domain(DomainError::Conflict(k)) if k.contains("one_open") => already_in(),
            other => other,
        })?;
        journal::record(tx, ctx, Entry {
            action: "check_in.recorded",
            object_type: "check_in",
            object_id: c.id.to_string(),
            area_path: Some(c.place.area_path.clone()),
            before: None,
            after: Some(json!({"person_id": c.person_id, "activity_id": c.place.activity_id, "centre_id": c.place.centre_id,
                "method": c.method, "at": c.at, "distance_m": c.distance_m, "client_id": c.client_id})),
            event_data: json!({"person_id": c.person_id, "activity_id": c.place.activity_id, "centre_id": c.place.centre_id, "method": c.method}),
        })
        .await
    })
    .await
}

/// The person's open check-in, if any.
pub async fn open_check_in(
    conn: &mut AsyncPgConnection,
    person_id: Uuid,
) -> StoreResult<Option<CheckIn>> {
    let rows: Vec<CheckIn> = crate::sql::query(concat!(
        check_in_select!(),
        " WHERE c.person_id = $1 AND c.checked_out_at IS NULL"
    ))
    .bind::<SqlUuid, _>(person_id)
    .load(conn)
    .await?;
    Ok(rows.into_iter().next())
}

/// One check-in by id, within the scope or the person's own.
pub async fn find_check_in(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    person: Option<Uuid>,
    id: Uuid,
) -> StoreResult<CheckIn> {
    let rows = crate::sql::query(concat!(
        check_in_select!(),
        " WHERE c.id = $3 AND (c.area_path LIKE ANY($1) OR c.person_id = $2)"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<Nullable<SqlUuid>, _>(person)
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?;
    only_row(rows, "check-in")
}

/// The check-in an offline check-out refers to, by the phone's id for it.
pub async fn by_client_id(
    conn: &mut AsyncPgConnection,
    client_id: &str,
) -> StoreResult<Option<CheckIn>> {
    let rows: Vec<CheckIn> = crate::sql::query(concat!(
        check_in_select!(),
        " WHERE c.client_id = $1 OR c.checkout_client_id = $1"
    ))
    .bind::<Text, _>(client_id)
    .load(conn)
    .await?;
    Ok(rows.into_iter().next())
}

/// Closes a check-in at `at` with its minutes; `flag` marks an automatic close.
pub async fn check_out(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    c: &CheckIn,
    at: DateTime<Utc>,
    client_id: Option<&str>,
    flag: Option<&str>,
) -> StoreResult<i64> {
    let minutes = linli_domain::volunteering::minutes_between(c.checked_in_at, at);
    conn.transaction::<_, StoreError, _>(async |tx| {
        let n = crate::sql::query(
            "UPDATE check_ins SET checked_out_at = $2, minutes = $3, checkout_client_id = $4, \
               flagged = flagged OR $5::text IS NOT NULL, flag_reason = COALESCE($5, flag_reason) \
             WHERE id = $1 AND checked_out_at IS NULL",
        )
        .bind::<SqlUuid, _>(c.id)
        .bind::<Timestamptz, _>(at.max(c.checked_in_at))
        .bind::<Integer, _>(i32::try_from(minutes).unwrap_or(0))
        .bind::<Nullable<Text>, _>(client_id)
        .bind::<Nullable<Text>, _>(flag)
        .execute(tx)
        .await?;
        if n == 0 {
            return Err(DomainError::WrongState {
                code: "already_checked_out",
                detail: "该签到已签退 / already checked out".into(),
                allowed: vec![],
            }
            .into());
        }
        journal::record(tx, ctx, Entry {
            action: if flag.is_some() { "check_in.auto_closed" } else { "check_in.checked_out" },
            object_type: "check_in",
            object_id: c.id.to_string(),
            area_path: Some(c.area_path.clone()),
            before: Some(json!({"checked_out_at": null})),
            after: Some(json!({"checked_out_at": at, "minutes": minutes, "flag": flag})),
            event_data: json!({"person_id": c.person_id, "activity_id": c.activity_id, "minutes": minutes, "flagged": flag.is_some()}),
        })
        .await
    })
    .await?;
    Ok(minutes)
}

/// Filters of the check-in list.
#[derive(Debug, Clone, Default)]
pub struct CheckInFilter {
    pub person_id: Option<Uuid>,
    pub activity_id: Option<Uuid>,
    pub centre_id: Option<Uuid>,
    pub open: Option<bool>,
    pub verification: Option<String>,
    pub flagged: Option<bool>,
    /// Teams the viewer leads: their activities' check-ins are visible too.
    pub teams: Option<Vec<Uuid>>,
}

/// Check-ins visible by scope, by the teams the viewer leads, or as the viewer's own,
/// newest first.
pub async fn check_ins(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    viewer: Option<Uuid>,
    f: &CheckInFilter,
    limit: i64,
) -> StoreResult<Vec<CheckIn>> {
    Ok(crate::sql::query(concat!(
        check_in_select!(),
        " WHERE (c.area_path LIKE ANY($1) OR a.team_id = ANY($2) OR c.person_id = $3)"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<Array<SqlUuid>, _>(f.teams.clone().unwrap_or_default())
    .bind::<Nullable<SqlUuid>, _>(viewer)
    .filter::<SqlUuid, _>(" AND c.person_id = ", f.person_id)
    .filter::<SqlUuid, _>(" AND c.activity_id = ", f.activity_id)
    .filter::<SqlUuid, _>(" AND c.centre_id = ", f.centre_id)
    .filter::<Bool, _>(" AND (c.checked_out_at IS NULL) = ", f.open)
    .filter::<Text, _>(" AND c.verification = ", f.verification.as_deref())
    .filter::<Bool, _>(" AND c.flagged = ", f.flagged)
    .sql(" ORDER BY c.checked_in_at DESC LIMIT ")
    .param::<BigInt, _>(limit)
    .load(conn)
    .await?)
}

/// Verifies (or rejects) a closed check-in's hours.
pub async fn verify(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    c: &CheckIn,
    accepted: bool,
) -> StoreResult<()> {
    if c.checked_out_at.is_none() {
        return Err(DomainError::WrongState {
            code: "still_checked_in",
            detail: "尚未签退，不能核验时长 / not checked out yet".into(),
            allowed: vec![],
        }
        .into());
    }
    let to = if accepted { "verified" } else { "rejected" };
    conn.transaction::<_, StoreError, _>(async |tx| {
        let n = crate::sql::query(
            "UPDATE check_ins SET verification = $2, verified_by = $3, verified_at = linli_now() WHERE id = $1 AND verification = 'pending'",
        )
        .bind::<SqlUuid, _>(c.id)
        .bind::<Text, _>(to)
        .bind::<Nullable<SqlUuid>, _>(ctx.user_id())
        .execute(tx)
        .await?;
        if n == 0 {
            return Err(DomainError::WrongState {
                code: "already_verified",
                detail: "该记录已核验 / already verified".into(),
                allowed: vec![],
            }
            .into());
        }
        journal::record(tx, ctx, Entry {
            action: "check_in.verified",
            object_type: "check_in",
            object_id: c.id.to_string(),
            area_path: Some(c.area_path.clone()),
            before: Some(json!({"verification": "pending"})),
            after: Some(json!({"verification": to, "minutes": c.minutes})),
            event_data: json!({"person_id": c.person_id, "minutes": c.minutes, "verification": to}),
        })
        .await
    })
    .await
}

/// Closes forgotten check-outs whose time has come (activity end, centre closing time, or
/// the eight-hour cap), flagged for review. Returns how many were closed.
pub async fn sweep_forgotten(
    conn: &mut AsyncPgConnection,
    now: DateTime<Utc>,
) -> StoreResult<usize> {
    #[derive(QueryableByName)]
    struct Open {
        #[diesel(sql_type = SqlUuid)]
        id: Uuid,
        #[diesel(sql_type = Timestamptz)]
        checked_in_at: DateTime<Utc>,
        #[diesel(sql_type = Nullable<Timestamptz>)]
        ends_at: Option<DateTime<Utc>>,
        #[diesel(sql_type = Nullable<Jsonb>)]
        opening_hours: Option<serde_json::Value>,
    }
    let open: Vec<Open> = crate::sql::query(
        "SELECT c.id, c.checked_in_at, a.ends_at, nc.opening_hours FROM check_ins c LEFT JOIN activities a ON a.id = c.activity_id \
         LEFT JOIN neighbourhood_centres nc ON nc.id = c.centre_id WHERE c.checked_out_at IS NULL AND c.checked_in_at < $1 \
         ORDER BY c.checked_in_at LIMIT 5000",
    )
    .bind::<Timestamptz, _>(now)
    .load(conn)
    .await?;
    let ctx = AuditContext::system("check-out sweeper");
    let mut closed = 0;
    for o in open {
        // Decide from the listing; load the full record only of those that are due.
        let hours: linli_domain::registry::OpeningHours = o
            .opening_hours
            .and_then(|h| serde_json::from_value(h).ok())
            .unwrap_or_default();
        let closes = linli_domain::volunteering::closing_time(&hours, o.checked_in_at);
        let Some(at) =
            linli_domain::volunteering::auto_close_at(o.checked_in_at, o.ends_at, closes, now)
        else {
            continue;
        };
        let Some(c) = find_check_in(conn, &["%".to_owned()], None, o.id)
            .await
            .ok()
        else {
            continue;
        };
        match check_out(conn, &ctx, &c, at, None, Some("forgotten_check_out")).await {
            Ok(_) => closed += 1,
            Err(StoreError::Domain(DomainError::WrongState { .. })) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(closed)
}
