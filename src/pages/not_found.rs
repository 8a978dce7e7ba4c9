//! Unknown route.

use leptos::prelude::*;

use crate::app::use_app;
use crate::i18n::Ui;

/// Shown for a hash that names no screen.
#[component]
pub fn NotFoundPage(
    /// The unknown path.
    path: String,
) -> impl IntoView {
    let state = use_app();
    view! {
        <section class="page">
            <h1>{state.tr(Ui::NotFound)}</h1>
            <p class="muted"><code>{path}</code></p>
            <p><a class="btn" href="#/">{state.tr(Ui::BackHome)}</a></p>
        </section>
    }
}
