#!/usr/bin/env bash
# `make bench`: the API measured against PostgreSQL's own limit for the same SQL.
#
# On a release build and a fresh database (the demo district), in one session:
#   1. pgbench runs the exact SQL each request sends (bench/pgbench/*.sql, read off
#      PostgreSQL's statement log) — the most any API over this database can do;
#   2. wrk sends the requests themselves: POST /api/v1/complaints (a real token, a fresh
#      Idempotency-Key each), GET a 20-item complaints page filtered by area, POST
#      /api/v1/check-ins (each from another prepared party member);
# at each connection count (16 and 64), BENCH_SECONDS (20) each, BENCH_RUNS (2) times,
# and prints requests/s, p50, p99, errors, the server's peak RSS and the ratio to pgbench.
#
#   bench/run.sh                      (or: make bench)
#   BENCH_SECONDS=10 BENCH_RUNS=1 BENCH_CONNECTIONS="16" bench/run.sh
# Set CARGO_TARGET_DIR to build elsewhere than target/ (BENCH_BUILD=0: use what is built
# there); BENCH_CHAIN_LOCK=0 skips the
# pgbench run of the audit chain's former lock, BENCH_STATS_TRIGGER=0 the run of the create
# SQL without the statistics trigger. The table is also written to
# bench/results/latest.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${BENCH_SECONDS:-20}"
runs="${BENCH_RUNS:-2}"
connections="${BENCH_CONNECTIONS:-16 64}"
members="${BENCH_MEMBERS:-40000}"
target="${CARGO_TARGET_DIR:-$root/target}"
port=18181
work="$(mktemp -d /tmp/linli-bench.XXXXXX)"

command -v pgbench >/dev/null || { echo "pgbench is missing (PostgreSQL's client package)"; exit 1; }
command -v wrk >/dev/null || { echo "installing wrk ..."; apt-get install -y wrk >/dev/null; }

if [ "${BENCH_BUILD:-1}" = 1 ]; then
  echo "== building the release binaries ..."
  (cd "$root" && cargo build --release -q -p linli && cargo build --release -q -p linli-tests --example checkin_burst)
fi
bin="$target/release/linli"

server="$("$root/scripts/pg.sh")"
db=linli_bench
"$root/scripts/ensure-db.sh" "$server" "$db" --fresh >/dev/null
export DATABASE_URL="$server/$db"
export LINLI_JWT_SECRET="bench-secret-for-make-bench-0123456789abcdef"
psql_db() { psql -X -q -tA "$DATABASE_URL" "$@"; }
echo "== fresh database $db: migrating and loading the demo district ..."
"$bin" migrate >/dev/null
"$bin" seed-demo >/dev/null 2>&1

LINLI_BIND="127.0.0.1:$port" LINLI_RELAY=0 LINLI_DB_POOL_SIZE="${LINLI_DB_POOL_SIZE:-32}" RUST_LOG=warn \
  "$bin" serve >"$work/server.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { echo "the server did not start:"; cat "$work/server.log"; exit 1; }

json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
TOKEN=$(curl -s "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"'"${LINLI_DEMO_PASSWORD:-Linli@2026}"'"}' | json "d['access_token']")
COMPOUND=$(curl -s "http://127.0.0.1:$port/api/v1/compounds?name=%E8%9E%8D%E5%9F%8E" -H "authorization: Bearer $TOKEN" | json "d['items'][0]['id']")
AREA=$(psql_db -c "SELECT id FROM areas WHERE depth = 0 ORDER BY name LIMIT 1")
USER_ID=$(psql_db -c "SELECT id FROM users WHERE username = 'admin'")
COMPOUND_PATH=$(psql_db -c "SELECT path FROM areas WHERE id = '$COMPOUND'")
AREA_PATH=$(psql_db -c "SELECT path FROM areas WHERE id = '$AREA'")
export TOKEN COMPOUND AREA

echo "== preparing $members party members for the check-in load ..."
TOKENS_OUT="$work/tokens" BASE_URL="http://127.0.0.1:$port" "$target/release/examples/checkin_burst" "$members" >/dev/null
export TOKENS_FILE="$work/tokens"
CENTRE=$(python3 -c "import json; print(json.load(open('$work/tokens.body'))['centre_id'])")
CENTRE_LAT=$(python3 -c "import json; print(json.load(open('$work/tokens.body'))['location']['lat'])")
CENTRE_LON=$(python3 -c "import json; print(json.load(open('$work/tokens.body'))['location']['lon'])")

# Every check-in run starts with nobody checked in.
reset_check_ins() {
  psql_db -c "UPDATE check_ins SET checked_out_at = now(), minutes = 0 WHERE checked_out_at IS NULL" >/dev/null
}

# Samples the server's resident set every half second until told to stop; prints the peak.
rss_start() {
  ( peak=0; while [ ! -f "$work/rss.stop" ]; do
      r=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' '); [ -n "$r" ] && [ "$r" -gt "$peak" ] && peak=$r
      sleep 0.5; done; echo "$peak" >"$work/rss.peak" ) >/dev/null 2>&1 &
  sampler=$!
}
# Stops the sampler (run in the shell that started it) and leaves the peak in rss.peak.
rss_stop() { touch "$work/rss.stop"; wait "$sampler"; rm -f "$work/rss.stop"; }

# pgbench of one script: prints "tps p50_ms p99_ms failed".
pgbench_run() {
  local script="$1" clients="$2" file
  # A name is one of bench/pgbench/*.sql; a path is a script made here.
  case "$script" in /*) file="$script" ;; *) file="$root/bench/pgbench/$script.sql" ;; esac
  rm -f "$work"/pgb.*
  local out
  out=$(cd "$work" && pgbench -n -M prepared -c "$clients" -j 2 -T "$seconds" -l --log-prefix=pgb \
    -D user_id="$USER_ID" -D compound_id="$COMPOUND" -D area_path="$COMPOUND_PATH" -D area_id="$AREA" \
    -D area_pattern="${AREA_PATH}%" -D centre_id="$CENTRE" -D lat="$CENTRE_LAT" -D lon="$CENTRE_LON" \
    -D members="$members" -D clients="$clients" -D k=0 -f "$file" "$DATABASE_URL" 2>&1) || { echo "$out" >&2; return 1; }
  local tps failed
  tps=$(echo "$out" | awk '/^tps = /{printf "%.1f", $3}')
  failed=$(echo "$out" | awk '/number of failed transactions/{print $5}')
  cat "$work"/pgb.* | awk '{print $3}' | sort -n | awk -v tps="$tps" -v failed="${failed:-0}" \
    '{v[NR]=$1} END {printf "%s %.2f %.2f %s\n", tps, v[int(NR*0.5)+1]/1000, v[int(NR*0.99)+1]/1000, failed}'
}

# wrk of one lua script: prints "rps p50_ms p99_ms errors rss_mib".
wrk_run() {
  local lua="$1" clients="$2" result rss
  rss_start
  result=$(BENCH_DIR="$root/bench" WRK_THREADS=2 wrk -t2 -c"$clients" -d"${seconds}s" --timeout 10s -s "$root/bench/$lua" "http://127.0.0.1:$port" | grep RESULT)
  rss_stop
  rss=$(awk '{printf "%.1f", $1/1024}' "$work/rss.peak")
  echo "$result" | sed -E 's/.*errors=([0-9]+) rps=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+).*/\2 \3 \4 \1/' | tr -d '\n'
  echo " $rss"
}

median() { sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'; }

table="$work/table.md"
{
  echo "| workload | conns | pgbench tx/s | pgbench p50 / p99 ms | run | API req/s | API p50 / p99 ms | errors | RSS MiB | API ÷ pgbench |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$table"

for workload in "create_complaint create_complaint.lua" "list_complaints list_complaints.lua" "check_in check_in.lua"; do
  set -- $workload
  sql="$1"; lua="$2"
  for c in $connections; do
    # Steady state: the statistics a running system's autovacuum keeps (the runs before
    # this one added tens of thousands of rows the planner would not know about yet).
    psql_db -c "ANALYZE" >/dev/null
    pg_lines=()
    for run in $(seq 1 "$runs"); do
      [ "$sql" = check_in ] && reset_check_ins
      echo "== pgbench $sql, $c clients, ${seconds}s (run $run) ..."
      pg_lines+=("$(pgbench_run "$sql" "$c")")
    done
    pg_tps=$(printf '%s\n' "${pg_lines[@]}" | awk '{print $1}' | median)
    pg_lat=$(printf '%s\n' "${pg_lines[@]}" | sort -n | tail -1 | awk '{printf "%s / %s", $2, $3}')
    pg_failed=$(printf '%s\n' "${pg_lines[@]}" | awk '{s+=$4} END {print s}')
    for run in $(seq 1 "$runs"); do
      [ "$sql" = check_in ] && reset_check_ins
      echo "== wrk $lua, $c connections, ${seconds}s (run $run) ..."
      read -r rps p50 p99 errors rss <<<"$(wrk_run "$lua" "$c")"
      ratio=$(awk -v a="$rps" -v b="$pg_tps" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
      printf '| %s | %s | %s%s | %s | %s | %s | %s / %s | %s | %s | %s |\n' "$sql" "$c" "$pg_tps" \
        "$([ "$pg_failed" != 0 ] && echo " ($pg_failed failed)")" "$pg_lat" "$run" "$rps" "$p50" "$p99" "$errors" "$rss" "$ratio" >>"$table"
    done
  done
done

# What the audit chain's lock cost before migration 000011 (pgbench only: the server no
# longer sends this SQL).
if [ "${BENCH_CHAIN_LOCK:-1}" = 1 ]; then
  awk -v lines="$root/bench/pgbench/chain_lock_audit.sql" \
    '/^INSERT INTO audit_log/ { while ((getline l < lines) > 0) if (l !~ /^--/) print l; next } { print }' \
    "$root/bench/pgbench/create_complaint.sql" >"$work/create_complaint_chain_lock.sql"
  for c in $connections; do
    echo "== pgbench create_complaint with the old chain lock, $c clients, ${seconds}s ..."
    read -r tps p50 p99 failed <<<"$(pgbench_run "$work/create_complaint_chain_lock.sql" "$c")"
    printf '| create_complaint, chain lock held to commit (before 000011) | %s | %s | %s / %s | – | – | – | %s | – | – |\n' \
      "$c" "$tps" "$p50" "$p99" "$failed" >>"$table"
  done
fi

# What the statistics rollup's trigger costs each creation (migration 000012): the same
# create SQL with the trigger off, same session.
if [ "${BENCH_STATS_TRIGGER:-1}" = 1 ]; then
  psql_db -c "ALTER TABLE complaints DISABLE TRIGGER complaint_stat_deltas_insert" >/dev/null
  for c in $connections; do
    echo "== pgbench create_complaint without the statistics trigger, $c clients, ${seconds}s ..."
    read -r tps p50 p99 failed <<<"$(pgbench_run create_complaint "$c")"
    printf '| create_complaint, statistics trigger off (before 000012) | %s | %s | %s / %s | – | – | – | %s | – | – |\n' \
      "$c" "$tps" "$p50" "$p99" "$failed" >>"$table"
  done
  psql_db -c "ALTER TABLE complaints ENABLE TRIGGER complaint_stat_deltas_insert" >/dev/null
fi

echo
echo "Linli $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?') · $(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores · PostgreSQL $(psql_db -c 'SHOW server_version') · pool ${LINLI_DB_POOL_SIZE:-32}"
cat "$table"
mkdir -p "$root/bench/results"
cp "$table" "$root/bench/results/latest.md"
echo
echo "Targets: create ≥ 0.5 × pgbench, page ≥ 0.6 × pgbench, p99 < 30 ms at 64 connections, 0 errors, RSS < 100 MiB."
