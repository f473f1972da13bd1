#!/usr/bin/env bash
# The domain crate must not depend (even indirectly) on storage, transport or token crates.
set -euo pipefail
forbidden='^(diesel|diesel-async|actix-web|actix-http|utoipa|jsonwebtoken)( |$)'
found="$(cargo tree -p linli-domain -e normal --prefix none --quiet | sort -u | grep -E "$forbidden" || true)"
if [ -n "$found" ]; then
  echo "linli-domain must not depend on:" >&2
  echo "$found" >&2
  exit 1
fi
echo "domain dependency check: ok (no diesel, actix-web, utoipa or jsonwebtoken)"
