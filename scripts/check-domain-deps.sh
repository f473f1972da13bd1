#!/usr/bin/env bash
# Layers depend one way: the domain crate on no storage, transport or token crate; the use
# cases (linli-app) on no transport or token crate (they are called by HTTP, Open311, the
# imports and the command line alike).
set -euo pipefail
check() {
  local crate="$1" forbidden="$2" what="$3"
  local found
  found="$(cargo tree -p "$crate" -e normal --prefix none --quiet | sort -u | grep -E "$forbidden" || true)"
  if [ -n "$found" ]; then
    echo "$crate must not depend on:" >&2
    echo "$found" >&2
    exit 1
  fi
  echo "$crate dependency check: ok (no $what)"
}
check linli-domain '^(diesel|diesel-async|actix-web|actix-http|utoipa|jsonwebtoken)( |$)' "diesel, actix-web, utoipa or jsonwebtoken"
# The `openapi` feature (turned on by the HTTP crate only) adds the schemas of the domain's
# enums, and with them utoipa without its web-framework extras; nothing else.
found="$(cargo tree -p linli-domain --features openapi -e normal --prefix none --quiet | sort -u | grep -E '^(diesel|diesel-async|actix-web|actix-http|jsonwebtoken)( |$)' || true)"
if [ -n "$found" ]; then
  echo "linli-domain with the openapi feature must not depend on:" >&2
  echo "$found" >&2
  exit 1
fi
echo "linli-domain dependency check (openapi feature): ok (utoipa only)"
check linli-app '^(actix-web|actix-http|utoipa|utoipa-actix-web|jsonwebtoken|linli-http)( |$)' "actix-web, utoipa, jsonwebtoken or linli-http"
found="$(cargo tree -p linli-http -e normal --prefix none --quiet | grep -E '^linli-seed( |$)' || true)"
if [ -n "$found" ]; then
  echo "the product (linli-http) must not depend on the demo seed (linli-seed)" >&2
  exit 1
fi
echo "linli-http dependency check: ok (no linli-seed)"
