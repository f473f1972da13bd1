//! Service hours, the employer feedback report and the dashboard figures.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Date, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::error::StoreResult;

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

/// The start of the hours statement grouped by a key and name over the closed check-ins
/// in `[$1, $2]`, joined as the grouping needs.
macro_rules! hours_head {
    ($key:literal, $name:literal, $join:literal) => {
        concat!(
            "SELECT ", $key, " AS key, ", $name, " AS name, \
               COALESCE(sum(c.minutes) FILTER (WHERE c.verification = 'verified'), 0)::bigint AS verified_minutes, \
               COALESCE(sum(c.minutes) FILTER (WHERE c.verification = 'pending'), 0)::bigint AS pending_minutes, \
               count(*) AS sessions, count(DISTINCT c.person_id) AS people \
             FROM check_ins c ", $join, " \
             WHERE c.checked_out_at IS NOT NULL AND c.checked_in_at BETWEEN $1 AND $2"
        )
    };
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
    let head = match group_by {
        "person" => hours_head!(
            "c.person_id::text",
            "pe.name",
            "JOIN people pe ON pe.id = c.person_id"
        ),
        "team" => hours_head!(
            "COALESCE(a.team_id::text, '')",
            "COALESCE(t.name, '未分队 / no team')",
            "LEFT JOIN activities a ON a.id = c.activity_id LEFT JOIN organisations t ON t.id = a.team_id"
        ),
        "compound" => hours_head!(
            "COALESCE(cp.id::text, '')",
            "COALESCE(cp.name, '服务中心 / centres')",
            "LEFT JOIN areas cp ON cp.kind = 'compound' AND c.area_path LIKE cp.path || '%'"
        ),
        "subdistrict" => hours_head!(
            "s.id::text",
            "s.name",
            "JOIN areas s ON s.depth = 1 AND c.area_path LIKE s.path || '%'"
        ),
        _ => hours_head!(
            "d.id::text",
            "d.name",
            "JOIN areas d ON d.depth = 0 AND c.area_path LIKE d.path || '%'"
        ),
    };
    // One person's own hours, or all hours in the scope.
    let over = crate::sql::query(head)
        .bind::<Timestamptz, _>(from)
        .bind::<Timestamptz, _>(to);
    let visible = match person {
        Some(p) => over.sql(" AND c.person_id = ").param::<SqlUuid, _>(p),
        None => over
            .sql(" AND c.area_path LIKE ANY(")
            .param::<Array<Text>, _>(patterns)
            .sql(")"),
    };
    Ok(visible
        .sql(" GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT 500")
        .load(conn)
        .await?)
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
