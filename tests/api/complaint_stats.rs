//! The dashboard's complaint statistics: the all-time rollup against the exact
//! computation, for every grouping and scope, through inserts, updates, merges,
//! deletions and compactions, also concurrent ones.

use std::collections::BTreeMap;

use linli_tests::TestApp;
use serde_json::Value;

/// Inserts complaints `lo..hi` spread over every demo compound, seven categories, four
/// handlers (and none), every state, times from seconds to weeks, ratings and overdue
/// flags, deterministically.
async fn load(app: &TestApp, lo: i32, hi: i32) {
    app.sql(&format!(
        "WITH compounds AS (SELECT id, path, row_number() OVER (ORDER BY path) - 1 AS i FROM areas WHERE kind = 'compound'), \
              categories AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i FROM complaint_categories WHERE active LIMIT 7), \
              handlers AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM organisations LIMIT 4), \
              drawn AS ( \
                SELECT g, abs(hashtext('a' || g)) % 100000 AS r1, abs(hashtext('b' || g)) % 100000 AS r2, \
                       abs(hashtext('c' || g)) % 100000 AS r3, \
                       (ARRAY['submitted', 'accepted', 'rejected', 'assigned', 'in_progress', 'resolved', 'closed', 'closed'])[1 + g % 8] AS status, \
                       linli_now() - (g % 400) * interval '1 day' - (g % 97) * interval '1 minute' AS created \
                FROM generate_series({lo}, {hi} - 1) g) \
         INSERT INTO complaints (id, number, compound_id, area_path, category_code, title, description, channel, status, \
             handler_org_id, routing_rule, accepted_at, resolve_by, resolved_at, rating, overdue, created_at, updated_at) \
         SELECT gen_random_uuid(), 'LLSTAT' || lpad(d.g::text, 6, '0'), c.id, c.path, k.code, '统计核对', '统计核对数据', 'staff', d.status, \
             h.id, 'test', \
             CASE WHEN d.status NOT IN ('submitted', 'rejected') THEN d.created + (d.r1 % 3000) * interval '1 minute' + (d.r1 % 59) * interval '1 second' END, \
             CASE WHEN d.status IN ('in_progress', 'resolved', 'closed') AND d.r3 % 5 > 0 THEN d.created + interval '72 hours' END, \
             CASE WHEN d.status IN ('resolved', 'closed') THEN d.created + (d.r2 % 30000) * interval '1 minute' + (d.r2 % 3) * interval '1 second' END, \
             CASE WHEN d.status = 'closed' AND d.r3 % 4 > 0 THEN (1 + d.r3 % 5)::smallint END, \
             d.status IN ('assigned', 'in_progress', 'closed') AND d.r3 % 3 = 0, d.created, d.created \
         FROM drawn d \
         JOIN compounds c ON c.i = d.g % (SELECT count(*) FROM compounds) \
         JOIN categories k ON k.i = d.r1 % 7 \
         LEFT JOIN handlers h ON h.i = d.r2 % 5"
    ))
    .await;
}

async fn compact(app: &TestApp) {
    app.sql("SELECT complaint_stats_compact()").await;
}

async fn groups(app: &TestApp, token: &str, query: &str) -> BTreeMap<String, Value> {
    let res = app
        .get_as(token, &format!("/api/v1/stats/complaints?{query}"))
        .await;
    res.assert_status(200);
    res.json()
        .as_array()
        .into_iter()
        .flatten()
        .map(|g| (g["key"].as_str().unwrap_or("(none)").to_owned(), g.clone()))
        .collect()
}

/// The all-time answer (rollup) equals the exact one: every count and rate, and the
/// medians and p90s within 5 % or a minute (plus the 0.01 both are rounded to).
/// A compound's own figures by category or handler are always counted exactly.
async fn assert_rollup_matches_exact(app: &TestApp, who: &str) {
    let token = app.token_for(who).await;
    let compound_scope = who == "rongcheng.secretary";
    for group in ["subdistrict", "compound", "category", "handler"] {
        let rollup = groups(app, &token, &format!("group_by={group}")).await;
        let exact = groups(
            app,
            &token,
            &format!("group_by={group}&from=2000-01-01T00:00:00Z"),
        )
        .await;
        assert!(
            !exact.is_empty(),
            "{who} by {group}: there is something to compare"
        );
        assert_eq!(
            rollup.keys().collect::<Vec<_>>(),
            exact.keys().collect::<Vec<_>>(),
            "{who} by {group}: the same groups"
        );
        for (key, e) in &exact {
            let r = &rollup[key];
            let context = format!("{who} by {group}, group {key} ({})", e["name"]);
            let estimated = !(compound_scope && matches!(group, "category" | "handler"));
            assert_eq!(r["percentiles_estimated"], estimated, "{context}");
            assert_eq!(e["percentiles_estimated"], false, "{context}");
            for field in [
                "name",
                "volume",
                "accepted",
                "resolved",
                "open_overdue",
                "rated",
            ] {
                assert_eq!(r[field], e[field], "{context}: {field}");
            }
            for field in ["on_time_rate", "satisfaction"] {
                match (r[field].as_f64(), e[field].as_f64()) {
                    (Some(a), Some(b)) => {
                        assert!((a - b).abs() <= 0.0101, "{context}: {field} {a} vs {b}")
                    }
                    (a, b) => assert_eq!(a, b, "{context}: {field}"),
                }
            }
            for field in [
                "accept_hours_median",
                "accept_hours_p90",
                "resolve_hours_median",
                "resolve_hours_p90",
            ] {
                match (r[field].as_f64(), e[field].as_f64()) {
                    (Some(estimate), Some(truth)) => assert!(
                        (estimate - truth).abs() <= truth * 0.05 + 1.0 / 60.0 + 0.01,
                        "{context}: {field} estimated {estimate}, exact {truth}"
                    ),
                    (a, b) => assert_eq!(a, b, "{context}: {field}"),
                }
            }
        }
    }
}

/// District, subdistrict, community and compound scopes.
/// A rebuild from the complaints gives the rollup that the triggers and compactions
/// gave, row for row (after a compaction).
async fn assert_rebuild_changes_nothing(app: &TestApp) {
    app.sql(
        "DROP TABLE IF EXISTS kept_totals, kept_histograms; \
         CREATE TABLE kept_totals AS SELECT * FROM complaint_stat_totals WHERE volume <> 0; \
         CREATE TABLE kept_histograms AS SELECT * FROM complaint_stat_histograms WHERE cardinality(buckets) > 0; \
         SELECT complaint_stats_rebuild();",
    )
    .await;
    let differing = app
        .count(
            "SELECT (SELECT count(*) FROM ( \
               (SELECT * FROM kept_totals EXCEPT SELECT * FROM complaint_stat_totals WHERE volume <> 0) UNION ALL \
               (SELECT * FROM complaint_stat_totals WHERE volume <> 0 EXCEPT SELECT * FROM kept_totals)) t) \
             + (SELECT count(*) FROM ( \
               (SELECT * FROM kept_histograms EXCEPT SELECT * FROM complaint_stat_histograms WHERE cardinality(buckets) > 0) UNION ALL \
               (SELECT * FROM complaint_stat_histograms WHERE cardinality(buckets) > 0 EXCEPT SELECT * FROM kept_histograms)) h) AS n \
             WHERE $1 = $1",
            "",
        )
        .await;
    assert_eq!(
        differing, 0,
        "rebuilt rollup rows differing from the maintained ones"
    );
    assert!(
        app.count(
            "SELECT sum(cardinality(buckets))::int8 AS n FROM kept_histograms WHERE $1 = $1",
            ""
        )
        .await
            > 1000
    );
}

const SCOPES: [&str; 4] = ["admin", "houjiatang", "ziyuan", "rongcheng.secretary"];

#[actix_web::test]
async fn the_all_time_rollup_gives_the_exact_figures_through_every_kind_of_change() {
    let app = TestApp::new().await;
    // Half folded into the rollup, half still deltas.
    load(&app, 0, 1200).await;
    compact(&app).await;
    load(&app, 1200, 2400).await;
    for who in SCOPES {
        assert_rollup_matches_exact(&app, who).await;
    }
    // A compound's own figures (counted through the compound index) add up to its row in
    // the district's figures (the rollup).
    let secretary = app.token_for("rongcheng.secretary").await;
    let admin = app.token_for("admin").await;
    let by_category = groups(&app, &secretary, "group_by=category").await;
    let district = groups(&app, &admin, "group_by=compound").await;
    let rongcheng = &district[&app.area_id("融城花苑").await.to_string()];
    for field in ["volume", "accepted", "resolved", "rated"] {
        let sum: i64 = by_category.values().filter_map(|g| g[field].as_i64()).sum();
        assert_eq!(Some(sum), rongcheng[field].as_i64(), "融城花苑 {field}");
    }
    assert!(rongcheng["volume"].as_i64().is_some_and(|v| v > 0));

    // Property staff answer for their own work orders, not for statistics.
    let property = app.token_for("rongcheng.property").await;
    app.get_as(&property, "/api/v1/stats/complaints?group_by=category")
        .await
        .assert_problem(403, "forbidden");

    // Work moves on, complaints are merged and one is withdrawn; compacted or not, the
    // figures follow.
    app.sql(
        "UPDATE complaints SET status = 'closed', accepted_at = coalesce(accepted_at, created_at + interval '3 hours'), \
           resolved_at = created_at + interval '50 hours', rating = 2, overdue = false \
         WHERE number LIKE 'LLSTAT%' AND status IN ('accepted', 'in_progress') AND right(number, 1) IN ('1', '4', '7'); \
         UPDATE complaints SET handler_org_id = NULL WHERE number LIKE 'LLSTAT%' AND right(number, 2) = '33'; \
         UPDATE complaints d SET duplicate_of = (SELECT id FROM complaints WHERE number = 'LLSTAT000000') \
         WHERE number LIKE 'LLSTAT%' AND right(number, 2) = '58'; \
         DELETE FROM complaints WHERE number = 'LLSTAT000099';",
    )
    .await;
    for who in SCOPES {
        assert_rollup_matches_exact(&app, who).await;
    }
    compact(&app).await;
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM complaint_stat_deltas WHERE $1 = $1",
            ""
        )
        .await,
        0
    );
    for who in ["admin", "ziyuan"] {
        assert_rollup_matches_exact(&app, who).await;
    }

    assert_rebuild_changes_nothing(&app).await;
}

#[actix_web::test]
async fn concurrent_changes_and_compactions_keep_the_rollup_exact() {
    let app = TestApp::new().await;
    load(&app, 0, 600).await;
    let workers = (0..6).map(|w| {
        let app = &app;
        async move {
            for round in 0..15 {
                app.sql(&format!(
                    "UPDATE complaints SET accepted_at = created_at + interval '1 minute' * ({w} * 100 + {round}), \
                       resolved_at = CASE WHEN resolved_at IS NULL THEN NULL ELSE created_at + interval '1 hour' * ({round} + 1) END, \
                       rating = CASE WHEN rating IS NULL THEN NULL ELSE ({round} % 5 + 1)::smallint END \
                     WHERE number LIKE 'LLSTAT%' AND (right(number, 3))::int % 6 = {w} AND (right(number, 3))::int % 5 = {round} % 5"
                ))
                .await;
                if round % 4 == w % 4 {
                    compact(app).await;
                }
            }
        }
    });
    let filers = (0..3).map(|f| {
        let app = &app;
        async move {
            for batch in 0..5 {
                let lo = 1000 + f * 1000 + batch * 40;
                load(app, lo, lo + 40).await;
                compact(app).await;
            }
        }
    });
    futures_util::future::join(
        futures_util::future::join_all(workers),
        futures_util::future::join_all(filers),
    )
    .await;
    compact(&app).await;
    // Every area, every grouping: the folded rollup equals a recount of the complaints.
    let differing = app
        .count(
            "WITH recount AS ( \
               SELECT left(s.area_path, 1 + 37 * k) AS area_path, d.dim, \
                 CASE d.dim WHEN 'all' THEN '' WHEN 'category' THEN s.category_code ELSE s.handler_key END AS key, \
                 count(*) AS volume, count(s.accept_bucket) AS accepted, count(s.resolve_bucket) AS resolved, \
                 count(*) FILTER (WHERE s.open_overdue) AS open_overdue, count(*) FILTER (WHERE s.on_time) AS on_time, \
                 count(*) FILTER (WHERE s.timed) AS timed, coalesce(sum(s.rating), 0) AS rating_sum, count(s.rating) AS rated \
               FROM complaints c, complaint_stat_signature(c.area_path, c.category_code, c.handler_org_id, c.created_at, \
                   c.accepted_at, c.resolved_at, c.resolve_by, c.overdue, c.status, c.rating) s, \
                 generate_series(1, (length(s.area_path) - 1) / 37) k, (VALUES ('all'), ('category'), ('handler')) d (dim) \
               WHERE c.duplicate_of IS NULL AND (d.dim = 'all' OR 1 + 37 * k < length(s.area_path)) GROUP BY 1, 2, 3) \
             SELECT count(*) AS n FROM ( \
               (SELECT * FROM recount EXCEPT SELECT area_path, dim, key, volume, accepted, resolved, open_overdue, on_time, timed, rating_sum, rated FROM complaint_stat_totals) \
               UNION ALL \
               (SELECT area_path, dim, key, volume, accepted, resolved, open_overdue, on_time, timed, rating_sum, rated FROM complaint_stat_totals WHERE volume <> 0 EXCEPT SELECT * FROM recount) \
             ) d WHERE $1 = $1",
            "",
        )
        .await;
    assert_eq!(differing, 0, "rollup rows differing from a recount");
    assert_rebuild_changes_nothing(&app).await;
    assert!(
        app.count(
            "SELECT count(*) AS n FROM complaints WHERE number LIKE $1",
            "LLSTAT%"
        )
        .await
            >= 1200
    );
    assert_rollup_matches_exact(&app, "admin").await;
}

#[actix_web::test]
async fn the_server_folds_pending_deltas_by_itself() {
    let app = TestApp::new().await;
    load(&app, 0, 50).await;
    let pending = async || {
        app.count(
            "SELECT count(*) AS n FROM complaint_stat_deltas WHERE $1 = $1",
            "",
        )
        .await
    };
    assert!(pending().await > 0, "filing appends deltas");
    let fold = actix_web::rt::spawn(linli::stats_rollup::run(app.state.db.clone()));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while pending().await > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "deltas still pending after 15 s"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    fold.abort();
    let district_volume = app
        .count(
            "SELECT sum(volume)::int8 AS n FROM complaint_stat_totals WHERE depth = 0 AND dim = 'all' AND $1 = $1",
            "",
        )
        .await;
    assert_eq!(
        district_volume, 50,
        "the folded rollup counts every complaint once"
    );
}
