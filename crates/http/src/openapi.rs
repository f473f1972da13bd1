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
