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
        (name = "audit-log", description = "The append-only, hash-chained audit log"),
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

/// The error answers the shared machinery gives whatever the handler does, declared once as
/// `components/responses` and referenced from every operation they apply to.
struct Common {
    status: &'static str,
    name: &'static str,
    description: &'static str,
    applies: fn(&Shape) -> bool,
}

/// What an operation takes, which decides the common answers it can give.
struct Shape {
    query: bool,
    object_filter: bool,
    path: bool,
    if_match: bool,
    body: bool,
    json_body: bool,
    secured: bool,
}

const COMMON: &[Common] = &[
    Common {
        status: "400",
        name: "MalformedRequest",
        description: "Malformed JSON body or query parameter (`malformed_json`, `invalid_query`, `invalid_cursor`)",
        applies: |s| s.query || s.json_body,
    },
    Common {
        status: "401",
        name: "Unauthenticated",
        description: "Missing, malformed, expired or revoked credentials",
        applies: |s| s.secured,
    },
    Common {
        status: "403",
        name: "Forbidden",
        description: "No grant of yours (or scope of your API key) allows this",
        applies: |s| s.secured,
    },
    // A filter naming an object (`area_id`, `compound_id` ...) answers 404 when the object
    // is outside the caller's scope, exactly like an id in the path.
    Common {
        status: "404",
        name: "NotFound",
        description: "No such object, or it lies outside your scope",
        applies: |s| s.path || s.object_filter,
    },
    Common {
        status: "412",
        name: "StaleVersion",
        description: "`If-Match` is stale: the object changed since you read it",
        applies: |s| s.if_match,
    },
    Common {
        status: "413",
        name: "TooLarge",
        description: "Body larger than the limit",
        applies: |s| s.body,
    },
    Common {
        status: "415",
        name: "UnsupportedMediaType",
        description: "Body of a media type this operation does not take",
        applies: |s| s.body,
    },
    Common {
        status: "422",
        name: "ValidationFailed",
        description: "A field breaks a rule (`validation_failed`, with `errors`)",
        applies: |s| s.json_body,
    },
    Common {
        status: "428",
        name: "VersionRequired",
        description: "`If-Match` is missing",
        applies: |s| s.if_match,
    },
    Common {
        status: "500",
        name: "InternalError",
        description: "Unexpected failure (`internal_error`); logged under the `X-Request-Id` of the answer",
        applies: |_| true,
    },
    Common {
        status: "503",
        name: "Unavailable",
        description: "Database unreachable or busy (`service_unavailable`); see `Retry-After`",
        applies: |_| true,
    },
];

/// Declares the common error answers ([`COMMON`]: the extractors, the authentication, an
/// unexpected failure and the database pool) once under `components/responses`, and refers
/// every operation to those that apply to it. Without them the contract under-promises and
/// clients (and contract fuzzing) meet statuses it never mentions. A handler lists only the
/// answers of its own, each with a description; where it names a common status with a more
/// specific description, that one wins.
pub fn declare_common_responses(openapi: &mut utoipa::openapi::OpenApi) {
    let components = openapi.components.get_or_insert_with(Default::default);
    for common in COMMON {
        components.responses.insert(
            common.name.to_owned(),
            utoipa::openapi::RefOr::T(problem_response(common.description)),
        );
    }
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
            let shape = shape_of(operation);
            for common in COMMON.iter().filter(|c| (c.applies)(&shape)) {
                operation
                    .responses
                    .responses
                    .entry(common.status.to_owned())
                    .or_insert_with(|| {
                        utoipa::openapi::RefOr::Ref(utoipa::openapi::Ref::new(format!(
                            "#/components/responses/{}",
                            common.name
                        )))
                    });
            }
        }
    }
}

fn shape_of(operation: &utoipa::openapi::path::Operation) -> Shape {
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
    let body_types: Vec<String> = match &operation.request_body {
        Some(RefOr::T(body)) => body.content.keys().cloned().collect(),
        _ => Vec::new(),
    };
    Shape {
        query: parameters
            .iter()
            .any(|(_, at)| matches!(at, ParameterIn::Query)),
        object_filter: parameters
            .iter()
            .any(|(name, at)| matches!(at, ParameterIn::Query) && name.ends_with("_id")),
        path: parameters
            .iter()
            .any(|(_, at)| matches!(at, ParameterIn::Path)),
        if_match: parameters.iter().any(|(name, at)| {
            matches!(at, ParameterIn::Header) && name.eq_ignore_ascii_case("if-match")
        }),
        body: !body_types.is_empty(),
        json_body: body_types.iter().any(|t| t == "application/json"),
        secured: operation.security.as_ref().is_some_and(|s| !s.is_empty()),
    }
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
