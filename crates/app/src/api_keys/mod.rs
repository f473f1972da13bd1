//! API keys for government systems: issued, listed and revoked by district admins within
//! their area.

mod create_api_key;
mod key;
mod list_api_keys;
mod revoke_api_key;

pub use create_api_key::{CreateApiKey, IssuedKey, create_api_key};
pub use key::{digest, generate, prefix_of};
pub use list_api_keys::list_api_keys;
pub use revoke_api_key::revoke_api_key;
