//! Builders for volunteer service: neighbourhood centres, volunteers, teams and activities.

use chrono::{DateTime, Duration, Utc};
use linli_domain::{policy::Role, registry::OrgKind};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{User, id_of, unique};
use crate::TestApp;

impl TestApp {
    /// A neighbourhood centre of `community` to build (a 100 m geofence unless told).
    pub fn centre(&self, community: Uuid) -> CentreBuilder<'_> {
        CentreBuilder {
            app: self,
            community,
            radius: 100,
            lat: 28.1357,
            lon: 113.0246,
        }
    }

    /// A volunteer (an in-service party member, user and person) living in `home`, a
    /// compound, to build: granted over the home compound unless told otherwise.
    pub fn volunteer(&self, home: Uuid) -> VolunteerBuilder<'_> {
        VolunteerBuilder {
            app: self,
            home,
            area: None,
            employer: "雨花区卫健局".to_owned(),
        }
    }

    /// A volunteer team of `area` to build.
    pub fn team(&self, area: Uuid) -> TeamBuilder<'_> {
        TeamBuilder {
            app: self,
            area,
            members: Vec::new(),
        }
    }

    /// An activity at `centre` to build: tomorrow at this hour for three hours, twenty
    /// places, created by the administrator unless told otherwise.
    pub fn activity(&self, centre: Uuid) -> ActivityBuilder<'_> {
        ActivityBuilder {
            app: self,
            centre,
            team: None,
            starts: self.clock().now() + Duration::days(1),
            hours: 3,
            places: 20,
            by: None,
        }
    }
}

/// Builds a centre through `POST /api/v1/centres`.
pub struct CentreBuilder<'a> {
    app: &'a TestApp,
    community: Uuid,
    radius: i32,
    lat: f64,
    lon: f64,
}

/// A built centre: where it stands and how far its geofence reaches.
#[derive(Debug, Clone)]
pub struct Centre {
    pub id: Uuid,
    pub community_id: Uuid,
    pub lat: f64,
    pub lon: f64,
    pub radius: i32,
}

impl Centre {
    /// A position `metres` due north of the centre, as a phone reports it (8 m accuracy).
    pub fn position(&self, metres: f64) -> Value {
        json!({"lat": self.lat + metres / 111_194.93, "lon": self.lon, "accuracy_m": 8.0})
    }
}

impl CentreBuilder<'_> {
    setters! {
        /// The radius of its geofence in metres.
        radius(metres: i32) => radius = metres;
    }

    /// Creates it as the administrator.
    pub async fn create(self) -> Centre {
        let body = self
            .app
            .create_as_admin(
                "/api/v1/centres",
                &json!({
                    "community_id": self.community, "name": unique("测试服务中心"),
                    "address": "长沙市雨花区测试路 9 号",
                    "location": {"lat": self.lat, "lon": self.lon},
                    "geofence_radius_m": self.radius,
                    "opening_hours": {"1": ["08:30", "20:00"], "7": ["09:00", "17:00"]}
                }),
                "centre",
            )
            .await;
        Centre {
            id: id_of(&body, "centre"),
            community_id: self.community,
            lat: self.lat,
            lon: self.lon,
            radius: self.radius,
        }
    }
}

/// Builds a volunteer: a person through `POST /api/v1/people`, a user through
/// `POST /api/v1/users`, and the link between them.
pub struct VolunteerBuilder<'a> {
    app: &'a TestApp,
    home: Uuid,
    area: Option<Uuid>,
    employer: String,
}

/// A built volunteer: the signed-in user and their person record.
#[derive(Debug, Clone)]
pub struct Volunteer {
    pub user: User,
    pub person: Uuid,
    /// Their name (志愿者…, as certificates show it masked).
    pub name: String,
    pub token: String,
}

impl VolunteerBuilder<'_> {
    setters! {
        /// The area their grant covers (default: their home compound).
        over(area: Uuid) => area = Some(area);

        /// Where they work (default 雨花区卫健局).
        employer(employer: &str) => employer = employer.to_owned();
    }

    /// Creates them as the administrator.
    pub async fn create(self) -> Volunteer {
        let name = unique("志愿者");
        let person = self
            .app
            .person(self.home)
            .named(&name)
            .party_member()
            .employer(&self.employer)
            .create()
            .await;
        let person = id_of(&person, "person");
        let user = self
            .app
            .user(Role::Volunteer)
            .over(self.area.unwrap_or(self.home))
            .create()
            .await;
        // The API links no user to a person (accounts are matched to the registry by the
        // operators), so the link is written directly.
        self.app
            .sql(&format!(
                "UPDATE users SET person_id = '{person}' WHERE id = '{}'",
                user.id
            ))
            .await;
        Volunteer {
            token: user.token.clone(),
            user,
            person,
            name,
        }
    }
}

/// Builds a volunteer team through `POST /api/v1/organisations` and its members through
/// `PUT /api/v1/volunteer-teams/{id}/members/{person}`.
pub struct TeamBuilder<'a> {
    app: &'a TestApp,
    area: Uuid,
    members: Vec<(Uuid, &'static str)>,
}

impl TeamBuilder<'_> {
    /// Its leader (a person).
    pub fn leader(mut self, person: Uuid) -> Self {
        self.members.push((person, "leader"));
        self
    }

    /// A member (a person).
    pub fn member(mut self, person: Uuid) -> Self {
        self.members.push((person, "member"));
        self
    }

    /// Creates it and its members as the administrator and returns its id.
    pub async fn create(self) -> Uuid {
        let team = self
            .app
            .organisation(OrgKind::VolunteerTeam)
            .named(&unique("左邻右里"))
            .in_area(self.area)
            .create()
            .await;
        let admin = self.app.admin().await;
        for (person, role) in self.members {
            self.app
                .put_as(
                    &admin,
                    &format!("/api/v1/volunteer-teams/{team}/members/{person}"),
                    &json!({"role": role}),
                )
                .await
                .assert_status(200);
        }
        team
    }
}

/// Builds an activity through `POST /api/v1/activities`.
pub struct ActivityBuilder<'a> {
    app: &'a TestApp,
    centre: Uuid,
    team: Option<Uuid>,
    starts: DateTime<Utc>,
    hours: i64,
    places: i32,
    by: Option<String>,
}

impl ActivityBuilder<'_> {
    setters! {
        /// When it starts.
        starting(at: DateTime<Utc>) => starts = at;

        /// How many hours it lasts.
        lasting(hours: i64) => hours = hours;

        /// How many volunteers it takes.
        places(n: i32) => places = n;

        /// The team that runs it (whose leader verifies its hours).
        of_team(team: Uuid) => team = Some(team);

        /// Created by the holder of `token` (default: the administrator).
        by(token: &str) => by = Some(token.to_owned());
    }

    /// Creates it and returns its id.
    pub async fn create(self) -> String {
        let body = self
            .app
            .create_by(
                self.by,
                "/api/v1/activities",
                &json!({
                    "title": "周末义诊", "centre_id": self.centre, "starts_at": self.starts,
                    "ends_at": self.starts + Duration::hours(self.hours),
                    "capacity": self.places, "team_id": self.team
                }),
                "activity",
            )
            .await;
        id_of(&body, "activity").to_string()
    }
}
