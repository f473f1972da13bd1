//! Public revenue bodies: accounts, journal entries, periods, imports, reports, disclosures.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use linli_app::public_revenue as app;
use linli_domain::public_revenue::{AccountKind, Line, RowError, Summary, yuan};
use linli_persistence::public_revenue::{
    Account, AreaTotals, Disclosure, EntryRow, ImportOutcome, JournalFilter, LineRow, MonthlyRow,
    Voucher,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// What an account records.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = AccountKind)]
pub enum AccountKindSchema {
    Asset,
    Liability,
    Income,
    Expense,
}

/// An account of a compound's chart with its balance.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountView {
    pub id: Uuid,
    /// 4 to 8 digits; the standard chart uses 1xxx assets, 2xxx liabilities, 4xxx income, 5xxx expenses.
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    #[schema(value_type = AccountKindSchema)]
    pub kind: AccountKind,
    /// Reporting category (`parking`, `tidal_parking`, `advertising` …).
    pub category: String,
    pub active: bool,
    pub debit_fen: i64,
    pub credit_fen: i64,
    /// In the account's natural direction: income and liabilities as credits less debits.
    pub balance_fen: i64,
}

impl From<Account> for AccountView {
    fn from(a: Account) -> Self {
        AccountView {
            kind: a.kind(),
            balance_fen: a.balance_fen(),
            id: a.id,
            code: a.code,
            name_zh: a.name_zh,
            name_en: a.name_en,
            category: a.category,
            active: a.active,
            debit_fen: a.debit_fen,
            credit_fen: a.credit_fen,
        }
    }
}

/// A compound's chart of accounts.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountList {
    pub compound_id: Uuid,
    pub items: Vec<AccountView>,
}

/// An account a compound adds to its chart.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewAccountRequest {
    #[schema(pattern = "^[0-9]{4,8}$")]
    pub code: String,
    #[schema(min_length = 1, max_length = 40)]
    pub name_zh: String,
    #[schema(min_length = 1, max_length = 60)]
    pub name_en: String,
    #[schema(value_type = AccountKindSchema)]
    pub kind: AccountKind,
    /// One of the standard chart's categories of that kind.
    pub category: String,
}

impl NewAccountRequest {
    /// The command to add this account to the compound's chart.
    pub fn into_command(self, compound_id: Uuid) -> app::CreateAccount {
        app::CreateAccount {
            compound_id: compound_id.into(),
            code: self.code,
            name_zh: self.name_zh,
            name_en: self.name_en,
            kind: self.kind,
            category: self.category,
        }
    }
}

/// One line of an entry.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct LineInput {
    pub account_id: Uuid,
    #[serde(default)]
    #[schema(minimum = 0)]
    pub debit_fen: i64,
    #[serde(default)]
    #[schema(minimum = 0)]
    pub credit_fen: i64,
}

/// A journal entry to post. Debits must equal credits.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewEntryRequest {
    pub entry_date: NaiveDate,
    #[schema(min_length = 1, max_length = 200)]
    pub memo: String,
    #[schema(max_length = 40)]
    pub voucher_no: Option<String>,
    #[schema(min_items = 2, max_items = 50)]
    pub lines: Vec<LineInput>,
}

impl NewEntryRequest {
    /// The command to post this entry in the compound's ledger.
    pub fn into_command(self, compound_id: Uuid) -> app::PostEntry {
        app::PostEntry {
            compound_id: compound_id.into(),
            entry_date: self.entry_date,
            memo: self.memo,
            voucher_no: self.voucher_no,
            lines: self
                .lines
                .iter()
                .map(|l| Line {
                    account_id: l.account_id,
                    debit_fen: l.debit_fen,
                    credit_fen: l.credit_fen,
                })
                .collect(),
        }
    }
}

/// How to reverse an entry.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReverseRequest {
    /// Date of the reversing entry; today when absent. Must lie in an open month.
    pub entry_date: Option<NaiveDate>,
    /// Why; kept in the reversing entry's memo.
    #[schema(min_length = 1, max_length = 150)]
    pub reason: String,
}

impl ReverseRequest {
    /// The command to reverse entry `entry_id`.
    pub fn into_command(self, entry_id: Uuid) -> app::ReverseEntry {
        app::ReverseEntry {
            entry_id: entry_id.into(),
            entry_date: self.entry_date,
            reason: self.reason,
        }
    }
}

/// A line of a posted entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct LineView {
    pub account_id: Uuid,
    pub account_code: String,
    pub account_name_zh: String,
    pub debit_fen: i64,
    pub credit_fen: i64,
}

impl From<LineRow> for LineView {
    fn from(l: LineRow) -> Self {
        LineView {
            account_id: l.account_id,
            account_code: l.account_code,
            account_name_zh: l.account_name_zh,
            debit_fen: l.debit_fen,
            credit_fen: l.credit_fen,
        }
    }
}

/// How an entry came to be.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = EntrySource)]
pub enum EntrySourceSchema {
    Manual,
    Import,
    Reversal,
}

/// A posted journal entry (immutable).
#[derive(Debug, Serialize, ToSchema)]
pub struct EntryView {
    pub id: Uuid,
    /// Running number across the system.
    pub number: i64,
    pub compound_id: Uuid,
    pub entry_date: NaiveDate,
    pub memo: String,
    pub voucher_no: Option<String>,
    #[schema(value_type = EntrySourceSchema)]
    pub source: String,
    /// The entry this one reverses.
    pub reverses_id: Option<Uuid>,
    /// The entry that reversed this one.
    pub reversed_by: Option<Uuid>,
    /// Sum of the debits (= sum of the credits).
    pub amount_fen: i64,
    pub voucher_count: i64,
    pub lines: Vec<LineView>,
    pub created_at: DateTime<Utc>,
}

impl EntryView {
    /// Joins an entry with its lines.
    pub fn new(e: EntryRow, lines: Vec<LineView>) -> Self {
        EntryView {
            id: e.id,
            number: e.number,
            compound_id: e.compound_id,
            entry_date: e.entry_date,
            memo: e.memo,
            voucher_no: e.voucher_no,
            source: e.source,
            reverses_id: e.reverses_id,
            reversed_by: e.reversed_by,
            amount_fen: e.amount_fen,
            voucher_count: e.voucher_count,
            lines,
            created_at: e.created_at,
        }
    }
}

impl From<app::Entry> for EntryView {
    fn from(e: app::Entry) -> Self {
        EntryView::new(e.entry, e.lines.into_iter().map(LineView::from).collect())
    }
}

/// One page of the journal.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntryPage {
    pub items: Vec<EntryView>,
    pub next_cursor: Option<String>,
}

/// Filters of the journal.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JournalQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only entries touching this account.
    pub account_id: Option<Uuid>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

impl JournalQuery {
    /// The journal's filters.
    pub fn filter(&self) -> JournalFilter {
        JournalFilter {
            from: self.from,
            to: self.to,
            account_id: self.account_id,
        }
    }
}

/// A voucher attached to an entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct VoucherView {
    pub id: Uuid,
    pub content_type: String,
    pub size_bytes: i32,
    pub file_name: String,
    /// Where to download it (same authorisation as the ledger).
    pub url: String,
    pub created_at: DateTime<Utc>,
}

impl From<Voucher> for VoucherView {
    fn from(v: Voucher) -> Self {
        VoucherView {
            url: format!("/api/v1/ledger-entries/{}/vouchers/{}", v.entry_id, v.id),
            id: v.id,
            content_type: v.content_type,
            size_bytes: v.size_bytes,
            file_name: v.file_name,
            created_at: v.created_at,
        }
    }
}

/// The vouchers of an entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct VoucherList {
    pub items: Vec<VoucherView>,
}

/// The voucher's name.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VoucherQuery {
    /// The file's name, for display.
    #[param(max_length = 120)]
    pub name: Option<String>,
}

/// A month of a ledger.
#[derive(Debug, Serialize, ToSchema)]
pub struct PeriodView {
    /// `YYYY-MM`.
    pub month: String,
    pub closed: bool,
    pub closed_at: Option<DateTime<Utc>>,
    pub entry_count: i64,
}

impl From<app::Period> for PeriodView {
    fn from(p: app::Period) -> Self {
        PeriodView {
            month: p.month.format("%Y-%m").to_string(),
            closed: p.closed_at.is_some(),
            closed_at: p.closed_at,
            entry_count: p.entry_count,
        }
    }
}

/// The months of a ledger: every month with entries or closed, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PeriodList {
    pub items: Vec<PeriodView>,
}

/// A month to close.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ClosePeriodRequest {
    /// `YYYY-MM`; the month must have ended.
    #[schema(example = "2026-10", pattern = "^[0-9]{4}-[0-9]{2}$")]
    pub month: String,
}

impl ClosePeriodRequest {
    /// The command to close this month of the compound's ledger.
    pub fn into_command(self, compound_id: Uuid) -> app::ClosePeriod {
        app::ClosePeriod {
            compound_id: compound_id.into(),
            month: self.month,
        }
    }
}

/// Where an imported file came from.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// The file's name, kept with the import.
    #[param(max_length = 120)]
    pub file_name: Option<String>,
}

impl ImportQuery {
    /// The command to import `bytes` into the compound's ledger.
    pub fn into_command(self, compound_id: Uuid, bytes: Vec<u8>) -> app::ImportEntries {
        app::ImportEntries {
            compound_id: compound_id.into(),
            file_name: self.file_name,
            sha256: Sha256::digest(&bytes).to_vec(),
            bytes,
        }
    }
}

/// What an import posted.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportResult {
    pub import_id: Uuid,
    pub rows: usize,
    pub entries: usize,
    /// The same file was imported before: nothing new was posted.
    pub replayed: bool,
    pub created_at: DateTime<Utc>,
}

impl From<ImportOutcome> for ImportResult {
    fn from(outcome: ImportOutcome) -> Self {
        ImportResult {
            import_id: outcome.import_id,
            rows: outcome.rows,
            entries: outcome.entries,
            replayed: outcome.replayed,
            created_at: outcome.created_at,
        }
    }
}

/// One problem in an imported file.
#[derive(Debug, Serialize, ToSchema)]
pub struct RowErrorView {
    /// Line in the file (the header is line 1; 0 for a note about the whole file).
    pub row: usize,
    /// The column header (Chinese name).
    pub column: String,
    pub message: String,
}

impl From<RowError> for RowErrorView {
    fn from(e: RowError) -> Self {
        RowErrorView {
            row: e.row,
            column: e.column,
            message: e.message,
        }
    }
}

/// A trial balance line.
#[derive(Debug, Serialize, ToSchema)]
pub struct TrialBalance {
    pub compound_id: Uuid,
    pub as_of: Option<NaiveDate>,
    pub accounts: Vec<AccountView>,
    pub total_debit_fen: i64,
    pub total_credit_fen: i64,
    /// Always true: the ledger cannot hold an unbalanced entry.
    pub balanced: bool,
}

impl TrialBalance {
    /// The column headers of the CSV download.
    pub const CSV_HEADERS: [&str; 6] = [
        "科目代码",
        "科目名称",
        "类型",
        "借方合计(元)",
        "贷方合计(元)",
        "余额(元)",
    ];

    /// The trial balance of a compound's accounts up to `as_of`.
    pub fn new(compound_id: Uuid, as_of: Option<NaiveDate>, accounts: Vec<Account>) -> Self {
        let accounts: Vec<AccountView> = accounts.into_iter().map(AccountView::from).collect();
        let total_debit_fen = accounts.iter().map(|a| a.debit_fen).sum();
        let total_credit_fen = accounts.iter().map(|a| a.credit_fen).sum();
        TrialBalance {
            compound_id,
            as_of,
            balanced: total_debit_fen == total_credit_fen,
            accounts,
            total_debit_fen,
            total_credit_fen,
        }
    }

    /// The CSV download's rows.
    pub fn csv_rows(&self) -> impl Iterator<Item = Vec<String>> + '_ {
        self.accounts.iter().map(|a| {
            vec![
                a.code.clone(),
                a.name_zh.clone(),
                a.kind.as_str().to_owned(),
                yuan(a.debit_fen),
                yuan(a.credit_fen),
                yuan(a.balance_fen),
            ]
        })
    }
}

/// Reports' period.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfQuery {
    /// Balances up to and including this day; all entries when absent.
    pub as_of: Option<NaiveDate>,
    /// `csv` for a spreadsheet.
    pub format: Option<String>,
}

/// Scope and period of the monthly report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonthlyQuery {
    /// An area (district, subdistrict, community) or a compound; your whole scope when absent.
    pub area_id: Option<Uuid>,
    /// `YYYY-MM`, default: 11 months before `to`.
    pub from: Option<String>,
    /// `YYYY-MM`, default: this month.
    pub to: Option<String>,
    /// `csv` for a spreadsheet.
    pub format: Option<String>,
}

/// One month of income or spending in one category.
#[derive(Debug, Serialize, ToSchema)]
pub struct MonthlyItem {
    /// `YYYY-MM`.
    pub month: String,
    #[schema(value_type = AccountKindSchema)]
    pub kind: String,
    pub category: String,
    pub amount_fen: i64,
}

impl From<MonthlyRow> for MonthlyItem {
    fn from(r: MonthlyRow) -> Self {
        MonthlyItem {
            month: r.month.format("%Y-%m").to_string(),
            kind: r.kind,
            category: r.category,
            amount_fen: r.amount_fen,
        }
    }
}

/// Monthly income and spending by category.
#[derive(Debug, Serialize, ToSchema)]
pub struct MonthlyReport {
    pub from: String,
    pub to: String,
    pub items: Vec<MonthlyItem>,
}

impl MonthlyReport {
    /// The column headers of the CSV download.
    pub const CSV_HEADERS: [&str; 4] = ["月份", "类型", "类别", "金额(元)"];

    /// The CSV download's rows.
    pub fn csv_rows(&self) -> impl Iterator<Item = Vec<String>> + '_ {
        self.items.iter().map(|i| {
            vec![
                i.month.clone(),
                i.kind.clone(),
                i.category.clone(),
                yuan(i.amount_fen),
            ]
        })
    }
}

impl From<app::MonthlyReport> for MonthlyReport {
    fn from(r: app::MonthlyReport) -> Self {
        MonthlyReport {
            from: r.from.format("%Y-%m").to_string(),
            to: r.to.format("%Y-%m").to_string(),
            items: r.rows.into_iter().map(MonthlyItem::from).collect(),
        }
    }
}

/// Scope and period of the roll-up.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RollupQuery {
    /// The area whose children are listed; the district when absent.
    pub area_id: Option<Uuid>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// `csv` for a spreadsheet.
    pub format: Option<String>,
}

impl RollupQuery {
    /// The roll-up asked for.
    pub fn to_rollup(&self) -> app::Rollup {
        app::Rollup {
            area_id: self.area_id.map(Into::into),
            from: self.from,
            to: self.to,
        }
    }
}

/// One child area's public revenue.
#[derive(Debug, Serialize, ToSchema)]
pub struct RollupItem {
    pub area_id: Uuid,
    pub area_name: String,
    /// `subdistrict`, `community` or `compound`: what the row is.
    #[schema(value_type = linli_domain::area::AreaKind)]
    pub area_kind: String,
    /// Compounds with any ledger entry.
    pub compounds: i64,
    pub income_fen: i64,
    pub expense_fen: i64,
}

impl From<AreaTotals> for RollupItem {
    fn from(r: AreaTotals) -> Self {
        RollupItem {
            area_id: r.area_id,
            area_name: r.area_name,
            area_kind: r.area_kind,
            compounds: r.compounds,
            income_fen: r.income_fen,
            expense_fen: r.expense_fen,
        }
    }
}

/// Public revenue rolled up by child area (e.g. by subdistrict).
#[derive(Debug, Serialize, ToSchema)]
pub struct RollupReport {
    pub area_id: Uuid,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub items: Vec<RollupItem>,
}

impl RollupReport {
    /// The column headers of the CSV download.
    pub const CSV_HEADERS: [&str; 5] = ["区域", "有账小区数", "收入(元)", "支出(元)", "结余(元)"];

    /// The CSV download's rows.
    pub fn csv_rows(&self) -> impl Iterator<Item = Vec<String>> + '_ {
        self.items.iter().map(|i| {
            vec![
                i.area_name.clone(),
                i.compounds.to_string(),
                yuan(i.income_fen),
                yuan(i.expense_fen),
                yuan(i.income_fen - i.expense_fen),
            ]
        })
    }
}

impl From<app::RollupReport> for RollupReport {
    fn from(r: app::RollupReport) -> Self {
        RollupReport {
            area_id: r.area_id.into(),
            from: r.from,
            to: r.to,
            items: r.items.into_iter().map(RollupItem::from).collect(),
        }
    }
}

/// The published figures.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SummaryView {
    pub income_by_category: BTreeMap<String, i64>,
    pub expense_by_category: BTreeMap<String, i64>,
    pub income_total_fen: i64,
    pub expense_total_fen: i64,
    pub net_fen: i64,
    /// Bank and cash at the end of the period.
    pub funds_fen: i64,
    /// What the ledger owes all owners at the end of the period.
    pub owed_to_owners_fen: i64,
}

impl From<Summary> for SummaryView {
    fn from(s: Summary) -> Self {
        SummaryView {
            income_by_category: s.income_by_category,
            expense_by_category: s.expense_by_category,
            income_total_fen: s.income_total_fen,
            expense_total_fen: s.expense_total_fen,
            net_fen: s.net_fen,
            funds_fen: s.funds_fen,
            owed_to_owners_fen: s.owed_to_owners_fen,
        }
    }
}

/// A disclosure (公示) residents of the compound can read.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisclosureView {
    /// Absent on a preview.
    pub id: Option<Uuid>,
    pub compound_id: Uuid,
    pub compound_name: String,
    /// `YYYY-MM`.
    pub period_from: String,
    /// `YYYY-MM`.
    pub period_to: String,
    pub summary: SummaryView,
    pub note: Option<String>,
    pub publisher: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
}

impl TryFrom<Disclosure> for DisclosureView {
    type Error = serde_json::Error;
    fn try_from(d: Disclosure) -> Result<Self, Self::Error> {
        Ok(DisclosureView {
            id: Some(d.id),
            compound_id: d.compound_id,
            compound_name: d.compound_name,
            period_from: d.period_from.format("%Y-%m").to_string(),
            period_to: d.period_to.format("%Y-%m").to_string(),
            summary: serde_json::from_value(d.summary)?,
            note: d.note,
            publisher: Some(d.publisher),
            published_at: Some(d.published_at),
        })
    }
}

impl From<app::Preview> for DisclosureView {
    fn from(p: app::Preview) -> Self {
        DisclosureView {
            id: None,
            compound_id: p.compound.id,
            compound_name: p.compound.name,
            period_from: p.from.format("%Y-%m").to_string(),
            period_to: p.to.format("%Y-%m").to_string(),
            summary: p.summary.into(),
            note: None,
            publisher: None,
            published_at: None,
        }
    }
}

/// A compound's disclosures, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisclosureList {
    pub items: Vec<DisclosureView>,
}

impl TryFrom<Vec<Disclosure>> for DisclosureList {
    type Error = serde_json::Error;
    fn try_from(list: Vec<Disclosure>) -> Result<Self, Self::Error> {
        Ok(DisclosureList {
            items: list
                .into_iter()
                .map(DisclosureView::try_from)
                .collect::<Result<_, _>>()?,
        })
    }
}

/// A disclosure to publish (or preview).
#[derive(Debug, Deserialize, ToSchema)]
pub struct DisclosureRequest {
    /// `YYYY-MM`.
    #[schema(example = "2026-07")]
    pub period_from: String,
    /// `YYYY-MM`, not before `period_from`, and ended.
    #[schema(example = "2026-09")]
    pub period_to: String,
    #[schema(max_length = 1000)]
    pub note: Option<String>,
}

impl DisclosureRequest {
    /// The command to publish this disclosure of the compound.
    pub fn into_command(self, compound_id: Uuid) -> app::PublishDisclosure {
        app::PublishDisclosure {
            compound_id: compound_id.into(),
            period_from: self.period_from,
            period_to: self.period_to,
            note: self.note,
        }
    }
}

/// The period of a preview.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PreviewQuery {
    /// `YYYY-MM`.
    pub period_from: String,
    /// `YYYY-MM`.
    pub period_to: String,
}
