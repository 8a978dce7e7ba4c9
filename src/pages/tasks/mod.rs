//! Follow-up (督办, 第十八条（七）): the office's supervision view and one task's detail.

use leptos::prelude::*;

use crate::router::Route;

pub mod detail;
pub mod list;

/// The page for a route of this area.
pub fn render(route: Route) -> AnyView {
    match route {
        Route::Task(id) => view! { <detail::TaskPage id=id/> }.into_any(),
        _ => view! { <list::TasksPage/> }.into_any(),
    }
}
