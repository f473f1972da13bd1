//! The one error type every domain rule returns.

use std::collections::BTreeMap;

/// Field name -> human-readable messages, in the order they were found.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// Why a domain operation did not happen. The HTTP layer maps each variant to one status.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DomainError {
    /// Input broke one or more field rules; nothing was stored.
    #[error("validation failed")]
    Validation(FieldErrors),
    /// The object does not exist or lies outside the caller's scope (the two are
    /// deliberately indistinguishable).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The caller is known but no grant of theirs allows the action.
    #[error("forbidden")]
    Forbidden,
    /// The caller's role allows the action but something about the caller stands in the
    /// way (an account not linked to a person record); `code` is stable for clients.
    #[error("{detail}")]
    Refused { code: &'static str, detail: String },
    /// The change collides with existing state (a unique name, a concurrent edit...).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The object changed since the caller read it (optimistic concurrency).
    #[error("the object was changed by someone else")]
    StaleVersion,
    /// A request with the same idempotency key is still being processed.
    #[error("a request with this idempotency key is in progress")]
    IdempotencyInFlight,
    /// The object is not in a state that allows the change (e.g. a finalised meeting is
    /// read-only); `code` is stable for clients, `allowed` lists what would be allowed.
    #[error("{detail}")]
    WrongState {
        code: &'static str,
        detail: String,
        allowed: Vec<String>,
    },
    /// The idempotency key was used before with a different request.
    #[error("this idempotency key was used with a different request")]
    IdempotencyMismatch,
    /// Who asks could not be established (a wrong password, a dead refresh token); `code`
    /// is stable for clients.
    #[error("{detail}")]
    Unauthenticated { code: &'static str, detail: String },
    /// Too many attempts; the next may come after `retry_after_secs`.
    #[error("{detail}")]
    TooManyAttempts {
        code: &'static str,
        detail: String,
        retry_after_secs: u64,
    },
}

impl DomainError {
    /// A validation error on a single field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::new();
        errors.insert(field.to_owned(), vec![message.into()]);
        DomainError::Validation(errors)
    }
}

/// Converts the validator crate's report into our field map (nested fields joined by dots).
pub fn field_errors_from(report: &validator::ValidationErrors) -> FieldErrors {
    let mut out = FieldErrors::new();
    collect(report, "", &mut out);
    out
}

fn collect(report: &validator::ValidationErrors, prefix: &str, out: &mut FieldErrors) {
    for (field, kind) in report.errors() {
        let name = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            validator::ValidationErrorsKind::Field(errors) => {
                let messages = out.entry(name).or_default();
                for e in errors {
                    messages.push(
                        e.message
                            .as_ref()
                            .map(|m| m.to_string())
                            .unwrap_or_else(|| e.code.to_string()),
                    );
                }
            }
            validator::ValidationErrorsKind::Struct(inner) => collect(inner, &name, out),
            validator::ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{name}[{index}]"), out);
                }
            }
        }
    }
}

/// Runs a validator derive and returns our error type.
pub fn validate<T: validator::Validate>(value: &T) -> Result<(), DomainError> {
    value
        .validate()
        .map_err(|e| DomainError::Validation(field_errors_from(&e)))
}
