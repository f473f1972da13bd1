//! Builders for public revenue: a compound's books.

use serde_json::{Value, json};
use uuid::Uuid;

use crate::TestApp;

impl TestApp {
    /// Opens the books of `compound` (the standard chart of accounts, opened on first
    /// read) as the administrator and returns them.
    pub async fn books(&self, compound: Uuid) -> Books {
        let admin = self.admin().await;
        self.books_as(&admin, compound).await
    }

    /// The books of `compound` as the holder of `token` reads them (opened on first read).
    pub async fn books_as(&self, token: &str, compound: Uuid) -> Books {
        let res = self
            .get_as(
                token,
                &format!("/api/v1/compounds/{compound}/ledger/accounts"),
            )
            .await;
        res.assert_status(200);
        Books {
            compound,
            chart: res.json(),
        }
    }
}

/// A compound's opened books.
#[derive(Debug, Clone)]
pub struct Books {
    pub compound: Uuid,
    /// The chart as `GET …/ledger/accounts` answers it.
    pub chart: Value,
}

impl Books {
    /// The id of the account with `code` (`1001` bank, `4001` parking, …).
    pub fn account(&self, code: &str) -> String {
        self.chart["items"]
            .as_array()
            .and_then(|items| items.iter().find(|a| a["code"] == code))
            .and_then(|a| a["id"].as_str())
            .unwrap_or_else(|| panic!("no account {code} in {}", self.chart))
            .to_owned()
    }
}

/// A balanced ledger entry of `fen` from `credit` to `debit` (account ids) on `date`.
pub fn ledger_entry(date: &str, memo: &str, debit: &str, credit: &str, fen: i64) -> Value {
    json!({"entry_date": date, "memo": memo, "lines": [
        {"account_id": debit, "debit_fen": fen},
        {"account_id": credit, "credit_fen": fen},
    ]})
}
