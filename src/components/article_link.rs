//! A link to an article of the rules (`第十八条（四）` → `#/rules/18`).

use leptos::prelude::*;

use crate::app::use_app;
use crate::domain::article::Article;

/// Renders an article reference in the current language as a link into the rules screen.
#[component]
pub fn ArticleLink(
    /// The article (and clause) cited.
    article: Article,
) -> impl IntoView {
    let state = use_app();
    view! {
        <a class="article-link" href=article.href()>
            {move || state.lang.get().of(&article)}
        </a>
    }
}
