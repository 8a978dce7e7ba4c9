//! Placeholder for full-text search.

use leptos::prelude::*;

/// Search page.
#[component]
pub fn SearchPage(
    /// The query from the route.
    query: String,
) -> impl IntoView {
    view! { <section class="page"><h1>"搜索"</h1><p>{query}</p></section> }
}
