//! The recovery card: shown when the stored data could not be read completely.

use leptos::prelude::*;

use super::{files, Dt};
use crate::app::{use_app, SaveState};
use crate::storage::LoadOutcome;

#[component]
pub(super) fn RecoveryCard() -> impl IntoView {
    let state = use_app();
    let in_recovery = move || matches!(state.load_outcome.get(), LoadOutcome::Recovery { .. });
    let download_raw = move |_| {
        let dump = state.with_store(|s| s.raw_dump()).unwrap_or_default();
        let stamp = crate::domain::date_format::stamp(files::now(), "", "-", "", false);
        let _ = files::download(&format!("议事原始数据-{stamp}.json"), &dump);
    };
    let continue_shown = move |_| {
        if let Some(Ok(())) = state.with_store(|s| s.force_writable()) {
            state.save_state.set(SaveState::Saved);
            state.load_outcome.set(LoadOutcome::Loaded);
            state.persist();
        }
    };
    view! {
        <Show when=in_recovery>
            <div class="card banner-bad" role="alert" data-testid="recovery">
                <h2>{state.tr(Dt::RecoveryTitle)}</h2>
                <p>{state.tr(Dt::RecoveryText)}</p>
                <button type="button" class="btn btn-primary" on:click=download_raw data-testid="download-raw">{state.tr(Dt::DownloadRaw)}</button>
                " "
                <button type="button" class="btn" on:click=continue_shown data-testid="continue-shown">{state.tr(Dt::ContinueWithShown)}</button>
            </div>
        </Show>
    }
}
