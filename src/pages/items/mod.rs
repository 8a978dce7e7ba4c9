//! Agenda items (议题, 第六、十三、十七、十八条（二）（三）): the list with filters and counts, and
//! the edit form with the lifecycle buttons (only allowed transitions; a blocked step says why
//! and cites its article, from the rules engine).

use leptos::prelude::*;

use crate::router::Route;

pub mod edit;
mod fix;
pub mod list;

/// The page for a route of this area.
pub fn render(route: Route) -> AnyView {
    match route {
        Route::ItemNew => view! { <edit::ItemNewPage/> }.into_any(),
        Route::Item(id) => view! { <edit::ItemPage id=id/> }.into_any(),
        _ => view! { <list::ItemsList/> }.into_any(),
    }
}
