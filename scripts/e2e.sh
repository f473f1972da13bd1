#!/usr/bin/env bash
# Browser end-to-end tests: a fresh database with the demo district, the real server
# serving the built SPA, and the Playwright tests in frontend/e2e against it.
# LINLI_CLOCK (e.g. `+365d`, or an RFC 3339 instant) shifts the clock of the seed, the server
# and the browsers alike: `LINLI_CLOCK=+365d scripts/e2e.sh` runs the suite a year ahead.
# LINLI_E2E_PORT and LINLI_E2E_DB (default 18080, linli_e2e) let two checkouts run it at once;
# arguments after the script name pick test files (default: all of frontend/e2e).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
server="$("$root/scripts/pg.sh")"
port="${LINLI_E2E_PORT:-18080}"
db="${LINLI_E2E_DB:-linli_e2e}"
"$root/scripts/ensure-db.sh" "$server" "$db" --fresh
export DATABASE_URL="$server/$db"
if [ -n "${LINLI_CLOCK:-}" ]; then
  # An instant becomes a fixed offset once, here: the seed, the server and the tests start
  # at different moments and must still share one clock.
  if [[ "$LINLI_CLOCK" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt\ ] ]]; then
    at="$(date -d "$LINLI_CLOCK" +%s)" || { echo "LINLI_CLOCK: not an instant: $LINLI_CLOCK" >&2; exit 1; }
    offset=$((at - $(date +%s)))
    if [ "$offset" -lt 0 ]; then LINLI_CLOCK="${offset}s"; else LINLI_CLOCK="+${offset}s"; fi
  fi
  echo "e2e: the seed, the server and the browsers run on LINLI_CLOCK=$LINLI_CLOCK"
fi
# Handed to the seed, the server and the tests only (empty: the real clock).
clock=()
[ -n "${LINLI_CLOCK:-}" ] && clock=("LINLI_CLOCK=$LINLI_CLOCK")
bin="${LINLI_BIN:-$root/target/debug/linli}"
env -u LINLI_CLOCK "$bin" migrate >/dev/null
env -u LINLI_CLOCK "${clock[@]}" "$bin" seed-demo >/dev/null
env -u LINLI_CLOCK "${clock[@]}" LINLI_DEMO=1 LINLI_BIND="127.0.0.1:$port" LINLI_STATIC_DIR="$root/frontend/dist" RUST_LOG=warn \
  "$bin" serve > "$root/target/e2e-server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
cd "$root/frontend"
run=(npm run --silent e2e)
[ "$#" -gt 0 ] && run=(node --test "$@")
env -u LINLI_CLOCK "${clock[@]}" BASE_URL="http://127.0.0.1:$port" LINLI_DEMO_PASSWORD="${LINLI_DEMO_PASSWORD:-Linli@2026}" \
  "${run[@]}"
