#!/usr/bin/env bash
# Drops per-test databases left behind by interrupted runs, and stale templates.
set -euo pipefail
server="$1"
psql "$server/postgres" -tAc "SELECT datname FROM pg_database WHERE datname LIKE 'linli\_t\_%' OR datname LIKE 'linli\_tpl\_%\_building'" |
while read -r name; do
  [ -n "$name" ] && psql "$server/postgres" -q -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null || true
done
