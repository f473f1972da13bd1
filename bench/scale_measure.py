"""Latencies of the complaint list, keyset paging and dashboard statistics over HTTP,
for bench/scale.sh. Sequential requests on one keep-alive connection, so each figure
is one request's server time plus loopback; prints a markdown table.

Environment: BASE, PASSWORD, SUBDISTRICT, COMMUNITY, COMPOUND (area ids), REQUESTS,
PAGES, WRK_SECONDS (0: no wrk run)."""

import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import time
from urllib.parse import urlencode, urlparse

BASE = os.environ["BASE"]
REQUESTS = int(os.environ.get("REQUESTS", "200"))
PAGES = int(os.environ.get("PAGES", "1000"))
WRK_SECONDS = int(os.environ.get("WRK_SECONDS", "10"))
# Slow endpoints get at most this many seconds of sequential requests (at least 3).
BUDGET_S = float(os.environ.get("BUDGET_S", "60"))
url = urlparse(BASE)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
errors = []


def request(method, path, token=None, body=None):
    headers = {"accept": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    if body is not None:
        headers["content-type"] = "application/json"
        body = json.dumps(body)
    t = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read()
    ms = (time.perf_counter() - t) * 1000
    if resp.status != 200:
        # Recorded, not fatal: a statement past LINLI_DB_STATEMENT_TIMEOUT_MS answers 5xx.
        errors.append(f"{method} {path}: HTTP {resp.status}: {data[:200]!r}")
        return ms, None
    return ms, json.loads(data)


def login(user):
    _, d = request("POST", "/api/v1/auth/login", body={"username": user, "password": os.environ["PASSWORD"]})
    return d["access_token"]


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


rows = []


def record(name, lat, note=""):
    rows.append((name, len(lat), pct(lat, 50), pct(lat, 99), max(lat), note))
    print(f"  {name}: n={len(lat)} p50={pct(lat, 50):.1f}ms p99={pct(lat, 99):.1f}ms max={max(lat):.1f}ms {note}",
          file=sys.stderr, flush=True)


def measure(name, token, path, params):
    full = path + ("?" + urlencode(params) if params else "")
    request("GET", full, token)  # warm-up, not counted
    lat, started = [], time.perf_counter()
    items, failed = None, 0
    while len(lat) < REQUESTS and (len(lat) < 3 or time.perf_counter() - started < BUDGET_S):
        ms, d = request("GET", full, token)
        lat.append(ms)
        if d is None:
            failed += 1
        else:
            items = d
    if items is None:
        note = "every request failed"
    else:
        note = f"{len(items['items']) if isinstance(items, dict) else len(items)} rows"
    record(name, lat, note + (f"; {failed} failed" if failed else ""))


def walk(name, token, params):
    """Follows next_cursor PAGES pages: page 1 vs the deepest tenth."""
    lat, cursor = [], None
    for _ in range(PAGES):
        p = dict(params, limit=20)
        if cursor:
            p["cursor"] = cursor
        ms, d = request("GET", "/api/v1/complaints?" + urlencode(p), token)
        lat.append(ms)
        cursor = d.get("next_cursor") if d else None
        if not cursor:
            break
    deep = lat[-max(1, len(lat) // 10):]
    record(f"{name}: page 1", lat[:1], "")
    record(f"{name}: pages {len(lat) - len(deep) + 1}-{len(lat)}", deep, f"{len(lat)} pages walked")


admin = login("admin")
staff = login("houjiatang")
sd, cm, cp = os.environ["SUBDISTRICT"], os.environ["COMMUNITY"], os.environ["COMPOUND"]
L = "/api/v1/complaints"
print("measuring ...", file=sys.stderr)
measure("list admin, no filter", admin, L, {"limit": 20})
measure("list admin, area=subdistrict", admin, L, {"limit": 20, "area_id": sd})
measure("list admin, area=community", admin, L, {"limit": 20, "area_id": cm})
measure("list admin, area=compound", admin, L, {"limit": 20, "area_id": cp})
measure("list admin, status=submitted", admin, L, {"limit": 20, "status": "submitted"})
measure("list admin, status=returned", admin, L, {"limit": 20, "status": "returned"})
measure("list admin, category=elevator", admin, L, {"limit": 20, "category": "elevator"})
measure("list admin, overdue=true", admin, L, {"limit": 20, "overdue": "true"})
measure("list admin, area=subdistrict+status=in_progress", admin, L,
        {"limit": 20, "area_id": sd, "status": "in_progress"})
measure("list admin, area=community+category=noise", admin, L, {"limit": 20, "area_id": cm, "category": "noise"})
measure("list admin, area=compound+status=closed+category=parking", admin, L,
        {"limit": 20, "area_id": cp, "status": "closed", "category": "parking"})
measure("list admin, area=compound+status=assigned", admin, L, {"limit": 20, "area_id": cp, "status": "assigned"})
measure("list houjiatang, no filter", staff, L, {"limit": 20})
measure("list houjiatang, status=signed", staff, L, {"limit": 20, "status": "signed"})
measure("list houjiatang, area=community+status=resolved", staff, L,
        {"limit": 20, "area_id": cm, "status": "resolved"})
walk("keyset admin", admin, {})
walk("keyset admin area=subdistrict", admin, {"area_id": sd})
walk("keyset houjiatang status=closed", staff, {"status": "closed"})
measure("counts admin (/complaints/counts)", admin, "/api/v1/complaints/counts", {})
measure("counts houjiatang", staff, "/api/v1/complaints/counts", {})
# The dashboard (all time, from the rollup) for every grouping, and one exact period.
for who, tok in (("admin", admin), ("houjiatang", staff)):
    for group in ("subdistrict", "compound", "category", "handler"):
        measure(f"stats {who} group_by={group} (/stats/complaints)", tok, "/api/v1/stats/complaints",
                {"group_by": group})
last_30_days = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 30 * 86400))
measure("stats admin group_by=subdistrict, last 30 days (exact)", admin, "/api/v1/stats/complaints",
        {"group_by": "subdistrict", "from": last_30_days})

print()
print("| scenario | requests | p50 ms | p99 ms | max ms | |")
print("|---|---:|---:|---:|---:|---|")
for name, n, p50, p99, mx, note in rows:
    print(f"| {name} | {n} | {p50:.1f} | {p99:.1f} | {mx:.1f} | {note} |")

for e in errors[:10]:
    print(f"error: {e}", file=sys.stderr)

if WRK_SECONDS > 0 and shutil.which("wrk"):
    for name, tok, params in (("list admin, area=subdistrict", admin, {"limit": 20, "area_id": sd}),
                              ("list houjiatang, status=signed", staff, {"limit": 20, "status": "signed"})):
        out = subprocess.run(["wrk", "-t2", "-c8", f"-d{WRK_SECONDS}s", "--latency", "-H", f"Authorization: Bearer {tok}",
                              f"{BASE}{L}?{urlencode(params)}"], capture_output=True, text=True, check=False).stdout
        rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
        p50 = re.search(r"^\s*50%\s+(\S+)", out, re.M)
        p99 = re.search(r"^\s*99%\s+(\S+)", out, re.M)
        print(f"\nwrk -c8 {WRK_SECONDS}s {name}: {rps.group(1) if rps else '?'} req/s, "
              f"p50 {p50.group(1) if p50 else '?'}, p99 {p99.group(1) if p99 else '?'}")
