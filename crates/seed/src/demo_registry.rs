//! The governance registry of the demo district 雨花区, with the source document's figures.
//!
//! `demo::seed` creates the areas and compounds; this module adds the bodies that govern
//! them (the "four-in-one" model and everything around it), the people holding their
//! posts, property service contracts (梓园's shared bundle included), neighbourhood
//! centres, volunteer teams and joint meetings.
//!
//! The work is split in two so the figures can be tested without a database: `plan` is a
//! pure, deterministic function of the district as read from the database and of the
//! [`DemoCalendar`] (every choice is derived from positions in name order, never from
//! randomness), and [`seed`] reads the district, plans, and inserts the rows in chunks
//! inside one transaction. A district that already has any organisation is left alone, so
//! running the seeder again changes nothing.
//!
//! Dates are the story's, written as of 26 November 2026 (committees elected in March 2025,
//! 融城花苑's joint meetings of the second to fourth quarters of 2026 and its contract
//! running out that December), and shift by whole months to the load day: 融城花苑's
//! contract runs out at the end of the load month, its last joint meeting was held on the
//! 10th of last month, and the other compounds' recent meetings fall within the 90 days
//! before the 26th of last month.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, compound::GovernanceMode, registry::OrgKind};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{demo::DISTRICT_CODE, demo_calendar::DemoCalendar};
use linli_persistence::{
    StoreError,
    error::StoreResult,
    schema::{
        action_items, areas, compounds, contract_compounds, joint_meetings, neighbourhood_centres,
        organisation_compounds, organisations, people, posts, service_contracts, users,
    },
};

/// Compound party organisations in the source document ...
pub const BRANCH_TOTAL: usize = 425;
/// ... and the compounds they cover (of the demo's 600).
pub const COVERED_TOTAL: usize = 547;
/// Property service companies in the demo district.
pub const COMPANY_TOTAL: usize = 60;
/// Property companies with their own party organisation (the source's figure).
pub const COMPANY_PARTY_ORG_TOTAL: usize = 48;
/// Neighbourhood centres (the source's figure).
pub const CENTRE_TOTAL: usize = 165;
/// Volunteer teams ("hundreds" in the source; enough to show the feature).
pub const VOLUNTEER_TEAM_TOTAL: usize = 120;
/// Compounds besides 融城花苑 given one recent joint meeting, so the "no joint meeting in 90
/// days" indicator shows both kinds of compound.
pub const RECENT_MEETING_TOTAL: usize = 200;
/// The demo company that takes 梓园社区's nine micro-compounds as one bundle (共享物业).
pub const ZIYUAN_COMPANY: &str = "梓园共享物业服务有限公司";

/// Rows per INSERT. PostgreSQL accepts at most 65535 bind parameters per statement; the
/// widest row here (a joint meeting) binds 10 columns.
const CHUNK: usize = 2000;
const _: () = assert!(CHUNK * 10 < 65_535);

/// Serialises with `demo::seed` (and a second seeder) on the same advisory lock; the lock
/// is re-entrant, so taking it again inside `demo::seed`'s transaction costs nothing.
const SEED_LOCK: i64 = 4_301_110_001;

/// A date known at compile time; a typo in a constant fails the build instead of a run.
const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid demo date"),
    }
}

/// "Today" of the demo's story: contracts are active and meetings recent relative to it (on
/// the load day's calendar, the 26th of last month).
const TODAY: NaiveDate = ymd(2026, 11, 26);
/// When the current owners' and supervisory committees were elected.
const COMMITTEES_ELECTED: NaiveDate = ymd(2025, 3, 1);
/// When the compound party branches took their current form.
const BRANCHES_FORMED: NaiveDate = ymd(2024, 1, 1);
/// When the residents' self-governance committees were set up.
const RESIDENTS_ORGANISED: NaiveDate = ymd(2024, 9, 1);
/// Start of the posts of secretaries, managers and team leaders.
const STAFF_SINCE: NaiveDate = ymd(2023, 1, 1);

/// Terms of single-compound contracts; all of them are running on [`TODAY`] (and, shifted,
/// on the load day: the first ends with the story's December, the load month).
const MANAGED_TERMS: [(NaiveDate, NaiveDate); 3] = [
    (ymd(2024, 1, 1), ymd(2026, 12, 31)),
    (ymd(2025, 7, 1), ymd(2028, 6, 30)),
    (ymd(2026, 1, 1), ymd(2028, 12, 31)),
];
/// Terms of bundle (shared property) contracts.
const BUNDLE_TERMS: [(NaiveDate, NaiveDate); 2] = [
    (ymd(2025, 1, 1), ymd(2027, 12, 31)),
    (ymd(2026, 1, 1), ymd(2028, 12, 31)),
];

/// Compounds named in the source: they keep their party organisation (see [`plan`]).
const NAMED_COMPOUNDS: &[&str] = &[
    "融城花苑",
    "卫技新村",
    "桂花小区",
    "桃阳小区",
    "新兴小区",
    "紫金苑",
    "城市山水豪园",
];
const RONGCHENG: &str = "融城花苑";
const WEIJI_COMMUNITY: &str = "卫技社区";
const WEIJI_COMPOUND: &str = "卫技新村";
const ZIYUAN_COMMUNITY: &str = "梓园社区";

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任",
    "沈", "姚", "卢", "谭", "廖", "易", "贺", "龚", "汤", "邹", "熊", "文",
];
const GIVEN_FIRST: &[&str] = &[
    "建", "国", "志", "明", "秀", "丽", "海", "晓", "文", "俊", "红", "金", "春", "玉", "德", "永",
    "雪", "小", "伟", "兰", "慧", "嘉", "子", "思", "佳", "雨", "诗", "浩", "宇", "梓",
];
/// Second given-name characters; one slot past the end stands for a one-character name.
const GIVEN_SECOND: &[&str] = &[
    "华", "平", "军", "芳", "英", "强", "辉", "敏", "杰", "静", "娟", "涛", "霞", "勇", "峰", "萍",
    "云", "刚", "琳", "亮", "婷", "超", "鹏", "欣", "怡", "轩", "涵", "博", "晨", "阳",
];
/// How many distinct names the lists make.
const NAME_SPACE: usize = SURNAMES.len() * GIVEN_FIRST.len() * (GIVEN_SECOND.len() + 1);
/// Walks the name space in a scattered order; coprime with [`NAME_SPACE`], so the first
/// `NAME_SPACE` people all get different names.
const NAME_STRIDE: usize = 7919;

/// Employers in-service party members (在职党员) report back to.
const EMPLOYERS: &[&str] = &[
    "长沙市中心医院",
    "雨花区人民政府",
    "湖南省交通厅",
    "长沙市雨花区教育局",
    "国网长沙供电公司",
    "中南大学",
    "湖南省人民医院",
    "长沙银行股份有限公司",
    "雨花区城市管理和综合执法局",
    "长沙市第一中学",
];

/// Stems of the generated property companies ("湖南嘉盛物业服务有限公司").
const COMPANY_STEMS: &[&str] = &[
    "嘉盛", "湘华", "恒安", "佳和", "中泰", "金穗", "鸿运", "瑞康", "德信", "顺达", "安居", "宏业",
    "新城", "康桥", "博雅", "天润", "荣盛", "华远", "福泰", "长青", "雅居", "和顺", "泰安", "明德",
    "润德", "广厦", "诚信", "立信", "宜居", "锦程", "华天", "湘诚", "恒泰", "金鹰", "国安", "正荣",
    "远达", "湘雅", "麓山", "岳麓", "东方", "南湖", "湘江", "圭塘", "芙蓉", "星城", "楚天", "潇湘",
    "三湘", "湘粤", "同创", "联创", "新力", "兴业", "民生", "阳光", "宏达", "汇通", "鑫源",
];

const AUDIT_FIRMS: &[&str] = &[
    "湖南湘审会计师事务所有限公司",
    "长沙信达会计师事务所有限公司",
    "湖南正衡会计师事务所有限公司",
    "湖南天平会计师事务所有限公司",
];

/// The source's two named volunteer teams and the communities given them (the source
/// does not say where they serve; these are showcase communities of the demo).
const SOURCE_TEAMS: &[(&str, &str)] = &[("左邻右里", "融城社区"), ("三色马甲", "紫金社区")];
/// Brands of the other teams, named after their community ("梓园银发先锋志愿服务队").
const TEAM_BRANDS: &[&str] = &[
    "红色管家",
    "银发先锋",
    "青春护苑",
    "邻里守望",
    "文明劝导",
    "爱心助老",
    "绿色家园",
    "平安巡逻",
];

/// Services every centre offers, and those that rotate between centres.
const CENTRE_CORE_SERVICES: &[&str] = &["党员服务", "志愿服务"];
const CENTRE_MORE_SERVICES: &[&str] = &[
    "老年活动",
    "儿童托管",
    "图书阅览",
    "健康义诊",
    "法律咨询",
    "便民维修",
];

/// (agenda title, discussion, resolution, follow-up) of ordinary joint meetings.
type Topic = (&'static str, &'static str, &'static str, &'static str);

const MANAGED_TOPICS: &[Topic] = &[
    (
        "物业服务质量季度评议",
        "业主代表反映楼道保洁不及时、绿化修剪不到位，物业公司逐项答复。",
        "物业公司针对评议意见制定整改清单，一个月内完成整改并向业委会报告。",
        "按整改清单完成保洁与绿化整改",
    ),
    (
        "小区停车秩序管理",
        "晚间车辆占用消防通道，业委会提出划线管理，监委会要求收费标准公开。",
        "重新施划停车位并在消防通道设置禁停标识，停车收费标准在公示栏公开。",
        "完成停车位施划与禁停标识设置",
    ),
    (
        "公共收益使用情况公示",
        "监委会核对电梯广告、场地租赁等公共收益台账，建议单独建账。",
        "公共收益单独建账，每季度在公示栏公布收支明细。",
        "公共收益单独建账并完成本季度公示",
    ),
    (
        "电梯维保与更新",
        "部分电梯运行超过十五年，业主反映故障频发，讨论维保与更新方案。",
        "委托专业机构对电梯进行安全评估，据评估结果提出维修资金使用方案。",
        "完成电梯安全评估",
    ),
];

const ENTRUSTED_TOPICS: &[Topic] = &[
    (
        "共享物业服务情况通报",
        "物业公司通报连片托管以来的保洁、巡查情况，居民代表提出夜间照明不足。",
        "增设楼栋间照明，物业公司每月向社区通报服务情况。",
        "增设楼栋间照明",
    ),
    (
        "老旧小区改造意见征集",
        "围绕管网改造、外墙修缮征集居民意见，讨论施工期间的出行安排。",
        "形成改造意见清单报街道，施工期间由党员志愿者协助疏导。",
        "汇总改造意见清单报送街道",
    ),
    (
        "环境卫生集中整治",
        "清理楼道堆放杂物和绿化带垃圾，商定分片包干。",
        "开展为期两周的环境卫生集中整治，党员按楼栋包干。",
        "完成环境卫生集中整治",
    ),
];

const SELF_MANAGED_TOPICS: &[Topic] = &[
    (
        "居民自治公约修订",
        "居民自治委员会提出修订自治公约，增加楼道管理和文明养犬条款。",
        "自治公约修订稿张贴征求意见十日后提交居民会议表决。",
        "组织居民会议表决自治公约修订稿",
    ),
    (
        "楼道杂物清理",
        "楼道堆放杂物存在消防隐患，商定清理时间和志愿者分工。",
        "本月内完成各楼栋楼道杂物清理。",
        "完成楼道杂物清理",
    ),
    (
        "停车位自治管理",
        "讨论车位登记、临时停车和收费标准，收入用于小区公共维修。",
        "实行车辆登记制度，停车收入单独记账、按季公示。",
        "完成车辆登记并公示停车收入",
    ),
];

/// What a registry seeding run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistryReport {
    /// False when the district already had organisations and nothing was written.
    pub created: bool,
    /// Organisations by kind code.
    pub organisations: BTreeMap<&'static str, usize>,
    /// Distinct compounds covered by a compound party branch.
    pub covered_compounds: usize,
    pub people: usize,
    pub posts: usize,
    pub contracts: usize,
    pub contract_compounds: usize,
    pub centres: usize,
    pub meetings: usize,
    pub action_items: usize,
}

/// Loads the demo district's governance registry on `cal`'s calendar unless the district
/// already has any organisation. Needs the district (`demo::seed`) and the `admin` user, who
/// signs off the seeded meeting records.
pub async fn seed(conn: &mut AsyncPgConnection, cal: &DemoCalendar) -> StoreResult<RegistryReport> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::sql_query(format!("SELECT pg_advisory_xact_lock({SEED_LOCK})"))
            .execute(tx)
            .await?;
        let (district_id, path): (Uuid, String) = areas::table
            .filter(areas::code.eq(DISTRICT_CODE))
            .select((areas::id, areas::path))
            .first(tx)
            .await
            .optional()?
            .ok_or(DomainError::NotFound("demo district"))?;
        // Area paths are '/<uuid>/.../': no LIKE wildcards to escape.
        let subtree = format!("{path}%");
        let existing: Option<Uuid> = organisations::table
            .inner_join(areas::table)
            .filter(areas::path.like(&subtree))
            .select(organisations::id)
            .first(tx)
            .await
            .optional()?;
        if existing.is_some() {
            log::info!("demo registry already present; left as it is");
            return Ok(RegistryReport::default());
        }
        let admin: Uuid = users::table
            .filter(users::username.eq("admin"))
            .select(users::id)
            .first(tx)
            .await
            .optional()?
            .ok_or(DomainError::NotFound("admin user"))?;
        let district = load_district(tx, district_id, &subtree).await?;
        let plan = plan(&district, admin, cal);
        insert(tx, &plan).await?;
        let report = plan.report();
        log::info!(
            "demo registry loaded: organisations {:?}, {} compounds covered by party branches, \
             {} people, {} posts, {} contracts ({} contract compounds), {} centres, \
             {} joint meetings, {} action items",
            report.organisations,
            report.covered_compounds,
            report.people,
            report.posts,
            report.contracts,
            report.contract_compounds,
            report.centres,
            report.meetings,
            report.action_items
        );
        Ok(report)
    })
    .await
}

/// Reads the district's subdistricts, communities and compounds.
async fn load_district(
    tx: &mut AsyncPgConnection,
    district_id: Uuid,
    subtree: &str,
) -> StoreResult<District> {
    let mut areas_in: Vec<(Uuid, Option<Uuid>, String, String)> = areas::table
        .filter(areas::path.like(subtree))
        .filter(areas::kind.eq_any(vec!["subdistrict", "community"]))
        .select((areas::id, areas::parent_id, areas::kind, areas::name))
        .order((areas::name, areas::id))
        .load(tx)
        .await?;
    type CompoundRead = (Uuid, Option<Uuid>, String, String, Option<f64>, Option<f64>);
    let mut compounds_in: Vec<CompoundRead> = compounds::table
        .inner_join(areas::table)
        .filter(areas::path.like(subtree))
        .select((
            areas::id,
            areas::parent_id,
            areas::name,
            compounds::governance_mode,
            compounds::lat,
            compounds::lon,
        ))
        .order((areas::name, areas::id))
        .load(tx)
        .await?;
    // The plan hangs on this order. Rust compares strings by code point, as the C collation
    // does; sorting again keeps the plan the same on a database with another collation.
    areas_in.sort_by(|a, b| (&a.3, a.0).cmp(&(&b.3, b.0)));
    compounds_in.sort_by(|a, b| (&a.2, a.0).cmp(&(&b.2, b.0)));

    let mut district = District {
        id: district_id,
        subdistricts: Vec::new(),
        communities: Vec::new(),
        compounds: Vec::new(),
    };
    let mut subdistrict_index = HashMap::new();
    for (id, parent, kind, name) in &areas_in {
        if kind == "subdistrict" && *parent == Some(district_id) {
            subdistrict_index.insert(*id, district.subdistricts.len());
            district.subdistricts.push(Subdistrict {
                id: *id,
                name: name.clone(),
            });
        }
    }
    let mut community_index = HashMap::new();
    for (id, parent, kind, name) in &areas_in {
        let subdistrict = parent.and_then(|p| subdistrict_index.get(&p).copied());
        if let (true, Some(subdistrict)) = (kind == "community", subdistrict) {
            community_index.insert(*id, district.communities.len());
            district.communities.push(Community {
                id: *id,
                name: name.clone(),
                subdistrict,
            });
        }
    }
    for (id, parent, name, mode, lat, lon) in compounds_in {
        // Compounds hang under communities in the demo; any other placement has no
        // community party committee to lead it, so the registry leaves it out.
        let Some(community) = parent.and_then(|p| community_index.get(&p).copied()) else {
            continue;
        };
        let mode = GovernanceMode::parse(&mode).ok_or_else(|| {
            DomainError::Conflict(format!("compound {id} has unknown governance mode {mode}"))
        })?;
        district.compounds.push(Compound {
            id,
            name,
            community,
            mode,
            lat,
            lon,
        });
    }
    Ok(district)
}

/// Writes the plan, table by table in foreign-key order.
async fn insert(tx: &mut AsyncPgConnection, plan: &Plan) -> StoreResult<()> {
    insert_in_batches!(tx, organisations::table, plan.organisations, CHUNK);
    insert_in_batches!(tx, organisation_compounds::table, plan.coverage, CHUNK);
    insert_in_batches!(tx, people::table, plan.people, CHUNK);
    insert_in_batches!(tx, posts::table, plan.posts, CHUNK);
    insert_in_batches!(tx, service_contracts::table, plan.contracts, CHUNK);
    insert_in_batches!(
        tx,
        contract_compounds::table,
        plan.contract_compounds,
        CHUNK
    );
    insert_in_batches!(tx, neighbourhood_centres::table, plan.centres, CHUNK);
    insert_in_batches!(tx, joint_meetings::table, plan.meetings, CHUNK);
    insert_in_batches!(tx, action_items::table, plan.action_items, CHUNK);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The district as read, and the rows to write.

struct Subdistrict {
    id: Uuid,
    name: String,
}

struct Community {
    id: Uuid,
    name: String,
    /// Index into `District::subdistricts`.
    subdistrict: usize,
}

struct Compound {
    id: Uuid,
    name: String,
    /// Index into `District::communities`.
    community: usize,
    mode: GovernanceMode,
    lat: Option<f64>,
    lon: Option<f64>,
}

/// The district in name order (subdistricts, communities and compounds each sorted by
/// name, then id): every choice of the plan is a function of positions in these lists.
struct District {
    id: Uuid,
    subdistricts: Vec<Subdistrict>,
    communities: Vec<Community>,
    compounds: Vec<Compound>,
}

impl District {
    /// Compound indexes per community, in name order.
    fn by_community(&self) -> Vec<Vec<usize>> {
        let mut lists = vec![Vec::new(); self.communities.len()];
        for (index, compound) in self.compounds.iter().enumerate() {
            if let Some(list) = lists.get_mut(compound.community) {
                list.push(index);
            }
        }
        lists
    }

    fn compound_named(&self, name: &str) -> Option<usize> {
        self.compounds.iter().position(|c| c.name == name)
    }

    fn community_named(&self, name: &str) -> Option<usize> {
        self.communities.iter().position(|c| c.name == name)
    }

    /// Squared distance in degrees; compounds without a location are infinitely far, so
    /// the list order decides among them.
    fn distance2(&self, a: usize, b: usize) -> f64 {
        match (self.compounds.get(a), self.compounds.get(b)) {
            (Some(a), Some(b)) => match (a.lat, a.lon, b.lat, b.lon) {
                (Some(a_lat), Some(a_lon), Some(b_lat), Some(b_lon)) => {
                    (a_lat - b_lat).powi(2) + (a_lon - b_lon).powi(2)
                }
                _ => f64::INFINITY,
            },
            _ => f64::INFINITY,
        }
    }

    /// The candidate nearest to `from` ("neighbouring"), the first in list order on ties.
    fn nearest(&self, from: usize, candidates: impl Iterator<Item = usize>) -> Option<usize> {
        candidates.filter(|&c| c != from).min_by(|&a, &b| {
            self.distance2(from, a)
                .total_cmp(&self.distance2(from, b))
                .then(a.cmp(&b))
        })
    }
}

#[derive(Insertable)]
#[diesel(table_name = organisations)]
struct OrganisationRow {
    id: Uuid,
    kind: &'static str,
    name: String,
    area_id: Uuid,
    parent_id: Option<Uuid>,
    contact_phone: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = organisation_compounds)]
struct CoverageRow {
    organisation_id: Uuid,
    compound_id: Uuid,
}

#[derive(Insertable)]
#[diesel(table_name = people)]
struct PersonRow {
    id: Uuid,
    name: String,
    phone: Option<String>,
    id_number: Option<String>,
    is_party_member: bool,
    employer: Option<String>,
    home_compound_id: Option<Uuid>,
}

#[derive(Insertable)]
#[diesel(table_name = posts)]
struct PostRow {
    id: Uuid,
    person_id: Uuid,
    organisation_id: Uuid,
    title: &'static str,
    single_holder: bool,
    start_date: NaiveDate,
    end_date: Option<NaiveDate>,
}

#[derive(Insertable)]
#[diesel(table_name = service_contracts)]
struct ContractRow {
    id: Uuid,
    company_id: Uuid,
    title: String,
    start_date: NaiveDate,
    end_date: NaiveDate,
    service_items: Vec<String>,
    fee_fen_per_sqm: i64,
}

#[derive(Insertable)]
#[diesel(table_name = contract_compounds)]
struct ContractCompoundRow {
    contract_id: Uuid,
    compound_id: Uuid,
    start_date: NaiveDate,
    end_date: NaiveDate,
}

#[derive(Insertable)]
#[diesel(table_name = neighbourhood_centres)]
struct CentreRow {
    id: Uuid,
    community_id: Uuid,
    name: String,
    address: String,
    lat: f64,
    lon: f64,
    geofence_radius_m: i32,
    opening_hours: Value,
    services: Vec<String>,
}

#[derive(Insertable)]
#[diesel(table_name = joint_meetings)]
struct MeetingRow {
    id: Uuid,
    compound_id: Uuid,
    held_on: NaiveDate,
    title: String,
    location: String,
    convener_org_id: Uuid,
    minutes: Value,
    status: &'static str,
    finalised_at: Option<DateTime<Utc>>,
    finalised_by: Option<Uuid>,
}

#[derive(Insertable)]
#[diesel(table_name = action_items)]
struct ActionItemRow {
    id: Uuid,
    meeting_id: Uuid,
    resolution_no: Option<i32>,
    description: String,
    owner_org_id: Uuid,
    due_on: NaiveDate,
    status: &'static str,
    done_on: Option<NaiveDate>,
}

/// The bodies serving one compound, as the plan creates them.
#[derive(Clone, Copy, Default)]
struct Bodies {
    branch: Option<Uuid>,
    owners: Option<Uuid>,
    supervisory: Option<Uuid>,
    residents: Option<Uuid>,
    company: Option<Uuid>,
}

impl Bodies {
    /// The bodies that sit at a joint meeting, in the order of the minutes.
    fn at_the_table(&self) -> Vec<(OrgKind, Uuid)> {
        [
            (OrgKind::CompoundPartyBranch, self.branch),
            (OrgKind::OwnersCommittee, self.owners),
            (OrgKind::PropertyCompany, self.company),
            (OrgKind::SupervisoryCommittee, self.supervisory),
            (OrgKind::ResidentsCommittee, self.residents),
        ]
        .into_iter()
        .filter_map(|(kind, id)| id.map(|id| (kind, id)))
        .collect()
    }
}

/// Every row to insert.
#[derive(Default)]
struct Plan {
    organisations: Vec<OrganisationRow>,
    coverage: Vec<CoverageRow>,
    people: Vec<PersonRow>,
    posts: Vec<PostRow>,
    contracts: Vec<ContractRow>,
    contract_compounds: Vec<ContractCompoundRow>,
    centres: Vec<CentreRow>,
    meetings: Vec<MeetingRow>,
    action_items: Vec<ActionItemRow>,
    /// Post holders' names per organisation, in post order: who attends its meetings.
    members: HashMap<Uuid, Vec<String>>,
}

impl Plan {
    fn organisation(
        &mut self,
        kind: OrgKind,
        name: String,
        area_id: Uuid,
        parent_id: Option<Uuid>,
    ) -> Uuid {
        let id = Uuid::now_v7();
        let n = self.organisations.len();
        // Institutions publish an office line; committees are reached through their members.
        let contact_phone = matches!(
            kind,
            OrgKind::PropertyCompany
                | OrgKind::CommunityPartyCommittee
                | OrgKind::AuditFirm
                | OrgKind::LawEnforcement
                | OrgKind::Partner
        )
        .then(|| format!("0731-8{:07}", (n * 7919 + 104_729) % 10_000_000));
        self.organisations.push(OrganisationRow {
            id,
            kind: kind.as_str(),
            name,
            area_id,
            parent_id,
            contact_phone,
        });
        id
    }

    fn cover(&mut self, organisation_id: Uuid, compound_id: Uuid) {
        self.coverage.push(CoverageRow {
            organisation_id,
            compound_id,
        });
    }

    /// A new person; returns the index into `people`. `in_service` marks party members of
    /// working age, some of whom report to an employer.
    fn person(&mut self, home: Option<Uuid>, party: bool, in_service: bool) -> usize {
        let index = self.people.len();
        let employer = (party && in_service && index.is_multiple_of(2))
            .then(|| EMPLOYERS[(index / 2) % EMPLOYERS.len()].to_owned());
        self.people.push(PersonRow {
            id: Uuid::now_v7(),
            name: person_name(index),
            phone: Some(phone(index)),
            id_number: index.is_multiple_of(5).then(|| id_number(index)),
            is_party_member: party,
            employer,
            home_compound_id: home,
        });
        index
    }

    fn post(
        &mut self,
        person: usize,
        organisation_id: Uuid,
        title: &'static str,
        single_holder: bool,
        start_date: NaiveDate,
    ) {
        let Some(holder) = self.people.get(person) else {
            return;
        };
        let person_id = holder.id;
        self.members
            .entry(organisation_id)
            .or_default()
            .push(holder.name.clone());
        self.posts.push(PostRow {
            id: Uuid::now_v7(),
            person_id,
            organisation_id,
            title,
            single_holder,
            start_date,
            end_date: None,
        });
    }

    fn attendance(&self, bodies: &[(OrgKind, Uuid)]) -> Value {
        Value::Array(
            bodies
                .iter()
                .map(|(kind, id)| {
                    json!({
                        "organisation_id": id.to_string(),
                        "body": kind.as_str(),
                        "attendees": self.members.get(id).cloned().unwrap_or_default(),
                    })
                })
                .collect(),
        )
    }

    fn report(&self) -> RegistryReport {
        let mut organisations = BTreeMap::new();
        for org in &self.organisations {
            *organisations.entry(org.kind).or_insert(0) += 1;
        }
        let branches: std::collections::HashSet<Uuid> = self
            .organisations
            .iter()
            .filter(|o| o.kind == OrgKind::CompoundPartyBranch.as_str())
            .map(|o| o.id)
            .collect();
        let mut covered: Vec<Uuid> = self
            .coverage
            .iter()
            .filter(|c| branches.contains(&c.organisation_id))
            .map(|c| c.compound_id)
            .collect();
        covered.sort();
        covered.dedup();
        RegistryReport {
            created: true,
            organisations,
            covered_compounds: covered.len(),
            people: self.people.len(),
            posts: self.posts.len(),
            contracts: self.contracts.len(),
            contract_compounds: self.contract_compounds.len(),
            centres: self.centres.len(),
            meetings: self.meetings.len(),
            action_items: self.action_items.len(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Generated personal data.

/// A Chinese name, different for each of the first [`NAME_SPACE`] indexes.
fn person_name(index: usize) -> String {
    let p = ((index % NAME_SPACE) * NAME_STRIDE + 12_345) % NAME_SPACE;
    let surname = SURNAMES[p % SURNAMES.len()];
    let rest = p / SURNAMES.len();
    let first = GIVEN_FIRST[rest % GIVEN_FIRST.len()];
    let second = GIVEN_SECOND
        .get(rest / GIVEN_FIRST.len())
        .copied()
        .unwrap_or("");
    format!("{surname}{first}{second}")
}

/// A mobile number `1[3-9]` + nine digits; the nine digits alone differ per index (the
/// multiplier is coprime with 10⁹).
fn phone(index: usize) -> String {
    let i = index as u64;
    format!(
        "1{}{:09}",
        3 + i % 7,
        (i * 7_919_993 + 20_261_126) % 1_000_000_000
    )
}

/// A resident identity number registered in 雨花区 (430111), with a birth date and the
/// ISO 7064 check character, so it passes the checks real systems apply.
fn id_number(index: usize) -> String {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let year = 1950 + (index * 7) % 50;
    let month = 1 + (index * 5) % 12;
    let day = 1 + (index * 11) % 28;
    let sequence = (index / 5) % 1000;
    let body = format!("430111{year:04}{month:02}{day:02}{sequence:03}");
    let sum: u32 = body
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let check = char::from(CHECK[(sum % 11) as usize]);
    format!("{body}{check}")
}

// ---------------------------------------------------------------------------------------
// Planning.

/// Picks `count` compounds left without a party organisation, spread over subdistricts
/// (round robin) and, within one, over its communities; `protected` compounds are never
/// picked. Within a community the last compounds by name go first.
fn choose_uncovered(d: &District, protected: &[bool], count: usize) -> Vec<bool> {
    let by_community = d.by_community();
    let mut queues: Vec<Vec<usize>> = vec![Vec::new(); d.subdistricts.len()];
    for (s, queue) in queues.iter_mut().enumerate() {
        let lists: Vec<Vec<usize>> = d
            .communities
            .iter()
            .zip(&by_community)
            .filter(|(community, _)| community.subdistrict == s)
            .map(|(_, members)| {
                members
                    .iter()
                    .rev()
                    .copied()
                    .filter(|&c| !protected.get(c).copied().unwrap_or(true))
                    .collect()
            })
            .collect();
        let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
        for rank in 0..longest {
            queue.extend(lists.iter().filter_map(|list| list.get(rank).copied()));
        }
    }
    let mut uncovered = vec![false; d.compounds.len()];
    let mut chosen = 0;
    let mut rank = 0;
    while chosen < count {
        let mut progress = false;
        for queue in &queues {
            if chosen == count {
                break;
            }
            if let Some(slot) = queue.get(rank).and_then(|&c| uncovered.get_mut(c)) {
                *slot = true;
                chosen += 1;
                progress = true;
            }
        }
        if !progress {
            break;
        }
        rank += 1;
    }
    uncovered
}

/// Groups covered compounds into branches: `pairs_target` branches of two neighbouring
/// compounds of one community (taken a pair per community per round, so they spread), the
/// rest one compound each. `solo` compounds keep a branch of their own. Groups come in
/// compound order.
fn group_branches(
    d: &District,
    covered: &[bool],
    solo: &[bool],
    pairs_target: usize,
) -> Vec<Vec<usize>> {
    let by_community = d.by_community();
    let mut partner: Vec<Option<usize>> = vec![None; d.compounds.len()];
    let mut pairs = 0;
    let mut progress = true;
    while pairs < pairs_target && progress {
        progress = false;
        for members in &by_community {
            if pairs == pairs_target {
                break;
            }
            let free = |c: &usize| {
                covered.get(*c).copied().unwrap_or(false)
                    && !solo.get(*c).copied().unwrap_or(false)
                    && partner.get(*c).is_some_and(Option::is_none)
            };
            let Some(first) = members.iter().copied().find(free) else {
                continue;
            };
            let Some(second) = d.nearest(first, members.iter().copied().filter(free)) else {
                continue;
            };
            if let Some(slot) = partner.get_mut(first) {
                *slot = Some(second);
            }
            if let Some(slot) = partner.get_mut(second) {
                *slot = Some(first);
            }
            pairs += 1;
            progress = true;
        }
    }
    let mut groups = Vec::new();
    for (c, (&is_covered, &other)) in covered.iter().zip(&partner).enumerate() {
        match (is_covered, other) {
            (false, _) => {}
            // The pair was grouped at its first compound.
            (true, Some(other)) if other < c => {}
            (true, Some(other)) => groups.push(vec![c, other]),
            (true, None) => groups.push(vec![c]),
        }
    }
    groups
}

/// Splits a community's entrusted compounds into bundles of two to four neighbours; a lone
/// entrusted compound (nothing to bundle with) gets a contract of its own.
fn bundle(d: &District, members: &[usize]) -> Vec<Vec<usize>> {
    let mut left: Vec<usize> = members.to_vec();
    let mut bundles = Vec::new();
    // `as_slice()` here and below: on a `Vec`, diesel-async's blanket `RunQueryDsl::first`
    // would be picked before the slice method.
    while let Some(&seed) = left.as_slice().first() {
        // Three at a time, but never leave a single compound behind.
        let size = if left.len() <= 4 { left.len() } else { 3 };
        left.retain(|&c| c != seed);
        let mut group = vec![seed];
        while group.len() < size {
            let Some(next) = d.nearest(seed, left.iter().copied()) else {
                break;
            };
            left.retain(|&c| c != next);
            group.push(next);
        }
        bundles.push(group);
    }
    bundles
}

/// Plans the registry of `d` on `cal`'s calendar; `admin` signs off the seeded meeting
/// records.
fn plan(d: &District, admin: Uuid, cal: &DemoCalendar) -> Plan {
    let mut plan = Plan::default();
    let staff_since = cal.date(STAFF_SINCE);
    let branches_formed = cal.date(BRANCHES_FORMED);
    let committees_elected = cal.date(COMMITTEES_ELECTED);
    let residents_organised = cal.date(RESIDENTS_ORGANISED);
    let term = |(start, end): (NaiveDate, NaiveDate)| (cal.date(start), cal.date(end));
    let n = d.compounds.len();
    let by_community = d.by_community();
    let rongcheng = d.compound_named(RONGCHENG);
    let ziyuan = d.community_named(ZIYUAN_COMMUNITY);
    let weiji = d.community_named(WEIJI_COMMUNITY);
    let compound_id = |c: usize| d.compounds.get(c).map(|x| x.id);
    let mode_of = |c: usize| d.compounds.get(c).map(|x| x.mode);
    let community_of = |c: usize| d.compounds.get(c).map_or(0, |x| x.community);

    // Who lives where for people without a compound of their own in the plan (company
    // staff): spread over the district deterministically.
    let somewhere = |k: usize| (n > 0).then(|| k * 37 % n).and_then(compound_id);

    // --- District-level organisations -------------------------------------------------
    let mut company_names = vec![ZIYUAN_COMPANY.to_owned()];
    company_names.extend(
        COMPANY_STEMS
            .iter()
            .enumerate()
            .map(|(i, stem)| {
                let city = if i.is_multiple_of(2) {
                    "湖南"
                } else {
                    "长沙"
                };
                format!("{city}{stem}物业服务有限公司")
            })
            .take(COMPANY_TOTAL - 1),
    );
    let mut companies = Vec::new();
    for (i, name) in company_names.iter().enumerate() {
        let company = plan.organisation(OrgKind::PropertyCompany, name.clone(), d.id, None);
        let manager = plan.person(somewhere(i), i.is_multiple_of(2), false);
        plan.post(manager, company, "总经理", true, staff_since);
        // The first 48 (梓园's shared-property company among them) run a party organisation:
        // the source's "red property" companies.
        if i < COMPANY_PARTY_ORG_TOTAL {
            let party_org = plan.organisation(
                OrgKind::PropertyCompanyPartyOrg,
                format!("{name}党支部"),
                d.id,
                Some(company),
            );
            let secretary = plan.person(somewhere(i + COMPANY_TOTAL), true, true);
            if let Some(person) = plan.people.get_mut(secretary) {
                person.employer = Some(name.clone());
            }
            plan.post(secretary, party_org, "书记", true, staff_since);
        }
        companies.push(company);
    }
    // Companies that take single compounds and ordinary bundles (all but 梓园's).
    let market: Vec<Uuid> = companies.iter().skip(1).copied().collect();
    let market_company = |k: usize| {
        market
            .get(k % market.len().max(1))
            .or(companies.as_slice().first())
            .copied()
    };
    for name in AUDIT_FIRMS {
        plan.organisation(OrgKind::AuditFirm, (*name).to_owned(), d.id, None);
    }
    let community_ids: Vec<Uuid> = d.communities.iter().map(|c| c.id).collect();
    for subdistrict in &d.subdistricts {
        plan.organisation(
            OrgKind::LawEnforcement,
            format!("{}综合行政执法队", subdistrict.name),
            subdistrict.id,
            None,
        );
    }
    let hospital_area = weiji
        .and_then(|c| community_ids.get(c).copied())
        .unwrap_or(d.id);
    plan.organisation(
        OrgKind::Partner,
        "长沙市中心医院".to_owned(),
        hospital_area,
        None,
    );

    // --- Community party committees ---------------------------------------------------
    let mut committees = Vec::new();
    for (community, members) in d.communities.iter().zip(&by_community) {
        let committee = plan.organisation(
            OrgKind::CommunityPartyCommittee,
            format!("{}党总支", community.name),
            community.id,
            None,
        );
        let home = members.as_slice().first().copied().and_then(compound_id);
        let secretary = plan.person(home, true, true);
        plan.post(secretary, committee, "书记", true, staff_since);
        committees.push(committee);
    }

    // --- Compound party branches: 425 covering 547 -----------------------------------
    // The source's compounds keep a party organisation, and one named after them
    // (融城花苑党支部 above all); so do 梓园社区's compounds, the shared-property showcase.
    let named: Vec<bool> = d
        .compounds
        .iter()
        .map(|c| NAMED_COMPOUNDS.contains(&c.name.as_str()))
        .collect();
    let protected: Vec<bool> = named
        .iter()
        .zip(&d.compounds)
        .map(|(&named, c)| named || Some(c.community) == ziyuan)
        .collect();
    let uncovered = choose_uncovered(d, &protected, n.saturating_sub(COVERED_TOTAL));
    let covered: Vec<bool> = uncovered.iter().map(|u| !u).collect();
    let covered_count = covered.iter().filter(|c| **c).count();
    let groups = group_branches(
        d,
        &covered,
        &named,
        covered_count.saturating_sub(BRANCH_TOTAL),
    );

    let mut bodies = vec![Bodies::default(); n];
    // Branch secretaries who also sit on an owners' committee as vice-chair, by compound.
    let mut cross_appointed: HashMap<usize, usize> = HashMap::new();
    let mut managed_seen = 0usize;
    for group in &groups {
        let Some(&first) = group.as_slice().first() else {
            continue;
        };
        let names: Vec<&str> = group
            .iter()
            .filter_map(|&c| d.compounds.get(c).map(|x| x.name.as_str()))
            .collect();
        let (name, area) = if group.len() == 1 {
            (format!("{}党支部", names.concat()), compound_id(first))
        } else {
            // A branch over several compounds belongs to their community.
            (
                format!("{}联合党支部", names.join("、")),
                community_ids.get(community_of(first)).copied(),
            )
        };
        let Some(area) = area else {
            continue;
        };
        let branch = plan.organisation(OrgKind::CompoundPartyBranch, name, area, None);
        // Every third property-managed compound under a branch gets its secretary as the
        // owners' committee's vice-chair (双向进入、交叉任职). Two compounds of a pair are
        // consecutive in this count, so a secretary takes at most one such seat.
        let mut cross_at = None;
        for &c in group {
            if mode_of(c) == Some(GovernanceMode::PropertyManaged) {
                if managed_seen.is_multiple_of(3) {
                    cross_at = Some(c);
                }
                managed_seen += 1;
            }
        }
        // The secretary lives in the compound where they also sit on the owners'
        // committee, else in the branch's first property-managed compound, else its first.
        let home = cross_at
            .or_else(|| {
                group
                    .iter()
                    .copied()
                    .find(|&c| mode_of(c) == Some(GovernanceMode::PropertyManaged))
            })
            .unwrap_or(first);
        let secretary = plan.person(compound_id(home), true, false);
        plan.post(secretary, branch, "书记", true, branches_formed);
        for (k, title) in ["组织委员", "宣传委员"].into_iter().enumerate() {
            let lives = group.get(k % group.len()).copied().and_then(compound_id);
            let member = plan.person(lives, true, true);
            plan.post(member, branch, title, false, branches_formed);
        }
        if let Some(c) = cross_at {
            cross_appointed.insert(c, secretary);
        }
        for &c in group {
            if let Some(id) = compound_id(c) {
                plan.cover(branch, id);
            }
            if let Some(b) = bodies.get_mut(c) {
                b.branch = Some(branch);
            }
        }
    }

    // --- Committees of each compound ---------------------------------------------------
    let managed: Vec<usize> = (0..n)
        .filter(|&c| mode_of(c) == Some(GovernanceMode::PropertyManaged))
        .collect();
    for (j, &c) in managed.iter().enumerate() {
        let Some(compound) = d.compounds.get(c) else {
            continue;
        };
        // Party members are exactly half of all owners' committee members: committees of
        // five alternate three and two party members; with an odd number of committees the
        // last one has a sixth member, so the total stays even and the halves exact.
        let last_of_odd = !managed.len().is_multiple_of(2) && j + 1 == managed.len();
        let mut titles = vec!["主任", "副主任", "委员", "委员", "委员"];
        if last_of_odd {
            titles.push("委员");
        }
        let target = if j.is_multiple_of(2) || last_of_odd {
            3
        } else {
            2
        };
        let secretary = cross_appointed.get(&c).copied();
        let mut party = vec![false; titles.len()];
        if secretary.is_some()
            && let Some(seat) = party.get_mut(1)
        {
            *seat = true;
        }
        // The chair first (party-led committees), then ordinary members, then the vice-chair.
        for seat in [0, 2, 1, 3, 4, 5] {
            if party.iter().filter(|p| **p).count() >= target {
                break;
            }
            if let Some(p) = party.get_mut(seat) {
                *p = true;
            }
        }
        let committee = plan.organisation(
            OrgKind::OwnersCommittee,
            format!("{}业主委员会", compound.name),
            compound.id,
            None,
        );
        plan.cover(committee, compound.id);
        for (seat, (&title, &is_party)) in titles.iter().zip(&party).enumerate() {
            let holder = match (seat, secretary) {
                (1, Some(secretary)) => secretary,
                _ => plan.person(Some(compound.id), is_party, true),
            };
            plan.post(holder, committee, title, seat == 0, committees_elected);
        }
        let supervisory = plan.organisation(
            OrgKind::SupervisoryCommittee,
            format!("{}业主监督委员会", compound.name),
            compound.id,
            None,
        );
        plan.cover(supervisory, compound.id);
        for (seat, title) in ["主任", "委员", "委员"].into_iter().enumerate() {
            let holder = plan.person(Some(compound.id), seat == 0, true);
            plan.post(holder, supervisory, title, seat == 0, committees_elected);
        }
        if let Some(b) = bodies.get_mut(c) {
            b.owners = Some(committee);
            b.supervisory = Some(supervisory);
        }
    }
    let self_managed = (0..n).filter(|&c| mode_of(c) == Some(GovernanceMode::SelfManaged));
    for (j, c) in self_managed.enumerate() {
        let Some(compound) = d.compounds.get(c) else {
            continue;
        };
        let committee = plan.organisation(
            OrgKind::ResidentsCommittee,
            format!("{}居民自治委员会", compound.name),
            compound.id,
            None,
        );
        plan.cover(committee, compound.id);
        // Party-led autonomy: the chair is a party member, so is a member in every other one.
        for (seat, title) in ["主任", "委员", "委员"].into_iter().enumerate() {
            let party = seat == 0 || (seat == 1 && j.is_multiple_of(2));
            let holder = plan.person(Some(compound.id), party, true);
            plan.post(holder, committee, title, seat == 0, residents_organised);
        }
        if let Some(b) = bodies.get_mut(c) {
            b.residents = Some(committee);
        }
    }

    // --- Service contracts ---------------------------------------------------------------
    for (j, &c) in managed.iter().enumerate() {
        let (Some(compound), Some(company)) = (d.compounds.get(c), market_company(j * 7)) else {
            continue;
        };
        // 融城花苑's contract runs out this month (the story's December): its last joint
        // meeting discusses renewal.
        let (start, end) = term(if Some(c) == rongcheng {
            MANAGED_TERMS[0]
        } else {
            MANAGED_TERMS[j % MANAGED_TERMS.len()]
        });
        let mut items: Vec<String> = ["保洁", "保安", "绿化养护", "设施维修"]
            .map(str::to_owned)
            .to_vec();
        if j.is_multiple_of(3) {
            items.push("电梯维保".to_owned());
        }
        if j % 4 == 1 {
            items.push("停车管理".to_owned());
        }
        let fee = 50 + (j as i64 * 37) % 131;
        plan.contract(
            company,
            format!("{}物业服务合同", compound.name),
            (start, end),
            items,
            fee,
            &[compound.id],
        );
        if let Some(b) = bodies.get_mut(c) {
            b.company = Some(company);
        }
    }
    let mut bundles_made = 0usize;
    for (ci, (community, members)) in d.communities.iter().zip(&by_community).enumerate() {
        let entrusted: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&c| mode_of(c) == Some(GovernanceMode::Entrusted))
            .collect();
        if entrusted.is_empty() {
            continue;
        }
        // 梓园社区's micro-compounds go to one company as one "shared property" bundle.
        let groups = if Some(ci) == ziyuan {
            vec![entrusted]
        } else {
            bundle(d, &entrusted)
        };
        for group in groups {
            let k = bundles_made;
            bundles_made += 1;
            let (company, title) = if Some(ci) == ziyuan {
                (
                    companies.as_slice().first().copied(),
                    format!("{}共享物业服务合同", community.name),
                )
            } else {
                let first = group
                    .as_slice()
                    .first()
                    .and_then(|&c| d.compounds.get(c))
                    .map_or("", |x| x.name.as_str());
                (
                    market_company(k * 11 + 3),
                    format!(
                        "{}{first}等{}个小区共享物业服务合同",
                        community.name,
                        group.len()
                    ),
                )
            };
            let Some(company) = company else {
                continue;
            };
            let ids: Vec<Uuid> = group.iter().filter_map(|&c| compound_id(c)).collect();
            plan.contract(
                company,
                title,
                term(BUNDLE_TERMS[k % BUNDLE_TERMS.len()]),
                ["保洁", "垃圾清运", "秩序维护", "设施维修"]
                    .map(str::to_owned)
                    .to_vec(),
                30 + (k as i64 * 7) % 31,
                &ids,
            );
            for &c in &group {
                if let Some(b) = bodies.get_mut(c) {
                    b.company = Some(company);
                }
            }
        }
    }

    // --- Neighbourhood centres and volunteer teams --------------------------------------
    let weiji_home = d.compound_named(WEIJI_COMPOUND);
    let centre_names = plan_centres(&mut plan, d, &by_community, weiji.zip(weiji_home));
    plan_volunteer_teams(&mut plan, d, &by_community, staff_since);

    // --- Joint meetings ------------------------------------------------------------------
    let convener = |c: usize| committees.get(community_of(c)).copied();
    if let Some(r) = rongcheng
        && let (Some(compound), Some(convener), Some(b)) =
            (d.compounds.get(r), convener(r), bodies.get(r).copied())
    {
        plan_rongcheng_meetings(&mut plan, compound.id, convener, &b, admin, cal);
    }
    let candidates: Vec<usize> = (0..n)
        .filter(|&c| Some(c) != rongcheng)
        .filter(|&c| bodies.get(c).is_some_and(|b| b.branch.is_some()))
        .collect();
    let picks = RECENT_MEETING_TOTAL.min(candidates.len());
    let today = cal.date(TODAY);
    for k in 0..picks {
        let Some(&c) = candidates.get(k * candidates.len() / picks) else {
            continue;
        };
        let (Some(compound), Some(convener), Some(b)) =
            (d.compounds.get(c), convener(c), bodies.get(c).copied())
        else {
            continue;
        };
        let location = centre_names
            .get(compound.community)
            .cloned()
            .flatten()
            .unwrap_or_else(|| format!("{}议事厅", compound.name));
        plan_recent_meeting(&mut plan, k, compound, convener, &b, location, admin, today);
    }
    plan
}

impl Plan {
    fn contract(
        &mut self,
        company_id: Uuid,
        title: String,
        (start_date, end_date): (NaiveDate, NaiveDate),
        service_items: Vec<String>,
        fee_fen_per_sqm: i64,
        compound_ids: &[Uuid],
    ) {
        let id = Uuid::now_v7();
        self.contracts.push(ContractRow {
            id,
            company_id,
            title,
            start_date,
            end_date,
            service_items,
            fee_fen_per_sqm,
        });
        // The contract's term is repeated per compound: the database refuses overlaps there.
        for &compound_id in compound_ids {
            self.contract_compounds.push(ContractCompoundRow {
                contract_id: id,
                compound_id,
                start_date,
                end_date,
            });
        }
    }
}

/// [`CENTRE_TOTAL`] centres spread evenly over the communities, next to their compounds.
/// `weiji` is (卫技社区, 卫技新村), whose residents built the 580睦邻空间. Returns each
/// community's main centre name (meetings take place there).
fn plan_centres(
    plan: &mut Plan,
    d: &District,
    by_community: &[Vec<usize>],
    weiji: Option<(usize, usize)>,
) -> Vec<Option<String>> {
    let communities = d.communities.len().max(1);
    let (base, extra) = (CENTRE_TOTAL / communities, CENTRE_TOTAL % communities);
    let located: Vec<(f64, f64)> = d
        .compounds
        .iter()
        .filter_map(|c| c.lat.zip(c.lon))
        .collect();
    // Without any located compound, the centre of 雨花区.
    let fallback = if located.is_empty() {
        (28.11, 113.03)
    } else {
        let k = located.len() as f64;
        (
            located.iter().map(|p| p.0).sum::<f64>() / k,
            located.iter().map(|p| p.1).sum::<f64>() / k,
        )
    };
    let mut main_names = Vec::new();
    let mut g = 0usize;
    for (ci, (community, members)) in d.communities.iter().zip(by_community).enumerate() {
        let count = base + usize::from(ci < extra);
        let subdistrict = d
            .subdistricts
            .get(community.subdistrict)
            .map_or("", |s| s.name.as_str());
        main_names.push((count > 0).then(|| format!("{}邻里中心", community.name)));
        for k in 0..count {
            let is_580 = k == 1 && weiji.is_some_and(|(c, _)| c == ci);
            let anchor = if is_580 {
                weiji.map(|(_, home)| home)
            } else {
                (!members.is_empty())
                    .then(|| members.get(k % members.len()).copied())
                    .flatten()
            }
            .and_then(|c| d.compounds.get(c));
            let (name, address) = match (k, anchor) {
                (0, _) => (
                    format!("{}邻里中心", community.name),
                    format!(
                        "长沙市雨花区{subdistrict}{}党群服务中心一楼",
                        community.name
                    ),
                ),
                (1, Some(anchor)) if is_580 => (
                    "580睦邻空间".to_owned(),
                    format!("长沙市雨花区{subdistrict}{}{}", community.name, anchor.name),
                ),
                (_, Some(anchor)) if k <= members.len() => (
                    format!("{}邻里驿站", anchor.name),
                    format!(
                        "长沙市雨花区{subdistrict}{}{}旁",
                        community.name, anchor.name
                    ),
                ),
                _ => (
                    format!("{}第{}邻里中心", community.name, k + 1),
                    format!("长沙市雨花区{subdistrict}{}", community.name),
                ),
            };
            // A few dozen metres from the anchoring compound, rounded like GPS readings.
            let (lat, lon) = anchor.and_then(|a| a.lat.zip(a.lon)).unwrap_or(fallback);
            let shift = (g % 3) as f64 - 1.0;
            let lat = ((lat + 0.0004 * shift) * 1e6).round() / 1e6;
            let lon = ((lon + 0.0003) * 1e6).round() / 1e6;
            let (open, close) = if g.is_multiple_of(2) {
                ("08:30", "20:00")
            } else {
                ("09:00", "21:00")
            };
            let mut services: Vec<String> = CENTRE_CORE_SERVICES
                .iter()
                .map(|s| (*s).to_owned())
                .collect();
            services.extend(
                (0..3)
                    .map(|t| CENTRE_MORE_SERVICES[(g + t * 2) % CENTRE_MORE_SERVICES.len()])
                    .map(str::to_owned),
            );
            plan.centres.push(CentreRow {
                id: Uuid::now_v7(),
                community_id: community.id,
                name,
                address,
                lat,
                lon,
                geofence_radius_m: 100 + (g as i32 * 37) % 201,
                opening_hours: json!({
                    "1": [open, close], "2": [open, close], "3": [open, close],
                    "4": [open, close], "5": [open, close],
                    "6": ["09:00", "18:00"], "7": ["09:00", "17:00"],
                }),
                services,
            });
            g += 1;
        }
    }
    main_names
}

/// [`VOLUNTEER_TEAM_TOTAL`] teams spread evenly over the communities, each with a leader in
/// post since `staff_since`.
fn plan_volunteer_teams(
    plan: &mut Plan,
    d: &District,
    by_community: &[Vec<usize>],
    staff_since: NaiveDate,
) {
    let communities = d.communities.len().max(1);
    let (base, extra) = (
        VOLUNTEER_TEAM_TOTAL / communities,
        VOLUNTEER_TEAM_TOTAL % communities,
    );
    // The source's teams go to their community, or to the first ones if it is missing.
    let source_homes: Vec<(usize, &str)> = SOURCE_TEAMS
        .iter()
        .enumerate()
        .map(|(i, (team, home))| (d.community_named(home).unwrap_or(i % communities), *team))
        .collect();
    let mut g = 0usize;
    for (ci, (community, members)) in d.communities.iter().zip(by_community).enumerate() {
        let own: Vec<&str> = source_homes
            .iter()
            .filter(|(at, _)| *at == ci)
            .map(|(_, team)| *team)
            .collect();
        let count = (base + usize::from(ci < extra)).min(own.len() + TEAM_BRANDS.len());
        let short = community
            .name
            .strip_suffix("社区")
            .unwrap_or(&community.name);
        for k in 0..count {
            // Brands step by 3 (coprime with their count), so one community's teams differ.
            let name = match own.get(k) {
                Some(team) => (*team).to_owned(),
                None => format!(
                    "{short}{}志愿服务队",
                    TEAM_BRANDS[(ci + k * 3) % TEAM_BRANDS.len()]
                ),
            };
            let team = plan.organisation(OrgKind::VolunteerTeam, name, community.id, None);
            let home = (!members.is_empty())
                .then(|| members.get(k % members.len()).copied())
                .flatten()
                .and_then(|c| d.compounds.get(c))
                .map(|c| c.id);
            let leader = plan.person(home, g.is_multiple_of(2), true);
            plan.post(leader, team, "队长", true, staff_since);
            g += 1;
        }
    }
}

/// 18:00 in Changsha (UTC+8) on `date`: records are signed off the evening of the meeting.
fn evening_of(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc() + TimeDelta::hours(10)
}

/// An action item as the plan writes it: (resolution, description, owner, due, done on).
type Action = (i32, String, Uuid, NaiveDate, Option<NaiveDate>);

impl Plan {
    #[expect(clippy::too_many_arguments, reason = "one meeting record's facts")]
    fn meeting(
        &mut self,
        compound_id: Uuid,
        held_on: NaiveDate,
        title: String,
        location: String,
        convener_org_id: Uuid,
        minutes: Value,
        admin: Uuid,
        actions: &[Action],
    ) {
        let id = Uuid::now_v7();
        self.meetings.push(MeetingRow {
            id,
            compound_id,
            held_on,
            title,
            location,
            convener_org_id,
            minutes,
            status: "finalised",
            finalised_at: Some(evening_of(held_on)),
            finalised_by: Some(admin),
        });
        for (resolution, description, owner, due_on, done_on) in actions {
            let (owner, due_on, done_on) = (*owner, *due_on, *done_on);
            self.action_items.push(ActionItemRow {
                id: Uuid::now_v7(),
                meeting_id: id,
                resolution_no: Some(*resolution),
                description: description.clone(),
                owner_org_id: owner,
                due_on,
                status: if done_on.is_some() { "done" } else { "open" },
                done_on,
            });
        }
    }
}

/// 融城花苑's three four-party joint meetings of the story's second to fourth quarters of
/// 2026 (on `cal`'s calendar), as the source describes the model: convened by 融城社区's
/// party committee, the branch, owners' committee, property company and supervisory
/// committee at the table. One follow-up is open past its due date.
fn plan_rongcheng_meetings(
    plan: &mut Plan,
    compound_id: Uuid,
    convener: Uuid,
    b: &Bodies,
    admin: Uuid,
    cal: &DemoCalendar,
) {
    let (Some(branch), Some(owners), Some(company), Some(supervisory)) =
        (b.branch, b.owners, b.company, b.supervisory)
    else {
        return;
    };
    let attendance = plan.attendance(&[
        (OrgKind::CompoundPartyBranch, branch),
        (OrgKind::OwnersCommittee, owners),
        (OrgKind::PropertyCompany, company),
        (OrgKind::SupervisoryCommittee, supervisory),
    ]);
    let location = "融城花苑架空层议事厅".to_owned();
    let minutes = |agenda: Value, resolutions: Value| json!({"attendance": attendance.clone(), "agenda": shift_texts(agenda, cal), "resolutions": shift_texts(resolutions, cal)});
    plan.meeting(
        compound_id,
        cal.date(ymd(2026, 5, 12)),
        cal.text("融城花苑2026年第二季度四方联席会议"),
        location.clone(),
        convener,
        minutes(
            json!([
                {"no": 1, "title": "架空层文化公园改造提质",
                 "discussion": "物业公司汇报架空层改造方案及预算；业委会转达居民增设座椅、书架和照明的意见；监委会建议改造资金使用情况在公示栏公开。"},
                {"no": 2, "title": "垃圾清运时间调整",
                 "discussion": "居民反映早间清运噪声扰民，物业公司提出将清运时间调整至七点半以后。"}
            ]),
            json!([
                {"no": 1, "text": "同意架空层改造方案，由物业公司组织施工，6月30日前完工，资金使用情况每月公示。"},
                {"no": 2, "text": "垃圾清运调整至每日七点半以后，由小区党支部组织党员志愿者开展分类督导。"}
            ]),
        ),
        admin,
        &[
            (
                1,
                cal.text("完成架空层改造施工并公示资金使用情况"),
                company,
                cal.date(ymd(2026, 6, 30)),
                Some(cal.date(ymd(2026, 6, 26))),
            ),
            (
                2,
                cal.text("组织党员志愿者开展垃圾分类督导"),
                branch,
                cal.date(ymd(2026, 5, 31)),
                Some(cal.date(ymd(2026, 5, 28))),
            ),
        ],
    );
    plan.meeting(
        compound_id,
        cal.date(ymd(2026, 8, 20)),
        cal.text("融城花苑2026年第三季度四方联席会议"),
        location.clone(),
        convener,
        minutes(
            json!([
                {"no": 1, "title": "公共收益专项审计结果通报",
                 "discussion": "监委会通报2025年度电梯广告、停车场等公共收益专项审计结果；业委会提出公共收益应单独建账。"},
                {"no": 2, "title": "电动自行车集中充电桩建设",
                 "discussion": "楼道充电存在火灾隐患，物业公司提出在架空层建设集中充电桩，监委会要求收费标准报业委会备案。"}
            ]),
            json!([
                {"no": 1, "text": "公共收益自9月起单独建账，每季度经监委会核对后在公示栏公布。"},
                {"no": 2, "text": "在3栋、8栋架空层建设电动自行车集中充电桩，10月31日前投入使用。"}
            ]),
        ),
        admin,
        &[
            (
                1,
                cal.text("公共收益单独建账并完成第三季度公示"),
                owners,
                cal.date(ymd(2026, 9, 30)),
                Some(cal.date(ymd(2026, 9, 28))),
            ),
            (
                2,
                cal.text("建成电动自行车集中充电桩并投入使用"),
                company,
                cal.date(ymd(2026, 10, 31)),
                None,
            ),
        ],
    );
    plan.meeting(
        compound_id,
        cal.date(ymd(2026, 11, 10)),
        cal.text("融城花苑2026年第四季度四方联席会议"),
        location,
        convener,
        minutes(
            json!([
                {"no": 1, "title": "物业服务合同到期续签",
                 "discussion": "现物业服务合同12月31日到期；业委会通报业主满意度调查结果，讨论续签条件。"},
                {"no": 2, "title": "冬季消防安全检查",
                 "discussion": "监委会检查发现部分消防通道堆放杂物，物业公司说明清理安排。"},
                {"no": 3, "title": "业委会年度履职情况评议",
                 "discussion": "小区党支部组织对业委会本年度履职情况进行评议。"}
            ]),
            json!([
                {"no": 1, "text": "启动物业服务合同续签程序，12月15日前由业委会组织业主表决。"},
                {"no": 2, "text": "11月20日前完成消防通道清理和楼道杂物清除。"}
            ]),
        ),
        admin,
        &[
            (
                1,
                cal.text("组织业主对物业服务合同续签进行表决"),
                owners,
                cal.date(ymd(2026, 12, 15)),
                None,
            ),
            (
                2,
                cal.text("完成消防通道清理和楼道杂物清除"),
                company,
                cal.date(ymd(2026, 11, 20)),
                None,
            ),
            (
                2,
                cal.text("组织党员志愿者协助清理楼道杂物"),
                branch,
                cal.date(ymd(2026, 11, 20)),
                Some(cal.date(ymd(2026, 11, 18))),
            ),
        ],
    );
}

/// Every string of a minutes fragment through [`DemoCalendar::text`].
fn shift_texts(value: Value, cal: &DemoCalendar) -> Value {
    match value {
        Value::String(text) => Value::String(cal.text(&text)),
        Value::Array(items) => {
            Value::Array(items.into_iter().map(|v| shift_texts(v, cal)).collect())
        }
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(k, v)| (k, shift_texts(v, cal)))
                .collect(),
        ),
        other => other,
    }
}

/// One ordinary joint meeting `k` of a compound within the 90 days before `today` (the
/// story's today on the load day's calendar), with the bodies the compound has and one
/// follow-up (done, open, or open and overdue).
#[expect(clippy::too_many_arguments, reason = "one meeting record's facts")]
fn plan_recent_meeting(
    plan: &mut Plan,
    k: usize,
    compound: &Compound,
    convener: Uuid,
    b: &Bodies,
    location: String,
    admin: Uuid,
    today: NaiveDate,
) {
    let held_on = today - TimeDelta::days(1 + (k as i64 * 37) % 89);
    let topics = match compound.mode {
        GovernanceMode::PropertyManaged => MANAGED_TOPICS,
        GovernanceMode::Entrusted => ENTRUSTED_TOPICS,
        GovernanceMode::SelfManaged => SELF_MANAGED_TOPICS,
    };
    let Some(&(title, discussion, resolution, follow_up)) = topics.get(k % topics.len()) else {
        return;
    };
    let Some(owner) = b.company.or(b.residents).or(b.branch) else {
        return;
    };
    let minutes = json!({
        "attendance": plan.attendance(&b.at_the_table()),
        "agenda": [{"no": 1, "title": title, "discussion": discussion}],
        "resolutions": [{"no": 1, "text": resolution}],
    });
    let due = held_on + TimeDelta::days(21);
    let done_on = (due < today && !k.is_multiple_of(4)).then(|| due - TimeDelta::days(2));
    plan.meeting(
        compound.id,
        held_on,
        format!("{}{}月联席会议", compound.name, held_on.month()),
        location,
        convener,
        minutes,
        admin,
        &[(1, follow_up.to_owned(), owner, due, done_on)],
    );
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use linli_domain::{
        FieldErrors,
        geo::GeoPoint,
        registry::{CentreDraft, Minutes, OpeningHours, is_id_number},
    };

    use super::*;

    /// The story as written: its facts are checked on their own dates.
    const STORY: DemoCalendar = DemoCalendar::story();

    /// Loads on days around the year (a month end and a leap day among them).
    fn load_days() -> Vec<DemoCalendar> {
        [
            (2026, 12, 7),
            (2027, 1, 31),
            (2027, 6, 15),
            (2027, 12, 7),
            (2028, 2, 29),
            (2028, 3, 31),
            (2026, 8, 20),
        ]
        .into_iter()
        .filter_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .map(DemoCalendar::for_today)
        .collect()
    }

    const ZIYUAN_MICRO: [&str; 9] = [
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

    fn compound(name: &str, community: usize, mode: GovernanceMode, seq: usize) -> Compound {
        // The demo's own scatter over Yuhua's footprint.
        Compound {
            id: Uuid::now_v7(),
            name: name.to_owned(),
            community,
            mode,
            lat: Some(28.06 + ((seq * 37) % 100) as f64 * 0.0011),
            lon: Some(112.99 + ((seq * 53) % 100) as f64 * 0.0012),
        }
    }

    /// A district shaped like `demo::seed`'s: 14 subdistricts of 4 communities, the named
    /// compounds, 梓园社区's 13, and 580 generated compounds in the demo's mode cycle.
    fn demo_like() -> District {
        use GovernanceMode::{Entrusted as E, PropertyManaged as P, SelfManaged as S};
        let special = [
            ((0, 0), "梓园社区"),
            ((1, 0), "卫技社区"),
            ((1, 1), "桂花社区"),
            ((2, 0), "桃阳社区"),
            ((2, 1), "新兴社区"),
            ((3, 0), "融城社区"),
            ((4, 0), "紫金社区"),
            ((5, 0), "山水社区"),
        ];
        let subdistricts: Vec<Subdistrict> = (0..14)
            .map(|s| Subdistrict {
                id: Uuid::now_v7(),
                name: format!("第{s:02}街道"),
            })
            .collect();
        let mut communities = Vec::new();
        for s in 0..14 {
            for c in 0..4 {
                let name = special
                    .iter()
                    .find(|(at, _)| *at == (s, c))
                    .map_or_else(|| format!("{s:02}{c}社区"), |(_, n)| (*n).to_owned());
                communities.push(Community {
                    id: Uuid::now_v7(),
                    name,
                    subdistrict: s,
                });
            }
        }
        let at = |name: &str| communities.iter().position(|c| c.name == name).unwrap_or(0);
        let mut list = Vec::new();
        for (name, community, mode) in [
            ("融城花苑", "融城社区", P),
            ("卫技新村", "卫技社区", S),
            ("桂花小区", "桂花社区", E),
            ("桃阳小区", "桃阳社区", E),
            ("新兴小区", "新兴社区", E),
            ("紫金苑", "紫金社区", P),
            ("城市山水豪园", "山水社区", P),
        ] {
            list.push(compound(name, at(community), mode, list.len()));
        }
        let ziyuan = at("梓园社区");
        for name in ZIYUAN_MICRO {
            list.push(compound(name, ziyuan, E, list.len()));
        }
        for (name, mode) in [
            ("梓园新居", P),
            ("机械厂宿舍", S),
            ("纺织厂宿舍", S),
            ("梓园雅苑", P),
        ] {
            list.push(compound(name, ziyuan, mode, list.len()));
        }
        let others: Vec<usize> = (0..communities.len()).filter(|&c| c != ziyuan).collect();
        let mut g = 0;
        while list.len() < 600 {
            let mode = match g % 20 {
                0..=10 => P,
                11..=15 => E,
                _ => S,
            };
            let community = others[g % others.len()];
            list.push(compound(
                &format!("小区{g:03}"),
                community,
                mode,
                list.len(),
            ));
            g += 1;
        }
        District {
            id: Uuid::now_v7(),
            subdistricts,
            communities,
            compounds: list,
        }
    }

    /// A tiny district with an odd number of property-managed compounds.
    fn small() -> District {
        use GovernanceMode::{Entrusted as E, PropertyManaged as P, SelfManaged as S};
        let subdistricts = vec![Subdistrict {
            id: Uuid::now_v7(),
            name: "同升街道".to_owned(),
        }];
        let communities = (0..2)
            .map(|c| Community {
                id: Uuid::now_v7(),
                name: format!("社区{c}"),
                subdistrict: 0,
            })
            .collect();
        let modes = [P, P, P, E, E, S, P, P, E];
        let compounds = modes
            .iter()
            .enumerate()
            .map(|(i, &m)| compound(&format!("小区{i}"), i % 2, m, i))
            .collect();
        District {
            id: Uuid::now_v7(),
            subdistricts,
            communities,
            compounds,
        }
    }

    fn ids_of(p: &Plan, kind: OrgKind) -> HashSet<Uuid> {
        p.organisations
            .iter()
            .filter(|o| o.kind == kind.as_str())
            .map(|o| o.id)
            .collect()
    }

    fn org_named<'a>(p: &'a Plan, name: &str) -> Option<&'a OrganisationRow> {
        p.organisations.iter().find(|o| o.name == name)
    }

    fn compound_named<'a>(d: &'a District, name: &str) -> Option<&'a Compound> {
        d.compounds.iter().find(|c| c.name == name)
    }

    /// Compounds per organisation of `kind`.
    fn coverage_of(p: &Plan, kind: OrgKind) -> HashMap<Uuid, Vec<Uuid>> {
        let ids = ids_of(p, kind);
        let mut out: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for row in p
            .coverage
            .iter()
            .filter(|r| ids.contains(&r.organisation_id))
        {
            out.entry(row.organisation_id)
                .or_default()
                .push(row.compound_id);
        }
        out
    }

    #[test]
    fn branches_reproduce_425_covering_547() {
        let d = demo_like();
        let p = plan(&d, Uuid::nil(), &STORY);
        let branches = coverage_of(&p, OrgKind::CompoundPartyBranch);
        assert_eq!(ids_of(&p, OrgKind::CompoundPartyBranch).len(), BRANCH_TOTAL);
        assert_eq!(
            branches.len(),
            BRANCH_TOTAL,
            "every branch covers compounds"
        );
        let mut covered: Vec<Uuid> = branches.values().flatten().copied().collect();
        let rows = covered.len();
        covered.sort();
        covered.dedup();
        assert_eq!((rows, covered.len()), (COVERED_TOTAL, COVERED_TOTAL));
        assert_eq!(p.report().covered_compounds, COVERED_TOTAL);
        let sizes: Vec<usize> = branches.values().map(Vec::len).collect();
        assert_eq!(sizes.iter().filter(|s| **s == 2).count(), 122);
        assert_eq!(sizes.iter().filter(|s| **s == 1).count(), 303);

        let by_id: HashMap<Uuid, &Compound> = d.compounds.iter().map(|c| (c.id, c)).collect();
        for org in p
            .organisations
            .iter()
            .filter(|o| o.kind == OrgKind::CompoundPartyBranch.as_str())
        {
            let members = branches.get(&org.id).cloned().unwrap_or_default();
            let communities: HashSet<usize> = members
                .iter()
                .filter_map(|id| by_id.get(id).map(|c| c.community))
                .collect();
            assert_eq!(communities.len(), 1, "{} spans communities", org.name);
            let community = communities
                .iter()
                .next()
                .and_then(|&c| d.communities.get(c));
            match members.as_slice() {
                [single] => assert_eq!(org.area_id, *single),
                _ => assert_eq!(Some(org.area_id), community.map(|c| c.id)),
            }
        }

        let Some(rongcheng) = compound_named(&d, "融城花苑") else {
            panic!("fixture has 融城花苑")
        };
        let Some(branch) = org_named(&p, "融城花苑党支部") else {
            panic!("融城花苑 has its own branch")
        };
        assert_eq!(branches.get(&branch.id), Some(&vec![rongcheng.id]));
        // The source's compounds all keep a branch of their own.
        for name in NAMED_COMPOUNDS {
            let compound = compound_named(&d, name).map(|c| c.id);
            let own = org_named(&p, &format!("{name}党支部")).map(|o| o.id);
            assert_eq!(
                own.and_then(|o| branches.get(&o)).cloned(),
                compound.map(|c| vec![c])
            );
        }
        let ziyuan = d.community_named("梓园社区");
        for c in d
            .compounds
            .iter()
            .filter(|c| c.name == "卫技新村" || Some(c.community) == ziyuan)
        {
            assert!(covered.contains(&c.id), "{} is covered", c.name);
        }
        // The 53 uncovered compounds spread over every subdistrict.
        let mut per_subdistrict = vec![0; d.subdistricts.len()];
        for c in d.compounds.iter().filter(|c| !covered.contains(&c.id)) {
            if let Some(community) = d.communities.get(c.community) {
                per_subdistrict[community.subdistrict] += 1;
            }
        }
        assert_eq!(per_subdistrict.iter().sum::<usize>(), 600 - COVERED_TOTAL);
        assert!(
            per_subdistrict.iter().all(|n| (3..=4).contains(n)),
            "{per_subdistrict:?}"
        );
    }

    /// Party members among all owners' committee seats, and all seats.
    fn owners_share(p: &Plan) -> (usize, usize) {
        let owners = ids_of(p, OrgKind::OwnersCommittee);
        let party: HashMap<Uuid, bool> =
            p.people.iter().map(|x| (x.id, x.is_party_member)).collect();
        let seats: Vec<&PostRow> = p
            .posts
            .iter()
            .filter(|post| owners.contains(&post.organisation_id))
            .collect();
        let members = seats
            .iter()
            .filter(|post| party.get(&post.person_id) == Some(&true))
            .count();
        (members, seats.len())
    }

    #[test]
    fn party_members_are_exactly_half_of_owners_committees() {
        let d = demo_like();
        let p = plan(&d, Uuid::nil(), &STORY);
        let managed = d
            .compounds
            .iter()
            .filter(|c| c.mode == GovernanceMode::PropertyManaged)
            .count();
        assert_eq!(managed, 324);
        assert_eq!(ids_of(&p, OrgKind::OwnersCommittee).len(), managed);
        assert_eq!(ids_of(&p, OrgKind::SupervisoryCommittee).len(), managed);
        let (party, seats) = owners_share(&p);
        assert_eq!(seats, managed * 5);
        assert_eq!(party * 2, seats);

        // An odd number of committees still splits exactly.
        let small = small();
        let p = plan(&small, Uuid::nil(), &STORY);
        let (party, seats) = owners_share(&p);
        assert_eq!(seats, 5 * 5 + 1);
        assert_eq!(party * 2, seats);
    }

    #[test]
    fn secretaries_live_in_their_branch_and_some_sit_on_owners_committees() {
        let d = demo_like();
        let p = plan(&d, Uuid::nil(), &STORY);
        let branches = coverage_of(&p, OrgKind::CompoundPartyBranch);
        let owners = ids_of(&p, OrgKind::OwnersCommittee);
        let people: HashMap<Uuid, &PersonRow> = p.people.iter().map(|x| (x.id, x)).collect();
        let owners_of: HashMap<Uuid, Uuid> = coverage_of(&p, OrgKind::OwnersCommittee)
            .into_iter()
            .filter_map(|(org, cs)| cs.as_slice().first().map(|&c| (org, c)))
            .collect();
        let mut cross = 0;
        for branch in branches.keys() {
            let secretaries: Vec<&PostRow> = p
                .posts
                .iter()
                .filter(|x| x.organisation_id == *branch && x.title == "书记")
                .collect();
            let [secretary] = secretaries.as_slice() else {
                panic!("one secretary per branch")
            };
            assert!(secretary.single_holder);
            let Some(person) = people.get(&secretary.person_id) else {
                panic!("the secretary exists")
            };
            assert!(person.is_party_member);
            let home = person.home_compound_id.unwrap_or_default();
            assert!(branches.get(branch).is_some_and(|cs| cs.contains(&home)));
            let seats: Vec<&PostRow> = p
                .posts
                .iter()
                .filter(|x| x.person_id == person.id && owners.contains(&x.organisation_id))
                .collect();
            assert!(seats.len() <= 1);
            if let Some(seat) = seats.as_slice().first() {
                assert_eq!(seat.title, "副主任");
                let compound = owners_of.get(&seat.organisation_id).copied();
                assert!(
                    branches
                        .get(branch)
                        .is_some_and(|cs| compound.is_some_and(|c| cs.contains(&c)))
                );
                cross += 1;
            }
        }
        // Every third property-managed compound covered by a branch.
        let covered_managed = d
            .compounds
            .iter()
            .filter(|c| c.mode == GovernanceMode::PropertyManaged)
            .filter(|c| branches.values().any(|cs| cs.contains(&c.id)))
            .count();
        assert_eq!(cross, covered_managed.div_ceil(3));
    }

    #[test]
    fn people_have_unique_names_phones_and_valid_ids() {
        let mut all: Vec<String> = (0..NAME_SPACE).map(person_name).collect();
        all.sort();
        all.dedup();
        assert_eq!(
            all.len(),
            NAME_SPACE,
            "names are unique across the name space"
        );

        let d = demo_like();
        let p = plan(&d, Uuid::nil(), &STORY);
        let names: HashSet<&str> = p.people.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names.len(), p.people.len());
        let phones: HashSet<&str> = p.people.iter().filter_map(|x| x.phone.as_deref()).collect();
        assert_eq!(phones.len(), p.people.len());
        for phone in &phones {
            let digits: Vec<char> = phone.chars().collect();
            assert_eq!(digits.len(), 11, "{phone}");
            assert!(digits.iter().all(char::is_ascii_digit));
            assert_eq!(digits.as_slice().first(), Some(&'1'));
            assert!(
                digits.get(1).is_some_and(|d| ('3'..='9').contains(d)),
                "{phone}"
            );
        }
        let ids: Vec<&str> = p
            .people
            .iter()
            .filter_map(|x| x.id_number.as_deref())
            .collect();
        assert_eq!(ids.len(), p.people.len().div_ceil(5));
        for id in &ids {
            assert!(is_id_number(id) && id.starts_with("430111"), "{id}");
        }
        // The ISO 7064 check character of a published sample number.
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        for id in &ids {
            let sum: u32 = id
                .bytes()
                .take(17)
                .zip(weights)
                .map(|(b, w)| u32::from(b - b'0') * w)
                .sum();
            let check = b"10X98765432"[(sum % 11) as usize];
            assert_eq!(id.as_bytes().get(17), Some(&check));
        }
        assert!(p.people.iter().all(|x| x.home_compound_id.is_some()));
        assert!(p.people.iter().all(|x| x.name.chars().count() >= 2));
        let employed = p.people.iter().filter(|x| x.employer.is_some()).count();
        assert!(employed > 100);
        assert!(
            p.people
                .iter()
                .all(|x| x.employer.is_none() || x.is_party_member)
        );
    }

    #[test]
    fn contracts_cover_managed_and_entrusted_compounds_once() {
        let d = demo_like();
        let p = plan(&d, Uuid::nil(), &STORY);
        let mut per_compound: HashMap<Uuid, usize> = HashMap::new();
        for row in &p.contract_compounds {
            *per_compound.entry(row.compound_id).or_default() += 1;
        }
        let contracts: HashMap<Uuid, &ContractRow> =
            p.contracts.iter().map(|c| (c.id, c)).collect();
        for c in &d.compounds {
            let expected = usize::from(c.mode != GovernanceMode::SelfManaged);
            assert_eq!(
                per_compound.get(&c.id).copied().unwrap_or(0),
                expected,
                "{}",
                c.name
            );
        }
        for row in &p.contract_compounds {
            let Some(contract) = contracts.get(&row.contract_id) else {
                panic!("the contract exists")
            };
            assert_eq!(
                (row.start_date, row.end_date),
                (contract.start_date, contract.end_date)
            );
            assert!(contract.start_date <= TODAY && TODAY <= contract.end_date);
        }
        // Shifted, every contract still runs on the story's today and on the load day, and
        // 融城花苑's runs out at the end of the load month.
        let rongcheng = compound_named(&d, RONGCHENG).map(|c| c.id);
        for cal in load_days() {
            let shifted = plan(&d, Uuid::nil(), &cal);
            let (today, story_today) = (cal.today(), cal.date(TODAY));
            for c in &shifted.contract_compounds {
                assert!(
                    c.start_date <= story_today && today <= c.end_date,
                    "{today}"
                );
                assert!(c.start_date.day() == 1);
                if Some(c.compound_id) == rongcheng {
                    assert_eq!(
                        c.end_date + TimeDelta::days(1),
                        today
                            .with_day(1)
                            .and_then(|m| m.checked_add_months(chrono::Months::new(1)))
                            .unwrap_or_default()
                    );
                }
            }
            assert!(shifted.posts.iter().all(|x| x.start_date < story_today));
        }
        let companies = ids_of(&p, OrgKind::PropertyCompany);
        assert_eq!(companies.len(), COMPANY_TOTAL);
        let entrusted: HashSet<Uuid> = d
            .compounds
            .iter()
            .filter(|c| c.mode == GovernanceMode::Entrusted)
            .map(|c| c.id)
            .collect();
        for contract in &p.contracts {
            assert!(companies.contains(&contract.company_id));
            assert!(contract.title.chars().count() <= 100);
            let members: Vec<Uuid> = p
                .contract_compounds
                .iter()
                .filter(|r| r.contract_id == contract.id)
                .map(|r| r.compound_id)
                .collect();
            if members.iter().any(|c| entrusted.contains(c)) {
                assert!(members.len() >= 2, "{} is a bundle", contract.title);
                assert!((30..=60).contains(&contract.fee_fen_per_sqm));
            } else {
                assert_eq!(members.len(), 1);
                assert!((50..=180).contains(&contract.fee_fen_per_sqm));
            }
        }
        let Some(bundle) = p
            .contracts
            .iter()
            .find(|c| c.title == "梓园社区共享物业服务合同")
        else {
            panic!("梓园's bundle")
        };
        let micro: HashSet<Uuid> = d
            .compounds
            .iter()
            .filter(|c| ZIYUAN_MICRO.contains(&c.name.as_str()))
            .map(|c| c.id)
            .collect();
        let members: HashSet<Uuid> = p
            .contract_compounds
            .iter()
            .filter(|r| r.contract_id == bundle.id)
            .map(|r| r.compound_id)
            .collect();
        assert_eq!(members, micro);
        assert_eq!(
            org_named(&p, ZIYUAN_COMPANY).map(|o| o.id),
            Some(bundle.company_id)
        );
    }

    #[test]
    fn the_other_bodies_centres_and_teams() {
        let d = demo_like();
        let p = plan(&d, Uuid::nil(), &STORY);
        let report = p.report();
        let count = |kind: OrgKind| {
            report
                .organisations
                .get(kind.as_str())
                .copied()
                .unwrap_or(0)
        };
        assert_eq!(
            count(OrgKind::PropertyCompanyPartyOrg),
            COMPANY_PARTY_ORG_TOTAL
        );
        assert_eq!(count(OrgKind::CommunityPartyCommittee), d.communities.len());
        assert_eq!(count(OrgKind::VolunteerTeam), VOLUNTEER_TEAM_TOTAL);
        assert_eq!(count(OrgKind::AuditFirm), 4);
        assert_eq!(count(OrgKind::LawEnforcement), d.subdistricts.len());
        assert_eq!(count(OrgKind::Partner), 1);
        let self_managed = d
            .compounds
            .iter()
            .filter(|c| c.mode == GovernanceMode::SelfManaged)
            .count();
        assert_eq!(count(OrgKind::ResidentsCommittee), self_managed);

        let companies = ids_of(&p, OrgKind::PropertyCompany);
        for org in p
            .organisations
            .iter()
            .filter(|o| o.kind == OrgKind::PropertyCompanyPartyOrg.as_str())
        {
            assert!(org.parent_id.is_some_and(|c| companies.contains(&c)));
            assert_eq!(org.area_id, d.id);
        }
        let weiji_community = d
            .community_named("卫技社区")
            .and_then(|c| d.communities.get(c));
        assert_eq!(
            org_named(&p, "长沙市中心医院").map(|o| o.area_id),
            weiji_community.map(|c| c.id)
        );
        assert!(org_named(&p, "梓园社区党总支").is_some());
        for (team, home) in SOURCE_TEAMS {
            let teams: Vec<&OrganisationRow> =
                p.organisations.iter().filter(|o| o.name == *team).collect();
            let community = d.community_named(home).and_then(|c| d.communities.get(c));
            assert_eq!(teams.len(), 1, "{team}");
            assert_eq!(
                teams.as_slice().first().map(|t| t.area_id),
                community.map(|c| c.id)
            );
        }
        let Some(weiji) = compound_named(&d, "卫技新村") else {
            panic!("fixture has 卫技新村")
        };
        let Some(residents) = org_named(&p, "卫技新村居民自治委员会") else {
            panic!("卫技新村 governs itself")
        };
        assert_eq!(
            coverage_of(&p, OrgKind::ResidentsCommittee).get(&residents.id),
            Some(&vec![weiji.id])
        );

        // Names are unique where the database says so, and fit.
        let mut keys: Vec<(Uuid, &str, &str)> = p
            .organisations
            .iter()
            .map(|o| (o.area_id, o.kind, o.name.as_str()))
            .collect();
        let before = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(before, keys.len());
        assert!(
            p.organisations
                .iter()
                .all(|o| o.name.chars().count() <= 100)
        );

        assert_eq!(p.centres.len(), CENTRE_TOTAL);
        let mut centre_keys: Vec<(Uuid, &str)> = p
            .centres
            .iter()
            .map(|c| (c.community_id, c.name.as_str()))
            .collect();
        centre_keys.sort();
        centre_keys.dedup();
        assert_eq!(centre_keys.len(), CENTRE_TOTAL);
        let Some(space) = p.centres.iter().find(|c| c.name == "580睦邻空间") else {
            panic!("卫技社区 has the 580睦邻空间")
        };
        assert_eq!(Some(space.community_id), weiji_community.map(|w| w.id));
        let at_weiji = GeoPoint {
            lat: weiji.lat.unwrap_or_default(),
            lon: weiji.lon.unwrap_or_default(),
        };
        let here = GeoPoint {
            lat: space.lat,
            lon: space.lon,
        };
        assert!(
            here.distance_m(&at_weiji) < 100.0,
            "the space is at 卫技新村"
        );
        let communities: HashSet<Uuid> = p.centres.iter().map(|c| c.community_id).collect();
        assert_eq!(communities.len(), d.communities.len());
        for centre in &p.centres {
            let Ok(hours) = serde_json::from_value::<OpeningHours>(centre.opening_hours.clone())
            else {
                panic!("opening hours of {}", centre.name)
            };
            assert_eq!(hours.len(), 7);
            let draft = CentreDraft {
                community_id: centre.community_id,
                name: centre.name.clone(),
                address: centre.address.clone(),
                location: GeoPoint {
                    lat: centre.lat,
                    lon: centre.lon,
                },
                geofence_radius_m: centre.geofence_radius_m,
                opening_hours: hours,
                services: centre.services.clone(),
            };
            assert!(draft.check().is_ok(), "{}", centre.name);
            assert!((100..=300).contains(&centre.geofence_radius_m));
            // Next to one of its community's compounds.
            let nearest = d
                .compounds
                .iter()
                .filter(|c| {
                    d.communities.get(c.community).map(|x| x.id) == Some(centre.community_id)
                })
                .filter_map(|c| c.lat.zip(c.lon))
                .map(|(lat, lon)| draft.location.distance_m(&GeoPoint { lat, lon }))
                .fold(f64::INFINITY, f64::min);
            assert!(nearest < 200.0, "{} is {nearest} m away", centre.name);
        }
    }

    #[test]
    fn posts_respect_the_database_rules() {
        let p = plan(&demo_like(), Uuid::nil(), &STORY);
        let mut single: Vec<(Uuid, &str)> = p
            .posts
            .iter()
            .filter(|x| x.single_holder)
            .map(|x| (x.organisation_id, x.title))
            .collect();
        let before = single.len();
        single.sort();
        single.dedup();
        assert_eq!(before, single.len(), "one holder per single-holder post");
        let mut held: Vec<(Uuid, Uuid, &str)> = p
            .posts
            .iter()
            .map(|x| (x.person_id, x.organisation_id, x.title))
            .collect();
        let before = held.len();
        held.sort();
        held.dedup();
        assert_eq!(before, held.len(), "nobody holds one post twice");
        let owners = ids_of(&p, OrgKind::OwnersCommittee);
        for committee in &owners {
            let titles: Vec<&str> = p
                .posts
                .iter()
                .filter(|x| x.organisation_id == *committee)
                .map(|x| x.title)
                .collect();
            assert_eq!(titles, ["主任", "副主任", "委员", "委员", "委员"]);
        }
        assert!(
            p.posts
                .iter()
                .filter(|x| owners.contains(&x.organisation_id))
                .all(|x| x.start_date == COMMITTEES_ELECTED && x.end_date.is_none())
        );
    }

    #[test]
    fn meetings_have_the_minutes_the_server_reads() {
        let d = demo_like();
        let admin = Uuid::now_v7();
        let p = plan(&d, admin, &STORY);
        let kinds: HashMap<Uuid, &str> = p.organisations.iter().map(|o| (o.id, o.kind)).collect();
        let Some(rongcheng) = compound_named(&d, "融城花苑") else {
            panic!("fixture has 融城花苑")
        };
        let Some(convener) = org_named(&p, "融城社区党总支") else {
            panic!("融城社区 has a party committee")
        };
        for meeting in &p.meetings {
            let Ok(minutes) = serde_json::from_value::<Minutes>(meeting.minutes.clone()) else {
                panic!("minutes of {}", meeting.title)
            };
            let mut errors = FieldErrors::new();
            minutes.check(&mut errors);
            assert!(errors.is_empty(), "{}: {errors:?}", meeting.title);
            assert!(!minutes.agenda.is_empty() && !minutes.resolutions.is_empty());
            for a in &minutes.attendance {
                assert_eq!(
                    a.body.map(OrgKind::as_str),
                    kinds.get(&a.organisation_id).copied()
                );
                assert!(!a.attendees.is_empty());
            }
            assert_eq!(
                (meeting.status, meeting.finalised_by),
                ("finalised", Some(admin))
            );
            assert!(meeting.finalised_at.is_some() && meeting.title.chars().count() <= 100);
        }
        let ours: Vec<&MeetingRow> = p
            .meetings
            .iter()
            .filter(|m| m.compound_id == rongcheng.id)
            .collect();
        assert_eq!(ours.len(), 3);
        for meeting in &ours {
            assert_eq!(meeting.convener_org_id, convener.id);
            assert_eq!(meeting.held_on.year(), 2026);
            let Ok(minutes) = serde_json::from_value::<Minutes>(meeting.minutes.clone()) else {
                panic!("minutes")
            };
            assert_eq!(minutes.bodies(), OrgKind::FOUR_BODIES);
        }
        let ids: HashSet<Uuid> = ours.iter().map(|m| m.id).collect();
        let items: Vec<&ActionItemRow> = p
            .action_items
            .iter()
            .filter(|a| ids.contains(&a.meeting_id))
            .collect();
        assert!(items.iter().any(|a| a.status == "open" && a.due_on < TODAY));
        assert!(items.iter().any(|a| a.status == "done"));
        for item in &p.action_items {
            assert_eq!(item.status == "done", item.done_on.is_some());
            assert!(item.done_on.is_none_or(|d| d <= TODAY));
        }
        let recent: Vec<&MeetingRow> = p
            .meetings
            .iter()
            .filter(|m| m.compound_id != rongcheng.id)
            .collect();
        assert_eq!(recent.len(), RECENT_MEETING_TOTAL);
        let compounds: HashSet<Uuid> = recent.iter().map(|m| m.compound_id).collect();
        assert_eq!(compounds.len(), RECENT_MEETING_TOTAL);
        assert!(
            recent
                .iter()
                .all(|m| m.held_on < TODAY && TODAY - m.held_on < TimeDelta::days(90))
        );
    }

    #[test]
    fn meetings_keep_their_story_on_any_load_day() {
        let d = demo_like();
        let Some(rongcheng) = compound_named(&d, RONGCHENG).map(|c| c.id) else {
            panic!("fixture has 融城花苑")
        };
        let story = plan(&d, Uuid::nil(), &STORY);
        let december = plan(&d, Uuid::nil(), &DemoCalendar::for_today(ymd(2026, 12, 19)));
        // Ids differ between plans; dates and words do not.
        let facts = |p: &Plan| -> Vec<(NaiveDate, String, Value, Value)> {
            p.meetings
                .iter()
                .map(|m| {
                    let part = |key: &str| m.minutes.get(key).cloned().unwrap_or_default();
                    (
                        m.held_on,
                        m.title.clone(),
                        part("agenda"),
                        part("resolutions"),
                    )
                })
                .collect()
        };
        assert_eq!(
            facts(&story),
            facts(&december),
            "December 2026 is the story"
        );
        for cal in load_days() {
            let p = plan(&d, Uuid::nil(), &cal);
            let (today, story_today) = (cal.today(), cal.date(TODAY));
            assert_eq!(p.meetings.len(), story.meetings.len());
            for m in &p.meetings {
                assert!(m.held_on < story_today);
                assert!(
                    m.compound_id == rongcheng || story_today - m.held_on < TimeDelta::days(90)
                );
                assert!(m.finalised_at.is_some_and(|t| t.date_naive() < today));
                let Ok(minutes) = serde_json::from_value::<Minutes>(m.minutes.clone()) else {
                    panic!("minutes of {}", m.title)
                };
                let mut errors = FieldErrors::new();
                minutes.check(&mut errors);
                assert!(errors.is_empty(), "{}: {errors:?}", m.title);
                if m.compound_id != rongcheng {
                    assert!(
                        m.title
                            .ends_with(&format!("{}月联席会议", m.held_on.month()))
                    );
                }
            }
            for item in &p.action_items {
                assert!(item.done_on.is_none_or(|d| d <= story_today));
            }
            // 融城花苑: the last meeting on the 10th of last month, one follow-up overdue.
            let ours: Vec<&MeetingRow> = p
                .meetings
                .iter()
                .filter(|m| m.compound_id == rongcheng)
                .collect();
            assert_eq!(ours.len(), 3);
            let last = ours.iter().map(|m| m.held_on).max().unwrap_or_default();
            assert_eq!(last, cal.date(ymd(2026, 11, 10)));
            assert_eq!(last.day(), 10);
            assert!(last < today && today - last < TimeDelta::days(62));
            let ids: HashSet<Uuid> = ours.iter().map(|m| m.id).collect();
            let items: Vec<&ActionItemRow> = p
                .action_items
                .iter()
                .filter(|a| ids.contains(&a.meeting_id))
                .collect();
            assert!(items.iter().any(|a| a.status == "open" && a.due_on < today));
            assert!(
                items
                    .iter()
                    .any(|a| a.status == "open" && a.due_on > story_today)
            );
            // Titles and minutes name the shifted quarters and days.
            let texts = serde_json::to_string(&ours.iter().map(|m| &m.minutes).collect::<Vec<_>>())
                .unwrap_or_default();
            let due = cal.date(ymd(2026, 10, 31));
            assert!(texts.contains(&format!("{}月{}日前投入使用", due.month(), due.day())));
            let quarter = ours
                .iter()
                .find(|m| m.held_on == last)
                .map(|m| m.title.clone());
            assert_eq!(
                quarter,
                Some(cal.text("融城花苑2026年第四季度四方联席会议"))
            );
        }
        let later = DemoCalendar::for_today(ymd(2027, 12, 7));
        assert_eq!(
            later.text("融城花苑2026年第四季度四方联席会议"),
            "融城花苑2027年第四季度四方联席会议"
        );
        let shifted = DemoCalendar::for_today(ymd(2028, 3, 31));
        assert_eq!(
            shifted.text("融城花苑2026年第四季度四方联席会议"),
            "融城花苑2028年第一季度四方联席会议"
        );
    }

    #[test]
    fn plans_are_deterministic() {
        let d = demo_like();
        let (a, b) = (plan(&d, Uuid::nil(), &STORY), plan(&d, Uuid::nil(), &STORY));
        let orgs = |p: &Plan| -> Vec<(&str, String, Uuid)> {
            p.organisations
                .iter()
                .map(|o| (o.kind, o.name.clone(), o.area_id))
                .collect()
        };
        assert_eq!(orgs(&a), orgs(&b));
        let people = |p: &Plan| -> Vec<(String, Option<String>, bool, Option<Uuid>)> {
            p.people
                .iter()
                .map(|x| {
                    (
                        x.name.clone(),
                        x.phone.clone(),
                        x.is_party_member,
                        x.home_compound_id,
                    )
                })
                .collect()
        };
        assert_eq!(people(&a), people(&b));
        assert_eq!(a.report(), b.report());
        let minutes = |p: &Plan| -> Vec<(NaiveDate, String)> {
            p.meetings
                .iter()
                .map(|m| (m.held_on, m.title.clone()))
                .collect()
        };
        assert_eq!(minutes(&a), minutes(&b));
    }
}
