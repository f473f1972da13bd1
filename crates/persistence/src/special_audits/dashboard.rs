//! The special audit dashboard figures.

use diesel::{
    prelude::*,
    sql_types::{BigInt, Text, Uuid as SqlUuid},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::{AuditVisibility, visible_in};
use crate::error::StoreResult;

/// Findings and money at stake in one area.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct AreaFindings {
    #[diesel(sql_type = SqlUuid)]
    pub area_id: Uuid,
    #[diesel(sql_type = Text)]
    pub area_name: String,
    #[diesel(sql_type = BigInt)]
    pub findings: i64,
    #[diesel(sql_type = BigInt)]
    pub open_findings: i64,
    #[diesel(sql_type = BigInt)]
    pub amount_fen: i64,
}

/// Findings per subdistrict (depth-1 area) of the visible engagements.
pub async fn findings_by_subdistrict(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    campaign_id: Option<Uuid>,
) -> StoreResult<Vec<AreaFindings>> {
    Ok(visible_in(concat!("SELECT s.id AS area_id, s.name AS area_name, count(*) AS findings, \
           count(*) FILTER (WHERE f.status = 'open') AS open_findings, COALESCE(sum(f.amount_fen), 0)::bigint AS amount_fen \
         FROM audit_findings f JOIN audit_engagements g ON g.id = f.engagement_id \
         JOIN areas s ON s.depth = 1 AND g.area_path LIKE s.path || '%' \
         WHERE ", engagement_visible!()), vis, campaign_id)
    .sql(" GROUP BY s.id, s.name ORDER BY amount_fen DESC, s.name")
    .load(conn)
    .await?)
}

/// Rectification deadlines met: (verified on time, verified, overdue and still open).
pub async fn rectification_timeliness(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    campaign_id: Option<Uuid>,
) -> StoreResult<(i64, i64, i64)> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = BigInt)]
        on_time: i64,
        #[diesel(sql_type = BigInt)]
        verified: i64,
        #[diesel(sql_type = BigInt)]
        overdue_open: i64,
    }
    let r: Row = visible_in(concat!("SELECT count(*) FILTER (WHERE r.status = 'verified' AND r.completed_at::date <= r.deadline) AS on_time, \
           count(*) FILTER (WHERE r.status = 'verified') AS verified, \
           count(*) FILTER (WHERE r.status <> 'verified' AND r.overdue) AS overdue_open \
         FROM rectifications r JOIN audit_findings f ON f.id = r.finding_id JOIN audit_engagements g ON g.id = f.engagement_id \
         WHERE ", engagement_visible!()), vis, campaign_id)
    .get_result(conn)
    .await?;
    Ok((r.on_time, r.verified, r.overdue_open))
}

/// Which of the ids are audit firms.
pub async fn audit_firms_among(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> StoreResult<Vec<Uuid>> {
    use crate::schema::organisations as o;
    Ok(o::table
        .filter(o::id.eq_any(ids))
        .filter(o::kind.eq("audit_firm"))
        .select(o::id)
        .load(conn)
        .await?)
}

/// Engagements per status of the visible campaigns.
pub async fn engagements_by_status(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    campaign_id: Option<Uuid>,
) -> StoreResult<Vec<(String, i64)>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        status: String,
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let rows: Vec<Row> = visible_in(
        concat!(
            "SELECT g.status, count(*) AS n FROM audit_engagements g WHERE ",
            engagement_visible!()
        ),
        vis,
        campaign_id,
    )
    .sql(" GROUP BY g.status")
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.status, r.n)).collect())
}
