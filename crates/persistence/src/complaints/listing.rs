//! Listing complaints a caller may see, and the per-status counts of the inbox badges.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Bool, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::complaint::Status;
use uuid::Uuid;

use super::Complaint;
use crate::{error::StoreResult, registry::Patterns};

/// Who may see which complaints.
#[derive(Debug, Clone, Default)]
pub struct Visibility {
    /// Staff: complaints about compounds in these subtrees (`LIKE` patterns).
    pub area_patterns: Vec<String>,
    /// Handlers: complaints assigned to these organisations.
    pub handler_orgs: Vec<Uuid>,
    /// Residents: their own complaints.
    pub complainant: Option<Uuid>,
}

/// Filters of the list.
#[derive(Debug, Clone, Default)]
pub struct ComplaintFilter {
    pub within: Option<String>,
    pub status: Option<Status>,
    pub category: Option<String>,
    pub handler_org_id: Option<Uuid>,
    pub overdue: Option<bool>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub text: Option<String>,
    pub compound_id: Option<Uuid>,
}

/// What a caller may see: `$1` area patterns, `$2` handler organisations, `$3` complainant.
macro_rules! visible {
    () => {
        "(c.area_path LIKE ANY($1) OR c.handler_org_id = ANY($2) OR c.complainant_user_id = $3)"
    };
}

#[derive(QueryableByName)]
struct CompoundId {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// The compound whose area path this is, if it is a compound's.
async fn compound_at(conn: &mut AsyncPgConnection, path: &str) -> StoreResult<Option<Uuid>> {
    let rows: Vec<CompoundId> = crate::sql::query(
        "SELECT c.id FROM compounds c JOIN areas a ON a.id = c.id WHERE a.path = $1",
    )
    .bind::<Text, _>(path)
    .load(conn)
    .await?;
    Ok(rows.into_iter().next().map(|r| r.id))
}

/// Newest first, keyset on (created_at, id).
pub async fn list(
    conn: &mut AsyncPgConnection,
    vis: &Visibility,
    f: &ComplaintFilter,
    after: Option<&(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<Complaint>> {
    // A complaint's area path is its compound's (copied when filed; compounds hold no
    // compounds), so "within a compound's path" is "about that compound". Said as
    // `compound_id`, the page is read newest first from the compound's own index instead
    // of filtering the district's newest rows until 20 of this compound's turn up (a
    // compound holds ~0.2% of them: thousands of rows per page). The path condition is
    // dropped then rather than kept beside it: the planner would take the two as
    // independent, expect one row, and fetch and sort all of the compound's.
    let within_compound = match &f.within {
        Some(path) => compound_at(conn, path).await?,
        None => None,
    };
    let mut q = crate::sql::query(concat!(complaint_select!(), " WHERE ", visible!()))
        .bind::<Patterns, _>(&vis.area_patterns)
        .bind::<Array<SqlUuid>, _>(&vis.handler_orgs)
        .bind::<Nullable<SqlUuid>, _>(vis.complainant);
    if let Some(id) = within_compound {
        q = q.sql(" AND c.compound_id = ").param::<SqlUuid, _>(id);
    } else if let Some(path) = &f.within {
        q = q
            .sql(" AND c.area_path LIKE ")
            .param::<Text, _>(format!("{path}%"));
    }
    if let Some(status) = f.status {
        q = q.sql(" AND c.status = ").param::<Text, _>(status.as_str());
    }
    if let Some(category) = &f.category {
        q = q.sql(" AND c.category_code = ").param::<Text, _>(category);
    }
    if let Some(org) = f.handler_org_id {
        q = q.sql(" AND c.handler_org_id = ").param::<SqlUuid, _>(org);
    }
    if let Some(overdue) = f.overdue {
        q = q.sql(" AND c.overdue = ").param::<Bool, _>(overdue);
    }
    if let Some(from) = f.from {
        q = q.sql(" AND c.created_at >= ").param::<Timestamptz, _>(from);
    }
    if let Some(to) = f.to {
        q = q.sql(" AND c.created_at < ").param::<Timestamptz, _>(to);
    }
    if let Some(text) = &f.text {
        let pattern = format!("%{}%", crate::compounds::like_literal(text));
        q = q
            .sql(" AND (c.title ILIKE ")
            .param::<Text, _>(pattern.clone())
            .sql(" OR c.description ILIKE ")
            .param::<Text, _>(pattern)
            .sql(" OR c.number = ")
            .param::<Text, _>(text)
            .sql(")");
    }
    if let Some(id) = f.compound_id {
        q = q.sql(" AND c.compound_id = ").param::<SqlUuid, _>(id);
    }
    if let Some((at, id)) = after {
        q = q
            .sql(" AND (c.created_at, c.id) < (")
            .param::<Timestamptz, _>(*at)
            .sql(", ")
            .param::<SqlUuid, _>(*id)
            .sql(")");
    }
    Ok(q.sql(" ORDER BY c.created_at DESC, c.id DESC LIMIT ")
        .param::<BigInt, _>(limit)
        .load(conn)
        .await?)
}

/// Complaints per status (and overdue) visible to the caller, for inbox badges.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct StatusCount {
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = BigInt)]
    pub count: i64,
    #[diesel(sql_type = BigInt)]
    pub overdue: i64,
}

/// Counts per status.
///
/// Counting the visible complaints themselves reads every one of them (a district admin
/// sees all: seconds at 10 million). The area and handler parts of the visibility [`list`]
/// applies are summed from `complaint_status_counts` instead, which triggers keep exact
/// per (compound path, handler, status); only the caller's own complaints outside those (a resident's) are
/// counted from `complaints`, through the complainant index. Same rows, same answer.
pub async fn counts(
    conn: &mut AsyncPgConnection,
    vis: &Visibility,
) -> StoreResult<Vec<StatusCount>> {
    Ok(crate::sql::query(
        "SELECT status, sum(total)::bigint AS count, sum(overdue)::bigint AS overdue FROM ( \
           SELECT r.status, r.total, r.overdue FROM complaint_status_counts r \
           WHERE r.area_path LIKE ANY($1) \
              OR NULLIF(r.handler_key, '00000000-0000-0000-0000-000000000000') = ANY($2) \
           UNION ALL \
           SELECT c.status, 1, CASE WHEN c.overdue THEN 1 ELSE 0 END FROM complaints c \
           WHERE c.complainant_user_id = $3 \
             AND (c.area_path LIKE ANY($1) OR c.handler_org_id = ANY($2)) IS NOT TRUE \
         ) x GROUP BY status HAVING sum(total) > 0 ORDER BY status",
    )
    .bind::<Patterns, _>(&vis.area_patterns)
    .bind::<Array<SqlUuid>, _>(&vis.handler_orgs)
    .bind::<Nullable<SqlUuid>, _>(vis.complainant)
    .load(conn)
    .await?)
}
