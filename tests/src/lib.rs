//! Test harness for Linli's black-box API tests.
//!
//! Every test gets its own PostgreSQL database, cloned from a template that is migrated
//! and seeded with the demo district once per schema version, so tests run in parallel
//! and never see each other's rows. [`TestApp`] drives the real application (routing,
//! middleware, extractors, handlers, SQL) in process.

use std::{
    collections::hash_map::DefaultHasher,
    hash::{Hash, Hasher},
    path::Path,
    time::Duration,
};

pub mod builders;
pub mod images;
pub mod receiver;

pub use builders::{Compound, User, unique};

use actix_web::{
    body::to_bytes,
    http::{Method, StatusCode, header::HeaderMap},
    test,
};
use diesel::{QueryableByName, sql_types::Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::clock::Clock;
use linli_domain::policy::Role;
use linli_http::{AppState, AuthSettings, HttpSettings, build_app};
use linli_persistence::{Db, PoolSettings};
use linli_seed::{self as demo, demo_calendar::DemoCalendar};
use serde_json::Value;
use uuid::Uuid;

/// The demo password every seeded user has in tests.
pub const DEMO_PASSWORD: &str = "Linli@2026";
/// The JWT key tests sign with.
pub const JWT_SECRET: &[u8] = b"test-secret-test-secret-test-secret-0123";

/// Server URL (no database) tests connect to.
pub fn server_url() -> String {
    std::env::var("LINLI_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned())
        .trim_end_matches('/')
        .to_owned()
}

fn db_url(name: &str) -> String {
    format!("{}/{name}", server_url())
}

/// The text of a JSON string value, empty when it is not one.
pub fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

/// The id an answer carries at `value` (panics with the value when there is none).
pub fn id_in(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("the answer carries no id: {value}"))
        .to_owned()
}

/// The elements of a JSON array (none when `value` is not one).
pub fn each(value: &Value) -> std::slice::Iter<'_, Value> {
    value.as_array().map(|a| a.iter()).unwrap_or_default()
}

/// Percent-encodes text for a query string.
pub fn enc(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Settings the test app runs with.
pub fn auth_settings() -> AuthSettings {
    AuthSettings {
        jwt_secret: JWT_SECRET.to_vec(),
        issuer: "linli".into(),
        audience: "linli-api".into(),
        access_ttl: Duration::from_secs(900),
        refresh_ttl: Duration::from_secs(3600),
        leeway: Duration::from_secs(5),
    }
}

/// The clock of the test server and its databases: the system clock, or `LINLI_CLOCK`
/// (`+365d`, an RFC 3339 instant, …) to run the suite as if on another day. Tests read
/// "today" from here (or [`TestApp::clock`]), never from the system clock.
pub fn test_clock() -> Clock {
    static CLOCK: std::sync::OnceLock<Clock> = std::sync::OnceLock::new();
    *CLOCK.get_or_init(|| match std::env::var("LINLI_CLOCK") {
        Ok(spec) if !spec.trim().is_empty() => {
            Clock::parse(&spec).unwrap_or_else(|e| panic!("{e}"))
        }
        _ => Clock::system(),
    })
}

/// A name that changes whenever the schema, the demo data or the demo's calendar (the day
/// it is placed around) changes.
fn template_name() -> String {
    let mut hasher = DefaultHasher::new();
    DemoCalendar::for_today(test_clock().today())
        .key()
        .hash(&mut hasher);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("migrations"))
        .into_iter()
        .flatten()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .map(|e| e.path())
        .collect();
    // Every module of the demo seed shapes the template.
    files.extend(
        std::fs::read_dir(root.join("crates/seed/src"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(".rs"))
            }),
    );
    files.sort();
    for f in files {
        // By the path inside the project, so every checkout of the same tree shares one.
        f.strip_prefix(&root)
            .unwrap_or(&f)
            .to_string_lossy()
            .hash(&mut hasher);
        std::fs::read(&f).unwrap_or_default().hash(&mut hasher);
    }
    format!("linli_tpl_{:016x}", hasher.finish())
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    datname: String,
}

async fn admin_conn() -> AsyncPgConnection {
    AsyncPgConnection::establish(&db_url("postgres"))
        .await
        .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {}: {e}", server_url()))
}

async fn exists(conn: &mut AsyncPgConnection, name: &str) -> bool {
    let rows: Vec<Name> = diesel::sql_query(format!(
        "SELECT datname FROM pg_database WHERE datname = '{name}'"
    ))
    .load(conn)
    .await
    .unwrap_or_default();
    rows.iter().any(|r| r.datname == name)
}

/// Creates the template once (under an advisory lock, so parallel test processes wait
/// for the first one instead of racing it).
async fn ensure_template() -> String {
    let name = template_name();
    let mut conn = admin_conn().await;
    diesel::sql_query("SELECT pg_advisory_lock(4301110002)")
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("advisory lock: {e}"));
    if !exists(&mut conn, &name).await {
        // Templates of other schemas, seeds or days are of no further use.
        let stale: Vec<Name> = diesel::sql_query(
            "SELECT datname FROM pg_database WHERE datname LIKE 'linli\\_tpl\\_%' AND datname <> $1",
        )
        .bind::<Text, _>(&name)
        .load(&mut conn)
        .await
        .unwrap_or_default();
        for old in stale {
            let _ = diesel::sql_query(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                old.datname
            ))
            .execute(&mut conn)
            .await;
        }
        let building = format!("{name}_building");
        diesel::sql_query(format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("drop: {e}"));
        diesel::sql_query(format!("CREATE DATABASE {building}"))
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("create template: {e}"));
        let url = db_url(&building);
        // Diesel's migration harness needs a multi-threaded runtime.
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .unwrap_or_else(|e| panic!("runtime: {e}"));
            rt.block_on(async {
                let db = Db::connect(&url, &pool_settings(1)).unwrap_or_else(|e| panic!("{e}"));
                db.migrate()
                    .await
                    .unwrap_or_else(|e| panic!("migrate: {e}"));
                let hash = linli_app::password::hash(DEMO_PASSWORD)
                    .unwrap_or_else(|e| panic!("hash: {e}"));
                let mut c = db.conn().await.unwrap_or_else(|e| panic!("{e}"));
                demo::seed(&mut c, &hash, &test_clock())
                    .await
                    .unwrap_or_else(|e| panic!("seed: {e}"));
            });
        })
        .join()
        .unwrap_or_else(|_| panic!("building the template failed"));
        diesel::sql_query(format!("ALTER DATABASE {building} RENAME TO {name}"))
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("rename template: {e}"));
    }
    diesel::sql_query("SELECT pg_advisory_unlock(4301110002)")
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("unlock: {e}"));
    name
}

/// Moves every `20YY-MM` (and `20YY-MM-DD`) in `text` by `calendar`'s month shift.
pub fn shift_story_dates(calendar: &DemoCalendar, text: &str) -> String {
    let bytes = text.as_bytes();
    let digits = |from: usize, n: usize| {
        bytes
            .get(from..from + n)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    let number = |from: usize, n: usize| text[from..from + n].parse::<u32>().unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        // A date stands alone: not inside a word, a number or a UUID's dashed groups.
        let starts = bytes[i..].starts_with(b"20")
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'-'))
            && digits(i, 4)
            && bytes.get(i + 4) == Some(&b'-')
            && digits(i + 5, 2)
            && !digits(i + 7, 1);
        let month = if starts { number(i + 5, 2) } else { 0 };
        if !(1..=12).contains(&month) {
            let ch = text[i..].chars().next().unwrap_or(' ');
            out.push(ch);
            i += ch.len_utf8();
            continue;
        }
        let year = number(i, 4) as i32;
        let with_day = bytes.get(i + 7) == Some(&b'-') && digits(i + 8, 2) && !digits(i + 10, 1);
        let day = if with_day { number(i + 8, 2) } else { 1 };
        match chrono::NaiveDate::from_ymd_opt(year, month, day) {
            Some(date) if with_day => {
                out.push_str(&calendar.date(date).format("%Y-%m-%d").to_string());
                i += 10;
            }
            _ => {
                let first = chrono::NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
                out.push_str(&calendar.date(first).format("%Y-%m").to_string());
                i += 7;
            }
        }
    }
    out
}

/// Pool settings with `size` connections and a 10 s checkout timeout.
pub fn pool_settings(size: usize) -> PoolSettings {
    PoolSettings {
        max_size: size,
        checkout_timeout: Duration::from_secs(10),
        clock: test_clock(),
    }
}

/// A request's outcome.
#[derive(Debug)]
pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Response {
    /// The body as JSON (panics with the body text when it is not JSON).
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The body as JSON without the per-request `request_id`, for comparing two answers.
    pub fn json_sans_request_id(&self) -> Value {
        let mut body = self.json();
        if let Some(map) = body.as_object_mut() {
            map.remove("request_id");
        }
        body
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// A header as text.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }

    /// Asserts the status, showing the body when it differs.
    #[track_caller]
    pub fn assert_status(&self, expected: u16) -> &Self {
        assert_eq!(
            self.status.as_u16(),
            expected,
            "unexpected status; body: {}",
            self.text()
        );
        self
    }

    /// Asserts a 422 validation problem whose errors name `field`, and returns it.
    #[track_caller]
    pub fn assert_field_error(&self, field: &str) -> Value {
        let problem = self.assert_problem(422, "validation_failed");
        assert!(
            problem["errors"][field].is_array(),
            "no error for {field}: {problem}"
        );
        problem
    }

    /// Asserts a problem+json body with this status and code.
    #[track_caller]
    pub fn assert_problem(&self, status: u16, code: &str) -> Value {
        self.assert_status(status);
        assert_eq!(
            self.header("content-type").as_deref(),
            Some("application/problem+json"),
            "not a problem document: {}",
            self.text()
        );
        let body = self.json();
        assert_eq!(body["code"], code, "{body}");
        assert_eq!(body["status"], status, "{body}");
        for field in ["type", "title", "detail"] {
            assert!(body[field].is_string(), "problem without {field}: {body}");
        }
        body
    }
}

/// One request of a table-driven test: what is asked, of which path, with which body.
#[derive(Debug, Clone)]
pub enum Call {
    Get(String),
    Post(String, Value),
    Put(String, Value),
}

impl Call {
    /// A GET of `path`.
    pub fn get(path: &str) -> Call {
        Call::Get(path.to_owned())
    }

    /// A POST of `body` to `path`.
    pub fn post(path: &str, body: &Value) -> Call {
        Call::Post(path.to_owned(), body.clone())
    }

    /// A PUT of `body` to `path`.
    pub fn put(path: &str, body: &Value) -> Call {
        Call::Put(path.to_owned(), body.clone())
    }
}

/// The application under test, on a database of its own.
pub struct TestApp {
    pub state: AppState,
    pub database: String,
    /// Every response body sent to each bearer token or API key, for whole-suite scans
    /// (e.g. "no unmasked phone number ever reached this role").
    pub seen: std::sync::Mutex<Vec<(String, String)>>,
}

impl TestApp {
    /// A fresh app on a fresh copy of the seeded template.
    pub async fn new() -> TestApp {
        Self::with(pool_settings(20), |_| {}).await
    }

    /// A fresh app with its own pool settings and HTTP settings adjusted by `tweak`.
    pub async fn with(pool: PoolSettings, tweak: impl FnOnce(&mut HttpSettings)) -> TestApp {
        let template = ensure_template().await;
        let database = format!("linli_t_{}", Uuid::new_v4().simple());
        let mut conn = admin_conn().await;
        let mut attempts = 0;
        loop {
            match diesel::sql_query(format!("CREATE DATABASE {database} TEMPLATE {template}"))
                .execute(&mut conn)
                .await
            {
                Ok(_) => break,
                // Another test process may be cloning the same template this instant.
                Err(e) if attempts < 50 && e.to_string().contains("being accessed") => {
                    attempts += 1;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("create test database: {e}"),
            }
        }
        let db = Db::connect(&db_url(&database), &pool).unwrap_or_else(|e| panic!("{e}"));
        let mut settings = HttpSettings {
            auth: auth_settings(),
            body_limit: 64 * 1024,
            static_dir: None,
            trusted_proxies: Vec::new(),
            public_url: None,
            cors_origins: Vec::new(),
            webhook_allow_hosts: Vec::new(),
            upload_dir: std::env::temp_dir().join(format!("linli-uploads-{database}")),
        };
        tweak(&mut settings);
        TestApp {
            state: AppState::new(db, settings),
            database,
            seen: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// The server's clock ("now" and "today" as the app sees them).
    pub fn clock(&self) -> Clock {
        self.state.clock()
    }

    /// How the demo's story (written as of November 2026) is placed around the clock's
    /// today: the same [`DemoCalendar`] the seed used for this test's template.
    pub fn demo_calendar(&self) -> DemoCalendar {
        DemoCalendar::for_today(self.clock().today())
    }

    /// `text` with every story date (`2026-10`, `2026-11-02`, also inside CSV or a voucher
    /// number) moved as the demo's calendar moves month-level data, so a test written
    /// against the story holds on any day: `app.story("2026-10")` is the month the demo
    /// shows as the story's October (the month before last). An impossible day such as
    /// `2026-11-31` keeps its day and moves its month.
    pub fn story(&self, text: &str) -> String {
        shift_story_dates(&self.demo_calendar(), text)
    }

    /// A connection to this test's database, for arranging and checking rows directly.
    pub async fn conn(&self) -> linli_persistence::DbConn {
        self.state.db.conn().await.unwrap_or_else(|e| panic!("{e}"))
    }

    /// Runs a `SELECT count(*) AS n ...` with one optional text parameter.
    pub async fn count(&self, sql: &str, param: &str) -> i64 {
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let mut conn = self.conn().await;
        let rows: Vec<Count> = diesel::sql_query(sql)
            .bind::<Text, _>(param)
            .load(&mut *conn)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        rows.into_iter().next().map(|r| r.n).unwrap_or(-1)
    }

    /// Starts a request.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder<'_> {
        RequestBuilder {
            app: self,
            req: test::TestRequest::default().method(method).uri(path),
            credential: None,
        }
    }

    /// Starts a GET.
    pub fn get(&self, path: &str) -> RequestBuilder<'_> {
        self.request(Method::GET, path)
    }

    /// Starts a POST.
    pub fn post(&self, path: &str) -> RequestBuilder<'_> {
        self.request(Method::POST, path)
    }

    /// Starts a PUT.
    pub fn put(&self, path: &str) -> RequestBuilder<'_> {
        self.request(Method::PUT, path)
    }

    /// A DELETE request.
    pub fn delete(&self, path: &str) -> RequestBuilder<'_> {
        self.request(Method::DELETE, path)
    }

    /// GETs `path` as the holder of `token`.
    pub async fn get_as(&self, token: &str, path: &str) -> Response {
        self.get(path).bearer(token).send().await
    }

    /// Signs in through `POST /api/v1/auth/login` and returns the answer.
    pub async fn login(&self, username: &str, password: &str) -> Response {
        self.post("/api/v1/auth/login")
            .json(&serde_json::json!({"username": username, "password": password}))
            .send()
            .await
    }

    /// Exchanges a refresh token through `POST /api/v1/auth/refresh` and returns the answer.
    pub async fn refresh(&self, refresh_token: &str) -> Response {
        self.post("/api/v1/auth/refresh")
            .json(&serde_json::json!({ "refresh_token": refresh_token }))
            .send()
            .await
    }

    /// GETs `path` with no credential.
    pub async fn get_public(&self, path: &str) -> Response {
        self.get(path).send().await
    }

    /// GETs `path` with the API key `key`.
    pub async fn get_with_key(&self, key: &str, path: &str) -> Response {
        self.get(path).api_key(key).send().await
    }

    /// POSTs the JSON `body` to `path` as the holder of `token`.
    pub async fn post_as(&self, token: &str, path: &str, body: &Value) -> Response {
        self.post(path).bearer(token).json(body).send().await
    }

    /// POSTs the JSON `body` to `path` as the holder of `token` with the Idempotency-Key
    /// `key`.
    pub async fn post_once(&self, token: &str, path: &str, key: &str, body: &Value) -> Response {
        self.post(path)
            .bearer(token)
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .await
    }

    /// PUTs the JSON `body` to `path` as the holder of `token`.
    pub async fn put_as(&self, token: &str, path: &str, body: &Value) -> Response {
        self.put(path).bearer(token).json(body).send().await
    }

    /// Sends `call` as the holder of `token`.
    pub async fn call_as(&self, token: &str, call: &Call) -> Response {
        match call {
            Call::Get(path) => self.get_as(token, path).await,
            Call::Post(path, body) => self.post_as(token, path, body).await,
            Call::Put(path, body) => self.put_as(token, path, body).await,
        }
    }

    /// Sends each of `calls` in turn as the holder of `token` and asserts each is answered
    /// with the problem `status` and `code`.
    pub async fn assert_refused<const N: usize>(
        &self,
        token: &str,
        status: u16,
        code: &str,
        calls: [Call; N],
    ) {
        for call in calls {
            let res = self.call_as(token, &call).await;
            assert_eq!(
                res.status.as_u16(),
                status,
                "{call:?} answered {}",
                res.text()
            );
            res.assert_problem(status, code);
        }
    }

    /// An access token for a seeded user, minted as the server would.
    pub async fn token_for(&self, username: &str) -> String {
        let mut conn = self.conn().await;
        let (user, _) = linli_persistence::users::find_credentials(&mut conn, username)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no user {username}"));
        linli_http::auth::jwt::issue(&self.state.settings.auth, user.id, user.token_version)
            .unwrap_or_else(|e| panic!("{e}"))
            .0
    }

    /// Creates a user holding `role` over `area_id` and returns an access token for them.
    pub async fn user_with(&self, role: Role, area_id: Uuid) -> String {
        let username = format!("u{}", &Uuid::new_v4().simple().to_string()[..12]);
        let mut conn = self.conn().await;
        let (id, _) = linli_persistence::users::ensure(&mut conn, &username, "测试用户", "x")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        linli_persistence::users::ensure_grant(&mut conn, id, role, area_id)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        self.token_for(&username).await
    }

    /// Every response body sent to this credential so far.
    pub fn bodies_seen_by(&self, credential: &str) -> Vec<String> {
        self.seen
            .lock()
            .map(|seen| {
                seen.iter()
                    .filter(|(c, _)| c == credential)
                    .map(|(_, b)| b.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Runs SQL on this test's database (arranging state the API cannot reach, such as
    /// a superuser tampering with the audit log).
    pub async fn sql(&self, sql: &str) {
        use diesel_async::SimpleAsyncConnection;
        let mut conn = self.conn().await;
        conn.batch_execute(sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// The id of the first area with this name (demo data names are unique enough).
    pub async fn area_id(&self, name: &str) -> Uuid {
        use diesel::{ExpressionMethods, QueryDsl};
        use linli_persistence::schema::areas;
        let mut conn = self.conn().await;
        areas::table
            .filter(areas::name.eq(name))
            .select(areas::id)
            .order(areas::depth.asc())
            .first::<Uuid>(&mut *conn)
            .await
            .unwrap_or_else(|e| panic!("no area {name}: {e}"))
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        drop_database(self.database.clone());
    }
}

/// A database with nothing in it (not even the schema), dropped with the value: for tests of
/// what a server does when it starts.
#[derive(Debug)]
pub struct EmptyDatabase {
    pub name: String,
    pub url: String,
}

impl EmptyDatabase {
    pub async fn create() -> EmptyDatabase {
        let name = format!("linli_t_{}", Uuid::new_v4().simple());
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut admin_conn().await)
            .await
            .unwrap_or_else(|e| panic!("create {name}: {e}"));
        let url = db_url(&name);
        EmptyDatabase { name, url }
    }
}

impl Drop for EmptyDatabase {
    fn drop(&mut self) {
        drop_database(self.name.clone());
    }
}

/// Drops `database` on a runtime of its own (the test's may be shutting down).
fn drop_database(database: String) {
    let _ = std::thread::spawn(move || {
        let Ok(rt) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        rt.block_on(async {
            if let Ok(mut conn) = AsyncPgConnection::establish(&db_url("postgres")).await {
                let _ =
                    diesel::sql_query(format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
                        .execute(&mut conn)
                        .await;
            }
        });
    })
    .join();
}

/// A request being built.
pub struct RequestBuilder<'a> {
    app: &'a TestApp,
    req: test::TestRequest,
    credential: Option<String>,
}

impl RequestBuilder<'_> {
    /// Adds `Authorization: Bearer <token>`.
    pub fn bearer(mut self, token: &str) -> Self {
        self.req = self
            .req
            .insert_header(("authorization", format!("Bearer {token}")));
        self.credential = Some(token.to_owned());
        self
    }

    /// Adds `X-Api-Key`.
    pub fn api_key(mut self, key: &str) -> Self {
        self.req = self.req.insert_header(("x-api-key", key.to_owned()));
        self.credential = Some(key.to_owned());
        self
    }

    /// Sets the client's address as the server sees it.
    pub fn peer(mut self, addr: &str) -> Self {
        self.req = self
            .req
            .peer_addr(addr.parse().unwrap_or_else(|e| panic!("{addr}: {e}")));
        self
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.req = self.req.insert_header((name.to_owned(), value.to_owned()));
        self
    }

    /// Sets a JSON body.
    pub fn json(mut self, body: &Value) -> Self {
        self.req = self.req.set_json(body);
        self
    }

    /// Sets a raw body with a content type.
    pub fn raw(mut self, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        self.req = self
            .req
            .insert_header(("content-type", content_type.to_owned()))
            .set_payload(body.into());
        self
    }

    /// Sends the request through the whole application.
    pub async fn send(self) -> Response {
        let service = test::init_service(build_app(self.app.state.clone())).await;
        let response = test::call_service(&service, self.req.to_request()).await;
        let status = response.status();
        let headers = response.headers().clone();
        let body = to_bytes(response.into_body())
            .await
            .map(|b| b.to_vec())
            .unwrap_or_default();
        if let (Some(credential), Ok(mut seen)) = (self.credential, self.app.seen.lock()) {
            seen.push((credential, String::from_utf8_lossy(&body).into_owned()));
        }
        Response {
            status,
            headers,
            body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{DemoCalendar, shift_story_dates};

    #[test]
    fn story_dates_move_with_the_demo_calendar_and_nothing_else_does() {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let same = DemoCalendar::for_today(day(2026, 12, 7));
        let text = "2026-10,2026-11-02 J2026-11-015 2026-11-31 uuid 1234-2026-11ab 20261105";
        assert_eq!(shift_story_dates(&same, text), text);
        let later = DemoCalendar::for_today(day(2027, 3, 1));
        assert_eq!(
            shift_story_dates(&later, text),
            "2027-01,2027-02-02 J2026-11-015 2027-02-31 uuid 1234-2026-11ab 20261105"
        );
        assert_eq!(shift_story_dates(&later, "2026-09-30"), "2026-12-31");
        assert_eq!(shift_story_dates(&later, "2026-10-31"), "2027-01-31");
        assert_eq!(
            shift_story_dates(&later, "月份 2026-13 年"),
            "月份 2026-13 年"
        );
    }
}
