//! Open311 GeoReport v2: a round trip with the specification's field names.

use linli_tests::text;
use linli_tests::{TestApp, enc};
use serde_json::{Value, json};

async fn key(app: &TestApp, scopes: Value) -> String {
    let district = app.area_id("雨花区").await;
    app.api_key("市民服务平台", scopes, district).await.0
}

fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[actix_web::test]
async fn a_request_filed_over_open311_can_be_followed() {
    let app = TestApp::new().await;
    let discovery = app.get_public("/open311/v2/discovery.json").await.json();
    assert_eq!(
        discovery["endpoints"][0]["specification"],
        "http://wiki.open311.org/GeoReport_v2"
    );
    let services = app.get_public("/open311/v2/services.json").await.json();
    let codes: Vec<&str> = services
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["service_code"].as_str())
        .collect();
    assert_eq!(codes.len(), 12);
    assert!(codes.contains(&"elevator"));
    let elevator = services
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["service_code"] == "elevator")
        .cloned()
        .unwrap_or_default();
    assert_eq!(elevator["metadata"], true);
    let definition = app
        .get_public("/open311/v2/services/elevator.json")
        .await
        .json();
    assert_eq!(definition["attributes"][1]["code"], "trapped");
    assert_eq!(definition["attributes"][1]["datatype"], "singlevaluelist");
    let key = key(&app, json!(["open311"])).await;
    let compound = app.area_id("融城花苑").await.to_string();
    let body = form(&[
        ("api_key", &key),
        ("service_code", "elevator"),
        ("address_id", &compound),
        ("description", "三栋电梯停在八楼不动"),
        ("lat", "28.1"),
        ("long", "113.0"),
        ("first_name", "先生"),
        ("last_name", "王"),
        ("phone", "13600002222"),
        ("attribute[building]", "3栋"),
        ("attribute[trapped]", "no"),
    ]);
    let created = app
        .post("/open311/v2/requests.json")
        .raw("application/x-www-form-urlencoded", body)
        .send()
        .await;
    created.assert_status(201);
    let id = text(&created.json()[0]["service_request_id"]);
    let one = app
        .get_public(&format!(
            "/open311/v2/requests/{id}.json?api_key={}",
            enc(&key)
        ))
        .await;
    one.assert_status(200);
    let r = &one.json()[0];
    assert_eq!(r["service_request_id"], id.as_str());
    assert_eq!(r["status"], "open");
    assert_eq!(r["status_notes"], "submitted");
    assert_eq!(r["service_code"], "elevator");
    assert_eq!(r["address_id"], compound.as_str());
    assert_eq!(r["long"], 113.0);
    assert!(
        r["agency_responsible"].is_string(),
        "routed to the property company"
    );
    let listed = app
        .get_public(&format!(
            "/open311/v2/requests.json?api_key={}&service_code=elevator",
            enc(&key)
        ))
        .await
        .json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    let token = app
        .get_public(&format!("/open311/v2/tokens/{id}.json"))
        .await
        .json();
    assert_eq!(token[0]["service_request_id"], id.as_str());
    // The same complaint through the regular API, filed on the open311 channel.
    let admin = app.token_for("admin").await;
    let c = app
        .get_as(&admin, &format!("/api/v1/complaints/{id}"))
        .await
        .json();
    assert_eq!(c["channel"], "open311");
    assert!(
        c["description"]
            .as_str()
            .is_some_and(|d| d.contains("trapped: no"))
    );
}

#[actix_web::test]
async fn open311_errors_use_the_specification_format() {
    let app = TestApp::new().await;
    let res = app
        .get_public("/open311/v2/requests.json?api_key=wrong")
        .await;
    assert_eq!(res.status.as_u16(), 401);
    assert_eq!(res.json()[0]["code"], 401);
    let registry_only = key(&app, json!(["registry:read"])).await;
    let res = app
        .get_public(&format!(
            "/open311/v2/requests.json?api_key={}",
            enc(&registry_only)
        ))
        .await;
    assert_eq!(res.status.as_u16(), 403);
    assert!(res.json()[0]["description"].is_string());
    let key = key(&app, json!(["open311"])).await;
    let res = app
        .post("/open311/v2/requests.json")
        .raw(
            "application/x-www-form-urlencoded",
            form(&[("api_key", &key), ("service_code", "elevator")]),
        )
        .send()
        .await;
    assert_eq!(res.status.as_u16(), 400);
    assert_eq!(
        app.count("SELECT count(*) AS n FROM complaints WHERE $1 = $1", "")
            .await,
        0
    );
    let res = app.get_public("/open311/v2/services/nothing.json").await;
    assert_eq!(res.status.as_u16(), 404);
    assert_eq!(res.json()[0]["code"], 404);
}

/// Open311 and the JSON API file through one use case: the Open311 copy used to keep no
/// key and cut titles at 40 characters.
#[actix_web::test]
async fn open311_files_like_the_api_keeping_the_key_and_a_hundred_character_title() {
    let app = TestApp::new().await;
    let key = key(&app, json!(["open311"])).await;
    let compound = app.area_id("融城花苑").await.to_string();
    let description = format!(
        "{}{}",
        "电梯".repeat(40),
        "停在八楼不动，已经两天无人维修，老人上下楼很困难"
    );
    let created = app
        .post("/open311/v2/requests.json")
        .raw(
            "application/x-www-form-urlencoded",
            form(&[
                ("api_key", &key),
                ("service_code", "elevator"),
                ("address_id", &compound),
                ("description", &description),
            ]),
        )
        .send()
        .await;
    created.assert_status(201);
    let id = text(&created.json()[0]["service_request_id"]);
    let stored = app
        .count(
            "SELECT count(*) AS n FROM complaints c JOIN api_keys k ON k.id = c.source_key_id \
             WHERE c.id::text = $1 AND c.channel = 'open311' AND char_length(c.title) = 100",
            &id,
        )
        .await;
    assert_eq!(stored, 1, "the key is kept and the title is 100 characters");
    // An unknown service is named by the specification's field; nothing is stored.
    let res = app
        .post("/open311/v2/requests.json")
        .raw(
            "application/x-www-form-urlencoded",
            form(&[
                ("api_key", &key),
                ("service_code", "nothing"),
                ("address_id", &compound),
                ("description", "x"),
            ]),
        )
        .send()
        .await;
    assert_eq!(res.status.as_u16(), 400);
    assert!(
        res.json()[0]["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("service_code")),
        "{}",
        res.text()
    );
    assert_eq!(
        app.count("SELECT count(*) AS n FROM complaints WHERE $1 = $1", "")
            .await,
        1
    );
}

#[actix_web::test]
async fn requests_asked_for_by_id_are_those_in_the_keys_area_whatever_the_other_filters() {
    let app = TestApp::new().await;
    let mine = app.compound().create().await;
    let elsewhere = app
        .compound()
        .in_community(app.area_id("卫技社区").await)
        .create()
        .await;
    let (key, _) = app
        .api_key("社区网格平台", json!(["open311"]), mine.community_id)
        .await;
    let own = app.complaint(mine.id).create().await["id"]
        .as_str()
        .expect("the complaint has an id")
        .to_owned();
    let other = app.complaint(elsewhere.id).create().await["id"]
        .as_str()
        .expect("the complaint has an id")
        .to_owned();
    let unknown = uuid::Uuid::new_v4();
    // `status=closed` would leave the open complaint out of a search; asked by id it counts.
    let listed = app.get_public(&format!(
            "/open311/v2/requests.json?api_key={}&status=closed&service_request_id={own},{other},{unknown},nonsense",
            enc(&key)
        )).await;
    listed.assert_status(200);
    let ids: Vec<String> = listed
        .json()
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["service_request_id"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(ids, [own]);
}

#[actix_web::test]
async fn the_key_may_come_as_a_header_and_then_stays_out_of_the_address() {
    let app = TestApp::new().await;
    let key = key(&app, json!(["open311"])).await;
    let listed = app
        .get("/open311/v2/requests.json")
        .header("X-Api-Key", &key)
        .send()
        .await;
    listed.assert_status(200);
    assert!(listed.json().is_array());
    app.get("/open311/v2/requests.json")
        .header("X-Api-Key", "lk_forged0000000000000000")
        .send()
        .await
        .assert_status(401);
    app.get("/open311/v2/requests.json")
        .send()
        .await
        .assert_status(401);
}
