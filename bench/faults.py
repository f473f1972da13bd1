#!/usr/bin/env python3
"""Fault-injection driver for bench/faults.sh (Python 3.11, standard library only).

bench/faults.sh prepares a private PostgreSQL cluster and a migrated, seeded database, then
runs this driver, which starts the release server for each scenario and injects one fault:

  restart   PostgreSQL stopped (fast) for ~3 s under steady read load, then started again
  pool      every pool connection held (a table lock) while more requests arrive
  kill9     kill -9 of the postmaster during 1,000 concurrent check-ins with Idempotency-Key
  sigterm   SIGTERM to the server with 32 requests in flight

Each scenario prints PASS or FAIL with its measurements; the exit status is 1 when any
failed. Everything it needs comes from the environment faults.sh exports (FAULTS_*).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field

BIN = os.environ["FAULTS_BIN"]
TMP = os.environ["FAULTS_DIR"]
PGDATA = os.environ["FAULTS_PGDATA"]
PGBIN = os.environ["FAULTS_PGBIN"]
PGPORT = int(os.environ["FAULTS_PGPORT"])
DB = os.environ["FAULTS_DB"]
HTTP_PORT = int(os.environ.get("FAULTS_HTTP_PORT", "18439"))
SECRET = os.environ["LINLI_JWT_SECRET"]
PASSWORD = os.environ.get("LINLI_DEMO_PASSWORD", "Linli@2026")
AS_OWNER = os.environ.get("FAULTS_AS_OWNER", "").split()
DATABASE_URL = f"postgres://postgres@127.0.0.1:{PGPORT}/{DB}"
RUN = uuid.uuid4().hex[:8]


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ---- PostgreSQL -----------------------------------------------------------------------


def pg_ctl(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    cmd = AS_OWNER + [f"{PGBIN}/pg_ctl", "-D", PGDATA, *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=check)


def pg_start() -> None:
    pg_ctl("-l", f"{PGDATA}/log", "-w", "-t", "60", "start")


def pg_stop_fast() -> None:
    pg_ctl("-m", "fast", "-w", "stop")


def postmaster_pid() -> int:
    with open(f"{PGDATA}/postmaster.pid", encoding="utf-8") as f:
        return int(f.readline().strip())


def psql(sql: str) -> str:
    out = subprocess.run(
        ["psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(PGPORT), "-U", "postgres", "-d", DB,
         "-v", "ON_ERROR_STOP=1", "-tA", "-c", sql],
        capture_output=True, text=True,
    )
    if out.returncode != 0:
        raise RuntimeError(f"psql: {out.stderr.strip()} in: {sql[:200]}")
    return out.stdout.strip()


class TableLock:
    """A psql session holding ACCESS EXCLUSIVE on a table until released."""

    def __init__(self, table: str):
        self.proc = subprocess.Popen(
            ["psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(PGPORT), "-U", "postgres", "-d", DB,
             "-tA", "-v", "ON_ERROR_STOP=1"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(
            f"SET statement_timeout = 0;\nBEGIN;\nLOCK TABLE {table} IN ACCESS EXCLUSIVE MODE;\n"
            "SELECT 'locked';\n"
        )
        self.proc.stdin.flush()
        line = self.proc.stdout.readline().strip()
        if line != "locked":
            raise RuntimeError(f"could not lock {table}: {line}")

    def release(self) -> None:
        if self.proc.poll() is None and self.proc.stdin:
            self.proc.stdin.write("ROLLBACK;\n\\q\n")
            self.proc.stdin.flush()
            self.proc.stdin.close()
        self.proc.wait(timeout=10)


def waiting_on_locks() -> int:
    return int(psql(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock'"
    ))


def wait_for_lock_waiters(n: int, timeout: float = 15.0) -> int:
    deadline = time.monotonic() + timeout
    seen = 0
    while time.monotonic() < deadline:
        seen = waiting_on_locks()
        if seen >= n:
            return seen
        time.sleep(0.05)
    return seen


# ---- HTTP -----------------------------------------------------------------------------


@dataclass
class Answer:
    sent: float
    done: float
    status: int = 0            # 0: no HTTP answer (see error)
    error: str = ""            # refused / reset / timeout / …
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    path: str = ""

    @property
    def latency(self) -> float:
        return self.done - self.sent

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def proper_503(self) -> bool:
        """503, problem+json, code service_unavailable, with Retry-After."""
        doc = self.json() or {}
        return (
            self.status == 503
            and self.headers.get("content-type", "").startswith("application/problem+json")
            and doc.get("code") == "service_unavailable"
            and "retry-after" in self.headers
        )

    def short(self) -> str:
        if self.status == 0:
            return self.error
        code = (self.json() or {}).get("code", "") if self.status >= 400 else ""
        return f"{self.status}{' ' + code if code else ''}"


def request(method: str, path: str, token: str | None = None, body: bytes | None = None,
            headers: dict | None = None, timeout: float = 30.0) -> Answer:
    """One request on a fresh connection (no keep-alive races counted as resets)."""
    hdrs = {"Connection": "close", "Accept": "application/json"}
    if token:
        hdrs["Authorization"] = f"Bearer {token}"
    if body is not None:
        hdrs["Content-Type"] = "application/json"
    hdrs.update(headers or {})
    sent = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", HTTP_PORT, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=hdrs)
        r = conn.getresponse()
        data = r.read()
        return Answer(sent, time.monotonic(), r.status, "",
                      {k.lower(): v for k, v in r.getheaders()}, data, path)
    except ConnectionRefusedError:
        return Answer(sent, time.monotonic(), error="refused", path=path)
    except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected,
            http.client.IncompleteRead) as e:
        return Answer(sent, time.monotonic(), error=f"reset ({type(e).__name__})", path=path)
    except (socket.timeout, TimeoutError):
        return Answer(sent, time.monotonic(), error="timeout", path=path)
    except OSError as e:
        return Answer(sent, time.monotonic(), error=f"oserror ({e})", path=path)
    finally:
        conn.close()


def connect_refused() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", HTTP_PORT), timeout=2):
            return False
    except ConnectionRefusedError:
        return True
    except OSError:
        return False


def login(username: str) -> str:
    a = request("POST", "/api/v1/auth/login",
                body=json.dumps({"username": username, "password": PASSWORD}).encode())
    if a.status != 200:
        raise RuntimeError(f"login {username}: {a.short()} {a.body[:200]!r}")
    return a.json()["access_token"]


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def mint_token(user_id: str, version: int) -> str:
    """An HS256 access token with the claims crates/http/src/auth/jwt.rs issues and checks."""
    now = int(time.time())
    header = {"typ": "JWT", "alg": "HS256"}
    claims = {"iss": os.environ.get("LINLI_JWT_ISSUER", "linli"),
              "aud": os.environ.get("LINLI_JWT_AUDIENCE", "linli-api"),
              "sub": user_id, "iat": now, "nbf": now, "exp": now + 900,
              "jti": str(uuid.uuid4()), "typ": "access", "ver": version}
    signing = b64url(json.dumps(header, separators=(",", ":")).encode()) + "." + \
        b64url(json.dumps(claims, separators=(",", ":")).encode())
    sig = hmac.new(SECRET.encode(), signing.encode(), hashlib.sha256).digest()
    return signing + "." + b64url(sig)


# ---- the server -----------------------------------------------------------------------


class Server:
    def __init__(self, name: str, **env: str):
        self.log_path = f"{TMP}/server-{name}.log"
        e = dict(os.environ)
        e.update({
            "DATABASE_URL": DATABASE_URL,
            "LINLI_BIND": f"127.0.0.1:{HTTP_PORT}",
            "LINLI_RELAY": "0",
            "LINLI_JWT_SECRET": SECRET,
            "LINLI_UPLOAD_DIR": f"{TMP}/uploads",
            "LINLI_STATIC_DIR": f"{TMP}/no-spa",
            "RUST_LOG": "warn",
        })
        e.update(env)
        self.env = env
        self.log_file = open(self.log_path, "wb")
        self.proc = subprocess.Popen([BIN, "serve"], env=e, stdout=self.log_file,
                                     stderr=subprocess.STDOUT)
        # faults.sh's cleanup trap stops the server by this PID if the driver dies.
        with open(f"{TMP}/server.pid", "w", encoding="utf-8") as f:
            f.write(str(self.proc.pid))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited at start: {self.log_text()[-2000:]}")
            if request("GET", "/readyz", timeout=2).status == 200:
                return
            time.sleep(0.1)
        raise RuntimeError("server not ready within 30 s")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def log_text(self) -> str:
        self.log_file.flush()
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def panicked(self) -> bool:
        return "panicked" in self.log_text()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log_file.close()
        try:
            os.remove(f"{TMP}/server.pid")
        except FileNotFoundError:
            pass


# ---- reporting ------------------------------------------------------------------------


class Verdict:
    def __init__(self, name: str):
        self.name = name
        self.failures: list[str] = []
        self.numbers: dict[str, object] = {}

    def check(self, ok: bool, what: str) -> None:
        if not ok:
            self.failures.append(what)

    def note(self, key: str, value: object) -> None:
        self.numbers[key] = value

    def report(self) -> bool:
        status = "PASS" if not self.failures else "FAIL"
        print(f"\n{status} {self.name}")
        for k, v in self.numbers.items():
            print(f"    {k}: {v}")
        for f in self.failures:
            print(f"    FAILED: {f}")
        print(flush=True)
        return not self.failures


def tally(answers: list[Answer]) -> dict[str, int]:
    out: dict[str, int] = {}
    for a in answers:
        out[a.short()] = out.get(a.short(), 0) + 1
    return dict(sorted(out.items()))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


# ---- scenario 1: PostgreSQL restarted under load -------------------------------------


def scenario_restart() -> bool:
    v = Verdict("1. PostgreSQL restarted under load (stop -m fast, 3 s down, start)")
    checkout_ms = 2000
    server = Server("restart", LINLI_DB_POOL_SIZE="8", LINLI_DB_CHECKOUT_TIMEOUT_MS=str(checkout_ms))
    token = login("admin")
    answers: list[Answer] = []
    lock = threading.Lock()
    stop = threading.Event()

    def load(path: str, auth: bool) -> None:
        while not stop.is_set():
            a = request("GET", path, token if auth else None, timeout=15)
            with lock:
                answers.append(a)
            time.sleep(0.01)

    threads = [threading.Thread(target=load, args=("/api/v1/complaints?limit=20", True))
               for _ in range(4)]
    threads += [threading.Thread(target=load, args=("/readyz", False)) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        time.sleep(2.0)
        t_stop = time.monotonic()
        pg_stop_fast()
        t_stopped = time.monotonic()
        time.sleep(3.0)
        t_start = time.monotonic()
        pg_start()
        t_started = time.monotonic()
        time.sleep(12.0)
    finally:
        stop.set()
        for t in threads:
            t.join()
    alive = server.alive()
    panicked = server.panicked()
    internal = [line for line in server.log_text().splitlines() if "internal error" in line]
    server.stop()

    bad = [a for a in answers if not (200 <= a.status < 300 or a.proper_503())]
    outage = [a for a in answers if a.sent >= t_stopped and a.done <= t_start]
    outage_bad = [a for a in outage if not a.proper_503()]
    after = [a for a in answers if a.done >= t_started]
    first_ok = min((a.done for a in after if 200 <= a.status < 300), default=None)
    last_not_ok = max((a.done for a in answers if a.done >= t_stop and not 200 <= a.status < 300),
                      default=t_started)
    tail = [a for a in answers if a.sent > last_not_ok]
    max_latency = max((a.latency for a in answers), default=0.0)
    v.note("requests", f"{len(answers)} in {answers[-1].done - answers[0].sent:.1f} s: {tally(answers)}")
    v.note("pg stop -m fast took", ms(t_stopped - t_stop))
    v.note("answers while PostgreSQL was down",
           f"{len(outage)}: {tally(outage)}; max latency "
           f"{ms(max((a.latency for a in outage), default=0))}")
    v.note("pg start took (crash-free restart)", ms(t_started - t_start))
    v.note("first 2xx after the cluster accepted connections (after pg_ctl start began)",
           f"{ms(first_ok - t_started)} ({ms(first_ok - t_start)})" if first_ok else "never")
    v.note("all 2xx after the cluster accepted connections (after pg_ctl start began)",
           f"{ms(max(0.0, last_not_ok - t_started))} ({ms(max(0.0, last_not_ok - t_start))})")
    v.note("2xx answers after that", f"{len(tail)} of {len(tail)}" if not any(
        not 200 <= a.status < 300 for a in tail) else "not all")
    v.note("max latency of any request", ms(max_latency))
    v.note("server alive / panic in log", f"{alive} / {panicked}")
    for line in internal[:3]:
        v.note("server log", line[:300])
    for a in bad[:5]:
        v.note(f"bad answer at +{a.done - t_stop:.2f} s", f"{a.path}: {a.short()} {a.body[:160]!r}")
    v.check(not bad, f"{len(bad)} answers neither 2xx nor 503 problem+json with Retry-After")
    v.check(len(outage) > 0, "no request was answered while PostgreSQL was down")
    v.check(not outage_bad, f"{len(outage_bad)} answers during the outage were not a proper 503")
    v.check(max_latency <= checkout_ms / 1000 + 1.0,
            f"a request took {ms(max_latency)} (> checkout timeout {checkout_ms} ms + 1 s)")
    v.check(first_ok is not None, "no 2xx after PostgreSQL came back")
    v.check(last_not_ok - t_started <= 10.0, "not all-2xx within 10 s of the restart")
    v.check(len(tail) > 0, "no answers after recovery to judge")
    v.check(alive and not panicked, "server died or panicked")
    return v.report()


# ---- scenario 2: pool exhausted -------------------------------------------------------


def scenario_pool() -> bool:
    v = Verdict("2. Pool exhausted (pool 2, checkout timeout 1000 ms, complaints table locked)")
    checkout_ms, pool = 1000, 2
    server = Server("pool", LINLI_DB_POOL_SIZE=str(pool),
                    LINLI_DB_CHECKOUT_TIMEOUT_MS=str(checkout_ms),
                    LINLI_DB_STATEMENT_TIMEOUT_MS="30000")
    token = login("admin")
    held = TableLock("complaints")
    t_locked = time.monotonic()
    blockers: list[Answer] = []

    def block() -> None:
        blockers.append(request("GET", "/api/v1/complaints?limit=20", token, timeout=40))

    bt = [threading.Thread(target=block) for _ in range(pool)]
    for t in bt:
        t.start()
    waiting = wait_for_lock_waiters(pool)
    v.note("requests blocked on the lock holding every pool connection", f"{waiting} of {pool}")

    starved: list[Answer] = []
    slock = threading.Lock()

    def starve(path: str, auth: bool) -> None:
        a = request("GET", path, token if auth else None, timeout=20)
        with slock:
            starved.append(a)

    paths = [("/api/v1/complaints?limit=20", True)] * 6 + [("/api/v1/areas", True)] * 3 + \
        [("/readyz", False)] * 3
    st = [threading.Thread(target=starve, args=p) for p in paths]
    for t in st:
        t.start()
    for t in st:
        t.join()
    # A second wave after the first timed out: the pool must still answer 503 promptly.
    st = [threading.Thread(target=starve, args=p) for p in paths[:4]]
    for t in st:
        t.start()
    for t in st:
        t.join()
    time.sleep(0.5)
    held.release()
    t_released = time.monotonic()
    for t in bt:
        t.join()
    after = [request("GET", p, token if auth else None, timeout=10) for p, auth in paths]
    alive = server.alive() and not server.panicked()
    server.stop()

    lat = sorted(a.latency for a in starved)
    v.note("requests that found no free connection", f"{len(starved)}: {tally(starved)}")
    v.note("their latency min / median / max",
           f"{ms(lat[0])} / {ms(lat[len(lat) // 2])} / {ms(lat[-1])} "
           f"(checkout timeout {checkout_ms} ms)")
    v.note("blocked requests after the lock was released",
           f"{tally(blockers)}, answered "
           f"{ms(max(a.done for a in blockers) - t_released)} after release "
           f"(held {max(a.done for a in blockers) - t_locked:.1f} s)")
    v.note("requests after release", tally(after))
    v.check(waiting >= pool, "the pool was not exhausted (lock waiters missing)")
    v.check(all(a.proper_503() for a in starved),
            "a starved request was not 503 problem+json with Retry-After")
    v.check(lat[-1] <= checkout_ms / 1000 + 0.5,
            f"a starved request took {ms(lat[-1])} (> checkout timeout + 500 ms)")
    v.check(all(200 <= a.status < 300 for a in blockers), "a blocked request did not end 2xx")
    v.check(all(200 <= a.status < 300 for a in after), "not every request after release was 2xx")
    v.check(alive, "server died or panicked")
    return v.report()


# ---- scenario 3: kill -9 during 1,000 concurrent check-ins ----------------------------


def prepare_members(n: int) -> tuple[dict, list[tuple[str, str, str]]]:
    """Volunteers as tests/examples/checkin_burst.rs prepares them: a party member's person
    record, a user linked to it, a volunteer grant on the district; nobody checked in."""
    row = psql(
        "SELECT nc.id || '|' || d.id || '|' || nc.lat || '|' || nc.lon FROM neighbourhood_centres nc "
        "JOIN areas d ON d.depth = 0 ORDER BY nc.name LIMIT 1")
    centre_id, district, lat, lon = row.split("|")
    psql(f"""
        INSERT INTO people (id, name, is_party_member, employer)
          SELECT gen_random_uuid(), '故障测试党员' || n, true, '故障测试单位' FROM generate_series(1, {n}) n
          WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.username = 'faults-' || n);
        INSERT INTO users (id, username, display_name, password_hash, person_id)
          SELECT gen_random_uuid(), 'faults-' || n, '故障测试党员' || n, 'x', p.id
          FROM generate_series(1, {n}) n JOIN people p ON p.name = '故障测试党员' || n
          WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.username = 'faults-' || n);
        INSERT INTO user_grants (id, user_id, role, area_id)
          SELECT gen_random_uuid(), u.id, 'volunteer', '{district}' FROM users u
          WHERE u.username LIKE 'faults-%'
            AND NOT EXISTS (SELECT 1 FROM user_grants g WHERE g.user_id = u.id);
        DELETE FROM check_ins WHERE person_id IN
          (SELECT person_id FROM users WHERE username LIKE 'faults-%');
    """)
    rows = psql(
        f"SELECT u.id || '|' || u.token_version || '|' || u.person_id FROM users u "
        f"WHERE u.username LIKE 'faults-%' ORDER BY u.username LIMIT {n}").splitlines()
    members = [tuple(r.split("|")) for r in rows]
    body = json.dumps({"centre_id": centre_id,
                       "location": {"lat": float(lat) + 0.00005, "lon": float(lon),
                                    "accuracy_m": 10.0}}).encode()
    return {"centre": centre_id, "body": body}, members


@dataclass
class Client:
    index: int
    token: str
    person: str
    key: str
    attempts: int = 0
    final: Answer | None = None
    replayed: bool = False
    checkin_id: str | None = None
    history: list[str] = field(default_factory=list)
    gave_up: bool = False


def retryable(a: Answer) -> bool:
    if a.status == 0 or a.status >= 500 or a.status == 429:
        return True
    # The key is still held by an earlier attempt (its transaction has not ended yet).
    return a.status == 409 and (a.json() or {}).get("code") == "idempotency_in_flight"


def scenario_kill9(members_n: int = 1000, concurrency: int = 64, spread_s: float = 10.0) -> bool:
    v = Verdict(f"3. kill -9 of the postmaster during {members_n} concurrent check-ins "
                "(Idempotency-Key, clients retry)")
    t0 = time.monotonic()
    ctx, members = prepare_members(members_n)
    v.note("members prepared", f"{len(members)} in {time.monotonic() - t0:.1f} s")
    server = Server("kill9", LINLI_DB_POOL_SIZE="16", LINLI_DB_CHECKOUT_TIMEOUT_MS="3000")
    clients = [Client(i, mint_token(uid, int(ver)), person, f"faults-{RUN}-checkin-{i}")
               for i, (uid, ver, person) in enumerate(members)]
    body: bytes = ctx["body"]
    next_i = 0
    next_lock = threading.Lock()
    acked = 0
    acked_lock = threading.Lock()
    start = time.monotonic()
    interval = spread_s / max(1, len(clients))

    def run_client(c: Client) -> None:
        nonlocal acked
        first = time.monotonic()
        backoff = 0.1
        while True:
            c.attempts += 1
            a = request("POST", "/api/v1/check-ins", c.token, body,
                        {"Idempotency-Key": c.key}, timeout=30)
            c.history.append(a.short())
            if not retryable(a):
                c.final = a
                if 200 <= a.status < 300:
                    c.replayed = a.headers.get("idempotent-replayed") == "true"
                    c.checkin_id = (a.json() or {}).get("id")
                    with acked_lock:
                        acked += 1
                return
            if time.monotonic() - first > 60:
                c.final, c.gave_up = a, True
                return
            time.sleep(backoff + random.uniform(0, backoff))
            backoff = min(backoff * 2, 2.0)

    def worker() -> None:
        nonlocal next_i
        while True:
            with next_lock:
                i = next_i
                next_i += 1
            if i >= len(clients):
                return
            due = start + i * interval
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            run_client(clients[i])

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    # Partway through: once about a quarter are acknowledged.
    while acked < len(clients) // 4 and time.monotonic() - start < 30:
        time.sleep(0.01)
    pid = postmaster_pid()
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                              text=True).stdout.split()
    t_kill = time.monotonic()
    acked_at_kill, sent_at_kill = acked, min(next_i, len(clients))
    os.kill(pid, signal.SIGKILL)
    time.sleep(2.0)
    # Orphaned backends notice the postmaster's death and exit; a new postmaster refuses to
    # start while they still hold the old shared memory.
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{c}") for c in children):
        time.sleep(0.05)
    t_start = time.monotonic()
    start_attempts = 0
    for start_attempts in range(1, 6):
        if pg_ctl("-l", f"{PGDATA}/log", "-w", "-t", "60", "start", check=False).returncode == 0:
            break
        time.sleep(1.0)
    t_started = time.monotonic()
    for t in threads:
        t.join()
    wall = time.monotonic() - start
    # A phone that never saw its answer sends the same request again: every 10th
    # acknowledged client repeats its check-in, which must replay the stored 201 (same id).
    ok_first = [c for c in clients if c.final and 200 <= c.final.status < 300]
    sample = ok_first[::10]
    repeats = [(c, request("POST", "/api/v1/check-ins", c.token, body,
                           {"Idempotency-Key": c.key}, timeout=30)) for c in sample]
    repeat_ok = [c for c, a in repeats
                 if a.status == 201 and a.headers.get("idempotent-replayed") == "true"
                 and (a.json() or {}).get("id") == c.checkin_id]
    alive = server.alive() and not server.panicked()
    server.stop()
    with open(f"{PGDATA}/log", encoding="utf-8", errors="replace") as f:
        pglog = f.read()
    recovered = "not properly shut down" in pglog or "redo starts" in pglog \
        or "database system was interrupted" in pglog

    ok = [c for c in clients if c.final and 200 <= c.final.status < 300]
    acked_ids = {c.checkin_id for c in ok if c.checkin_id}
    ids = ",".join(f"'{i}'" for i in acked_ids) or "NULL"
    present = int(psql(f"SELECT count(*) FROM check_ins WHERE id IN ({ids})"))
    persons = ",".join(f"'{c.person}'" for c in clients)
    rows = int(psql(f"SELECT count(*) FROM check_ins WHERE person_id IN ({persons})"))
    dupes = int(psql(
        f"SELECT count(*) FROM (SELECT person_id FROM check_ins WHERE person_id IN ({persons}) "
        "GROUP BY person_id HAVING count(*) > 1) d"))
    mismatched = int(psql(
        "SELECT count(*) FROM check_ins ci JOIN (VALUES " +
        ",".join(f"('{c.checkin_id}'::uuid, '{c.person}'::uuid)" for c in ok if c.checkin_id) +
        ") AS a(id, person) ON a.id = ci.id WHERE ci.person_id <> a.person")) if ok else 0
    acked_persons = len({c.person for c in ok})
    retried = [c for c in clients if c.attempts > 1]
    replayed = [c for c in ok if c.replayed]
    definitive_4xx = [c for c in clients if c.final and 400 <= c.final.status < 500]
    gave_up = [c for c in clients if c.gave_up or c.final is None]
    attempts_tally: dict[str, int] = {}
    for c in clients:
        for h in c.history:
            attempts_tally[h] = attempts_tally.get(h, 0) + 1
    lost = len(acked_ids) - present

    v.note("check-ins", f"{len(clients)} clients, {concurrency} in flight, paced over "
           f"{spread_s:.0f} s; all done in {wall:.1f} s")
    v.note("kill -9 of the postmaster", f"at +{t_kill - start:.1f} s with {acked_at_kill} "
           f"acknowledged and {sent_at_kill} started; {len(children)} backends orphaned")
    v.note("cluster started again", f"{t_start - t_kill:.1f} s after the kill; ready "
           f"{ms(t_started - t_start)} later (pg_ctl start attempts: {start_attempts}); "
           f"crash recovery in its log: {recovered}")
    v.note("attempt answers", attempts_tally)
    v.note("acknowledged (2xx)", len(ok))
    v.note("retried (more than one attempt)", len(retried))
    v.note("replayed (Idempotent-Replayed: true)", len(replayed))
    v.note("repeated afterwards with the same key (every 10th acknowledged client)",
           f"{len(repeat_ok)} of {len(repeats)} replayed the first 201 with the same id; "
           f"answers {tally([a for _, a in repeats])}")
    v.note("definitive 4xx", f"{len(definitive_4xx)} {tally([c.final for c in definitive_4xx])}")
    v.note("gave up after 60 s", len(gave_up))
    v.note("check-in rows for these people", rows)
    v.note("lost (acknowledged id missing)", lost)
    v.note("duplicates (people with two check-ins)", dupes)
    v.note("acknowledged ids belonging to another person", mismatched)
    for c in (definitive_4xx + gave_up)[:5]:
        v.note(f"client {c.index}", f"{c.history} {c.final.body[:200] if c.final else b''!r}")
    v.check(lost == 0, f"{lost} acknowledged check-ins are missing")
    v.check(dupes == 0, f"{dupes} people have two check-ins")
    v.check(mismatched == 0, "an acknowledged id names another person's check-in")
    v.check(rows == acked_persons, f"{rows} check-ins for {acked_persons} acknowledged people")
    v.check(len(acked_ids) == len(ok), "a 2xx answer carried no check-in id")
    v.check(not definitive_4xx, f"{len(definitive_4xx)} clients ended with a 4xx")
    v.check(not gave_up, f"{len(gave_up)} clients gave up")
    v.check(len(repeat_ok) == len(repeats),
            f"{len(repeats) - len(repeat_ok)} repeated requests were not replayed")
    v.check(recovered, "PostgreSQL's log shows no crash recovery (was the kill effective?)")
    v.check(alive, "server died or panicked")
    return v.report()


# ---- scenario 4: SIGTERM under load ---------------------------------------------------


def scenario_sigterm(in_flight: int = 32) -> bool:
    shutdown_s = 10
    v = Verdict(f"4. SIGTERM with {in_flight} requests in flight "
                f"(LINLI_SHUTDOWN_TIMEOUT_SECS={shutdown_s})")
    server = Server("sigterm", LINLI_DB_POOL_SIZE=str(in_flight + 8),
                    LINLI_SHUTDOWN_TIMEOUT_SECS=str(shutdown_s),
                    LINLI_DB_STATEMENT_TIMEOUT_MS="30000")
    token = login("admin")
    compound = psql("SELECT c.id FROM compounds c JOIN areas a ON a.id = c.id "
                    "WHERE a.name LIKE '融城%' ORDER BY a.name LIMIT 1")
    title = f"停机测试 {RUN}"
    # Slow-ish on purpose: every request touches `complaints`, which a psql session holds
    # locked, so all of them are inside the server (holding a connection) at SIGTERM.
    held = TableLock("complaints")
    answers: list[Answer] = [None] * in_flight  # type: ignore[list-item]

    def send(i: int) -> None:
        if i % 2 == 0:
            answers[i] = request("GET", f"/api/v1/complaints?limit=20&i={i}", token, timeout=40)
        else:
            body = json.dumps({
                "compound_id": compound, "category": "noise", "title": title,
                "description": f"优雅停机测试 {RUN} #{i}",
                "complainant_name": "故障测试", "complainant_phone": "13700000000"}).encode()
            answers[i] = request("POST", "/api/v1/complaints", token, body,
                                 {"Idempotency-Key": f"faults-{RUN}-sigterm-{i}"}, timeout=40)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(in_flight)]
    for t in threads:
        t.start()
    waiting = wait_for_lock_waiters(in_flight)
    t_term = time.monotonic()
    server.proc.send_signal(signal.SIGTERM)
    time.sleep(0.5)
    refused = connect_refused()
    late = request("GET", "/readyz", timeout=5)
    time.sleep(1.0)
    held.release()
    t_released = time.monotonic()
    for t in threads:
        t.join()
    try:
        code = server.proc.wait(timeout=shutdown_s + 5)
    except subprocess.TimeoutExpired:
        code = None
    t_exit = time.monotonic()
    panicked = server.panicked()
    server.stop()
    created = [a for a in answers if a and a.path == "/api/v1/complaints" and a.status == 201]
    created_ids = [(a.json() or {}).get("id") for a in created]
    ids = ",".join(f"'{i}'" for i in created_ids if i) or "NULL"
    stored = int(psql(f"SELECT count(*) FROM complaints WHERE id IN ({ids})"))
    rows = int(psql(f"SELECT count(*) FROM complaints WHERE title = '{title}'"))

    v.note("in flight at SIGTERM (waiting inside PostgreSQL)", f"{waiting} of {in_flight}")
    v.note("their answers", tally(answers))
    v.note("lock released", f"{t_released - t_term:.1f} s after SIGTERM; last answer "
           f"{ms(max(a.done for a in answers) - t_released)} later")
    v.note("new connection 0.5 s after SIGTERM", "refused" if refused else "accepted")
    v.note("new request after SIGTERM", late.short())
    v.note("server exit", f"status {code}, {t_exit - t_term:.1f} s after SIGTERM")
    v.note("complaints created (201) / stored", f"{len(created)} / {stored} (rows with the "
           f"test title: {rows})")
    v.check(waiting >= in_flight, "not every request was in flight at SIGTERM")
    v.check(all(a and 200 <= a.status < 300 for a in answers),
            "an in-flight request did not get a complete 2xx answer")
    v.check(refused and late.status == 0, "the server accepted a new connection after SIGTERM")
    v.check(code == 0, f"exit status {code}, not 0")
    v.check(t_exit - t_term <= shutdown_s, "exit took longer than the shutdown timeout")
    v.check(stored == len(created) == rows, "created complaints and stored rows differ")
    v.check(not panicked, "panic in the server log")
    return v.report()


SCENARIOS = {"restart": scenario_restart, "pool": scenario_pool, "kill9": scenario_kill9,
             "sigterm": scenario_sigterm}


def main() -> int:
    chosen = sys.argv[1:] or list(SCENARIOS)
    results = {}
    for name in chosen:
        if name not in SCENARIOS:
            print(f"unknown scenario {name}; choose from {', '.join(SCENARIOS)}", file=sys.stderr)
            return 2
        log(f"scenario {name} ...")
        try:
            results[name] = SCENARIOS[name]()
        except Exception as e:  # a scenario that cannot run is a failure, not a crash
            print(f"\nFAIL {name}: could not run: {type(e).__name__}: {e}\n", flush=True)
            results[name] = False
            pidfile = f"{TMP}/server.pid"
            if os.path.exists(pidfile):
                with open(pidfile, encoding="utf-8") as f:
                    try:
                        os.kill(int(f.read()), signal.SIGTERM)
                    except (ProcessLookupError, ValueError):
                        pass
                time.sleep(1)
            if pg_ctl("status", check=False).returncode != 0:
                pg_start()
    print("summary: " + ", ".join(f"{k} {'PASS' if ok else 'FAIL'}" for k, ok in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
