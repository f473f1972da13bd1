//! Property service contracts and bundles (连片打包).

pub mod create_contract;
pub mod get_contract;
pub mod list_contracts;
pub mod update_contract;

use linli_domain::registry::ContractDraft;

use crate::dto::registry::ContractInput;

impl From<ContractInput> for ContractDraft {
    /// The terms as given, each compound once and the service items trimmed.
    fn from(input: ContractInput) -> Self {
        let mut compound_ids = input.compound_ids;
        compound_ids.sort();
        compound_ids.dedup();
        ContractDraft {
            company_id: input.company_id.into(),
            title: input.title,
            start_date: input.start_date,
            end_date: input.end_date,
            service_items: input
                .service_items
                .into_iter()
                .map(|s| s.trim().to_owned())
                .collect(),
            fee_fen_per_sqm: input.fee_fen_per_sqm,
            compound_ids: compound_ids.into_iter().map(Into::into).collect(),
        }
    }
}
