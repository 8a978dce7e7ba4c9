//! The export card: every record as one backup file, optionally encrypted. The steps show
//! on screen as they run, each a slice at a time with its share done so the page keeps
//! drawing: writing the file, deriving the key, encrypting.

use leptos::prelude::*;

use super::{files, DataSignals, Dt};
use crate::app::use_app;
use crate::backup;
use crate::i18n::Text;

/// A step of the export in progress: what it is, and for the key its share done (0–100).
#[derive(Clone, Copy, PartialEq)]
pub(super) struct Step {
    pub what: Dt,
    pub percent: Option<u32>,
}

#[component]
pub(super) fn ExportCard(
    /// The page's shared signals (the meter is re-read after an export).
    signals: DataSignals,
) -> impl IntoView {
    let state = use_app();
    let pass = RwSignal::new(String::new());
    let export_msg = RwSignal::new(None::<String>);
    let step = RwSignal::new(None::<Step>);
    let do_export = move |_| {
        if step.get_untracked().is_some() {
            return;
        }
        export_msg.set(None);
        step.set(Some(Step { what: Dt::Preparing, percent: None }));
        // Read now: the page may be left while the file is written (its signals are then
        // gone; setting them does nothing, reading them would fail).
        let p = pass.get_untracked();
        leptos::task::spawn_local(async move {
            // The step's name is drawn before the file is written.
            files::yield_to_browser().await;
            let at = files::now();
            let (mut bytes, mut name) = files::backup_file_in_slices(&state, at, &|pct| {
                step.set(Some(Step { what: Dt::Preparing, percent: Some(pct) }))
            })
            .await;
            if !p.is_empty() {
                let mut job = match backup::begin_encrypt(&p) {
                    Ok(job) => job,
                    Err(e) => {
                        step.set(None);
                        export_msg.set(Some(state.lang.get_untracked().pick(e.zh(), e.en())));
                        return;
                    }
                };
                files::derive_in_slices(&mut job.kdf, &|pct| {
                    step.set(Some(Step { what: Dt::Deriving, percent: Some(pct) }))
                })
                .await;
                // The step's name is drawn before the first slice (a small file is sealed in one).
                step.set(Some(Step { what: Dt::Sealing, percent: Some(0) }));
                files::yield_to_browser().await;
                let mut sealing = job.seal(bytes);
                files::seal_in_slices(&mut sealing, &|pct| {
                    step.set(Some(Step { what: Dt::Sealing, percent: Some(pct) }))
                })
                .await;
                bytes = sealing.finish().into_bytes();
                name = name.replace(".json", ".加密.json");
            }
            // Offering the file and saving the backup's date each run in a task of their own:
            // with ten years of records either is a good part of a frame on a slow tablet.
            files::yield_to_browser().await;
            step.set(None);
            match files::download_bytes(&name, &bytes) {
                Ok(()) => {
                    drop(bytes);
                    files::yield_to_browser().await;
                    let today = state.today.get_untracked();
                    // No record changes: the backup date and the revisions this browser may
                    // still amend are kept beside the records.
                    state.update_docs(|db| {
                        db.last_backup = Some(today);
                        // The revisions in the file have left this browser: the next change of a
                        // record makes a new one (see `domain::revision`).
                        db.unshared.clear();
                        Vec::new()
                    });
                    export_msg.set(Some(format!("{}{name}", Dt::Exported.get(state.lang.get_untracked()))));
                }
                Err(e) => export_msg.set(Some(e)),
            }
            signals.changed();
        });
    };
    view! {
        <div class="card">
            <h2>{state.tr(Dt::ExportTitle)}</h2>
            <label class="field">
                <span class="field-label">{state.tr(Dt::Passphrase)}</span>
                <input type="password" autocomplete="new-password" prop:value=move || pass.get()
                    on:input=move |ev| pass.set(event_target_value(&ev)) data-testid="export-pass"/>
                <span class="muted">{state.tr(Dt::PassphraseHint)}</span>
            </label>
            <button type="button" class="btn btn-primary" on:click=do_export prop:disabled=move || step.get().is_some() data-testid="export">{state.tr(Dt::Export)}</button>
            <StepProgress step=step testid="export-progress"/>
            {move || export_msg.get().map(|m| view! { <p role="status" data-testid="export-msg">{m}</p> })}
        </div>
    }
}

/// A long step on screen: its name and, when it has one, a progress bar with its share done.
#[component]
pub(super) fn StepProgress(
    /// The step running, if any.
    step: RwSignal<Option<Step>>,
    /// The element's test id.
    testid: &'static str,
) -> impl IntoView {
    let state = use_app();
    view! {
        {move || step.get().map(|s| {
            let lang = state.lang.get();
            let label = match s.percent {
                Some(p) => format!("{}…{p}%", s.what.get(lang)),
                None => format!("{}…", s.what.get(lang)),
            };
            view! {
                <p role="status" class="step-progress" data-testid=testid>
                    {s.percent.map(|p| view! { <progress max="100" value=p.to_string() aria-hidden="true"></progress> " " })}
                    {label}
                </p>
            }
        })}
    }
}
