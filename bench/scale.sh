#!/usr/bin/env bash
# Scale proof: N complaints (default 10 million) with their timelines in the demo
# district, then the latencies staff feel over HTTP against the release build.
#
#   bench/scale.sh [N=10000000] [--drop] [--reuse]
#
#   N        complaints to generate (spread over the demo's compounds, categories and
#            the last three years; ~3.7 timeline entries each).
#   --drop   drop the database linli_bench_scale at the end. By default it is KEPT so the
#            data and plans can be inspected (psql postgres://.../linli_bench_scale).
#   --reuse  skip the load when linli_bench_scale already holds N complaints (migrations
#            still run, so new indexes are built on the loaded data); measure only.
#
# Environment: CARGO_TARGET_DIR (release binary at $CARGO_TARGET_DIR/release/linli),
# BATCH (rows per INSERT, default 250000), JOBS (batches loading at once, default: the
# number of cores), REQUESTS (sequential requests per scenario, default 200), PAGES
# (keyset depth, default 1000), WRK_SECONDS (wrk -c8 run length, 0 skips it; default
# 10), KEEP_INDEXES=1 (load with every index in place instead of building them after),
# SCALE_DB (database name, default linli_bench_scale).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n=10000000; drop=0; reuse=0
for arg in "$@"; do
  case "$arg" in
    --drop) drop=1 ;;
    --reuse) reuse=1 ;;
    ''|*[!0-9]*) echo "usage: bench/scale.sh [N] [--drop] [--reuse]" >&2; exit 2 ;;
    *) n="$arg" ;;
  esac
done
batch="${BATCH:-250000}"
jobs="${JOBS:-$(nproc)}"
requests="${REQUESTS:-200}"
pages="${PAGES:-1000}"
wrk_seconds="${WRK_SECONDS:-10}"
db="${SCALE_DB:-linli_bench_scale}"
port=18201
say() { printf '%s\n' "$*" >&2; }
now() { date +%s.%N; }

bin="${CARGO_TARGET_DIR:-$root/target}/release/linli"
if [ ! -x "$bin" ]; then
  say "building the release binary (cargo waits for any build already running) ..."
  (cd "$root" && cargo build --release -p linli)
fi

server="$("$root/scripts/pg.sh")"
export DATABASE_URL="$server/$db"
q() { psql "$DATABASE_URL" -X -q -v ON_ERROR_STOP=1 "$@"; }
val() { psql "$DATABASE_URL" -X -tA -v ON_ERROR_STOP=1 -c "$1"; }

say "disk before: $(df -h "$root" | awk 'NR==2 {print $4 " free of " $2}')"

loaded=0
if [ "$reuse" = 1 ] && psql "$server/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
   && [ "$(val "SELECT count(*) FROM complaints WHERE description LIKE '%批量压测数据%'")" -ge "$n" ]; then
  loaded=1
  say "reusing $db with its complaints"
  "$bin" migrate >/dev/null
fi

if [ "$loaded" = 0 ]; then
  "$root/scripts/ensure-db.sh" "$server" "$db" --fresh
  "$bin" migrate >/dev/null
  "$bin" seed-demo >/dev/null
  say "demo district loaded; generating $n complaints in batches of $batch ..."

  # The demo's compounds with the organisation each category's routing rule picks
  # (the same choice the API makes when it routes a new complaint), and its categories.
  q <<'SQL'
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_compounds, bench_categories;
CREATE UNLOGGED TABLE bench_compounds AS
SELECT (row_number() OVER (ORDER BY a.path) - 1)::int AS i, a.id AS compound_id, a.path, a.name AS compound_name,
    coalesce(cc.company_id, rc.id, cp.id) AS handler,
    CASE WHEN cc.company_id IS NOT NULL THEN 'governance_mode/' || c.governance_mode || ': 物业服务企业'
         WHEN rc.id IS NOT NULL AND c.governance_mode = 'self_managed' THEN 'governance_mode/self_managed: 居民自治委员会'
         ELSE 'fallback/governance_mode: 无对应责任主体，由社区党总支办理' END AS handler_rule,
    le.id AS law, oc.id AS owners, cp.id AS community,
    (SELECT id FROM users WHERE username = 'weiji.resident') AS resident,
    (SELECT id FROM users WHERE username = 'admin') AS staff
FROM compounds c JOIN areas a ON a.id = c.id JOIN areas cm ON cm.id = a.parent_id
LEFT JOIN LATERAL (SELECT sc.company_id FROM contract_compounds x JOIN service_contracts sc ON sc.id = x.contract_id
    WHERE x.compound_id = c.id AND current_date BETWEEN x.start_date AND x.end_date LIMIT 1) cc ON true
LEFT JOIN LATERAL (SELECT o.id FROM organisation_compounds y JOIN organisations o ON o.id = y.organisation_id
    WHERE y.compound_id = c.id AND o.kind = 'residents_committee' LIMIT 1) rc ON true
LEFT JOIN LATERAL (SELECT o.id FROM organisation_compounds y JOIN organisations o ON o.id = y.organisation_id
    WHERE y.compound_id = c.id AND o.kind = 'owners_committee' LIMIT 1) oc ON true
LEFT JOIN LATERAL (SELECT o.id FROM organisations o WHERE o.kind = 'community_party_committee' AND o.area_id = cm.id LIMIT 1) cp ON true
LEFT JOIN LATERAL (SELECT o.id FROM organisations o WHERE o.kind = 'law_enforcement' AND o.area_id = cm.parent_id LIMIT 1) le ON true;
CREATE UNLOGGED TABLE bench_categories AS
SELECT (row_number() OVER (ORDER BY position, code) - 1)::int AS i, code, name_zh, sign_hours, resolve_hours, handler_rule
FROM complaint_categories WHERE active;
SQL
  ncompounds="$(val "SELECT count(*) FROM bench_compounds")"
  ncategories="$(val "SELECT count(*) FROM bench_categories")"
  admin="$(val "SELECT id FROM users WHERE username = 'admin'")"
  t0="$(val "SELECT now() - interval '3 years'")"
  # In days and seconds: a '3 years' interval divides as 36 thirty-day months.
  span="$(val "SELECT now() - '$t0'::timestamptz")"

  # Secondary indexes and foreign keys of the two big tables are taken off for the load
  # and put back afterwards: building an index once over sorted data, and checking a
  # foreign key with one join, is several times faster than maintaining them row by row
  # for 10 million complaints and ~37 million timeline entries. The generator only uses
  # ids it read from the tables they point at. KEEP_INDEXES=1 loads with them in place.
  restore_sql=""
  if [ "${KEEP_INDEXES:-0}" != 1 ]; then
    restore_sql="$(val "
      SELECT string_agg(sql, E';\n' ORDER BY ord) FROM (
        SELECT 1 AS ord, pg_get_indexdef(i.indexrelid) AS sql
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relname IN ('complaints', 'complaint_events') AND t.relnamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        UNION ALL
        SELECT 2, format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid))
        FROM pg_constraint k WHERE k.contype = 'f' AND k.conrelid IN ('complaints'::regclass, 'complaint_events'::regclass)
      ) x")"
    q -c "$(val "
      SELECT string_agg(sql, E';\n') FROM (
        SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', k.conrelid::regclass, k.conname) AS sql
        FROM pg_constraint k WHERE k.contype = 'f' AND k.conrelid IN ('complaints'::regclass, 'complaint_events'::regclass)
        UNION ALL
        SELECT format('DROP INDEX %s', i.indexrelid::regclass)
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relname IN ('complaints', 'complaint_events') AND t.relnamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ) x")"
  fi

  # The statistics triggers are off for the load (each batch would append ~250,000
  # deltas); the rollup is recounted in one pass afterwards, as after any bulk load.
  q -c "ALTER TABLE complaints DISABLE TRIGGER complaint_stat_deltas_insert"

  # JOBS batches run at once (one per core by default); each appends its row count to
  # $progress when it commits.
  progress="$(mktemp /tmp/linli-scale-progress.XXXXXX)"
  batch_job() {
    q -v lo="$1" -v hi="$2" -v n="$n" -v t0="$t0" -v span="$span" -v admin="$admin" \
      -v ncompounds="$ncompounds" -v ncategories="$ncategories" -f "$root/bench/scale_load.sql" >/dev/null
    echo $(( $2 - $1 )) >>"$progress"
  }
  report() {
    awk -v n="$n" -v s="$start" -v t="$(now)" '{ done += $1 } END {
      el = t - s; rate = done / el; eta = (n - done) / rate;
      printf "  %d / %d complaints  %.0f rows/s  elapsed %.0fs  ETA %.0fs\n", done, n, rate, el, eta > "/dev/stderr" }' "$progress"
  }
  start="$(now)"
  lo=0; running=0
  while [ "$lo" -lt "$n" ]; do
    hi=$(( lo + batch )); [ "$hi" -gt "$n" ] && hi="$n"
    batch_job "$lo" "$hi" &
    running=$(( running + 1 )); lo="$hi"
    if [ "$running" -ge "$jobs" ]; then wait -n; running=$(( running - 1 )); report; fi
  done
  while [ "$running" -gt 0 ]; do wait -n; running=$(( running - 1 )); report; done
  rm -f "$progress"
  load_end="$(now)"
  if [ -n "$restore_sql" ]; then
    say "building indexes and checking foreign keys ..."
    q -c "SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2; $restore_sql"
  fi
  index_end="$(now)"
  say "vacuum and analyze ..."
  q -c "VACUUM (ANALYZE) complaints" -c "VACUUM (ANALYZE) complaint_events"
  q -c "DROP TABLE bench_compounds, bench_categories"
  # The load went through the count triggers (one delta row per key and batch); fold
  # them as the SLA sweeper would within a minute.
  q -c "SELECT complaint_status_counts_compact()" >/dev/null
  say "recounting the statistics rollup ..."
  rebuild_start="$(now)"
  q -c "ALTER TABLE complaints ENABLE TRIGGER complaint_stat_deltas_insert" -c "SELECT complaint_stats_rebuild()" >/dev/null
  say "statistics rollup recounted in $(awk -v a="$rebuild_start" -v b="$(now)" 'BEGIN {printf "%.0f", b - a}') s"
  end="$(now)"
  events="$(val "SELECT count(*) FROM complaint_events")"
  awk -v n="$n" -v e="$events" -v s="$start" -v l="$load_end" -v i="$index_end" -v t="$end" 'BEGIN {
    printf "LOAD  %d complaints + %d timeline entries: insert %.0fs (%.0f complaints/s), indexes+FKs %.0fs, vacuum/analyze %.0fs, total %.0fs (%.0f complaints/s)\n",
      n, e, l - s, n / (l - s), i - l, t - i, t - s, n / (t - s) }'
fi

# The badge rollup must equal a recount of the complaints themselves.
val "SELECT 'ROLLUP ' || CASE WHEN count(*) = 0 THEN 'complaint_status_counts equals a recount of complaints'
  ELSE count(*) || ' keys differ from a recount of complaints' END FROM (
  (SELECT area_path, coalesce(handler_org_id, '00000000-0000-0000-0000-000000000000') AS h, status,
          count(*) AS t, count(*) FILTER (WHERE overdue) AS o FROM complaints GROUP BY 1, 2, 3
   EXCEPT SELECT area_path, handler_key, status, sum(total), sum(overdue) FROM complaint_status_counts GROUP BY 1, 2, 3)
  UNION ALL
  (SELECT area_path, handler_key, status, sum(total), sum(overdue) FROM complaint_status_counts GROUP BY 1, 2, 3
   HAVING sum(total) <> 0 OR sum(overdue) <> 0
   EXCEPT SELECT area_path, coalesce(handler_org_id, '00000000-0000-0000-0000-000000000000'), status,
          count(*), count(*) FILTER (WHERE overdue) FROM complaints GROUP BY 1, 2, 3)) d"

# The statistics rollup must too: the district's row per category against a recount.
val "SELECT 'ROLLUP ' || CASE WHEN count(*) = 0 THEN 'complaint_stat_totals (district, by category) equals a recount of complaints'
  ELSE count(*) || ' categories differ from a recount of complaints' END FROM (
  (SELECT category_code, count(*) AS volume, count(accepted_at) AS accepted, count(resolved_at) AS resolved,
          count(*) FILTER (WHERE overdue AND status NOT IN ('closed', 'rejected')) AS open_overdue,
          count(*) FILTER (WHERE resolved_at <= resolve_by) AS on_time,
          count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolve_by IS NOT NULL) AS timed,
          coalesce(sum(rating), 0) AS rating_sum, count(rating) AS rated
   FROM complaints WHERE duplicate_of IS NULL GROUP BY 1
   EXCEPT SELECT key, sum(volume), sum(accepted), sum(resolved), sum(open_overdue), sum(on_time), sum(timed), sum(rating_sum), sum(rated)
   FROM (SELECT key, volume, accepted, resolved, open_overdue, on_time, timed, rating_sum, rated
         FROM complaint_stat_totals WHERE depth = 0 AND dim = 'category'
         UNION ALL SELECT category_code, n, CASE WHEN accept_bucket IS NOT NULL THEN n ELSE 0 END,
           CASE WHEN resolve_bucket IS NOT NULL THEN n ELSE 0 END, CASE WHEN open_overdue THEN n ELSE 0 END,
           CASE WHEN on_time THEN n ELSE 0 END, CASE WHEN timed THEN n ELSE 0 END, coalesce(n * rating, 0),
           CASE WHEN rating IS NOT NULL THEN n ELSE 0 END FROM complaint_stat_deltas) r
   GROUP BY 1 HAVING sum(volume) > 0)) d"

val "SELECT format('SIZE  database %s; complaints %s (heap %s, indexes %s); complaint_events %s',
  pg_size_pretty(pg_database_size(current_database())),
  pg_size_pretty(pg_total_relation_size('complaints')), pg_size_pretty(pg_relation_size('complaints')),
  pg_size_pretty(pg_indexes_size('complaints')), pg_size_pretty(pg_total_relation_size('complaint_events')))"
say "disk after: $(df -h "$root" | awk 'NR==2 {print $4 " free of " $2}')"

# The API against it.
log="$(mktemp /tmp/linli-scale.XXXXXX.log)"
LINLI_DEMO=1 LINLI_BIND="127.0.0.1:$port" LINLI_RELAY=0 RUST_LOG=warn "$bin" serve >"$log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$drop" = 1 ]; then
    psql "$server/postgres" -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true
    say "dropped $db"
  fi
}
trap cleanup EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { say "the server did not become ready; see $log"; exit 1; }

area() { val "SELECT id FROM areas WHERE name = '$1' ORDER BY depth LIMIT 1"; }
SUBDISTRICT="$(area 侯家塘街道)" COMMUNITY="$(area 梓园社区)" COMPOUND="$(area 融城花苑)" \
BASE="http://127.0.0.1:$port" REQUESTS="$requests" PAGES="$pages" WRK_SECONDS="$wrk_seconds" \
PASSWORD="${LINLI_DEMO_PASSWORD:-Linli@2026}" python3 "$root/bench/scale_measure.py"
