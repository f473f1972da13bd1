//! Demo public revenue (公共收益) ledgers and the district's special audit (专项审计).
//!
//! Ten compounds of 雨花区 get the last twelve months of bookkeeping, up to the day before
//! the 26th of last month: parking, advertising, express lockers, charging piles and the
//! odd venue rental coming in, cleaning, repairs, committee costs and last year's audit fee
//! going out. Months up to three months ago are closed; the last two are still open.
//! 卫技新村 is the showcase: it shares its parking spaces at night (潮汐停车) and publishes
//! a quarterly disclosure (the three months up to three months ago) computed from the very
//! entries seeded here. The district's audit campaign of the year then has one engagement
//! per compound, spread over every stage of the life cycle so each screen has something to
//! show, one rectification overdue since the end of the month before last.
//!
//! The story is written as of 26 November 2026 (books December 2025 to November 2026,
//! closed up to September, the third quarter disclosed, the "2026年度" campaign) and told
//! as of the load day: every date, instant and text goes through the [`DemoCalendar`]'s
//! month scale, so the story's November is always last month.
//!
//! As in `demo_registry`, planning is pure and deterministic (amounts vary through a fixed
//! hash of compound and month, never through randomness) so it can be tested without a
//! database; [`seed`] reads ids, plans and inserts in a few multi-row statements. A
//! campaign named like the demo's (`…年度住宅小区公共收益专项审计`, of whichever year it was
//! loaded in) marks the work as done: a second run finds it and writes nothing.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    public_revenue::{self, Movement, Summary, TEMPLATE},
};
use serde_json::Value;
use uuid::Uuid;

use crate::{demo::DISTRICT_CODE, demo_calendar::DemoCalendar};
use linli_persistence::{
    error::StoreResult,
    schema::{
        areas, audit_campaign_firms, audit_campaigns, audit_engagements, audit_findings, compounds,
        contract_compounds, disclosures, ledger_accounts, ledger_entries, ledger_lines,
        ledger_periods, organisation_compounds, organisations, rectifications, service_contracts,
        users,
    },
};

/// The campaign's name in the story; see [`campaign_name`] for the name as loaded.
pub const STORY_CAMPAIGN_NAME: &str = "2026年度住宅小区公共收益专项审计";
/// What every demo campaign's name ends with, after its four-digit year: a campaign named
/// so means this module has run (on whatever day it was loaded).
const CAMPAIGN_SUFFIX: &str = "年度住宅小区公共收益专项审计";
/// The story's campaign year.
const CAMPAIGN_YEAR: i32 = 2026;
/// The demo campaign's name as loaded on the day `cal` stands for: the story's
/// "2026年度住宅小区公共收益专项审计" with its year shifted.
pub fn campaign_name(cal: &DemoCalendar) -> String {
    cal.text(STORY_CAMPAIGN_NAME)
}

/// The campaign's budget: 1,000,000 yuan.
pub const BUDGET_FEN: i64 = 100_000_000;

/// The audit firm of the `auditor` demo user.
const LEAD_FIRM: &str = "湖南湘审会计师事务所有限公司";
const WEIJI: &str = "卫技新村";
const RONGCHENG: &str = "融城花苑";
const ZIJIN: &str = "紫金苑";

/// A date known at compile time; a typo in a constant fails the build instead of a run.
const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid demo date"),
    }
}

/// "Today" of the demo's story (as in `demo_registry`).
const TODAY: NaiveDate = ymd(2026, 11, 26);
/// The first month of the seeded books.
const FIRST_MONTH: NaiveDate = ymd(2025, 12, 1);
/// Months of books: December 2025 to November 2026.
const MONTHS: usize = 12;
/// Nothing is booked after yesterday.
const LAST_ENTRY_DAY: NaiveDate = ymd(2026, 11, 25);
/// Months before this one are closed; October and November are still open for posting.
const FIRST_OPEN_MONTH: NaiveDate = ymd(2026, 10, 1);
/// The published disclosure of 卫技新村: the third quarter of 2026 in the story.
const DISCLOSED_FROM: NaiveDate = ymd(2026, 7, 1);
const DISCLOSED_TO: NaiveDate = ymd(2026, 9, 1);
const DISCLOSED_UNTIL: NaiveDate = ymd(2026, 9, 30);
/// What every engagement audits.
const AUDITED_FROM: NaiveDate = ymd(2025, 12, 1);
const AUDITED_TO: NaiveDate = ymd(2026, 11, 30);

const BANK: &str = "1001";
const CASH: &str = "1002";

/// 卫技新村's night-time parking cash that an audit found unbooked, booked after the audit.
const WEIJI_UNRECORDED_FEN: i64 = 126_000;
/// 紫金苑's facade cleaning, paid without the owners' assembly voting for it.
const ZIJIN_FACADE_FEN: i64 = 1_850_000;

/// Header rows per INSERT: 8 bound columns, far below PostgreSQL's 65 535 parameters.
const ENTRIES_PER_STATEMENT: usize = 2000;
/// Line rows per INSERT (5 bound columns each).
const LINES_PER_STATEMENT: usize = 5000;
const _: () = assert!(ENTRIES_PER_STATEMENT * 8 < 65_535 && LINES_PER_STATEMENT * 5 < 65_535);

/// Who keeps a compound's books, which decides some memos.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keeper {
    /// Self-managed: the residents' self-governance committee (卫技新村).
    Residents,
    /// Property-managed: the property company books under the owners' committee.
    Owners,
    /// Entrusted (托管): no owners' committee; the compound's consultative council decides.
    Entrusted,
}

/// The compounds given books and an engagement: the source document's named compounds,
/// 梓园新居 and two generated compounds with an owners' committee. A fixed list rather than
/// a query keeps the demo the same however the registry evolves.
const LEDGER_COMPOUNDS: [(&str, Keeper); 10] = [
    (WEIJI, Keeper::Residents),
    (RONGCHENG, Keeper::Owners),
    ("桂花小区", Keeper::Entrusted),
    ("桃阳小区", Keeper::Entrusted),
    ("新兴小区", Keeper::Entrusted),
    (ZIJIN, Keeper::Owners),
    ("城市山水豪园", Keeper::Owners),
    ("梓园新居", Keeper::Owners),
    ("锦华花园", Keeper::Owners),
    ("翠竹花园", Keeper::Owners),
];

const QUARTERS: [&str; 4] = ["第一季度", "第二季度", "第三季度", "第四季度"];
const REPAIRS: &[&str] = &[
    "单元门禁系统维修",
    "小区路灯更换",
    "化粪池清掏",
    "屋面防水补漏",
    "消防设施维保",
    "绿化补植",
    "下水管道疏通",
    "监控摄像头更换",
];
const RENTALS: &[&str] = &[
    "社区活动室场地租赁（培训机构周末课程）",
    "架空层场地租赁（婚庆宴席）",
    "小区广场场地租赁（商家促销活动）",
];

// ---------------------------------------------------------------------------------------
// Ledger plan

/// One journal entry of the plan; lines are (account code, debit fen, credit fen).
#[derive(Debug, Clone, PartialEq, Eq)]
struct PlannedEntry {
    date: NaiveDate,
    memo: String,
    voucher_no: String,
    lines: Vec<(&'static str, i64, i64)>,
}

/// Money received into `money` (bank or cash) for `account`.
fn income(
    date: NaiveDate,
    memo: String,
    money: &'static str,
    account: &'static str,
    fen: i64,
) -> PlannedEntry {
    PlannedEntry {
        date,
        memo,
        voucher_no: String::new(),
        lines: vec![(money, fen, 0), (account, 0, fen)],
    }
}

/// Money paid out of `money` (bank or cash) for `account`.
fn expense(
    date: NaiveDate,
    memo: String,
    money: &'static str,
    account: &'static str,
    fen: i64,
) -> PlannedEntry {
    PlannedEntry {
        date,
        memo,
        voucher_no: String::new(),
        lines: vec![(account, fen, 0), (money, 0, fen)],
    }
}

/// An entry particular to one compound, which the audit findings refer to.
struct Extra {
    compound: &'static str,
    date: NaiveDate,
    memo: &'static str,
    debit: &'static str,
    credit: &'static str,
    fen: i64,
}

const EXTRA_ENTRIES: &[Extra] = &[
    Extra {
        compound: WEIJI,
        date: ymd(2026, 11, 18),
        memo: "补记2026年8月潮汐停车现金收入（审计整改）",
        debit: BANK,
        credit: "4002",
        fen: WEIJI_UNRECORDED_FEN,
    },
    Extra {
        compound: ZIJIN,
        date: ymd(2026, 5, 19),
        memo: "外墙清洗费",
        debit: "5001",
        credit: BANK,
        fen: ZIJIN_FACADE_FEN,
    },
];

/// splitmix64 of the inputs: amounts then differ between compounds and months while every
/// run produces the same books, without a random number generator.
fn mix(slot: usize, month: usize, salt: u64) -> u64 {
    let mut z = ((slot as u64) << 40) ^ ((month as u64) << 20) ^ salt;
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Whole yuan in `[lo, hi]`, in fen.
fn yuan_in(hash: u64, lo: i64, hi: i64) -> i64 {
    (lo + (hash % (hi - lo + 1) as u64) as i64) * 100
}

/// A compound's year of books on `cal`'s calendar, sorted by date, with voucher numbers
/// `J2026-03-001` (year and month of the entry, then its number in the month).
fn plan_ledger(slot: usize, cal: &DemoCalendar) -> Vec<PlannedEntry> {
    let Some((name, keeper)) = LEDGER_COMPOUNDS.get(slot).copied() else {
        return Vec::new();
    };
    let showcase = keeper == Keeper::Residents;
    // 卫技新村 is an open 1998 compound of eight buildings: less parking, no lifts, but
    // night-time sharing of its spaces. The others scale with a per-compound base.
    let parking_base = if showcase {
        6_000
    } else {
        12_000 + (mix(slot, 0, 1) % 25) as i64 * 1_000
    };
    let (advertising, cleaning, repairs) = if showcase {
        ((1_500, 2_500), (2_400, 3_000), (800, 4_000))
    } else {
        ((6_000, 15_000), (3_000, 6_000), (2_000, 12_000))
    };
    let council = match keeper {
        Keeper::Residents => "自治委员会运行经费",
        Keeper::Owners => "业委会运行经费",
        Keeper::Entrusted => "小区议事会运行经费",
    };
    let mut entries = Vec::new();
    let mut month = FIRST_MONTH;
    for m in 0..MONTHS {
        let (y, mo) = (month.year(), month.month());
        let label = format!("{y}年{mo}月");
        let quarter = format!("{y}年{}", QUARTERS[((mo - 1) / 3) as usize]);
        let on = |day: u32| NaiveDate::from_ymd_opt(y, mo, day).unwrap_or(month);
        let h = |salt: u64| mix(slot, m, salt);

        let parking = (parking_base + (h(1) % (parking_base as u64 / 5)) as i64) * 100;
        if m == 0 {
            // The first month still had some fees paid in cash at the gate.
            let cash = yuan_in(h(2), 500, 1_000);
            entries.push(PlannedEntry {
                date: on(5),
                memo: format!("{label}地面停车费（含现金收取部分）"),
                voucher_no: String::new(),
                lines: vec![
                    (BANK, parking - cash, 0),
                    (CASH, cash, 0),
                    ("4001", 0, parking),
                ],
            });
        } else {
            entries.push(income(
                on(5),
                format!("{label}地面停车费"),
                BANK,
                "4001",
                parking,
            ));
        }
        if showcase {
            entries.push(income(
                on(8),
                format!("{label}潮汐停车收益（夜间向周边居民共享车位）"),
                BANK,
                "4002",
                yuan_in(h(3), 3_000, 6_000),
            ));
        }
        if mo % 3 == 1 {
            // Without lifts, 卫技新村 lets its walls and notice boards instead.
            let what = if showcase {
                "围墙及公示栏广告位租金"
            } else {
                "电梯及大堂广告费"
            };
            entries.push(income(
                on(10),
                format!("{quarter}{what}"),
                BANK,
                "4003",
                yuan_in(h(4), advertising.0, advertising.1),
            ));
        }
        entries.push(income(
            on(15),
            format!("{label}快递柜场地使用费"),
            BANK,
            "4005",
            yuan_in(h(5), 300, 800),
        ));
        if h(6) % 4 == 0 {
            let what = RENTALS[(h(7) % RENTALS.len() as u64) as usize];
            entries.push(income(
                on(18),
                what.to_owned(),
                BANK,
                "4004",
                yuan_in(h(8), 800, 3_000),
            ));
        }
        let charging = if showcase {
            "电动自行车充电桩分成"
        } else {
            "新能源汽车充电桩电费分成"
        };
        // Charging shares are metered electricity: fen, not whole yuan.
        entries.push(income(
            on(20),
            format!("{label}{charging}"),
            BANK,
            "4006",
            50_000 + (h(9) % 200_000) as i64,
        ));
        if (y, mo) == (2026, 6) {
            entries.push(income(
                on(12),
                "端午社区集市临时摊位费（现金收取）".to_owned(),
                CASH,
                "4099",
                yuan_in(h(10), 600, 1_500),
            ));
        }
        // No repair in the first month: the books start with an empty bank account.
        if m > 0 && h(11) % 3 == 0 {
            let what = REPAIRS[(h(12) % REPAIRS.len() as u64) as usize];
            entries.push(expense(
                on(22),
                what.to_owned(),
                BANK,
                "5001",
                yuan_in(h(13), repairs.0, repairs.1),
            ));
        }
        if (y, mo) == (2026, 7) {
            entries.push(expense(
                on(16),
                "零星维修材料采购（现金支付）".to_owned(),
                CASH,
                "5001",
                yuan_in(h(14), 200, 500),
            ));
        }
        if (y, mo) == (2026, 3) {
            entries.push(expense(
                on(23),
                "2025年度公共收益账目审计费".to_owned(),
                BANK,
                "5004",
                yuan_in(h(15), 3_000, 5_000),
            ));
        }
        if mo % 3 == 0 {
            entries.push(expense(
                on(24),
                format!("{quarter}{council}（办公、会议）"),
                BANK,
                "5003",
                yuan_in(h(16), 800, 2_000),
            ));
        }
        entries.push(expense(
            on(25),
            format!("{label}公共区域保洁费"),
            BANK,
            "5002",
            yuan_in(h(17), cleaning.0, cleaning.1),
        ));
        month = public_revenue::next_month(month);
    }
    for extra in EXTRA_ENTRIES.iter().filter(|e| e.compound == name) {
        entries.push(PlannedEntry {
            date: extra.date,
            memo: extra.memo.to_owned(),
            voucher_no: String::new(),
            lines: vec![(extra.debit, extra.fen, 0), (extra.credit, 0, extra.fen)],
        });
    }
    entries.retain(|e| e.date <= LAST_ENTRY_DAY);
    // Stable: same-day entries keep the order above.
    entries.sort_by_key(|e| e.date);
    // From the story to the load day: a month-level shift keeps the order and the months.
    for e in &mut entries {
        e.date = cal.date(e.date);
        e.memo = cal.text(&e.memo);
    }
    let mut numbered: Option<(NaiveDate, usize)> = None;
    for e in &mut entries {
        let month = public_revenue::month_of(e.date);
        let n = match numbered {
            Some((m, n)) if m == month => n + 1,
            _ => 1,
        };
        numbered = Some((month, n));
        e.voucher_no = format!("J{}-{:02}-{n:03}", month.year(), month.month());
    }
    entries
}

/// The movements of the plan's lines dated within `[from, to]`.
fn movements(entries: &[PlannedEntry], from: Option<NaiveDate>, to: NaiveDate) -> Vec<Movement> {
    entries
        .iter()
        .filter(|e| from.is_none_or(|f| e.date >= f) && e.date <= to)
        .flat_map(|e| e.lines.iter())
        .filter_map(|(code, debit, credit)| {
            let account = TEMPLATE.iter().find(|a| a.code == *code)?;
            Some(Movement {
                kind: account.kind,
                category: account.category.to_owned(),
                debit_fen: *debit,
                credit_fen: *credit,
            })
        })
        .collect()
}

/// The figures of 卫技新村's third-quarter disclosure, from the entries planned on `cal`.
fn disclosure_summary(entries: &[PlannedEntry], cal: &DemoCalendar) -> Summary {
    let until = cal.date(DISCLOSED_UNTIL);
    public_revenue::summarise(
        &movements(entries, Some(cal.date(DISCLOSED_FROM)), until),
        &movements(entries, None, until),
    )
}

/// Cuts `rows` into runs of at most `max` rows (more only for a single longer entry)
/// without ever separating the lines of one entry: the database refuses lines added to an
/// entry that already has lines from an earlier statement.
fn entry_aligned<T>(rows: &[T], entry_of: impl Fn(&T) -> Uuid, max: usize) -> Vec<&[T]> {
    let mut chunks = Vec::new();
    let (mut start, mut run_start) = (0, 0);
    for i in 1..=rows.len() {
        let boundary = i == rows.len() || entry_of(&rows[i]) != entry_of(&rows[i - 1]);
        if !boundary {
            continue;
        }
        // The entry run_start..i ends here; flush what came before it if it does not fit.
        if i - start > max && run_start > start {
            chunks.push(&rows[start..run_start]);
            start = run_start;
        }
        run_start = i;
    }
    if start < rows.len() {
        chunks.push(&rows[start..]);
    }
    chunks
}

// ---------------------------------------------------------------------------------------
// Audit plan

/// Which body a finding or an action is addressed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Party {
    /// The owners' committee, else the residents' committee, else the property company.
    Committee,
    /// The property company, else the committee.
    Company,
}

struct RectificationSpec {
    action: &'static str,
    owner: Party,
    deadline: NaiveDate,
    status: &'static str,
    evidence: Option<&'static str>,
    completed_on: Option<NaiveDate>,
    verified_on: Option<NaiveDate>,
    verification_note: Option<&'static str>,
    overdue: bool,
    created_on: NaiveDate,
}

struct FindingSpec {
    kind: &'static str,
    title: &'static str,
    description: &'static str,
    /// The amount at stake, unless `basis` finds it in the compound's books.
    amount_fen: i64,
    /// (account code, from, to): the amount is what that account moved in the range.
    basis: Option<(&'static str, NaiveDate, NaiveDate)>,
    severity: &'static str,
    responsible: Party,
    evidence: &'static str,
    status: &'static str,
    raised_on: NaiveDate,
    closed_on: Option<NaiveDate>,
    rectifications: &'static [RectificationSpec],
}

struct EngagementSpec {
    compound: &'static str,
    firm: &'static str,
    fee_yuan: i64,
    status: &'static str,
    opinion: Option<&'static str>,
    report_summary: Option<&'static str>,
    scope: &'static str,
    /// When the engagement last moved.
    updated_on: NaiveDate,
    findings: &'static [FindingSpec],
}

const SCOPE: &str = "2025年12月至2026年11月公共收益收支、凭证及公示情况";

const ENGAGEMENTS: [EngagementSpec; 10] = [
    // A browser test walks this one from planned to closed: it must stay without findings.
    EngagementSpec {
        compound: RONGCHENG,
        firm: LEAD_FIRM,
        fee_yuan: 68_000,
        status: "planned",
        opinion: None,
        report_summary: None,
        scope: SCOPE,
        updated_on: ymd(2026, 6, 10),
        findings: &[],
    },
    EngagementSpec {
        compound: WEIJI,
        firm: LEAD_FIRM,
        fee_yuan: 42_000,
        status: "rectification",
        opinion: Some("qualified"),
        report_summary: Some(
            "卫技新村公共收益由居民自治委员会自行管理，收支按月记账、按季度公示，潮汐停车等新增收益已纳入账内核算。审计发现部分维修支出凭证缺失、2026年8月潮汐停车现金收入未及时入账，出具保留意见。",
        ),
        scope: "2025年12月至2026年11月公共收益收支、凭证及公示情况，重点核查潮汐停车收益",
        updated_on: ymd(2026, 11, 6),
        findings: &[
            FindingSpec {
                kind: "missing_voucher",
                title: "2026年第一季度部分维修支出缺少发票及验收单",
                description: "抽查2026年第一季度维修维护支出凭证，3笔合计3,800元的维修支出仅有收款收据，无正式发票及验收记录，无法确认支出真实性。",
                amount_fen: 380_000,
                basis: None,
                severity: "medium",
                responsible: Party::Committee,
                evidence: "2026年第一季度维修支出记账凭证复印件；自治委员会财务负责人询问笔录",
                status: "closed",
                raised_on: ymd(2026, 9, 16),
                closed_on: Some(ymd(2026, 11, 12)),
                rectifications: &[RectificationSpec {
                    action: "补齐上述维修支出的正式发票及验收单；建立凭证登记簿，此后每笔支出须附发票、验收单及两名委员签字。",
                    owner: Party::Committee,
                    deadline: ymd(2026, 11, 15),
                    status: "verified",
                    evidence: Some(
                        "已补齐3张维修发票及对应验收单，凭证登记簿已建立并经自治委员会全体委员签字确认（附扫描件）。",
                    ),
                    completed_on: Some(ymd(2026, 11, 5)),
                    verified_on: Some(ymd(2026, 11, 12)),
                    verification_note: Some("已核对发票原件及验收单，整改到位。"),
                    overdue: false,
                    created_on: ymd(2026, 11, 6),
                }],
            },
            FindingSpec {
                kind: "unrecorded_income",
                title: "2026年8月潮汐停车现金收入1,260元未及时入账",
                description: "核对潮汐停车登记表与银行流水，2026年8月夜间共享车位现金收费1,260元由值班人员保管，未于当月存入公共收益账户并入账。",
                amount_fen: WEIJI_UNRECORDED_FEN,
                basis: None,
                severity: "medium",
                responsible: Party::Committee,
                evidence: "2026年8月潮汐停车登记表；同期银行流水；值班人员情况说明",
                status: "open",
                raised_on: ymd(2026, 9, 18),
                closed_on: None,
                rectifications: &[RectificationSpec {
                    action: "将未入账的1,260元存入公共收益账户并补记入账；潮汐停车改为扫码收费直接进入公共收益账户，不再收取现金。",
                    owner: Party::Committee,
                    deadline: ymd(2026, 12, 15),
                    status: "completed",
                    evidence: Some(
                        "1,260元已于2026年11月18日存入公共收益银行账户并补记入账（见2026年11月记账凭证）；扫码收费牌已在各潮汐车位张贴。",
                    ),
                    completed_on: Some(ymd(2026, 11, 20)),
                    verified_on: None,
                    verification_note: None,
                    overdue: false,
                    created_on: ymd(2026, 11, 6),
                }],
            },
        ],
    },
    EngagementSpec {
        compound: ZIJIN,
        firm: LEAD_FIRM,
        fee_yuan: 63_000,
        status: "rectification",
        opinion: Some("qualified"),
        report_summary: Some(
            "紫金苑公共收益由物业服务企业代收、业主委员会监管，账目基本健全。2026年5月外墙清洗支出18,500元未经业主大会表决即从公共收益中列支，出具保留意见。",
        ),
        scope: SCOPE,
        updated_on: ymd(2026, 10, 12),
        findings: &[FindingSpec {
            kind: "unauthorised_expense",
            title: "外墙清洗支出18,500元未经业主大会表决",
            description: "按小区管理规约，单笔超过1万元的公共收益支出须经业主大会表决。2026年5月外墙清洗支出18,500元仅有业主委员会主任签字，未见业主大会表决记录。",
            amount_fen: ZIJIN_FACADE_FEN,
            basis: None,
            severity: "high",
            responsible: Party::Committee,
            evidence: "外墙清洗合同及付款凭证；2026年业主大会会议记录台账",
            status: "open",
            raised_on: ymd(2026, 9, 10),
            closed_on: None,
            // Its deadline has passed with nothing done: the overdue case of the demo.
            rectifications: &[RectificationSpec {
                action: "就外墙清洗支出召开业主大会补充表决；未获追认的，由相关责任人将款项退回公共收益账户。",
                owner: Party::Committee,
                deadline: ymd(2026, 10, 31),
                status: "pending",
                evidence: None,
                completed_on: None,
                verified_on: None,
                verification_note: None,
                overdue: true,
                created_on: ymd(2026, 10, 12),
            }],
        }],
    },
    EngagementSpec {
        compound: "城市山水豪园",
        firm: LEAD_FIRM,
        fee_yuan: 86_000,
        status: "closed",
        opinion: Some("unqualified"),
        report_summary: Some(
            "城市山水豪园公共收益单独建账、按季公示，收支凭证齐全。审计发现的充电桩分成结算单缺失问题已整改完毕，出具无保留意见，项目结项。",
        ),
        scope: SCOPE,
        updated_on: ymd(2026, 11, 2),
        findings: &[FindingSpec {
            kind: "missing_voucher",
            title: "2026年2月充电桩电费分成缺少结算单",
            description: "2026年2月充电桩运营商电费分成款已入账，但未附运营商盖章的结算单，无法核对分成金额。",
            amount_fen: 100_000,
            basis: Some(("4006", ymd(2026, 2, 1), ymd(2026, 2, 28))),
            severity: "low",
            responsible: Party::Company,
            evidence: "2026年2月充电桩分成记账凭证及银行回单",
            status: "closed",
            raised_on: ymd(2026, 8, 20),
            closed_on: Some(ymd(2026, 10, 28)),
            rectifications: &[RectificationSpec {
                action: "向充电桩运营商补取盖章结算单并归档；此后按月取得结算单后方可入账。",
                owner: Party::Company,
                deadline: ymd(2026, 10, 31),
                status: "verified",
                evidence: Some("已取得运营商盖章的2026年2月结算单并归档，此后各月结算单齐全。"),
                completed_on: Some(ymd(2026, 10, 20)),
                verified_on: Some(ymd(2026, 10, 28)),
                verification_note: Some("结算单原件已核对，金额与入账一致。"),
                overdue: false,
                created_on: ymd(2026, 9, 25),
            }],
        }],
    },
    EngagementSpec {
        compound: "桂花小区",
        firm: "长沙信达会计师事务所有限公司",
        fee_yuan: 48_000,
        status: "fieldwork",
        opinion: None,
        report_summary: None,
        scope: SCOPE,
        updated_on: ymd(2026, 11, 16),
        findings: &[],
    },
    EngagementSpec {
        compound: "梓园新居",
        firm: "湖南天平会计师事务所有限公司",
        fee_yuan: 45_000,
        status: "fieldwork",
        opinion: None,
        report_summary: None,
        scope: SCOPE,
        updated_on: ymd(2026, 11, 9),
        findings: &[],
    },
    EngagementSpec {
        compound: "桃阳小区",
        firm: "湖南正衡会计师事务所有限公司",
        fee_yuan: 56_000,
        status: "draft_report",
        opinion: None,
        report_summary: None,
        scope: SCOPE,
        updated_on: ymd(2026, 10, 30),
        findings: &[FindingSpec {
            kind: "unrecorded_income",
            title: "电梯广告收益少入账3,000元",
            description: "电梯广告合同约定的2026年第二季度广告费与实际入账金额相差3,000元，托管物业企业未能说明差额去向。",
            amount_fen: 300_000,
            basis: None,
            severity: "medium",
            responsible: Party::Company,
            evidence: "电梯广告发布合同；2026年第二季度广告收入记账凭证及银行流水",
            status: "open",
            raised_on: ymd(2026, 10, 14),
            closed_on: None,
            rectifications: &[],
        }],
    },
    EngagementSpec {
        compound: "翠竹花园",
        firm: "长沙信达会计师事务所有限公司",
        fee_yuan: 54_000,
        status: "draft_report",
        opinion: None,
        report_summary: None,
        scope: SCOPE,
        updated_on: ymd(2026, 11, 3),
        findings: &[FindingSpec {
            kind: "missing_voucher",
            title: "广告收入未附广告发布合同",
            description: "2026年1月至9月电梯及大堂广告收入入账凭证仅有银行回单，未附广告发布合同及业主委员会审批意见。",
            amount_fen: 1_000_000,
            basis: Some(("4003", ymd(2026, 1, 1), ymd(2026, 9, 30))),
            severity: "low",
            responsible: Party::Committee,
            evidence: "2026年1月至9月广告收入记账凭证",
            status: "open",
            raised_on: ymd(2026, 10, 16),
            closed_on: None,
            rectifications: &[],
        }],
    },
    EngagementSpec {
        compound: "新兴小区",
        firm: "湖南天平会计师事务所有限公司",
        fee_yuan: 52_000,
        status: "final_report",
        opinion: Some("unqualified"),
        report_summary: Some(
            "新兴小区公共收益由托管物业企业代收，收支凭证齐全、按季公示，未发现重大问题，出具无保留意见。",
        ),
        scope: SCOPE,
        updated_on: ymd(2026, 11, 13),
        findings: &[],
    },
    EngagementSpec {
        compound: "锦华花园",
        firm: "湖南正衡会计师事务所有限公司",
        fee_yuan: 58_000,
        status: "final_report",
        opinion: Some("qualified"),
        report_summary: Some(
            "锦华花园公共收益与物业服务费在同一银行账户核算，未单独建账，出具保留意见，待进入整改阶段。",
        ),
        scope: SCOPE,
        updated_on: ymd(2026, 11, 6),
        findings: &[FindingSpec {
            kind: "other",
            title: "公共收益未单独设立账户核算",
            description: "物业服务企业将停车、广告等公共收益与物业服务费存入同一银行账户，未按规定单独建账核算，业主难以核对公共收益余额。",
            amount_fen: 0,
            basis: None,
            severity: "medium",
            responsible: Party::Company,
            evidence: "银行开户资料及2026年1月至9月银行对账单",
            status: "open",
            raised_on: ymd(2026, 10, 9),
            closed_on: None,
            rectifications: &[RectificationSpec {
                action: "开设公共收益专用银行账户，将历年公共收益余额转入，由业主委员会与物业服务企业共同监管。",
                owner: Party::Company,
                deadline: ymd(2027, 1, 31),
                status: "pending",
                evidence: None,
                completed_on: None,
                verified_on: None,
                verification_note: None,
                overdue: false,
                created_on: ymd(2026, 11, 6),
            }],
        }],
    },
];

/// The amount a finding reports: from the books (planned on `cal`) when it names an account.
fn finding_amount(spec: &FindingSpec, entries: &[PlannedEntry], cal: &DemoCalendar) -> i64 {
    let Some((code, from, to)) = spec.basis else {
        return spec.amount_fen;
    };
    let (from, to) = (cal.date(from), cal.date(to));
    let moved: i64 = entries
        .iter()
        .filter(|e| (from..=to).contains(&e.date))
        .flat_map(|e| e.lines.iter())
        .filter(|(c, _, _)| *c == code)
        .map(|(_, debit, credit)| debit + credit)
        .sum();
    if moved > 0 { moved } else { spec.amount_fen }
}

/// `hour` o'clock Beijing time (UTC+8) on `date`: the demo's times are office hours in Changsha.
fn beijing(date: NaiveDate, hour: i64) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc() + TimeDelta::hours(hour - 8)
}

// ---------------------------------------------------------------------------------------
// Rows

#[derive(Insertable)]
#[diesel(table_name = ledger_entries)]
struct EntryRow {
    id: Uuid,
    compound_id: Uuid,
    entry_date: NaiveDate,
    memo: String,
    voucher_no: Option<String>,
    source: &'static str,
    created_by: Option<Uuid>,
    created_at: DateTime<Utc>,
}

#[derive(Insertable)]
#[diesel(table_name = ledger_lines)]
struct LineRow {
    entry_id: Uuid,
    compound_id: Uuid,
    account_id: Uuid,
    debit_fen: i64,
    credit_fen: i64,
}

#[derive(Insertable)]
#[diesel(table_name = ledger_periods)]
struct PeriodRow {
    compound_id: Uuid,
    month: NaiveDate,
    closed_by: Option<Uuid>,
    closed_at: DateTime<Utc>,
}

#[derive(Insertable)]
#[diesel(table_name = audit_engagements)]
struct EngagementRow {
    id: Uuid,
    campaign_id: Uuid,
    compound_id: Uuid,
    area_path: String,
    firm_id: Uuid,
    fee_fen: i64,
    scope: String,
    period_from: NaiveDate,
    period_to: NaiveDate,
    status: &'static str,
    opinion: Option<&'static str>,
    report_summary: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(Insertable)]
#[diesel(table_name = audit_findings)]
struct FindingRow {
    id: Uuid,
    engagement_id: Uuid,
    area_path: String,
    kind: &'static str,
    title: String,
    description: String,
    amount_fen: i64,
    severity: &'static str,
    responsible_org_id: Option<Uuid>,
    evidence: Option<String>,
    status: &'static str,
    raised_by: Uuid,
    closed_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

#[derive(Insertable)]
#[diesel(table_name = rectifications)]
struct RectificationRow {
    id: Uuid,
    finding_id: Uuid,
    action: String,
    owner_org_id: Option<Uuid>,
    deadline: NaiveDate,
    status: &'static str,
    completion_evidence: Option<String>,
    completed_by: Option<Uuid>,
    completed_at: Option<DateTime<Utc>>,
    verified_by: Option<Uuid>,
    verified_at: Option<DateTime<Utc>>,
    verification_note: Option<String>,
    overdue: bool,
    created_by: Option<Uuid>,
    created_at: DateTime<Utc>,
}

// ---------------------------------------------------------------------------------------
// Seeding

/// What a seeding run wrote; all zero when the campaign was already there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RevenueReport {
    pub created: bool,
    /// Compounds whose books were seeded.
    pub ledgers: usize,
    pub entries: usize,
    pub lines: usize,
    pub closed_months: usize,
    pub disclosures: usize,
    pub firms: usize,
    /// Engagements by status code.
    pub engagements: BTreeMap<&'static str, usize>,
    pub findings: usize,
    pub rectifications: usize,
}

/// A compound of [`LEDGER_COMPOUNDS`] as found in the database.
struct Target {
    slot: usize,
    id: Uuid,
    name: &'static str,
    path: String,
}

/// The bodies findings may be addressed to, per compound.
#[derive(Default)]
struct Bodies {
    owners: Option<Uuid>,
    residents: Option<Uuid>,
    company: Option<Uuid>,
}

impl Bodies {
    fn of(&self, party: Party) -> Option<Uuid> {
        let committee = self.owners.or(self.residents);
        match party {
            Party::Committee => committee.or(self.company),
            Party::Company => self.company.or(committee),
        }
    }
}

/// Seeds the books, the disclosure and the audit campaign on `cal`'s calendar unless a demo
/// campaign exists. Runs inside `demo::seed`'s transaction, after the registry and the demo
/// users.
pub async fn seed(tx: &mut AsyncPgConnection, cal: &DemoCalendar) -> StoreResult<RevenueReport> {
    // Any year's: loaded on another day, the campaign carries another year in its name.
    let done: Option<Uuid> = audit_campaigns::table
        .filter(audit_campaigns::name.like(format!("____{CAMPAIGN_SUFFIX}")))
        .select(audit_campaigns::id)
        .first(tx)
        .await
        .optional()?;
    if done.is_some() {
        log::info!("demo public revenue and audits already present; left as they are");
        return Ok(RevenueReport::default());
    }
    let (district_id, district_path): (Uuid, String) = areas::table
        .filter(areas::code.eq(DISTRICT_CODE))
        .select((areas::id, areas::path))
        .first(tx)
        .await
        .optional()?
        .ok_or(DomainError::NotFound("demo district"))?;
    let people: HashMap<String, Uuid> = users::table
        .filter(users::username.eq_any([
            "admin",
            "auditor",
            "weiji.committee",
            "rongcheng.committee",
            "rongcheng.property",
        ]))
        .select((users::username, users::id))
        .load::<(String, Uuid)>(tx)
        .await?
        .into_iter()
        .collect();
    let user = |name: &str| people.get(name).copied();
    let admin = user("admin").ok_or(DomainError::NotFound("admin user"))?;
    let auditor = user("auditor").ok_or(DomainError::NotFound("auditor user"))?;
    // Who acts for each showcase compound; the district admin stands in for the others.
    let keeper_of = |name: &str| match name {
        WEIJI => user("weiji.committee").unwrap_or(admin),
        RONGCHENG => user("rongcheng.property").unwrap_or(admin),
        _ => admin,
    };
    let closer_of = |name: &str| match name {
        RONGCHENG => user("rongcheng.committee").unwrap_or(admin),
        _ => admin,
    };
    let member_of = |name: &str| match name {
        WEIJI => user("weiji.committee"),
        RONGCHENG => user("rongcheng.committee"),
        _ => None,
    };

    let targets = load_targets(tx, &district_path).await?;
    let mut report = RevenueReport {
        created: true,
        ..RevenueReport::default()
    };
    let plans: HashMap<usize, Vec<PlannedEntry>> = targets
        .iter()
        .map(|t| (t.slot, plan_ledger(t.slot, cal)))
        .collect();

    // Books already kept for a compound are real data: the demo never posts into them.
    let ids: Vec<Uuid> = targets.iter().map(|t| t.id).collect();
    let mut kept: HashSet<Uuid> = ledger_entries::table
        .filter(ledger_entries::compound_id.eq_any(&ids))
        .select(ledger_entries::compound_id)
        .distinct()
        .load::<Uuid>(tx)
        .await?
        .into_iter()
        .collect();
    kept.extend(
        ledger_periods::table
            .filter(ledger_periods::compound_id.eq_any(&ids))
            .select(ledger_periods::compound_id)
            .distinct()
            .load::<Uuid>(tx)
            .await?,
    );
    let fresh: Vec<&Target> = targets.iter().filter(|t| !kept.contains(&t.id)).collect();
    for t in &fresh {
        linli_persistence::public_revenue::ensure_chart(tx, t.id).await?;
    }
    let fresh_ids: Vec<Uuid> = fresh.iter().map(|t| t.id).collect();
    let accounts: HashMap<(Uuid, String), Uuid> = ledger_accounts::table
        .filter(ledger_accounts::compound_id.eq_any(&fresh_ids))
        .select((
            ledger_accounts::compound_id,
            ledger_accounts::code,
            ledger_accounts::id,
        ))
        .load::<(Uuid, String, Uuid)>(tx)
        .await?
        .into_iter()
        .map(|(compound, code, id)| ((compound, code), id))
        .collect();

    let (mut entry_rows, mut line_rows, mut period_rows) = (Vec::new(), Vec::new(), Vec::new());
    for t in &fresh {
        let Some(plan) = plans.get(&t.slot) else {
            continue;
        };
        let created_by = Some(keeper_of(t.name));
        for (seq, e) in plan.iter().enumerate() {
            let id = Uuid::now_v7();
            entry_rows.push(EntryRow {
                id,
                compound_id: t.id,
                entry_date: e.date,
                memo: e.memo.clone(),
                voucher_no: Some(e.voucher_no.clone()),
                source: "manual",
                created_by,
                created_at: beijing(e.date, 10) + TimeDelta::minutes(seq as i64 % 60),
            });
            for (code, debit, credit) in &e.lines {
                let account_id = *accounts
                    .get(&(t.id, (*code).to_owned()))
                    .ok_or(DomainError::NotFound("ledger account"))?;
                line_rows.push(LineRow {
                    entry_id: id,
                    compound_id: t.id,
                    account_id,
                    debit_fen: *debit,
                    credit_fen: *credit,
                });
            }
        }
        let (mut month, first_open) = (cal.date(FIRST_MONTH), cal.date(FIRST_OPEN_MONTH));
        while month < first_open {
            period_rows.push(PeriodRow {
                compound_id: t.id,
                month,
                closed_by: Some(closer_of(t.name)),
                // Books are closed in the first days of the following month.
                closed_at: beijing(public_revenue::next_month(month) + TimeDelta::days(4), 16),
            });
            month = public_revenue::next_month(month);
        }
    }
    // Headers first, then lines, then closed months: a closed month takes no entries.
    insert_in_batches!(tx, ledger_entries::table, entry_rows, ENTRIES_PER_STATEMENT);
    for chunk in entry_aligned(&line_rows, |l| l.entry_id, LINES_PER_STATEMENT) {
        diesel::insert_into(ledger_lines::table)
            .values(chunk)
            .execute(tx)
            .await?;
    }
    insert_in_batches!(
        tx,
        ledger_periods::table,
        period_rows,
        ENTRIES_PER_STATEMENT
    );
    report.ledgers = fresh.len();
    report.entries = entry_rows.len();
    report.lines = line_rows.len();
    report.closed_months = period_rows.len();

    if let Some(weiji) = fresh.iter().find(|t| t.name == WEIJI) {
        let summary = plans
            .get(&weiji.slot)
            .map(|p| disclosure_summary(p, cal))
            .unwrap_or_default();
        let summary: Value = serde_json::to_value(&summary)
            .map_err(|e| DomainError::Conflict(format!("disclosure summary: {e}")))?;
        diesel::insert_into(disclosures::table)
            .values((
                disclosures::id.eq(Uuid::now_v7()),
                disclosures::compound_id.eq(weiji.id),
                disclosures::area_path.eq(&weiji.path),
                disclosures::period_from.eq(cal.date(DISCLOSED_FROM)),
                disclosures::period_to.eq(cal.date(DISCLOSED_TO)),
                disclosures::summary.eq(summary),
                disclosures::note.eq(cal.text("2026年第三季度（7月至9月）公共收益收支情况，已同步在小区公示栏张贴，接受居民监督。")),
                disclosures::published_by.eq(user("weiji.committee")),
                disclosures::publisher.eq("卫技新村自治委员会"),
                disclosures::published_at.eq(beijing(cal.date(ymd(2026, 10, 10)), 10)),
            ))
            .execute(tx)
            .await?;
        report.disclosures = 1;
    }

    let campaign_id = Uuid::now_v7();
    diesel::insert_into(audit_campaigns::table)
        .values((
            audit_campaigns::id.eq(campaign_id),
            audit_campaigns::name.eq(campaign_name(cal)),
            audit_campaigns::year.eq(cal.year(CAMPAIGN_YEAR)),
            audit_campaigns::area_id.eq(district_id),
            audit_campaigns::area_path.eq(&district_path),
            audit_campaigns::budget_fen.eq(BUDGET_FEN),
            audit_campaigns::description.eq(cal.text(
                "对雨花区住宅小区2025年12月至2026年11月公共收益的收取、使用、核算及公示情况开展专项审计，\
                 重点核查停车、广告、场地租赁等收益是否全额入账，支出是否经业主大会或业主委员会授权，\
                 凭证是否齐全，并督促问题整改到位。",
            )),
            audit_campaigns::created_by.eq(admin),
            audit_campaigns::created_at.eq(beijing(cal.date(ymd(2026, 6, 1)), 9)),
        ))
        .execute(tx)
        .await?;
    let firms: Vec<(Uuid, String)> = organisations::table
        .filter(organisations::kind.eq("audit_firm"))
        .select((organisations::id, organisations::name))
        .order((organisations::name, organisations::id))
        .load(tx)
        .await?;
    let firm_rows: Vec<_> = firms
        .iter()
        .map(|(id, _)| {
            (
                audit_campaign_firms::campaign_id.eq(campaign_id),
                audit_campaign_firms::firm_id.eq(*id),
            )
        })
        .collect();
    if !firm_rows.is_empty() {
        diesel::insert_into(audit_campaign_firms::table)
            .values(firm_rows)
            .execute(tx)
            .await?;
    }
    report.firms = firms.len();

    let bodies = load_bodies(tx, &ids, cal.date(TODAY)).await?;
    let (mut engagement_rows, mut finding_rows, mut rectification_rows) =
        (Vec::new(), Vec::new(), Vec::new());
    for spec in &ENGAGEMENTS {
        let Some(t) = targets.iter().find(|t| t.name == spec.compound) else {
            continue;
        };
        // A firm renamed since the registry was seeded: any firm of the campaign will do.
        let Some(firm_id) = firms
            .iter()
            .find(|(_, name)| name == spec.firm)
            .or(<[_]>::first(&firms))
            .map(|(id, _)| *id)
        else {
            continue;
        };
        let engagement_id = Uuid::now_v7();
        engagement_rows.push(EngagementRow {
            id: engagement_id,
            campaign_id,
            compound_id: t.id,
            area_path: t.path.clone(),
            firm_id,
            fee_fen: spec.fee_yuan * 100,
            scope: cal.text(spec.scope),
            period_from: cal.date(AUDITED_FROM),
            period_to: cal.date(AUDITED_TO),
            status: spec.status,
            opinion: spec.opinion,
            report_summary: spec.report_summary.map(|t| cal.text(t)),
            created_at: beijing(cal.date(ymd(2026, 6, 10)), 10),
            updated_at: beijing(cal.date(spec.updated_on), 15),
        });
        *report.engagements.entry(spec.status).or_default() += 1;
        let body = bodies.get(&t.id);
        let plan = plans.get(&t.slot).map(Vec::as_slice).unwrap_or_default();
        for f in spec.findings {
            let finding_id = Uuid::now_v7();
            finding_rows.push(FindingRow {
                id: finding_id,
                engagement_id,
                area_path: t.path.clone(),
                kind: f.kind,
                title: cal.text(f.title),
                description: cal.text(f.description),
                amount_fen: finding_amount(f, plan, cal),
                severity: f.severity,
                responsible_org_id: body.and_then(|b| b.of(f.responsible)),
                evidence: Some(cal.text(f.evidence)),
                status: f.status,
                raised_by: auditor,
                closed_at: f.closed_on.map(|d| beijing(cal.date(d), 11)),
                created_at: beijing(cal.date(f.raised_on), 14),
            });
            for r in f.rectifications {
                let completed_at = r.completed_on.map(|d| beijing(cal.date(d), 17));
                rectification_rows.push(RectificationRow {
                    id: Uuid::now_v7(),
                    finding_id,
                    action: cal.text(r.action),
                    owner_org_id: body.and_then(|b| b.of(r.owner)),
                    deadline: cal.date(r.deadline),
                    status: r.status,
                    completion_evidence: r.evidence.map(|t| cal.text(t)),
                    completed_by: completed_at.and(member_of(t.name)),
                    completed_at,
                    // The district verifies: never the auditor who raised the finding.
                    verified_by: r.verified_on.map(|_| admin),
                    verified_at: r.verified_on.map(|d| beijing(cal.date(d), 10)),
                    verification_note: r.verification_note.map(|t| cal.text(t)),
                    // Shifted by whole months, a deadline stays on its side of the 26th of
                    // last month and of the load day: the story's flag holds.
                    overdue: r.overdue,
                    created_by: Some(auditor),
                    created_at: beijing(cal.date(r.created_on), 9),
                });
            }
        }
    }
    if !engagement_rows.is_empty() {
        diesel::insert_into(audit_engagements::table)
            .values(&engagement_rows)
            .execute(tx)
            .await?;
    }
    if !finding_rows.is_empty() {
        diesel::insert_into(audit_findings::table)
            .values(&finding_rows)
            .execute(tx)
            .await?;
    }
    if !rectification_rows.is_empty() {
        diesel::insert_into(rectifications::table)
            .values(&rectification_rows)
            .execute(tx)
            .await?;
    }
    report.findings = finding_rows.len();
    report.rectifications = rectification_rows.len();
    log::info!(
        "demo public revenue loaded: {} ledgers, {} entries ({} lines), {} closed months, \
         {} disclosures; audit campaign with {} firms, engagements {:?}, {} findings, \
         {} rectifications",
        report.ledgers,
        report.entries,
        report.lines,
        report.closed_months,
        report.disclosures,
        report.firms,
        report.engagements,
        report.findings,
        report.rectifications
    );
    Ok(report)
}

/// Finds the compounds of [`LEDGER_COMPOUNDS`] in the district; a missing one is skipped.
async fn load_targets(tx: &mut AsyncPgConnection, district_path: &str) -> StoreResult<Vec<Target>> {
    let names: Vec<&str> = LEDGER_COMPOUNDS.iter().map(|(n, _)| *n).collect();
    // Area paths are '/<uuid>/.../': no LIKE wildcards to escape.
    let found: Vec<(Uuid, String, String)> = compounds::table
        .inner_join(areas::table)
        .filter(areas::name.eq_any(&names))
        .filter(areas::path.like(format!("{district_path}%")))
        .select((areas::id, areas::name, areas::path))
        .order((areas::name, areas::id))
        .load(tx)
        .await?;
    Ok(LEDGER_COMPOUNDS
        .iter()
        .enumerate()
        .filter_map(|(slot, (name, _))| {
            let (id, _, path) = found.iter().find(|(_, n, _)| n == name)?;
            Some(Target {
                slot,
                id: *id,
                name,
                path: path.clone(),
            })
        })
        .collect())
}

/// The committees of each compound and the property company under contract on `today` (the
/// story's [`TODAY`] on the load day's calendar).
async fn load_bodies(
    tx: &mut AsyncPgConnection,
    ids: &[Uuid],
    today: NaiveDate,
) -> StoreResult<HashMap<Uuid, Bodies>> {
    let mut bodies: HashMap<Uuid, Bodies> = HashMap::new();
    let committees: Vec<(Uuid, Uuid, String)> = organisation_compounds::table
        .inner_join(organisations::table)
        .filter(organisation_compounds::compound_id.eq_any(ids))
        .filter(organisations::kind.eq_any(["owners_committee", "residents_committee"]))
        .select((
            organisation_compounds::compound_id,
            organisations::id,
            organisations::kind,
        ))
        .order(organisations::id)
        .load(tx)
        .await?;
    for (compound, org, kind) in committees {
        let b = bodies.entry(compound).or_default();
        let slot = if kind == "owners_committee" {
            &mut b.owners
        } else {
            &mut b.residents
        };
        slot.get_or_insert(org);
    }
    let companies: Vec<(Uuid, Uuid)> = contract_compounds::table
        .inner_join(service_contracts::table)
        .filter(contract_compounds::compound_id.eq_any(ids))
        .filter(contract_compounds::start_date.le(today))
        .filter(contract_compounds::end_date.ge(today))
        .select((
            contract_compounds::compound_id,
            service_contracts::company_id,
        ))
        .order(service_contracts::company_id)
        .load(tx)
        .await?;
    for (compound, company) in companies {
        bodies
            .entry(compound)
            .or_default()
            .company
            .get_or_insert(company);
    }
    Ok(bodies)
}

#[cfg(test)]
mod tests {
    use linli_domain::{
        public_revenue::{AccountKind, Line, check_balanced},
        special_audit::{EngagementStatus, RectificationStatus, finding_settled},
    };

    use super::*;

    fn account_id(code: &str) -> Uuid {
        Uuid::from_u128(code.parse::<u128>().unwrap_or_default())
    }

    /// The story as written, and loads on days around the year (month ends and a leap day
    /// among them).
    fn calendars() -> Vec<DemoCalendar> {
        let mut out = vec![DemoCalendar::story()];
        out.extend(
            [
                (2026, 12, 7),
                (2026, 12, 31),
                (2027, 1, 1),
                (2027, 3, 31),
                (2027, 7, 15),
                (2027, 12, 7),
                (2028, 2, 29),
                (2028, 3, 31),
                (2026, 9, 2),
            ]
            .into_iter()
            .map(|(y, m, d)| DemoCalendar::for_today(ymd(y, m, d))),
        );
        out
    }

    /// The first day of the month `n` months before the load month.
    fn months_ago(cal: &DemoCalendar, n: u32) -> NaiveDate {
        public_revenue::month_of(cal.today())
            .checked_sub_months(chrono::Months::new(n))
            .unwrap_or_default()
    }

    #[test]
    fn every_entry_balances_within_the_year_on_accounts_of_the_chart() {
        for cal in calendars() {
            for slot in 0..LEDGER_COMPOUNDS.len() {
                let plan = plan_ledger(slot, &cal);
                assert!(plan.len() > 60, "slot {slot}: {} entries", plan.len());
                let mut vouchers = HashSet::new();
                for e in &plan {
                    let lines: Vec<Line> = e
                        .lines
                        .iter()
                        .map(|(code, d, c)| Line {
                            account_id: account_id(code),
                            debit_fen: *d,
                            credit_fen: *c,
                        })
                        .collect();
                    assert!(check_balanced(&lines).is_ok(), "{e:?}");
                    assert!(
                        e.lines
                            .iter()
                            .all(|(code, _, _)| TEMPLATE.iter().any(|a| a.code == *code))
                    );
                    let year = cal.date(FIRST_MONTH)..=cal.date(LAST_ENTRY_DAY);
                    assert!(year.contains(&e.date), "{e:?}");
                    assert!((1..=200).contains(&e.memo.chars().count()));
                    assert!(e.voucher_no.len() <= 40 && vouchers.insert(e.voucher_no.clone()));
                    assert!(
                        e.voucher_no.starts_with(&format!(
                            "J{}-{:02}-",
                            e.date.year(),
                            e.date.month()
                        )),
                        "{e:?}"
                    );
                }
                assert!(plan.windows(2).all(|w| w[0].date <= w[1].date));
                let first = cal.date(FIRST_MONTH);
                assert_eq!(
                    <[_]>::first(&plan).map(|e| e.voucher_no.clone()),
                    Some(format!("J{}-{:02}-001", first.year(), first.month()))
                );
            }
        }
        let story = plan_ledger(0, &DemoCalendar::story());
        assert_eq!(
            <[_]>::first(&story).map(|e| e.voucher_no.as_str()),
            Some("J2025-12-001")
        );
    }

    #[test]
    fn the_books_are_the_last_twelve_months_on_any_load_day() {
        for cal in calendars().into_iter().skip(1) {
            let today = cal.today();
            for slot in 0..LEDGER_COMPOUNDS.len() {
                let plan = plan_ledger(slot, &cal);
                // Nothing after the 25th of last month, nothing before twelve months ago.
                assert!(
                    plan.iter()
                        .all(|e| e.date < today && e.date >= months_ago(&cal, 12))
                );
                assert!(
                    plan.iter()
                        .all(|e| e.date <= months_ago(&cal, 1) + TimeDelta::days(24))
                );
                assert!(
                    plan.iter()
                        .any(|e| public_revenue::month_of(e.date) == months_ago(&cal, 1))
                );
                // Memos name the month they are booked in.
                for e in plan.iter().filter(|e| e.memo.contains("地面停车费")) {
                    let label = format!("{}年{}月", e.date.year(), e.date.month());
                    assert!(e.memo.starts_with(&label), "{e:?}");
                }
                // The same books, moved: amounts and order do not depend on the day.
                let story = plan_ledger(slot, &DemoCalendar::story());
                assert_eq!(plan.len(), story.len());
                assert!(plan.iter().zip(&story).all(|(a, b)| a.lines == b.lines));
            }
            // Closed up to three months ago, the last two months open.
            assert_eq!(cal.date(FIRST_OPEN_MONTH), months_ago(&cal, 2), "{today}");
            assert_eq!(cal.date(FIRST_MONTH), months_ago(&cal, 12));
            // The disclosure: the quarter of three months ending three months ago.
            assert_eq!(cal.date(DISCLOSED_TO), months_ago(&cal, 3));
            assert_eq!(cal.date(DISCLOSED_FROM), months_ago(&cal, 5));
            assert_eq!(
                cal.date(DISCLOSED_UNTIL),
                months_ago(&cal, 2) - TimeDelta::days(1)
            );
            assert_eq!(
                cal.date(AUDITED_TO),
                months_ago(&cal, 0) - TimeDelta::days(1)
            );
            assert!(cal.date(TODAY) < today);
        }
        let december = DemoCalendar::for_today(ymd(2026, 12, 7));
        assert_eq!(campaign_name(&december), STORY_CAMPAIGN_NAME);
        assert_eq!(
            plan_ledger(4, &december),
            plan_ledger(4, &DemoCalendar::story())
        );
        let later = DemoCalendar::for_today(ymd(2027, 12, 7));
        assert_eq!(campaign_name(&later), "2027年度住宅小区公共收益专项审计");
        assert_eq!(later.year(CAMPAIGN_YEAR), 2027);
        for cal in calendars() {
            let name = campaign_name(&cal);
            assert!(
                name.ends_with(CAMPAIGN_SUFFIX) && name.chars().count() == 18,
                "{name}"
            );
            assert!(name.starts_with(&cal.year(CAMPAIGN_YEAR).to_string()));
        }
    }

    #[test]
    fn bank_and_cash_never_run_dry() {
        for slot in 0..LEDGER_COMPOUNDS.len() {
            let (mut bank, mut cash) = (0i64, 0i64);
            for e in plan_ledger(slot, &DemoCalendar::story()) {
                for (code, d, c) in &e.lines {
                    match *code {
                        BANK => bank += d - c,
                        CASH => cash += d - c,
                        _ => {}
                    }
                }
                assert!(
                    bank >= 0 && cash >= 0,
                    "slot {slot} on {}: {bank} {cash}",
                    e.date
                );
            }
        }
    }

    #[test]
    fn weiji_shares_its_parking_every_month() {
        let story = DemoCalendar::story();
        let plan = plan_ledger(0, &story);
        let tidal: Vec<i64> = plan
            .iter()
            .filter(|e| e.memo.contains("潮汐停车收益"))
            .flat_map(|e| e.lines.iter().filter(|l| l.0 == "4002").map(|l| l.2))
            .collect();
        assert_eq!(tidal.len(), MONTHS);
        assert!(tidal.iter().all(|f| (300_000..=600_000).contains(f)));
        assert!(plan.iter().any(|e| e.lines.iter().any(|l| l.0 == CASH)));
        // Only 卫技新村 shares its spaces.
        assert!((1..LEDGER_COMPOUNDS.len()).all(|s| {
            plan_ledger(s, &story)
                .iter()
                .all(|e| e.lines.iter().all(|l| l.0 != "4002"))
        }));
        assert_eq!(
            plan_ledger(3, &story),
            plan_ledger(3, &story),
            "plans are deterministic"
        );
    }

    #[test]
    fn the_disclosure_adds_up() {
        let story = DemoCalendar::story();
        let plan = plan_ledger(0, &story);
        let s = disclosure_summary(&plan, &story);
        assert_eq!(
            s.income_by_category.values().sum::<i64>(),
            s.income_total_fen
        );
        assert_eq!(
            s.expense_by_category.values().sum::<i64>(),
            s.expense_total_fen
        );
        assert_eq!(s.net_fen, s.income_total_fen - s.expense_total_fen);
        assert!(
            s.income_by_category
                .get("tidal_parking")
                .is_some_and(|f| *f > 0)
        );
        // Everything went through bank or cash, nothing was carried to 2001.
        assert_eq!(s.funds_fen, s.owed_to_owners_fen);
        let json = serde_json::to_value(&s).unwrap_or_default();
        for key in [
            "income_by_category",
            "expense_by_category",
            "income_total_fen",
            "expense_total_fen",
            "net_fen",
            "funds_fen",
            "owed_to_owners_fen",
        ] {
            assert!(json.get(key).is_some(), "{key}");
        }
        let income_kinds = TEMPLATE
            .iter()
            .filter(|a| a.kind == AccountKind::Income)
            .count();
        assert!(s.income_by_category.len() <= income_kinds);
        // The same figures whatever the load day: the quarter moves with its entries.
        for cal in calendars() {
            let figures = disclosure_summary(&plan_ledger(0, &cal), &cal);
            assert_eq!(
                serde_json::to_value(&figures).unwrap_or_default(),
                json,
                "{cal:?}"
            );
        }
    }

    #[test]
    fn lines_are_cut_only_between_entries() {
        let id = |n: u128| Uuid::from_u128(n);
        let rows: Vec<Uuid> = [1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 5, 5, 5, 5, 6, 6]
            .into_iter()
            .map(id)
            .collect();
        for max in 1..=rows.len() + 1 {
            let chunks = entry_aligned(&rows, |r| *r, max);
            assert_eq!(chunks.concat(), rows, "max {max}");
            for pair in chunks.windows(2) {
                assert_ne!(
                    pair[0].last(),
                    pair[1].first(),
                    "max {max}: an entry was split"
                );
            }
            for c in &chunks {
                let single_entry = c.iter().all(|r| Some(r) == <[_]>::first(c));
                assert!(
                    c.len() <= max || single_entry,
                    "max {max}: {} rows",
                    c.len()
                );
            }
        }
        assert!(entry_aligned(&Vec::<Uuid>::new(), |r| *r, 3).is_empty());
    }

    #[test]
    fn the_audit_plan_respects_the_database_rules() {
        let fees: i64 = ENGAGEMENTS.iter().map(|e| e.fee_yuan * 100).sum();
        assert!(
            fees <= BUDGET_FEN * 3 / 4,
            "fees {fees} well under the budget"
        );
        let mut compounds = HashSet::new();
        for e in &ENGAGEMENTS {
            assert!(compounds.insert(e.compound), "one engagement per compound");
            assert!(LEDGER_COMPOUNDS.iter().any(|(n, _)| *n == e.compound));
            assert!((40_000..=90_000).contains(&e.fee_yuan));
            let status = EngagementStatus::parse(e.status);
            assert!(status.is_some(), "{}", e.status);
            let reported = !matches!(e.status, "planned" | "fieldwork" | "draft_report");
            assert_eq!(e.opinion.is_some(), reported, "{}", e.compound);
            if e.status == "planned" {
                assert!(e.findings.is_empty());
            }
            for f in e.findings {
                let statuses: Vec<RectificationStatus> = f
                    .rectifications
                    .iter()
                    .filter_map(|r| RectificationStatus::parse(r.status))
                    .collect();
                assert_eq!(statuses.len(), f.rectifications.len());
                assert_eq!(
                    f.status == "closed",
                    finding_settled(&statuses),
                    "{}",
                    f.title
                );
                assert_eq!(f.status == "closed", f.closed_on.is_some());
                if e.status == "closed" {
                    assert_eq!(f.status, "closed");
                }
                assert!((1..=100).contains(&f.title.chars().count()));
                for r in f.rectifications {
                    assert_eq!(r.status != "pending", r.evidence.is_some());
                    assert_eq!(r.status != "pending", r.completed_on.is_some());
                    assert_eq!(r.status == "verified", r.verified_on.is_some());
                    assert_eq!(r.overdue, r.status == "pending" && r.deadline < TODAY);
                }
            }
        }
        assert_eq!(compounds.len(), LEDGER_COMPOUNDS.len());
        let lead = ENGAGEMENTS.iter().filter(|e| e.firm == LEAD_FIRM).count();
        assert!(lead >= 4 && lead < ENGAGEMENTS.len());
        let weiji = ENGAGEMENTS.iter().find(|e| e.compound == WEIJI);
        assert!(weiji.is_some_and(|e| {
            e.status == "rectification"
                && e.opinion == Some("qualified")
                && e.findings.len() == 2
                && e.findings.iter().any(|f| f.status == "closed")
                && e.findings.iter().any(|f| {
                    f.status == "open" && f.rectifications.iter().any(|r| r.status == "completed")
                })
        }));
        let overdue = ENGAGEMENTS
            .iter()
            .filter(|e| e.status == "rectification")
            .flat_map(|e| e.findings.iter())
            .flat_map(|f| f.rectifications.iter())
            .any(|r| r.overdue);
        assert!(overdue);
        for status in EngagementStatus::ALL {
            assert!(
                ENGAGEMENTS.iter().any(|e| e.status == status.as_str()),
                "{status:?}"
            );
        }
    }

    #[test]
    fn the_audit_story_holds_on_any_load_day() {
        for cal in calendars() {
            let today = cal.today();
            for e in &ENGAGEMENTS {
                assert!(cal.date(e.updated_on) < today);
                assert!(cal.text(e.scope).chars().count() <= 200);
                for f in e.findings {
                    let raised = cal.date(f.raised_on);
                    assert!(raised < today && f.closed_on.is_none_or(|d| cal.date(d) < today));
                    assert!(f.closed_on.is_none_or(|d| raised <= cal.date(d)));
                    assert!((1..=100).contains(&cal.text(f.title).chars().count()));
                    for r in f.rectifications {
                        let created = cal.date(r.created_on);
                        assert!(created < today && raised <= created, "{}", r.action);
                        for step in [r.completed_on, r.verified_on].into_iter().flatten() {
                            assert!(raised <= cal.date(step) && cal.date(step) < today);
                        }
                        // Overdue against the load day as against the story's today.
                        let late = r.status == "pending" && cal.date(r.deadline) < today;
                        assert_eq!(r.overdue, late, "{}", r.action);
                        assert_eq!(late, cal.date(r.deadline) < cal.date(TODAY) && late);
                    }
                }
            }
        }
        // The texts follow the dates: 卫技新村's unbooked August cash, booked last month.
        let later = DemoCalendar::for_today(ymd(2028, 3, 31));
        let booked = plan_ledger(0, &later)
            .into_iter()
            .find(|e| e.lines.contains(&("4002", 0, WEIJI_UNRECORDED_FEN)));
        let Some(booked) = booked else {
            panic!("the unbooked cash is booked");
        };
        assert_eq!(booked.date, ymd(2028, 2, 18));
        assert_eq!(booked.memo, "补记2027年11月潮汐停车现金收入（审计整改）");
        assert!(
            later
                .text(
                    ENGAGEMENTS[1].findings[1].rectifications[0]
                        .evidence
                        .unwrap_or_default()
                )
                .starts_with("1,260元已于2028年2月18日存入")
        );
        assert_eq!(
            later.text(SCOPE),
            "2027年3月至2028年2月公共收益收支、凭证及公示情况"
        );
    }

    #[test]
    fn findings_quote_the_books() {
        let slot = LEDGER_COMPOUNDS
            .iter()
            .position(|(n, _)| *n == "城市山水豪园")
            .unwrap_or_default();
        let finding = ENGAGEMENTS
            .iter()
            .flat_map(|e| e.findings.iter())
            .find(|f| f.basis.is_some_and(|b| b.0 == "4006"));
        let Some(finding) = finding else {
            panic!("the charging finding is missing");
        };
        let mut amounts = HashSet::new();
        for cal in calendars() {
            let plan = plan_ledger(slot, &cal);
            let february = cal.date(ymd(2026, 2, 1));
            let charged: Vec<i64> = plan
                .iter()
                .filter(|e| public_revenue::month_of(e.date) == february)
                .flat_map(|e| e.lines.iter().filter(|l| l.0 == "4006").map(|l| l.2))
                .collect();
            assert_eq!(charged.len(), 1);
            assert_eq!(finding_amount(finding, &plan, &cal), charged[0]);
            amounts.insert(charged[0]);
            let november = cal.date(ymd(2026, 11, 1));
            let weiji = plan_ledger(0, &cal);
            assert!(
                weiji
                    .iter()
                    .any(|e| public_revenue::month_of(e.date) == november
                        && e.lines.contains(&("4002", 0, WEIJI_UNRECORDED_FEN)))
            );
        }
        assert_eq!(amounts.len(), 1, "the same amount whatever the day");
    }
}
