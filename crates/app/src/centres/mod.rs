//! Neighbourhood centres (邻里中心): seen and changed by staff covering the centre's
//! community.

mod change_centre;
mod find_centres;

use linli_domain::area::AreaPath;
use linli_persistence::registry::centres::Centre;

use crate::access::Owned;

pub use change_centre::{create_centre, update_centre};
pub use find_centres::{FindCentres, find_centre, list_centres};

impl Owned for Centre {
    /// The centre's community.
    fn owners(&self) -> Vec<AreaPath> {
        vec![AreaPath::from_stored(self.area_path.clone())]
    }
}
