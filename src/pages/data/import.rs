//! The import card: a file is checked and previewed record by record (a three-way merge by
//! revision, see [`crate::backup::merge`]), then merged with the user's choice per conflict,
//! or put in place of this browser's data after a confirmation; a safety snapshot comes first
//! and the last import or archive removal can be undone in one step.

use std::collections::HashMap;

use leptos::prelude::*;

use super::export::{Step, StepProgress};
use super::merge_preview::MergePreview;
use super::{files, DataSignals, Dt};
use crate::app::{use_app, SaveState};
use crate::backup::{self, merge, BackupFile, ImportMode, Scope, MAX_BACKUP_BYTES};
use crate::domain::doc::DocId;
use crate::i18n::records::Rt;
use crate::i18n::Text;

/// A checked file waiting for the user's choice.
#[derive(Clone)]
pub(super) struct Pending {
    pub name: String,
    pub file: BackupFile,
    pub plan: std::sync::Arc<merge::Plan>,
    /// The choice for each conflict (absent: both versions kept).
    pub choices: RwSignal<HashMap<DocId, merge::Choice>>,
}

#[component]
pub(super) fn ImportCard(
    /// The page's shared signals: the meter, and the undo on offer.
    signals: DataSignals,
) -> impl IntoView {
    let state = use_app();
    let t = move |k: Dt| k.get(state.lang.get());
    let pick = move |zh: String, en: String| state.lang.get().pick(zh, en);
    let can_undo = signals.can_undo;
    let import_pass = RwSignal::new(String::new());
    let import_text = RwSignal::new(None::<(String, String)>); // (file name, text)
    let import_err = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<Pending>);
    let import_done = RwSignal::new(None::<String>);
    // The chosen file is encrypted: the passphrase field and the 解密 button are shown.
    let encrypted = RwSignal::new(false);
    let step = RwSignal::new(None::<Step>);
    // A checked file's records: the preview of what importing them would do.
    let preview = move |name: String, result: Result<BackupFile, backup::ImportError>| match result {
        Ok(file) => {
            let plan = state.with_all_records(|cur| merge::plan(cur, &file.db));
            import_err.set(None);
            pending.set(Some(Pending {
                name,
                file,
                plan: std::sync::Arc::new(plan),
                choices: RwSignal::new(HashMap::new()),
            }));
        }
        Err(e) => {
            pending.set(None);
            import_err.set(Some(pick(e.zh(), e.en())));
        }
    };
    let analyse = move || {
        let Some((name, text)) = import_text.get_untracked() else { return };
        match backup::read_file(&text, None) {
            Err(backup::ImportError::NeedPassphrase) => {
                encrypted.set(true);
                import_err.set(None);
            }
            r => preview(name, r),
        }
    };
    // The key is derived in slices with its progress on screen; the file is then opened and
    // checked as a plain one.
    let decrypt = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((name, text)) = import_text.get_untracked() else { return };
        if step.get_untracked().is_some() {
            return;
        }
        let p = import_pass.get_untracked();
        if p.is_empty() {
            import_err
                .set(Some(pick(backup::ImportError::NeedPassphrase.zh(), backup::ImportError::NeedPassphrase.en())));
            return;
        }
        pending.set(None);
        import_err.set(None);
        step.set(Some(Step { what: Dt::Deriving, percent: Some(0) }));
        leptos::task::spawn_local(async move {
            let result = async {
                let mut job = backup::begin_decrypt(&text, &p)?;
                files::derive_in_slices(&mut job.kdf, &|pct| {
                    step.set(Some(Step { what: Dt::Deriving, percent: Some(pct) }))
                })
                .await;
                // The step's name is drawn before the first slice (a small file is opened in one).
                step.set(Some(Step { what: Dt::Opening, percent: Some(0) }));
                files::yield_to_browser().await;
                let mut opening = job.open();
                files::in_slices(|| (opening.step(files::CRYPT_BATCH), opening.percent()), &|pct| {
                    step.set(Some(Step { what: Dt::Opening, percent: Some(pct) }))
                })
                .await;
                let inner = opening.finish()?;
                backup::read_file(&inner, None)
            }
            .await;
            step.set(None);
            // Another file was chosen meanwhile, or the page was left: this one's outcome no
            // longer applies.
            if import_text.try_with_untracked(|t| t.as_ref().map(|(n, x)| (n, x)) == Some((&name, &text))) != Some(true)
            {
                return;
            }
            if result.is_ok() {
                encrypted.set(false);
                import_pass.set(String::new());
            }
            preview(name, result);
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        import_done.set(None);
        pending.set(None);
        encrypted.set(false);
        if file.size() > MAX_BACKUP_BYTES as f64 {
            let e = backup::ImportError::TooLarge { bytes: file.size() as usize, limit: MAX_BACKUP_BYTES };
            import_err.set(Some(pick(e.zh(), e.en())));
            return;
        }
        let name = file.name();
        // The same file can be chosen again (after a cancel, or to merge it once more).
        input.set_value("");
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(v) => {
                    import_text.set(Some((name, v.as_string().unwrap_or_default())));
                    analyse();
                }
                Err(_) => import_err.set(Some(t(Dt::CannotRead).to_string())),
            }
        });
    };
    let run_import = move |mode: ImportMode| {
        let Some(p) = pending.get_untracked() else { return };
        if mode == ImportMode::Replace && p.file.scope != Scope::All {
            return;
        }
        let mut current = state.all_records();
        match state.with_store(|s| s.snapshot(&mut current)) {
            Some(Ok(())) => {}
            Some(Err(e)) => {
                import_err.set(Some(format!(
                    "{}{}",
                    Dt::SnapshotFailed.get(state.lang.get_untracked()),
                    pick(e.zh(), e.en())
                )));
                return;
            }
            None => return,
        }
        let lang = state.lang.get_untracked();
        let (next, msg) = match mode {
            ImportMode::Replace => {
                (backup::apply(&current, p.file.db, ImportMode::Replace), Dt::Imported.get(lang).to_string())
            }
            ImportMode::Merge => {
                // Planned against the records as they were then; planned again now in case
                // anything was saved since (another tab, this one).
                let next = backup::apply_chosen(&current, p.file.db, ImportMode::Merge, &p.choices.get_untracked());
                let kept_both = crate::domain::revision::conflicted(&next).len()
                    > crate::domain::revision::conflicted(&current).len();
                let mut msg = format!("{}{}", Rt::Merged.get(lang), Dt::SnapshotKept.get(lang));
                if kept_both {
                    msg.push_str(Rt::MergedConflicts.get(lang));
                }
                (next, msg)
            }
        };
        state.replace(next);
        state.offer_undo();
        pending.set(None);
        import_text.set(None);
        can_undo.set(true);
        import_done.set(Some(msg));
        signals.changed();
    };
    let undo = move |_| {
        match state.with_store(|s| s.undo_snapshot()) {
            Some(Ok(Some(db))) => {
                state.db.set(db);
                state.save_state.set(SaveState::Saved);
                // An earlier failed attempt's message no longer holds.
                import_err.set(None);
                import_done.set(Some(Dt::Undone.get(state.lang.get_untracked()).to_string()));
            }
            Some(Ok(None)) => {}
            // Not undone (storage full, another tab saved, read-only): the snapshot is still
            // there and the offer stays, so the user can try again after fixing the cause.
            Some(Err(e)) => {
                // The error replaces the import's status line: one message, and the button.
                import_done.set(None);
                import_err.set(Some(pick(e.zh(), e.en())));
                return;
            }
            None => return,
        }
        can_undo.set(false);
        state.withdraw_undo();
        signals.changed();
    };
    view! {
        <div class="card">
            <h2>{state.tr(Dt::ImportTitle)}</h2>
            <p class="muted">{state.tr(Dt::ImportHint)}</p>
            <label class="field">
                <span class="field-label">{state.tr(Dt::ChooseFile)}</span>
                <input type="file" accept=".json,application/json" on:change=on_file data-testid="import-file"/>
            </label>
            <Show when=move || encrypted.get()>
                <form class="decrypt-form" on:submit=decrypt data-testid="decrypt-form">
                    <p role="status" data-testid="import-encrypted">{state.tr(Dt::EncryptedFile)}</p>
                    <label class="field">
                        <span class="field-label">{state.tr(Dt::DecryptPass)}</span>
                        <input type="password" autocomplete="off" prop:value=move || import_pass.get()
                            on:input=move |ev| import_pass.set(event_target_value(&ev)) data-testid="import-pass"/>
                    </label>
                    <button type="submit" class="btn btn-primary" prop:disabled=move || step.get().is_some() data-testid="import-decrypt">{state.tr(Dt::Decrypt)}</button>
                </form>
            </Show>
            <StepProgress step=step testid="import-progress"/>
            {move || import_err.get().map(|m| view! { <p class="field-error" role="alert" data-testid="import-error">{m}</p> })}
            {move || pending.get().map(|p| view! {
                <MergePreview pending=p on_import=Callback::new(run_import) on_cancel=Callback::new(move |()| pending.set(None))/>
            })}
            {move || import_done.get().map(|m| view! { <p role="status" data-testid="import-done">{m}</p> })}
            <Show when=move || can_undo.get()>
                <button type="button" class="btn" on:click=undo data-testid="import-undo">{state.tr(Dt::Undo)}</button>
            </Show>
        </div>
    }
}
