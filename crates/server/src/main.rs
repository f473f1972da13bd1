//! `linli`: the Linli server and its maintenance commands.
//!
//! ```text
//! linli start       migrate, load the demo district in demo mode only, then serve
//! linli serve       run the API, the SPA and the docs UI
//! linli migrate     apply pending database migrations
//! linli seed-demo   load the demo district (idempotent)
//! linli openapi     print the OpenAPI document
//! linli import-ledger <compound> <file.csv>   import a cash journal into a compound's ledger
//! ```

use std::process::ExitCode;

use actix_web::HttpServer;
use linli::{config::Config, relay::Relay};
use linli_domain::clock::Clock;
use linli_http::{AppState, build_app, openapi_document};
use linli_persistence::{Db, PoolSettings};
use linli_seed as demo;

const USAGE: &str = "usage: linli <start|serve|migrate|seed-demo|openapi|relay|import-ledger>\n\n  \
start      what a container runs: migrate, load the demo district only when LINLI_DEMO=1, serve\n  \
serve      run the API, the SPA and the docs UI (configuration from the environment, see README)\n  \
relay      run only the webhook relay (for extra relay processes; serve runs one too)\n  \
migrate    apply pending database migrations\n  \
seed-demo  load the demo district of the source document (safe to run again)\n  \
openapi    print the OpenAPI document (JSON) to standard output\n  \
import-ledger <compound name or id> <file.csv>\n             \
import a cash journal (日期,凭证号,摘要,科目,收入,支出,收付方式) into the compound's\n             \
public revenue ledger: all rows or none, the same file twice posts once";

#[tokio::main]
async fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info"))
        .format(|buf, record| {
            use std::io::Write;
            let request = linli_http::request_id::current()
                .map(|id| format!(" request_id={id}"))
                .unwrap_or_default();
            writeln!(
                buf,
                "{} {:<5} {}{request} {}",
                buf.timestamp_millis(),
                record.level(),
                record.target(),
                record.args()
            )
        })
        .init();
    let command = std::env::args().nth(1).unwrap_or_default();
    let result = match command.as_str() {
        "start" => start().await,
        "serve" => serve().await,
        "migrate" => migrate().await,
        "seed-demo" => seed_demo().await,
        "openapi" => print_openapi(),
        "relay" => relay().await,
        "import-ledger" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            match args.as_slice() {
                [compound, file] => linli::import::run(compound, std::path::Path::new(file)).await,
                _ => Err(format!(
                    "import-ledger needs a compound and a file\n\n{USAGE}"
                )),
            }
        }
        "" | "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("linli: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A small pool for the maintenance commands, on `clock`.
fn maintenance_db(clock: Clock) -> Result<Db, String> {
    let url = Config::database_url().map_err(|e| e.to_string())?;
    Db::connect(
        &url,
        &PoolSettings {
            max_size: 2,
            checkout_timeout: std::time::Duration::from_secs(10),
            clock,
        },
    )
    .map_err(|e| e.to_string())
}

async fn migrate() -> Result<(), String> {
    let db = maintenance_db(Clock::system())?;
    let ran = db.migrate().await.map_err(|e| e.to_string())?;
    println!("migrations applied: {ran}");
    Ok(())
}

async fn seed_demo() -> Result<(), String> {
    // The demo is demo data on any clock: `LINLI_CLOCK` needs no demo mode here.
    let clock = Config::clock(true).map_err(|e| e.to_string())?;
    let db = maintenance_db(clock)?;
    println!("seeding the demo district 雨花区 ...");
    let report = linli::startup::seed_demo(&db, &Config::demo_password(), &clock).await?;
    if report.district_created {
        println!(
            "demo district created: {} areas, {} compounds",
            report.areas, report.compounds
        );
    } else {
        println!("demo district already present; left as it is");
    }
    println!(
        "demo users created: {} (of {})",
        report.users_created,
        demo::DEMO_USERS.len()
    );
    Ok(())
}

/// Migrations, the demo district in demo mode only, then [`serve`].
async fn start() -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let clock = Config::clock(config.demo).map_err(|e| e.to_string())?;
    let prepared = linli::startup::prepare(
        &maintenance_db(clock)?,
        config.demo,
        &Config::demo_password(),
    )
    .await?;
    println!(
        "migrations applied: {}; demo users created: {}{}",
        prepared.migrations,
        prepared.demo_users,
        if config.demo {
            ""
        } else {
            " (not in demo mode)"
        }
    );
    serve().await
}

async fn relay() -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let db = Db::connect(&config.database_url, &config.pool).map_err(|e| e.to_string())?;
    let relay = Relay::new(db, config.relay.clone())?;
    println!("webhook relay running; Ctrl-C or SIGTERM stops it");
    relay
        .run(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
    Ok(())
}

fn print_openapi() -> Result<(), String> {
    let json = openapi_document()
        .to_pretty_json()
        .map_err(|e| e.to_string())?;
    println!("{json}");
    Ok(())
}

async fn serve() -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let url = with_statement_timeout(&config.database_url, config.statement_timeout_ms);
    let db = Db::connect(&url, &config.pool).map_err(|e| e.to_string())?;
    if !db.ping().await {
        log::warn!("the database is not reachable yet; /readyz answers 503 until it is");
    }
    let state = AppState::new(db, config.http.clone());
    tokio::spawn(housekeeping(state.db.clone()));
    tokio::spawn(sla_sweeper(state.db.clone()));
    tokio::spawn(linli::sealer::run(state.db.clone()));
    tokio::spawn(linli::stats_rollup::run(state.db.clone()));
    if config.run_relay {
        let relay = Relay::new(state.db.clone(), config.relay.clone())?;
        tokio::spawn(relay.run(std::future::pending()));
        log::info!("webhook relay running");
    }
    if let Some(bind) = &config.metrics_bind {
        let metrics_state = state.clone();
        let server = HttpServer::new(move || {
            let state = metrics_state.clone();
            actix_web::App::new().route(
                "/metrics",
                actix_web::web::get().to(move || {
                    let state = state.clone();
                    async move { linli_http::handlers::ops::metrics::exposition(&state).await }
                }),
            )
        })
        .workers(1)
        .bind(bind)
        .map_err(|e| format!("cannot listen on {bind} (LINLI_METRICS_BIND): {e}"))?
        .run();
        tokio::spawn(server);
        log::info!("metrics without a token on http://{bind}/metrics");
    }
    log::info!(
        "linli listening on http://{} (docs at /docs{})",
        config.bind,
        if config.demo { ", demo mode" } else { "" }
    );
    HttpServer::new(move || build_app(state.clone()))
        .workers(config.workers)
        .shutdown_timeout(config.shutdown_timeout_secs)
        .bind(&config.bind)
        .map_err(|e| format!("cannot listen on {}: {e}", config.bind))?
        .run()
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// Adds `statement_timeout` to the connection options unless the URL already sets one, so
/// a runaway query ends instead of holding a connection.
fn with_statement_timeout(url: &str, millis: u64) -> String {
    if millis == 0 {
        return url.to_owned();
    }
    linli_persistence::db::with_session_option(url, "statement_timeout", &millis.to_string())
}

/// Marks complaints past their deadlines overdue and escalates them, and flags
/// rectification actions past their deadline, and closes forgotten check-outs, every minute. Safe to
/// run in several processes: each complaint is locked (`SKIP LOCKED`) while it is swept.
async fn sla_sweeper(db: Db) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        tick.tick().await;
        let Ok(mut conn) = db.conn().await else {
            continue;
        };
        let clock = db.clock();
        match linli_persistence::complaints::sweep_overdue(&mut conn, clock.now()).await {
            Ok(0) => {}
            Ok(n) => log::info!("SLA sweeper: {n} complaints overdue and escalated"),
            Err(e) => log::warn!("SLA sweeper: {e}"),
        }
        match linli_persistence::special_audits::sweep_overdue(&mut conn, clock.today()).await {
            Ok(0) => {}
            Ok(n) => log::info!("deadline sweeper: {n} rectification actions overdue"),
            Err(e) => log::warn!("deadline sweeper: {e}"),
        }
        match linli_persistence::volunteering::sweep_forgotten(&mut conn, clock.now()).await {
            Ok(0) => {}
            Ok(n) => log::info!("check-out sweeper: {n} forgotten check-outs closed and flagged"),
            Err(e) => log::warn!("check-out sweeper: {e}"),
        }
    }
}

/// Deletes expired idempotency records and old sign-in attempts, hourly.
async fn housekeeping(db: Db) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        let Ok(mut conn) = db.conn().await else {
            continue;
        };
        match linli_persistence::idempotency::purge_expired(&mut conn).await {
            Ok(n) if n > 0 => log::info!("housekeeping: {n} expired idempotency records removed"),
            Ok(_) => {}
            Err(e) => log::warn!("housekeeping: {e}"),
        }
        if let Err(e) = linli_persistence::logins::purge_old(&mut conn).await {
            log::warn!("housekeeping: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_timeout_is_added_once() {
        assert_eq!(
            with_statement_timeout("postgres://h/db", 5000),
            "postgres://h/db?options=-c%20statement_timeout%3D5000"
        );
        assert_eq!(
            with_statement_timeout("postgres://h/db?sslmode=disable", 10),
            "postgres://h/db?sslmode=disable&options=-c%20statement_timeout%3D10"
        );
        assert_eq!(
            with_statement_timeout("postgres://h/db?options=-c statement_timeout=1", 5),
            "postgres://h/db?options=-c statement_timeout=1"
        );
    }
}
