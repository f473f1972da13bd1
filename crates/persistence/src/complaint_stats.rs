//! Complaint statistics: volume, speed, punctuality and satisfaction per group.
//!
//! Two ways to the same figures:
//! - **all time** (the dashboard: no period given) from the rollup of migration
//!   `complaint_stats_rollup`, whatever the number of complaints: counts exact,
//!   medians and p90s read off histograms (within 5 %, see
//!   [`linli_domain::complaint_stats`]);
//! - **a period** (`from` / `to`), and a compound's own figures by category or handler,
//!   computed from the complaints themselves, exactly.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Double, Nullable, SmallInt, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use linli_domain::{complaint_stats::Histogram, policy::Scope};
use uuid::Uuid;

use crate::{
    StoreError,
    areas::{scope_patterns, scope_roots},
    error::StoreResult,
    registry::Patterns,
};

/// How complaint statistics are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsGroup {
    Subdistrict,
    Compound,
    Category,
    Handler,
}

/// Volume, speed, punctuality and satisfaction of one group.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct GroupStats {
    #[diesel(sql_type = Nullable<Text>)]
    pub key: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub name: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub volume: i64,
    #[diesel(sql_type = BigInt)]
    pub accepted: i64,
    #[diesel(sql_type = BigInt)]
    pub resolved: i64,
    #[diesel(sql_type = BigInt)]
    pub open_overdue: i64,
    #[diesel(sql_type = Nullable<Double>)]
    pub accept_hours_median: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub accept_hours_p90: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub resolve_hours_median: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub resolve_hours_p90: Option<f64>,
    /// Resolved by the deadline, among resolved ones with a deadline.
    #[diesel(sql_type = Nullable<Double>)]
    pub on_time_rate: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub satisfaction: Option<f64>,
    #[diesel(sql_type = BigInt)]
    pub rated: i64,
}

/// Statistics of the complaints in the scope, grouped: all time from the rollup, or
/// those filed in `[from, to)` computed exactly. Returns the groups and whether the
/// medians and p90s are estimates (the rollup's histograms) rather than exact.
pub async fn stats(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    group: StatsGroup,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
) -> StoreResult<(Vec<GroupStats>, bool)> {
    let all_time_asked = from.is_none() && to.is_none();
    if all_time_asked && matches!(group, StatsGroup::Subdistrict | StatsGroup::Compound) {
        return Ok((all_time(conn, scope, group).await?, true));
    }
    let compounds = compound_roots(conn, scope).await?;
    // The rollup keeps a compound's own figures only as a whole: a scope with a compound
    // among its roots is grouped by category or handler from its complaints.
    if all_time_asked && compounds.is_empty() {
        return Ok((all_time(conn, scope, group).await?, true));
    }
    // A scope of compounds only is found through the compound index (a compound holds a
    // small share of the complaints; a path pattern would read them all).
    let only_compounds = (compounds.len() == scope.roots().len()).then_some(compounds.as_slice());
    Ok((
        in_period(conn, scope, only_compounds, group, from, to).await?,
        false,
    ))
}

/// The ids of the scope's roots that are compounds.
async fn compound_roots(conn: &mut AsyncPgConnection, scope: &Scope) -> StoreResult<Vec<Uuid>> {
    #[derive(QueryableByName)]
    struct Compound {
        #[diesel(sql_type = SqlUuid)]
        id: Uuid,
    }
    let rows: Vec<Compound> = crate::sql::query(
        "SELECT a.id FROM areas a JOIN compounds c ON c.id = a.id WHERE a.path = ANY($1)",
    )
    .bind::<Patterns, _>(scope_roots(scope))
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|c| c.id).collect())
}

/// The key of a subdistrict or compound in a path '/<district>/<subdistrict>/.../': the
/// second id (ids are 36 characters, each followed by '/') or the last one.
macro_rules! subdistrict_of_path {
    () => {
        "substr(area_path, 39, 36)"
    };
}
macro_rules! compound_of_path {
    () => {
        "substr(area_path, length(area_path) - 36, 36)"
    };
}

/// `(key, name)` of every group key, per grouping.
macro_rules! area_names {
    () => {
        "SELECT id::text AS key, name FROM areas"
    };
}
macro_rules! category_names {
    () => {
        "SELECT code AS key, name_zh AS name FROM complaint_categories"
    };
}
macro_rules! handler_names {
    () => {
        "SELECT id::text AS key, name FROM organisations"
    };
}

/// All-time totals of a grouping from the rollup and the deltas: `$rollup_rows` are the
/// rollup rows answering for the scope ($1 root paths, $2 their LIKE patterns),
/// `$rollup_key` the group key of a rollup row, `$delta_key` that of a not yet compacted
/// delta, `$names` the `(key, name)` of every group key.
macro_rules! totals_sql {
    ($rollup_rows:expr, $rollup_key:expr, $delta_key:expr, $names:expr) => {
        concat!(
            "SELECT g.key, n.name, g.volume, g.accepted, g.resolved, g.open_overdue, g.on_time, g.timed, \
               g.rating_sum, g.rated \
             FROM ( \
               SELECT key, sum(volume)::int8 AS volume, sum(accepted)::int8 AS accepted, sum(resolved)::int8 AS resolved, \
                 sum(open_overdue)::int8 AS open_overdue, sum(on_time)::int8 AS on_time, sum(timed)::int8 AS timed, \
                 sum(rating_sum)::int8 AS rating_sum, sum(rated)::int8 AS rated \
               FROM ( \
                 SELECT ",
            $rollup_key,
            " AS key, volume, accepted, resolved, open_overdue, on_time, timed, rating_sum, rated \
                 FROM complaint_stat_totals WHERE ",
            $rollup_rows,
            " UNION ALL \
                 SELECT ",
            $delta_key,
            ", n, \
                   CASE WHEN accept_bucket IS NOT NULL THEN n ELSE 0 END, \
                   CASE WHEN resolve_bucket IS NOT NULL THEN n ELSE 0 END, \
                   CASE WHEN open_overdue THEN n ELSE 0 END, CASE WHEN on_time THEN n ELSE 0 END, \
                   CASE WHEN timed THEN n ELSE 0 END, coalesce(n * rating, 0), \
                   CASE WHEN rating IS NOT NULL THEN n ELSE 0 END \
                 FROM complaint_stat_deltas WHERE area_path LIKE ANY($2) \
               ) u GROUP BY key HAVING sum(volume) > 0 \
             ) g LEFT JOIN (",
            $names,
            ") n ON n.key = g.key \
             ORDER BY g.volume DESC, n.name LIMIT 500"
        )
    };
}

/// The histogram rows of a grouping as stored (a few per group), rollup and deltas; the
/// arguments as for `totals_sql!`.
macro_rules! histograms_sql {
    ($rollup_rows:expr, $rollup_key:expr, $delta_key:expr) => {
        concat!(
            "SELECT ",
            $rollup_key,
            " AS key, measure, buckets, counts FROM complaint_stat_histograms WHERE ",
            $rollup_rows,
            " UNION ALL \
             SELECT ",
            $delta_key,
            ", m.measure, ARRAY[m.bucket], ARRAY[n] FROM complaint_stat_deltas \
               CROSS JOIN LATERAL (VALUES ('accept', accept_bucket), ('resolve', resolve_bucket)) m (measure, bucket) \
             WHERE m.bucket IS NOT NULL AND area_path LIKE ANY($2)"
        )
    };
}

/// The two all-time statements of a grouping.
struct AllTime {
    totals: &'static str,
    histograms: &'static str,
}

fn all_time_sql(group: StatsGroup) -> AllTime {
    macro_rules! all_time {
        ($rollup_rows:expr, $rollup_key:expr, $delta_key:expr, $names:expr) => {
            AllTime {
                totals: totals_sql!($rollup_rows, $rollup_key, $delta_key, $names),
                histograms: histograms_sql!($rollup_rows, $rollup_key, $delta_key),
            }
        };
    }
    match group {
        // The subdistricts inside a district-wide scope; a scope below a subdistrict
        // (a community, a compound) is its own row, counted under its subdistrict.
        StatsGroup::Subdistrict => all_time!(
            "dim = 'all' AND ((depth = 1 AND area_path LIKE ANY($2)) OR (depth > 1 AND area_path = ANY($1)))",
            subdistrict_of_path!(),
            subdistrict_of_path!(),
            area_names!()
        ),
        StatsGroup::Compound => all_time!(
            "dim = 'all' AND leaf AND area_path LIKE ANY($2)",
            compound_of_path!(),
            compound_of_path!(),
            area_names!()
        ),
        // Category and handler: the scope's own areas, which count everything inside.
        StatsGroup::Category => all_time!(
            "dim = 'category' AND area_path = ANY($1)",
            "key",
            "category_code",
            category_names!()
        ),
        StatsGroup::Handler => all_time!(
            "dim = 'handler' AND area_path = ANY($1)",
            "key",
            "handler_key",
            handler_names!()
        ),
    }
}

/// One group's exact counts from the rollup.
#[derive(QueryableByName)]
struct Totals {
    #[diesel(sql_type = Text)]
    key: String,
    #[diesel(sql_type = Nullable<Text>)]
    name: Option<String>,
    #[diesel(sql_type = BigInt)]
    volume: i64,
    #[diesel(sql_type = BigInt)]
    accepted: i64,
    #[diesel(sql_type = BigInt)]
    resolved: i64,
    #[diesel(sql_type = BigInt)]
    open_overdue: i64,
    #[diesel(sql_type = BigInt)]
    on_time: i64,
    #[diesel(sql_type = BigInt)]
    timed: i64,
    #[diesel(sql_type = BigInt)]
    rating_sum: i64,
    #[diesel(sql_type = BigInt)]
    rated: i64,
}

/// How many of a group's times fall into each bucket, from one rollup row or delta.
#[derive(QueryableByName)]
struct BucketCounts {
    #[diesel(sql_type = Text)]
    key: String,
    #[diesel(sql_type = Text)]
    measure: String,
    #[diesel(sql_type = Array<SmallInt>)]
    buckets: Vec<i16>,
    #[diesel(sql_type = Array<BigInt>)]
    counts: Vec<i64>,
}

/// All-time statistics from the rollup plus the deltas not yet folded into it, read in
/// one snapshot (a compaction between the two reads would otherwise count its deltas
/// twice or not at all).
async fn all_time(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    group: StatsGroup,
) -> StoreResult<Vec<GroupStats>> {
    let sql = all_time_sql(group);
    let roots = scope_roots(scope);
    let patterns = scope_patterns(scope);
    let (totals, buckets) = conn
        .transaction::<_, StoreError, _>(async |tx| {
            tx.batch_execute(
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL jit = off",
            )
            .await?;
            let totals: Vec<Totals> = crate::sql::query(sql.totals)
                .bind::<Patterns, _>(&roots)
                .bind::<Patterns, _>(&patterns)
                .load(tx)
                .await?;
            let buckets: Vec<BucketCounts> = crate::sql::query(sql.histograms)
                .bind::<Patterns, _>(&roots)
                .bind::<Patterns, _>(&patterns)
                .load(tx)
                .await?;
            Ok((totals, buckets))
        })
        .await?;
    // Per group: the acceptance and the resolution histogram.
    let mut histograms: HashMap<String, [Histogram; 2]> = HashMap::new();
    for row in buckets {
        let measures = histograms.entry(row.key).or_default();
        let histogram = &mut measures[usize::from(row.measure != "accept")];
        for (bucket, n) in row.buckets.into_iter().zip(row.counts) {
            histogram.add(bucket, n);
        }
    }
    let percentiles = |key: &str, measure: usize| {
        histograms.get(key).map_or((None, None), |h| {
            (h[measure].percentile(0.5), h[measure].percentile(0.9))
        })
    };
    Ok(totals
        .into_iter()
        .map(|t| {
            let (accept_median, accept_p90) = percentiles(&t.key, 0);
            let (resolve_median, resolve_p90) = percentiles(&t.key, 1);
            GroupStats {
                on_time_rate: (t.timed > 0).then(|| t.on_time as f64 / t.timed as f64),
                satisfaction: (t.rated > 0).then(|| t.rating_sum as f64 / t.rated as f64),
                key: (!t.key.is_empty()).then_some(t.key),
                name: t.name,
                volume: t.volume,
                accepted: t.accepted,
                resolved: t.resolved,
                open_overdue: t.open_overdue,
                accept_hours_median: accept_median,
                accept_hours_p90: accept_p90,
                resolve_hours_median: resolve_median,
                resolve_hours_p90: resolve_p90,
                rated: t.rated,
            }
        })
        .collect())
}

/// Hours from filing to `$end`.
macro_rules! hours {
    ($end:literal) => {
        concat!("extract(epoch FROM ", $end, " - created_at) / 3600.0")
    };
}

/// A period's statistics up to the filters on the complaints: grouped by `$key`, of the
/// complaints `$within` ($1) the scope; the filing period is appended, then
/// `period_tail!`.
macro_rules! period_head {
    ($key:expr, $within:literal) => {
        concat!(
            "SELECT NULLIF(g.key, '') AS key, n.name AS name, g.volume, g.accepted, g.resolved, g.open_overdue, \
               g.acc[1] AS accept_hours_median, g.acc[2] AS accept_hours_p90, \
               g.res[1] AS resolve_hours_median, g.res[2] AS resolve_hours_p90, \
               g.on_time_rate, g.satisfaction, g.rated \
             FROM ( \
               SELECT ",
            $key,
            " AS key, count(*) AS volume, count(accepted_at) AS accepted, \
                 count(resolved_at) AS resolved, count(*) FILTER (WHERE overdue AND status NOT IN ('closed', 'rejected')) AS open_overdue, \
                 percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ",
            hours!("accepted_at"),
            ") FILTER (WHERE accepted_at IS NOT NULL) AS acc, \
                 percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ",
            hours!("resolved_at"),
            ") FILTER (WHERE resolved_at IS NOT NULL) AS res, \
                 (count(*) FILTER (WHERE resolved_at <= resolve_by))::float8 \
                   / NULLIF(count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolve_by IS NOT NULL), 0) AS on_time_rate, \
                 avg(rating)::float8 AS satisfaction, count(rating) AS rated \
               FROM complaints \
               WHERE ",
            $within,
            " AND duplicate_of IS NULL"
        )
    };
}

/// The rest of a period's statistics, naming the groups with `$names`.
macro_rules! period_tail {
    ($names:expr) => {
        concat!(
            " GROUP BY 1 \
             ) g LEFT JOIN (",
            $names,
            ") n ON n.key = g.key \
             ORDER BY g.volume DESC, name LIMIT 500"
        )
    };
}

/// Statistics of complaints filed in `[from, to)` in the scope, grouped, exactly.
///
/// Medians and p90s are exact, so every complaint of the period in the scope is read
/// and its times sorted. What keeps that affordable, without changing a figure:
/// - `percentile_cont(ARRAY[0.5, 0.9])` sorts each group's times once per measure, not
///   once per percentile (same interpolation, same numbers);
/// - groups are formed on the key (an id or code cut from the path), names joined to the
///   ~hundred groups afterwards, so the big sort compares short keys instead of names;
/// - JIT is off for it (compiling this plan costs seconds and saves less), and sorts get
///   more memory than the default 4 MB so they stay off disk.
async fn in_period(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    only_compounds: Option<&[Uuid]>,
    group: StatsGroup,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
) -> StoreResult<Vec<GroupStats>> {
    macro_rules! period {
        ($key:expr, $names:expr) => {
            (
                period_head!($key, "area_path LIKE ANY($1)"),
                period_head!($key, "compound_id = ANY($1)"),
                period_tail!($names),
            )
        };
    }
    let (in_paths, in_compounds, tail) = match group {
        StatsGroup::Subdistrict => period!(subdistrict_of_path!(), area_names!()),
        StatsGroup::Compound => period!(compound_of_path!(), area_names!()),
        StatsGroup::Category => period!("category_code", category_names!()),
        StatsGroup::Handler => period!("coalesce(handler_org_id::text, '')", handler_names!()),
    };
    let patterns = scope_patterns(scope);
    conn.transaction::<_, StoreError, _>(async |tx| {
        tx.batch_execute("SET LOCAL jit = off; SET LOCAL work_mem = '64MB'")
            .await?;
        let mut q = match only_compounds {
            Some(ids) => crate::sql::query(in_compounds).bind::<Array<SqlUuid>, _>(ids),
            None => crate::sql::query(in_paths).bind::<Patterns, _>(&patterns),
        };
        if let Some(from) = from {
            q = q.sql(" AND created_at >= ").param::<Timestamptz, _>(from);
        }
        if let Some(to) = to {
            q = q.sql(" AND created_at < ").param::<Timestamptz, _>(to);
        }
        Ok(q.sql(tail).load(tx).await?)
    })
    .await
}

/// Folds the deltas the complaint triggers appended into the rollup (one statement,
/// one compaction at a time; sums unchanged). Returns how many deltas it folded.
pub async fn compact(conn: &mut AsyncPgConnection) -> StoreResult<i64> {
    #[derive(QueryableByName)]
    struct Folded {
        #[diesel(sql_type = BigInt)]
        folded: i64,
    }
    let row: Folded = crate::sql::query("SELECT complaint_stats_compact() AS folded")
        .get_result(conn)
        .await?;
    Ok(row.folded)
}
