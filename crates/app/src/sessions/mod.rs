//! Sessions: signing in with a password, refreshing, signing out. The access token itself
//! is issued by the door that was knocked on (a JWT over HTTP); these use cases decide who
//! may have one and keep the refresh tokens.
//!
//! They run on a connection without a transaction around them: a failed sign-in must stay
//! recorded (the throttle counts it) and a replayed refresh token must stay audited, although
//! the caller is refused.

mod sign_in;
mod token;

pub use sign_in::{Session, SignIn, refresh, sign_in, sign_out};
pub use token::{PREFIX, digest, generate};
