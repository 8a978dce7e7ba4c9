//! The import card: a backup file is checked and previewed, then merged or put in place of
//! this browser's data after a safety snapshot; the last import or archive removal can be
//! undone in one step.

use leptos::prelude::*;

use super::{DataSignals, Dt};
use crate::app::{use_app, SaveState};
use crate::backup::{self, ImportMode, ImportPreview, MAX_BACKUP_BYTES};
use crate::domain::db::Db;
use crate::i18n::{Lang, Text};

/// A parsed file waiting for the user's choice.
#[derive(Clone)]
struct Pending {
    name: String,
    db: Db,
    preview: ImportPreview,
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
    let analyse = move || {
        let Some((name, text)) = import_text.get_untracked() else { return };
        let p = import_pass.get_untracked();
        match backup::parse_backup(&text, (!p.is_empty()).then_some(p.as_str())) {
            Ok(db) => {
                let preview = state.db.with_untracked(|cur| backup::preview(cur, &db));
                import_err.set(None);
                pending.set(Some(Pending { name, db, preview }));
            }
            Err(e) => {
                pending.set(None);
                import_err.set(Some(pick(e.zh(), e.en())));
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        import_done.set(None);
        pending.set(None);
        if file.size() > MAX_BACKUP_BYTES as f64 {
            let e = backup::ImportError::TooLarge { bytes: file.size() as usize, limit: MAX_BACKUP_BYTES };
            import_err.set(Some(pick(e.zh(), e.en())));
            return;
        }
        let name = file.name();
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(v) => {
                    import_text.set(Some((name, v.as_string().unwrap_or_default())));
                    analyse();
                }
                Err(_) => import_err.set(Some("无法读取文件 / cannot read the file".into())),
            }
        });
    };
    let run_import = move |mode: ImportMode| {
        let Some(p) = pending.get_untracked() else { return };
        let current = state.all_records();
        match state.with_store(|s| s.snapshot(&current)) {
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
        let next = backup::apply(&current, p.db, mode);
        state.replace(next);
        state.offer_undo();
        pending.set(None);
        import_text.set(None);
        can_undo.set(true);
        import_done.set(Some(Dt::Imported.get(state.lang.get_untracked()).to_string()));
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
    let counts_row = move |label: Dt, c: backup::Counts| {
        view! { <tr><th scope="row">{move || t(label)}</th><td>{move || if state.lang.get() == Lang::Zh { c.zh() } else { c.en() }}</td></tr> }
    };
    view! {
        <div class="card">
            <h2>{move || t(Dt::ImportTitle)}</h2>
            <p class="muted">{move || t(Dt::ImportHint)}</p>
            <label class="field">
                <span class="field-label">{move || t(Dt::ChooseFile)}</span>
                <input type="file" accept=".json,application/json" on:change=on_file data-testid="import-file"/>
            </label>
            <label class="field">
                <span class="field-label">{move || t(Dt::Passphrase)}</span>
                <input type="password" autocomplete="off" prop:value=move || import_pass.get()
                    on:input=move |ev| import_pass.set(event_target_value(&ev))
                    on:change=move |_| analyse() data-testid="import-pass"/>
            </label>
            {move || import_err.get().map(|m| view! { <p class="field-error" role="alert" data-testid="import-error">{m}</p> })}
            {move || pending.get().map(|p| view! {
                <div data-testid="import-preview">
                    <h3>{move || t(Dt::Preview)}" — "{p.name.clone()}</h3>
                    <table class="table">
                        <tbody>
                            {counts_row(Dt::New, p.preview.new)}
                            {counts_row(Dt::Changed, p.preview.changed)}
                            {counts_row(Dt::Conflicting, p.preview.conflicting)}
                            {counts_row(Dt::OnlyHere, p.preview.only_here)}
                        </tbody>
                    </table>
                    <p class="muted">{move || t(Dt::MergeHint)}" "{move || t(Dt::ReplaceHint)}</p>
                    <button type="button" class="btn btn-primary" on:click=move |_| run_import(ImportMode::Merge) data-testid="import-merge">{move || t(Dt::Merge)}</button>
                    " "
                    <button type="button" class="btn" on:click=move |_| run_import(ImportMode::Replace) data-testid="import-replace">{move || t(Dt::Replace)}</button>
                    " "
                    <button type="button" class="btn btn-quiet" on:click=move |_| pending.set(None)>{move || t(Dt::Cancel)}</button>
                </div>
            })}
            {move || import_done.get().map(|m| view! { <p role="status" data-testid="import-done">{m}</p> })}
            <Show when=move || can_undo.get()>
                <button type="button" class="btn" on:click=undo data-testid="import-undo">{move || t(Dt::Undo)}</button>
            </Show>
        </div>
    }
}
