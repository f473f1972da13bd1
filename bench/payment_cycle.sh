#!/usr/bin/env bash
# Generating a payment cycle for the district's compound party secretaries (about 425
# people in the demo's 600 compounds): POST /payment-cycles for five months with no cycle
# yet, timed end to end over HTTP, on a fresh database.
#   bench/payment_cycle.sh [release|debug]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-release}"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="$target/$build/linli"
if [ ! -x "$bin" ]; then
  if [ "$build" = release ]; then cargo build --release -q -p linli; else cargo build -q -p linli; fi
fi
server="$("$root/scripts/pg.sh")"
"$root/scripts/ensure-db.sh" "$server" linli_bench_cycle --fresh
export DATABASE_URL="$server/linli_bench_cycle"
"$bin" migrate >/dev/null && "$bin" seed-demo >/dev/null
port=18194
LINLI_DEMO=1 LINLI_BIND="127.0.0.1:$port" LINLI_RELAY=0 RUST_LOG=warn "$bin" serve >/tmp/linli-bench-cycle.log 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
token=$(curl -s "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"finance.maker","password":"'"${LINLI_DEMO_PASSWORD:-Linli@2026}"'"}' | json "d['access_token']")
programme=$(curl -s "http://127.0.0.1:$port/api/v1/allowance-programmes" -H "authorization: Bearer $token" | json "d['items'][0]['id']")
for month in 2026-01 2026-02 2026-03 2026-04 2026-05; do
  out=$(curl -s -w '\n%{time_total}' -X POST "http://127.0.0.1:$port/api/v1/payment-cycles" -H "authorization: Bearer $token" \
    -H 'content-type: application/json' -d "{\"programme_id\":\"$programme\",\"month\":\"$month\"}")
  echo "$month: $(echo "$out" | tail -1 | awk '{printf "%.0f ms", $1 * 1000}') — $(echo "$out" | head -1 | json "f\"{d['candidates']} candidates, {d['included']} included, {d['total_fen'] / 100:.2f} yuan\"")"
done
