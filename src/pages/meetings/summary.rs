use leptos::prelude::*;
use crate::domain::Id;
#[component]
pub fn SummaryPage(id: Id) -> impl IntoView { view! { <p>{id}</p> } }
