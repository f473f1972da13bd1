//! What every handler uses, imported with `use crate::handlers::prelude::*;`: the request and
//! response types, the caller, the two ways to run a use case and the keyed replay.

pub use actix_web::{HttpResponse, delete, get, http::StatusCode, patch, post, put, web};
pub use linli_app::{in_transaction, on_connection, with_tx};
pub use linli_domain::{ids::*, rate::Expensive};
pub use uuid::Uuid;

pub use crate::{
    auth::Caller,
    error::{ApiResult, Problem},
    handlers::tags,
    idempotency::{Idempotent, reply, respond},
    state::AppState,
};
