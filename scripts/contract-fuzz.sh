#!/usr/bin/env bash
# Contract fuzzing: runs schemathesis against a private `linli serve` on a fresh demo
# database, once per role (district admin, property company staff, resident), and fails
# when any response is a 5xx or does not match openapi/openapi.json.
#
# Usage: scripts/contract-fuzz.sh                      (bounded: part of `make test`)
#        FUZZ_EXAMPLES=100 scripts/contract-fuzz.sh     (long mode: more cases per operation,
#                                                        and the coverage phase for every role)
# Other knobs: FUZZ_SEED (default fixed, so runs are reproducible), FUZZ_WORKERS (1),
# FUZZ_ROLES ("admin rongcheng.property weiji.resident"), FUZZ_COVERAGE_ROLES (which roles
# run the coverage phase; bounded: admin), FUZZ_PORT (18290).
# Expects target/debug/linli (`make build`). Reports land in .data/fuzz/<role>/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
say() { printf 'fuzz: %s\n' "$*" >&2; }

# Pinned so a new schemathesis release (new checks, new generators) cannot turn the build
# red on its own; bump it deliberately.
schemathesis_version="4.32.5"
venv="$root/.data/venv-fuzz"
examples="${FUZZ_EXAMPLES:-5}"
# The coverage phase (every boundary and invalid value of every parameter, deterministic)
# is most of the time. The bounded run gives it to the admin only, whose requests get past
# authorisation into validation and SQL everywhere; the other roles mostly stop at 403/404
# earlier on the same code, and get the (random) fuzzing phase. The long mode runs both.
if [ -n "${FUZZ_EXAMPLES:-}" ]; then default_coverage="admin rongcheng.property weiji.resident"; else default_coverage="admin"; fi
coverage_roles=" ${FUZZ_COVERAGE_ROLES:-$default_coverage} "
seed="${FUZZ_SEED:-20261126}"
# One worker: a second thread is no faster on two cores (the server is the bottleneck),
# and schemathesis' generator (hypothesis) calls ast.parse from each worker thread, which
# on CPython 3.11 can fail with "AST constructor recursion depth mismatch", a tool error.
workers="${FUZZ_WORKERS:-1}"
roles="${FUZZ_ROLES:-admin rongcheng.property weiji.resident}"
port="${FUZZ_PORT:-18290}"
password="${LINLI_DEMO_PASSWORD:-Linli@2026}"
base="http://127.0.0.1:$port"
out="$root/.data/fuzz"
linli="${LINLI_BIN:-$root/target/debug/linli}"

[ -x "$linli" ] || { say "no $linli; run 'make build' first"; exit 1; }

if [ "$("$venv/bin/schemathesis" --version 2>/dev/null || true)" != "schemathesis, version $schemathesis_version" ]; then
  say "installing schemathesis $schemathesis_version into $venv ..."
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version"
fi

rm -rf "$out"
mkdir -p "$out"
server="$(scripts/pg.sh)"
scripts/ensure-db.sh "$server" linli_fuzz --fresh
export DATABASE_URL="$server/linli_fuzz"
{ "$linli" migrate && "$linli" seed-demo; } >"$out/setup.log" 2>&1 || {
  say "migrate or seed-demo failed:"; cat "$out/setup.log" >&2; exit 1
}
# Trusting 127.0.0.1 as a proxy lets this script sign in from its own (documentation-range) client
# address, so the sign-in throttle tripped by fuzzed logins from 127.0.0.1 never locks it
# out. The statement timeout is raised from 5 s because this checks the contract, not
# latency, on machines shared with builds: the heaviest statistics queries (seconds on the
# 600-compound demo district) otherwise turn into 503s at random.
LINLI_BIND="127.0.0.1:$port" LINLI_DEMO=1 LINLI_RELAY=0 RUST_LOG=warn \
  LINLI_TRUSTED_PROXIES=127.0.0.1 LINLI_ACCESS_TOKEN_TTL_SECS=900 LINLI_DB_STATEMENT_TIMEOUT_MS=30000 \
  LINLI_UPLOAD_DIR="$out/uploads" LINLI_STATIC_DIR="$out/no-spa" \
  "$linli" serve >"$out/server.log" 2>&1 &
server_pid=$!
stop_server() {
  if kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
trap stop_server EXIT

for _ in $(seq 1 100); do
  curl -fsS "$base/readyz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { say "linli serve exited; see $out/server.log"; cat "$out/server.log" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "$base/readyz" >/dev/null || { say "linli serve never became ready"; exit 1; }

login() { # username -> access token on stdout
  # From an address of its own (TEST-NET-1): fuzzed sign-ins from 127.0.0.1 trip the
  # per-address throttle, which must not lock this script out.
  curl -fsS -X POST "$base/api/v1/auth/login" \
    -H 'Content-Type: application/json' -H "X-Forwarded-For: 192.0.2.1" \
    --data "$(printf '{"username":"%s","password":"%s"}' "$1" "$password")" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# Operations left out, because fuzzing them as the caller ends the caller's own session
# and turns the rest of the run into 401s (see docs/API-DESIGN.md, "Contract fuzzing"):
#   logout           revokes the sign-in the token belongs to;
#   change_password  a successful change ends every session of the user.
excluded=(--exclude-operation-id logout --exclude-operation-id change_password)

checks="not_a_server_error,response_schema_conformance,content_type_conformance,status_code_conformance"
# One schemathesis run. Arguments: role, a name for its log, extra schemathesis options.
# No example database: it would replay earlier runs' failures and litter the checkout, and
# the fixed seed already makes a failure reproduce.
fuzz_once() {
  local role="$1" name="$2" token
  shift 2
  # A fresh sign-in per run: nothing an earlier run did (grants, deactivations, the
  # throttle) can leave this one with a dead token, and no run outlives the token's 15
  # minutes (the long mode runs one tag at a time for that reason).
  token="$(login "$role")" || { say "could not sign in as $role"; return 1; }
  # Run from .data/fuzz: schemathesis keeps a cache (.schemathesis/) in its working directory.
  (cd "$out" && SCHEMATHESIS_HOOKS="$root/scripts/contract_fuzz_hooks.py" \
    "$venv/bin/schemathesis" run "$root/openapi/openapi.json" \
      --url "$base" \
      -H "Authorization: Bearer $token" \
      --checks "$checks" \
      --phases "$phases" \
      --max-examples "$examples" \
      --seed "$seed" \
      --generation-database none \
      --workers "$workers" \
      --generation-with-security-parameters false \
      --request-timeout 20 \
      --suppress-health-check all \
      --no-color \
      --report junit --report-dir "$out/$name" \
      "${excluded[@]}" "$@") >"$out/$name.log" 2>&1
}

# The long mode runs one tag at a time; `auth` last, because fuzzing `login` with the
# contract's example username (admin) trips that account's sign-in throttle for 15 minutes.
if [ -n "${FUZZ_EXAMPLES:-}" ]; then
  chunks="$(python3 -c 'import json, sys; print(" ".join(sorted({t for p in json.load(open(sys.argv[1]))["paths"].values() for o in p.values() if isinstance(o, dict) for t in o.get("tags", [])}, key=lambda t: (t == "auth", t))))' openapi/openapi.json)"
else
  chunks="all"
fi

started=$SECONDS
failed=()
for role in $roles; do
  phases="examples,fuzzing"
  case "$coverage_roles" in *" $role "*) phases="examples,coverage,fuzzing" ;; esac
  say "role $role: phases $phases, $examples examples per operation, seed $seed"
  role_started=$SECONDS
  for chunk in $chunks; do
    if [ "$chunk" = all ]; then name="$role"; only=(); else name="$role.$chunk"; only=(--include-tag "$chunk"); fi
    if ! fuzz_once "$role" "$name" "${only[@]}"; then
      failed+=("$name")
      say "$name: FAILED; the failing operations and checks:"
      grep -E '^_{5,} |^- [A-Z]+[0-9]+ |^    (Received|Documented):|^[A-Z][a-z]+ not possible' "$out/$name.log" | head -n 80 >&2 || true
      sed -n '/^Test cases:/,$p' "$out/$name.log" >&2
    fi
  done
  say "role $role: done in $((SECONDS - role_started)) s"
done

if grep -q 'panicked\|internal error' "$out/server.log"; then
  say "the server logged internal errors:"
  grep 'panicked\|internal error' "$out/server.log" | head -n 20 >&2
  failed+=("server-log")
fi

say "done in $((SECONDS - started)) s; full output in $out/*.log"
if [ ${#failed[@]} -gt 0 ]; then
  say "FAILED: ${failed[*]}"
  exit 1
fi
