#!/usr/bin/env bash
# Ledger import speed: a cash journal of ROWS rows (default 100,000) into one compound,
# through the CLI (`linli import-ledger`) and through the API (POST .../ledger/imports),
# on a fresh database each; then the same file again (replayed, nothing posted).
#   bench/ledger_import.sh [ROWS=100000] [BUILD=release|debug]
# Set CARGO_TARGET_DIR to build elsewhere than target/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-100000}"; build="${2:-release}"
bin="${CARGO_TARGET_DIR:-$root/target}/$build/linli"
if [ ! -x "$bin" ]; then
  echo "building the $build binary ..."
  if [ "$build" = release ]; then cargo build --release -p linli; else cargo build -p linli; fi
fi
file="$(mktemp --suffix=.csv)"
trap 'rm -f "$file"' EXIT
# Plausible rows: income from parking, advertising, lockers, charging; cleaning and repairs.
awk -v n="$rows" 'BEGIN {
  print "日期,凭证号,摘要,科目,收入,支出,收付方式";
  split("4001 4002 4003 4005 4006", income, " "); split("5001 5002 5003", spend, " ");
  for (i = 1; i <= n; i++) {
    day = sprintf("2026-%02d-%02d", (i % 10) + 1, (i % 28) + 1);
    if (i % 4 == 0) printf "%s,B%07d,支出第%d笔,%s,,%d.%02d,银行\n", day, i, i, spend[(i % 3) + 1], 50 + i % 900, i % 100;
    else printf "%s,B%07d,收入第%d笔,%s,%d.%02d,,%s\n", day, i, i, income[(i % 5) + 1], 10 + i % 500, i % 100, (i % 7 == 0 ? "现金" : "银行");
  }
}' > "$file"
echo "file: $rows rows, $(du -h "$file" | cut -f1)"
server="$("$root/scripts/pg.sh")"
fresh_db() {
  "$root/scripts/ensure-db.sh" "$server" linli_bench_import --fresh
  export DATABASE_URL="$server/linli_bench_import"
  "$bin" migrate >/dev/null && "$bin" seed-demo >/dev/null
  # A compound without a demo ledger, so no month of the file is closed.
  compound=$(psql -tA "$DATABASE_URL" -c "select a.id from areas a where a.kind = 'compound' \
    and not exists (select 1 from ledger_accounts l where l.compound_id = a.id) order by a.path limit 1")
}

fresh_db
echo "== CLI =="
"$bin" import-ledger "$compound" "$file"
"$bin" import-ledger "$compound" "$file"

fresh_db
echo "== API =="
port=18191
LINLI_DEMO=1 LINLI_BIND="127.0.0.1:$port" LINLI_RELAY=0 RUST_LOG=warn \
  "$bin" serve >/tmp/linli-bench-import.log 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$file"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
token=$(curl -s "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"'"${LINLI_DEMO_PASSWORD:-Linli@2026}"'"}' | json "d['access_token']")
for attempt in first again; do
  out=$(curl -s -w '\n%{http_code} %{time_total}' -X POST -H "authorization: Bearer $token" -H 'content-type: text/csv' \
    --data-binary @"$file" "http://127.0.0.1:$port/api/v1/compounds/$compound/ledger/imports?file_name=bench.csv")
  status=$(echo "$out" | tail -1 | cut -d' ' -f1); seconds=$(echo "$out" | tail -1 | cut -d' ' -f2)
  echo "$attempt: HTTP $status in ${seconds}s ($(python3 -c "print(round($rows / $seconds))") rows/s) $(echo "$out" | head -1 | cut -c1-120)"
done
echo "entries: $(psql -tA "$DATABASE_URL" -c "select count(*) from ledger_entries e where e.compound_id = '$compound'")"
echo "unbalanced entries: $(psql -tA "$DATABASE_URL" -c "select count(*) from ledger_entries e where (select sum(debit_fen) - sum(credit_fen) from ledger_lines l where l.entry_id = e.id) <> 0")"
