//! Seeing an object is not owning it: staff who see a contract, a person or a team only
//! through something of theirs may read it but not change it.

use diesel::{QueryableByName, sql_types::Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use linli_domain::{policy::Role, registry::OrgKind};
use linli_tests::TestApp;
use serde_json::json;
use uuid::Uuid;

struct Pair {
    mine: Uuid,
    theirs: Uuid,
    my_community: Uuid,
    their_community: Uuid,
}

/// Two compounds of two communities of one subdistrict, neither under contract.
async fn two_communities(app: &TestApp) -> Pair {
    let subdistrict = app.subdistrict().create().await;
    let my_community = app.community().under(subdistrict).create().await;
    let their_community = app.community().under(subdistrict).create().await;
    Pair {
        mine: app.compound().in_community(my_community).create().await.id,
        theirs: app
            .compound()
            .in_community(their_community)
            .create()
            .await
            .id,
        my_community,
        their_community,
    }
}

/// A person living in their compound who holds the post `title` in a party branch of mine.
async fn theirs_with_a_post_of_mine(app: &TestApp, p: &Pair, name: &str, title: &str) -> Uuid {
    let branch = app
        .organisation(OrgKind::CompoundPartyBranch)
        .in_area(p.mine)
        .create()
        .await;
    app.post_holder(branch, p.theirs)
        .named(name)
        .titled(title)
        .create()
        .await
        .person
}

async fn version(app: &TestApp, table: &str, id: Uuid) -> i64 {
    app.count(
        &format!("SELECT version AS n FROM {table} WHERE id::text = $1"),
        &id.to_string(),
    )
    .await
}

#[actix_web::test]
async fn a_bundle_is_changed_only_by_staff_covering_all_its_compounds() {
    let app = TestApp::new().await;
    let p = two_communities(&app).await;
    let company = app.organisation(OrgKind::PropertyCompany).create().await;
    let bundle = app.contract(company).covering(p.mine).covering(p.theirs);
    let mut narrowed = bundle.body();
    narrowed["compound_ids"] = json!([p.mine]);
    let id = bundle.create().await;
    let clerk = app.user_with(Role::CommunityStaff, p.my_community).await;
    let uri = format!("/api/v1/service-contracts/{id}");
    app.get_as(&clerk, &uri).await.assert_status(200);
    // Dropping the other community's compound from the bundle is not theirs to do.
    app.put(&uri)
        .bearer(&clerk)
        .header("If-Match", "\"v1\"")
        .json(&narrowed)
        .send()
        .await
        .assert_problem(403, "forbidden");
    assert_eq!(version(&app, "service_contracts", id).await, 1);
    // Staff of the subdistrict, who cover both, may.
    let subdistrict = app
        .user_with(Role::SubdistrictStaff, {
            let mut conn = app.conn().await;
            #[derive(QueryableByName)]
            struct Parent {
                #[diesel(sql_type = SqlUuid)]
                id: Uuid,
            }
            let parent: Parent =
                diesel::sql_query("SELECT parent_id AS id FROM areas WHERE id = $1")
                    .bind::<SqlUuid, _>(p.my_community)
                    .get_result(&mut *conn)
                    .await
                    .unwrap_or_else(|e| panic!("{e}"));
            parent.id
        })
        .await;
    app.put(&uri)
        .bearer(&subdistrict)
        .header("If-Match", "\"v1\"")
        .json(&narrowed)
        .send()
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn a_person_is_changed_only_by_staff_covering_their_home() {
    let app = TestApp::new().await;
    let p = two_communities(&app).await;
    // Lives in their compound, holds a post in an organisation of mine.
    let person = theirs_with_a_post_of_mine(&app, &p, "测试居民", "委员").await;
    let clerk = app.user_with(Role::CommunityStaff, p.my_community).await;
    let uri = format!("/api/v1/people/{person}");
    app.get_as(&clerk, &uri).await.assert_status(200);
    // Moving them into my compound would take them from the community they live in.
    app.put(&uri)
        .bearer(&clerk)
        .header("If-Match", "\"v1\"")
        .json(&json!({"name": "测试居民", "is_party_member": true, "home_compound_id": p.mine}))
        .send()
        .await
        .assert_problem(403, "forbidden");
    assert_eq!(version(&app, "people", person).await, 1);
    let home_clerk = app.user_with(Role::CommunityStaff, p.their_community).await;
    app.put(&uri)
        .bearer(&home_clerk)
        .header("If-Match", "\"v1\"")
        .json(&json!({"name": "测试居民", "is_party_member": true, "home_compound_id": p.theirs, "employer": "雨花区卫生健康局"}))
        .send()
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn a_teams_members_are_set_only_by_staff_covering_the_teams_area() {
    let app = TestApp::new().await;
    let p = two_communities(&app).await;
    // Their community's team, which also serves a compound of mine.
    let (team, person) = (Uuid::new_v4(), Uuid::new_v4());
    app.sql(&format!(
        "INSERT INTO organisations (id, kind, name, area_id) VALUES ('{team}', 'volunteer_team', '测试志愿服务队{team}', '{}'); \
         INSERT INTO organisation_compounds (organisation_id, compound_id) VALUES ('{team}', '{}'); \
         INSERT INTO people (id, name, is_party_member, home_compound_id) VALUES ('{person}', '测试队员', true, '{}')",
        p.their_community, p.mine, p.mine
    ))
    .await;
    let clerk = app.user_with(Role::CommunityStaff, p.my_community).await;
    let uri = format!("/api/v1/volunteer-teams/{team}/members/{person}");
    app.put_as(&clerk, &uri, &json!({"role": "member"}))
        .await
        .assert_problem(403, "forbidden");
    app.delete(&uri)
        .bearer(&clerk)
        .send()
        .await
        .assert_problem(403, "forbidden");
    let members = app
        .count(
            "SELECT count(*) AS n FROM team_members WHERE team_id::text = $1",
            &team.to_string(),
        )
        .await;
    assert_eq!(members, 0);
    let team_clerk = app.user_with(Role::CommunityStaff, p.their_community).await;
    app.put_as(&team_clerk, &uri, &json!({"role": "member"}))
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn a_complaint_seen_as_its_complainant_is_not_dispatched_by_staff_of_another_community() {
    let app = TestApp::new().await;
    let p = two_communities(&app).await;
    let admin = app.token_for("admin").await;
    let body = |compound: Uuid| {
        json!({"compound_id": compound, "category": "elevator", "title": "电梯停运",
            "description": "二号楼电梯停运两天", "complainant_name": "李先生",
            "complainant_phone": "13700004321"})
    };
    let mut filed = Vec::new();
    for _ in 0..2 {
        let created = app
            .post_as(&admin, "/api/v1/complaints", &body(p.theirs))
            .await;
        created.assert_status(201);
        filed.push(created.json());
    }
    // A clerk of the other community who lives in the compound and filed the first.
    let clerk = app.user_with(Role::CommunityStaff, p.my_community).await;
    app.sql(&format!(
        "UPDATE complaints SET complainant_user_id = (SELECT id FROM users WHERE display_name = '测试用户') WHERE id = '{}'",
        filed[0]["id"].as_str().expect("the answer carries its id")
    ))
    .await;
    let uri = format!(
        "/api/v1/complaints/{}",
        filed[0]["id"].as_str().expect("the answer carries its id")
    );
    let seen = app.get_as(&clerk, &uri).await;
    seen.assert_status(200);
    let version = seen.json()["version"].clone();
    app.post(&format!("{uri}/merge"))
        .bearer(&clerk)
        .header("if-match", &format!("\"v{version}\""))
        .json(&json!({"into": filed[1]["id"]}))
        .send()
        .await
        .assert_problem(403, "forbidden");
    app.post_as(
        &clerk,
        &format!("{uri}/extensions/{}/decision", Uuid::new_v4()),
        &json!({"approve": true}),
    )
    .await
    .assert_problem(403, "forbidden");
    let after = app.get_as(&admin, &uri).await.json();
    assert_eq!(after["status"], "submitted");
    assert_eq!(after["version"], version);
}

#[actix_web::test]
async fn a_bank_account_is_set_only_by_finance_officers_covering_the_persons_home() {
    let app = TestApp::new().await;
    let p = two_communities(&app).await;
    // Lives in their compound, holds a post in a branch of mine.
    let person = theirs_with_a_post_of_mine(&app, &p, "测试书记", "书记").await;
    let body = json!({"bank_name": "长沙银行雨花支行", "account_no": "6222020200112233", "account_name": "测试书记"});
    let uri = format!("/api/v1/people/{person}/bank-account");
    let officer = app.user_with(Role::FinanceOfficer, p.my_community).await;
    // Seen through the post (no account on file yet), but not theirs to change.
    app.get_as(&officer, &uri)
        .await
        .assert_problem(404, "not_found");
    app.put_as(&officer, &uri, &body)
        .await
        .assert_problem(403, "forbidden");
    let accounts = "SELECT count(*) AS n FROM bank_accounts WHERE person_id::text = $1";
    assert_eq!(app.count(accounts, &person.to_string()).await, 0);
    let home_officer = app.user_with(Role::FinanceOfficer, p.their_community).await;
    app.put_as(&home_officer, &uri, &body)
        .await
        .assert_status(200);
    assert_eq!(app.count(accounts, &person.to_string()).await, 1);
    // The audit entry is filed under the person's home.
    let filed = app
        .count(
            "SELECT count(*) AS n FROM audit_log l JOIN areas a ON a.path = l.area_path \
             WHERE l.action = 'bank_account.updated' AND a.id::text = $1",
            &p.theirs.to_string(),
        )
        .await;
    assert_eq!(filed, 1);
}

/// Staff of `mine` who also audit `theirs`: they read its registry but manage only their own.
async fn auditor_of_theirs(app: &TestApp, p: &Pair) -> String {
    let username = linli_tests::unique("auditor.");
    {
        let mut conn = app.conn().await;
        let (id, _) = linli_persistence::users::ensure(&mut conn, &username, "审计员", "x")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        for (role, area) in [
            (Role::Auditor, p.their_community),
            (Role::CommunityStaff, p.my_community),
        ] {
            linli_persistence::users::ensure_grant(&mut conn, id, role, area)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    app.token_for(&username).await
}

/// `uri` (the row `id` of `table`, in their community) is read by an auditor of their
/// community who is staff of mine, who cannot change it with `body`; their staff can.
async fn read_but_not_changed(
    app: &TestApp,
    p: &Pair,
    uri: &str,
    (table, id): (&str, Uuid),
    body: &serde_json::Value,
) {
    let auditor = auditor_of_theirs(app, p).await;
    app.get_as(&auditor, uri).await.assert_status(200);
    app.put(uri)
        .bearer(&auditor)
        .header("If-Match", "\"v1\"")
        .json(body)
        .send()
        .await
        .assert_problem(404, "not_found");
    assert_eq!(version(app, table, id).await, 1);
    let their_clerk = app.user_with(Role::CommunityStaff, p.their_community).await;
    app.put(uri)
        .bearer(&their_clerk)
        .header("If-Match", "\"v1\"")
        .json(body)
        .send()
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn a_centre_is_changed_only_by_staff_covering_its_community() {
    let app = TestApp::new().await;
    let p = two_communities(&app).await;
    let admin = app.token_for("admin").await;
    let body = json!({"community_id": p.their_community, "name": "测试邻里中心", "address": "测试路 1 号",
        "location": {"lat": 28.1, "lon": 113.0}, "geofence_radius_m": 150, "opening_hours": {"1": ["08:30", "20:00"]}});
    let created = app.post_as(&admin, "/api/v1/centres", &body).await;
    created.assert_status(201);
    let id: Uuid = serde_json::from_value(created.json()["id"].clone()).expect("an id");
    let uri = format!("/api/v1/centres/{id}");
    read_but_not_changed(&app, &p, &uri, ("neighbourhood_centres", id), &body).await;
}

#[actix_web::test]
async fn a_post_is_changed_only_by_staff_covering_its_organisations_area() {
    let app = TestApp::new().await;
    let p = two_communities(&app).await;
    let (org, person, post) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    app.sql(&format!(
        "INSERT INTO people (id, name, is_party_member, home_compound_id) VALUES ('{person}', '测试委员', true, '{}'); \
         INSERT INTO organisations (id, kind, name, area_id) VALUES ('{org}', 'community_party_committee', '测试党委{org}', '{}'); \
         INSERT INTO posts (id, person_id, organisation_id, title, start_date) VALUES ('{post}', '{person}', '{org}', '委员', '2020-01-01')",
        p.theirs, p.their_community
    ))
    .await;
    let body = json!({"person_id": person, "organisation_id": org, "title": "副书记", "start_date": "2020-01-01"});
    let uri = format!("/api/v1/posts/{post}");
    read_but_not_changed(&app, &p, &uri, ("posts", post), &body).await;
}
