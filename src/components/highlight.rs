//! Text with the words of a query marked (`<mark>`): search results and the rules screen.

use leptos::prelude::*;

use crate::domain::search::marked;

/// `text` with every run where one of `terms` occurs wrapped in `<mark>` (the terms as
/// [`crate::domain::search::terms`] makes them: lower-case; matching ignores case).
pub fn highlighted(text: &str, terms: &[String]) -> impl IntoView {
    marked(text, terms)
        .into_iter()
        .map(|(run, hit)| if hit { view! { <mark>{run}</mark> }.into_any() } else { run.into_any() })
        .collect_view()
}
