//! 13,000 check-ins within a minute: the district's in-service party members arriving at
//! their centres at once, against a running server.
//!
//! ```text
//! DATABASE_URL=… LINLI_JWT_SECRET=… BASE_URL=http://127.0.0.1:18080 \
//!   cargo run --release -p linli-tests --example checkin_burst -- [MEMBERS] [SECONDS] [CONCURRENCY]
//! ```
//!
//! Prepares MEMBERS (default 13,000) volunteers with person records and tokens minted with
//! the server's secret, then sends one geofence check-in each at a steady pace spread over
//! SECONDS (default 60; 0 = as fast as possible) with CONCURRENCY (default 64) in flight,
//! and prints throughput, latency percentiles, errors, and duplicates found in the database.
//! With `TOKENS_OUT=<file>` it only prepares the members and writes their tokens (one per
//! line) to the file and the check-in body to `<file>.body`, for `bench/run.sh`.

use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use diesel::sql_types::{Double, Integer, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use uuid::Uuid;

#[derive(diesel::QueryableByName)]
struct CentreRow {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    district: Uuid,
    #[diesel(sql_type = Double)]
    lat: f64,
    #[diesel(sql_type = Double)]
    lon: f64,
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[derive(diesel::QueryableByName)]
struct UserRow {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Integer)]
    token_version: i32,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let members: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(13_000);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let concurrency: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(64);
    let base = std::env::var("BASE_URL").unwrap_or_else(|_| "http://127.0.0.1:18080".into());
    let config = linli::config::Config::from_env().unwrap_or_else(|e| panic!("{e}"));
    let mut conn = AsyncPgConnection::establish(&config.database_url)
        .await
        .unwrap_or_else(|e| panic!("database: {e}"));

    let centre: CentreRow = diesel::sql_query(
        "SELECT nc.id, d.id AS district, nc.lat, nc.lon FROM neighbourhood_centres nc \
         JOIN areas d ON d.depth = 0 ORDER BY nc.name LIMIT 1",
    )
    .get_result(&mut conn)
    .await
    .unwrap_or_else(|e| panic!("centre: {e}"));
    eprintln!("preparing {members} members (people, users, grants) …");
    let started = Instant::now();
    // Idempotent: members are `burst-<n>`; a second run reuses them after closing their
    // open check-ins, so every run starts with nobody checked in.
    conn.batch_execute(&format!(
        "INSERT INTO people (id, name, is_party_member, employer) \
           SELECT gen_random_uuid(), '压测党员' || n, true, '压测单位' FROM generate_series(1, {members}) n \
           WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.username = 'burst-' || n); \
         INSERT INTO users (id, username, display_name, password_hash, person_id) \
           SELECT gen_random_uuid(), 'burst-' || n, '压测党员' || n, 'x', p.id \
           FROM generate_series(1, {members}) n JOIN people p ON p.name = '压测党员' || n \
           WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.username = 'burst-' || n); \
         INSERT INTO user_grants (id, user_id, role, area_id) \
           SELECT gen_random_uuid(), u.id, 'volunteer', '{district}' FROM users u \
           WHERE u.username LIKE 'burst-%' AND NOT EXISTS (SELECT 1 FROM user_grants g WHERE g.user_id = u.id); \
         UPDATE check_ins SET checked_out_at = linli_now(), minutes = 0 WHERE checked_out_at IS NULL \
           AND person_id IN (SELECT person_id FROM users WHERE username LIKE 'burst-%');",
        district = centre.district
    ))
    .await
    .unwrap_or_else(|e| panic!("preparing members: {e}"));
    let users: Vec<UserRow> = diesel::sql_query(
        "SELECT id, token_version FROM users WHERE username LIKE 'burst-%' ORDER BY username LIMIT $1",
    )
    .bind::<Integer, _>(i32::try_from(members).unwrap_or(i32::MAX))
    .load(&mut conn)
    .await
    .unwrap_or_else(|e| panic!("users: {e}"));
    let tokens: Vec<String> = users
        .iter()
        .map(|u| {
            linli_http::auth::jwt::issue(&config.http.auth, u.id, u.token_version)
                .unwrap_or_else(|e| panic!("token: {e}"))
                .0
        })
        .collect();
    let body = serde_json::json!({"centre_id": centre.id,
        "location": {"lat": centre.lat + 0.00005, "lon": centre.lon, "accuracy_m": 10.0}})
    .to_string();
    // `make bench` drives its own load (wrk): it only needs the members' tokens and the body.
    if let Ok(path) = std::env::var("TOKENS_OUT") {
        std::fs::write(&path, tokens.join("\n") + "\n")
            .and_then(|()| std::fs::write(format!("{path}.body"), &body))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        eprintln!(
            "prepared {} members in {:.1} s; tokens in {path}",
            tokens.len(),
            started.elapsed().as_secs_f64()
        );
        return;
    }
    eprintln!(
        "prepared {} members in {:.1} s; sending {} check-ins over {seconds} s with {concurrency} in flight …",
        tokens.len(),
        started.elapsed().as_secs_f64(),
        tokens.len()
    );
    let before: Count = diesel::sql_query("SELECT count(*) AS n FROM check_ins")
        .get_result(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));

    // reqwest is built without a TLS provider of its own; plain HTTP still needs one set.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()
        .unwrap_or_else(|e| panic!("client: {e}"));
    let tokens = Arc::new(tokens);
    let next = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(tokens.len())));
    let statuses = Arc::new(Mutex::new(std::collections::BTreeMap::<u16, usize>::new()));
    let interval = if seconds == 0 {
        Duration::ZERO
    } else {
        Duration::from_secs(seconds) / u32::try_from(tokens.len().max(1)).unwrap_or(1)
    };
    let run_start = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (client, tokens, next, latencies, statuses, body, base) = (
            client.clone(),
            tokens.clone(),
            next.clone(),
            latencies.clone(),
            statuses.clone(),
            body.clone(),
            base.clone(),
        );
        workers.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= tokens.len() {
                    break;
                }
                // Steady arrivals: request i leaves no earlier than i × interval.
                let due = run_start + interval * u32::try_from(i).unwrap_or(u32::MAX);
                if let Some(wait) = due.checked_duration_since(Instant::now()) {
                    tokio::time::sleep(wait).await;
                }
                let sent = Instant::now();
                let status = client
                    .post(format!("{base}/api/v1/check-ins"))
                    .bearer_auth(&tokens[i])
                    .header("content-type", "application/json")
                    .body(body.clone())
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
                    .unwrap_or(0);
                let took = sent.elapsed();
                if let Ok(mut l) = latencies.lock() {
                    l.push(took);
                }
                if let Ok(mut s) = statuses.lock() {
                    *s.entry(status).or_default() += 1;
                }
            }
        }));
    }
    for w in workers {
        let _ = w.await;
    }
    let wall = run_start.elapsed();
    let mut latencies = latencies.lock().map(|l| l.clone()).unwrap_or_default();
    latencies.sort();
    let statuses = statuses.lock().map(|s| s.clone()).unwrap_or_default();
    let ok = statuses.get(&201).copied().unwrap_or(0);
    let errors: usize = statuses
        .iter()
        .filter(|(s, _)| **s != 201)
        .map(|(_, n)| n)
        .sum();
    let after: Count = diesel::sql_query("SELECT count(*) AS n FROM check_ins")
        .get_result(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let duplicates: Count = diesel::sql_query(
        "SELECT count(*) AS n FROM (SELECT person_id FROM check_ins WHERE checked_out_at IS NULL \
         GROUP BY person_id HAVING count(*) > 1) d",
    )
    .get_result(&mut conn)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    println!(
        "check-ins: {} sent in {:.1} s = {:.0}/s; 201: {ok}; errors: {errors} {statuses:?}; \
         p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms; rows added {}; duplicates {}",
        latencies.len(),
        wall.as_secs_f64(),
        latencies.len() as f64 / wall.as_secs_f64(),
        percentile(&latencies, 0.50).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.95).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.99).as_secs_f64() * 1000.0,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1000.0,
        after.n - before.n,
        duplicates.n
    );
}
