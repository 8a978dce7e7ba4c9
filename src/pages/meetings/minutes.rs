use leptos::prelude::*;
use crate::domain::Id;
#[component]
pub fn MinutesPage(id: Id) -> impl IntoView { view! { <p>{id}</p> } }
