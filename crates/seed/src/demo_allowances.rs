//! Demo allowance payments (岗位津贴): the monthly post allowance of 雨花区's compound party
//! secretaries who pass their assessment.
//!
//! The source pays the secretaries of the district's 425 compound party organisations a
//! monthly allowance once they pass the assessment (考评合格). The demo gives them bank
//! accounts (a few still missing), five quarters of assessments up to the current one
//! (mostly qualified, some excellent, a few unqualified, a few not yet assessed this
//! quarter) and five months of payment cycles: the four months before last month paid and
//! reconciled (two transfers of the second bounced and are carried into the fourth), the
//! first two closed, and last month's cycle a fresh draft.
//!
//! The story is written as of 26 November 2026 (assessments from the fourth quarter of
//! 2025, July to October 2026 paid, two August transfers carried into October, November the
//! draft) and every date moves by whole months to the load day through the
//! [`DemoCalendar`], so the story's November is always last month. Unless the load month
//! is the last of a calendar quarter (as the story's December is), the assessment periods
//! are three-month windows rather than calendar quarters (every paid and drafted month is
//! still covered, as in the story).
//!
//! Bank accounts and assessments are inserted directly, planned by pure deterministic
//! functions (a fixed hash of the secretary's position, never randomness) so they can be
//! tested without a database. Cycles, on the contrary, go through the product's own code
//! (`allowances::create_cycle`, `transition`, `disburse`, `reconcile` with a parsed bank
//! return file): the demo shows exactly the lines and explanations the product computes.
//! Those functions stamp `now()`; the seed then moves the stamps to the demo's calendar so
//! the cycles read as five months of work (the audit log they write keeps the real time). They also write the audit log, which keeps that
//! history, and emit events, which the seed withdraws: seeding announces nothing to the
//! event feed or webhook subscribers. The programme's name marks the work as done: a second
//! run finds it and writes nothing.

use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Bytea, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    allowance::{AssessmentResult, CycleAction, parse_bank_return},
    public_revenue::RowError,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{demo::DISTRICT_CODE, demo_calendar::DemoCalendar, demo_registry::BRANCH_TOTAL};
use linli_persistence::{
    StoreError,
    allowances::{self, Programme, ProgrammeDraft},
    audit_log::AuditContext,
    error::StoreResult,
    schema::{allowance_programmes, areas, assessments, bank_accounts, users},
};

/// The programme's name; its presence means this module has run.
pub const PROGRAMME_NAME: &str = "小区党组织书记岗位津贴";
/// 800 yuan a month.
pub const AMOUNT_FEN: i64 = 80_000;
/// A year of the full allowance for every compound party organisation's secretary.
pub const ANNUAL_BUDGET_FEN: i64 = BRANCH_TOTAL as i64 * AMOUNT_FEN * 12;

/// A date known at compile time; a typo in a constant fails the build instead of a run.
const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid demo date"),
    }
}

/// "Today" of the demo's story (as in `demo_registry`): posts still held then (on the load
/// day's calendar) are candidates.
const TODAY: NaiveDate = ymd(2026, 11, 26);

/// Five quarters of assessments, up to the current quarter (the story's).
const QUARTERS: [(NaiveDate, NaiveDate); 5] = [
    (ymd(2025, 10, 1), ymd(2025, 12, 31)),
    (ymd(2026, 1, 1), ymd(2026, 3, 31)),
    (ymd(2026, 4, 1), ymd(2026, 6, 30)),
    (ymd(2026, 7, 1), ymd(2026, 9, 30)),
    (ymd(2026, 10, 1), ymd(2026, 12, 31)),
];
/// The third quarter of 2026: it decides July to September.
const SUMMER: usize = 3;
/// The current quarter: it decides October and the November draft.
const LATEST: usize = 4;

/// Months paid and reconciled, in order; then the draft.
const PAID_MONTHS: [NaiveDate; 4] = [
    ymd(2026, 7, 1),
    ymd(2026, 8, 1),
    ymd(2026, 9, 1),
    ymd(2026, 10, 1),
];
const DRAFT_MONTH: NaiveDate = ymd(2026, 11, 1);

/// The assessment periods of [`QUARTERS`] on `cal`'s calendar.
fn quarters(cal: &DemoCalendar) -> [(NaiveDate, NaiveDate); 5] {
    QUARTERS.map(|(start, end)| (cal.date(start), cal.date(end)))
}

/// The paid months and the draft month on `cal`'s calendar: the four months before last
/// month, and last month.
fn cycle_months(cal: &DemoCalendar) -> ([NaiveDate; 4], NaiveDate) {
    (PAID_MONTHS.map(|m| cal.date(m)), cal.date(DRAFT_MONTH))
}

/// One secretary in 85 has not handed in bank details (5 of 425): the draft shows
/// `bank_details_missing`.
const NO_ACCOUNT_EVERY: usize = 85;
const NO_ACCOUNT_AT: usize = 40;
/// One in 106 has no assessment for the current quarter yet (4 of 425): the draft shows
/// `assessment_missing`. Offsets differ so both gaps are visible on different people.
const UNASSESSED_EVERY: usize = 106;
const UNASSESSED_AT: usize = 17;

/// Bank branches near the district offices and the first four digits of their debit cards.
const BANKS: [(&str, &str); 5] = [
    ("长沙银行雨花支行", "6214"),
    ("中国建设银行长沙雨花支行", "6217"),
    ("中国农业银行长沙韶山路支行", "6228"),
    ("中国工商银行长沙雨花亭支行", "6222"),
    ("中国邮政储蓄银行长沙雨花区支行", "6210"),
];

/// Why the two August transfers bounced, in the order of [`bounced_pair`].
const FAILURES: [&str; 2] = ["户名与账号不符", "账户已冻结"];

const UNQUALIFIED_NOTE: &str = "群众满意度测评未达标，已约谈并限期整改";
const EXCELLENT_NOTE: &str = "季度考评优秀，带头推动小区议事协商成效明显";

/// Rows per INSERT: assessments bind 11 columns, well below 65 535 parameters.
const ROWS_PER_STATEMENT: usize = 2000;
const _: () = assert!(ROWS_PER_STATEMENT * 11 < 65_535);

// ---------------------------------------------------------------------------------------
// Plan

/// splitmix64 of the inputs: scores and accounts differ between secretaries and quarters
/// while every run produces the same data, without a random number generator.
fn mix(index: usize, quarter: usize, salt: u64) -> u64 {
    let mut z = ((index as u64) << 32) ^ ((quarter as u64) << 16) ^ salt;
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One planned assessment of a secretary.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PlannedAssessment {
    quarter: usize,
    score: i32,
    result: AssessmentResult,
    /// Assessed by the district's organisation department rather than the subdistrict.
    by_district: bool,
    notes: Option<&'static str>,
}

fn without_account(index: usize) -> bool {
    index % NO_ACCOUNT_EVERY == NO_ACCOUNT_AT
}

fn unassessed(index: usize, quarter: usize) -> bool {
    quarter == LATEST && index % UNASSESSED_EVERY == UNASSESSED_AT
}

/// The assessment of the secretary at `index` (in name order) for a quarter: 3 % unqualified
/// (under 60), 10 % excellent (90 and over), the rest qualified, mostly 75 to 89.
fn plan_assessment(index: usize, quarter: usize) -> Option<PlannedAssessment> {
    let (start, _) = QUARTERS.get(quarter)?;
    if unassessed(index, quarter) {
        return None;
    }
    let roll = mix(index, quarter, 1) % 100;
    let spread = mix(index, quarter, 2);
    let (score, result, notes) = match roll {
        0..3 => (
            45 + (spread % 15) as i32,
            AssessmentResult::Unqualified,
            Some(UNQUALIFIED_NOTE),
        ),
        3..13 => (
            90 + (spread % 8) as i32,
            AssessmentResult::Excellent,
            Some(EXCELLENT_NOTE),
        ),
        // One qualified secretary in eight scrapes through below 75.
        _ if spread.is_multiple_of(8) => (
            65 + ((spread >> 8) % 10) as i32,
            AssessmentResult::Qualified,
            None,
        ),
        _ => (75 + (spread % 15) as i32, AssessmentResult::Qualified, None),
    };
    Some(PlannedAssessment {
        quarter,
        score,
        result,
        // The fourth quarter is assessed with the annual review by the district's
        // organisation department; the other quarters by the subdistrict.
        by_district: start.month() == 10,
        notes,
    })
}

/// Who assessed, as written on the form.
fn assessor(by_district: bool, subdistrict: &str) -> String {
    if by_district || subdistrict.is_empty() {
        "雨花区委组织部".to_owned()
    } else if subdistrict.ends_with('镇') {
        format!("{subdistrict}党委")
    } else {
        format!("{subdistrict}党工委")
    }
}

/// A 19-digit debit card number: the bank's four digits, eleven hashed digits and a
/// four-digit serial (so no two cards are the same).
fn account_number(prefix: &str, index: usize, salt: u64, serial: usize) -> String {
    format!(
        "{prefix}{:011}{:04}",
        mix(index, 0, salt) % 100_000_000_000,
        serial % 10_000
    )
}

/// Serials of second cards start here, so a secretary's two cards differ in the last four
/// digits, the only ones a masked number (****1234) shows.
const SECOND_CARD_SERIAL: usize = 5000;
const _: () = assert!(BRANCH_TOTAL < SECOND_CARD_SERIAL);

fn bank_slot(index: usize) -> usize {
    (mix(index, 0, 3) % BANKS.len() as u64) as usize
}

/// The bank account of the secretary at `index`, unless they have not handed it in.
fn plan_account(index: usize) -> Option<(&'static str, String)> {
    if without_account(index) {
        return None;
    }
    let (bank, prefix) = BANKS.get(bank_slot(index))?;
    Some((bank, account_number(prefix, index, 4, index)))
}

/// A second card at another bank: handed in later, or opened after the first was frozen.
fn replacement_account(index: usize) -> Option<(&'static str, String)> {
    let (bank, prefix) = BANKS.get((bank_slot(index) + 1) % BANKS.len())?;
    Some((
        bank,
        account_number(prefix, index, 5, SECOND_CARD_SERIAL + index),
    ))
}

/// The name as mistyped when a new card was entered: the last character differs.
fn mistyped(name: &str) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    if let Some(last) = chars.last_mut() {
        *last = if *last == '明' { '鸣' } else { '明' };
    }
    chars.into_iter().collect()
}

/// Paid every month from July to October: an account, and passed both quarters.
fn paid_throughout(index: usize) -> bool {
    plan_account(index).is_some()
        && [SUMMER, LATEST].iter().all(|q| {
            plan_assessment(index, *q).is_some_and(|a| a.result != AssessmentResult::Unqualified)
        })
}

/// The two secretaries whose August transfers bounce: the first ones paid throughout from
/// a seventh and from two thirds of the way through the list.
fn bounced_pair(count: usize) -> Option<(usize, usize)> {
    let first = (count / 7..count).find(|i| paid_throughout(*i))?;
    let second = (count * 2 / 3..count).find(|i| *i != first && paid_throughout(*i))?;
    Some((first, second))
}

/// `hour` o'clock Beijing time (UTC+8) on `date`: the demo's times are office hours in Changsha.
fn beijing(date: NaiveDate, hour: i64) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc() + TimeDelta::hours(hour - 8)
}

/// `hour` o'clock on day `day` of `month`.
fn in_month(month: NaiveDate, day: i64, hour: i64) -> DateTime<Utc> {
    beijing(month + TimeDelta::days(day - 1), hour)
}

/// When each step of a cycle happened in the demo's calendar.
#[derive(Debug, Clone, Copy, Default)]
struct Stamps {
    generated: Option<DateTime<Utc>>,
    submitted: Option<DateTime<Utc>>,
    approved: Option<DateTime<Utc>>,
    disbursed: Option<DateTime<Utc>>,
    reconciled: Option<DateTime<Utc>>,
    closed: Option<DateTime<Utc>>,
}

/// The district's monthly routine: generated and submitted on the 20th, approved on the
/// 22nd, paid on the 25th, the bank's return file on the 27th.
fn routine(month: NaiveDate) -> Stamps {
    Stamps {
        generated: Some(in_month(month, 20, 10)),
        submitted: Some(in_month(month, 20, 16)),
        approved: Some(in_month(month, 22, 10)),
        disbursed: Some(in_month(month, 25, 10)),
        reconciled: Some(in_month(month, 27, 16)),
        closed: None,
    }
}

// ---------------------------------------------------------------------------------------
// Rows

#[derive(Insertable)]
#[diesel(table_name = bank_accounts)]
struct AccountRow {
    person_id: Uuid,
    bank_name: &'static str,
    account_no: String,
    account_name: String,
    updated_at: DateTime<Utc>,
}

#[derive(Insertable)]
#[diesel(table_name = assessments)]
struct AssessmentRow {
    id: Uuid,
    person_id: Uuid,
    period_start: NaiveDate,
    period_end: NaiveDate,
    score: i32,
    result: &'static str,
    assessor: String,
    notes: Option<&'static str>,
    recorded_by: Option<Uuid>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(QueryableByName)]
struct SecretaryRow {
    #[diesel(sql_type = SqlUuid)]
    person_id: Uuid,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    subdistrict: String,
}

#[derive(QueryableByName)]
struct CountRow {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

// ---------------------------------------------------------------------------------------
// Seeding

/// What a seeding run wrote; all zero when the programme was already there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllowanceReport {
    pub created: bool,
    /// Compound party secretaries found (the programme's candidates).
    pub secretaries: usize,
    pub bank_accounts: usize,
    pub assessments: usize,
    /// Cycles by status code.
    pub cycles: BTreeMap<&'static str, usize>,
    /// Lines of all cycles.
    pub lines: usize,
    pub transfers: usize,
    pub failed_transfers: usize,
    pub carried_lines: usize,
    /// Lines of the draft cycle by reason code.
    pub draft_reasons: BTreeMap<String, usize>,
}

/// A finance officer acting through the product's own functions.
fn officer(id: Uuid, display_name: &str) -> AuditContext {
    AuditContext {
        actor_kind: "user",
        actor_id: Some(id),
        actor_name: display_name.to_owned(),
        client_ip: None,
        request_id: None,
    }
}

/// Seeds the programme, bank details, assessments and cycles on `cal`'s calendar unless the
/// programme exists. Runs inside `demo::seed`'s transaction, after the registry and the demo
/// users.
pub async fn seed(tx: &mut AsyncPgConnection, cal: &DemoCalendar) -> StoreResult<AllowanceReport> {
    let done: Option<Uuid> = allowance_programmes::table
        .filter(allowance_programmes::name.eq(PROGRAMME_NAME))
        .select(allowance_programmes::id)
        .first(tx)
        .await
        .optional()?;
    if done.is_some() {
        log::info!("demo allowance payments already present; left as they are");
        return Ok(AllowanceReport::default());
    }
    let (district_id, district_path): (Uuid, String) = areas::table
        .filter(areas::code.eq(DISTRICT_CODE))
        .select((areas::id, areas::path))
        .first(tx)
        .await
        .optional()?
        .ok_or(DomainError::NotFound("demo district"))?;
    let staff: Vec<(String, Uuid, String)> = users::table
        .filter(users::username.eq_any(["admin", "finance.maker", "finance.checker"]))
        .select((users::username, users::id, users::display_name))
        .load(tx)
        .await?;
    let find = |name: &str| {
        staff
            .iter()
            .find(|(u, _, _)| u == name)
            .map(|(_, id, display)| (*id, display.as_str()))
    };
    let admin = find("admin").map(|(id, _)| id);
    let (maker_id, maker_name) =
        find("finance.maker").ok_or(DomainError::NotFound("finance.maker user"))?;
    let (checker_id, checker_name) =
        find("finance.checker").ok_or(DomainError::NotFound("finance.checker user"))?;
    let maker = officer(maker_id, maker_name);
    let checker = officer(checker_id, checker_name);
    let patterns = vec![format!("{district_path}%")];
    // Events emitted from here on are the seed's own (see `withdraw_events`).
    let events_before: CountRow =
        linli_persistence::sql::query("SELECT COALESCE(max(id), 0) AS n FROM events")
            .get_result(tx)
            .await?;

    let programme_id = allowances::create_programme(
        tx,
        &maker,
        &ProgrammeDraft {
            name: PROGRAMME_NAME.to_owned(),
            area_id: district_id,
            area_path: district_path.clone(),
            org_kind: "compound_party_branch".to_owned(),
            post_title: "书记".to_owned(),
            amount_fen_per_month: AMOUNT_FEN,
            required_result: AssessmentResult::Qualified,
            annual_budget_fen: ANNUAL_BUDGET_FEN,
            pro_rata: true,
            active: true,
        },
    )
    .await?;
    // The programme started with the second half of the story's 2026: six months ago.
    let launched = beijing(cal.date(ymd(2026, 6, 15)), 9);
    diesel::update(allowance_programmes::table.find(programme_id))
        .set((
            allowance_programmes::created_at.eq(launched),
            allowance_programmes::updated_at.eq(launched),
        ))
        .execute(tx)
        .await?;
    let programme = allowances::programme(tx, &patterns, programme_id).await?;

    let secretaries = load_secretaries(tx, &programme, cal.date(TODAY)).await?;
    let mut report = AllowanceReport {
        created: true,
        secretaries: secretaries.len(),
        ..AllowanceReport::default()
    };
    let bounced = bounced_pair(secretaries.len());

    // Bank details, collected when the programme was announced. Accounts already on file
    // are real data and stay as they are.
    let collected = beijing(cal.date(ymd(2026, 6, 18)), 10);
    let accounts: Vec<AccountRow> = secretaries
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (bank, number) = plan_account(i)?;
            Some(AccountRow {
                person_id: s.person_id,
                bank_name: bank,
                account_no: number,
                account_name: s.name.clone(),
                updated_at: collected,
            })
        })
        .collect();
    for batch in accounts.chunks(ROWS_PER_STATEMENT) {
        report.bank_accounts += diesel::insert_into(bank_accounts::table)
            .values(batch)
            .on_conflict_do_nothing()
            .execute(tx)
            .await?;
    }

    // Assessments; people assessed already keep their own (the periods would overlap).
    let people: Vec<Uuid> = secretaries.iter().map(|s| s.person_id).collect();
    let assessed: HashSet<Uuid> = assessments::table
        .filter(assessments::person_id.eq_any(&people))
        .select(assessments::person_id)
        .distinct()
        .load::<Uuid>(tx)
        .await?
        .into_iter()
        .collect();
    let mut rows = Vec::new();
    for (i, s) in secretaries.iter().enumerate() {
        if assessed.contains(&s.person_id) {
            continue;
        }
        for (q, (start, end)) in quarters(cal).iter().enumerate() {
            let Some(a) = plan_assessment(i, q) else {
                continue;
            };
            // Recorded in the quarter's second week, before the quarter's first cycle is
            // generated on the 20th, which needs an assessment covering its month.
            let recorded =
                beijing(*start + TimeDelta::days(9), 10) + TimeDelta::minutes((i % 240) as i64);
            rows.push(AssessmentRow {
                id: Uuid::now_v7(),
                person_id: s.person_id,
                period_start: *start,
                period_end: *end,
                score: a.score,
                result: a.result.as_str(),
                assessor: assessor(a.by_district, &s.subdistrict),
                notes: a.notes,
                recorded_by: admin,
                created_at: recorded,
                updated_at: recorded,
            });
        }
    }
    insert_in_batches!(tx, assessments::table, rows, ROWS_PER_STATEMENT);
    report.assessments = rows.len();

    // Cycles through the product's own code (the story's months named: July to October are
    // the four months before last month). Two August transfers bounce: the first
    // secretary handed in a new card on 10 August and the name was mistyped on entry
    // (户名与账号不符); the second one's account was frozen during August (账户已冻结).
    // August's return file leaves them open: the bank returns them (退汇) only on 23
    // September, after September's cycle was approved, so they are carried into October.
    // The office corrects both accounts the next day, before September's transfers go out.
    let (card_changed, corrected) = match bounced {
        Some((first, second)) => (
            Vec::from_iter(new_card(&secretaries, first, mistyped)),
            [first, second]
                .into_iter()
                .filter_map(|i| new_card(&secretaries, i, |n: &str| n.to_owned()))
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let bounced_people: Vec<Uuid> = bounced
        .map(|(a, b)| vec![a, b])
        .unwrap_or_default()
        .into_iter()
        .filter_map(|i| secretaries.get(i).map(|s| s.person_id))
        .collect();
    let ([july, august, september, october], draft_month) = cycle_months(cal);
    let mut stamped: Vec<(Uuid, Stamps)> = Vec::new();
    let officers = Officers {
        maker: &maker,
        checker: &checker,
        patterns: &patterns,
        programme: &programme,
    };

    let july_id = officers.approved(tx, july).await?;
    allowances::disburse(tx, &maker, &patterns, july_id).await?;
    officers
        .bank_return(tx, july_id, &[], &[], in_month(july, 27, 16))
        .await?;
    stamped.push((july_id, routine(july)));
    change_accounts(
        tx,
        &maker,
        &district_path,
        &card_changed,
        in_month(august, 10, 10),
    )
    .await?;

    let august_id = officers.approved(tx, august).await?;
    allowances::disburse(tx, &maker, &patterns, august_id).await?;
    officers
        .bank_return(
            tx,
            august_id,
            &bounced_people,
            &[],
            in_month(august, 27, 16),
        )
        .await?;
    let september_id = officers.approved(tx, september).await?;
    let returned = in_month(september, 23, 15);
    if !bounced_people.is_empty() {
        officers
            .bank_return(tx, august_id, &[], &bounced_people, returned)
            .await?;
        change_accounts(
            tx,
            &maker,
            &district_path,
            &corrected,
            in_month(september, 24, 10),
        )
        .await?;
    }
    stamped.push((
        august_id,
        Stamps {
            reconciled: Some(returned).filter(|_| !bounced_people.is_empty()),
            ..routine(august)
        },
    ));
    allowances::disburse(tx, &maker, &patterns, september_id).await?;
    officers
        .bank_return(tx, september_id, &[], &[], in_month(september, 27, 16))
        .await?;
    stamped.push((september_id, routine(september)));

    let october_id = officers.approved(tx, october).await?;
    allowances::disburse(tx, &maker, &patterns, october_id).await?;
    officers
        .bank_return(tx, october_id, &[], &[], in_month(october, 27, 16))
        .await?;
    stamped.push((october_id, routine(october)));

    // July and August are closed once October's carried lines settled August's account.
    let closed = beijing(cal.date(ymd(2026, 11, 3)), 10);
    for (id, stamps) in stamped.iter_mut().take(2) {
        officers.act(tx, &maker, *id, CycleAction::Close).await?;
        stamps.closed = Some(closed);
    }

    // November (last month): generated, not submitted, so the demo starts from a draft.
    // Timed, to show what generation costs for a district's worth of candidates.
    let started = Instant::now();
    let november_id = allowances::create_cycle(tx, &maker, &programme, draft_month).await?;
    log::info!(
        "demo allowances: generating the {} cycle for {} secretaries took {:.1} ms",
        draft_month.format("%Y-%m"),
        secretaries.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    stamped.push((
        november_id,
        Stamps {
            generated: Some(in_month(draft_month, 20, 10)),
            ..Stamps::default()
        },
    ));
    for (id, stamps) in &stamped {
        stamp_cycle(tx, *id, stamps).await?;
    }
    let mut subjects: Vec<String> = vec![programme.id.to_string()];
    subjects.extend(stamped.iter().map(|(id, _)| id.to_string()));
    subjects.extend(
        card_changed
            .iter()
            .chain(&corrected)
            .map(|c| c.0.to_string()),
    );
    withdraw_events(tx, events_before.n, &subjects).await?;

    for c in allowances::cycles(tx, &patterns, Some(programme.id), None).await? {
        *report.cycles.entry(c.status().as_str()).or_default() += 1;
        report.lines += usize::try_from(c.candidates).unwrap_or_default();
    }
    report.transfers = count(
        tx,
        "SELECT count(*) AS n FROM disbursements WHERE programme_id = $1",
        programme.id,
    )
    .await?;
    report.failed_transfers = count(
        tx,
        "SELECT count(*) AS n FROM disbursements WHERE programme_id = $1 AND status = 'failed'",
        programme.id,
    )
    .await?;
    report.carried_lines = count(
        tx,
        "SELECT count(*) AS n FROM payments WHERE programme_id = $1 AND reason = 'carried'",
        programme.id,
    )
    .await?;
    for line in allowances::lines(tx, november_id, None, None).await? {
        *report.draft_reasons.entry(line.reason).or_default() += 1;
    }
    log::info!(
        "demo allowance payments loaded: {} secretaries, {} bank accounts, {} assessments; \
         cycles {:?} with {} lines, {} transfers ({} failed), {} carried lines; \
         the draft's reasons {:?}",
        report.secretaries,
        report.bank_accounts,
        report.assessments,
        report.cycles,
        report.lines,
        report.transfers,
        report.failed_transfers,
        report.carried_lines,
        report.draft_reasons
    );
    Ok(report)
}

/// The programme's candidates: holders of its post in the district still in post on `today`
/// (the story's [`TODAY`] on the load day's calendar), in a stable order (organisation, then
/// name) so the plan's positions, and thus the data, are the same on every run.
async fn load_secretaries(
    tx: &mut AsyncPgConnection,
    programme: &Programme,
    today: NaiveDate,
) -> StoreResult<Vec<SecretaryRow>> {
    let rows: Vec<SecretaryRow> = linli_persistence::sql::query(
        "SELECT pe.id AS person_id, pe.name, COALESCE(sd.name, '') AS subdistrict \
         FROM posts po JOIN people pe ON pe.id = po.person_id \
           JOIN organisations o ON o.id = po.organisation_id \
           JOIN areas oa ON oa.id = o.area_id \
           LEFT JOIN areas sd ON sd.depth = 1 AND sd.path = substring(oa.path FROM '^/[^/]+/[^/]+/') \
         WHERE o.kind = $1 AND po.title = $2 AND oa.path LIKE $3 \
           AND po.start_date <= $4 AND (po.end_date IS NULL OR po.end_date >= $4) \
         ORDER BY o.name, pe.name, pe.id",
    )
    .bind::<Text, _>(&programme.org_kind)
    .bind::<Text, _>(&programme.post_title)
    .bind::<Text, _>(format!("{}%", programme.area_path))
    .bind::<diesel::sql_types::Date, _>(today)
    .load(tx)
    .await?;
    // A person secretary of two branches is one candidate.
    let mut seen = HashSet::new();
    Ok(rows
        .into_iter()
        .filter(|r| seen.insert(r.person_id))
        .collect())
}

/// The finance office: a preparer (经办) and a checker (审核) acting on one programme.
struct Officers<'a> {
    maker: &'a AuditContext,
    checker: &'a AuditContext,
    patterns: &'a [String],
    programme: &'a Programme,
}

impl Officers<'_> {
    async fn act(
        &self,
        tx: &mut AsyncPgConnection,
        ctx: &AuditContext,
        cycle_id: Uuid,
        action: CycleAction,
    ) -> StoreResult<()> {
        let version = allowances::cycle(tx, self.patterns, cycle_id)
            .await?
            .version;
        allowances::transition(
            tx,
            ctx,
            self.patterns,
            cycle_id,
            version,
            action,
            self.programme,
        )
        .await
    }

    /// A month's cycle generated and submitted by the preparer, approved by the checker.
    async fn approved(&self, tx: &mut AsyncPgConnection, month: NaiveDate) -> StoreResult<Uuid> {
        let id = allowances::create_cycle(tx, self.maker, self.programme, month).await?;
        self.act(tx, self.maker, id, CycleAction::Submit).await?;
        self.act(tx, self.checker, id, CycleAction::Approve).await?;
        Ok(id)
    }

    /// Imports a bank return file for a disbursed cycle, built as the bank would send it
    /// and read by the product's own parser. With `failed` empty the file reports every
    /// transfer still open as paid, except those of the `pending` people (the bank has not
    /// answered for them yet); with `failed` set it holds only those people's transfers,
    /// failed for the reasons of [`FAILURES`] in order. A complete file (neither) must leave
    /// the cycle reconciled; anything else is a bug of this module and stops the seed.
    async fn bank_return(
        &self,
        tx: &mut AsyncPgConnection,
        cycle_id: Uuid,
        pending: &[Uuid],
        failed: &[Uuid],
        at: DateTime<Utc>,
    ) -> StoreResult<()> {
        let lines = allowances::lines(tx, cycle_id, Some("included"), None).await?;
        let mut rows: Vec<(Uuid, Option<&str>)> = Vec::new();
        for line in &lines {
            let Some(transfer) = line.disbursement_id else {
                continue;
            };
            if line.outcome.as_deref() != Some("sent") || pending.contains(&line.person_id) {
                continue;
            }
            if failed.is_empty() {
                rows.push((transfer, None));
            } else if let Some(k) = failed.iter().position(|p| *p == line.person_id) {
                rows.push((transfer, FAILURES.get(k).copied()));
            }
        }
        // The bank's serial numbers carry the day of the file in Beijing time.
        let day = (at + TimeDelta::hours(8)).format("%Y%m%d");
        let mut csv = String::from("参考号,结果,银行流水号,失败原因\n");
        for (n, (transfer, failure)) in rows.iter().enumerate() {
            let reference = format!("HX{day}{:06}", n + 1);
            csv.push_str(&match failure {
                None => format!("{transfer},成功,{reference},\n"),
                Some(reason) => format!("{transfer},失败,{reference},{reason}\n"),
            });
        }
        let outcomes = parse_bank_return(csv.as_bytes()).map_err(refused)?;
        let sha256 = Sha256::digest(csv.as_bytes()).to_vec();
        let outcome =
            allowances::reconcile(tx, self.maker, self.patterns, cycle_id, &sha256, &outcomes)
                .await?
                .map_err(refused)?;
        if pending.is_empty() && failed.is_empty() && !outcome.reconciled {
            return Err(DomainError::Conflict(format!(
                "demo bank return file for {cycle_id} left transfers open"
            ))
            .into());
        }
        let settled: Vec<Uuid> = rows.iter().map(|(t, _)| *t).collect();
        linli_persistence::sql::query(
            "UPDATE disbursements SET settled_at = $2 WHERE id = ANY($1)",
        )
        .bind::<Array<SqlUuid>, _>(&settled)
        .bind::<Timestamptz, _>(at)
        .execute(tx)
        .await?;
        linli_persistence::sql::query(
            "UPDATE reconciliation_imports SET created_at = $3 WHERE cycle_id = $1 AND sha256 = $2",
        )
        .bind::<SqlUuid, _>(cycle_id)
        .bind::<Bytea, _>(&sha256)
        .bind::<Timestamptz, _>(at)
        .execute(tx)
        .await?;
        Ok(())
    }
}

/// A bank file the product refuses is a bug of this module: it stops the seed.
fn refused(errors: Vec<RowError>) -> StoreError {
    DomainError::Conflict(format!("demo bank return file refused: {errors:?}")).into()
}

/// A new card for the secretary at `index`, at another bank, in the name `name` gives.
fn new_card(
    secretaries: &[SecretaryRow],
    index: usize,
    name: impl Fn(&str) -> String,
) -> Option<(Uuid, &'static str, String, String)> {
    let s = secretaries.get(index)?;
    let (bank, number) = replacement_account(index)?;
    Some((s.person_id, bank, number, name(&s.name)))
}

/// Changes bank accounts the way the finance office does (audited, numbers masked), dated `at`.
async fn change_accounts(
    tx: &mut AsyncPgConnection,
    maker: &AuditContext,
    district_path: &str,
    changes: &[(Uuid, &'static str, String, String)],
    at: DateTime<Utc>,
) -> StoreResult<()> {
    for (person_id, bank, number, name) in changes {
        allowances::set_bank_account(tx, maker, district_path, *person_id, bank, number, name)
            .await?;
    }
    let people: Vec<Uuid> = changes.iter().map(|c| c.0).collect();
    diesel::update(bank_accounts::table.filter(bank_accounts::person_id.eq_any(&people)))
        .set(bank_accounts::updated_at.eq(at))
        .execute(tx)
        .await?;
    Ok(())
}

/// Deletes the events the product's functions emitted while seeding (the audit log keeps
/// the history). Seeding is not a live change: the event feed and webhook subscribers
/// announce what happens from now on, and a subscriber created later must not receive a
/// backlog of demo events. The events are still uncommitted, so no delivery refers to
/// them; `subjects` (the programme, cycles and people changed) keeps the deletion to the
/// seed's own even if the application writes at the same time.
async fn withdraw_events(
    tx: &mut AsyncPgConnection,
    after_id: i64,
    subjects: &[String],
) -> StoreResult<()> {
    linli_persistence::sql::query(
        "DELETE FROM events WHERE id > $1 AND (subject_id = ANY($2) OR payload->>'cycle_id' = ANY($2))",
    )
    .bind::<BigInt, _>(after_id)
    .bind::<Array<Text>, _>(subjects)
    .execute(tx)
    .await?;
    Ok(())
}

/// Moves a cycle's and its transfers' stamps from `now()` to the demo's calendar; steps the
/// cycle never took stay empty.
async fn stamp_cycle(tx: &mut AsyncPgConnection, id: Uuid, s: &Stamps) -> StoreResult<()> {
    type At = Nullable<Timestamptz>;
    linli_persistence::sql::query(
        "UPDATE payment_cycles SET created_at = COALESCE($2, created_at), \
           generated_at = CASE WHEN generated_at IS NOT NULL THEN COALESCE($2, generated_at) END, \
           submitted_at = CASE WHEN submitted_at IS NOT NULL THEN COALESCE($3, submitted_at) END, \
           approved_at = CASE WHEN approved_at IS NOT NULL THEN COALESCE($4, approved_at) END, \
           disbursed_at = CASE WHEN disbursed_at IS NOT NULL THEN COALESCE($5, disbursed_at) END, \
           reconciled_at = CASE WHEN reconciled_at IS NOT NULL THEN COALESCE($6, reconciled_at) END, \
           closed_at = CASE WHEN closed_at IS NOT NULL THEN COALESCE($7, closed_at) END \
         WHERE id = $1",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<At, _>(s.generated)
    .bind::<At, _>(s.submitted)
    .bind::<At, _>(s.approved)
    .bind::<At, _>(s.disbursed)
    .bind::<At, _>(s.reconciled)
    .bind::<At, _>(s.closed)
    .execute(tx)
    .await?;
    if let Some(at) = s.disbursed {
        linli_persistence::sql::query(
            "UPDATE disbursements SET created_at = $2 WHERE cycle_id = $1",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<Timestamptz, _>(at)
        .execute(tx)
        .await?;
    }
    Ok(())
}

async fn count(tx: &mut AsyncPgConnection, sql: &str, programme_id: Uuid) -> StoreResult<usize> {
    let row: CountRow = diesel::sql_query(sql)
        .bind::<SqlUuid, _>(programme_id)
        .get_result(tx)
        .await?;
    Ok(usize::try_from(row.n).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use linli_domain::allowance::mask_account;

    use super::*;

    #[test]
    fn scores_follow_the_planned_distribution() {
        let planned: Vec<PlannedAssessment> = (0..BRANCH_TOTAL)
            .flat_map(|i| (0..QUARTERS.len()).filter_map(move |q| plan_assessment(i, q)))
            .collect();
        let share = |result: AssessmentResult| {
            planned.iter().filter(|a| a.result == result).count() as f64 / planned.len() as f64
        };
        let unqualified = share(AssessmentResult::Unqualified);
        let excellent = share(AssessmentResult::Excellent);
        assert!((0.015..=0.05).contains(&unqualified), "{unqualified}");
        assert!((0.07..=0.13).contains(&excellent), "{excellent}");
        for a in &planned {
            let fits = match a.result {
                AssessmentResult::Unqualified => a.score < 60,
                AssessmentResult::Qualified => (60..90).contains(&a.score),
                AssessmentResult::Excellent => (90..=100).contains(&a.score),
            };
            assert!(fits, "{a:?}");
            assert_eq!(a.notes.is_some(), a.result != AssessmentResult::Qualified);
        }
        let mostly = planned
            .iter()
            .filter(|a| (75..=97).contains(&a.score))
            .count();
        assert!(
            mostly * 10 >= planned.len() * 8,
            "{mostly} of {}",
            planned.len()
        );
        // Every quarter has some unqualified secretary, so each cycle shows the reason.
        for q in 0..QUARTERS.len() {
            assert!(
                (0..BRANCH_TOTAL).any(|i| plan_assessment(i, q)
                    .is_some_and(|a| a.result == AssessmentResult::Unqualified)),
                "quarter {q}"
            );
        }
        assert!(plan_assessment(0, QUARTERS.len()).is_none());
    }

    #[test]
    fn account_numbers_are_card_numbers_of_the_named_banks() {
        let mut numbers = HashSet::new();
        for i in 0..BRANCH_TOTAL {
            let accounts = [plan_account(i), replacement_account(i)];
            for (bank, number) in accounts.into_iter().flatten() {
                assert!((8..=30).contains(&number.len()), "{number}");
                assert_eq!(number.len(), 19, "{number}");
                assert!(number.bytes().all(|b| b.is_ascii_digit()), "{number}");
                assert!(
                    BANKS
                        .iter()
                        .any(|(b, prefix)| *b == bank && number.starts_with(prefix)),
                    "{bank} {number}"
                );
                assert!(numbers.insert(number), "account numbers are unique");
            }
            let (Some(old), Some(new)) = (plan_account(i), replacement_account(i)) else {
                continue;
            };
            assert_ne!(old.0, new.0, "the replacement is at another bank");
            assert_ne!(
                mask_account(&old.1),
                mask_account(&new.1),
                "masked numbers tell the cards apart"
            );
        }
        assert_eq!(mistyped("张建华"), "张建明");
        assert_eq!(mistyped("李明"), "李鸣");
        assert_ne!(mistyped("王芳"), "王芳");
    }

    #[test]
    fn plans_are_deterministic_and_leave_gaps_for_the_draft() {
        let accounts: Vec<_> = (0..BRANCH_TOTAL).map(plan_account).collect();
        assert_eq!(
            accounts,
            (0..BRANCH_TOTAL).map(plan_account).collect::<Vec<_>>()
        );
        let assessments: Vec<_> = (0..BRANCH_TOTAL)
            .map(|i| plan_assessment(i, LATEST))
            .collect();
        assert_eq!(
            assessments,
            (0..BRANCH_TOTAL)
                .map(|i| plan_assessment(i, LATEST))
                .collect::<Vec<_>>()
        );
        let no_account: Vec<usize> = (0..BRANCH_TOTAL)
            .filter(|i| accounts[*i].is_none())
            .collect();
        let unassessed: Vec<usize> = (0..BRANCH_TOTAL)
            .filter(|i| assessments[*i].is_none())
            .collect();
        assert_eq!(no_account.len(), 5);
        assert_eq!(unassessed.len(), 4);
        assert!(no_account.iter().all(|i| !unassessed.contains(i)));
        // Only the current quarter has gaps.
        assert!((0..BRANCH_TOTAL).all(|i| (0..LATEST).all(|q| plan_assessment(i, q).is_some())));
        assert_eq!(assessor(true, "侯家塘街道"), "雨花区委组织部");
        assert_eq!(assessor(false, "侯家塘街道"), "侯家塘街道党工委");
        assert_eq!(assessor(false, "跳马镇"), "跳马镇党委");
        assert_eq!(assessor(false, ""), "雨花区委组织部");
    }

    #[test]
    fn the_bounced_pair_is_paid_from_july_to_october() {
        let pair = bounced_pair(BRANCH_TOTAL);
        assert_eq!(pair, bounced_pair(BRANCH_TOTAL));
        let Some((first, second)) = pair else {
            panic!("no bounced pair");
        };
        assert_ne!(first, second);
        assert!(paid_throughout(first) && paid_throughout(second));
        assert!(bounced_pair(0).is_none());
        assert_eq!(FAILURES.len(), 2);
    }

    fn calendars() -> Vec<DemoCalendar> {
        let mut out = vec![DemoCalendar::story()];
        for (y, m, d) in [
            (2026, 12, 7),
            (2027, 1, 31),
            (2027, 5, 20),
            (2027, 12, 7),
            (2028, 2, 29),
            (2028, 3, 31),
            (2026, 8, 1),
        ] {
            out.push(DemoCalendar::for_today(ymd(y, m, d)));
        }
        out
    }

    #[test]
    fn the_calendar_runs_in_order() {
        for cal in calendars() {
            let (paid, draft) = cycle_months(&cal);
            for month in paid {
                let s = routine(month);
                let steps = [
                    s.generated,
                    s.submitted,
                    s.approved,
                    s.disbursed,
                    s.reconciled,
                ];
                assert!(steps.windows(2).all(|w| w[0] < w[1]), "{month}");
                assert!(s.reconciled < Some(beijing(cal.date(TODAY), 0)));
                assert!(s.reconciled < Some(beijing(cal.today(), 0)));
            }
            let september = paid[2];
            assert!(routine(september).approved < Some(in_month(september, 23, 15)));
            assert!(Some(in_month(september, 23, 15)) < routine(september).disbursed);
            // Closed on the 3rd of last month, after October's return file.
            let closed = beijing(cal.date(ymd(2026, 11, 3)), 10);
            assert!(routine(paid[3]).reconciled < Some(closed));
            assert!(closed < in_month(draft, 20, 10));
            assert!(in_month(draft, 20, 10) < beijing(cal.today(), 0));
        }
        assert_eq!(ANNUAL_BUDGET_FEN, 408_000_000);
    }

    #[test]
    fn the_cycles_are_the_last_five_months_on_any_load_day() {
        for cal in calendars().into_iter().skip(1) {
            let today = cal.today();
            let month = |n: u32| {
                today
                    .with_day(1)
                    .and_then(|m| m.checked_sub_months(chrono::Months::new(n)))
                    .unwrap_or_default()
            };
            let (paid, draft) = cycle_months(&cal);
            assert_eq!(draft, month(1), "last month is the draft ({today})");
            assert_eq!(paid, [month(5), month(4), month(3), month(2)]);
            let q = quarters(&cal);
            // Five back-to-back periods of three months, the last one running this month.
            for w in q.windows(2) {
                assert_eq!(w[0].1 + TimeDelta::days(1), w[1].0);
            }
            for (start, end) in q {
                assert_eq!(start.day(), 1);
                assert_eq!(
                    end + TimeDelta::days(1),
                    start
                        .checked_add_months(chrono::Months::new(3))
                        .unwrap_or_default()
                );
            }
            assert!(q[LATEST].0 <= today && today <= q[LATEST].1);
            // Each cycle's month lies in the period that decides it, assessed before the
            // month's cycle is generated on the 20th.
            for (m, decided_by) in paid.iter().zip([SUMMER, SUMMER, SUMMER, LATEST]) {
                let (start, end) = q[decided_by];
                assert!(start <= *m && *m <= end, "{m} in {start}..{end}");
                assert!(start + TimeDelta::days(9) < *m + TimeDelta::days(19));
            }
            assert!(q[LATEST].0 <= draft && draft <= q[LATEST].1);
            // The programme was launched and bank details collected before July's cycle.
            let launched = cal.date(ymd(2026, 6, 15));
            assert!(launched < cal.date(ymd(2026, 6, 18)));
            assert!(cal.date(ymd(2026, 6, 18)) < paid[0]);
        }
        let story = cycle_months(&DemoCalendar::story());
        assert_eq!(story, (PAID_MONTHS, DRAFT_MONTH));
        assert_eq!(
            quarters(&DemoCalendar::for_today(ymd(2026, 12, 31))),
            QUARTERS
        );
    }
}
