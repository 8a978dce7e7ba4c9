//! The storage meter: how much of the browser's storage the records and the safety snapshots
//! take, in bytes against the engine's quota; when it is nearly full, the snapshots are
//! offered for deletion first (they are copies: the current records stay), with what that frees.

use leptos::prelude::*;

use super::{texts::size_text, DataSignals, Dt};
use crate::app::use_app;
use crate::i18n::Text;

/// From this share of the quota the meter warns and says what deleting the snapshots frees.
const NEARLY_FULL_PERCENT: f64 = 80.0;

#[component]
pub(super) fn StorageMeter(
    /// Re-read after every action of the page; bumped after the snapshots are deleted.
    signals: DataSignals,
) -> impl IntoView {
    let state = use_app();
    let confirm = RwSignal::new(false);
    let msg = RwSignal::new(None::<String>);
    let usage = move || {
        signals.tick.get();
        state.db.track();
        state.with_store(|s| s.usage_split())
    };
    let delete_all = move |_| {
        let lang = state.lang.get_untracked();
        let before = state.with_store(|s| s.usage().used_chars).unwrap_or(0);
        match state.with_store(|s| s.delete_all_snapshots()) {
            Some(Ok(())) => {
                let after = state.with_store(|s| s.usage().used_chars).unwrap_or(0);
                state.withdraw_undo();
                signals.can_undo.set(false);
                msg.set(Some(format!("{}{}", Dt::Freed.get(lang), size_text(before.saturating_sub(after)))));
            }
            Some(Err(e)) => msg.set(Some(lang.pick(e.zh(), e.en()))),
            None => {}
        }
        confirm.set(false);
        signals.changed();
    };
    view! {
        <div class="card" data-testid="storage-meter">
            <h2>{state.tr(Dt::MeterTitle)}</h2>
            {move || usage().map(|u| {
                let lang = state.lang.get();
                let pct = u.total.percent();
                let used = format!("{} / {}", size_text(u.total.used_chars), size_text(u.total.quota_chars));
                let split = format!(
                    "{}{}{} · {}{}{}",
                    Dt::MeterRecords.get(lang), lang.colon(), size_text(u.records_chars()),
                    Dt::MeterSnapshots.get(lang), lang.colon(), size_text(u.snapshots_chars),
                );
                let nearly_full = pct >= NEARLY_FULL_PERCENT;
                let has_snapshots = u.snapshots_chars > 0;
                view! {
                    <meter min="0" max="100" low="50" high="80" optimum="0" value=crate::i18n::one_decimal(pct) class="storage-meter"></meter>
                    <p data-testid="usage-text" data-used=u.total.used_chars.to_string()>{format!("{used}{}", lang.bracketed(&format!("{}%", crate::i18n::one_decimal(pct))))}</p>
                    <p class="muted" data-testid="usage-split">{split}</p>
                    {nearly_full.then(|| view! { <p class="banner banner-bad" role="alert">{state.tr(Dt::MeterWarn80)}</p> })}
                    {(50.0..NEARLY_FULL_PERCENT).contains(&pct).then(|| view! { <p class="banner banner-warn" role="status">{state.tr(Dt::MeterWarn50)}</p> })}
                    {(nearly_full && has_snapshots).then(|| view! {
                        <p data-testid="free-offer">{format!("{}{}{}", Dt::FreeHint.get(lang), size_text(u.snapshots_chars), Dt::FreeHintEnd.get(lang))}</p>
                    })}
                    // Also below the mark: the storage-full message names this button.
                    {has_snapshots.then(|| view! {
                        <button type="button" class="btn" on:click=move |_| confirm.set(true) data-testid="free-snapshots">{state.tr(Dt::FreeSnapshots)}</button>
                    })}
                }
            })}
            <Show when=move || confirm.get()>
                <div class="banner banner-bad" role="alertdialog" data-testid="free-confirm">
                    <p>{state.tr(Dt::ConfirmFreeText)}</p>
                    <button type="button" class="btn btn-danger" on:click=delete_all data-testid="free-confirm-yes">{state.tr(Dt::ConfirmDelete)}</button>
                    " "
                    <button type="button" class="btn btn-quiet" on:click=move |_| confirm.set(false)>{state.tr(Dt::Cancel)}</button>
                </div>
            </Show>
            {move || msg.get().map(|m| view! { <p role="status" data-testid="free-msg">{m}</p> })}
        </div>
    }
}
