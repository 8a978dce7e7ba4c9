//! Agenda items (议题).
use leptos::prelude::*;
use crate::router::Route;
/// The page for a route of this area.
pub fn render(route: Route) -> AnyView {
    view! { <section class="page"><h1>{route.href()}</h1></section> }.into_any()
}
