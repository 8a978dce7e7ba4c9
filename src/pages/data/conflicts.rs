//! The records in conflict: every record with a version kept beside it (from an import or
//! another tab), each with its notice to settle it. Shown only while there are any.

use leptos::prelude::*;

use crate::app::use_app;
use crate::backup::merge::labels;
use crate::components::conflict::ConflictNotice;
use crate::domain::revision::conflicted;
use crate::i18n::records::Rt;

#[component]
pub(super) fn ConflictsCard() -> impl IntoView {
    let state = use_app();
    let docs = Memo::new(move |_| state.db.with(|db| conflicted(db).into_iter().map(|(d, _)| d).collect::<Vec<_>>()));
    move || {
        let list = docs.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="card" data-testid="conflicts-card">
                    <h2>{state.tr(Rt::ConflictListTitle)}</h2>
                    <p class="muted">{state.tr(Rt::ConflictListHint)}</p>
                    <For each=move || docs.get() key=|d| *d let:d>
                        <ConflictNotice doc=d label=state.db.with_untracked(|db| labels(db, db, d))/>
                    </For>
                </div>
            }
        })
    }
}
