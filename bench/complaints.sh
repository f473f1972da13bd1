#!/usr/bin/env bash
# Complaint throughput: create (POST, distinct idempotency keys) and list (20-item page
# filtered by area) against a release build on a fresh database, with wrk.
#   bench/complaints.sh [CONNECTIONS=16] [SECONDS=20]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
connections="${1:-16}"; seconds="${2:-20}"
command -v wrk >/dev/null || { echo "installing wrk ..."; apt-get install -y wrk >/dev/null; }
[ -x "$root/target/release/linli" ] || { echo "building the release binary ..."; cargo build --release -p linli; }
server="$("$root/scripts/pg.sh")"
"$root/scripts/ensure-db.sh" "$server" linli_bench --fresh
export DATABASE_URL="$server/linli_bench"
bin="$root/target/release/linli"
"$bin" migrate >/dev/null && "$bin" seed-demo >/dev/null
port=18181
LINLI_DEMO=1 LINLI_BIND="127.0.0.1:$port" LINLI_RELAY=0 LINLI_DB_POOL_SIZE=32 RUST_LOG=warn "$bin" serve >/tmp/linli-bench.log 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
TOKEN=$(curl -s "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"'"${LINLI_DEMO_PASSWORD:-Linli@2026}"'"}' | json "d['access_token']")
COMPOUND=$(curl -s "http://127.0.0.1:$port/api/v1/compounds?name=%E8%9E%8D%E5%9F%8E" -H "authorization: Bearer $TOKEN" | json "d['items'][0]['id']")
AREA=$(curl -s "http://127.0.0.1:$port/api/v1/areas" -H "authorization: Bearer $TOKEN" | json "d['items'][0]['id']")
export TOKEN COMPOUND AREA
echo "create: $connections connections, ${seconds}s"
wrk -t2 -c"$connections" -d"${seconds}s" -s "$root/bench/create_complaint.lua" "http://127.0.0.1:$port" | grep RESULT
echo "list:   $connections connections, ${seconds}s ($(psql -tA "$DATABASE_URL" -c 'select count(*) from complaints') complaints)"
wrk -t2 -c"$connections" -d"${seconds}s" -s "$root/bench/list_complaints.lua" "http://127.0.0.1:$port" | grep RESULT
echo "server RSS: $(ps -o rss= -p "$pid" | awk '{printf "%.1f MiB", $1/1024}')"
