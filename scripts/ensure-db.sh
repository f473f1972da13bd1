#!/usr/bin/env bash
# Usage: scripts/ensure-db.sh SERVER_URL NAME [--fresh]
# Creates database NAME on the server unless it exists (--fresh: drops it first).
set -euo pipefail
server="$1"; name="$2"; fresh="${3:-}"
if [ "$fresh" = "--fresh" ]; then
  psql "$server/postgres" -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null
fi
if ! psql "$server/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
  psql "$server/postgres" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$name\"" >/dev/null
fi
