//! The application factory: routes, middleware, error rendering, docs UI and the SPA.

use actix_cors::Cors;
use actix_files::{Files, NamedFile};
use actix_web::{
    App, Error, HttpMessage, HttpRequest, HttpResponse,
    body::{BoxBody, MessageBody},
    dev::{ServiceFactory, ServiceRequest, ServiceResponse},
    http::header,
    middleware::{Compress, DefaultHeaders, ErrorHandlerResponse, ErrorHandlers, Logger, from_fn},
    web,
};
use utoipa::OpenApi;
use utoipa_actix_web::{AppExt, UtoipaApp, scope};
use utoipa_swagger_ui::SwaggerUi;

use crate::{
    error::{ApiError, PROBLEM_JSON, code_for, title_for},
    handlers::{
        action_items, allowances, api_keys, areas, audit_log, auth, centres, complaints, compounds,
        contracts, events, health, me, meetings, open311, ops, organisations, people, posts,
        public_revenue, special_audits, stats, users, volunteering, webhooks,
    },
    openapi::ApiDoc,
    request_id::RequestId,
    state::AppState,
};

/// Registers every documented route. The only place routes are added.
fn routes<T>(app: UtoipaApp<T>) -> UtoipaApp<T>
where
    T: ServiceFactory<ServiceRequest, Config = (), Error = Error, InitError = ()>,
{
    app.service(health::healthz::healthz)
        .service(health::readyz::readyz)
        .service(
            scope("/open311/v2")
                .service(open311::discovery::discovery)
                .service(open311::services::services)
                .service(open311::service_definition::service_definition)
                .service(open311::create_request::create_request)
                .service(open311::list_requests::list_requests)
                .service(open311::get_request::get_request)
                .service(open311::get_token::get_token),
        )
        .service(ops::metrics::metrics)
        .service(
            scope("/api/v1")
                .service(auth::login::login)
                .service(auth::refresh::refresh)
                .service(auth::logout::logout)
                .service(me::get_me::get_me)
                .service(me::change_password::change_password)
                .service(users::list_users::list_users)
                .service(users::get_user::get_user)
                .service(users::create_user::create_user)
                .service(users::update_user::update_user)
                .service(users::add_grant::add_grant)
                .service(users::remove_grant::remove_grant)
                .service(users::unmask_user::unmask_user)
                .service(api_keys::list_api_keys::list_api_keys)
                .service(api_keys::create_api_key::create_api_key)
                .service(api_keys::revoke_api_key::revoke_api_key)
                // `/audit-log/verify` is a fixed path; no `{id}` route competes with it.
                .service(audit_log::verify_audit_log::verify_audit_log)
                .service(audit_log::list_audit_log::list_audit_log)
                .service(events::list_events::list_events)
                .service(webhooks::list_subscriptions::list_subscriptions)
                .service(webhooks::create_subscription::create_subscription)
                .service(webhooks::get_subscription::get_subscription)
                .service(webhooks::update_subscription::update_subscription)
                .service(webhooks::rotate_secret::rotate_secret)
                .service(webhooks::list_deliveries::list_deliveries)
                .service(webhooks::redeliver::redeliver)
                .service(areas::list_areas::list_areas)
                .service(areas::get_area::get_area)
                .service(areas::create_area::create_area)
                .service(areas::update_area::update_area)
                // `/compounds/export` before `/compounds/{id}` so "export" is not an id.
                .service(compounds::export_compounds::export_compounds)
                .service(compounds::list_compounds::list_compounds)
                .service(compounds::get_compound::get_compound)
                .service(compounds::get_governance::get_governance)
                .service(compounds::list_cross_appointments::list_cross_appointments)
                .service(compounds::create_compound::create_compound)
                .service(compounds::update_compound::update_compound)
                .service(stats::compounds_by_mode::compounds_by_mode)
                .service(stats::registry_indicators::registry_indicators)
                .service(stats::complaint_stats::complaint_stats)
                .service(stats::owners_committees::owners_committees)
                .service(organisations::list_organisations::list_organisations)
                .service(organisations::get_organisation::get_organisation)
                .service(organisations::create_organisation::create_organisation)
                .service(organisations::update_organisation::update_organisation)
                .service(people::list_people::list_people)
                .service(people::get_person::get_person)
                .service(people::create_person::create_person)
                .service(people::update_person::update_person)
                .service(people::unmask_person::unmask_person)
                .service(posts::list_posts::list_posts)
                .service(posts::create_post::create_post)
                .service(posts::get_post::get_post)
                .service(posts::update_post::update_post)
                .service(public_revenue::close_period::close_period)
                .service(public_revenue::create_account::create_account)
                .service(public_revenue::get_disclosure::get_disclosure)
                .service(public_revenue::get_entry::get_entry)
                .service(public_revenue::get_voucher::get_voucher)
                .service(public_revenue::import_entries::import_entries)
                .service(public_revenue::list_accounts::list_accounts)
                .service(public_revenue::list_disclosures::list_disclosures)
                .service(public_revenue::list_entries::list_entries)
                .service(public_revenue::list_periods::list_periods)
                .service(public_revenue::list_vouchers::list_vouchers)
                .service(public_revenue::monthly_report::monthly_report)
                .service(public_revenue::post_entry::post_entry)
                .service(public_revenue::preview_disclosure::preview_disclosure)
                .service(public_revenue::publish_disclosure::publish_disclosure)
                .service(public_revenue::reverse_entry::reverse_entry)
                .service(public_revenue::rollup_report::rollup_report)
                .service(public_revenue::trial_balance::trial_balance)
                .service(public_revenue::upload_voucher::upload_voucher)
                .service(special_audits::add_rectification::add_rectification)
                .service(special_audits::audit_dashboard::audit_dashboard)
                .service(special_audits::complete_rectification::complete_rectification)
                .service(special_audits::create_campaign::create_campaign)
                .service(special_audits::create_engagement::create_engagement)
                .service(special_audits::get_campaign::get_campaign)
                .service(special_audits::get_engagement::get_engagement)
                .service(special_audits::get_finding::get_finding)
                .service(special_audits::list_campaigns::list_campaigns)
                .service(special_audits::list_engagements::list_engagements)
                .service(special_audits::list_findings::list_findings)
                .service(special_audits::raise_finding::raise_finding)
                .service(special_audits::set_engagement_fee::set_engagement_fee)
                .service(special_audits::transition_engagement::transition_engagement)
                .service(special_audits::update_campaign::update_campaign)
                .service(special_audits::verify_rectification::verify_rectification)
                .service(allowances::bank_file::bank_file)
                .service(allowances::create_assessment::create_assessment)
                .service(allowances::create_cycle::create_cycle)
                .service(allowances::create_programme::create_programme)
                .service(allowances::disburse_cycle::disburse_cycle)
                .service(allowances::get_bank_account::get_bank_account)
                .service(allowances::get_cycle::get_cycle)
                .service(allowances::get_programme::get_programme)
                .service(allowances::hold_payment::hold_payment)
                .service(allowances::import_assessments::import_assessments)
                .service(allowances::list_assessments::list_assessments)
                .service(allowances::list_cycles::list_cycles)
                .service(allowances::list_payments::list_payments)
                .service(allowances::list_programmes::list_programmes)
                .service(allowances::person_payments::person_payments)
                .service(allowances::programme_budget::programme_budget)
                .service(allowances::reconcile_cycle::reconcile_cycle)
                .service(allowances::regenerate_cycle::regenerate_cycle)
                .service(allowances::release_payment::release_payment)
                .service(allowances::set_bank_account::set_bank_account)
                .service(allowances::transition_cycle::transition_cycle)
                .service(allowances::update_assessment::update_assessment)
                .service(allowances::update_programme::update_programme)
                .service(volunteering::cancel_activity::cancel_activity)
                .service(volunteering::cancel_signup::cancel_signup)
                .service(volunteering::centre_qr::centre_qr)
                .service(volunteering::check_in::check_in)
                .service(volunteering::check_out::check_out)
                .service(volunteering::create_activity::create_activity)
                .service(volunteering::decide_report::decide_report)
                .service(volunteering::employer_report::employer_report)
                .service(volunteering::get_activity::get_activity)
                .service(volunteering::issue_certificate::issue_certificate)
                .service(volunteering::list_activities::list_activities)
                .service(volunteering::list_check_ins::list_check_ins)
                .service(volunteering::list_reports::list_reports)
                .service(volunteering::list_team_members::list_team_members)
                .service(volunteering::my_volunteering::my_volunteering)
                .service(volunteering::print_certificate::print_certificate)
                .service(volunteering::remove_team_member::remove_team_member)
                .service(volunteering::request_report::request_report)
                .service(volunteering::service_hours::service_hours)
                .service(volunteering::set_team_member::set_team_member)
                .service(volunteering::sign_up::sign_up)
                .service(volunteering::sync_check_ins::sync_check_ins)
                .service(volunteering::verify_certificate::verify_certificate)
                .service(volunteering::verify_check_in::verify_check_in)
                .service(volunteering::volunteering_stats::volunteering_stats)
                .service(contracts::list_contracts::list_contracts)
                .service(contracts::get_contract::get_contract)
                .service(contracts::create_contract::create_contract)
                .service(contracts::update_contract::update_contract)
                .service(meetings::list_meetings::list_meetings)
                .service(meetings::get_meeting::get_meeting)
                .service(meetings::create_meeting::create_meeting)
                .service(meetings::update_meeting::update_meeting)
                .service(meetings::finalise_meeting::finalise_meeting)
                .service(meetings::amend_meeting::amend_meeting)
                .service(action_items::list_action_items::list_action_items)
                .service(action_items::get_action_item::get_action_item)
                .service(action_items::update_action_item::update_action_item)
                .service(centres::list_centres::list_centres)
                .service(centres::get_centre::get_centre)
                .service(centres::create_centre::create_centre)
                .service(centres::update_centre::update_centre)
                .service(complaints::list_categories::list_categories)
                .service(complaints::update_category::update_category)
                // Fixed paths before `/complaints/{id}`.
                .service(complaints::complaint_counts::complaint_counts)
                .service(complaints::export_complaints::export_complaints)
                .service(complaints::list_complaints::list_complaints)
                .service(complaints::create_complaint::create_complaint)
                .service(complaints::get_complaint::get_complaint)
                .service(complaints::transition_complaint::transition_complaint)
                .service(complaints::list_duplicates::list_duplicates)
                .service(complaints::merge_complaint::merge_complaint)
                .service(complaints::upload_attachment::upload_attachment)
                .service(complaints::get_attachment::get_attachment)
                .service(complaints::request_extension::request_extension)
                .service(complaints::decide_extension::decide_extension)
                .service(complaints::list_calendar_days::list_calendar_days)
                .service(complaints::set_calendar_day::set_calendar_day),
        )
}

/// The OpenAPI document the code describes (what `linli openapi` prints).
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    let mut api = routes(App::new().into_utoipa_app().openapi(ApiDoc::openapi()))
        .split_for_parts()
        .1;
    crate::openapi::declare_common_responses(&mut api);
    api
}

/// The whole application for one worker.
pub fn build_app(
    state: AppState,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = Error,
        InitError = (),
    >,
> {
    let static_dir = state.settings.static_dir.clone();
    let cors_origins = state.settings.cors_origins.clone();
    let body_limit = state.settings.body_limit;
    let base = App::new()
        .app_data(web::Data::new(state))
        .app_data(web::PayloadConfig::new(body_limit))
        .app_data(web::QueryConfig::default().error_handler(|err, _| {
            ApiError::bad_request(
                "invalid_query",
                format!("查询参数有误 / invalid query parameter: {err}"),
            )
            .into()
        }))
        .app_data(
            web::PathConfig::default().error_handler(|_, _| ApiError::not_found("resource").into()),
        );
    let (app, mut api) =
        routes(base.into_utoipa_app().openapi(ApiDoc::openapi())).split_for_parts();
    crate::openapi::declare_common_responses(&mut api);
    let mut app = app
        .service(SwaggerUi::new("/docs/{_:.*}").url("/api-docs/openapi.json", api))
        .route(
            "/docs",
            web::get().to(|| async {
                HttpResponse::PermanentRedirect()
                    .insert_header((header::LOCATION, "/docs/"))
                    .finish()
            }),
        );
    if let Some(dir) = static_dir.filter(|d| d.join("index.html").is_file()) {
        let index = dir.join("index.html");
        app = app.service(
            Files::new("/", dir)
                .index_file("index.html")
                .default_handler(web::to(move |req: HttpRequest| {
                    let index = index.clone();
                    async move { spa_fallback(req, &index).await }
                })),
        );
    } else {
        app = app.default_service(web::to(|| async {
            Err::<HttpResponse, _>(route_not_found())
        }));
    }
    app.wrap(from_fn(crate::nul::reject_in_uri))
        .wrap(ErrorHandlers::new().default_handler(into_problem))
        .wrap(from_fn(crate::metrics::observe))
        .wrap(cors(&cors_origins))
        .wrap(Compress::default())
        .wrap(
            DefaultHeaders::new()
                .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                .add((header::X_FRAME_OPTIONS, "DENY"))
                .add((header::REFERRER_POLICY, "no-referrer")),
        )
        .wrap(from_fn(crate::browser_policy::apply))
        .wrap(from_fn(crate::request_id::assign))
        .wrap(
            Logger::new("%{client}xi \"%{request}xi\" %s %b %Dms request_id=%{x-request-id}o")
                .custom_request_replace("client", |req| {
                    let trusted = req
                        .app_data::<web::Data<AppState>>()
                        .map_or(&[][..], |s| &s.settings.trusted_proxies);
                    crate::auth::principal::client_ip(req.request(), trusted)
                })
                .custom_request_replace("request", crate::access_log::request_line)
                .log_target("linli::access"),
        )
}

/// Browsers may call the API only from the configured origins (none by default; the SPA
/// is served from the same origin and needs none).
fn cors(origins: &[String]) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::HeaderName::from_static("idempotency-key"),
            header::HeaderName::from_static("x-request-id"),
        ])
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            header::RETRY_AFTER,
            header::HeaderName::from_static("x-request-id"),
        ])
        .max_age(600);
    for origin in origins {
        cors = cors.allowed_origin(origin);
    }
    cors
}

fn route_not_found() -> ApiError {
    ApiError::new(
        actix_web::http::StatusCode::NOT_FOUND,
        "route_not_found",
        "没有这个接口 / no such route",
    )
}

/// Client-side routes of the SPA get `index.html`; API-looking paths get a problem.
async fn spa_fallback(req: HttpRequest, index: &std::path::Path) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    if path.starts_with("/api/") || path.starts_with("/open311/") || path.contains('.') {
        return Err(route_not_found());
    }
    let file = NamedFile::open_async(index)
        .await
        .map_err(|e| ApiError::internal(&e))?;
    let mut response = file.into_response(&req);
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-cache"),
    );
    Ok(response)
}

/// Rewrites every error response into problem+json carrying the request id: our own
/// problems get the id added, errors raised by actix itself (404, 405, 413 ...) are
/// replaced, so clients only ever parse one error format.
fn into_problem<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    // Open311 clients expect the specification's own error format: leave the handlers'
    // answers alone and rewrite the framework's (a query that does not parse, an unknown
    // route) into it below.
    let open311 = res.request().path().starts_with("/open311/");
    if open311 && content_type.starts_with("application/json") {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let is_problem = content_type.starts_with(PROBLEM_JSON);
    let request_id = res
        .request()
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone());
    let status = res.status();
    let (req, old) = res.into_parts();
    let mut builder = HttpResponse::build(status);
    for (name, value) in old.headers() {
        if name != header::CONTENT_LENGTH && name != header::CONTENT_TYPE {
            builder.append_header((name.clone(), value.clone()));
        }
    }
    Ok(ErrorHandlerResponse::Future(Box::pin(async move {
        let mut problem: serde_json::Value = if is_problem {
            let bytes = actix_web::body::to_bytes(old.into_body())
                .await
                .unwrap_or_default();
            serde_json::from_slice(&bytes).unwrap_or_default()
        } else {
            let code = code_for(status);
            let detail = if status.is_server_error() {
                "服务器内部错误，请稍后重试 / an internal error occurred; please try again later"
            } else {
                title_for(status)
            };
            serde_json::json!({
                "type": format!("urn:linli:problem:{code}"),
                "title": title_for(status),
                "status": status.as_u16(),
                "detail": detail,
                "code": code,
            })
        };
        if open311 {
            let description = problem
                .get("detail")
                .and_then(serde_json::Value::as_str)
                .unwrap_or_else(|| title_for(status))
                .to_owned();
            let errors = [crate::dto::open311::Open311Error {
                code: status.as_u16(),
                description,
            }];
            let new: HttpResponse<BoxBody> = builder
                .content_type("application/json")
                .body(serde_json::to_string(&errors).unwrap_or_default());
            return Ok(ServiceResponse::new(req, new).map_into_right_body());
        }
        if let (Some(map), Some(id)) = (problem.as_object_mut(), request_id) {
            map.insert("request_id".to_owned(), serde_json::Value::String(id));
        }
        let new: HttpResponse<BoxBody> = builder
            .content_type(PROBLEM_JSON)
            .body(serde_json::to_string(&problem).unwrap_or_default());
        Ok(ServiceResponse::new(req, new).map_into_right_body())
    })))
}
