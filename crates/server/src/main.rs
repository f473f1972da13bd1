//! `linli`: the Linli server and its maintenance commands.
//!
//! ```text
//! linli serve       run the API, the SPA and the docs UI
//! linli migrate     apply pending database migrations
//! linli seed-demo   load the demo district (idempotent)
//! linli openapi     print the OpenAPI document
//! ```

mod config;

use std::process::ExitCode;

use actix_web::HttpServer;
use config::Config;
use linli_http::{AppState, build_app, openapi_document};
use linli_persistence::{Db, PoolSettings, demo};

const USAGE: &str = "usage: linli <serve|migrate|seed-demo|openapi>\n\n  \
serve      run the API, the SPA and the docs UI (configuration from the environment, see README)\n  \
migrate    apply pending database migrations\n  \
seed-demo  load the demo district of the source document (safe to run again)\n  \
openapi    print the OpenAPI document (JSON) to standard output";

#[tokio::main]
async fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    let command = std::env::args().nth(1).unwrap_or_default();
    let result = match command.as_str() {
        "serve" => serve().await,
        "migrate" => migrate().await,
        "seed-demo" => seed_demo().await,
        "openapi" => print_openapi(),
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

fn maintenance_db() -> Result<Db, String> {
    let url = Config::database_url().map_err(|e| e.to_string())?;
    Db::connect(
        &url,
        &PoolSettings {
            max_size: 2,
            checkout_timeout: std::time::Duration::from_secs(10),
        },
    )
    .map_err(|e| e.to_string())
}

async fn migrate() -> Result<(), String> {
    let db = maintenance_db()?;
    let ran = db.migrate().await.map_err(|e| e.to_string())?;
    println!("migrations applied: {ran}");
    Ok(())
}

async fn seed_demo() -> Result<(), String> {
    let db = maintenance_db()?;
    let password = Config::demo_password();
    println!("seeding the demo district 雨花区 ...");
    let hash = tokio::task::spawn_blocking(move || linli_http::auth::password::hash(&password))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    let mut conn = db.conn().await.map_err(|e| e.to_string())?;
    let report = demo::seed(&mut conn, &hash)
        .await
        .map_err(|e| e.to_string())?;
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

fn print_openapi() -> Result<(), String> {
    let json = openapi_document()
        .to_pretty_json()
        .map_err(|e| e.to_string())?;
    println!("{json}");
    Ok(())
}

async fn serve() -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let db = Db::connect(&config.database_url, &config.pool).map_err(|e| e.to_string())?;
    if !db.ping().await {
        log::warn!("the database is not reachable yet; /readyz answers 503 until it is");
    }
    let state = AppState {
        db,
        settings: config.http.clone(),
    };
    log::info!(
        "linli listening on http://{} (docs at /docs{})",
        config.bind,
        if config.demo { ", demo mode" } else { "" }
    );
    HttpServer::new(move || build_app(state.clone()))
        .workers(config.workers)
        .bind(&config.bind)
        .map_err(|e| format!("cannot listen on {}: {e}", config.bind))?
        .run()
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}
