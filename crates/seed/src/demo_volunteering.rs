//! Demo volunteer service (志愿服务): in-service party members reporting to the compounds
//! they live in (在职党员进小区报到), volunteer teams, half a year of activities with sign-ups
//! and check-ins, and the service hours verified from them.
//!
//! The registry holds about a thousand in-service party members (party members with an
//! employer), far fewer than the district's 13,000 target: the demo reports those that exist
//! rather than inventing people, so the dashboard shows honest progress against the target.
//! Most have a confirmed report to their home compound, some are waiting for their compound's
//! secretary, a few carry history (declined, withdrawn, ended after moving house).
//!
//! Forty of the registry's volunteer teams get members from the reported members of their
//! area. Activities run from half a year ago to three weeks ahead, mostly at the centres of
//! 洞井街道 and 左家塘街道; past ones have sign-ups and check-ins (geofence or QR), mostly
//! verified, those of the last two weeks partly waiting for verification, a few closed by the
//! sweeper and flagged. No check-in is left open, so demo users can check in live.
//!
//! Two demo users take part: `volunteer`, a member of 雨花区卫生健康局 living in 融城花苑
//! who reported there and serves in 左邻右里 (融城社区's team), signed up for today's and
//! tomorrow's activities at 融城社区邻里中心; and `team.leader`, that team's leader, who
//! verifies its hours.
//!
//! The story is written as of 26 November 2026 (activities from 25 May 2026 to 17 December,
//! most members reported in a 2025 campaign) and told as of the load day: [`plan`] moves
//! every date and instant by the [`DemoCalendar`]'s whole days, so the story's 26 November is
//! always today (its weekdays move along); only the teams' founding, which is the registry
//! leaders' post start, moves by months as the registry does.
//!
//! As in the other demo modules the choices come from a pure, deterministic [`plan`] (a fixed
//! hash of positions in a content order, never randomness) that is tested without a
//! database; [`seed`] reads the district, plans and inserts rows directly. It writes no audit
//! entries and no events: demo history is not news for webhook subscribers. The demo
//! volunteer's person record marks the work as done: a second run finds it and writes nothing.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, Bool, Double, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::{geo::GeoPoint, volunteering::minutes_between};
use uuid::Uuid;

use crate::demo_calendar::DemoCalendar;
use linli_persistence::{
    error::StoreResult,
    schema::{activities, organisations, people, reports, signups, team_members},
};

/// A date known at compile time; a typo in a constant fails the build instead of a run.
const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid demo date"),
    }
}

/// "Today" of the demo's story (as in the other demo modules); the load day once planned.
const TODAY: NaiveDate = ymd(2026, 11, 26);
/// The Monday 26 weeks before the Monday of [`TODAY`]'s week: half a year of history.
const FIRST_MONDAY: NaiveDate = ymd(2026, 5, 25);
/// Activities are planned up to three weeks ahead.
const LAST_DAY: NaiveDate = ymd(2026, 12, 17);
/// Weeks from [`FIRST_MONDAY`] that reach [`LAST_DAY`].
const WEEKS: i64 = 30;
/// Check-ins of the last two weeks may still wait for verification (the leaders' queue).
const RECENT_DAYS: i64 = 14;

/// Teams given members (of the registry's 120): enough to show the feature.
const TEAMS_WITH_MEMBERS: usize = 40;
/// Members besides the leader: 5 to 15 per team.
const MIN_MEMBERS: u64 = 5;
const MAX_MEMBERS: u64 = 15;
/// The subdistricts whose centres hold most activities.
const FOCUS: [&str; 2] = ["洞井街道", "左家塘街道"];

/// The showcase: 融城花苑, its community, team and centre.
const SHOWCASE_COMPOUND: &str = "融城花苑";
const SHOWCASE_COMMUNITY: &str = "融城社区";
const SHOWCASE_TEAM: &str = "左邻右里";
const SHOWCASE_CENTRE: &str = "融城社区邻里中心";
/// The team created when the registry has none for 融城社区 or its subdistrict.
const FALLBACK_TEAM: &str = "融城社区左邻右里志愿服务队";
/// The team's founding: when registry leaders took their post.
const TEAM_FOUNDED: NaiveDate = ymd(2023, 1, 1);

/// The demo volunteer's person record; its presence means this module has run.
const VOLUNTEER_NAME: &str = "刘思远";
const VOLUNTEER_EMPLOYER: &str = "雨花区卫生健康局";
const VOLUNTEER_PHONE: &str = "13975120526";
/// When the demo volunteer reported to 融城花苑, was confirmed, and joined the team.
const VOLUNTEER_REQUESTED: NaiveDate = ymd(2026, 5, 11);
const VOLUNTEER_CONFIRMED: NaiveDate = ymd(2026, 5, 13);
const VOLUNTEER_JOINED: NaiveDate = ymd(2026, 5, 20);
/// The team leader created when the showcase team has no 队长 in the registry.
const FALLBACK_LEADER_NAME: &str = "罗建华";
const FALLBACK_LEADER_PHONE: &str = "13975120527";

const VOLUNTEER_USER: &str = "volunteer";
const LEADER_USER: &str = "team.leader";
const SECRETARY_USER: &str = "rongcheng.secretary";

/// The day after the live activities: later ones are left for the demo volunteer to sign
/// up for live.
const AFTER_LIVE: NaiveDate = ymd(2026, 11, 28);

/// Rows per INSERT: the widest row (a report) binds 12 columns, well below 65 535.
const ROWS_PER_STATEMENT: usize = 2000;
const _: () = assert!(ROWS_PER_STATEMENT * 12 < 65_535);

/// Hash salts, one per decision, so decisions about the same index are independent.
const SALT_REPORT: u64 = 1;
const SALT_TEAM: u64 = 2;
const SALT_ACTIVITY: u64 = 3;
const SALT_SIGNUP: u64 = 4;
const SALT_SESSION: u64 = 5;
const SALT_JOIN: u64 = 6;

// ---------------------------------------------------------------------------------------
// Time

/// `minute` minutes after midnight in China time (UTC+8) on `date`.
fn china_time(date: NaiveDate, minute: i64) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc() + TimeDelta::minutes(minute - 8 * 60)
}

/// The China date of an instant.
fn china_date(at: DateTime<Utc>) -> NaiveDate {
    (at + TimeDelta::hours(8)).date_naive()
}

/// The latest a planned record may carry: 08:00 on [`TODAY`]; the demo's morning.
fn morning_of_today() -> DateTime<Utc> {
    china_time(TODAY, 8 * 60)
}

fn days(n: u64) -> TimeDelta {
    TimeDelta::days(i64::try_from(n).unwrap_or_default())
}

fn minutes(n: u64) -> TimeDelta {
    TimeDelta::minutes(i64::try_from(n).unwrap_or_default())
}

// ---------------------------------------------------------------------------------------
// Themes

/// Where an activity of a theme takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Venue {
    Centre,
    Compound,
}

/// A kind of activity: its title, what volunteers do, how long it lasts and where.
struct Theme {
    title: &'static str,
    description: &'static str,
    minutes: i64,
    /// A fixed start (minutes after midnight), for themes that only fit one time of day.
    start: Option<i64>,
    venue: Venue,
}

const THEMES: [Theme; 9] = [
    Theme {
        title: "社区健康义诊",
        description: "联合社区卫生服务中心为居民免费测量血压血糖、提供用药咨询；志愿者负责引导、登记和秩序维护。",
        minutes: 180,
        start: None,
        venue: Venue::Centre,
    },
    Theme {
        title: "垃圾分类宣传",
        description: "在小区投放点定时定点值守，指导居民正确分类投放，入户发放垃圾分类宣传资料。",
        minutes: 120,
        start: None,
        venue: Venue::Compound,
    },
    Theme {
        title: "助老上门服务",
        description: "走访独居和高龄老人，上门陪伴聊天、打扫卫生，检查水电燃气使用安全。",
        minutes: 180,
        start: None,
        venue: Venue::Compound,
    },
    Theme {
        title: "文明劝导",
        description: "在小区出入口和主要道路劝导电动车规范停放、文明养犬，清理楼道堆放杂物。",
        minutes: 120,
        start: None,
        venue: Venue::Compound,
    },
    Theme {
        title: "惠民政策宣讲",
        description: "在邻里中心宣讲城乡居民医保参保、养老服务补贴等惠民政策，现场解答居民问题。",
        minutes: 120,
        start: None,
        venue: Venue::Centre,
    },
    Theme {
        title: "便民维修服务",
        description: "为居民免费维修小家电、磨刀、修补雨伞；志愿者协助登记、排队引导和秩序维护。",
        minutes: 240,
        start: None,
        venue: Venue::Centre,
    },
    Theme {
        title: "楼道环境清洁日",
        description: "清扫楼道和公共区域，清理小广告和卫生死角，整理绿化带垃圾。",
        minutes: 180,
        start: None,
        venue: Venue::Compound,
    },
    Theme {
        title: "夜间平安巡逻",
        description: "夜间巡查楼道消防通道和电动车违规充电隐患，提醒居民关好门窗、注意防火防盗。",
        minutes: 150,
        start: Some(19 * 60 + 30),
        venue: Venue::Compound,
    },
    Theme {
        title: "四点半课堂",
        description: "为双职工家庭的孩子提供课后作业辅导、阅读陪伴和安全教育。",
        minutes: 120,
        start: Some(16 * 60 + 30),
        venue: Venue::Centre,
    },
];

/// The live activities at the showcase centre: (day, start minute, minutes, title,
/// description, capacity). Today's day shift lets a browser test check in now; the evening
/// patrol and tomorrow's shift keep one open later on.
const LIVE: [(NaiveDate, i64, i64, &str, &str, i32); 3] = [
    (
        TODAY,
        8 * 60 + 30,
        12 * 60,
        "邻里中心志愿服务站值守",
        "在融城社区邻里中心志愿服务站值守：接待居民咨询、代办便民事项、协助老人使用智能手机。",
        20,
    ),
    (
        TODAY,
        20 * 60 + 30,
        180,
        "冬季夜间平安巡逻",
        "冬季防火夜间巡逻：从邻里中心出发，巡查各小区楼道消防通道和电动车充电点。",
        15,
    ),
    (
        ymd(2026, 11, 27),
        8 * 60 + 30,
        12 * 60,
        "邻里中心志愿服务站值守",
        "在融城社区邻里中心志愿服务站值守：接待居民咨询、代办便民事项、协助老人使用智能手机。",
        20,
    ),
];

const NOTES: [Option<&str>; 5] = [
    None,
    Some("居住在本小区，周末可参与志愿服务"),
    Some("有医护专业背景，可参与健康义诊"),
    Some("熟悉惠民政策，可参与政策宣讲"),
    None,
];
const DECLINE_REASON: &str = "非本小区居民，请向居住地所在小区报到";
const END_REASON: &str = "已搬离该小区，转至新居住小区报到";
const CANCELLED_NOTE: &str = "（因暴雨橙色预警取消）";

// ---------------------------------------------------------------------------------------
// Plan

/// splitmix64 over the parts: every run makes the same choices without a random number
/// generator, and choices about different things are independent.
fn mix(parts: &[u64]) -> u64 {
    let mut h: u64 = 0x243F_6A88_85A3_08D3;
    for part in parts {
        let mut z = (h ^ part).wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        h = z ^ (z >> 31);
    }
    h
}

fn index(i: usize) -> u64 {
    u64::try_from(i).unwrap_or_default()
}

/// The path of the area above `path` ("/a/b/c/" → "/a/b/").
fn parent_path(path: &str) -> &str {
    let trimmed = path.strip_suffix('/').unwrap_or(path);
    trimmed.rfind('/').map_or(path, |i| &path[..=i])
}

/// An in-service party member (a party member with an employer).
#[derive(Debug, Clone, PartialEq, QueryableByName)]
struct Member {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Nullable<Text>)]
    employer: Option<String>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    home: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, QueryableByName)]
struct CompoundInfo {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    path: String,
    #[diesel(sql_type = Nullable<Double>)]
    lat: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    lon: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, QueryableByName)]
struct TeamInfo {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    area_path: String,
    /// The name of the subdistrict the team's area lies in ("" for a district team).
    #[diesel(sql_type = Text)]
    subdistrict: String,
    /// The holder of the team's 队长 post.
    #[diesel(sql_type = Nullable<SqlUuid>)]
    leader: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, QueryableByName)]
struct CentreInfo {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    community_path: String,
    #[diesel(sql_type = Double)]
    lat: f64,
    #[diesel(sql_type = Double)]
    lon: f64,
    #[diesel(sql_type = Integer)]
    radius_m: i32,
}

/// The demo users' corner of the district.
#[derive(Debug, Clone, PartialEq)]
struct Showcase {
    compound: Uuid,
    team: Uuid,
    centre: Option<Uuid>,
    volunteer: Uuid,
    leader: Uuid,
    leader_user: Option<Uuid>,
    secretary_user: Option<Uuid>,
}

/// The district as the plan needs it, each list in a content order.
#[derive(Debug, Clone, PartialEq)]
struct World {
    members: Vec<Member>,
    compounds: Vec<CompoundInfo>,
    teams: Vec<TeamInfo>,
    centres: Vec<CentreInfo>,
    showcase: Showcase,
}

#[derive(Debug, Clone, PartialEq, Insertable)]
#[diesel(table_name = reports)]
struct PlannedReport {
    id: Uuid,
    person_id: Uuid,
    compound_id: Uuid,
    area_path: String,
    employer: Option<String>,
    status: &'static str,
    note: Option<&'static str>,
    decided_by: Option<Uuid>,
    decided_at: Option<DateTime<Utc>>,
    decline_reason: Option<&'static str>,
    requested_at: DateTime<Utc>,
    version: i64,
}

#[derive(Debug, Clone, PartialEq, Insertable)]
#[diesel(table_name = team_members)]
struct PlannedMember {
    team_id: Uuid,
    person_id: Uuid,
    role: &'static str,
    joined_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Insertable)]
#[diesel(table_name = activities)]
struct PlannedActivity {
    id: Uuid,
    title: &'static str,
    description: String,
    team_id: Option<Uuid>,
    centre_id: Option<Uuid>,
    compound_id: Option<Uuid>,
    area_path: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    capacity: i32,
    status: &'static str,
    created_at: DateTime<Utc>,
    /// The China date of the start.
    #[diesel(skip_insertion)]
    day: NaiveDate,
    /// The community the place belongs to: its reported members may join in.
    #[diesel(skip_insertion)]
    community_path: String,
    /// Where a phone proves presence: the place's position and geofence.
    #[diesel(skip_insertion)]
    lat: f64,
    #[diesel(skip_insertion)]
    lon: f64,
    #[diesel(skip_insertion)]
    radius_m: i32,
}

#[derive(Debug, Clone, PartialEq, Insertable)]
#[diesel(table_name = signups)]
struct PlannedSignup {
    activity_id: Uuid,
    person_id: Uuid,
    status: &'static str,
    created_at: DateTime<Utc>,
}

/// A closed check-in (`check_ins` is not in diesel's schema: inserted with SQL).
#[derive(Debug, Clone, PartialEq)]
struct PlannedCheckIn {
    id: Uuid,
    person_id: Uuid,
    activity: usize,
    method: &'static str,
    client_id: Option<String>,
    checkout_client_id: Option<String>,
    checked_in_at: DateTime<Utc>,
    checked_out_at: DateTime<Utc>,
    lat: Option<f64>,
    lon: Option<f64>,
    accuracy_m: Option<f64>,
    distance_m: Option<f64>,
    minutes: i32,
    flagged: bool,
    flag_reason: Option<&'static str>,
    verification: &'static str,
    verified_by: Option<Uuid>,
    verified_at: Option<DateTime<Utc>>,
    received_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Plan {
    reports: Vec<PlannedReport>,
    members: Vec<PlannedMember>,
    activities: Vec<PlannedActivity>,
    signups: Vec<PlannedSignup>,
    check_ins: Vec<PlannedCheckIn>,
}

/// The whole demo on `cal`'s calendar: reports, team members, activities, sign-ups and
/// check-ins. `new_id` names rows (v7 ids in the seed, a counter in tests).
fn plan(w: &World, cal: &DemoCalendar, new_id: &mut dyn FnMut() -> Uuid) -> Plan {
    let reports = plan_reports(w, new_id);
    let selected = select_teams(&w.teams, w.showcase.team);
    let members = plan_members(w, &selected, &reports);
    let activities = plan_activities(w, &selected, new_id);
    let (signups, check_ins) = plan_attendance(w, &activities, &members, &reports, new_id);
    on_calendar(
        Plan {
            reports,
            members,
            activities,
            signups,
            check_ins,
        },
        cal,
    )
}

/// Moves a plan made in the story's days onto `cal`'s: every date and instant by the same
/// whole days, so every relation to the story's today (past, live, upcoming, waiting for
/// verification) holds for the load day. A leader's membership since [`TEAM_FOUNDED`] is the
/// registry's post start and moves by months, as the registry's dates do.
fn on_calendar(mut p: Plan, cal: &DemoCalendar) -> Plan {
    let at = |t: DateTime<Utc>| cal.day_at(t);
    for r in &mut p.reports {
        r.requested_at = at(r.requested_at);
        r.decided_at = r.decided_at.map(at);
    }
    for m in &mut p.members {
        m.joined_on = if m.role == "leader" && m.joined_on == TEAM_FOUNDED {
            cal.date(TEAM_FOUNDED)
        } else {
            cal.day(m.joined_on)
        };
    }
    for a in &mut p.activities {
        a.starts_at = at(a.starts_at);
        a.ends_at = at(a.ends_at);
        a.created_at = at(a.created_at);
        a.day = cal.day(a.day);
    }
    for s in &mut p.signups {
        s.created_at = at(s.created_at);
    }
    for c in &mut p.check_ins {
        c.checked_in_at = at(c.checked_in_at);
        c.checked_out_at = at(c.checked_out_at);
        c.verified_at = c.verified_at.map(at);
        c.received_at = at(c.received_at);
    }
    p
}

/// Reports: ~92 % confirmed (a few with a declined, withdrawn or ended report before),
/// ~3 % waiting for the secretary, ~4 % not reported yet. The demo volunteer reported to
/// 融城花苑 in May; one member living there is waiting, so its secretary has work.
fn plan_reports(w: &World, new_id: &mut dyn FnMut() -> Uuid) -> Vec<PlannedReport> {
    let compounds: HashMap<Uuid, &CompoundInfo> = w.compounds.iter().map(|c| (c.id, c)).collect();
    let mut by_community: HashMap<&str, Vec<&CompoundInfo>> = HashMap::new();
    for c in &w.compounds {
        by_community
            .entry(parent_path(&c.path))
            .or_default()
            .push(c);
    }
    let showcase = compounds.get(&w.showcase.compound).copied();
    let decider = |compound: Uuid| {
        if compound == w.showcase.compound {
            w.showcase.secretary_user
        } else {
            None
        }
    };
    let mut out = Vec::new();
    let mut showcase_waiting = false;
    for (i, m) in w.members.iter().enumerate() {
        let Some(home) = m.home.and_then(|h| compounds.get(&h).copied()) else {
            continue;
        };
        let key = mix(&[SALT_REPORT, index(i)]);
        let report = |compound: &CompoundInfo, status, requested_at, version| PlannedReport {
            id: Uuid::nil(),
            person_id: m.id,
            compound_id: compound.id,
            area_path: compound.path.clone(),
            employer: m.employer.clone(),
            status,
            note: NOTES
                .get(usize::try_from((key >> 36) % index(NOTES.len())).unwrap_or_default())
                .copied()
                .flatten(),
            decided_by: None,
            decided_at: None,
            decline_reason: None,
            requested_at,
            version,
        };
        if m.id == w.showcase.volunteer {
            out.push(PlannedReport {
                note: Some("居住在本小区，工作日晚上和周末可参与志愿服务"),
                decided_by: decider(home.id),
                decided_at: Some(china_time(VOLUNTEER_CONFIRMED, 10 * 60)),
                ..report(
                    home,
                    "confirmed",
                    china_time(VOLUNTEER_REQUESTED, 20 * 60),
                    2,
                )
            });
            continue;
        }
        let roll = key % 100;
        let lives_in_showcase = home.id == w.showcase.compound;
        if roll < 3 || (lives_in_showcase && !showcase_waiting) {
            // Waiting members of 融城社区 report to 融城花苑, where the demo secretary decides.
            let target = match showcase {
                Some(s) if parent_path(&home.path) == parent_path(&s.path) => s,
                _ => home,
            };
            showcase_waiting |= target.id == w.showcase.compound;
            let on = TODAY - days(1 + (key >> 8) % 20);
            out.push(report(
                target,
                "requested",
                china_time(on, 9 * 60 + i64::try_from((key >> 16) % 600).unwrap_or(0)),
                1,
            ));
            continue;
        }
        if roll < 7 {
            continue;
        }
        // Most reported in the 2025 campaign; one in five later, up to late October.
        let offset = if (key >> 20).is_multiple_of(5) {
            400 + (key >> 8) % 200
        } else {
            (key >> 8) % 400
        };
        let requested_at = china_time(
            ymd(2025, 3, 1) + days(offset),
            9 * 60 + i64::try_from((key >> 32) % 540).unwrap_or(0),
        );
        let decided_at = requested_at + TimeDelta::hours(24 * (1 + ((key >> 40) % 4) as i64) + 2);
        // One in ten reports to another compound of their community (where a relative lives,
        // or nearer the bus stop); the rest to their home compound.
        let neighbours = by_community
            .get(parent_path(&home.path))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let target = if (key >> 24).is_multiple_of(10) && neighbours.len() > 1 {
            neighbours
                .get(usize::try_from((key >> 44) % index(neighbours.len())).unwrap_or(0))
                .copied()
                .filter(|c| c.id != home.id)
                .unwrap_or(home)
        } else {
            home
        };
        // Somewhere else in the district, for history rows.
        let elsewhere = w
            .compounds
            .get(usize::try_from((key >> 48) % index(w.compounds.len().max(1))).unwrap_or(0))
            .filter(|c| c.id != target.id)
            .unwrap_or(target);
        match roll {
            7 | 8 => {
                let since = china_time(ymd(2024, 3, 1) + days((key >> 12) % 180), 10 * 60);
                out.push(PlannedReport {
                    decided_at: Some(requested_at - TimeDelta::days(3)),
                    decline_reason: Some(END_REASON),
                    ..report(elsewhere, "ended", since, 3)
                });
            }
            9 => out.push(PlannedReport {
                decided_by: decider(elsewhere.id),
                decided_at: Some(requested_at - TimeDelta::days(16)),
                decline_reason: Some(DECLINE_REASON),
                ..report(elsewhere, "declined", requested_at - TimeDelta::days(20), 2)
            }),
            10 => out.push(PlannedReport {
                decided_at: Some(requested_at - TimeDelta::days(10)),
                ..report(target, "withdrawn", requested_at - TimeDelta::days(12), 2)
            }),
            _ => {}
        }
        out.push(PlannedReport {
            decided_by: decider(target.id),
            decided_at: Some(decided_at),
            ..report(target, "confirmed", requested_at, 2)
        });
    }
    for r in &mut out {
        r.id = new_id();
    }
    out
}

/// The teams given members: the showcase team, the teams of the focus subdistricts, and
/// others spread evenly over the rest of the district; in the teams' order.
fn select_teams(teams: &[TeamInfo], showcase: Uuid) -> Vec<usize> {
    let mut chosen: Vec<usize> = teams
        .iter()
        .position(|t| t.id == showcase)
        .into_iter()
        .collect();
    chosen.extend(
        teams
            .iter()
            .enumerate()
            .filter(|(_, t)| t.id != showcase && FOCUS.contains(&t.subdistrict.as_str()))
            .map(|(i, _)| i),
    );
    chosen.truncate(TEAMS_WITH_MEMBERS);
    let rest: Vec<usize> = (0..teams.len()).filter(|i| !chosen.contains(i)).collect();
    let need = TEAMS_WITH_MEMBERS
        .saturating_sub(chosen.len())
        .min(rest.len());
    // Evenly spaced positions are distinct while `need` <= `rest.len()`.
    chosen.extend((0..need).filter_map(|k| rest.get(k * rest.len() / need).copied()));
    chosen.sort_unstable();
    chosen
}

/// The confirmed reporters: (person, area path, decision date), in member order.
fn confirmed(reports: &[PlannedReport]) -> Vec<(Uuid, &str, NaiveDate)> {
    reports
        .iter()
        .filter(|r| r.status == "confirmed")
        .map(|r| {
            let on = r.decided_at.map_or(TODAY, china_date);
            (r.person_id, r.area_path.as_str(), on)
        })
        .collect()
}

/// Team members: the registry's 队长 leads (or the first member, for a team without one),
/// and 5 to 15 reported members of the team's area join a few days after being confirmed.
fn plan_members(w: &World, selected: &[usize], reports: &[PlannedReport]) -> Vec<PlannedMember> {
    let reporters = confirmed(reports);
    let mut out = Vec::new();
    for (rank, team) in selected.iter().filter_map(|&i| w.teams.get(i)).enumerate() {
        let key = mix(&[SALT_TEAM, index(rank)]);
        let is_showcase = team.id == w.showcase.team;
        let leader = if is_showcase {
            Some(w.showcase.leader)
        } else {
            team.leader
        };
        let candidates: Vec<&(Uuid, &str, NaiveDate)> = reporters
            .iter()
            .filter(|(p, path, _)| path.starts_with(&team.area_path) && Some(*p) != leader)
            .collect();
        let want = usize::try_from(MIN_MEMBERS + key % (MAX_MEMBERS - MIN_MEMBERS + 1))
            .unwrap_or_default()
            .min(candidates.len());
        let mut picked: Vec<(Uuid, NaiveDate)> = Vec::new();
        if is_showcase {
            picked.push((w.showcase.volunteer, VOLUNTEER_JOINED));
        }
        let start = usize::try_from((key >> 8) % index(candidates.len().max(1))).unwrap_or(0);
        for k in 0..candidates.len() {
            if picked.len() >= want {
                break;
            }
            let Some((person, _, confirmed_on)) = candidates.get((start + k) % candidates.len())
            else {
                continue;
            };
            if picked.iter().any(|(p, _)| p == person) {
                continue;
            }
            let wait = 3 + mix(&[SALT_JOIN, index(rank), index(k)]) % 28;
            let joined = (*confirmed_on + days(wait)).min(TODAY - TimeDelta::days(1));
            picked.push((*person, joined));
        }
        let mut rows = picked
            .into_iter()
            .map(|(person_id, joined_on)| PlannedMember {
                team_id: team.id,
                person_id,
                role: "member",
                joined_on,
            });
        match leader {
            Some(person_id) => out.push(PlannedMember {
                team_id: team.id,
                person_id,
                role: "leader",
                joined_on: TEAM_FOUNDED,
            }),
            None => {
                if let Some(first) = rows.next() {
                    out.push(PlannedMember {
                        role: "leader",
                        ..first
                    });
                }
            }
        }
        out.extend(rows);
    }
    out
}

/// What a planned slot is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// A team of the focus subdistricts (n-th such slot).
    Focus(usize),
    /// The showcase team at 融城社区.
    Showcase,
    /// A team elsewhere in the district (n-th such slot).
    Elsewhere(usize),
}

/// A place an activity can take place at.
struct Place {
    centre: Option<Uuid>,
    compound: Option<Uuid>,
    area_path: String,
    community_path: String,
    lat: f64,
    lon: f64,
    radius_m: i32,
}

fn centre_place(c: &CentreInfo) -> Place {
    Place {
        centre: Some(c.id),
        compound: None,
        area_path: c.community_path.clone(),
        community_path: c.community_path.clone(),
        lat: c.lat,
        lon: c.lon,
        radius_m: c.radius_m,
    }
}

fn compound_place(c: &CompoundInfo) -> Option<Place> {
    Some(Place {
        centre: None,
        compound: Some(c.id),
        area_path: c.path.clone(),
        community_path: parent_path(&c.path).to_owned(),
        lat: c.lat?,
        lon: c.lon?,
        radius_m: linli_domain::volunteering::COMPOUND_RADIUS_M,
    })
}

/// A place within `area_path` for a theme: a compound (with coordinates) for compound
/// themes, a centre otherwise or when there is no such compound.
fn place_in(w: &World, area_path: &str, venue: Venue, key: u64) -> Option<Place> {
    let pick = |n: usize| usize::try_from(key % index(n.max(1))).unwrap_or(0);
    if venue == Venue::Compound {
        let compounds: Vec<&CompoundInfo> = w
            .compounds
            .iter()
            .filter(|c| c.path.starts_with(area_path) && c.lat.is_some() && c.lon.is_some())
            .collect();
        if let Some(place) = compounds
            .get(pick(compounds.len()))
            .and_then(|c| compound_place(c))
        {
            return Some(place);
        }
    }
    let centres: Vec<&CentreInfo> = w
        .centres
        .iter()
        .filter(|c| c.community_path.starts_with(area_path))
        .collect();
    centres.get(pick(centres.len())).map(|c| centre_place(c))
}

/// The showcase's place for a theme: 融城花苑 for compound themes, 融城社区邻里中心 else.
fn showcase_place(w: &World, venue: Venue) -> Option<Place> {
    let centre = || {
        w.centres
            .iter()
            .find(|c| Some(c.id) == w.showcase.centre)
            .map(centre_place)
    };
    let compound = || {
        w.compounds
            .iter()
            .find(|c| c.id == w.showcase.compound)
            .and_then(compound_place)
    };
    match venue {
        Venue::Compound => compound().or_else(centre),
        Venue::Centre => centre().or_else(compound),
    }
}

#[expect(clippy::too_many_arguments, reason = "one activity's facts")]
fn activity_row(
    id: Uuid,
    title: &'static str,
    description: String,
    team_id: Option<Uuid>,
    place: Place,
    day: NaiveDate,
    start_minute: i64,
    length: i64,
    capacity: i32,
    status: &'static str,
    key: u64,
) -> PlannedActivity {
    let starts_at = china_time(day, start_minute);
    // Published a week or two ahead, never after the demo's morning.
    let created_at = (starts_at - days(7 + key % 8))
        .min(morning_of_today() - TimeDelta::hours(i64::try_from(key % 72).unwrap_or(0)));
    PlannedActivity {
        id,
        title,
        description,
        team_id,
        centre_id: place.centre,
        compound_id: place.compound,
        area_path: place.area_path,
        starts_at,
        ends_at: starts_at + TimeDelta::minutes(length),
        capacity,
        status,
        created_at,
        day,
        community_path: place.community_path,
        lat: place.lat,
        lon: place.lon,
        radius_m: place.radius_m,
    }
}

/// Half a year and three weeks of activities, in the story's days: every Tuesday a focus
/// team, every Wednesday the showcase team, every third Saturday a focus team, every third
/// Thursday a team elsewhere (one in eight focus activities is the community's own, without
/// a team); then the live activities at the showcase centre. (Moved to the load day by
/// whole days, the weekdays move along: the story's Thursday 26 November is the load day.)
fn plan_activities(
    w: &World,
    selected: &[usize],
    new_id: &mut dyn FnMut() -> Uuid,
) -> Vec<PlannedActivity> {
    let teams: Vec<&TeamInfo> = selected.iter().filter_map(|&i| w.teams.get(i)).collect();
    let focus: Vec<&TeamInfo> = teams
        .iter()
        .copied()
        .filter(|t| t.id != w.showcase.team && FOCUS.contains(&t.subdistrict.as_str()))
        .collect();
    let others: Vec<&TeamInfo> = teams
        .iter()
        .copied()
        .filter(|t| t.id != w.showcase.team && !FOCUS.contains(&t.subdistrict.as_str()))
        .collect();
    let mut out = Vec::new();
    let (mut focus_n, mut other_n) = (0usize, 0usize);
    for week in 0..WEEKS {
        let monday = FIRST_MONDAY + TimeDelta::weeks(week);
        let mut slots = vec![
            (monday + TimeDelta::days(1), 9 * 60, Slot::Focus(focus_n)),
            (monday + TimeDelta::days(2), 14 * 60 + 30, Slot::Showcase),
        ];
        focus_n += 1;
        match week % 3 {
            0 => {
                slots.push((monday + TimeDelta::days(5), 9 * 60, Slot::Focus(focus_n)));
                focus_n += 1;
            }
            1 => {
                slots.push((
                    monday + TimeDelta::days(3),
                    9 * 60,
                    Slot::Elsewhere(other_n),
                ));
                other_n += 1;
            }
            _ => {}
        }
        for (day, default_start, slot) in slots {
            if day > LAST_DAY {
                continue;
            }
            let key = mix(&[SALT_ACTIVITY, index(out.len())]);
            let Some(theme) = THEMES.get(usize::try_from(key % index(THEMES.len())).unwrap_or(0))
            else {
                continue;
            };
            let (team, place) = match slot {
                Slot::Showcase => (Some(w.showcase.team), showcase_place(w, theme.venue)),
                Slot::Focus(n) | Slot::Elsewhere(n) => {
                    let list = if matches!(slot, Slot::Focus(_)) {
                        &focus
                    } else {
                        &others
                    };
                    let Some(team) = list.get(n % list.len().max(1)) else {
                        continue;
                    };
                    let own = matches!(slot, Slot::Focus(_)) && n % 8 == 5;
                    (
                        (!own).then_some(team.id),
                        place_in(w, &team.area_path, theme.venue, key >> 8),
                    )
                }
            };
            let Some(place) = place else {
                continue;
            };
            // One Tuesday in July was called off for a rainstorm warning.
            let cancelled = week == 7 && matches!(slot, Slot::Focus(_));
            let description = if cancelled {
                format!("{}{CANCELLED_NOTE}", theme.description)
            } else {
                theme.description.to_owned()
            };
            let capacity = 10 + 5 * i32::try_from((key >> 16) % 7).unwrap_or(0);
            out.push(activity_row(
                new_id(),
                theme.title,
                description,
                team,
                place,
                day,
                theme.start.unwrap_or(default_start),
                theme.minutes,
                capacity,
                if cancelled { "cancelled" } else { "open" },
                key >> 24,
            ));
        }
    }
    for (day, start, length, title, description, capacity) in LIVE {
        let key = mix(&[SALT_ACTIVITY, index(out.len())]);
        if let Some(place) = showcase_place(w, Venue::Centre) {
            out.push(activity_row(
                new_id(),
                title,
                description.to_owned(),
                Some(w.showcase.team),
                place,
                day,
                start,
                length,
                capacity,
                "open",
                key,
            ));
        }
    }
    out
}

/// One attended session: checked in around the start, out around the end (or closed at
/// the end by the sweeper when forgotten, flagged).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Session {
    checked_in_at: DateTime<Utc>,
    checked_out_at: DateTime<Utc>,
    minutes: i32,
    flagged: bool,
}

fn session(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, key: u64, forgot: bool) -> Session {
    let checked_in_at = starts_at + minutes(key % 21) - TimeDelta::minutes(10);
    let flagged = forgot || (key >> 8) % 100 < 4;
    let checked_out_at = if flagged {
        ends_at
    } else {
        ends_at + minutes((key >> 16) % 26) - TimeDelta::minutes(15)
    }
    .max(checked_in_at);
    Session {
        checked_in_at,
        checked_out_at,
        minutes: i32::try_from(minutes_between(checked_in_at, checked_out_at)).unwrap_or(0),
        flagged,
    }
}

/// Whether hours are verified: older sessions are (a few rejected, mostly flagged ones);
/// in the last two weeks many wait, and all of the showcase team's (the demo leader's
/// queue), as do flagged ones.
fn verification(day: NaiveDate, flagged: bool, showcase: bool, key: u64) -> &'static str {
    if (TODAY - day).num_days() <= RECENT_DAYS {
        if showcase || flagged || key % 100 < 60 {
            "pending"
        } else {
            "verified"
        }
    } else if (flagged && key.is_multiple_of(3)) || key % 100 < 1 {
        "rejected"
    } else {
        "verified"
    }
}

/// A position `metres` from (lat, lon) at `bearing` degrees, rounded like a GPS reading.
fn offset_position(lat: f64, lon: f64, metres: f64, bearing: f64) -> (f64, f64) {
    const METRES_PER_DEGREE: f64 = 111_194.93;
    let (sin, cos) = bearing.to_radians().sin_cos();
    let lat2 = lat + metres * cos / METRES_PER_DEGREE;
    let lon2 = lon + metres * sin / (METRES_PER_DEGREE * lat.to_radians().cos().max(0.1));
    ((lat2 * 1e6).round() / 1e6, (lon2 * 1e6).round() / 1e6)
}

/// Sign-ups for every open activity and check-ins for the past ones.
///
/// Candidates are the team's members who joined before the day (the demo volunteer and
/// leader always sign up for the showcase team's), sometimes a couple of the community's
/// other reported members; a community's own activity takes its reported members. Past
/// activities fill 60–100 % of their candidates, upcoming ones 20–70 %, never beyond
/// capacity; one sign-up in 25 was cancelled. One signed member in 12 does not come.
/// Choices hash people's positions, so every database gets the same sign-ups.
fn plan_attendance(
    w: &World,
    activities: &[PlannedActivity],
    members: &[PlannedMember],
    reports: &[PlannedReport],
    new_id: &mut dyn FnMut() -> Uuid,
) -> (Vec<PlannedSignup>, Vec<PlannedCheckIn>) {
    let reporters = confirmed(reports);
    let mut by_team: HashMap<Uuid, Vec<&PlannedMember>> = HashMap::new();
    for m in members {
        by_team.entry(m.team_id).or_default().push(m);
    }
    // People by position (members in content order, then leaders in team order): hashing
    // positions rather than random v7 ids gives every database the same choices.
    let mut ordinal: HashMap<Uuid, u64> = HashMap::new();
    for p in w
        .members
        .iter()
        .map(|m| m.id)
        .chain(members.iter().map(|m| m.person_id))
    {
        let next = index(ordinal.len());
        ordinal.entry(p).or_insert(next);
    }
    let position = |p: &Uuid| ordinal.get(p).copied().unwrap_or(u64::MAX);
    let forced_people = [w.showcase.volunteer, w.showcase.leader];
    // The demo volunteer forgot to check out of the team's latest activity: the sweeper
    // closed it, and it waits flagged in the leader's queue.
    let forgotten = activities
        .iter()
        .rposition(|a| a.day < TODAY && a.status == "open" && a.team_id == Some(w.showcase.team));
    let (mut signups, mut check_ins) = (Vec::new(), Vec::new());
    for (ai, a) in activities.iter().enumerate() {
        if a.status != "open" {
            continue;
        }
        let key = mix(&[SALT_SIGNUP, index(ai)]);
        let showcase = a.team_id == Some(w.showcase.team);
        let team: &[&PlannedMember] = a
            .team_id
            .and_then(|t| by_team.get(&t))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut forced: Vec<Uuid> = Vec::new();
        let mut others: Vec<Uuid> = Vec::new();
        for m in team.iter().filter(|m| m.joined_on < a.day) {
            if showcase && forced_people.contains(&m.person_id) && a.day < AFTER_LIVE {
                forced.push(m.person_id);
            } else {
                others.push(m.person_id);
            }
        }
        let community: Vec<Uuid> = reporters
            .iter()
            .filter(|(p, path, on)| {
                path.starts_with(&a.community_path)
                    && *on < a.day
                    && !others.contains(p)
                    && !forced.contains(p)
            })
            .map(|(p, _, _)| *p)
            .collect();
        if a.team_id.is_none() {
            others.extend(community);
        } else if key.is_multiple_of(3) {
            others.extend(community.into_iter().take(2));
        }
        if a.day >= AFTER_LIVE {
            others.retain(|p| *p != w.showcase.volunteer);
        }
        // A fixed shuffle of the others, by a hash of activity and person.
        let mut order: Vec<(u64, Uuid)> = others
            .iter()
            .map(|p| (mix(&[SALT_SIGNUP, index(ai), position(p)]), *p))
            .collect();
        order.sort_unstable();
        let past = a.day < TODAY;
        let share = if past {
            60 + (key >> 8) % 41
        } else {
            20 + (key >> 8) % 51
        };
        let target = (index(order.len()) * share).div_ceil(100);
        let places = usize::try_from(a.capacity).unwrap_or(0);
        let mut signed: Vec<(Uuid, bool)> = Vec::new();
        for p in &forced {
            if signed.len() < places {
                signed.push((*p, true));
            }
        }
        let mut taken = 0u64;
        for (j, (h, p)) in order.iter().enumerate() {
            if signed.len() >= places || taken >= target {
                break;
            }
            let at = signup_time(a, j);
            if h % 25 == 7 {
                signups.push(PlannedSignup {
                    activity_id: a.id,
                    person_id: *p,
                    status: "cancelled",
                    created_at: at,
                });
                continue;
            }
            signed.push((*p, false));
            taken += 1;
        }
        for (j, (person, is_forced)) in signed.iter().enumerate() {
            signups.push(PlannedSignup {
                activity_id: a.id,
                person_id: *person,
                status: "signed",
                created_at: signup_time(a, j),
            });
            if !past {
                continue;
            }
            let k = mix(&[SALT_SESSION, index(ai), position(person)]);
            if !is_forced && k.is_multiple_of(12) {
                continue;
            }
            let forgot = forgotten == Some(ai) && *person == w.showcase.volunteer;
            check_ins.push(check_in_row(w, ai, a, (j, *person), k, forgot, new_id()));
        }
    }
    (signups, check_ins)
}

/// When the j-th sign-up came in: after publication, before the start and the demo's
/// morning.
fn signup_time(a: &PlannedActivity, j: usize) -> DateTime<Utc> {
    let spread = TimeDelta::hours(1 + i64::try_from((j * 7) % 120).unwrap_or(0));
    (a.created_at + spread)
        .min(a.starts_at - TimeDelta::hours(1))
        .min(morning_of_today())
        .max(a.created_at)
}

/// The check-in of the j-th signed `person` of activity `ai`; `forgot` forces a forgotten
/// check-out.
fn check_in_row(
    w: &World,
    ai: usize,
    a: &PlannedActivity,
    (j, person): (usize, Uuid),
    key: u64,
    forgot: bool,
    id: Uuid,
) -> PlannedCheckIn {
    let s = session(a.starts_at, a.ends_at, key, forgot);
    let qr = a.centre_id.is_some() && (key >> 24) % 10 < 3;
    let (lat, lon, accuracy_m, distance_m) = if qr {
        (None, None, None, None)
    } else {
        // Somewhere inside the geofence, at most 150 m from its centre.
        let reach = (f64::from(a.radius_m) * 0.7).clamp(5.0, 150.0);
        let metres = 3.0 + ((key >> 32) % 1000) as f64 / 1000.0 * (reach - 3.0);
        let (lat, lon) = offset_position(a.lat, a.lon, metres, ((key >> 44) % 360) as f64);
        let distance = GeoPoint {
            lat: a.lat,
            lon: a.lon,
        }
        .distance_m(&GeoPoint { lat, lon });
        let accuracy = 4.0 + ((key >> 52) % 27) as f64;
        (
            Some(lat),
            Some(lon),
            Some(accuracy),
            Some((distance * 10.0).round() / 10.0),
        )
    };
    // One in twenty phones was offline and uploaded both records later.
    let offline = (key >> 12) % 20 == 7;
    let showcase = a.team_id == Some(w.showcase.team);
    let verification = verification(a.day, s.flagged, showcase, key >> 20);
    let decided = verification != "pending";
    let verified_by = if decided && showcase && person != w.showcase.leader {
        w.showcase.leader_user
    } else {
        None
    };
    let verified_at = decided.then(|| {
        (s.checked_out_at + TimeDelta::hours(24 * (1 + ((key >> 28) % 3) as i64)))
            .min(morning_of_today())
            .max(s.checked_out_at)
    });
    PlannedCheckIn {
        id,
        person_id: person,
        activity: ai,
        method: if qr { "qr" } else { "geofence" },
        client_id: offline.then(|| format!("demo-{ai:04}-{j:03}-in")),
        checkout_client_id: offline.then(|| format!("demo-{ai:04}-{j:03}-out")),
        checked_in_at: s.checked_in_at,
        checked_out_at: s.checked_out_at,
        lat,
        lon,
        accuracy_m,
        distance_m,
        minutes: s.minutes,
        flagged: s.flagged,
        flag_reason: s.flagged.then_some("forgotten_check_out"),
        verification,
        verified_by,
        verified_at,
        received_at: if offline {
            s.checked_out_at + TimeDelta::hours(1 + ((key >> 40) % 6) as i64)
        } else {
            s.checked_in_at
        },
    }
}

/// The showcase team: 左邻右里 in 融城社区, else another team of 融城社区, else one of
/// its subdistrict; `None` when a team must be created.
fn pick_showcase_team(
    teams: &[TeamInfo],
    community_path: &str,
    subdistrict_path: &str,
) -> Option<usize> {
    teams
        .iter()
        .position(|t| t.area_path == community_path && t.name == SHOWCASE_TEAM)
        .or_else(|| teams.iter().position(|t| t.area_path == community_path))
        .or_else(|| teams.iter().position(|t| t.area_path == subdistrict_path))
}

// ---------------------------------------------------------------------------------------
// Seeding

/// What a seeding run wrote; all zero when the demo volunteer service was already there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VolunteeringReport {
    pub created: bool,
    /// In-service party members found (party members with an employer).
    pub in_service_members: usize,
    pub reports: usize,
    pub reports_confirmed: usize,
    pub reports_requested: usize,
    pub teams_with_members: usize,
    pub team_members: usize,
    pub activities: usize,
    pub signups: usize,
    pub check_ins: usize,
    pub check_ins_pending: usize,
    pub check_ins_flagged: usize,
    /// Demo users linked to their person records.
    pub users_linked: usize,
}

#[derive(QueryableByName)]
struct Hit {
    #[diesel(sql_type = Bool)]
    hit: bool,
}

#[derive(QueryableByName)]
struct ShowcaseAreas {
    #[diesel(sql_type = SqlUuid)]
    compound_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    community_id: Uuid,
    #[diesel(sql_type = Text)]
    community_path: String,
    #[diesel(sql_type = Text)]
    subdistrict_path: String,
    #[diesel(sql_type = Text)]
    subdistrict_name: String,
}

#[derive(QueryableByName)]
struct UserRow {
    #[diesel(sql_type = Text)]
    username: String,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// Seeds reports, teams, activities, sign-ups and check-ins on `cal`'s calendar unless the
/// demo volunteer exists. Runs inside `demo::seed`'s transaction, after the registry and the
/// demo users.
pub async fn seed(
    tx: &mut AsyncPgConnection,
    cal: &DemoCalendar,
) -> StoreResult<VolunteeringReport> {
    let started = Instant::now();
    let done: Hit = linli_persistence::sql::query(
        "SELECT EXISTS (SELECT 1 FROM people WHERE name = $1 AND employer = $2) AS hit",
    )
    .bind::<Text, _>(VOLUNTEER_NAME)
    .bind::<Text, _>(VOLUNTEER_EMPLOYER)
    .get_result(tx)
    .await?;
    if done.hit {
        log::info!("demo volunteer service already present; left as it is");
        return Ok(VolunteeringReport::default());
    }
    let places: Vec<ShowcaseAreas> = linli_persistence::sql::query(
        "SELECT cp.id AS compound_id, cm.id AS community_id, cm.path AS community_path, sd.path AS subdistrict_path, \
           sd.name AS subdistrict_name \
         FROM areas cp JOIN areas cm ON cm.id = cp.parent_id JOIN areas sd ON sd.id = cm.parent_id \
         WHERE cp.kind = 'compound' AND cp.name = $1 AND cm.name = $2 ORDER BY cp.path LIMIT 1",
    )
    .bind::<Text, _>(SHOWCASE_COMPOUND)
    .bind::<Text, _>(SHOWCASE_COMMUNITY)
    .load(tx)
    .await?;
    let Some(areas) = places.into_iter().next() else {
        log::warn!(
            "demo volunteer service skipped: no {SHOWCASE_COMPOUND} in {SHOWCASE_COMMUNITY}"
        );
        return Ok(VolunteeringReport::default());
    };
    let users: HashMap<String, Uuid> =
        linli_persistence::sql::query("SELECT username, id FROM users WHERE username = ANY($1)")
            .bind::<Array<Text>, _>(vec![VOLUNTEER_USER, LEADER_USER, SECRETARY_USER])
            .load::<UserRow>(tx)
            .await?
            .into_iter()
            .map(|u| (u.username, u.id))
            .collect();

    // The demo volunteer: an in-service party member living in 融城花苑.
    let volunteer = Uuid::now_v7();
    insert_person(
        tx,
        volunteer,
        VOLUNTEER_NAME,
        VOLUNTEER_PHONE,
        Some(VOLUNTEER_EMPLOYER),
        areas.compound_id,
    )
    .await?;

    let mut teams: Vec<TeamInfo> = linli_persistence::sql::query(
        "SELECT o.id, o.name, a.path AS area_path, COALESCE(s.name, '') AS subdistrict, \
           (SELECT po.person_id FROM posts po WHERE po.organisation_id = o.id AND po.title = '队长' \
              AND po.start_date <= $1 AND (po.end_date IS NULL OR po.end_date > $1) \
            ORDER BY po.start_date DESC, po.id LIMIT 1) AS leader \
         FROM organisations o JOIN areas a ON a.id = o.area_id \
         LEFT JOIN areas s ON s.depth = 1 AND a.path LIKE s.path || '%' \
         WHERE o.kind = 'volunteer_team' ORDER BY 4, a.name, o.name, o.id",
    )
    .bind::<diesel::sql_types::Date, _>(cal.today())
    .load(tx)
    .await?;
    let showcase_team =
        match pick_showcase_team(&teams, &areas.community_path, &areas.subdistrict_path)
            .and_then(|i| teams.get(i))
        {
            Some(t) => (t.id, t.leader),
            None => {
                let id = Uuid::now_v7();
                diesel::insert_into(organisations::table)
                    .values((
                        organisations::id.eq(id),
                        organisations::kind.eq("volunteer_team"),
                        organisations::name.eq(FALLBACK_TEAM),
                        organisations::area_id.eq(areas.community_id),
                    ))
                    .execute(tx)
                    .await?;
                teams.push(TeamInfo {
                    id,
                    name: FALLBACK_TEAM.to_owned(),
                    area_path: areas.community_path.clone(),
                    subdistrict: areas.subdistrict_name.clone(),
                    leader: None,
                });
                (id, None)
            }
        };
    let leader = match showcase_team.1 {
        Some(person) => person,
        None => {
            let id = Uuid::now_v7();
            insert_person(
                tx,
                id,
                FALLBACK_LEADER_NAME,
                FALLBACK_LEADER_PHONE,
                None,
                areas.compound_id,
            )
            .await?;
            id
        }
    };
    let centres: Vec<CentreInfo> = linli_persistence::sql::query(
        "SELECT nc.id, nc.name, a.path AS community_path, nc.lat, nc.lon, nc.geofence_radius_m AS radius_m \
         FROM neighbourhood_centres nc JOIN areas a ON a.id = nc.community_id ORDER BY a.name, a.path, nc.name",
    )
    .load(tx)
    .await?;
    let showcase_centre = centres
        .iter()
        .find(|c| c.community_path == areas.community_path && c.name == SHOWCASE_CENTRE)
        .or_else(|| {
            centres
                .iter()
                .find(|c| c.community_path == areas.community_path)
        })
        .map(|c| c.id);
    let compounds: Vec<CompoundInfo> = linli_persistence::sql::query(
        "SELECT a.id, a.path, c.lat, c.lon FROM areas a JOIN compounds c ON c.id = a.id \
         WHERE a.kind = 'compound' ORDER BY a.name, a.path",
    )
    .load(tx)
    .await?;
    // Phones are the registry's per-person serials: a content order for the hash.
    let members: Vec<Member> = linli_persistence::sql::query(
        "SELECT id, employer, home_compound_id AS home FROM people \
         WHERE is_party_member AND employer IS NOT NULL ORDER BY phone, name, id",
    )
    .load(tx)
    .await?;
    let world = World {
        members,
        compounds,
        teams,
        centres,
        showcase: Showcase {
            compound: areas.compound_id,
            team: showcase_team.0,
            centre: showcase_centre,
            volunteer,
            leader,
            leader_user: users.get(LEADER_USER).copied(),
            secretary_user: users.get(SECRETARY_USER).copied(),
        },
    };
    let plan = plan(&world, cal, &mut Uuid::now_v7);

    insert_in_batches!(tx, reports::table, plan.reports, ROWS_PER_STATEMENT);
    insert_in_batches!(tx, team_members::table, plan.members, ROWS_PER_STATEMENT);
    insert_in_batches!(tx, activities::table, plan.activities, ROWS_PER_STATEMENT);
    // The capacity trigger checks every sign-up against its activity's places.
    insert_in_batches!(tx, signups::table, plan.signups, ROWS_PER_STATEMENT);
    insert_check_ins(tx, &plan).await?;

    let mut users_linked = 0;
    for (username, person) in [(VOLUNTEER_USER, volunteer), (LEADER_USER, leader)] {
        // A person is one user's at most: leave a person someone already acts as.
        users_linked += linli_persistence::sql::query(
            "UPDATE users SET person_id = $2 WHERE username = $1 AND person_id IS NULL \
             AND NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = $2)",
        )
        .bind::<Text, _>(username)
        .bind::<SqlUuid, _>(person)
        .execute(tx)
        .await?;
    }

    let report = VolunteeringReport {
        created: true,
        in_service_members: world.members.len(),
        reports: plan.reports.len(),
        reports_confirmed: plan
            .reports
            .iter()
            .filter(|r| r.status == "confirmed")
            .count(),
        reports_requested: plan
            .reports
            .iter()
            .filter(|r| r.status == "requested")
            .count(),
        teams_with_members: plan
            .members
            .iter()
            .map(|m| m.team_id)
            .collect::<HashSet<_>>()
            .len(),
        team_members: plan.members.len(),
        activities: plan.activities.len(),
        signups: plan.signups.len(),
        check_ins: plan.check_ins.len(),
        check_ins_pending: plan
            .check_ins
            .iter()
            .filter(|c| c.verification == "pending")
            .count(),
        check_ins_flagged: plan.check_ins.iter().filter(|c| c.flagged).count(),
        users_linked,
    };
    log::info!(
        "demo volunteer service loaded: {} reports of {} in-service party members ({} confirmed, {} waiting), \
         {} members in {} teams, {} activities, {} sign-ups, {} check-ins ({} awaiting verification, {} flagged), \
         {} users linked, in {:.0} ms",
        report.reports,
        report.in_service_members,
        report.reports_confirmed,
        report.reports_requested,
        report.team_members,
        report.teams_with_members,
        report.activities,
        report.signups,
        report.check_ins,
        report.check_ins_pending,
        report.check_ins_flagged,
        report.users_linked,
        started.elapsed().as_secs_f64() * 1000.0
    );
    Ok(report)
}

async fn insert_person(
    tx: &mut AsyncPgConnection,
    id: Uuid,
    name: &str,
    phone: &str,
    employer: Option<&str>,
    home: Uuid,
) -> StoreResult<()> {
    diesel::insert_into(people::table)
        .values((
            people::id.eq(id),
            people::name.eq(name),
            people::phone.eq(Some(phone)),
            people::is_party_member.eq(true),
            people::employer.eq(employer),
            people::home_compound_id.eq(Some(home)),
        ))
        .execute(tx)
        .await?;
    Ok(())
}

/// All check-ins in one statement, column by column.
async fn insert_check_ins(tx: &mut AsyncPgConnection, plan: &Plan) -> StoreResult<()> {
    let rows = &plan.check_ins;
    if rows.is_empty() {
        return Ok(());
    }
    let activity = |c: &PlannedCheckIn| plan.activities.get(c.activity);
    let col = |f: fn(&PlannedCheckIn) -> Option<f64>| rows.iter().map(f).collect::<Vec<_>>();
    linli_persistence::sql::query(
        "INSERT INTO check_ins (id, person_id, activity_id, centre_id, compound_id, area_path, method, client_id, \
           checkout_client_id, checked_in_at, checked_out_at, lat, lon, accuracy_m, distance_m, minutes, flagged, \
           flag_reason, verification, verified_by, verified_at, received_at) \
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], \
           $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[], $12::float8[], $13::float8[], $14::float8[], \
           $15::float8[], $16::int4[], $17::bool[], $18::text[], $19::text[], $20::uuid[], $21::timestamptz[], $22::timestamptz[])",
    )
    .bind::<Array<SqlUuid>, _>(rows.iter().map(|c| c.id).collect::<Vec<_>>())
    .bind::<Array<SqlUuid>, _>(rows.iter().map(|c| c.person_id).collect::<Vec<_>>())
    .bind::<Array<Nullable<SqlUuid>>, _>(rows.iter().map(|c| activity(c).map(|a| a.id)).collect::<Vec<_>>())
    .bind::<Array<Nullable<SqlUuid>>, _>(rows.iter().map(|c| activity(c).and_then(|a| a.centre_id)).collect::<Vec<_>>())
    .bind::<Array<Nullable<SqlUuid>>, _>(rows.iter().map(|c| activity(c).and_then(|a| a.compound_id)).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(rows.iter().map(|c| activity(c).map(|a| a.area_path.clone()).unwrap_or_default()).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(rows.iter().map(|c| c.method).collect::<Vec<_>>())
    .bind::<Array<Nullable<Text>>, _>(rows.iter().map(|c| c.client_id.clone()).collect::<Vec<_>>())
    .bind::<Array<Nullable<Text>>, _>(rows.iter().map(|c| c.checkout_client_id.clone()).collect::<Vec<_>>())
    .bind::<Array<Timestamptz>, _>(rows.iter().map(|c| c.checked_in_at).collect::<Vec<_>>())
    .bind::<Array<Timestamptz>, _>(rows.iter().map(|c| c.checked_out_at).collect::<Vec<_>>())
    .bind::<Array<Nullable<Double>>, _>(col(|c| c.lat))
    .bind::<Array<Nullable<Double>>, _>(col(|c| c.lon))
    .bind::<Array<Nullable<Double>>, _>(col(|c| c.accuracy_m))
    .bind::<Array<Nullable<Double>>, _>(col(|c| c.distance_m))
    .bind::<Array<Integer>, _>(rows.iter().map(|c| c.minutes).collect::<Vec<_>>())
    .bind::<Array<Bool>, _>(rows.iter().map(|c| c.flagged).collect::<Vec<_>>())
    .bind::<Array<Nullable<Text>>, _>(rows.iter().map(|c| c.flag_reason).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(rows.iter().map(|c| c.verification).collect::<Vec<_>>())
    .bind::<Array<Nullable<SqlUuid>>, _>(rows.iter().map(|c| c.verified_by).collect::<Vec<_>>())
    .bind::<Array<Nullable<Timestamptz>>, _>(rows.iter().map(|c| c.verified_at).collect::<Vec<_>>())
    .bind::<Array<Timestamptz>, _>(rows.iter().map(|c| c.received_at).collect::<Vec<_>>())
    .execute(tx)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::{Datelike, Weekday};

    use super::*;

    /// A check-in's (in, out).
    type Window = (DateTime<Utc>, DateTime<Utc>);

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    /// Ids from a counter: two plans of the same world are comparable.
    fn counter(start: u128) -> impl FnMut() -> Uuid {
        let mut next = start;
        move || {
            next += 1;
            id(next)
        }
    }

    const SHOWCASE_COMPOUND_ID: u128 = 1_000;
    const SHOWCASE_TEAM_ID: u128 = 5_000;
    const SHOWCASE_CENTRE_ID: u128 = 4_000;
    const VOLUNTEER_ID: u128 = 9_000;
    const LEADER_ID: u128 = 9_001;
    const LEADER_USER_ID: u128 = 9_500;

    /// Two subdistricts (one of the focus, one elsewhere) of three communities each, three
    /// compounds and two centres per community, two or three teams per community, and 150
    /// in-service members spread over the compounds (the demo volunteer among them).
    fn world() -> World {
        let district = id(1);
        let mut compounds = Vec::new();
        let mut centres = Vec::new();
        let mut teams = Vec::new();
        let mut n = 100u128;
        for (s, subdistrict) in ["洞井街道", "雨花亭街道"].iter().enumerate() {
            let sd = id(10 + s as u128);
            for c in 0..3u128 {
                let community = id(20 + s as u128 * 10 + c);
                let cpath = format!("/{district}/{sd}/{community}/");
                for k in 0..3u128 {
                    let cid = if s == 0 && c == 0 && k == 0 {
                        id(SHOWCASE_COMPOUND_ID)
                    } else {
                        n += 1;
                        id(n)
                    };
                    compounds.push(CompoundInfo {
                        id: cid,
                        path: format!("{cpath}{cid}/"),
                        // One compound without coordinates: compound themes fall back.
                        lat: (k != 2 || c != 1).then_some(28.1 + k as f64 * 0.001),
                        lon: Some(113.0 + c as f64 * 0.001),
                    });
                }
                for k in 0..2u128 {
                    let cid = if s == 0 && c == 0 && k == 0 {
                        id(SHOWCASE_CENTRE_ID)
                    } else {
                        n += 1;
                        id(n)
                    };
                    centres.push(CentreInfo {
                        id: cid,
                        name: if k == 0 {
                            format!("社区{s}{c}邻里中心")
                        } else {
                            format!("社区{s}{c}邻里驿站")
                        },
                        community_path: cpath.clone(),
                        lat: 28.1,
                        lon: 113.0,
                        radius_m: 100 + 50 * k as i32,
                    });
                }
                for k in 0..(2 + c % 2) {
                    let tid = if s == 0 && c == 0 && k == 0 {
                        id(SHOWCASE_TEAM_ID)
                    } else {
                        n += 1;
                        id(n)
                    };
                    teams.push(TeamInfo {
                        id: tid,
                        name: format!("队{s}{c}{k}"),
                        area_path: cpath.clone(),
                        subdistrict: (*subdistrict).to_owned(),
                        // One team without a 队长: its first member leads.
                        leader: (k != 1 || c != 2).then(|| id(7_000 + tid.as_u128())),
                    });
                }
            }
        }
        let mut members: Vec<Member> = (0..150u128)
            .map(|i| Member {
                id: id(20_000 + i),
                employer: Some(format!("单位{}", i % 7)),
                home: compounds
                    .get((i as usize * 7) % compounds.len())
                    .map(|c| c.id),
            })
            .collect();
        members.insert(
            40,
            Member {
                id: id(VOLUNTEER_ID),
                employer: Some(VOLUNTEER_EMPLOYER.to_owned()),
                home: Some(id(SHOWCASE_COMPOUND_ID)),
            },
        );
        World {
            members,
            compounds,
            teams,
            centres,
            showcase: Showcase {
                compound: id(SHOWCASE_COMPOUND_ID),
                team: id(SHOWCASE_TEAM_ID),
                centre: Some(id(SHOWCASE_CENTRE_ID)),
                volunteer: id(VOLUNTEER_ID),
                leader: id(LEADER_ID),
                leader_user: Some(id(LEADER_USER_ID)),
                secretary_user: Some(id(9_501)),
            },
        }
    }

    fn planned() -> Plan {
        plan(&world(), &DemoCalendar::story(), &mut counter(1_000_000))
    }

    #[test]
    fn the_calendar_constants_agree() {
        assert_eq!(FIRST_MONDAY.weekday(), Weekday::Mon);
        assert_eq!((TODAY - FIRST_MONDAY).num_weeks(), 26);
        let last_week = FIRST_MONDAY + TimeDelta::weeks(WEEKS - 1);
        assert!(last_week <= LAST_DAY && LAST_DAY < last_week + TimeDelta::weeks(1));
        assert_eq!(china_date(china_time(TODAY, 23 * 60 + 59)), TODAY);
        assert_eq!(china_date(china_time(TODAY, 0)), TODAY);
    }

    #[test]
    fn the_plan_is_deterministic() {
        let (a, b) = (planned(), planned());
        assert_eq!(a, b);
        assert!(!a.reports.is_empty() && !a.activities.is_empty() && !a.check_ins.is_empty());
    }

    #[test]
    fn sessions_stay_within_the_activity_window() {
        let starts = china_time(ymd(2026, 9, 1), 9 * 60);
        for length in [120, 150, 180, 240] {
            let ends = starts + TimeDelta::minutes(length);
            let mut flagged = 0;
            for k in 0..5_000u64 {
                let s = session(starts, ends, mix(&[k]), false);
                assert!(s.checked_in_at >= starts - TimeDelta::minutes(10));
                assert!(s.checked_in_at <= starts + TimeDelta::minutes(10));
                assert!(s.checked_out_at > s.checked_in_at);
                assert!(s.checked_out_at >= ends - TimeDelta::minutes(15));
                assert!(s.checked_out_at <= ends + TimeDelta::minutes(10));
                assert_eq!(
                    i64::from(s.minutes),
                    minutes_between(s.checked_in_at, s.checked_out_at)
                );
                assert!((length - 25..=length + 20).contains(&i64::from(s.minutes)));
                if s.flagged {
                    assert_eq!(s.checked_out_at, ends, "closed at the end when forgotten");
                    flagged += 1;
                }
            }
            assert!(
                (100..=300).contains(&flagged),
                "about 4 % flagged: {flagged}"
            );
        }
    }

    #[test]
    fn activities_are_well_formed_and_capacity_is_never_exceeded() {
        let w = world();
        let p = planned();
        let mut signed: BTreeMap<Uuid, i32> = BTreeMap::new();
        let mut pairs = HashSet::new();
        for s in &p.signups {
            assert!(
                pairs.insert((s.activity_id, s.person_id)),
                "one sign-up per person"
            );
            if s.status == "signed" {
                *signed.entry(s.activity_id).or_default() += 1;
            }
        }
        for a in &p.activities {
            assert!(a.starts_at < a.ends_at && a.ends_at <= a.starts_at + TimeDelta::hours(24));
            assert!((10..=40).contains(&a.capacity), "{}", a.capacity);
            assert!(signed.get(&a.id).copied().unwrap_or(0) <= a.capacity);
            assert_eq!(china_date(a.starts_at), a.day);
            assert!(FIRST_MONDAY <= a.day && a.day <= LAST_DAY);
            assert!(a.created_at <= a.starts_at && a.created_at <= morning_of_today());
            match (a.centre_id, a.compound_id) {
                (Some(c), None) => {
                    let centre = w.centres.iter().find(|x| x.id == c);
                    assert_eq!(
                        centre.map(|x| x.community_path.as_str()),
                        Some(a.area_path.as_str())
                    );
                }
                (None, Some(c)) => {
                    let compound = w.compounds.iter().find(|x| x.id == c);
                    assert_eq!(
                        compound.map(|x| x.path.as_str()),
                        Some(a.area_path.as_str())
                    );
                }
                _ => panic!("exactly one of centre and compound"),
            }
            if a.status == "cancelled" {
                assert!(!signed.contains_key(&a.id));
            }
        }
        for s in &p.signups {
            let a = p.activities.iter().find(|a| a.id == s.activity_id);
            assert!(a.is_some_and(|a| s.created_at <= a.starts_at && s.created_at >= a.created_at));
        }
        // Two or three a week in the focus subdistrict, a handful elsewhere.
        let focus: Vec<&PlannedActivity> = p
            .activities
            .iter()
            .filter(|a| {
                a.area_path
                    .starts_with(parent_path(&w.centres[0].community_path))
            })
            .collect();
        let weeks = WEEKS as usize;
        assert!(
            (2 * weeks..=3 * weeks + 3).contains(&focus.len()),
            "{}",
            focus.len()
        );
        assert!((5..=15).contains(&(p.activities.len() - focus.len())));
        assert!(
            p.activities.iter().filter(|a| a.team_id.is_some()).count() * 10
                >= p.activities.len() * 8
        );
    }

    #[test]
    fn check_ins_are_closed_and_only_for_past_activities() {
        let w = world();
        let p = planned();
        let signed: HashSet<(Uuid, Uuid)> = p
            .signups
            .iter()
            .filter(|s| s.status == "signed")
            .map(|s| (s.activity_id, s.person_id))
            .collect();
        let mut per_person: HashMap<Uuid, Vec<Window>> = HashMap::new();
        let mut client_ids = HashSet::new();
        for c in &p.check_ins {
            let Some(a) = p.activities.get(c.activity) else {
                panic!("check-in of an unknown activity");
            };
            assert!(a.day < TODAY && a.status == "open");
            assert!(signed.contains(&(a.id, c.person_id)));
            assert!(c.checked_out_at >= c.checked_in_at);
            assert!(c.checked_in_at >= a.starts_at - TimeDelta::minutes(10));
            assert!(c.checked_out_at <= a.ends_at + TimeDelta::minutes(10));
            assert_eq!(
                i64::from(c.minutes),
                minutes_between(c.checked_in_at, c.checked_out_at)
            );
            assert_eq!(c.flag_reason.is_some(), c.flagged);
            if c.flagged {
                assert_eq!(c.checked_out_at, a.ends_at);
            }
            match c.method {
                "qr" => assert!(a.centre_id.is_some() && c.distance_m.is_none()),
                "geofence" => {
                    let d = c.distance_m.unwrap_or(f64::MAX);
                    assert!(d <= f64::from(a.radius_m), "{d} m outside {} m", a.radius_m);
                }
                other => panic!("method {other}"),
            }
            assert_eq!(c.verified_at.is_some(), c.verification != "pending");
            if let Some(at) = c.verified_at {
                assert!(at >= c.checked_out_at && at <= morning_of_today());
            }
            if c.person_id == w.showcase.leader {
                assert_eq!(c.verified_by, None, "nobody verifies their own hours");
            }
            for id in [&c.client_id, &c.checkout_client_id].into_iter().flatten() {
                assert!((8..=64).contains(&id.len()));
                assert!(client_ids.insert(id.clone()));
            }
            per_person
                .entry(c.person_id)
                .or_default()
                .push((c.checked_in_at, c.checked_out_at));
        }
        for sessions in per_person.values_mut() {
            sessions.sort();
            assert!(
                sessions.windows(2).all(|s| s[0].1 <= s[1].0),
                "sessions overlap"
            );
        }
        let count = |v: &str| p.check_ins.iter().filter(|c| c.verification == v).count();
        assert!(count("verified") > count("pending") && count("pending") > 0);
        assert!(count("rejected") < p.check_ins.len() / 20);
        assert!(p.check_ins.iter().any(|c| c.flagged));
        // Only the last two weeks wait for verification.
        assert!(p.check_ins.iter().all(|c| {
            c.verification != "pending"
                || p.activities
                    .get(c.activity)
                    .is_some_and(|a| (TODAY - a.day).num_days() <= RECENT_DAYS)
        }));
    }

    #[test]
    fn one_active_report_per_person_and_the_showcase_secretary_has_work() {
        let w = world();
        let p = planned();
        let mut active: HashMap<Uuid, usize> = HashMap::new();
        for r in &p.reports {
            if matches!(r.status, "requested" | "confirmed") {
                *active.entry(r.person_id).or_default() += 1;
            }
            assert_eq!(r.decided_at.is_some(), r.status != "requested");
            assert!(r.decided_at.is_none_or(|d| d > r.requested_at));
            assert!(r.requested_at < morning_of_today());
            assert!(
                w.compounds
                    .iter()
                    .any(|c| c.id == r.compound_id && c.path == r.area_path)
            );
            assert!(r.employer.is_some());
        }
        assert!(active.values().all(|n| *n == 1));
        let mine: Vec<&PlannedReport> = p
            .reports
            .iter()
            .filter(|r| r.person_id == w.showcase.volunteer)
            .collect();
        assert_eq!(mine.len(), 1);
        assert!(mine.iter().all(|r| r.status == "confirmed"
            && r.compound_id == w.showcase.compound
            && r.decided_by == w.showcase.secretary_user));
        assert!(
            p.reports
                .iter()
                .any(|r| r.status == "requested" && r.compound_id == w.showcase.compound)
        );
        let confirmed = p.reports.iter().filter(|r| r.status == "confirmed").count();
        assert!(
            confirmed * 100 >= w.members.len() * 85,
            "{confirmed} of {}",
            w.members.len()
        );
    }

    #[test]
    fn teams_have_one_leader_and_members_of_their_area() {
        let w = world();
        let p = planned();
        let confirmed_in: HashMap<Uuid, &str> = p
            .reports
            .iter()
            .filter(|r| r.status == "confirmed")
            .map(|r| (r.person_id, r.area_path.as_str()))
            .collect();
        let mut by_team: BTreeMap<Uuid, Vec<&PlannedMember>> = BTreeMap::new();
        for m in &p.members {
            by_team.entry(m.team_id).or_default().push(m);
            assert!(m.joined_on < TODAY);
        }
        // Every team of this small world is chosen.
        assert_eq!(by_team.len(), w.teams.len());
        for (team_id, members) in &by_team {
            let Some(team) = w.teams.iter().find(|t| t.id == *team_id) else {
                panic!("unknown team");
            };
            assert_eq!(members.iter().filter(|m| m.role == "leader").count(), 1);
            let plain = members.iter().filter(|m| m.role == "member").count();
            assert!(
                (4..=15).contains(&plain),
                "{} has {plain} members",
                team.name
            );
            for m in members.iter().filter(|m| m.role == "member") {
                let area = confirmed_in.get(&m.person_id).copied().unwrap_or_default();
                assert!(
                    area.starts_with(&team.area_path),
                    "members report in the team's area"
                );
            }
            let people: HashSet<Uuid> = members.iter().map(|m| m.person_id).collect();
            assert_eq!(people.len(), members.len());
        }
        let showcase = by_team.get(&w.showcase.team).cloned().unwrap_or_default();
        assert!(
            showcase
                .iter()
                .any(|m| m.person_id == w.showcase.leader && m.role == "leader")
        );
        assert!(showcase.iter().any(|m| m.person_id == w.showcase.volunteer
            && m.role == "member"
            && m.joined_on == VOLUNTEER_JOINED));
    }

    #[test]
    fn the_story_moves_to_any_load_day_by_whole_days() {
        let w = world();
        let story = planned();
        for (y, m, d) in [
            (2026, 12, 1),
            (2027, 12, 7),
            (2028, 2, 29),
            (2028, 3, 31),
            (2026, 8, 3),
        ] {
            let today = ymd(y, m, d);
            let cal = DemoCalendar::for_today(today);
            let p = plan(&w, &cal, &mut counter(1_000_000));
            let morning = china_time(today, 8 * 60);
            let midnight = china_time(today, 0);
            assert_eq!(p.activities.len(), story.activities.len());
            assert_eq!(p.signups.len(), story.signups.len());
            assert_eq!(p.check_ins.len(), story.check_ins.len());
            for a in &p.activities {
                assert_eq!(china_date(a.starts_at), a.day);
                assert!(cal.day(FIRST_MONDAY) <= a.day && a.day <= today + TimeDelta::days(21));
                assert!(a.created_at <= a.starts_at && a.created_at <= morning);
            }
            // Check-ins only of days before the load day, none in the future.
            for c in &p.check_ins {
                let a = p.activities.get(c.activity);
                assert!(a.is_some_and(|a| a.day < today && a.ends_at <= midnight));
                assert!(c.checked_in_at < midnight && c.checked_out_at < midnight);
                assert!(c.received_at < morning);
                assert!(
                    c.verified_at
                        .is_none_or(|t| t <= morning && t >= c.checked_out_at)
                );
                if c.verification == "pending" {
                    assert!(a.is_some_and(|a| (today - a.day).num_days() <= RECENT_DAYS));
                }
            }
            for r in &p.reports {
                assert!(r.requested_at < morning);
                assert!(
                    r.decided_at
                        .is_none_or(|t| t > r.requested_at && t < morning)
                );
            }
            for s in &p.signups {
                assert!(s.created_at <= morning);
            }
            for m in &p.members {
                assert!(m.joined_on < today);
                if m.role == "leader" && w.teams.iter().any(|t| t.leader == Some(m.person_id)) {
                    assert_eq!(m.joined_on, cal.date(TEAM_FOUNDED));
                }
            }
            // Today's and tomorrow's live activities, the demo volunteer signed up for both
            // of today's and tomorrow's, later ones left for a live sign-up.
            let live: Vec<&PlannedActivity> = p
                .activities
                .iter()
                .filter(|a| a.centre_id == w.showcase.centre && a.status == "open")
                .filter(|a| a.day == today || a.day == today + TimeDelta::days(1))
                .filter(|a| a.title == "邻里中心志愿服务站值守" || a.title == "冬季夜间平安巡逻")
                .collect();
            assert_eq!(live.len(), 3, "{today}");
            assert!(
                live.iter()
                    .any(|a| a.starts_at == china_time(today, 8 * 60 + 30)
                        && a.ends_at == china_time(today, 20 * 60 + 30))
            );
            for a in &live {
                assert!(p.signups.iter().any(|s| s.activity_id == a.id
                    && s.person_id == w.showcase.volunteer
                    && s.status == "signed"));
            }
            let after_live = today + TimeDelta::days(2);
            assert!(p.signups.iter().all(|s| {
                s.person_id != w.showcase.volunteer
                    || p.activities
                        .iter()
                        .any(|a| a.id == s.activity_id && a.day < after_live)
            }));
            assert!(p.check_ins.iter().any(|c| c.verification == "pending"
                && c.flagged
                && c.person_id == w.showcase.volunteer));
        }
        // A load on 7 December 2026 is the story eleven days later, all else alike.
        let moved = plan(
            &w,
            &DemoCalendar::for_today(ymd(2026, 12, 7)),
            &mut counter(1_000_000),
        );
        let eleven = TimeDelta::days(11);
        assert!(
            moved
                .activities
                .iter()
                .zip(&story.activities)
                .all(|(a, b)| {
                    a.day == b.day + eleven
                        && a.starts_at == b.starts_at + eleven
                        && a.title == b.title
                })
        );
        assert!(moved.check_ins.iter().zip(&story.check_ins).all(|(a, b)| {
            a.checked_in_at == b.checked_in_at + eleven && a.verification == b.verification
        }));
    }

    #[test]
    fn the_demo_users_have_history_and_a_live_activity_today() {
        let w = world();
        let p = planned();
        let live: Vec<&PlannedActivity> = p
            .activities
            .iter()
            .filter(|a| a.day == TODAY && a.centre_id == w.showcase.centre && a.status == "open")
            .collect();
        assert!(
            live.iter()
                .any(|a| a.starts_at == china_time(TODAY, 8 * 60 + 30)
                    && a.ends_at == china_time(TODAY, 20 * 60 + 30))
        );
        for a in &live {
            assert!(p.signups.iter().any(|s| s.activity_id == a.id
                && s.person_id == w.showcase.volunteer
                && s.status == "signed"));
        }
        for person in [w.showcase.volunteer, w.showcase.leader] {
            let verified: i32 = p
                .check_ins
                .iter()
                .filter(|c| c.person_id == person && c.verification == "verified")
                .map(|c| c.minutes)
                .sum();
            assert!(verified >= 20 * 60, "hours of service: {verified} minutes");
        }
        // The leader's queue: the team's recent check-ins wait for them, one of them closed
        // by the sweeper.
        assert!(p.check_ins.iter().any(|c| c.verification == "pending"
            && c.flagged
            && c.person_id == w.showcase.volunteer));
        // Later activities are left for a live sign-up.
        assert!(p.signups.iter().all(|s| {
            s.person_id != w.showcase.volunteer
                || p.activities
                    .iter()
                    .any(|a| a.id == s.activity_id && a.day < AFTER_LIVE)
        }));
        assert!(
            p.activities
                .iter()
                .any(|a| a.day >= AFTER_LIVE && a.team_id == Some(w.showcase.team))
        );
        assert!(
            p.check_ins
                .iter()
                .any(|c| c.verification == "pending" && c.person_id == w.showcase.volunteer)
        );
        let by_leader = p
            .check_ins
            .iter()
            .filter(|c| c.verified_by == w.showcase.leader_user)
            .count();
        assert!(by_leader > 0);
    }

    #[test]
    fn forty_teams_are_chosen_with_the_showcase_and_the_focus_first() {
        let teams: Vec<TeamInfo> = (0..120u128)
            .map(|i| TeamInfo {
                id: id(i),
                name: format!("队{i}"),
                area_path: format!("/d/{}/", i / 8),
                subdistrict: ["东塘街道", "洞井街道", "左家塘街道", "高桥街道"][(i / 30) as usize]
                    .to_owned(),
                leader: None,
            })
            .collect();
        let chosen = select_teams(&teams, id(7));
        assert_eq!(chosen.len(), TEAMS_WITH_MEMBERS);
        assert!(chosen.windows(2).all(|p| p[0] < p[1]), "distinct, in order");
        assert!(chosen.contains(&7));
        let focus = chosen
            .iter()
            .filter(|&&i| {
                teams
                    .get(i)
                    .is_some_and(|t| FOCUS.contains(&t.subdistrict.as_str()))
            })
            .count();
        assert_eq!(focus, TEAMS_WITH_MEMBERS - 1);
        assert_eq!(select_teams(&teams[..10], id(99)).len(), 10);
    }

    #[test]
    fn the_showcase_team_falls_back_to_the_community_then_the_subdistrict() {
        let team = |n: u128, name: &str, path: &str| TeamInfo {
            id: id(n),
            name: name.to_owned(),
            area_path: path.to_owned(),
            subdistrict: String::new(),
            leader: None,
        };
        let teams = vec![
            team(1, "洞井红色管家志愿服务队", "/d/s/"),
            team(2, "融城平安巡逻志愿服务队", "/d/s/c/"),
            team(3, SHOWCASE_TEAM, "/d/s/c/"),
        ];
        assert_eq!(pick_showcase_team(&teams, "/d/s/c/", "/d/s/"), Some(2));
        assert_eq!(pick_showcase_team(&teams[..2], "/d/s/c/", "/d/s/"), Some(1));
        assert_eq!(pick_showcase_team(&teams[..1], "/d/s/c/", "/d/s/"), Some(0));
        assert_eq!(pick_showcase_team(&teams[..1], "/d/t/c/", "/d/t/"), None);
        assert_eq!(parent_path("/a/b/c/"), "/a/b/");
        assert_eq!(parent_path("/a/"), "/");
    }
}
