//! The export card: every record as one backup file, optionally encrypted.

use leptos::prelude::*;

use super::{files, DataSignals, Dt};
use crate::app::use_app;
use crate::backup;
use crate::i18n::Text;

#[component]
pub(super) fn ExportCard(
    /// The page's shared signals (the meter is re-read after an export).
    signals: DataSignals,
) -> impl IntoView {
    let state = use_app();
    let t = move |k: Dt| k.get(state.lang.get());
    let pick = move |zh: String, en: String| state.lang.get().pick(zh, en);
    let pass = RwSignal::new(String::new());
    let export_msg = RwSignal::new(None::<String>);
    let do_export = move |_| {
        let at = files::now();
        let (mut bytes, mut name) = files::backup_file(&state, at);
        let p = pass.get_untracked();
        if !p.is_empty() {
            match backup::encrypt(&String::from_utf8_lossy(&bytes), &p) {
                Ok(enc) => {
                    bytes = enc.into_bytes();
                    name = name.replace(".json", ".加密.json");
                }
                Err(e) => {
                    export_msg.set(Some(pick(e.zh(), e.en())));
                    return;
                }
            }
        }
        match files::download_bytes(&name, &bytes) {
            Ok(()) => {
                let today = state.today.get_untracked();
                state.update(|db| {
                    db.last_backup = Some(today);
                    // The revisions in the file have left this browser: the next change of a
                    // record makes a new one (see `domain::revision`).
                    db.unshared.clear();
                });
                export_msg.set(Some(format!("{}{name}", Dt::Exported.get(state.lang.get_untracked()))));
            }
            Err(e) => export_msg.set(Some(e)),
        }
        signals.changed();
    };
    view! {
        <div class="card">
            <h2>{move || t(Dt::ExportTitle)}</h2>
            <label class="field">
                <span class="field-label">{move || t(Dt::Passphrase)}</span>
                <input type="password" autocomplete="new-password" prop:value=move || pass.get()
                    on:input=move |ev| pass.set(event_target_value(&ev)) data-testid="export-pass"/>
                <span class="muted">{move || t(Dt::PassphraseHint)}</span>
            </label>
            <button type="button" class="btn btn-primary" on:click=do_export data-testid="export">{move || t(Dt::Export)}</button>
            {move || export_msg.get().map(|m| view! { <p role="status" data-testid="export-msg">{m}</p> })}
        </div>
    }
}
