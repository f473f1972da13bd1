//! The document-level parts of the OpenAPI contract; paths and schemas are collected from
//! the handlers as they are registered.

use utoipa::{
    Modify, OpenApi,
    openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme},
};

/// Title, version, description, tags and security schemes.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Linli 邻里 API",
        version = "1.0.0",
        description = "The API of Linli, the system a district government uses to govern its residential compounds.\n\n\
Conventions (see docs/API-DESIGN.md): snake_case JSON; UUID ids; RFC 3339 UTC timestamps; money as integer fen; \
errors as RFC 9457 `application/problem+json` with a stable `code` and, for validation failures, `errors` (field -> messages); \
lists keyset-paginated with `limit` (max 100) and an opaque `cursor`; updates require `If-Match` with the `ETag` from a read. \
Objects outside your scope answer 404.",
        license(name = "MIT"),
    ),
    tags(
        (name = "health", description = "Probes for load balancers and orchestrators"),
        (name = "auth", description = "Sign-in, tokens and the signed-in user"),
        (name = "areas", description = "The area tree: district > subdistrict > community > compound > building"),
        (name = "compounds", description = "The compound register (小区)"),
        (name = "stats", description = "Dashboard statistics"),
        (name = "users", description = "User administration: profiles, grants (role x area), personal data"),
        (name = "api-keys", description = "API keys for government systems (`X-Api-Key`)"),
        (name = "audit", description = "The append-only, hash-chained audit log"),
        (name = "operations", description = "Metrics for operators"),
        (name = "open311", description = "Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): services are complaint categories, `address_id` is a compound's id, `api_key` a key with the `open311` scope; errors use the specification's format"),
        (name = "complaints", description = "Residents' complaints (诉求): intake, routing by governance mode, the 12345-style work-order life cycle with working-day deadlines"),
        (name = "registry", description = "Who governs the compounds: organisations, people and posts, service contracts and bundles, joint meetings, neighbourhood centres"),
        (name = "public-revenue", description = "Public revenue (公共收益): each compound's double-entry ledger in integer fen — chart of accounts, immutable journal entries corrected by reversal, closed months, cash-journal CSV imports, vouchers, trial balance and reports — and the disclosures (公示) residents read"),
        (name = "special-audits", description = "Special audits (专项审计): campaigns with a budget, engagements per compound (planned → fieldwork → draft_report → final_report → rectification → closed), findings and their rectification with verification, dashboard"),
        (name = "allowances", description = "Allowance payments (岗位津贴): programmes, assessments (考评), bank details, payment cycles with explained eligibility, four-eyes approval, budget, idempotent disbursement, bank file and reconciliation"),
        (name = "volunteering", description = "Volunteer service (报到 / 志愿服务): party members reporting to compounds, teams, activities and sign-ups, check-ins from phones by geofence or rotating QR code, offline sync, verified hours, certificates, employer reports"),
        (name = "events", description = "The event feed and webhook subscriptions (Standard Webhooks signatures); catalogue in docs/EVENTS.md"),
    ),
    components(schemas(crate::error::Problem, crate::dto::webhook::EventEnvelope)),
    modifiers(&SecuritySchemes),
)]
pub struct ApiDoc;

/// Adds the bearer scheme used by `security(("bearer" = []))` on handlers.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Access token from POST /api/v1/auth/login (15 minutes)",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-Api-Key",
                "Key of a government system (POST /api/v1/api-keys); acts within its scopes and area",
            ))),
        );
    }
}

/// Declares, on every operation, the error answers the shared machinery gives whatever the
/// handler does: the extractors (malformed JSON or query: 400; JSON of the wrong shape: 422;
/// a body that is not JSON: 415; too large: 413; an id in the path that does not parse or
/// an object outside the caller's scope: 404; stale or missing `If-Match`: 412/428), the
/// authentication (401, 403) and the database pool (503). Without them the contract
/// under-promises and clients (and contract fuzzing) meet statuses it never mentions.
/// Only missing codes are added; a handler's own, more specific description wins.
pub fn declare_common_responses(openapi: &mut utoipa::openapi::OpenApi) {
    for (path, item) in openapi.paths.paths.iter_mut() {
        // Open311 has its own error format; `/healthz` answers without the database.
        if path.starts_with("/open311/") || path == "/healthz" {
            continue;
        }
        let operations = [
            item.get.as_mut(),
            item.put.as_mut(),
            item.post.as_mut(),
            item.delete.as_mut(),
            item.patch.as_mut(),
        ];
        for operation in operations.into_iter().flatten() {
            declare_for_operation(operation);
        }
    }
}

fn declare_for_operation(operation: &mut utoipa::openapi::path::Operation) {
    use utoipa::openapi::{RefOr, path::ParameterIn};

    let parameters: Vec<(&str, &ParameterIn)> = operation
        .parameters
        .iter()
        .flatten()
        .filter_map(|p| match p {
            RefOr::T(p) => Some((p.name.as_str(), &p.parameter_in)),
            RefOr::Ref(_) => None,
        })
        .collect();
    let has_query = parameters
        .iter()
        .any(|(_, at)| matches!(at, ParameterIn::Query));
    // A filter naming an object (`area_id`, `compound_id` ...) answers 404 when the object
    // is outside the caller's scope, exactly like an id in the path.
    let has_object_filter = parameters
        .iter()
        .any(|(name, at)| matches!(at, ParameterIn::Query) && name.ends_with("_id"));
    let has_path = parameters
        .iter()
        .any(|(_, at)| matches!(at, ParameterIn::Path));
    let has_if_match = parameters.iter().any(|(name, at)| {
        matches!(at, ParameterIn::Header) && name.eq_ignore_ascii_case("if-match")
    });
    let body_types: Vec<String> = match &operation.request_body {
        Some(RefOr::T(body)) => body.content.keys().cloned().collect(),
        _ => Vec::new(),
    };
    let has_body = !body_types.is_empty();
    let has_json_body = body_types.iter().any(|t| t == "application/json");
    let secured = operation.security.as_ref().is_some_and(|s| !s.is_empty());

    let mut add = |status: &str, description: &str| {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| RefOr::T(problem_response(description)));
    };
    if has_query || has_json_body {
        add(
            "400",
            "Malformed JSON body or query parameter (`malformed_json`, `invalid_query`, `invalid_cursor`)",
        );
    }
    if secured {
        add("401", "Missing, malformed, expired or revoked credentials");
        add(
            "403",
            "No grant of yours (or scope of your API key) allows this",
        );
    }
    if has_path || has_object_filter {
        add("404", "No such object, or it lies outside your scope");
    }
    if has_if_match {
        add(
            "412",
            "`If-Match` is stale: the object changed since you read it",
        );
        add("428", "`If-Match` is missing");
    }
    if has_body {
        add("413", "Body larger than the limit");
        add("415", "Body of a media type this operation does not take");
    }
    if has_json_body {
        add(
            "422",
            "A field breaks a rule (`validation_failed`, with `errors`)",
        );
    }
    add(
        "503",
        "Database unreachable or busy (`service_unavailable`); see `Retry-After`",
    );
}

fn problem_response(description: &str) -> utoipa::openapi::Response {
    utoipa::openapi::ResponseBuilder::new()
        .description(description)
        .content(
            crate::error::PROBLEM_JSON,
            utoipa::openapi::ContentBuilder::new()
                .schema(Some(utoipa::openapi::Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}
