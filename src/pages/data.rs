//! Placeholder for the data page (backups, storage meter).

use leptos::prelude::*;

/// Data page.
#[component]
pub fn DataPage() -> impl IntoView {
    view! { <section class="page"><h1>"数据"</h1></section> }
}
