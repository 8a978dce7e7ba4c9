//! The safety snapshots card: every snapshot with when and why it was taken and what deleting
//! it frees, each restored or deleted after a confirmation that says what it does, and the
//! rule by which snapshots come and go.

use leptos::prelude::*;

use super::{files, texts::size_text, DataSignals, Dt};
use crate::app::{use_app, SaveState};
use crate::i18n::Text;
use crate::storage::{SnapshotInfo, SnapshotWhy};

/// What the user is asked to confirm.
#[derive(Clone, PartialEq)]
enum Ask {
    Restore(String),
    Delete(String),
}

#[component]
pub(super) fn SnapshotsCard(
    /// The page's shared signals: re-read after every action; the undo offer is withdrawn
    /// when its snapshot goes.
    signals: DataSignals,
) -> impl IntoView {
    let state = use_app();
    let t = move |k: Dt| k.get(state.lang.get());
    let ask = RwSignal::new(None::<Ask>);
    let msg = RwSignal::new(None::<String>);
    let list = move || {
        signals.tick.get();
        state.db.track();
        state.with_store(|s| s.snapshots()).unwrap_or_default()
    };
    let act = move |what: Ask| {
        let lang = state.lang.get_untracked();
        let result = match &what {
            Ask::Restore(key) => state.with_store(|s| s.restore_snapshot(key)).map(|r| {
                r.map(|db| {
                    if let Some(db) = db {
                        state.db.set(db);
                        state.save_state.set(SaveState::Saved);
                    }
                    Dt::Undone.get(lang).to_string()
                })
            }),
            Ask::Delete(key) => {
                let before = state.with_store(|s| s.usage().used_chars).unwrap_or(0);
                state.with_store(|s| s.delete_snapshot(key)).map(|r| {
                    r.map(|()| {
                        let after = state.with_store(|s| s.usage().used_chars).unwrap_or(0);
                        format!(
                            "{}{}{}",
                            Dt::SnapDeleted.get(lang),
                            Dt::Freed.get(lang),
                            size_text(before.saturating_sub(after))
                        )
                    })
                })
            }
        };
        match result {
            Some(Ok(text)) => msg.set(Some(text)),
            Some(Err(e)) => msg.set(Some(lang.pick(e.zh(), e.en()))),
            None => {}
        }
        // The one-step undo restores the import snapshot: offered only while it exists.
        if state.with_store(|s| s.snapshot_taken_at().is_none()).unwrap_or(true) {
            state.withdraw_undo();
            signals.can_undo.set(false);
        }
        ask.set(None);
        signals.changed();
    };
    view! {
        <div class="card" data-testid="snapshots">
            <h2>{state.tr(Dt::SnapTitle)}</h2>
            <p class="muted" data-testid="snapshot-rule">{state.tr(Dt::SnapRule)}</p>
            {move || {
                let snaps = list();
                if snaps.is_empty() {
                    return view! { <p data-testid="snapshot-none">{state.tr(Dt::SnapNone)}</p> }.into_any();
                }
                view! {
                    <ul class="snapshot-list">
                        <For each=move || snaps.clone() key=|s| (s.key.clone(), s.taken_at_ms) let:snap>
                            <SnapshotRow snap=snap ask=ask/>
                        </For>
                    </ul>
                }.into_any()
            }}
            {move || ask.get().map(|what| {
                let (text, yes) = match what {
                    Ask::Restore(_) => (Dt::ConfirmRestoreText, Dt::ConfirmRestore),
                    Ask::Delete(_) => (Dt::ConfirmDeleteText, Dt::ConfirmDelete),
                };
                view! {
                    <div class="banner banner-bad" role="alertdialog" data-testid="snapshot-confirm">
                        <p>{move || t(text)}</p>
                        <button type="button" class="btn btn-danger" on:click=move |_| act(what.clone()) data-testid="snapshot-confirm-yes">{move || t(yes)}</button>
                        " "
                        <button type="button" class="btn btn-quiet" on:click=move |_| ask.set(None)>{state.tr(Dt::Cancel)}</button>
                    </div>
                }
            })}
            {move || msg.get().map(|m| view! { <p role="status" data-testid="snapshot-msg">{m}</p> })}
        </div>
    }
}

/// One snapshot: when, why, what deleting it frees, and its two buttons.
#[component]
fn SnapshotRow(
    /// The snapshot shown.
    snap: SnapshotInfo,
    /// Set to the action chosen, which the card then asks to confirm.
    ask: RwSignal<Option<Ask>>,
) -> impl IntoView {
    let state = use_app();
    let t = move |k: Dt| k.get(state.lang.get());
    let why = match snap.why {
        SnapshotWhy::Import => Dt::SnapWhyImport,
        SnapshotWhy::Migration { .. } => Dt::SnapWhyMigration,
        SnapshotWhy::Unknown => Dt::SnapWhyUnknown,
    };
    let (k1, k2) = (snap.key.clone(), snap.key.clone());
    view! {
        <li class="snapshot-row" data-testid="snapshot-row">
            <span class="snapshot-when">{files::local_time(snap.taken_at_ms)}</span>
            " · "
            <span data-testid="snapshot-why">{move || t(why)}</span>
            " · "
            <span class="muted" data-testid="snapshot-size">{state.tr(Dt::SnapSize)}{size_text(snap.frees_chars)}</span>
            <span class="snapshot-actions">
                <button type="button" class="btn" on:click=move |_| ask.set(Some(Ask::Restore(k1.clone()))) data-testid="snapshot-restore">{state.tr(Dt::Restore)}</button>
                " "
                <button type="button" class="btn" on:click=move |_| ask.set(Some(Ask::Delete(k2.clone()))) data-testid="snapshot-delete">{state.tr(Dt::Delete)}</button>
            </span>
        </li>
    }
}
