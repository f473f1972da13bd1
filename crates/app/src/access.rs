//! Reading needs sight of an object; changing it needs scope over the area(s) that own it.
//!
//! A contract is seen from any of its compounds but owned by all of them; a person is seen
//! where they live and where they hold a post but owned by their home; a team is seen from
//! the compounds it serves but owned by its area. Writes load the object as it is visible
//! (404 beyond sight) and then ask [`for_write`] (403 for what is seen but not owned).

use linli_domain::{DomainError, area::AreaPath, policy::Scope};
use linli_persistence::{
    registry::{contracts::Contract, organisations::Organisation, people::Person},
    volunteering::Activity,
};

/// An object whose changes belong to the staff of some areas.
pub trait Owned {
    /// The areas that own the object; empty when none does (then sight is enough).
    fn owners(&self) -> Vec<AreaPath>;
}

/// `object`, when `scope` may change it; `Forbidden` when it is seen but not owned.
pub fn for_write<T: Owned>(scope: &Scope, object: T) -> Result<T, DomainError> {
    scope.may_change(&object.owners())?;
    Ok(object)
}

impl Owned for Contract {
    /// Every compound of the contract (a bundle spans several).
    fn owners(&self) -> Vec<AreaPath> {
        self.compound_paths
            .iter()
            .cloned()
            .map(AreaPath::from_stored)
            .collect()
    }
}

impl Owned for Person {
    /// The person's home compound.
    fn owners(&self) -> Vec<AreaPath> {
        self.area_path
            .iter()
            .cloned()
            .map(AreaPath::from_stored)
            .collect()
    }
}

impl Owned for Organisation {
    /// The organisation's own area (a team's community or subdistrict), not the compounds
    /// it serves.
    fn owners(&self) -> Vec<AreaPath> {
        vec![self.area_path.clone()]
    }
}

impl Owned for Activity {
    /// The area of its place: the centre's community or the compound.
    fn owners(&self) -> Vec<AreaPath> {
        vec![AreaPath::from_stored(self.area_path.clone())]
    }
}

impl Owned for linli_persistence::complaints::Complaint {
    /// The complaint's compound (its dispatchers answer for it).
    fn owners(&self) -> Vec<AreaPath> {
        vec![AreaPath::from_stored(self.area_path.clone())]
    }
}

/// The organisations the caller works for (a property company, an audit firm, a
/// committee); none for a system.
pub async fn organisations_of(
    tx: &mut linli_persistence::AsyncPgConnection,
    caller: &crate::Caller,
) -> crate::Result<Vec<uuid::Uuid>> {
    match caller.person() {
        Some(user_id) => linli_persistence::complaints::memberships(tx, user_id).await,
        None => Ok(Vec::new()),
    }
}
