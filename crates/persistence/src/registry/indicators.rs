//! Governance indicators for dashboards, per subdistrict and in total, computed from the
//! registry itself (the source document's figures come out of these queries).

use diesel::{
    QueryableByName,
    sql_types::{BigInt, Bool, Nullable, Text, Uuid as SqlUuid},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::Patterns;
use crate::error::StoreResult;

/// Indicators of one subdistrict, or of the whole scope (`area_id` empty).
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct Indicators {
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub area_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub area_name: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub compounds: i64,
    #[diesel(sql_type = BigInt)]
    pub property_managed: i64,
    #[diesel(sql_type = BigInt)]
    pub entrusted: i64,
    #[diesel(sql_type = BigInt)]
    pub self_managed: i64,
    /// Compounds covered by a compound party organisation.
    #[diesel(sql_type = BigInt)]
    pub covered_compounds: i64,
    #[diesel(sql_type = BigInt)]
    pub compound_party_orgs: i64,
    #[diesel(sql_type = BigInt)]
    pub property_company_party_orgs: i64,
    #[diesel(sql_type = BigInt)]
    pub owners_committee_members: i64,
    #[diesel(sql_type = BigInt)]
    pub owners_committee_party_members: i64,
    /// Compounds without a joint meeting in the last 90 days.
    #[diesel(sql_type = BigInt)]
    pub compounds_without_recent_meeting: i64,
    /// (compound, person) pairs where the person holds posts in two or more of the four bodies.
    #[diesel(sql_type = BigInt)]
    pub cross_appointments: i64,
    #[diesel(sql_type = BigInt)]
    pub centres: i64,
}

const SQL: &str = "
WITH cs AS (
    SELECT c.id, c.governance_mode, sd.id AS sd_id, sd.name AS sd_name
    FROM compounds c JOIN areas a ON a.id = c.id JOIN areas cm ON cm.id = a.parent_id JOIN areas sd ON sd.id = cm.parent_id
    WHERE a.path LIKE ANY($1)),
g AS (
    SELECT DISTINCT CASE WHEN $2 THEN NULL ELSE sd_id END AS sd_id, CASE WHEN $2 THEN NULL ELSE sd_name END AS sd_name FROM cs),
bodies AS (
    SELECT oc.compound_id, oc.organisation_id AS org_id, o.kind FROM organisation_compounds oc
    JOIN organisations o ON o.id = oc.organisation_id
    WHERE o.kind IN ('compound_party_branch', 'owners_committee', 'supervisory_committee')
    UNION ALL
    SELECT cc.compound_id, sc.company_id, 'property_company' FROM contract_compounds cc
    JOIN service_contracts sc ON sc.id = cc.contract_id WHERE linli_today() BETWEEN cc.start_date AND cc.end_date),
active_posts AS (
    SELECT ps.* FROM posts ps WHERE ps.start_date <= linli_today() AND (ps.end_date IS NULL OR linli_today() < ps.end_date))
SELECT g.sd_id AS area_id, g.sd_name AS area_name,
  (SELECT count(*) FROM cs WHERE $2 OR cs.sd_id = g.sd_id) AS compounds,
  (SELECT count(*) FROM cs WHERE ($2 OR cs.sd_id = g.sd_id) AND cs.governance_mode = 'property_managed') AS property_managed,
  (SELECT count(*) FROM cs WHERE ($2 OR cs.sd_id = g.sd_id) AND cs.governance_mode = 'entrusted') AS entrusted,
  (SELECT count(*) FROM cs WHERE ($2 OR cs.sd_id = g.sd_id) AND cs.governance_mode = 'self_managed') AS self_managed,
  (SELECT count(*) FROM cs WHERE ($2 OR cs.sd_id = g.sd_id) AND EXISTS (
      SELECT 1 FROM bodies b WHERE b.compound_id = cs.id AND b.kind = 'compound_party_branch')) AS covered_compounds,
  (SELECT count(DISTINCT b.org_id) FROM bodies b JOIN cs ON cs.id = b.compound_id
      WHERE b.kind = 'compound_party_branch' AND ($2 OR cs.sd_id = g.sd_id)) AS compound_party_orgs,
  (SELECT count(DISTINCT po.id) FROM organisations po JOIN areas pa ON pa.id = po.area_id
      WHERE po.kind = 'property_company_party_org' AND (
        ($2 AND pa.path LIKE ANY($1))
        OR EXISTS (SELECT 1 FROM bodies b JOIN cs ON cs.id = b.compound_id
                   WHERE b.kind = 'property_company' AND b.org_id = po.parent_id AND ($2 OR cs.sd_id = g.sd_id)))) AS property_company_party_orgs,
  (SELECT count(*) FROM active_posts ps JOIN bodies b ON b.org_id = ps.organisation_id AND b.kind = 'owners_committee'
      JOIN cs ON cs.id = b.compound_id WHERE $2 OR cs.sd_id = g.sd_id) AS owners_committee_members,
  (SELECT count(*) FROM active_posts ps JOIN people p ON p.id = ps.person_id AND p.is_party_member
      JOIN bodies b ON b.org_id = ps.organisation_id AND b.kind = 'owners_committee'
      JOIN cs ON cs.id = b.compound_id WHERE $2 OR cs.sd_id = g.sd_id) AS owners_committee_party_members,
  (SELECT count(*) FROM cs WHERE ($2 OR cs.sd_id = g.sd_id) AND NOT EXISTS (
      SELECT 1 FROM joint_meetings m WHERE m.compound_id = cs.id AND m.held_on > linli_today() - 90)) AS compounds_without_recent_meeting,
  (SELECT count(*) FROM (
      SELECT b.compound_id, ps.person_id FROM active_posts ps JOIN bodies b ON b.org_id = ps.organisation_id
      JOIN cs ON cs.id = b.compound_id WHERE $2 OR cs.sd_id = g.sd_id
      GROUP BY b.compound_id, ps.person_id HAVING count(DISTINCT b.kind) >= 2) x) AS cross_appointments,
  (SELECT count(*) FROM neighbourhood_centres nc JOIN areas ca ON ca.id = nc.community_id
      WHERE ca.path LIKE ANY($1) AND ($2 OR ca.parent_id = g.sd_id)) AS centres
FROM g ORDER BY g.sd_name";

/// Indicators per subdistrict in the scope (`total = false`) or for the whole scope.
pub async fn indicators(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    total: bool,
) -> StoreResult<Vec<Indicators>> {
    Ok(crate::sql::query(SQL)
        .bind::<Patterns, _>(patterns)
        .bind::<Bool, _>(total)
        .load(conn)
        .await?)
}

/// One owners' committee and the party members in it.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct CommitteeShare {
    #[diesel(sql_type = SqlUuid)]
    pub organisation_id: Uuid,
    #[diesel(sql_type = Text)]
    pub organisation_name: String,
    #[diesel(sql_type = SqlUuid)]
    pub compound_id: Uuid,
    #[diesel(sql_type = Text)]
    pub compound_name: String,
    #[diesel(sql_type = BigInt)]
    pub members: i64,
    #[diesel(sql_type = BigInt)]
    pub party_members: i64,
}

/// Every owners' committee in the scope with its current members and party members.
pub async fn owners_committees(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    after: Option<&(String, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<CommitteeShare>> {
    Ok(crate::sql::query(
        "SELECT o.id AS organisation_id, o.name AS organisation_name, ca.id AS compound_id, ca.name AS compound_name, \
           count(ps.id) AS members, count(ps.id) FILTER (WHERE p.is_party_member) AS party_members \
         FROM organisations o JOIN organisation_compounds oc ON oc.organisation_id = o.id \
         JOIN areas ca ON ca.id = oc.compound_id \
         LEFT JOIN posts ps ON ps.organisation_id = o.id AND ps.start_date <= linli_today() AND (ps.end_date IS NULL OR linli_today() < ps.end_date) \
         LEFT JOIN people p ON p.id = ps.person_id \
         WHERE o.kind = 'owners_committee' AND ca.path LIKE ANY($1)",
    )
    .bind::<Patterns, _>(patterns)
    .after_name(" AND (o.name, o.id) > ", after)
    .sql(" GROUP BY o.id, o.name, ca.id, ca.name ORDER BY o.name, o.id LIMIT ")
    .param::<BigInt, _>(limit)
    .load(conn)
    .await?)
}
