//! Webhook subscriptions and their deliveries: adapters of `linli_app::webhooks`.

pub mod create_subscription;
pub mod get_subscription;
pub mod list_deliveries;
pub mod list_subscriptions;
pub mod redeliver;
pub mod rotate_secret;
pub mod update_subscription;
