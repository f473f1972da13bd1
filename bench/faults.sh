#!/usr/bin/env bash
# Fault injection: proves the API answers 503 (never 500, never a hang) while PostgreSQL is
# gone or the pool is exhausted, recovers on its own, never loses an acknowledged write when
# PostgreSQL is killed mid-burst, and drains in-flight requests on SIGTERM.
#
#   bench/faults.sh [restart|pool|kill9|sigterm ...]     (default: all four; also `make faults`)
#
# Starts its own PostgreSQL cluster in a temporary directory on FAULTS_PGPORT (default
# 55439) — never touches any other server — loads the demo district, runs the release server
# on FAULTS_HTTP_PORT (default 18439) per scenario, and removes everything on exit.
# Prints PASS/FAIL per scenario with measurements; exits 1 when any failed.
# Set CARGO_TARGET_DIR to build elsewhere than target/; FAULTS_NO_BUILD=1 skips the build.
# See docs/RELIABILITY.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="${FAULTS_LINLI:-$target/release/linli}"  # override only to try another build
pg_port="${FAULTS_PGPORT:-55439}"
http_port="${FAULTS_HTTP_PORT:-18439}"
db=linli_faults

say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

if [ "${FAULTS_NO_BUILD:-0}" != 1 ]; then
  say "building the release binary (waits for any other cargo build first) ..."
  (cd "$root" && cargo build --release -q -p linli)
fi
[ -x "$bin" ] || { echo "faults: $bin is missing; run cargo build --release -p linli" >&2; exit 1; }

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
  bindir="$(pg_config --bindir)"
else
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
fi
[ -n "$bindir" ] || { echo "faults: PostgreSQL's initdb/pg_ctl not found (install postgresql)" >&2; exit 1; }
command -v psql >/dev/null || { echo "faults: psql not found (install postgresql-client)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "faults: python3 not found" >&2; exit 1; }
for port in "$pg_port" "$http_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "faults: port $port is in use; set FAULTS_PGPORT / FAULTS_HTTP_PORT" >&2; exit 1
  fi
done

# PostgreSQL refuses to run as root: as root, its commands run as the postgres OS user.
as_owner=()
if [ "$(id -u)" = 0 ]; then as_owner=(runuser -u postgres --); fi

tmp="$(mktemp -d /tmp/linli-faults.XXXXXX)"
chmod 755 "$tmp"
data="$tmp/pg"

cleanup() {
  local status=$?
  set +e
  # The server of the scenario that was running, by the PID the driver recorded.
  if [ -f "$tmp/server.pid" ]; then
    pid="$(cat "$tmp/server.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null
    fi
  fi
  # Our cluster only: pg_ctl on our data directory, then its postmaster's PID if still up.
  if [ -f "$data/postmaster.pid" ]; then
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1
    if [ -f "$data/postmaster.pid" ]; then
      pm="$(head -1 "$data/postmaster.pid")"
      [ -n "$pm" ] && kill -9 "$pm" 2>/dev/null
    fi
  fi
  if [ "${FAULTS_KEEP:-0}" = 1 ]; then say "kept $tmp"; else rm -rf "$tmp"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "creating a private PostgreSQL cluster in $tmp (port $pg_port) ..."
mkdir -p "$data" "$tmp/sock"
if [ "$(id -u)" = 0 ]; then chown -R postgres "$tmp"; fi
"${as_owner[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 1; }
cat >>"$data/postgresql.conf" <<EOF
# bench/faults.sh
port = $pg_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$tmp/sock'
max_connections = 200
fsync = on
synchronous_commit = on
lc_messages = 'C'
EOF
"${as_owner[@]}" "$bindir/pg_ctl" -D "$data" -l "$data/log" -w start >/dev/null
psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c "CREATE DATABASE $db" >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/$db"
say "migrating and loading the demo district ..."
"$bin" migrate >"$tmp/migrate.log" 2>&1 || { cat "$tmp/migrate.log" >&2; exit 1; }
"$bin" seed-demo >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; exit 1; }

export FAULTS_BIN="$bin" FAULTS_DIR="$tmp" FAULTS_PGDATA="$data" FAULTS_PGBIN="$bindir" \
  FAULTS_PGPORT="$pg_port" FAULTS_HTTP_PORT="$http_port" FAULTS_DB="$db" \
  FAULTS_AS_OWNER="${as_owner[*]}"
export LINLI_JWT_SECRET="${FAULTS_JWT_SECRET:-faults-test-secret-not-for-production-0123456789}"
python3 "$root/bench/faults.py" "$@"
