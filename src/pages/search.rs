//! Full-text search (存档备查): Chinese substring search across items, materials, notes,
//! opinions, decisions, summaries and amendments; results link to the record. The first `PAGE`
//! hits are shown, more on request (components::pager); the count is of all hits.

use leptos::prelude::*;

use crate::app::{navigate, use_app};
use crate::components::highlight::highlighted;
use crate::components::pager::{Pager, PAGE};
use crate::domain::search::{search_first, terms, Target};
use crate::i18n::meetings::MeetingsText as T;
use crate::router::Route;

/// Search page (`#/search?q=`).
#[component]
pub fn SearchPage(
    /// The query from the route.
    query: String,
) -> impl IntoView {
    let state = use_app();
    let q = RwSignal::new(query.clone());
    let asked = !query.trim().is_empty();
    // The query's words, highlighted in each title and snippet.
    let words = terms(&query);
    let limit = RwSignal::new(PAGE);
    // Every hit counted, the ones shown in full ("显示更多" searches again for more).
    let found = Memo::new(move |_| {
        let first = limit.get();
        state.db.with(|db| search_first(db, &query, first))
    });
    let total = Signal::derive(move || found.with(|f| f.total));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(&Route::Search(q.get_untracked().trim().to_string()));
    };
    view! {
        <section class="page search-page">
            <h1>{state.tr(T::Search)}</h1>
            <form class="search-form" role="search" on:submit=submit>
                <label class="field">
                    <span class="field-label">{state.tr(T::SearchHint)}</span>
                    <input type="search" data-testid="search-input" prop:value=move || q.get() on:input=move |ev| q.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="btn btn-primary" data-testid="search-go">{state.tr(T::Search)}</button>
            </form>
            // Nothing asked yet: no "0 results" and no empty list.
            {move || asked.then(|| {
                let found = found.get();
                let none = found.total == 0;
                let lang = state.lang.get();
                view! {
                    <p class="muted" data-testid="search-count">{format!("{} {}", found.total, state.t(T::Results))}</p>
                    // No hits: the count says so; no empty box under it.
                    <ul class="list card" data-testid="search-results" class:hidden=none>
                        {found.hits.into_iter().map(|hit| {
                            let href = match hit.target { Target::Item(i) => Route::Item(i).href(), Target::Minutes(m) => Route::MeetingMinutes(m).href(), Target::Summary(m) => Route::MeetingSummary(m).href() };
                            view! {
                                <li><a class="list-link search-hit" href=href data-testid="search-hit" data-kind=format!("{:?}", hit.kind)>
                                    <span class="pill">{lang.of(&hit.kind)}</span>" "
                                    <strong>{highlighted(&hit.title, &words)}</strong>
                                    <span class="snippet">{highlighted(&hit.snippet, &words)}</span>
                                </a></li>
                            }
                        }).collect_view()}
                    </ul>
                }
            })}
            <Pager total=total limit=limit/>
        </section>
    }
}
