//! Public revenue (公共收益): each compound's double-entry ledger in integer fen.
//!
//! Every journal entry has at least two lines and its debits equal its credits; posted
//! entries never change (a mistake is corrected by a reversing entry); a closed month takes
//! no more entries. The database enforces the same rules at commit, so a bug here cannot
//! leave an unbalanced journal behind.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{DomainError, ids::LedgerAccountId};

/// Largest amount one line may carry: 100 million yuan. Keeps every sum far from overflow.
pub const MAX_LINE_FEN: i64 = 10_000_000_000;
/// Most lines one entry may have.
pub const MAX_LINES: usize = 50;

crate::text_enum! {
    /// What an account records; decides on which side its balance grows.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum AccountKind {
        /// 资产 (bank, cash): grows with debits.
        Asset = "asset",
        /// 负债 (owed to all owners): grows with credits.
        Liability = "liability",
        /// 收入: grows with credits.
        Income = "income",
        /// 支出: grows with debits.
        Expense = "expense",
    }
}

impl AccountKind {
    /// The balance in the account's natural direction (income as a positive number).
    pub fn balance(self, debit_fen: i64, credit_fen: i64) -> i64 {
        match self {
            AccountKind::Asset | AccountKind::Expense => debit_fen - credit_fen,
            AccountKind::Liability | AccountKind::Income => credit_fen - debit_fen,
        }
    }
}

/// One account of the standard chart every compound starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemplateAccount {
    pub code: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub kind: AccountKind,
    pub category: &'static str,
}

const fn account(
    code: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    kind: AccountKind,
    category: &'static str,
) -> TemplateAccount {
    TemplateAccount {
        code,
        name_zh,
        name_en,
        kind,
        category,
    }
}

/// The standard chart of accounts (科目表). Compounds may add accounts of their own; these
/// codes are fixed so imports and district roll-ups mean the same thing everywhere.
pub const TEMPLATE: [TemplateAccount; 15] = [
    account("1001", "银行存款", "Bank", AccountKind::Asset, "bank"),
    account("1002", "库存现金", "Cash", AccountKind::Asset, "cash"),
    account(
        "2001",
        "应付全体业主",
        "Owed to all owners",
        AccountKind::Liability,
        "owed_to_owners",
    ),
    account(
        "4001",
        "停车收益",
        "Parking",
        AccountKind::Income,
        "parking",
    ),
    account(
        "4002",
        "潮汐停车收益",
        "Tidal parking",
        AccountKind::Income,
        "tidal_parking",
    ),
    account(
        "4003",
        "电梯及大堂广告收益",
        "Lift and lobby advertising",
        AccountKind::Income,
        "advertising",
    ),
    account(
        "4004",
        "场地租赁收益",
        "Venue rental",
        AccountKind::Income,
        "venue_rental",
    ),
    account(
        "4005",
        "快递柜收益",
        "Express lockers",
        AccountKind::Income,
        "express_lockers",
    ),
    account(
        "4006",
        "充电桩收益",
        "Charging piles",
        AccountKind::Income,
        "charging",
    ),
    account(
        "4099",
        "其他收益",
        "Other income",
        AccountKind::Income,
        "other_income",
    ),
    account(
        "5001",
        "维修维护支出",
        "Maintenance",
        AccountKind::Expense,
        "maintenance",
    ),
    account(
        "5002",
        "保洁支出",
        "Cleaning",
        AccountKind::Expense,
        "cleaning",
    ),
    account(
        "5003",
        "业委会运行经费",
        "Committee operating costs",
        AccountKind::Expense,
        "committee_costs",
    ),
    account(
        "5004",
        "审计费用",
        "Audit fees",
        AccountKind::Expense,
        "audit_fees",
    ),
    account(
        "5099",
        "其他支出",
        "Other expenses",
        AccountKind::Expense,
        "other_expense",
    ),
];

/// Categories an added account may report under, by kind.
pub fn categories_of(kind: AccountKind) -> Vec<&'static str> {
    TEMPLATE
        .iter()
        .filter(|a| a.kind == kind)
        .map(|a| a.category)
        .collect()
}

/// One line of an entry as submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// A bare uuid: the demo seed writes its lines with one.
    pub account_id: Uuid,
    pub debit_fen: i64,
    pub credit_fen: i64,
}

/// Checks that an entry can be posted: 2 to [`MAX_LINES`] lines, each on exactly one side
/// with a positive amount no larger than [`MAX_LINE_FEN`], debits equal to credits.
pub fn check_balanced(lines: &[Line]) -> Result<(), DomainError> {
    if !(2..=MAX_LINES).contains(&lines.len()) {
        return Err(DomainError::field(
            "lines",
            "一笔分录须有 2 到 50 行 / an entry needs 2 to 50 lines",
        ));
    }
    let mut errors = crate::FieldErrors::new();
    for (i, line) in lines.iter().enumerate() {
        let one_side = (line.debit_fen > 0) != (line.credit_fen > 0);
        let in_range = (0..=MAX_LINE_FEN).contains(&line.debit_fen)
            && (0..=MAX_LINE_FEN).contains(&line.credit_fen);
        if !one_side || !in_range {
            errors.insert(
                format!("lines[{i}]"),
                vec!["每行须只填借方或贷方之一，金额为正且不超过 1 亿元 / each line needs a positive debit or credit (not both), at most 100 million yuan".into()],
            );
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let debits: i64 = lines.iter().map(|l| l.debit_fen).sum();
    let credits: i64 = lines.iter().map(|l| l.credit_fen).sum();
    if debits != credits {
        return Err(DomainError::field(
            "lines",
            format!(
                "借贷不平衡：借方合计 {} 元，贷方合计 {} 元 / the entry does not balance: debits {} and credits {} yuan",
                yuan(debits),
                yuan(credits),
                yuan(debits),
                yuan(credits)
            ),
        ));
    }
    Ok(())
}

/// The lines that undo `lines`: every debit becomes a credit of the same amount.
pub fn reversal_of(lines: &[Line]) -> Vec<Line> {
    lines
        .iter()
        .map(|l| Line {
            account_id: l.account_id,
            debit_fen: l.credit_fen,
            credit_fen: l.debit_fen,
        })
        .collect()
}

/// The first day of the month `date` lies in (periods are months).
pub fn month_of(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The first day of the month after `month`.
pub fn next_month(month: NaiveDate) -> NaiveDate {
    month_of(month)
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(month)
}

/// Parses a `YYYY-MM` period.
pub fn parse_month(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d").ok()
}

/// A month may be closed once it has ended.
pub fn check_closable(month: NaiveDate, today: NaiveDate) -> Result<(), DomainError> {
    if next_month(month) > today {
        return Err(DomainError::WrongState {
            code: "period_not_ended",
            detail: "只能结账已经结束的月份 / only a month that has ended can be closed".into(),
            allowed: vec![],
        });
    }
    Ok(())
}

/// Fen as yuan with two decimals (`123456` -> `1234.56`).
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// Reads a yuan amount as property companies write it (`1,234.5`, `￥88`, `1234.56元`)
/// into fen. More than two decimals, a sign or anything else is refused.
pub fn parse_yuan(text: &str) -> Option<i64> {
    let cleaned: String = text
        .trim()
        .trim_start_matches(['¥', '￥'])
        .trim_end_matches('元')
        .chars()
        .filter(|c| *c != ',' && *c != '，')
        .collect();
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    if whole.is_empty()
        || whole.len() > 12
        || fraction.len() > 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let cents: i64 = format!("{fraction:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(cents)
}

/// One problem with one cell of an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// 1-based line number in the file, the header being line 1.
    pub row: usize,
    /// The column's header as the file names it (or the expected name when missing).
    pub column: String,
    pub message: String,
}

/// What an import row needs to know about an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRef {
    pub id: LedgerAccountId,
    pub code: String,
    pub name_zh: String,
    pub kind: AccountKind,
    pub active: bool,
}

/// One row of a cash journal (收支流水), turned into a two-line entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashRow {
    pub row: usize,
    pub date: NaiveDate,
    pub voucher_no: Option<String>,
    pub memo: String,
    pub lines: [Line; 2],
}

/// The columns of the import file, with the Chinese and English headers accepted.
pub const IMPORT_COLUMNS: [(&str, &str); 7] = [
    ("日期", "date"),
    ("凭证号", "voucher_no"),
    ("摘要", "memo"),
    ("科目", "account"),
    ("收入", "income"),
    ("支出", "expense"),
    ("收付方式", "method"),
];

/// Most rows one file may hold.
pub const MAX_IMPORT_ROWS: usize = 500_000;
/// Largest cash journal file accepted: 64 MiB (about half a million rows).
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;
/// Most errors listed for one file; the rest are counted.
pub const MAX_LISTED_ERRORS: usize = 1_000;

/// Parses the cash journal property companies keep, one income or expense per row:
///
/// `日期,凭证号,摘要,科目,收入,支出,收付方式` (or `date,voucher_no,memo,account,income,
/// expense,method`). `科目` is an income or expense account's code or Chinese name;
/// exactly one of `收入` / `支出` holds a yuan amount; `收付方式` is `银行` / `bank`
/// (default) or `现金` / `cash`. Income debits the bank or cash and credits the income
/// account; an expense the other way round.
///
/// Every row is checked and every problem returned (up to [`MAX_LISTED_ERRORS`]), so the
/// file can be fixed in one go; nothing is returned for posting unless all rows are valid.
pub fn parse_cash_journal(
    data: &[u8],
    accounts: &[AccountRef],
    closed_months: &[NaiveDate],
) -> Result<Vec<CashRow>, Vec<RowError>> {
    let crate::csv_import::Table {
        mut reader,
        position,
    } = crate::csv_import::open(data, &IMPORT_COLUMNS, &[1])?;
    let mut errors = Vec::new();
    let by_code: HashMap<&str, &AccountRef> =
        accounts.iter().map(|a| (a.code.as_str(), a)).collect();
    let by_name: HashMap<&str, &AccountRef> =
        accounts.iter().map(|a| (a.name_zh.as_str(), a)).collect();
    let find_asset = |code: &str| by_code.get(code).filter(|a| a.active).map(|a| a.id);
    let (bank, cash) = (find_asset("1001"), find_asset("1002"));
    let mut rows = Vec::new();
    let mut error_count = 0usize;
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        if index >= MAX_IMPORT_ROWS {
            errors.push(RowError {
                row,
                column: String::new(),
                message: format!("文件超过 {MAX_IMPORT_ROWS} 行，请拆分 / more than {MAX_IMPORT_ROWS} rows; split the file"),
            });
            break;
        }
        let mut fail = |column: usize, message: String| {
            error_count += 1;
            if errors.len() < MAX_LISTED_ERRORS {
                errors.push(RowError {
                    row,
                    column: IMPORT_COLUMNS[column].0.to_owned(),
                    message,
                });
            }
        };
        let record = match record {
            Ok(r) => r,
            Err(_) => {
                fail(0, "此行无法读取 / this row cannot be read".into());
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |slot: usize| {
            position[slot]
                .and_then(|p| record.get(p))
                .unwrap_or_default()
        };
        let date = parse_date(cell(0));
        match date {
            None => fail(
                0,
                format!(
                    "日期“{}”无法识别，请写作 2026-03-15 / unrecognised date; write 2026-03-15",
                    cell(0)
                ),
            ),
            Some(d) if closed_months.contains(&month_of(d)) => fail(
                0,
                format!(
                    "{} 已结账，不能再记账 / {} is closed",
                    d.format("%Y-%m"),
                    d.format("%Y-%m")
                ),
            ),
            Some(_) => {}
        }
        let voucher = cell(1);
        if voucher.chars().count() > 40 {
            fail(1, "凭证号不能超过 40 个字 / voucher number too long".into());
        }
        let memo = cell(2);
        if !(1..=200).contains(&memo.chars().count()) {
            fail(
                2,
                "摘要须为 1 到 200 个字 / memo must be 1 to 200 characters".into(),
            );
        }
        let account = by_code
            .get(cell(3))
            .or_else(|| by_name.get(cell(3)))
            .copied();
        let account = match account {
            None => {
                fail(3, format!("未知科目“{}” / unknown account", cell(3)));
                None
            }
            Some(a) if !a.active => {
                fail(3, format!("科目“{}”已停用 / account inactive", cell(3)));
                None
            }
            Some(a) => Some(a),
        };
        let income = amount(cell(4));
        let expense = amount(cell(5));
        let side = match (income, expense) {
            (Ok(Some(i)), Ok(None)) => Some((true, i)),
            (Ok(None), Ok(Some(e))) => Some((false, e)),
            (Err(()), _) => {
                fail(4, format!("金额“{}”无法识别 / invalid amount", cell(4)));
                None
            }
            (_, Err(())) => {
                fail(5, format!("金额“{}”无法识别 / invalid amount", cell(5)));
                None
            }
            _ => {
                fail(
                    4,
                    "收入、支出须且只须填写一项正数金额 / fill exactly one of income and expense with a positive amount".into(),
                );
                None
            }
        };
        if let (Some(a), Some((is_income, _))) = (account, side) {
            let expected = if is_income {
                AccountKind::Income
            } else {
                AccountKind::Expense
            };
            if a.kind != expected {
                fail(
                    3,
                    format!(
                        "科目“{}”不是{}科目 / account is not an {} account",
                        cell(3),
                        if is_income { "收入" } else { "支出" },
                        expected.as_str()
                    ),
                );
            }
        }
        let money = match cell(6) {
            "" | "银行" | "bank" | "转账" => bank,
            "现金" | "cash" => cash,
            other => {
                fail(
                    6,
                    format!("收付方式“{other}”须为 银行 或 现金 / method must be bank or cash"),
                );
                None
            }
        };
        if let (Some(d), Some(a), Some((is_income, fen)), Some(money)) =
            (date, account, side, money)
        {
            let (debit, credit) = if is_income {
                (money, a.id)
            } else {
                (a.id, money)
            };
            rows.push(CashRow {
                row,
                date: d,
                voucher_no: (!voucher.is_empty()).then(|| voucher.to_owned()),
                memo: memo.to_owned(),
                lines: [
                    Line {
                        account_id: debit.into(),
                        debit_fen: fen,
                        credit_fen: 0,
                    },
                    Line {
                        account_id: credit.into(),
                        debit_fen: 0,
                        credit_fen: fen,
                    },
                ],
            });
        }
    }
    if error_count > errors.len() {
        errors.push(RowError {
            row: 0,
            column: String::new(),
            message: format!(
                "另有 {} 处错误未列出 / {} more errors not listed",
                error_count - errors.len(),
                error_count - errors.len()
            ),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if rows.is_empty() {
        return Err(vec![RowError {
            row: 2,
            column: String::new(),
            message: "文件中没有数据行 / the file has no rows".into(),
        }]);
    }
    Ok(rows)
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
}

/// An optional positive amount: empty or zero is none.
fn amount(text: &str) -> Result<Option<i64>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    match parse_yuan(text) {
        Some(0) => Ok(None),
        Some(fen) if fen <= MAX_LINE_FEN => Ok(Some(fen)),
        _ => Err(()),
    }
}

/// Income and spending by category over a period, and what is owed to owners at its end:
/// the figures a disclosure (公示) publishes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub income_by_category: BTreeMap<String, i64>,
    pub expense_by_category: BTreeMap<String, i64>,
    pub income_total_fen: i64,
    pub expense_total_fen: i64,
    /// Income less spending in the period.
    pub net_fen: i64,
    /// Bank and cash at the end of the period.
    pub funds_fen: i64,
    /// What the ledger owes all owners at the end of the period: the owed-to-owners account
    /// plus every surplus not yet carried into it.
    pub owed_to_owners_fen: i64,
}

/// One account's movement, as a report query returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movement {
    pub kind: AccountKind,
    pub category: String,
    pub debit_fen: i64,
    pub credit_fen: i64,
}

/// Builds the disclosure summary from the period's movements and the balances to its end.
pub fn summarise(period: &[Movement], to_date: &[Movement]) -> Summary {
    let mut s = Summary::default();
    for m in period {
        let amount = m.kind.balance(m.debit_fen, m.credit_fen);
        match m.kind {
            AccountKind::Income => {
                *s.income_by_category.entry(m.category.clone()).or_default() += amount;
                s.income_total_fen += amount;
            }
            AccountKind::Expense => {
                *s.expense_by_category.entry(m.category.clone()).or_default() += amount;
                s.expense_total_fen += amount;
            }
            AccountKind::Asset | AccountKind::Liability => {}
        }
    }
    s.net_fen = s.income_total_fen - s.expense_total_fen;
    for m in to_date {
        let amount = m.kind.balance(m.debit_fen, m.credit_fen);
        match m.kind {
            AccountKind::Asset => s.funds_fen += amount,
            AccountKind::Liability | AccountKind::Income => s.owed_to_owners_fen += amount,
            AccountKind::Expense => s.owed_to_owners_fen -= amount,
        }
    }
    s
}

/// An account a compound adds to its chart, as submitted.
#[derive(Debug, Clone, Copy)]
pub struct AccountDraft<'a> {
    pub code: &'a str,
    pub name_zh: &'a str,
    pub name_en: &'a str,
    pub kind: AccountKind,
    pub category: &'a str,
}

/// Checks an added account: a code of 4 to 8 digits, names of sensible length, and one of
/// the standard categories of its kind. Names every broken field at once.
pub fn check_account(draft: &AccountDraft<'_>) -> Result<(), DomainError> {
    let mut errors = crate::FieldErrors::new();
    let code_ok =
        (4..=8).contains(&draft.code.len()) && draft.code.bytes().all(|b| b.is_ascii_digit());
    if !code_ok {
        errors.insert(
            "code".into(),
            vec!["科目代码须为 4 到 8 位数字 / the code must be 4 to 8 digits".into()],
        );
    }
    if !(1..=40).contains(&draft.name_zh.trim().chars().count()) {
        errors.insert(
            "name_zh".into(),
            vec!["名称须为 1 到 40 个字 / 1 to 40 characters".into()],
        );
    }
    if !(1..=60).contains(&draft.name_en.trim().chars().count()) {
        errors.insert(
            "name_en".into(),
            vec!["英文名称须为 1 到 60 个字符 / 1 to 60 characters".into()],
        );
    }
    if !categories_of(draft.kind).contains(&draft.category) {
        errors.insert(
            "category".into(),
            vec![format!(
                "类别须为以下之一 / category must be one of: {}",
                categories_of(draft.kind).join(", ")
            )],
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors))
    }
}

/// An entry's memo, trimmed: 1 to 200 characters.
pub fn checked_memo(memo: &str) -> Result<String, DomainError> {
    let memo = memo.trim();
    if !(1..=200).contains(&memo.chars().count()) {
        return Err(DomainError::field(
            "memo",
            "摘要须为 1 到 200 个字 / memo must be 1 to 200 characters",
        ));
    }
    Ok(memo.to_owned())
}

/// An entry's voucher number, trimmed (none when blank): at most 40 characters.
pub fn checked_voucher_no(voucher_no: Option<&str>) -> Result<Option<String>, DomainError> {
    let voucher_no = voucher_no.map(str::trim).filter(|v| !v.is_empty());
    if voucher_no.is_some_and(|v| v.chars().count() > 40) {
        return Err(DomainError::field(
            "voucher_no",
            "凭证号不能超过 40 个字 / at most 40 characters",
        ));
    }
    Ok(voucher_no.map(str::to_owned))
}

/// Why an entry is reversed, trimmed: 1 to 150 characters.
pub fn checked_reversal_reason(reason: &str) -> Result<String, DomainError> {
    let reason = reason.trim();
    if !(1..=150).contains(&reason.chars().count()) {
        return Err(DomainError::field(
            "reason",
            "请填写冲销原因（1 到 150 个字）/ give a reason of 1 to 150 characters",
        ));
    }
    Ok(reason.to_owned())
}

/// The memo of the entry reversing entry number `number`: at most 200 characters.
pub fn reversal_memo(number: i64, reason: &str) -> String {
    format!("冲销 #{number}：{reason}")
        .chars()
        .take(200)
        .collect()
}

/// An entry may be reversed once, and a reversal is not reversed again.
pub fn check_reversible(reversed: bool, is_reversal: bool) -> Result<(), DomainError> {
    if reversed || is_reversal {
        return Err(DomainError::WrongState {
            code: "already_reversed",
            detail: "该分录已被冲销，或本身就是冲销分录 / the entry is already reversed, or is itself a reversal".into(),
            allowed: vec![],
        });
    }
    Ok(())
}

/// A `YYYY-MM` field.
pub fn month_field(field: &str, text: &str) -> Result<NaiveDate, DomainError> {
    parse_month(text)
        .ok_or_else(|| DomainError::field(field, "月份须写作 2026-09 / write the month as 2026-09"))
}

/// The months `[from, to]` of a disclosure: written `YYYY-MM`, in order, and ended by
/// `today`.
pub fn disclosed_months(
    from: &str,
    to: &str,
    today: NaiveDate,
) -> Result<(NaiveDate, NaiveDate), DomainError> {
    let first = month_field("period_from", from)?;
    let last = month_field("period_to", to)?;
    if last < first {
        return Err(DomainError::field(
            "period_to",
            "结束月份不能早于开始月份 / the last month cannot precede the first",
        ));
    }
    check_closable(last, today).map_err(|_| {
        DomainError::field(
            "period_to",
            "只能公示已经结束的月份 / only ended months can be disclosed",
        )
    })?;
    Ok((first, last))
}

/// A disclosure's note, trimmed (none when blank): at most 1000 characters.
pub fn checked_note(note: Option<&str>) -> Result<Option<String>, DomainError> {
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > 1000) {
        return Err(DomainError::field(
            "note",
            "说明不能超过 1000 个字 / at most 1000 characters",
        ));
    }
    Ok(note.map(str::to_owned))
}

/// The months of the monthly report: `to` defaults to this month, `from` to 11 months
/// before `to`; in order and at most 36 months.
pub fn report_months(
    from: Option<&str>,
    to: Option<&str>,
    today: NaiveDate,
) -> Result<(NaiveDate, NaiveDate), DomainError> {
    use chrono::Months;
    let to = match to {
        Some(t) => month_field("to", t)?,
        None => month_of(today),
    };
    let from = match from {
        Some(f) => month_field("from", f)?,
        None => to.checked_sub_months(Months::new(11)).unwrap_or(to),
    };
    if from > to
        || from
            .checked_add_months(Months::new(36))
            .is_some_and(|limit| limit <= to)
    {
        return Err(DomainError::field(
            "from",
            "起止月份须在 36 个月以内且不倒置 / from must precede to, at most 36 months apart",
        ));
    }
    Ok((from, to))
}

/// The last day of `month`.
pub fn last_day(month: NaiveDate) -> NaiveDate {
    next_month(month).pred_opt().unwrap_or(month)
}

/// PDF files start with these bytes.
const PDF_MAGIC: &[u8] = b"%PDF-";

/// Names in a PDF that run or carry something when the file is opened: scripts, launched
/// programs, embedded files, forms that submit. A scanned receipt has none of them.
const PDF_ACTIVE: &[&[u8]] = &[
    b"/JavaScript",
    b"/JS",
    b"/Launch",
    b"/EmbeddedFile",
    b"/OpenAction",
    b"/AA",
    b"/SubmitForm",
    b"/RichMedia",
    b"/XFA",
];

/// Whether `bytes` are a plain PDF: the header with a version (`%PDF-1.7`, `%PDF-2.0`), an
/// end-of-file marker near the end, and none of the names of [`PDF_ACTIVE`].
pub fn is_plain_pdf(bytes: &[u8]) -> bool {
    let versioned = bytes.len() > 8
        && bytes.starts_with(PDF_MAGIC)
        && bytes[5].is_ascii_digit()
        && bytes[6] == b'.'
        && bytes[7].is_ascii_digit();
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let ends = tail.windows(5).any(|w| w == b"%%EOF");
    let active = PDF_ACTIVE.iter().any(|name| {
        bytes.windows(name.len() + 1).any(|w| {
            // The name itself, not a longer one that starts with it (`/JS` vs `/JSON`).
            w[..name.len()] == **name && !w[name.len()].is_ascii_alphanumeric()
        })
    });
    versioned && ends && !active
}

/// The type of a voucher file read from its bytes: a JPEG, PNG or WebP scan, or a plain PDF
/// ([`is_plain_pdf`]).
pub fn voucher_type(bytes: &[u8]) -> Option<&'static str> {
    crate::media::detect_image(bytes).or_else(|| is_plain_pdf(bytes).then_some("application/pdf"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: u128, debit: i64, credit: i64) -> Line {
        Line {
            account_id: Uuid::from_u128(id),
            debit_fen: debit,
            credit_fen: credit,
        }
    }

    #[test]
    fn only_plain_pdfs_pass_as_vouchers() {
        let plain: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n";
        assert_eq!(voucher_type(plain), Some("application/pdf"));
        for bad in [
            &b"%PDF-1.4\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF"[..],
            b"%PDF-1.4\n<</Type/Action/S/Launch/F(cmd.exe)>>\n%%EOF",
            b"%PDF-1.4\n<</EmbeddedFiles<<>>/Names[(a.exe)<</EmbeddedFile 3 0 R>>]>>\n%%EOF",
            b"%PDF-1.4\n1 0 obj<<>>endobj\n",
            b"%PDF-x\n%%EOF",
            b"<html>%PDF-1.4 %%EOF",
        ] {
            assert_eq!(voucher_type(bad), None, "{}", String::from_utf8_lossy(bad));
        }
        assert!(
            is_plain_pdf(b"%PDF-1.7\n<</Subtype/JSON>>\n%%EOF"),
            "/JSON is not /JS"
        );
    }

    #[test]
    fn balanced_entries_pass_and_unbalanced_ones_say_by_how_much() {
        assert!(check_balanced(&[line(1, 500, 0), line(2, 0, 500)]).is_ok());
        assert!(check_balanced(&[line(1, 500, 0), line(2, 0, 300), line(3, 0, 200)]).is_ok());
        let Err(DomainError::Validation(e)) = check_balanced(&[line(1, 500, 0), line(2, 0, 499)])
        else {
            panic!("unbalanced accepted");
        };
        assert!(e["lines"][0].contains("5.00") && e["lines"][0].contains("4.99"));
        assert!(check_balanced(&[line(1, 500, 0)]).is_err());
        assert!(check_balanced(&[line(1, 500, 500), line(2, 0, 0)]).is_err());
        assert!(check_balanced(&[line(1, -5, 0), line(2, 0, -5)]).is_err());
        assert!(
            check_balanced(&[line(1, MAX_LINE_FEN + 1, 0), line(2, 0, MAX_LINE_FEN + 1)]).is_err()
        );
    }

    #[test]
    fn a_reversal_undoes_every_line() {
        let lines = [line(1, 700, 0), line(2, 0, 700)];
        let back = reversal_of(&lines);
        assert!(check_balanced(&back).is_ok());
        for (a, b) in lines.iter().zip(&back) {
            assert_eq!(a.debit_fen - a.credit_fen, -(b.debit_fen - b.credit_fen));
        }
    }

    #[test]
    fn yuan_amounts_read_and_print_exactly() {
        assert_eq!(parse_yuan("1,234.5"), Some(123_450));
        assert_eq!(parse_yuan("￥88"), Some(8_800));
        assert_eq!(parse_yuan("0.07元"), Some(7));
        assert_eq!(parse_yuan("1.234"), None);
        assert_eq!(parse_yuan("-5"), None);
        assert_eq!(parse_yuan("abc"), None);
        assert_eq!(yuan(123_450), "1234.50");
        assert_eq!(yuan(-7), "-0.07");
    }

    #[test]
    fn months_close_only_after_they_end() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        assert_eq!(month_of(d(2026, 3, 15)), d(2026, 3, 1));
        assert_eq!(next_month(d(2026, 12, 1)), d(2027, 1, 1));
        assert!(check_closable(d(2026, 10, 1), d(2026, 11, 1)).is_ok());
        assert!(check_closable(d(2026, 11, 1), d(2026, 11, 30)).is_err());
        assert_eq!(parse_month("2026-03"), Some(d(2026, 3, 1)));
    }

    fn chart() -> Vec<AccountRef> {
        TEMPLATE
            .iter()
            .enumerate()
            .map(|(i, a)| AccountRef {
                id: LedgerAccountId::new(Uuid::from_u128(i as u128 + 1)),
                code: a.code.into(),
                name_zh: a.name_zh.into(),
                kind: a.kind,
                active: true,
            })
            .collect()
    }

    #[test]
    fn a_valid_cash_journal_becomes_balanced_two_line_entries() {
        let file = "\u{feff}日期,凭证号,摘要,科目,收入,支出,收付方式\n\
            2026-03-01,J001,三月停车费,4001,\"1,200.00\",,银行\n\
            2026/03/02,,保洁,保洁支出,,350,现金\n";
        let rows = parse_cash_journal(file.as_bytes(), &chart(), &[]).unwrap_or_default();
        assert_eq!(rows.len(), 2);
        for r in &rows {
            assert!(check_balanced(&r.lines).is_ok());
        }
        assert_eq!(rows[0].lines[0].account_id, Uuid::from_u128(1));
        assert_eq!(rows[0].lines[0].debit_fen, 120_000);
        assert_eq!(rows[1].lines[1].account_id, Uuid::from_u128(2));
        assert_eq!(rows[1].voucher_no, None);
    }

    #[test]
    fn every_bad_cell_is_reported_with_row_and_column() {
        let file = "date,voucher_no,memo,account,income,expense,method\n\
            2026-13-01,J1,x,4001,10,,bank\n\
            2026-03-01,J2,,9999,,,cash\n\
            2026-03-01,J3,ok,5001,10,,card\n\
            2026-02-03,J4,closed month,4001,1,,bank\n";
        let closed = [NaiveDate::from_ymd_opt(2026, 2, 1).unwrap_or_default()];
        let errors = parse_cash_journal(file.as_bytes(), &chart(), &closed)
            .err()
            .unwrap_or_default();
        let at =
            |row: usize, column: &str| errors.iter().any(|e| e.row == row && e.column == column);
        assert!(at(2, "日期"));
        assert!(at(3, "摘要") && at(3, "科目") && at(3, "收入"));
        assert!(at(4, "科目") && at(4, "收付方式"));
        assert!(at(5, "日期"));
        assert_eq!(errors.len(), 7, "{errors:?}");
    }

    #[test]
    fn missing_columns_are_named() {
        let errors = parse_cash_journal(b"date,memo\n", &chart(), &[])
            .err()
            .unwrap_or_default();
        assert!(errors.iter().any(|e| e.column == "科目"));
        assert!(errors.iter().all(|e| e.row == 1));
    }

    #[test]
    fn the_summary_splits_by_category_and_owes_the_surplus_to_owners() {
        let m = |kind, category: &str, d, c| Movement {
            kind,
            category: category.into(),
            debit_fen: d,
            credit_fen: c,
        };
        let period = [
            m(AccountKind::Income, "parking", 0, 1000),
            m(AccountKind::Expense, "cleaning", 300, 0),
            m(AccountKind::Asset, "bank", 1000, 300),
        ];
        let to_date = [
            m(AccountKind::Income, "parking", 0, 5000),
            m(AccountKind::Expense, "cleaning", 1000, 0),
            m(AccountKind::Asset, "bank", 5000, 1000),
        ];
        let s = summarise(&period, &to_date);
        assert_eq!(s.income_by_category["parking"], 1000);
        assert_eq!(s.net_fen, 700);
        assert_eq!(s.funds_fen, 4000);
        assert_eq!(s.owed_to_owners_fen, 4000);
    }

    fn fields(e: DomainError) -> Vec<String> {
        match e {
            DomainError::Validation(errors) => errors.into_keys().collect(),
            other => vec![format!("{other:?}")],
        }
    }

    #[test]
    fn an_added_account_names_every_broken_field() {
        let draft = AccountDraft {
            code: "40a",
            name_zh: " ",
            name_en: "Court rental",
            kind: AccountKind::Income,
            category: "cleaning",
        };
        let broken = check_account(&draft).map_err(fields).err();
        assert_eq!(
            broken,
            Some(vec!["category".into(), "code".into(), "name_zh".into()])
        );
        let fine = AccountDraft {
            code: "4007",
            name_zh: "篮球场租金",
            category: "venue_rental",
            ..draft
        };
        assert!(check_account(&fine).is_ok());
    }

    #[test]
    fn memos_voucher_numbers_reasons_and_notes_are_trimmed_and_bounded() {
        assert_eq!(checked_memo(" 停车费 ").ok(), Some("停车费".into()));
        assert!(checked_memo("  ").is_err());
        assert!(checked_memo(&"账".repeat(201)).is_err());
        assert_eq!(checked_voucher_no(Some("  ")).ok(), Some(None));
        assert!(checked_voucher_no(Some(&"9".repeat(41))).is_err());
        assert!(checked_reversal_reason("").is_err());
        assert_eq!(reversal_memo(7, "录错"), "冲销 #7：录错");
        assert_eq!(reversal_memo(7, &"错".repeat(300)).chars().count(), 200);
        assert_eq!(checked_note(None).ok(), Some(None));
        assert!(checked_note(Some(&"注".repeat(1001))).is_err());
    }

    #[test]
    fn an_entry_is_reversed_once_and_a_reversal_never() {
        assert!(check_reversible(false, false).is_ok());
        for (reversed, is_reversal) in [(true, false), (false, true)] {
            assert!(matches!(
                check_reversible(reversed, is_reversal),
                Err(DomainError::WrongState {
                    code: "already_reversed",
                    ..
                })
            ));
        }
    }

    #[test]
    fn report_and_disclosure_months_are_checked() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 15).unwrap_or_default();
        let month = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default();
        assert_eq!(
            report_months(None, None, today).ok(),
            Some((month(2025, 12), month(2026, 11)))
        );
        assert!(report_months(Some("2026-11"), Some("2026-10"), today).is_err());
        assert!(report_months(Some("2023-11"), Some("2026-11"), today).is_err());
        assert!(report_months(Some("Nov"), None, today).is_err());
        assert_eq!(
            disclosed_months("2026-09", "2026-10", today).ok(),
            Some((month(2026, 9), month(2026, 10)))
        );
        assert!(disclosed_months("2026-10", "2026-09", today).is_err());
        assert!(disclosed_months("2026-11", "2026-11", today).is_err());
        assert_eq!(
            last_day(month(2026, 2)),
            NaiveDate::from_ymd_opt(2026, 2, 28).unwrap_or_default()
        );
    }

    #[test]
    fn a_voucher_is_an_image_or_a_pdf() {
        assert_eq!(voucher_type(b"%PDF-1.4\n%%EOF\n"), Some("application/pdf"));
        assert_eq!(voucher_type(b"%PDF-1.4"), None, "a PDF cut short");
        assert_eq!(voucher_type(b"#!/bin/sh"), None);
    }
}
