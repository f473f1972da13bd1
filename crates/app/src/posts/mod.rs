//! Posts (任职): a person's post in an organisation, seen and changed by staff covering the
//! organisation's own area.

mod change_post;
mod find_posts;

use linli_domain::area::AreaPath;
use linli_persistence::registry::people::Post;

use crate::access::Owned;

pub use change_post::{create_post, update_post};
pub use find_posts::{FindPosts, find_post, list_posts};

impl Owned for Post {
    /// The organisation's own area.
    fn owners(&self) -> Vec<AreaPath> {
        vec![AreaPath::from_stored(self.area_path.clone())]
    }
}
