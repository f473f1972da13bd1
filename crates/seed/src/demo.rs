//! The demo district: Yuhua (雨花区) as the source document describes it.
//!
//! Named places and figures come from the source; the remaining compounds are generated
//! deterministically so every run produces the same district. Seeding is idempotent: a
//! second run finds the district by its code and only makes sure the demo users exist.
//!
//! The demo's story is written as of 26 November 2026 and told as of the day it is loaded:
//! [`seed`] reads today from the clock and hands every module the same
//! [`DemoCalendar`] (see `demo_calendar`), so the seed is deterministic for a given load day.

use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{area::AreaPath, clock::Clock, compound::GovernanceMode, policy::Role};
use uuid::Uuid;

use crate::demo_calendar::{DemoCalendar, STORY_TODAY};
use linli_persistence::{
    StoreError,
    error::StoreResult,
    schema::{areas, compounds},
    users,
};

/// Administrative code of 雨花区; its presence means the district is seeded.
pub const DISTRICT_CODE: &str = "430111";
/// Compounds in the demo district (the source: 425 party organisations cover 547 of them).
pub const COMPOUND_TOTAL: usize = 600;

/// A demo user: username, display name, role, and the name of the area of the grant.
pub const DEMO_USERS: &[(&str, &str, Role, &str)] = &[
    ("admin", "区级管理员", Role::DistrictAdmin, "雨花区"),
    (
        "houjiatang",
        "侯家塘街道工作人员",
        Role::SubdistrictStaff,
        "侯家塘街道",
    ),
    (
        "ziyuan",
        "梓园社区工作人员",
        Role::CommunityStaff,
        "梓园社区",
    ),
    (
        "rongcheng.property",
        "融城花苑物业员工",
        Role::PropertyStaff,
        "融城花苑",
    ),
    (
        "rongcheng.secretary",
        "融城花苑党支部书记",
        Role::CompoundSecretary,
        "融城花苑",
    ),
    ("weiji.resident", "卫技新村居民", Role::Resident, "卫技新村"),
    (
        "weiji.committee",
        "卫技新村自治委员会委员",
        Role::CommitteeMember,
        "卫技新村",
    ),
    (
        "auditor",
        "湖南湘审会计师事务所审计员",
        Role::Auditor,
        "雨花区",
    ),
    (
        "rongcheng.committee",
        "融城花苑业委会委员",
        Role::CommitteeMember,
        "融城花苑",
    ),
    // The district finance office's two officers: one prepares payment cycles, the other
    // approves them (four eyes).
    (
        "finance.maker",
        "区财政局经办人",
        Role::FinanceOfficer,
        "雨花区",
    ),
    (
        "finance.checker",
        "区财政局审核人",
        Role::FinanceOfficer,
        "雨花区",
    ),
    // Volunteer service: an in-service party member (雨花区卫生健康局) living in 融城花苑 who
    // reported there and serves in 融城社区's team, and that team's leader, who verifies its
    // hours. `demo_volunteering` links both to their person records.
    ("volunteer", "融城花苑报到党员", Role::Volunteer, "洞井街道"),
    (
        "team.leader",
        "融城社区志愿队队长",
        Role::Volunteer,
        "洞井街道",
    ),
];

/// What a seeding run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub district_created: bool,
    pub areas: usize,
    pub compounds: usize,
    pub users_created: usize,
    /// The public revenue books and the audit campaign (all zero when already present).
    pub revenue: crate::demo_public_revenue::RevenueReport,
    /// The allowance programme, its assessments and payment cycles (zero when present).
    pub allowances: crate::demo_allowances::AllowanceReport,
    /// Reports, teams, activities, sign-ups and check-ins (zero when present).
    pub volunteering: crate::demo_volunteering::VolunteeringReport,
}

const SUBDISTRICTS: &[&str] = &[
    "侯家塘街道",
    "左家塘街道",
    "同升街道",
    "雨花亭街道",
    "高桥街道",
    "洞井街道",
    "黎托街道",
    "东山街道",
    "砂子塘街道",
    "圭塘街道",
    "井湾子街道",
    "东塘街道",
    "桂花坪街道",
    "跳马镇",
];

const COMMUNITY_STEMS: &[&str] = &[
    "新塘", "枫树", "香樟", "湘府", "朝阳", "长塘", "东湖", "圭白", "福园", "莲湖",
];

const NAME_STEMS: &[&str] = &[
    "锦华", "金桂", "翠竹", "枫林", "湘江", "雅园", "紫荆", "红星", "长丰", "泰和", "和平", "东方",
    "丽景", "明珠", "书香", "银杉", "永安", "德馨", "芙蓉", "桂园", "梅溪", "松雅", "兰亭", "星沙",
    "振华", "锦绣", "嘉禾", "康宁", "福源", "瑞丰", "天心", "月湖", "青园", "新华", "金盆", "白沙",
    "木莲", "景泰", "高升", "万家",
];

const NAME_SUFFIXES: &[&str] = &[
    "花园", "小区", "新村", "家园", "公寓", "雅苑", "名苑", "山庄", "里", "公馆", "佳园", "嘉园",
    "华府", "广场", "城", "苑",
];

#[derive(Insertable)]
#[diesel(table_name = areas)]
struct AreaInsert {
    id: Uuid,
    parent_id: Option<Uuid>,
    kind: &'static str,
    name: String,
    code: Option<String>,
    path: String,
    depth: i32,
}

#[derive(Insertable)]
#[diesel(table_name = compounds)]
struct CompoundInsert {
    id: Uuid,
    address: String,
    lat: Option<f64>,
    lon: Option<f64>,
    year_built: Option<i32>,
    building_count: i32,
    household_count: i32,
    is_open: bool,
    governance_mode: &'static str,
}

/// A named compound of the source document.
struct Named {
    subdistrict: &'static str,
    community: &'static str,
    name: &'static str,
    mode: GovernanceMode,
    year_built: i32,
    buildings: i32,
    is_open: bool,
}

const NAMED: &[Named] = &[
    Named {
        subdistrict: "洞井街道",
        community: "融城社区",
        name: "融城花苑",
        mode: GovernanceMode::PropertyManaged,
        year_built: 2002,
        buildings: 20,
        is_open: false,
    },
    Named {
        subdistrict: "左家塘街道",
        community: "卫技社区",
        name: "卫技新村",
        mode: GovernanceMode::SelfManaged,
        year_built: 1998,
        buildings: 8,
        is_open: true,
    },
    Named {
        subdistrict: "左家塘街道",
        community: "桂花社区",
        name: "桂花小区",
        mode: GovernanceMode::Entrusted,
        year_built: 1995,
        buildings: 12,
        is_open: false,
    },
    Named {
        subdistrict: "同升街道",
        community: "桃阳社区",
        name: "桃阳小区",
        mode: GovernanceMode::Entrusted,
        year_built: 2008,
        buildings: 16,
        is_open: false,
    },
    Named {
        subdistrict: "同升街道",
        community: "新兴社区",
        name: "新兴小区",
        mode: GovernanceMode::Entrusted,
        year_built: 2010,
        buildings: 14,
        is_open: false,
    },
    Named {
        subdistrict: "圭塘街道",
        community: "紫金社区",
        name: "紫金苑",
        mode: GovernanceMode::PropertyManaged,
        year_built: 2006,
        buildings: 18,
        is_open: false,
    },
    Named {
        subdistrict: "井湾子街道",
        community: "山水社区",
        name: "城市山水豪园",
        mode: GovernanceMode::PropertyManaged,
        year_built: 2004,
        buildings: 24,
        is_open: false,
    },
];

/// 梓园社区: 55 old buildings; 27 of them in nine micro-compounds bundled under one company.
const ZIYUAN_MICRO: &[&str] = &[
    "梓园一片",
    "梓园二片",
    "梓园三片",
    "梓园四片",
    "梓园五片",
    "梓园六片",
    "梓园七片",
    "梓园八片",
    "梓园九片",
];
const ZIYUAN_OTHERS: &[(&str, i32, GovernanceMode)] = &[
    ("梓园新居", 10, GovernanceMode::PropertyManaged),
    ("机械厂宿舍", 7, GovernanceMode::SelfManaged),
    ("纺织厂宿舍", 6, GovernanceMode::SelfManaged),
    ("梓园雅苑", 5, GovernanceMode::PropertyManaged),
];

struct Plan {
    areas: Vec<AreaInsert>,
    compounds: Vec<CompoundInsert>,
}

impl Plan {
    fn add_area(
        &mut self,
        parent: Option<(&Uuid, &AreaPath, i32)>,
        kind: &'static str,
        name: String,
        code: Option<String>,
    ) -> (Uuid, AreaPath, i32) {
        let id = Uuid::now_v7();
        let (path, depth) = match parent {
            Some((_, p, d)) => (p.child(id), d + 1),
            None => (AreaPath::root(id), 0),
        };
        self.areas.push(AreaInsert {
            id,
            parent_id: parent.map(|(pid, _, _)| *pid),
            kind,
            name,
            code,
            path: path.as_str().to_owned(),
            depth,
        });
        (id, path, depth)
    }

    #[expect(clippy::too_many_arguments, reason = "a flat row of demo facts")]
    fn add_compound(
        &mut self,
        community: &(Uuid, AreaPath, i32),
        name: String,
        address: String,
        seq: usize,
        year_built: i32,
        buildings: i32,
        is_open: bool,
        mode: GovernanceMode,
        with_buildings: bool,
    ) {
        let compound = self.add_area(
            Some((&community.0, &community.1, community.2)),
            "compound",
            name,
            None,
        );
        // Spread compounds over Yuhua's footprint around (28.11 N, 113.03 E).
        let lat = 28.06 + ((seq * 37) % 100) as f64 * 0.0011;
        let lon = 112.99 + ((seq * 53) % 100) as f64 * 0.0012;
        self.compounds.push(CompoundInsert {
            id: compound.0,
            address,
            lat: Some((lat * 1e6).round() / 1e6),
            lon: Some((lon * 1e6).round() / 1e6),
            year_built: Some(year_built),
            building_count: buildings,
            household_count: buildings * (24 + (seq % 5) as i32 * 12),
            is_open,
            governance_mode: mode.as_str(),
        });
        if with_buildings {
            for b in 1..=buildings {
                self.add_area(
                    Some((&compound.0, &compound.1, compound.2)),
                    "building",
                    format!("{b}栋"),
                    None,
                );
            }
        }
    }
}

fn generated_mode(seq: usize) -> GovernanceMode {
    // Roughly the district's mix: most compounds have a property company.
    match seq % 20 {
        0..=10 => GovernanceMode::PropertyManaged,
        11..=15 => GovernanceMode::Entrusted,
        _ => GovernanceMode::SelfManaged,
    }
}

fn plan() -> Plan {
    let mut plan = Plan {
        areas: Vec::new(),
        compounds: Vec::new(),
    };
    let district = plan.add_area(
        None,
        "district",
        "雨花区".to_owned(),
        Some(DISTRICT_CODE.to_owned()),
    );
    let mut seq = 0usize;
    let mut communities: Vec<(String, (Uuid, AreaPath, i32))> = Vec::new();
    for (s_index, subdistrict) in SUBDISTRICTS.iter().enumerate() {
        let sd = plan.add_area(
            Some((&district.0, &district.1, district.2)),
            "subdistrict",
            (*subdistrict).to_owned(),
            Some(format!("{DISTRICT_CODE}{:03}", s_index + 1)),
        );
        let mut names: Vec<String> = NAMED
            .iter()
            .filter(|n| n.subdistrict == *subdistrict)
            .map(|n| n.community.to_owned())
            .collect();
        if *subdistrict == "侯家塘街道" {
            names.push("梓园社区".to_owned());
        }
        names.dedup();
        let mut stem = s_index;
        while names.len() < 4 {
            let candidate = format!("{}社区", COMMUNITY_STEMS[stem % COMMUNITY_STEMS.len()]);
            if !names.contains(&candidate) {
                names.push(candidate);
            }
            stem += 3;
        }
        for (c_index, name) in names.into_iter().enumerate() {
            let code = format!("{DISTRICT_CODE}{:03}{:03}", s_index + 1, c_index + 1);
            let community = plan.add_area(
                Some((&sd.0, &sd.1, sd.2)),
                "community",
                name.clone(),
                Some(code),
            );
            communities.push((name, community));
        }
    }
    let community_of = |name: &str, list: &[(String, (Uuid, AreaPath, i32))]| {
        list.iter().find(|(n, _)| n == name).map(|(_, c)| c.clone())
    };
    for named in NAMED {
        if let Some(community) = community_of(named.community, &communities) {
            plan.add_compound(
                &community,
                named.name.to_owned(),
                format!("长沙市雨花区{}{}", named.subdistrict, named.name),
                seq,
                named.year_built,
                named.buildings,
                named.is_open,
                named.mode,
                true,
            );
            seq += 1;
        }
    }
    if let Some(ziyuan) = community_of("梓园社区", &communities) {
        for name in ZIYUAN_MICRO {
            plan.add_compound(
                &ziyuan,
                (*name).to_owned(),
                format!("长沙市雨花区侯家塘街道梓园社区{name}"),
                seq,
                1985,
                3,
                true,
                GovernanceMode::Entrusted,
                true,
            );
            seq += 1;
        }
        for (name, buildings, mode) in ZIYUAN_OTHERS {
            plan.add_compound(
                &ziyuan,
                (*name).to_owned(),
                format!("长沙市雨花区侯家塘街道梓园社区{name}"),
                seq,
                1990,
                *buildings,
                false,
                *mode,
                true,
            );
            seq += 1;
        }
    }
    // 梓园社区 holds exactly its 55 buildings; generated compounds go everywhere else.
    communities.retain(|(name, _)| name != "梓园社区");
    let mut generated = 0usize;
    while plan.compounds.len() < COMPOUND_TOTAL {
        let (community_name, community) = &communities[generated % communities.len()];
        let name = format!(
            "{}{}",
            NAME_STEMS[generated % NAME_STEMS.len()],
            NAME_SUFFIXES[(generated / NAME_STEMS.len()) % NAME_SUFFIXES.len()]
        );
        let year = 1982 + ((generated * 7) % 42) as i32;
        let buildings = 2 + ((generated * 11) % 30) as i32;
        plan.add_compound(
            community,
            name.clone(),
            format!("长沙市雨花区{community_name}{name}"),
            seq,
            year,
            buildings,
            generated.is_multiple_of(9),
            generated_mode(generated),
            false,
        );
        generated += 1;
        seq += 1;
    }
    plan
}

/// Loads the demo district (unless present) and makes sure the demo users exist with
/// their grants. `password_hash` is the argon2id hash every new demo user gets; `clock`
/// says which day the demo's story is told as of (its date in China).
pub async fn seed(
    conn: &mut AsyncPgConnection,
    password_hash: &str,
    clock: &Clock,
) -> StoreResult<SeedReport> {
    let hash = password_hash.to_owned();
    let cal = DemoCalendar::for_today(clock.today());
    log::info!(
        "demo district told as of {} (story shifted {} months, volunteering {} days: {})",
        cal.today(),
        cal.months(),
        cal.days(),
        cal.key()
    );
    conn.transaction::<_, StoreError, _>(async |tx| {
        // Serialise concurrent seeders (two `make run`s at once) on one lock.
        linli_persistence::sql::query("SELECT pg_advisory_xact_lock(4301110001)")
            .execute(tx)
            .await?;
        let mut report = SeedReport::default();
        let exists: Option<Uuid> = areas::table
            .filter(areas::code.eq(DISTRICT_CODE))
            .select(areas::id)
            .first(tx)
            .await
            .optional()?;
        if exists.is_none() {
            let plan = plan();
            insert_in_batches!(tx, areas::table, plan.areas, 2000);
            insert_in_batches!(tx, compounds::table, plan.compounds, 2000);
            report.district_created = true;
            report.areas = plan.areas.len();
            report.compounds = plan.compounds.len();
        }
        for (username, display_name, role, area_name) in DEMO_USERS {
            let (user_id, created) = users::ensure(tx, username, display_name, &hash).await?;
            if created {
                report.users_created += 1;
            }
            let area_id: Uuid = areas::table
                .filter(areas::name.eq(area_name))
                .select(areas::id)
                .order(areas::depth.asc())
                .first(tx)
                .await?;
            users::ensure_grant(tx, user_id, *role, area_id).await?;
        }
        crate::demo_registry::seed(tx, &cal).await?;
        ensure_memberships(tx, &cal).await?;
        // Needs the registry's committees and firms, and the auditor's firm membership.
        report.revenue = crate::demo_public_revenue::seed(tx, &cal).await?;
        // Needs the registry's secretaries and the finance officers.
        report.allowances = crate::demo_allowances::seed(tx, &cal).await?;
        // Needs the registry's people, teams and centres, and the demo users to link.
        report.volunteering = crate::demo_volunteering::seed(tx, &cal).await?;
        Ok(report)
    })
    .await
}

#[derive(diesel::QueryableByName)]
struct Member {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    user_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    org_id: Uuid,
}

/// Demo staff act for their organisations: the property company serving 融城花苑 (under the
/// contract running on the story's today, on the load day's calendar) and the
/// self-governance committee of 卫技新村 handle complaints routed to them; the auditor works
/// the engagements of 湖南湘审; rongcheng.committee sits on 融城花苑's owners' committee (its
/// residents' committee if it has none).
async fn ensure_memberships(tx: &mut AsyncPgConnection, cal: &DemoCalendar) -> StoreResult<()> {
    let members: Vec<Member> = linli_persistence::sql::query(
        "SELECT u.id AS user_id, sc.company_id AS org_id FROM users u, areas a \
           JOIN contract_compounds cc ON cc.compound_id = a.id AND $1 BETWEEN cc.start_date AND cc.end_date \
           JOIN service_contracts sc ON sc.id = cc.contract_id \
           WHERE u.username = 'rongcheng.property' AND a.name = '融城花苑' \
         UNION ALL \
         SELECT u.id, o.id FROM users u, areas a \
           JOIN organisation_compounds oc ON oc.compound_id = a.id \
           JOIN organisations o ON o.id = oc.organisation_id AND o.kind = 'residents_committee' \
           WHERE u.username = 'weiji.committee' AND a.name = '卫技新村' \
         UNION ALL \
         SELECT u.id, o.id FROM users u, organisations o \
           WHERE u.username = 'auditor' AND o.kind = 'audit_firm' AND o.name = '湖南湘审会计师事务所有限公司' \
         UNION ALL \
         (SELECT u.id, o.id FROM users u, areas a \
           JOIN organisation_compounds oc ON oc.compound_id = a.id \
           JOIN organisations o ON o.id = oc.organisation_id AND o.kind IN ('owners_committee', 'residents_committee') \
           WHERE u.username = 'rongcheng.committee' AND a.name = '融城花苑' \
           ORDER BY o.kind = 'owners_committee' DESC, o.id LIMIT 1)",
    )
    .bind::<diesel::sql_types::Date, _>(cal.date(STORY_TODAY))
    .load(tx)
    .await?;
    for m in members {
        linli_persistence::complaints::ensure_member(tx, m.user_id, m.org_id).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_holds_the_source_figures() {
        let plan = plan();
        assert_eq!(plan.compounds.len(), COMPOUND_TOTAL);
        let mut names: Vec<(&Option<Uuid>, &String)> =
            plan.areas.iter().map(|a| (&a.parent_id, &a.name)).collect();
        let before = names.len();
        names.sort();
        names.dedup();
        assert_eq!(before, names.len(), "names must be unique per parent");
        let ziyuan = plan
            .areas
            .iter()
            .find(|a| a.name == "梓园社区")
            .map(|a| a.id);
        let in_ziyuan: Vec<&CompoundInsert> = plan
            .compounds
            .iter()
            .zip(plan.areas.iter().filter(|a| a.kind == "compound"))
            .filter(|(_, a)| a.parent_id == ziyuan)
            .map(|(c, _)| c)
            .collect();
        let total: i32 = in_ziyuan.iter().map(|c| c.building_count).sum();
        let bundled: i32 = in_ziyuan
            .iter()
            .filter(|c| c.governance_mode == "entrusted")
            .map(|c| c.building_count)
            .sum();
        assert_eq!((total, bundled), (55, 27));
    }
}
