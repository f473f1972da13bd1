//! The application factory: routes, middleware, error rendering, docs UI and the SPA.

use actix_files::{Files, NamedFile};
use actix_web::{
    App, Error, HttpRequest, HttpResponse,
    body::{BoxBody, MessageBody},
    dev::{ServiceFactory, ServiceRequest, ServiceResponse},
    http::header,
    middleware::{Compress, DefaultHeaders, ErrorHandlerResponse, ErrorHandlers, Logger},
    web,
};
use utoipa::OpenApi;
use utoipa_actix_web::{AppExt, UtoipaApp, scope};
use utoipa_swagger_ui::SwaggerUi;

use crate::{
    error::{ApiError, PROBLEM_JSON, code_for, title_for},
    handlers::{areas, auth, compounds, health, me, stats},
    openapi::ApiDoc,
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
            scope("/api/v1")
                .service(auth::login::login)
                .service(auth::refresh::refresh)
                .service(auth::logout::logout)
                .service(me::get_me::get_me)
                .service(areas::list_areas::list_areas)
                .service(areas::get_area::get_area)
                .service(areas::create_area::create_area)
                .service(areas::update_area::update_area)
                // `/compounds/export` before `/compounds/{id}` so "export" is not an id.
                .service(compounds::export_compounds::export_compounds)
                .service(compounds::list_compounds::list_compounds)
                .service(compounds::get_compound::get_compound)
                .service(compounds::create_compound::create_compound)
                .service(compounds::update_compound::update_compound)
                .service(stats::compounds_by_mode::compounds_by_mode),
        )
}

/// The OpenAPI document the code describes (what `linli openapi` prints).
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    routes(App::new().into_utoipa_app().openapi(ApiDoc::openapi()))
        .split_for_parts()
        .1
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
    let (app, api) = routes(base.into_utoipa_app().openapi(ApiDoc::openapi())).split_for_parts();
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
    app.wrap(ErrorHandlers::new().default_handler(into_problem))
        .wrap(Compress::default())
        .wrap(
            DefaultHeaders::new()
                .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                .add((header::X_FRAME_OPTIONS, "DENY"))
                .add((header::REFERRER_POLICY, "no-referrer")),
        )
        .wrap(Logger::new("%a \"%r\" %s %b %Dms").log_target("linli::access"))
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

/// Rewrites any error response that is not already problem+json (raised by actix itself:
/// 404, 405, 413 ...) into one, so clients only ever parse one error format.
fn into_problem<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON));
    if is_problem {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let (req, old) = res.into_parts();
    let code = code_for(status);
    let detail = if status.is_server_error() {
        "服务器内部错误，请稍后重试 / an internal error occurred; please try again later".to_owned()
    } else {
        title_for(status).to_owned()
    };
    let problem = crate::error::Problem {
        problem_type: format!("urn:linli:problem:{code}"),
        title: title_for(status).to_owned(),
        status: status.as_u16(),
        detail,
        code: code.to_owned(),
        errors: None,
    };
    let mut builder = HttpResponse::build(status);
    for name in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
        if let Some(value) = old.headers().get(&name) {
            builder.insert_header((name, value.clone()));
        }
    }
    let new: HttpResponse<BoxBody> = builder
        .content_type(PROBLEM_JSON)
        .body(serde_json::to_string(&problem).unwrap_or_default());
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, new).map_into_right_body(),
    ))
}
