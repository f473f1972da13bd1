//! The area tree.

pub mod create_area;
pub mod get_area;
pub mod list_areas;
pub mod update_area;

use linli_persistence::{
    AsyncPgConnection,
    areas::{self, Area},
};

use crate::{dto::area::AreaView, error::ApiResult};

/// Views of `list`, each knowing whether it has children.
async fn views(conn: &mut AsyncPgConnection, list: Vec<Area>) -> ApiResult<Vec<AreaView>> {
    let ids: Vec<uuid::Uuid> = list.iter().map(|a| a.id).collect();
    let parents = areas::with_children(conn, &ids).await?;
    Ok(list
        .into_iter()
        .map(|a| {
            let has_children = parents.contains(&a.id);
            AreaView::new(a, has_children)
        })
        .collect())
}
