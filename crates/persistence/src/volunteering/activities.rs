//! Activities and sign-ups.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid},
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
};

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

macro_rules! activity_select {
    () => {
        "SELECT a.id, a.title, a.description, a.team_id, t.name AS team_name, a.centre_id, a.compound_id, \
    COALESCE(nc.name, ca.name, '') AS place_name, a.area_path, a.starts_at, a.ends_at, a.capacity, \
    (SELECT count(*) FROM signups s WHERE s.activity_id = a.id AND s.status = 'signed') AS signed_up, \
    (SELECT count(*) FROM check_ins c WHERE c.activity_id = a.id AND c.checked_out_at IS NULL) AS checked_in, \
    a.status, a.version \
    FROM activities a LEFT JOIN organisations t ON t.id = a.team_id LEFT JOIN neighbourhood_centres nc ON nc.id = a.centre_id \
    LEFT JOIN areas ca ON ca.id = a.compound_id"
    };
}

/// Activities in the scope overlapping `[from, to]`, soonest first.
pub async fn activities(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    team_id: Option<Uuid>,
    limit: i64,
) -> StoreResult<Vec<Activity>> {
    Ok(crate::sql::query(concat!(
        activity_select!(),
        " WHERE a.area_path LIKE ANY($1) AND a.ends_at >= $2 AND a.starts_at <= $3"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<Timestamptz, _>(from)
    .bind::<Timestamptz, _>(to)
    .filter::<SqlUuid, _>(" AND a.team_id = ", team_id)
    .sql(" ORDER BY a.starts_at, a.id LIMIT ")
    .param::<BigInt, _>(limit)
    .load(conn)
    .await?)
}

/// One activity in the scope.
pub async fn activity(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Activity> {
    crate::sql::one_in_sight(
        conn,
        concat!(
            activity_select!(),
            " WHERE a.id = $2 AND a.area_path LIKE ANY($1)"
        ),
        (patterns, id),
        "activity",
    )
    .await
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
