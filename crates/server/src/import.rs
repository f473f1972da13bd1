//! `linli import-ledger`: a property company's cash journal into a compound's public
//! revenue ledger, from the command line, with progress for large files.

use std::{io::Write, path::Path, time::Instant};

use linli_domain::public_revenue::parse_cash_journal;
use linli_persistence::{Db, PoolSettings, audit_log::AuditContext, public_revenue};
use sha2::{Digest, Sha256};

use crate::config::Config;

/// Imports `file` into the ledger of the compound named (or with the id) `compound`.
/// All rows or none: on any problem every one is printed and nothing is stored.
pub async fn run(compound: &str, file: &Path) -> Result<(), String> {
    let url = Config::database_url().map_err(|e| e.to_string())?;
    let db = Db::connect(
        &url,
        &PoolSettings {
            max_size: 1,
            checkout_timeout: std::time::Duration::from_secs(10),
            clock: Config::clock(std::env::var("LINLI_DEMO").is_ok_and(|v| v == "1"))
                .map_err(|e| e.to_string())?,
        },
    )
    .map_err(|e| e.to_string())?;
    let mut conn = db.conn().await.map_err(|e| e.to_string())?;
    let found = public_revenue::compounds_named(&mut conn, compound)
        .await
        .map_err(|e| e.to_string())?;
    let (compound_id, name, path) = match found.as_slice() {
        [one] => one.clone(),
        [] => {
            return Err(format!(
                "找不到小区 “{compound}” / no compound named or with id `{compound}`"
            ));
        }
        many => {
            let ids: Vec<String> = many.iter().map(|(id, _, _)| id.to_string()).collect();
            return Err(format!(
                "有 {} 个同名小区，请改用小区 ID / {} compounds share that name; use an id: {}",
                many.len(),
                many.len(),
                ids.join(", ")
            ));
        }
    };
    let started = Instant::now();
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    eprintln!(
        "读取 / read {} ({:.1} MB) for {name} …",
        file.display(),
        bytes.len() as f64 / 1_048_576.0
    );
    let accounts = public_revenue::chart(&mut conn, compound_id)
        .await
        .map_err(|e| e.to_string())?;
    let closed = public_revenue::closed_months(&mut conn, compound_id)
        .await
        .map_err(|e| e.to_string())?;
    let digest = Sha256::digest(&bytes).to_vec();
    if let Some(previous) = public_revenue::previous_import(&mut conn, compound_id, &digest)
        .await
        .map_err(|e| e.to_string())?
    {
        println!(
            "该文件已于 {} 导入（{} 笔），未重复记账 / this file was imported before ({} entries); nothing posted",
            previous.created_at.format("%Y-%m-%d %H:%M"),
            previous.entries,
            previous.entries
        );
        return Ok(());
    }
    let rows = match parse_cash_journal(&bytes, &accounts, &closed) {
        Ok(rows) => rows,
        Err(errors) => {
            for e in &errors {
                eprintln!("  第 {} 行 [{}] {}", e.row, e.column, e.message);
            }
            return Err(format!(
                "文件有 {} 处错误，未导入任何数据 / {} problems; nothing was imported",
                errors.len(),
                errors.len()
            ));
        }
    };
    let parsed = started.elapsed();
    eprintln!(
        "校验通过 / checked {} rows in {:.2} s; posting …",
        rows.len(),
        parsed.as_secs_f64()
    );
    let total = rows.len();
    let mut report = |done: usize| {
        eprint!(
            "\r  已记账 / posted {done} / {total} ({:.0}%)",
            done as f64 * 100.0 / total.max(1) as f64
        );
        let _ = std::io::stderr().flush();
    };
    let file_name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "import.csv".to_owned());
    let outcome = public_revenue::import(
        &mut conn,
        &AuditContext::system("linli import-ledger"),
        compound_id,
        &path,
        &public_revenue::ImportFile {
            name: file_name,
            sha256: digest,
        },
        &rows,
        &mut report,
    )
    .await
    .map_err(|e| format!("\n{e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!();
    println!(
        "导入完成 / imported {} entries into {name} in {seconds:.2} s ({:.0} rows/s); import {}",
        outcome.entries,
        outcome.entries as f64 / seconds.max(0.001),
        outcome.import_id
    );
    Ok(())
}
