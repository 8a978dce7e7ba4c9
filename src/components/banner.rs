//! Storage banners: unsaved changes, read-only recovery, newer data, storage unavailable.

use leptos::prelude::*;

use crate::app::{use_app, SaveState};
use crate::i18n::Ui;

/// A persistent banner while the last save failed or the store is read-only, with a link to
/// export the data at once.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    let message = move || {
        let lang = state.lang.get();
        match state.save_state.get() {
            SaveState::Saved => None,
            SaveState::Unsaved(e) | SaveState::ReadOnly(e) => {
                let head = match state.save_state.get() {
                    SaveState::Unsaved(_) => Ui::Unsaved,
                    _ => Ui::ReadOnly,
                };
                let text = lang.of(&e);
                Some((state.t(head), text))
            }
        }
    };
    view! {
        {move || {
            message()
                .map(|(head, text)| {
                    view! {
                        <div class="banner banner-bad" role="alert" data-testid="storage-banner">
                            <strong>{head}</strong>
                            " "
                            <span>{text}</span>
                            " "
                            <a class="btn btn-small" href="#/data">{state.t(Ui::ExportNow)}</a>
                        </div>
                    }
                })
        }}
    }
}
