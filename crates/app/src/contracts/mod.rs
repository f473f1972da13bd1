//! Property service contracts: a property company serving one compound or a bundle of
//! them. A contract is seen from any of its compounds and changed only by staff covering all
//! of them.

mod change_contract;
mod find_contracts;

pub use change_contract::{create_contract, update_contract};
pub use find_contracts::{find_contract, list_contracts};
