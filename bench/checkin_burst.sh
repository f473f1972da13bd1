#!/usr/bin/env bash
# 13,000 check-ins within a minute from distinct party members, against a release build
# on a fresh database (demo district), then the same as fast as the server goes.
#   bench/checkin_burst.sh [MEMBERS=13000] [SECONDS=60] [CONCURRENCY=64]
# Set CARGO_TARGET_DIR to build elsewhere than target/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
members="${1:-13000}"; seconds="${2:-60}"; concurrency="${3:-64}"
target="${CARGO_TARGET_DIR:-$root/target}"
echo "building the release binaries ..."
cargo build --release -q -p linli
cargo build --release -q -p linli-tests --example checkin_burst
server="$("$root/scripts/pg.sh")"
"$root/scripts/ensure-db.sh" "$server" linli_bench_burst --fresh
export DATABASE_URL="$server/linli_bench_burst"
export LINLI_JWT_SECRET="bench-secret-for-the-check-in-burst-0123456789"
bin="$target/release/linli"
"$bin" migrate >/dev/null && "$bin" seed-demo >/dev/null
port=18192
LINLI_BIND="127.0.0.1:$port" LINLI_RELAY=0 LINLI_DB_POOL_SIZE=32 RUST_LOG=warn "$bin" serve >/tmp/linli-bench-burst.log 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
export BASE_URL="http://127.0.0.1:$port"
echo "== $members check-ins spread over ${seconds}s =="
"$target/release/examples/checkin_burst" "$members" "$seconds" "$concurrency"
echo "server RSS: $(ps -o rss= -p "$pid" | awk '{printf "%.1f MiB", $1/1024}')"
echo "== the same members again, as fast as possible (their earlier check-ins are closed first) =="
"$target/release/examples/checkin_burst" "$members" 0 "$concurrency"
echo "server RSS: $(ps -o rss= -p "$pid" | awk '{printf "%.1f MiB", $1/1024}')"
