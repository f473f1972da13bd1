#!/usr/bin/env bash
# Finds a PostgreSQL server for Linli and prints its URL without a database name
# (e.g. postgres://postgres@127.0.0.1:5432) on standard output; messages go to stderr.
#
# Order: $DATABASE_URL's server; else a server on 127.0.0.1:5432; else a private cluster
# created and started under .data/pg with this machine's initdb/pg_ctl (as the postgres
# OS user when run as root). When none can be had it says what to install and fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
say() { printf '%s\n' "$*" >&2; }

reachable() { # host port
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" -t 2
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}

if [ -n "${DATABASE_URL:-}" ]; then
  # Strip the database name (and any query) to get the server URL.
  server="${DATABASE_URL%%\?*}"
  server="${server%/*}"
  printf '%s\n' "$server"
  exit 0
fi

# LINLI_PG_PRIVATE=1 skips the shared server and always uses the private cluster.
if [ "${LINLI_PG_PRIVATE:-0}" != 1 ] && reachable 127.0.0.1 5432; then
  printf '%s\n' "postgres://postgres@127.0.0.1:5432"
  exit 0
fi

port="${LINLI_PRIVATE_PG_PORT:-54329}"
data="$root/.data/pg"
if reachable 127.0.0.1 "$port"; then
  printf '%s\n' "postgres://postgres@127.0.0.1:$port"
  exit 0
fi

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
  bindir="$(pg_config --bindir)"
else
  for d in /usr/lib/postgresql/*/bin /usr/local/pgsql/bin /usr/pgsql-*/bin; do
    [ -x "$d/initdb" ] && bindir="$d"
  done
fi
if [ -z "$bindir" ]; then
  say "linli: no PostgreSQL found."
  say "  Install PostgreSQL 14 or newer, e.g. on Debian/Ubuntu:  sudo apt-get install -y postgresql"
  say "  or point Linli at a server:  export DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/linli"
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

mkdir -p "$data"
if [ "$(id -u)" = 0 ]; then chown -R postgres "$root/.data"; fi
if [ ! -f "$data/PG_VERSION" ]; then
  say "linli: creating a private PostgreSQL cluster in $data ..."
  as_owner "'$bindir/initdb' -D '$data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >&2
fi
say "linli: starting the private PostgreSQL on 127.0.0.1:$port ..."
as_owner "'$bindir/pg_ctl' -D '$data' -o \"-p $port -c listen_addresses=127.0.0.1 -k '$data'\" -l '$data/log' -w start" >&2 || {
  say "linli: the private PostgreSQL did not start; see $data/log"
  exit 1
}
printf '%s\n' "postgres://postgres@127.0.0.1:$port"
