//! The governance registry: figures from data, scoping, database-enforced rules, meeting
//! records.

use diesel::{QueryableByName, sql_types::Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use linli_domain::{policy::Role, registry::OrgKind};
use linli_tests::each;
use linli_tests::{TestApp, enc};
use linli_tests::{id_in, text};
use serde_json::{Value, json};
use uuid::Uuid;

async fn first_id(app: &TestApp, token: &str, uri: &str) -> String {
    let res = app.get_as(token, uri).await;
    res.assert_status(200);
    res.json()["items"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[actix_web::test]
async fn the_dashboard_figures_of_the_source_come_out_of_the_data() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let res = app.get_as(&admin, "/api/v1/stats/registry").await;
    res.assert_status(200);
    let body = res.json();
    let t = &body["totals"];
    assert_eq!(t["compound_party_orgs"], 425);
    assert_eq!(t["covered_compounds"], 547);
    assert_eq!(
        t["uncovered_compounds"],
        t["compounds"].as_i64().unwrap_or(0) - 547
    );
    assert_eq!(t["property_company_party_orgs"], 48);
    assert_eq!(t["owners_committee_party_share_pct"], 50.0);
    assert_eq!(t["centres"], 165);
    assert!(t["cross_appointments"].as_i64().is_some_and(|n| n > 0));
    let rows = body["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 14, "one row per subdistrict");
    let sum = |field: &str| {
        rows.iter()
            .map(|r| r[field].as_i64().unwrap_or(0))
            .sum::<i64>()
    };
    assert_eq!(sum("compounds"), t["compounds"].as_i64().unwrap_or(-1));
    assert_eq!(sum("covered_compounds"), 547);
    assert_eq!(sum("centres"), 165);
    assert_eq!(
        sum("compounds_without_recent_meeting"),
        t["compounds_without_recent_meeting"].as_i64().unwrap_or(-1)
    );
}

#[actix_web::test]
async fn bundles_and_self_governance_show_in_a_compounds_governance() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let micro = app.area_id("梓园三片").await;
    let gov = app
        .get_as(&admin, &format!("/api/v1/compounds/{micro}/governance"))
        .await
        .json();
    assert_eq!(gov["governance_mode"], "entrusted");
    assert_eq!(gov["contract"]["is_bundle"], true);
    assert_eq!(gov["contract"]["building_count"], 27);
    assert_eq!(gov["contract"]["company_name"], "梓园共享物业服务有限公司");
    assert_eq!(
        gov["contract"]["compound_names"].as_array().map(Vec::len),
        Some(9)
    );
    let weiji = app.area_id("卫技新村").await;
    let gov = app
        .get_as(&admin, &format!("/api/v1/compounds/{weiji}/governance"))
        .await
        .json();
    assert!(gov["contract"].is_null());
    let kinds: Vec<&str> = each(&gov["organisations"])
        .filter_map(|o| o["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"residents_committee"), "{kinds:?}");
}

#[actix_web::test]
async fn registry_reads_are_scoped_for_every_role() {
    let app = TestApp::new().await;
    let ziyuan = app.token_for("ziyuan").await;
    let list = app
        .get_as(&ziyuan, "/api/v1/organisations?limit=100")
        .await
        .json();
    let names: Vec<&str> = each(&list["items"])
        .filter_map(|o| o["name"].as_str())
        .collect();
    assert!(names.iter().any(|n| n.contains("梓园")), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("融城")), "{names:?}");
    let rongcheng = app.area_id("融城花苑").await;
    app.get_as(
        &ziyuan,
        &format!("/api/v1/compounds/{rongcheng}/governance"),
    )
    .await
    .assert_problem(404, "not_found");
    for user in ["rongcheng.property", "rongcheng.secretary"] {
        let token = app.token_for(user).await;
        let gov = app
            .get_as(&token, &format!("/api/v1/compounds/{rongcheng}/governance"))
            .await;
        gov.assert_status(200);
        assert!(
            gov.json()["organisations"]
                .as_array()
                .is_some_and(|o| o.len() >= 3)
        );
        let people = app.get_as(&token, "/api/v1/people?limit=100").await.json();
        assert!(people["items"].as_array().is_some_and(|p| !p.is_empty()));
        let meetings = app.get_as(&token, "/api/v1/joint-meetings").await.json();
        assert!(
            meetings["items"]
                .as_array()
                .is_some_and(|m| m.iter().all(|x| x["compound_name"] == "融城花苑"))
        );
    }
    let resident = app.token_for("weiji.resident").await;
    for uri in [
        "/api/v1/organisations",
        "/api/v1/people",
        "/api/v1/stats/registry",
        "/api/v1/centres",
    ] {
        app.get_as(&resident, uri)
            .await
            .assert_problem(403, "forbidden");
    }
    // Property staff read but do not write the registry.
    let property = app.token_for("rongcheng.property").await;
    app.post_as(
        &property,
        "/api/v1/people",
        &json!({"name": "x", "home_compound_id": rongcheng}),
    )
    .await
    .assert_problem(403, "forbidden");
}

#[actix_web::test]
async fn personal_data_of_people_is_masked_and_unmasked_only_with_a_reason() {
    let app = TestApp::new().await;
    let clerk = app.token_for("ziyuan").await;
    let home = app.area_id("梓园一片").await;
    let created = app.post_as(&clerk, "/api/v1/people", &json!({"name": "王小梅", "phone": "13900001111", "id_number": "430111199001011234", "is_party_member": true, "employer": "长沙市中心医院", "home_compound_id": home})).await;
    created.assert_status(201);
    let body = created.json();
    assert_eq!(body["phone"], "139****1111");
    assert_eq!(body["id_number"], "4****************4");
    let id = id_in(&body["id"]);
    app.get_as(&clerk, "/api/v1/people?limit=100")
        .await
        .assert_status(200);
    app.get_as(&clerk, &format!("/api/v1/people/{id}"))
        .await
        .assert_status(200);
    app.post_as(
        &clerk,
        &format!("/api/v1/people/{id}/unmask"),
        &json!({"reason": "核实报到信息"}),
    )
    .await
    .assert_problem(403, "forbidden");
    for body in app.bodies_seen_by(&clerk) {
        assert!(
            !body.contains("13900001111") && !body.contains("430111199001011234"),
            "{body}"
        );
    }
    let staff = app.token_for("houjiatang").await;
    let res = app
        .post_as(
            &staff,
            &format!("/api/v1/people/{id}/unmask"),
            &json!({"reason": "核实报到信息"}),
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.json()["phone"], "13900001111");
    // Bad personal data is refused field by field, nothing stored.
    let res = app
        .post_as(
            &clerk,
            "/api/v1/people",
            &json!({"name": "", "phone": "12ab", "id_number": "123", "home_compound_id": home}),
        )
        .await;
    let problem = res.assert_problem(422, "validation_failed");
    for f in ["name", "phone", "id_number"] {
        assert!(problem["errors"][f].is_array(), "{f}: {problem}");
    }
}

#[actix_web::test]
async fn a_single_holder_post_cannot_have_two_holders_at_once_even_when_racing() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let compound = app.compound().create().await.id;
    let branch = app
        .organisation(OrgKind::CompoundPartyBranch)
        .serving(compound)
        .create()
        .await;
    let mut people = Vec::new();
    for name in ["甲", "乙", "丙"] {
        let p = app
            .person(compound)
            .named(&format!("书记{name}"))
            .party_member()
            .create()
            .await;
        people.push(id_in(&p["id"]));
    }
    let appoint = |person: &str, start: &str, end: Value| {
        let body = json!({"person_id": person, "organisation_id": branch, "title": "书记",
            "single_holder": true, "start_date": start, "end_date": end});
        let (app, admin) = (&app, admin.clone());
        async move { app.post_as(&admin, "/api/v1/posts", &body).await }
    };
    appoint(&people[0], "2026-01-01", json!("2026-07-01"))
        .await
        .assert_status(201);
    let res = appoint(&people[1], "2026-06-01", Value::Null).await;
    res.assert_field_error("start_date");
    // Handing over the day the previous term ends is fine.
    appoint(&people[1], "2026-07-01", json!("2027-01-01"))
        .await
        .assert_status(201);
    // End before start.
    let res = appoint(&people[2], "2028-01-01", json!("2027-01-01")).await;
    res.assert_field_error("end_date");
    // Two racing appointments for the same open term: one wins.
    let (a, b) = futures_util::future::join(
        appoint(&people[0], "2027-01-01", Value::Null),
        appoint(&people[2], "2027-01-01", Value::Null),
    )
    .await;
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [201, 422]);
}

#[actix_web::test]
async fn a_compound_never_has_two_contracts_at_once_even_when_racing() {
    let app = TestApp::new().await;
    let admin = app.admin().await;
    let company = app.organisation(OrgKind::PropertyCompany).create().await;
    let [first, second, third] = [
        app.compound().create().await,
        app.compound().create().await,
        app.compound().create().await,
    ];
    let day = |d: i64| app.clock().today() + chrono::Duration::days(d);
    let term = |compound: Uuid, from: i64, to: i64| {
        app.contract(company)
            .covering(compound)
            .term(day(from), day(to))
            .body()
    };
    let (a, b) = futures_util::future::join(
        app.post("/api/v1/service-contracts")
            .bearer(&admin)
            .json(&term(first.id, 30, 394))
            .send(),
        app.post("/api/v1/service-contracts")
            .bearer(&admin)
            .json(&term(first.id, 180, 544))
            .send(),
    )
    .await;
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [201, 422]);
    let loser = if a.status.as_u16() == 422 { &a } else { &b };
    assert!(loser.json()["errors"]["compound_ids"].is_array());
    // The next term after the first ends is fine.
    app.post_as(
        &admin,
        "/api/v1/service-contracts",
        &term(first.id, 560, 924),
    )
    .await
    .assert_status(201);
    // A bundle that includes a compound already under contract is refused whole.
    app.contract(company)
        .covering(second.id)
        .term(day(0), day(365))
        .create()
        .await;
    let mut bundle = term(third.id, 100, 200);
    bundle["compound_ids"] = json!([third.id, second.id]);
    let before = app
        .count(
            "SELECT count(*) AS n FROM service_contracts WHERE $1 = $1",
            "",
        )
        .await;
    app.post_as(&admin, "/api/v1/service-contracts", &bundle)
        .await
        .assert_status(422);
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM service_contracts WHERE $1 = $1",
            ""
        )
        .await,
        before
    );
}

async fn four_bodies(app: &TestApp, token: &str, compound: &str) -> Vec<(String, String)> {
    let list = app
        .get_as(
            token,
            &format!("/api/v1/organisations?compound_id={compound}&limit=100"),
        )
        .await
        .json();
    each(&list["items"])
        .filter(|o| {
            [
                "compound_party_branch",
                "owners_committee",
                "property_company",
                "supervisory_committee",
            ]
            .contains(&o["kind"].as_str().unwrap_or(""))
        })
        .map(|o| {
            (
                o["id"]
                    .as_str()
                    .expect("the answer carries its id")
                    .to_owned(),
                o["kind"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn a_finalised_meeting_is_read_only_and_corrected_by_amendment() {
    let app = TestApp::new().await;
    let secretary = app.token_for("rongcheng.secretary").await;
    let staff = app.token_for("admin").await;
    let compound = app.area_id("融城花苑").await.to_string();
    let bodies = four_bodies(&app, &staff, &compound).await;
    assert_eq!(bodies.len(), 4, "{bodies:?}");
    let convener = first_id(
        &app,
        &staff,
        &format!(
            "/api/v1/organisations?kind=community_party_committee&name={}",
            enc("融城")
        ),
    )
    .await;
    let owner = bodies
        .iter()
        .find(|(_, k)| k == "property_company")
        .map(|(id, _)| id.clone())
        .unwrap_or_default();
    let meeting = json!({
        "compound_id": compound, "held_on": "2026-11-20", "title": "四方联席会议", "location": "融城花苑架空层",
        "convener_org_id": convener,
        "minutes": {
            "attendance": bodies.iter().map(|(id, _)| json!({"organisation_id": id, "attendees": ["代表"]})).collect::<Vec<_>>(),
            "agenda": [{"no": 1, "title": "电梯维修", "discussion": "三栋电梯故障频繁"}],
            "resolutions": [{"no": 1, "text": "物业公司十二月底前完成维修"}]
        },
        "action_items": [{"resolution_no": 1, "description": "更换三栋电梯曳引机", "owner_org_id": owner, "due_on": "2026-12-31"}]
    });
    let created = app
        .post_as(&secretary, "/api/v1/joint-meetings", &meeting)
        .await;
    created.assert_status(201);
    let body = created.json();
    let id = id_in(&body["id"]);
    assert_eq!(body["status"], "draft");
    let bodies_seen: Vec<&str> = each(&body["minutes"]["attendance"])
        .filter_map(|a| a["body"].as_str())
        .collect();
    assert_eq!(bodies_seen.len(), 4);
    let uri = format!("/api/v1/joint-meetings/{id}");
    let etag = created.header("etag").expect("the answer carries an ETag");
    // Follow-up waits for the signed record (a draft's items are rewritten on save).
    let draft_item = text(&body["action_items"][0]["id"]);
    let item_read = app
        .get_as(&secretary, &format!("/api/v1/action-items/{draft_item}"))
        .await;
    item_read.assert_status(200);
    app.put(&format!("/api/v1/action-items/{draft_item}"))
        .bearer(&secretary)
        .header(
            "if-match",
            &item_read
                .header("etag")
                .expect("the answer carries an ETag"),
        )
        .json(&json!({"status": "done", "done_on": "2026-11-25"}))
        .send()
        .await
        .assert_problem(409, "meeting_not_finalised");
    let finalised = app
        .post(&format!("{uri}/finalise"))
        .bearer(&secretary)
        .header("if-match", &etag)
        .send()
        .await;
    finalised.assert_status(200);
    assert_eq!(finalised.json()["status"], "finalised");
    let etag = finalised
        .header("etag")
        .expect("the answer carries an ETag");
    let refused = app
        .put(&uri)
        .bearer(&secretary)
        .header("if-match", &etag)
        .json(&meeting)
        .send()
        .await;
    let problem = refused.assert_problem(409, "meeting_finalised");
    assert_eq!(problem["allowed"], json!(["amend"]));
    app.post(&format!("{uri}/finalise"))
        .bearer(&secretary)
        .header("if-match", &etag)
        .send()
        .await
        .assert_problem(409, "meeting_finalised");
    let amended = app
        .post_as(
            &secretary,
            &format!("{uri}/amendments"),
            &json!({"reason": "出席名单有误", "correction": "业委会出席人员应为张某、李某"}),
        )
        .await;
    amended.assert_status(201);
    assert_eq!(
        amended.json()["amendments"].as_array().map(Vec::len),
        Some(1)
    );
    // Follow-up continues on the finalised record.
    let item = &amended.json()["action_items"][0];
    let item_id = id_in(&item["id"]);
    let res = app
        .put(&format!("/api/v1/action-items/{item_id}"))
        .bearer(&secretary)
        .header("if-match", &format!("\"v{}\"", item["version"]))
        .json(&json!({"status": "done", "done_on": "2026-11-25"}))
        .send()
        .await;
    res.assert_status(200);
    assert_eq!(res.json()["status"], "done");
    let log = app
        .get_as(&staff, &format!("/api/v1/audit-log?object_id={id}"))
        .await
        .json();
    let actions: Vec<&str> = each(&log["items"])
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        ["meeting.amended", "meeting.finalised", "meeting.created"]
    );
    // An organisation that has nothing to do with the compound cannot attend.
    let stranger = first_id(
        &app,
        &staff,
        &format!(
            "/api/v1/organisations?kind=owners_committee&name={}",
            enc("城市山水")
        ),
    )
    .await;
    let mut bad = meeting.clone();
    bad["minutes"]["attendance"] = json!([{"organisation_id": stranger, "attendees": ["x"]}]);
    let res = app
        .post_as(&secretary, "/api/v1/joint-meetings", &bad)
        .await;
    assert!(res.assert_problem(422, "validation_failed")["errors"]["minutes.attendance[0].organisation_id"].is_array());
}

#[actix_web::test]
async fn overdue_action_items_are_listed() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let overdue = app
        .get_as(&admin, "/api/v1/action-items?overdue=true&limit=100")
        .await
        .json();
    let items = overdue["items"].as_array().cloned().unwrap_or_default();
    assert!(!items.is_empty(), "the demo holds overdue items");
    let today = app.clock().today().to_string();
    assert!(items.iter().all(|i| i["overdue"] == true
        && i["status"] == "open"
        && i["due_on"].as_str().unwrap_or("9") < today.as_str()));
}

#[actix_web::test]
async fn indicators_match_a_fixture_counted_by_hand() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let district = app.area_id("雨花区").await;
    let mk_area = |parent: String, kind: &'static str, name: &'static str| {
        let app = &app;
        let admin = admin.clone();
        async move {
            let res = app
                .post_as(
                    &admin,
                    "/api/v1/areas",
                    &json!({"parent_id": parent, "kind": kind, "name": name}),
                )
                .await;
            res.assert_status(201);
            res.json()["id"]
                .as_str()
                .expect("the answer carries its id")
                .to_owned()
        }
    };
    let sub = mk_area(district.to_string(), "subdistrict", "测试街道").await;
    let community = mk_area(sub.clone(), "community", "测试社区").await;
    let mut compounds = Vec::new();
    for (name, mode) in [
        ("测试一区", "property_managed"),
        ("测试二区", "property_managed"),
        ("测试三区", "self_managed"),
    ] {
        let res = app.post_as(&admin, "/api/v1/compounds", &json!({"community_id": community, "name": name, "address": "测试路", "building_count": 2, "household_count": 40, "governance_mode": mode})).await;
        res.assert_status(201);
        compounds.push(
            res.json()["id"]
                .as_str()
                .expect("the answer carries its id")
                .to_owned(),
        );
    }
    let org = |kind: &str, name: &str, area: &str, covers: Vec<&String>| json!({"kind": kind, "name": name, "area_id": area, "compound_ids": covers});
    let mk = |body: Value| {
        let app = &app;
        let admin = admin.clone();
        async move {
            let res = app.post_as(&admin, "/api/v1/organisations", &body).await;
            res.assert_status(201);
            res.json()["id"]
                .as_str()
                .expect("the answer carries its id")
                .to_owned()
        }
    };
    // One branch covers the first two compounds; the third is uncovered.
    let branch = mk(org(
        "compound_party_branch",
        "测试联合党支部",
        &community,
        vec![&compounds[0], &compounds[1]],
    ))
    .await;
    let owners = mk(org(
        "owners_committee",
        "测试一区业委会",
        &compounds[0],
        vec![&compounds[0]],
    ))
    .await;
    mk(org(
        "community_party_committee",
        "测试社区党总支",
        &community,
        vec![],
    ))
    .await;
    let person = |name: &str, party: bool| json!({"name": name, "is_party_member": party, "home_compound_id": compounds[0]});
    let mut ids = Vec::new();
    for (name, party) in [
        ("赵一", true),
        ("钱二", false),
        ("孙三", false),
        ("李四", false),
    ] {
        let res = app
            .post_as(&admin, "/api/v1/people", &person(name, party))
            .await;
        res.assert_status(201);
        ids.push(
            res.json()["id"]
                .as_str()
                .expect("the answer carries its id")
                .to_owned(),
        );
    }
    let post = |person: &str, org: &str, title: &str| json!({"person_id": person, "organisation_id": org, "title": title, "start_date": "2026-01-01"});
    for (i, title) in ["主任", "委员", "委员", "委员"].iter().enumerate() {
        app.post_as(&admin, "/api/v1/posts", &post(&ids[i], &owners, title))
            .await
            .assert_status(201);
    }
    // 赵一 is also the branch secretary: one cross-appointment.
    app.post_as(&admin, "/api/v1/posts", &post(&ids[0], &branch, "书记"))
        .await
        .assert_status(201);
    app.post_as(&admin, "/api/v1/centres", &json!({"community_id": community, "name": "测试邻里中心", "address": "测试路 1 号", "location": {"lat": 28.1, "lon": 113.0}, "geofence_radius_m": 150, "opening_hours": {"1": ["08:30", "20:00"]}})).await
        .assert_status(201);
    // One meeting in the last 90 days, for the first compound.
    let today = app.clock().today();
    app.post_as(&admin, "/api/v1/joint-meetings", &json!({"compound_id": compounds[0], "held_on": today.to_string(), "title": "联席会议", "convener_org_id": branch,
                      "minutes": {"attendance": [{"organisation_id": branch, "attendees": ["赵一"]}], "agenda": [{"no": 1, "title": "议题"}], "resolutions": []}})).await
        .assert_status(201);
    let stats = app.get_as(&admin, "/api/v1/stats/registry").await.json();
    let row = each(&stats["items"])
        .find(|r| r["area_name"] == "测试街道")
        .cloned()
        .unwrap_or_default();
    let expected = json!({
        "compounds": 3, "property_managed": 2, "entrusted": 0, "self_managed": 1,
        "covered_compounds": 2, "uncovered_compounds": 1, "compound_party_orgs": 1, "property_company_party_orgs": 0,
        "owners_committee_members": 4, "owners_committee_party_members": 1, "owners_committee_party_share_pct": 25.0,
        "compounds_without_recent_meeting": 2, "cross_appointments": 1, "centres": 1,
    });
    for (k, v) in expected.as_object().into_iter().flatten() {
        assert_eq!(&row[k], v, "{k}: {row}");
    }
    let members = app
        .get_as(
            &admin,
            &format!("/api/v1/compounds/{}/cross-appointments", compounds[0]),
        )
        .await
        .json();
    assert_eq!(members.as_array().map(Vec::len), Some(1));
    assert_eq!(members[0]["person_name"], "赵一");
}

#[actix_web::test]
async fn a_caller_without_the_meeting_role_gets_403_even_for_an_invalid_record() {
    let app = TestApp::new().await;
    let compound = app.area_id("融城花苑").await;
    let staff = app.user_with(Role::PropertyStaff, compound).await;
    let nobody = Uuid::nil();
    let invalid = json!({
        "compound_id": compound, "held_on": "2026-11-20", "title": "", "location": "",
        "convener_org_id": nobody,
        "minutes": {"attendance": [], "agenda": [], "resolutions": []},
        "action_items": [{"resolution_no": 9, "description": "", "owner_org_id": nobody, "due_on": "2026-12-31"}]
    });
    let before = app
        .count("SELECT count(*) AS n FROM joint_meetings WHERE $1 = $1", "")
        .await;
    app.post_as(&staff, "/api/v1/joint-meetings", &invalid)
        .await
        .assert_problem(403, "forbidden");
    app.put(&format!("/api/v1/joint-meetings/{nobody}"))
        .bearer(&staff)
        .header("if-match", "\"v1\"")
        .json(&invalid)
        .send()
        .await
        .assert_problem(403, "forbidden");
    app.post_as(
        &staff,
        &format!("/api/v1/joint-meetings/{nobody}/amendments"),
        &json!({"reason": "", "correction": ""}),
    )
    .await
    .assert_problem(403, "forbidden");
    app.put(&format!("/api/v1/action-items/{nobody}"))
        .bearer(&staff)
        .header("if-match", "\"v1\"")
        .json(&json!({"status": "done", "done_on": null}))
        .send()
        .await
        .assert_problem(403, "forbidden");
    assert_eq!(
        app.count("SELECT count(*) AS n FROM joint_meetings WHERE $1 = $1", "")
            .await,
        before
    );
}

#[derive(QueryableByName)]
struct Neighbour {
    #[diesel(sql_type = SqlUuid)]
    meeting: Uuid,
    #[diesel(sql_type = SqlUuid)]
    item: Uuid,
    #[diesel(sql_type = SqlUuid)]
    community: Uuid,
    #[diesel(sql_type = SqlUuid)]
    other_compound: Uuid,
}

#[actix_web::test]
async fn a_meeting_seen_from_the_community_is_not_changed_by_the_secretary_of_another_compound() {
    let app = TestApp::new().await;
    // A finalised meeting with an open action item, and another compound of its community.
    let n: Neighbour = {
        let mut conn = app.conn().await;
        diesel::sql_query(
            "SELECT m.id AS meeting, i.id AS item, c.parent_id AS community, o.id AS other_compound \
             FROM joint_meetings m JOIN action_items i ON i.meeting_id = m.id \
             JOIN areas c ON c.id = m.compound_id \
             JOIN areas o ON o.parent_id = c.parent_id AND o.kind = 'compound' AND o.id <> c.id \
             WHERE m.status = 'finalised' AND i.status = 'open' ORDER BY m.id, i.id, o.id LIMIT 1",
        )
        .get_result(&mut *conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
    };
    // Reads the community's registry; records the meetings of their own compound only.
    let admin = app.token_for("admin").await;
    let username = linli_tests::unique("neighbour.");
    {
        let mut conn = app.conn().await;
        let (id, _) = linli_persistence::users::ensure(&mut conn, &username, "邻居书记", "x")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        for (role, area) in [
            (Role::Auditor, n.community),
            (Role::CompoundSecretary, n.other_compound),
        ] {
            linli_persistence::users::ensure_grant(&mut conn, id, role, area)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let neighbour = app.token_for(&username).await;
    let meeting_uri = format!("/api/v1/joint-meetings/{}", n.meeting);
    let item_uri = format!("/api/v1/action-items/{}", n.item);
    let seen = app.get_as(&neighbour, &meeting_uri).await;
    seen.assert_status(200);
    let item = app.get_as(&neighbour, &item_uri).await;
    item.assert_status(200);
    let item_etag = item.header("etag").expect("the answer carries an ETag");
    app.post_as(
        &neighbour,
        &format!("{meeting_uri}/amendments"),
        &json!({"reason": "出席名单有误", "correction": "更正内容"}),
    )
    .await
    .assert_problem(404, "not_found");
    app.put(&item_uri)
        .bearer(&neighbour)
        .header("if-match", &item_etag)
        .json(&json!({"status": "cancelled"}))
        .send()
        .await
        .assert_problem(404, "not_found");
    let after = app.get_as(&admin, &item_uri).await;
    assert_eq!(after.header("etag"), Some(item_etag));
    assert_eq!(after.json()["status"], "open");
    let amended = app.get_as(&admin, &meeting_uri).await.json();
    assert_eq!(amended["amendments"], seen.json()["amendments"]);
}

#[actix_web::test]
async fn a_caller_without_the_registry_role_is_refused_before_a_centre_or_post_is_checked() {
    let app = TestApp::new().await;
    let community = app.area_id("雨花区").await;
    let auditor = app.user_with(Role::Auditor, community).await;
    app.post_as(&auditor, "/api/v1/centres", &json!({"community_id": Uuid::new_v4(), "name": "", "address": "",
            "location": {"lat": 28.1, "lon": 113.0}, "geofence_radius_m": 5, "opening_hours": {"9": ["20:00", "08:00"]}})).await
        .assert_problem(403, "forbidden");
    app.put(&format!("/api/v1/centres/{}", Uuid::new_v4()))
        .bearer(&auditor)
        .header("If-Match", "\"v1\"")
        .json(
            &json!({"community_id": Uuid::new_v4(), "name": "", "address": "",
            "location": {"lat": 28.1, "lon": 113.0}, "geofence_radius_m": 5, "opening_hours": {}}),
        )
        .send()
        .await
        .assert_problem(403, "forbidden");
    let post = json!({"person_id": Uuid::new_v4(), "organisation_id": Uuid::new_v4(), "title": "",
        "start_date": "2028-01-01", "end_date": "2027-01-01"});
    app.post_as(&auditor, "/api/v1/posts", &post)
        .await
        .assert_problem(403, "forbidden");
    app.put(&format!("/api/v1/posts/{}", Uuid::new_v4()))
        .bearer(&auditor)
        .header("If-Match", "\"v1\"")
        .json(&post)
        .send()
        .await
        .assert_problem(403, "forbidden");
}
