//! Volunteer service: reports (报到), team members, activities and sign-ups, check-ins,
//! verification of hours, certificates and the figures built on them.
//!
//! The database holds the rules counts depend on: one active report per person, one open
//! check-in per person, never more sign-ups than places (trigger under the activity's lock).

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{
        Array, BigInt, Bool, Date, Double, Integer, Jsonb, Nullable, Text, Timestamptz,
        Uuid as SqlUuid,
    },
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
    audit::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    registry::only_row,
};

/// The person record a user acts as.
pub async fn person_of_user(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
) -> StoreResult<Option<Uuid>> {
    use crate::schema::users;
    Ok(users::table
        .find(user_id)
        .select(users::person_id)
        .first::<Option<Uuid>>(conn)
        .await
        .optional()?
        .flatten())
}

/// Links a user to a person record.
pub async fn link_user(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    person_id: Uuid,
) -> StoreResult<()> {
    use crate::schema::users;
    diesel::update(users::table.find(user_id))
        .set(users::person_id.eq(Some(person_id)))
        .execute(conn)
        .await?;
    Ok(())
}

// ---- reports --------------------------------------------------------------------------

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
    #[diesel(sql_type = Text)]
    pub status: String,
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

const REPORT_SELECT: &str = "SELECT r.id, r.person_id, pe.name AS person_name, r.compound_id, a.name AS compound_name, r.area_path, \
    r.employer, r.status, r.note, r.decline_reason, r.decided_at, r.requested_at, r.version \
    FROM reports r JOIN people pe ON pe.id = r.person_id JOIN areas a ON a.id = r.compound_id";

/// Reports in the scope (or of one person), newest first.
pub async fn reports(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    person: Option<Uuid>,
    status: Option<&str>,
    limit: i64,
) -> StoreResult<Vec<Report>> {
    Ok(diesel::sql_query(format!(
        "{REPORT_SELECT} WHERE (r.area_path LIKE ANY($1) OR r.person_id = $2) AND ($3::text IS NULL OR r.status = $3) \
         ORDER BY r.requested_at DESC LIMIT $4"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<Nullable<SqlUuid>, _>(person)
    .bind::<Nullable<Text>, _>(status)
    .bind::<BigInt, _>(limit)
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
    let rows = diesel::sql_query(format!(
        "{REPORT_SELECT} WHERE r.id = $3 AND (r.area_path LIKE ANY($1) OR r.person_id = $2)"
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
            before: Some(json!({"status": current.status})),
            after: Some(json!({"status": to.as_str(), "reason": reason})),
            event_data: json!({"person_id": current.person_id, "compound_id": current.compound_id,
                "from": current.status, "to": to.as_str()}),
        })
        .await
    })
    .await
}

// ---- teams ---------------------------------------------------------------------------

/// A member of a volunteer team.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct TeamMember {
    #[diesel(sql_type = SqlUuid)]
    pub team_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub person_id: Uuid,
    #[diesel(sql_type = Text)]
    pub person_name: String,
    #[diesel(sql_type = Text)]
    pub role: String,
    #[diesel(sql_type = Date)]
    pub joined_on: NaiveDate,
    #[diesel(sql_type = BigInt)]
    pub verified_minutes: i64,
}

/// A team's members with their verified minutes, leaders first.
pub async fn team_members(
    conn: &mut AsyncPgConnection,
    team_id: Uuid,
) -> StoreResult<Vec<TeamMember>> {
    Ok(crate::sql::query(
        "SELECT m.team_id, m.person_id, pe.name AS person_name, m.role, m.joined_on, \
           (SELECT COALESCE(sum(c.minutes), 0) FROM check_ins c JOIN activities a ON a.id = c.activity_id \
             WHERE c.person_id = m.person_id AND a.team_id = m.team_id AND c.verification = 'verified')::bigint AS verified_minutes \
         FROM team_members m JOIN people pe ON pe.id = m.person_id WHERE m.team_id = $1 ORDER BY m.role, pe.name",
    )
    .bind::<SqlUuid, _>(team_id)
    .load(conn)
    .await?)
}

/// Adds (or changes the role of) a team member.
pub async fn set_member(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    team_id: Uuid,
    area_path: &str,
    person_id: Uuid,
    role: &str,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO team_members (team_id, person_id, role) VALUES ($1, $2, $3) \
             ON CONFLICT (team_id, person_id) DO UPDATE SET role = EXCLUDED.role",
        )
        .bind::<SqlUuid, _>(team_id)
        .bind::<SqlUuid, _>(person_id)
        .bind::<Text, _>(role)
        .execute(tx)
        .await?;
        journal::record(
            tx,
            ctx,
            Entry {
                action: "team.member_set",
                object_type: "organisation",
                object_id: team_id.to_string(),
                area_path: Some(area_path.to_owned()),
                before: None,
                after: Some(json!({"person_id": person_id, "role": role})),
                event_data: json!({"team_id": team_id, "person_id": person_id, "role": role}),
            },
        )
        .await
    })
    .await
}

/// Removes a team member.
pub async fn remove_member(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    team_id: Uuid,
    area_path: &str,
    person_id: Uuid,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let n = crate::sql::query("DELETE FROM team_members WHERE team_id = $1 AND person_id = $2")
            .bind::<SqlUuid, _>(team_id)
            .bind::<SqlUuid, _>(person_id)
            .execute(tx)
            .await?;
        if n == 0 {
            return Err(DomainError::NotFound("team member").into());
        }
        journal::record(
            tx,
            ctx,
            Entry {
                action: "team.member_removed",
                object_type: "organisation",
                object_id: team_id.to_string(),
                area_path: Some(area_path.to_owned()),
                before: Some(json!({"person_id": person_id})),
                after: None,
                event_data: json!({"team_id": team_id, "person_id": person_id}),
            },
        )
        .await
    })
    .await
}

/// Whether a person leads a team.
pub async fn leads(
    conn: &mut AsyncPgConnection,
    person_id: Uuid,
    team_id: Uuid,
) -> StoreResult<bool> {
    #[derive(QueryableByName)]
    struct Hit {
        #[diesel(sql_type = Bool)]
        hit: bool,
    }
    let h: Hit = crate::sql::query(
        "SELECT EXISTS (SELECT 1 FROM team_members WHERE team_id = $1 AND person_id = $2 AND role = 'leader') AS hit",
    )
    .bind::<SqlUuid, _>(team_id)
    .bind::<SqlUuid, _>(person_id)
    .get_result(conn)
    .await?;
    Ok(h.hit)
}

/// Teams a person leads.
pub async fn teams_led(conn: &mut AsyncPgConnection, person_id: Uuid) -> StoreResult<Vec<Uuid>> {
    use crate::schema::team_members as m;
    Ok(m::table
        .filter(m::person_id.eq(person_id))
        .filter(m::role.eq("leader"))
        .select(m::team_id)
        .load(conn)
        .await?)
}

// ---- activities -----------------------------------------------------------------------

/// An activity with its place and sign-up count.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Activity {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub description: Option<String>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub team_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub team_name: Option<String>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub centre_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub compound_id: Option<Uuid>,
    #[diesel(sql_type = Text)]
    pub place_name: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Timestamptz)]
    pub starts_at: DateTime<Utc>,
    #[diesel(sql_type = Timestamptz)]
    pub ends_at: DateTime<Utc>,
    #[diesel(sql_type = Integer)]
    pub capacity: i32,
    #[diesel(sql_type = BigInt)]
    pub signed_up: i64,
    #[diesel(sql_type = BigInt)]
    pub checked_in: i64,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
}

const ACTIVITY_SELECT: &str = "SELECT a.id, a.title, a.description, a.team_id, t.name AS team_name, a.centre_id, a.compound_id, \
    COALESCE(nc.name, ca.name, '') AS place_name, a.area_path, a.starts_at, a.ends_at, a.capacity, \
    (SELECT count(*) FROM signups s WHERE s.activity_id = a.id AND s.status = 'signed') AS signed_up, \
    (SELECT count(*) FROM check_ins c WHERE c.activity_id = a.id AND c.checked_out_at IS NULL) AS checked_in, \
    a.status, a.version \
    FROM activities a LEFT JOIN organisations t ON t.id = a.team_id LEFT JOIN neighbourhood_centres nc ON nc.id = a.centre_id \
    LEFT JOIN areas ca ON ca.id = a.compound_id";

/// Activities in the scope overlapping `[from, to]`, soonest first.
pub async fn activities(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    team_id: Option<Uuid>,
    limit: i64,
) -> StoreResult<Vec<Activity>> {
    Ok(diesel::sql_query(format!(
        "{ACTIVITY_SELECT} WHERE a.area_path LIKE ANY($1) AND a.ends_at >= $2 AND a.starts_at <= $3 \
         AND ($4::uuid IS NULL OR a.team_id = $4) ORDER BY a.starts_at, a.id LIMIT $5"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<Timestamptz, _>(from)
    .bind::<Timestamptz, _>(to)
    .bind::<Nullable<SqlUuid>, _>(team_id)
    .bind::<BigInt, _>(limit)
    .load(conn)
    .await?)
}

/// One activity in the scope.
pub async fn activity(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Activity> {
    let rows = diesel::sql_query(format!(
        "{ACTIVITY_SELECT} WHERE a.id = $2 AND a.area_path LIKE ANY($1)"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?;
    only_row(rows, "activity")
}

/// An activity to create.
#[derive(Debug, Clone)]
pub struct NewActivity {
    pub title: String,
    pub description: Option<String>,
    pub team_id: Option<Uuid>,
    pub centre_id: Option<Uuid>,
    pub compound_id: Option<Uuid>,
    pub area_path: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
}

/// Creates an activity.
pub async fn create_activity(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    a: &NewActivity,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO activities (id, title, description, team_id, centre_id, compound_id, area_path, starts_at, ends_at, capacity, created_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<Text, _>(&a.title)
        .bind::<Nullable<Text>, _>(a.description.as_deref())
        .bind::<Nullable<SqlUuid>, _>(a.team_id)
        .bind::<Nullable<SqlUuid>, _>(a.centre_id)
        .bind::<Nullable<SqlUuid>, _>(a.compound_id)
        .bind::<Text, _>(&a.area_path)
        .bind::<Timestamptz, _>(a.starts_at)
        .bind::<Timestamptz, _>(a.ends_at)
        .bind::<Integer, _>(a.capacity)
        .bind::<Nullable<SqlUuid>, _>(ctx.user_id())
        .execute(tx)
        .await?;
        let after = json!({"title": a.title, "team_id": a.team_id, "centre_id": a.centre_id, "compound_id": a.compound_id,
            "starts_at": a.starts_at, "ends_at": a.ends_at, "capacity": a.capacity});
        journal::record(tx, ctx, Entry {
            action: "activity.created",
            object_type: "activity",
            object_id: id.to_string(),
            area_path: Some(a.area_path.clone()),
            before: None,
            after: Some(after.clone()),
            event_data: after,
        })
        .await
    })
    .await?;
    Ok(id)
}

/// Cancels an activity (sign-ups stay for the record).
pub async fn cancel_activity(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    a: &Activity,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let n = crate::sql::query("UPDATE activities SET status = 'cancelled', version = version + 1 WHERE id = $1 AND status = 'open'")
            .bind::<SqlUuid, _>(a.id)
            .execute(tx)
            .await?;
        if n == 0 {
            return Err(DomainError::WrongState {
                code: "activity_cancelled",
                detail: "活动已取消 / the activity is already cancelled".into(),
                allowed: vec![],
            }
            .into());
        }
        journal::record(tx, ctx, Entry {
            action: "activity.cancelled",
            object_type: "activity",
            object_id: a.id.to_string(),
            area_path: Some(a.area_path.clone()),
            before: Some(json!({"status": "open"})),
            after: Some(json!({"status": "cancelled"})),
            event_data: json!({"activity_id": a.id}),
        })
        .await
    })
    .await
}

/// Signs a person up; the capacity trigger refuses one too many, also under concurrency.
pub async fn sign_up(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    a: &Activity,
    person_id: Uuid,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let n = crate::sql::query(
            "INSERT INTO signups (activity_id, person_id) VALUES ($1, $2) \
             ON CONFLICT (activity_id, person_id) DO UPDATE SET status = 'signed', created_at = linli_now() WHERE signups.status = 'cancelled'",
        )
        .bind::<SqlUuid, _>(a.id)
        .bind::<SqlUuid, _>(person_id)
        .execute(tx)
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Query(diesel::result::Error::DatabaseError(_, info)) if info.message().starts_with("activity_full") => {
                StoreError::Domain(DomainError::WrongState {
                    code: "activity_full",
                    detail: "活动名额已满 / the activity is full".into(),
                    allowed: vec![],
                })
            }
            other => other,
        })?;
        if n == 0 {
            return Err(DomainError::WrongState {
                code: "already_signed_up",
                detail: "您已报名该活动 / you have already signed up".into(),
                allowed: vec![],
            }
            .into());
        }
        journal::record(tx, ctx, Entry {
            action: "activity.signed_up",
            object_type: "activity",
            object_id: a.id.to_string(),
            area_path: Some(a.area_path.clone()),
            before: None,
            after: Some(json!({"person_id": person_id})),
            event_data: json!({"activity_id": a.id, "person_id": person_id}),
        })
        .await
    })
    .await
}

/// Cancels a sign-up.
pub async fn cancel_signup(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    a: &Activity,
    person_id: Uuid,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let n = crate::sql::query("UPDATE signups SET status = 'cancelled' WHERE activity_id = $1 AND person_id = $2 AND status = 'signed'")
            .bind::<SqlUuid, _>(a.id)
            .bind::<SqlUuid, _>(person_id)
            .execute(tx)
            .await?;
        if n == 0 {
            return Err(DomainError::NotFound("sign-up").into());
        }
        journal::record(tx, ctx, Entry {
            action: "activity.signup_cancelled",
            object_type: "activity",
            object_id: a.id.to_string(),
            area_path: Some(a.area_path.clone()),
            before: Some(json!({"person_id": person_id})),
            after: None,
            event_data: json!({"activity_id": a.id, "person_id": person_id}),
        })
        .await
    })
    .await
}

/// Activities a person signed up for (ids).
pub async fn signed_activities(
    conn: &mut AsyncPgConnection,
    person_id: Uuid,
) -> StoreResult<Vec<Uuid>> {
    use crate::schema::signups as s;
    Ok(s::table
        .filter(s::person_id.eq(person_id))
        .filter(s::status.eq("signed"))
        .select(s::activity_id)
        .load(conn)
        .await?)
}

// ---- check-ins ------------------------------------------------------------------------

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

const CHECK_IN_SELECT: &str = "SELECT c.id, c.person_id, pe.name AS person_name, c.activity_id, a.title AS activity_title, a.team_id, \
    c.centre_id, c.compound_id, COALESCE(nc.name, ca.name, '') AS place_name, c.area_path, c.method, c.client_id, c.checked_in_at, \
    c.checked_out_at, c.distance_m, c.minutes, c.flagged, c.flag_reason, c.verification, c.verified_at \
    FROM check_ins c JOIN people pe ON pe.id = c.person_id LEFT JOIN activities a ON a.id = c.activity_id \
    LEFT JOIN neighbourhood_centres nc ON nc.id = c.centre_id LEFT JOIN areas ca ON ca.id = c.compound_id";

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
    let rows: Vec<CheckIn> = diesel::sql_query(format!(
        "{CHECK_IN_SELECT} WHERE c.person_id = $1 AND c.checked_out_at IS NULL"
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
    let rows = diesel::sql_query(format!(
        "{CHECK_IN_SELECT} WHERE c.id = $3 AND (c.area_path LIKE ANY($1) OR c.person_id = $2)"
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
    let rows: Vec<CheckIn> = diesel::sql_query(format!(
        "{CHECK_IN_SELECT} WHERE c.client_id = $1 OR c.checkout_client_id = $1"
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
    Ok(diesel::sql_query(format!(
        "{CHECK_IN_SELECT} WHERE (c.area_path LIKE ANY($1) OR a.team_id = ANY($8) OR c.person_id = $9) \
         AND ($2::uuid IS NULL OR c.person_id = $2) AND ($3::uuid IS NULL OR c.activity_id = $3) \
         AND ($4::uuid IS NULL OR c.centre_id = $4) AND ($5::bool IS NULL OR (c.checked_out_at IS NULL) = $5) \
         AND ($6::text IS NULL OR c.verification = $6) AND ($7::bool IS NULL OR c.flagged = $7) \
         ORDER BY c.checked_in_at DESC LIMIT $10"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<Nullable<SqlUuid>, _>(f.person_id)
    .bind::<Nullable<SqlUuid>, _>(f.activity_id)
    .bind::<Nullable<SqlUuid>, _>(f.centre_id)
    .bind::<Nullable<Bool>, _>(f.open)
    .bind::<Nullable<Text>, _>(f.verification.as_deref())
    .bind::<Nullable<Bool>, _>(f.flagged)
    .bind::<Array<SqlUuid>, _>(f.teams.clone().unwrap_or_default())
    .bind::<Nullable<SqlUuid>, _>(viewer)
    .bind::<BigInt, _>(limit)
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

// ---- hours and figures -------------------------------------------------------------------

/// Verified minutes of one group (a person, team, compound, subdistrict).
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct HoursRow {
    #[diesel(sql_type = Text)]
    pub key: String,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = BigInt)]
    pub verified_minutes: i64,
    #[diesel(sql_type = BigInt)]
    pub pending_minutes: i64,
    #[diesel(sql_type = BigInt)]
    pub sessions: i64,
    #[diesel(sql_type = BigInt)]
    pub people: i64,
}

/// Service minutes grouped by `person`, `team`, `compound`, `subdistrict` or `district`
/// over `[from, to]` within the scope (or of one person).
pub async fn hours(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    person: Option<Uuid>,
    group_by: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> StoreResult<Vec<HoursRow>> {
    let (key, name, join) = match group_by {
        "person" => (
            "c.person_id::text",
            "pe.name",
            "JOIN people pe ON pe.id = c.person_id",
        ),
        "team" => (
            "COALESCE(a.team_id::text, '')",
            "COALESCE(t.name, '未分队 / no team')",
            "LEFT JOIN activities a ON a.id = c.activity_id LEFT JOIN organisations t ON t.id = a.team_id",
        ),
        "compound" => (
            "COALESCE(cp.id::text, '')",
            "COALESCE(cp.name, '服务中心 / centres')",
            "LEFT JOIN areas cp ON cp.kind = 'compound' AND c.area_path LIKE cp.path || '%'",
        ),
        "subdistrict" => (
            "s.id::text",
            "s.name",
            "JOIN areas s ON s.depth = 1 AND c.area_path LIKE s.path || '%'",
        ),
        _ => (
            "d.id::text",
            "d.name",
            "JOIN areas d ON d.depth = 0 AND c.area_path LIKE d.path || '%'",
        ),
    };
    Ok(diesel::sql_query(format!(
        "SELECT {key} AS key, {name} AS name, \
           COALESCE(sum(c.minutes) FILTER (WHERE c.verification = 'verified'), 0)::bigint AS verified_minutes, \
           COALESCE(sum(c.minutes) FILTER (WHERE c.verification = 'pending'), 0)::bigint AS pending_minutes, \
           count(*) AS sessions, count(DISTINCT c.person_id) AS people \
         FROM check_ins c {join} \
         WHERE (c.area_path LIKE ANY($1) OR c.person_id = $2) AND ($2::uuid IS NULL OR c.person_id = $2) \
           AND c.checked_out_at IS NOT NULL AND c.checked_in_at BETWEEN $3 AND $4 \
         GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT 500"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<Nullable<SqlUuid>, _>(person)
    .bind::<Timestamptz, _>(from)
    .bind::<Timestamptz, _>(to)
    .load(conn)
    .await?)
}

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

const CERTIFICATE_SELECT: &str = "SELECT s.id, s.code, s.person_id, pe.name AS person_name, s.period_from, s.period_to, \
    s.total_minutes, s.activities, s.issued_at FROM service_certificates s JOIN people pe ON pe.id = s.person_id";

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
    let rows = diesel::sql_query(format!("{CERTIFICATE_SELECT} WHERE s.id = $1"))
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
    let rows = diesel::sql_query(format!("{CERTIFICATE_SELECT} WHERE s.code = $1"))
        .bind::<Text, _>(code)
        .load(conn)
        .await?;
    only_row(rows, "certificate")
}

/// One in-service member's line of the employer feedback report.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct EmployerLine {
    #[diesel(sql_type = Text)]
    pub employer: String,
    #[diesel(sql_type = Text)]
    pub person_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub compound_name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub report_status: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub verified_minutes: i64,
    #[diesel(sql_type = BigInt)]
    pub sessions: i64,
}

/// In-service party members in the scope with an employer: reporting status and verified
/// service in the quarter, by employer.
pub async fn employer_report(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<EmployerLine>> {
    Ok(crate::sql::query(
        "SELECT pe.employer, pe.name AS person_name, ra.name AS compound_name, r.status AS report_status, \
           COALESCE((SELECT sum(c.minutes) FROM check_ins c WHERE c.person_id = pe.id AND c.verification = 'verified' \
             AND (c.checked_in_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2 AND $3), 0)::bigint AS verified_minutes, \
           (SELECT count(*) FROM check_ins c WHERE c.person_id = pe.id AND c.verification = 'verified' \
             AND (c.checked_in_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2 AND $3) AS sessions \
         FROM people pe \
         LEFT JOIN LATERAL (SELECT * FROM reports x WHERE x.person_id = pe.id ORDER BY (x.status IN ('requested', 'confirmed')) DESC, x.requested_at DESC LIMIT 1) r ON true \
         LEFT JOIN areas ra ON ra.id = r.compound_id \
         LEFT JOIN areas ha ON ha.id = pe.home_compound_id \
         WHERE pe.is_party_member AND pe.employer IS NOT NULL \
           AND (r.area_path LIKE ANY($1) OR ha.path LIKE ANY($1)) \
         ORDER BY pe.employer, pe.name LIMIT 50000",
    )
    .bind::<Array<Text>, _>(patterns)
    .bind::<Date, _>(from)
    .bind::<Date, _>(to)
    .load(conn)
    .await?)
}

/// The volunteering dashboard's figures.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Figures {
    #[diesel(sql_type = BigInt)]
    pub reported_members: i64,
    #[diesel(sql_type = BigInt)]
    pub pending_reports: i64,
    #[diesel(sql_type = BigInt)]
    pub active_volunteers: i64,
    #[diesel(sql_type = BigInt)]
    pub open_check_ins: i64,
    #[diesel(sql_type = BigInt)]
    pub awaiting_verification: i64,
}

/// Reported members, pending reports, people with a check-in in the last 30 days, open
/// check-ins and closed ones awaiting verification.
pub async fn figures(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    now: DateTime<Utc>,
) -> StoreResult<Figures> {
    Ok(crate::sql::query(
        "SELECT \
           (SELECT count(*) FROM reports r WHERE r.status = 'confirmed' AND r.area_path LIKE ANY($1)) AS reported_members, \
           (SELECT count(*) FROM reports r WHERE r.status = 'requested' AND r.area_path LIKE ANY($1)) AS pending_reports, \
           (SELECT count(DISTINCT c.person_id) FROM check_ins c WHERE c.area_path LIKE ANY($1) AND c.checked_in_at > $2 - interval '30 days') AS active_volunteers, \
           (SELECT count(*) FROM check_ins c WHERE c.area_path LIKE ANY($1) AND c.checked_out_at IS NULL) AS open_check_ins, \
           (SELECT count(*) FROM check_ins c WHERE c.area_path LIKE ANY($1) AND c.checked_out_at IS NOT NULL AND c.verification = 'pending') AS awaiting_verification",
    )
    .bind::<Array<Text>, _>(patterns)
    .bind::<Timestamptz, _>(now)
    .get_result(conn)
    .await?)
}

/// Verified hours per month (China time) in the scope.
pub async fn hours_by_month(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    from: DateTime<Utc>,
) -> StoreResult<Vec<(String, i64)>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        month: String,
        #[diesel(sql_type = BigInt)]
        minutes: i64,
    }
    let rows: Vec<Row> = crate::sql::query(
        "SELECT to_char(c.checked_in_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, COALESCE(sum(c.minutes), 0)::bigint AS minutes \
         FROM check_ins c WHERE c.area_path LIKE ANY($1) AND c.verification = 'verified' AND c.checked_in_at >= $2 GROUP BY 1 ORDER BY 1",
    )
    .bind::<Array<Text>, _>(patterns)
    .bind::<Timestamptz, _>(from)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.month, r.minutes)).collect())
}

/// Whether a person record exists.
pub async fn person_exists(conn: &mut AsyncPgConnection, person_id: Uuid) -> StoreResult<bool> {
    use crate::schema::people;
    Ok(people::table
        .find(person_id)
        .select(people::id)
        .first::<Uuid>(conn)
        .await
        .optional()?
        .is_some())
}
