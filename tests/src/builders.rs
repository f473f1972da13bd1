//! Fixture builders: each test makes the compounds, people, organisations, users and
//! complaints it needs instead of leaning on named rows of the demo seed.
//!
//! Builders create through the public API as the demo district's administrator (the
//! environment every test runs in), so building a fixture also exercises the product.
//! Where the API offers no way, a builder writes the row directly and says why.
//!
//! ```ignore
//! let compound = app.compound().self_managed().create().await;
//! let committee = app.organisation(OrgKind::ResidentsCommittee).serving(compound.id).create().await;
//! let member = app.user(Role::CommitteeMember).over(compound.id).member_of(committee).create().await;
//! ```

use linli_domain::{policy::Role, registry::OrgKind};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{DEMO_PASSWORD, TestApp};

/// Builder methods that each set one field: `name(arg: Type) => field = value;`.
macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident($arg:ident: $ty:ty) => $field:ident = $value:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, $arg: $ty) -> Self {
                self.$field = $value;
                self
            }
        )*
    };
}

mod allowances;
mod revenue;
mod volunteering;

pub use allowances::{PostHolder, PostHolderBuilder, ProgrammeBuilder};
pub use revenue::{Books, ledger_entry};
pub use volunteering::{
    ActivityBuilder, Centre, CentreBuilder, TeamBuilder, Volunteer, VolunteerBuilder,
};

/// A short unique suffix for names that must not collide with the demo's or each other's.
pub fn unique(prefix: &str) -> String {
    format!("{prefix}{}", &Uuid::new_v4().simple().to_string()[..8])
}

/// A JSON string value as text, for enums serialised by serde.
pub(crate) fn code<T: serde::Serialize + std::fmt::Debug>(value: T) -> String {
    serde_json::to_value(&value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| panic!("{value:?} does not serialise as a string code"))
}

/// The id in a created resource's body.
pub(crate) fn id_of(body: &Value, what: &str) -> Uuid {
    body["id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("created {what} has no id: {body}"))
}

impl TestApp {
    /// An access token for the demo district's administrator, as whom builders create.
    pub async fn admin(&self) -> String {
        self.token_for("admin").await
    }

    /// `by`, or else the administrator's token.
    pub(crate) async fn token_or_admin(&self, by: Option<String>) -> String {
        match by {
            Some(token) => token,
            None => self.admin().await,
        }
    }

    /// POSTs `body` to `path` as `by` (default: the administrator) and returns the created
    /// resource.
    pub(crate) async fn create_by(
        &self,
        by: Option<String>,
        path: &str,
        body: &Value,
        what: &str,
    ) -> Value {
        let token = self.token_or_admin(by).await;
        self.create_as(&token, path, body, what).await
    }

    /// POSTs `body` to `path` as the administrator and returns the created resource.
    pub(crate) async fn create_as_admin(&self, path: &str, body: &Value, what: &str) -> Value {
        let admin = self.admin().await;
        self.create_as(&admin, path, body, what).await
    }

    /// POSTs `body` to `path` as the holder of `token` and returns the created resource.
    pub(crate) async fn create_as(
        &self,
        token: &str,
        path: &str,
        body: &Value,
        what: &str,
    ) -> Value {
        let res = self.post_as(token, path, body).await;
        assert_eq!(
            res.status.as_u16(),
            201,
            "building a {what} via POST {path} failed; body sent: {body}; answer: {}",
            res.text()
        );
        res.json()
    }

    /// A compound to build (entrusted, in the demo's 梓园社区, unless told otherwise).
    pub fn compound(&self) -> CompoundBuilder<'_> {
        CompoundBuilder {
            app: self,
            community: None,
            name: unique("测试小区"),
            mode: "entrusted",
            buildings: 6,
            households: 300,
            year_built: Some(2001),
            is_open: true,
        }
    }

    /// An organisation of `kind` to build.
    pub fn organisation(&self, kind: OrgKind) -> OrganisationBuilder<'_> {
        OrganisationBuilder {
            app: self,
            kind,
            name: unique("测试组织"),
            area: None,
            compounds: Vec::new(),
            phone: None,
        }
    }

    /// A person to build (living in `home`, a compound).
    pub fn person(&self, home: Uuid) -> PersonBuilder<'_> {
        PersonBuilder {
            app: self,
            home,
            name: unique("测试居民"),
            phone: None,
            id_number: None,
            party_member: false,
            employer: None,
        }
    }

    /// A user holding `role` to build (over the district unless told otherwise).
    pub fn user(&self, role: Role) -> UserBuilder<'_> {
        UserBuilder {
            app: self,
            role,
            area: None,
            display_name: None,
            phone: None,
            organisations: Vec::new(),
        }
    }

    /// The access token of a user built holding `role` over `area`.
    pub async fn token_over(&self, role: Role, area: Uuid) -> String {
        self.user(role).over(area).create().await.token
    }

    /// A user holding `role` over the demo area named `area` (the tree is the environment
    /// every test runs in), built with the defaults.
    pub async fn user_over(&self, role: Role, area: &str) -> User {
        let area = self.area_id(area).await;
        self.user(role).over(area).create().await
    }

    /// A community to build (under the demo's 侯家塘街道 unless told otherwise): a corner
    /// of the district no demo row lives in.
    pub fn community(&self) -> AreaBuilder<'_> {
        AreaBuilder {
            app: self,
            kind: "community",
            parent: None,
            name: unique("测试社区"),
        }
    }

    /// A subdistrict of the demo's 雨花区 to build.
    pub fn subdistrict(&self) -> AreaBuilder<'_> {
        AreaBuilder {
            app: self,
            kind: "subdistrict",
            parent: None,
            name: unique("测试街道"),
        }
    }

    /// Issues an API key named `name` with `scopes` over `area` as the administrator and
    /// returns the key and the issued key as the API shows it.
    pub async fn api_key(&self, name: &str, scopes: Value, area: Uuid) -> (String, Value) {
        let body = self
            .create_as_admin(
                "/api/v1/api-keys",
                &json!({"name": name, "scopes": scopes, "area_id": area}),
                "API key",
            )
            .await;
        let key = body["key"]
            .as_str()
            .unwrap_or_else(|| panic!("an API key is issued: {body}"))
            .to_owned();
        (key, body)
    }

    /// A property service contract of `company` (a property company) to build: a year from
    /// 400 days ahead unless told otherwise, so it overlaps none of the demo's.
    pub fn contract(&self, company: Uuid) -> ContractBuilder<'_> {
        let start = self.clock().today() + chrono::Duration::days(400);
        ContractBuilder {
            app: self,
            company,
            compounds: Vec::new(),
            start,
            end: start + chrono::Duration::days(365),
        }
    }

    /// A complaint about `compound` to build (filed by the administrator unless told).
    pub fn complaint(&self, compound: Uuid) -> ComplaintBuilder<'_> {
        ComplaintBuilder {
            app: self,
            compound,
            by: None,
            body: json!({
                "compound_id": compound, "category": "sanitation", "title": "楼道堆满杂物",
                "description": "三栋一楼楼道堆放杂物，影响通行和消防安全",
                "complainant_name": "张女士", "complainant_phone": "13700001234"
            }),
        }
    }
}

/// Builds a compound through `POST /api/v1/compounds`.
pub struct CompoundBuilder<'a> {
    app: &'a TestApp,
    community: Option<Uuid>,
    name: String,
    mode: &'static str,
    buildings: i32,
    households: i32,
    year_built: Option<i32>,
    is_open: bool,
}

/// A built compound (its id is also its area's id).
#[derive(Debug, Clone)]
pub struct Compound {
    pub id: Uuid,
    pub name: String,
    pub community_id: Uuid,
    pub body: Value,
}

impl CompoundBuilder<'_> {
    setters! {
        /// The community (an area) the compound belongs to.
        in_community(community: Uuid) => community = Some(community);

        /// Its name (unique by default).
        named(name: &str) => name = name.to_owned();
    }

    /// Governed by its residents' own committee.
    pub fn self_managed(mut self) -> Self {
        self.mode = "self_managed";
        self
    }

    /// Served by a property company under its own contract.
    pub fn property_managed(mut self) -> Self {
        self.mode = "property_managed";
        self
    }

    /// Served under a bundle contract with neighbouring compounds (the default).
    pub fn entrusted(mut self) -> Self {
        self.mode = "entrusted";
        self
    }

    setters! {
        /// How many buildings it has.
        buildings(n: i32) => buildings = n;

        /// How many households live there.
        households(n: i32) => households = n;

        /// The year it was built (`None`: unknown).
        built(year: Option<i32>) => year_built = year;

        /// Whether it has no gate.
        open(is_open: bool) => is_open = is_open;
    }

    /// Creates it as the administrator.
    pub async fn create(self) -> Compound {
        let community = match self.community {
            Some(c) => c,
            None => self.app.area_id("梓园社区").await,
        };
        let body = self
            .app
            .create_as_admin(
                "/api/v1/compounds",
                &json!({
                    "community_id": community, "name": self.name,
                    "address": "长沙市雨花区测试路 8 号", "location": {"lat": 28.1, "lon": 113.0},
                    "year_built": self.year_built, "building_count": self.buildings,
                    "household_count": self.households, "is_open": self.is_open,
                    "governance_mode": self.mode
                }),
                "compound",
            )
            .await;
        Compound {
            id: id_of(&body, "compound"),
            name: self.name,
            community_id: community,
            body,
        }
    }
}

/// Builds an area (a subdistrict or a community) through `POST /api/v1/areas`.
pub struct AreaBuilder<'a> {
    app: &'a TestApp,
    kind: &'static str,
    parent: Option<Uuid>,
    name: String,
}

impl AreaBuilder<'_> {
    setters! {
        /// Its name (unique by default).
        named(name: &str) => name = name.to_owned();
    }

    setters! {
        /// The area it belongs to (a community's subdistrict).
        under(parent: Uuid) => parent = Some(parent);
    }

    /// Creates it as the administrator and returns its id.
    pub async fn create(self) -> Uuid {
        let parent = match (self.parent, self.kind) {
            (Some(p), _) => p,
            (None, "subdistrict") => self.app.area_id("雨花区").await,
            (None, _) => self.app.area_id("侯家塘街道").await,
        };
        let body = self
            .app
            .create_as_admin(
                "/api/v1/areas",
                &json!({"parent_id": parent, "kind": self.kind, "name": self.name}),
                self.kind,
            )
            .await;
        id_of(&body, self.kind)
    }
}

/// Builds an organisation through `POST /api/v1/organisations`.
pub struct OrganisationBuilder<'a> {
    app: &'a TestApp,
    kind: OrgKind,
    name: String,
    area: Option<Uuid>,
    compounds: Vec<Uuid>,
    phone: Option<String>,
}

impl OrganisationBuilder<'_> {
    setters! {
        /// Its name (unique by default).
        named(name: &str) => name = name.to_owned();

        /// The area it sits in (default: the first compound it serves, else the district).
        in_area(area: Uuid) => area = Some(area);
    }

    /// A compound it serves (a committee's or a company's).
    pub fn serving(mut self, compound: Uuid) -> Self {
        self.compounds.push(compound);
        self
    }

    setters! {
        /// Its contact number.
        phone(phone: &str) => phone = Some(phone.to_owned());
    }

    /// Creates it as the administrator and returns its id.
    pub async fn create(self) -> Uuid {
        let area = match (self.area, self.compounds.first()) {
            (Some(a), _) => a,
            (None, Some(c)) => *c,
            (None, None) => self.app.area_id("雨花区").await,
        };
        let body = self
            .app
            .create_as_admin(
                "/api/v1/organisations",
                &json!({
                    "kind": code(self.kind), "name": self.name, "area_id": area,
                    "contact_phone": self.phone, "compound_ids": self.compounds
                }),
                "organisation",
            )
            .await;
        id_of(&body, "organisation")
    }
}

/// Builds a person through `POST /api/v1/people`.
pub struct PersonBuilder<'a> {
    app: &'a TestApp,
    home: Uuid,
    name: String,
    phone: Option<String>,
    id_number: Option<String>,
    party_member: bool,
    employer: Option<String>,
}

impl PersonBuilder<'_> {
    setters! {
        /// Their name (unique by default).
        named(name: &str) => name = name.to_owned();

        /// Their phone number.
        phone(phone: &str) => phone = Some(phone.to_owned());

        /// Their identity card number.
        id_number(id_number: &str) => id_number = Some(id_number.to_owned());
    }

    /// A member of the party.
    pub fn party_member(mut self) -> Self {
        self.party_member = true;
        self
    }

    setters! {
        /// Where they work.
        employer(employer: &str) => employer = Some(employer.to_owned());
    }

    /// Creates them as the administrator and returns the person as the API shows it.
    pub async fn create(self) -> Value {
        self.app
            .create_as_admin(
                "/api/v1/people",
                &json!({
                    "name": self.name, "phone": self.phone, "id_number": self.id_number,
                    "is_party_member": self.party_member, "employer": self.employer,
                    "home_compound_id": self.home
                }),
                "person",
            )
            .await
    }
}

/// Builds a user through `POST /api/v1/users`.
pub struct UserBuilder<'a> {
    app: &'a TestApp,
    role: Role,
    area: Option<Uuid>,
    display_name: Option<String>,
    phone: Option<String>,
    organisations: Vec<Uuid>,
}

/// A built user, signed in.
#[derive(Debug, Clone)]
pub struct User {
    pub id: Uuid,
    pub username: String,
    /// An access token, minted as the server would at sign-in.
    pub token: String,
    pub body: Value,
}

impl UserBuilder<'_> {
    setters! {
        /// The area their grant covers (default: the district).
        over(area: Uuid) => area = Some(area);

        /// Their display name.
        named(name: &str) => display_name = Some(name.to_owned());

        /// Their phone number.
        phone(phone: &str) => phone = Some(phone.to_owned());
    }

    /// An organisation they work for (a committee's member handles its complaints).
    pub fn member_of(mut self, organisation: Uuid) -> Self {
        self.organisations.push(organisation);
        self
    }

    /// Creates them as the administrator; the password is [`DEMO_PASSWORD`].
    pub async fn create(self) -> User {
        let area = match self.area {
            Some(a) => a,
            None => self.app.area_id("雨花区").await,
        };
        let username = unique("user.");
        let body = self
            .app
            .create_as_admin(
                "/api/v1/users",
                &json!({
                    "username": username,
                    "display_name": self.display_name.unwrap_or_else(|| unique("测试用户")),
                    "password": DEMO_PASSWORD, "phone": self.phone,
                    "grants": [{"role": code(self.role), "area_id": area}]
                }),
                "user",
            )
            .await;
        let id = id_of(&body, "user");
        for organisation in self.organisations {
            // The API has no endpoint for an organisation's members (the seed and the
            // operators' tooling write them), so the membership is written directly.
            self.app
                .sql(&format!(
                    "INSERT INTO organisation_members (user_id, organisation_id) \
                     VALUES ('{id}', '{organisation}')"
                ))
                .await;
        }
        User {
            id,
            token: self.app.token_for(&username).await,
            username,
            body,
        }
    }
}

/// Builds a contract through `POST /api/v1/service-contracts`.
pub struct ContractBuilder<'a> {
    app: &'a TestApp,
    company: Uuid,
    compounds: Vec<Uuid>,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
}

impl ContractBuilder<'_> {
    /// A compound it covers (a bundle covers several).
    pub fn covering(mut self, compound: Uuid) -> Self {
        self.compounds.push(compound);
        self
    }

    /// Its term.
    pub fn term(mut self, start: chrono::NaiveDate, end: chrono::NaiveDate) -> Self {
        (self.start, self.end) = (start, end);
        self
    }

    /// The body the API takes, for tests that send it themselves (to change it, say).
    pub fn body(&self) -> Value {
        json!({
            "company_id": self.company, "title": "物业服务合同", "start_date": self.start,
            "end_date": self.end, "service_items": ["保洁", "秩序维护"],
            "fee_fen_per_sqm": 60, "compound_ids": self.compounds
        })
    }

    /// Creates it as the administrator and returns its id.
    pub async fn create(self) -> Uuid {
        let body = self
            .app
            .create_as_admin("/api/v1/service-contracts", &self.body(), "contract")
            .await;
        id_of(&body, "contract")
    }
}

/// Builds a complaint through `POST /api/v1/complaints`.
pub struct ComplaintBuilder<'a> {
    app: &'a TestApp,
    compound: Uuid,
    by: Option<String>,
    body: Value,
}

impl ComplaintBuilder<'_> {
    /// Its category code (default `sanitation`).
    pub fn category(mut self, category: &str) -> Self {
        self.body["category"] = json!(category);
        self
    }

    /// Its title.
    pub fn title(mut self, title: &str) -> Self {
        self.body["title"] = json!(title);
        self
    }

    /// Its description.
    pub fn description(mut self, description: &str) -> Self {
        self.body["description"] = json!(description);
        self
    }

    /// The caller's phone number.
    pub fn phone(mut self, phone: &str) -> Self {
        self.body["complainant_phone"] = json!(phone);
        self
    }

    setters! {
        /// Filed by the holder of `token` (default: the administrator).
        by(token: &str) => by = Some(token.to_owned());
    }

    /// Files it and returns the answer, whatever it is (for tests of refusals).
    pub async fn send(self) -> crate::Response {
        let token = self.app.token_or_admin(self.by).await;
        debug_assert_eq!(self.body["compound_id"], json!(self.compound));
        self.app
            .post("/api/v1/complaints")
            .bearer(&token)
            .json(&self.body)
            .send()
            .await
    }

    /// Files it and returns the complaint.
    pub async fn create(self) -> Value {
        let res = self.send().await;
        res.assert_status(201);
        res.json()
    }
}
