#!/usr/bin/env bash
# Browser end-to-end tests: a fresh database with the demo district, the real server
# serving the built SPA, and the Playwright tests in frontend/e2e against it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
server="$("$root/scripts/pg.sh")"
port="${LINLI_E2E_PORT:-18080}"
"$root/scripts/ensure-db.sh" "$server" linli_e2e --fresh
export DATABASE_URL="$server/linli_e2e"
bin="$root/target/debug/linli"
"$bin" migrate >/dev/null
"$bin" seed-demo >/dev/null
LINLI_DEMO=1 LINLI_BIND="127.0.0.1:$port" LINLI_STATIC_DIR="$root/frontend/dist" RUST_LOG=warn \
  "$bin" serve > "$root/target/e2e-server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
cd "$root/frontend"
BASE_URL="http://127.0.0.1:$port" LINLI_DEMO_PASSWORD="${LINLI_DEMO_PASSWORD:-Linli@2026}" npm run --silent e2e
