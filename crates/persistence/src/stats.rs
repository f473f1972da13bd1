//! Aggregates for dashboards.

use diesel::QueryableByName;
use diesel::sql_types::{Array, BigInt, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::policy::Scope;
use uuid::Uuid;

use crate::{areas::scope_patterns, error::StoreResult};

/// Compounds per governance mode in one subdistrict.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct ModeCounts {
    #[diesel(sql_type = SqlUuid)]
    pub area_id: Uuid,
    #[diesel(sql_type = Text)]
    pub area_name: String,
    #[diesel(sql_type = BigInt)]
    pub property_managed: i64,
    #[diesel(sql_type = BigInt)]
    pub entrusted: i64,
    #[diesel(sql_type = BigInt)]
    pub self_managed: i64,
    #[diesel(sql_type = BigInt)]
    pub total: i64,
}

/// Compounds inside `scope` counted by governance mode, one row per subdistrict,
/// ordered by subdistrict name.
pub async fn compounds_by_mode(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
) -> StoreResult<Vec<ModeCounts>> {
    Ok(crate::sql::query(
        "SELECT sd.id AS area_id, sd.name AS area_name, \
           count(*) FILTER (WHERE c.governance_mode = 'property_managed') AS property_managed, \
           count(*) FILTER (WHERE c.governance_mode = 'entrusted') AS entrusted, \
           count(*) FILTER (WHERE c.governance_mode = 'self_managed') AS self_managed, \
           count(*) AS total \
         FROM compounds c JOIN areas a ON a.id = c.id \
         JOIN areas cm ON cm.id = a.parent_id JOIN areas sd ON sd.id = cm.parent_id \
         WHERE a.path LIKE ANY($1) \
         GROUP BY sd.id, sd.name ORDER BY sd.name, sd.id",
    )
    .bind::<Array<Text>, _>(scope_patterns(scope))
    .load(conn)
    .await?)
}
