//! The year archive card: a closed year's records exported to a file, checked, and then
//! removed from this browser to free space (after a safety snapshot; undone from the import
//! card).

use leptos::prelude::*;

use super::{files, DataSignals, Dt};
use crate::app::use_app;
use crate::backup;
use crate::domain::db::Db;
use crate::i18n::Text;

#[component]
pub(super) fn ArchiveCard(
    /// The page's shared signals: the meter, and the undo on offer after a removal.
    signals: DataSignals,
) -> impl IntoView {
    let state = use_app();
    let t = move |k: Dt| k.get(state.lang.get());
    let pick = move |zh: String, en: String| state.lang.get().pick(zh, en);
    let years = move || {
        let this = state.this_year();
        state.db.with(backup::years_with_records).into_iter().filter(|y| *y < this).collect::<Vec<_>>()
    };
    let archive_year = RwSignal::new(None::<i32>);
    let archive_ready = RwSignal::new(None::<(i32, Db)>); // verified: (year, rest)
    let archive_msg = RwSignal::new(None::<String>);
    let export_archive = move |_| {
        let Some(year) = archive_year.get_untracked().or_else(|| years().first().copied()) else { return };
        let db = state.all_records();
        let (archive, rest) = backup::archive_year(&db, year);
        let at = files::now();
        let text = backup::export_json(&archive, at);
        // Verify the file reads back to exactly the archived records before offering removal.
        match backup::parse_backup(&text, None) {
            Ok(back) if back == Db { next_id: back.next_id, ..archive.clone() } => {
                let name = backup::file_name(&format!("{}-{year}年度归档", db.org.unit_name), at);
                match files::download(&name, &text) {
                    Ok(()) => {
                        let lang = state.lang.get_untracked();
                        let counts = backup::Counts::of(&archive);
                        let counts = lang.pick(counts.zh(), counts.en());
                        archive_msg.set(Some(format!("{}{name}{}", Dt::Exported.get(lang), lang.bracketed(&counts))));
                        archive_ready.set(Some((year, rest)));
                    }
                    Err(e) => archive_msg.set(Some(e)),
                }
            }
            Ok(_) => archive_msg.set(Some(Dt::ArchiveVerifyFailed.get(state.lang.get_untracked()).into())),
            Err(e) => archive_msg.set(Some(format!(
                "{}{}",
                Dt::ArchiveVerifyFailed.get(state.lang.get_untracked()),
                pick(e.zh(), e.en())
            ))),
        }
    };
    let remove_archived = move |_| {
        let Some((_, rest)) = archive_ready.get_untracked() else { return };
        let mut current = state.all_records();
        match state.with_store(|s| s.snapshot(&mut current)) {
            Some(Ok(())) => {
                state.replace(rest);
                state.offer_undo();
                signals.can_undo.set(true);
                archive_msg.set(Some(Dt::ArchiveRemoved.get(state.lang.get_untracked()).into()));
            }
            Some(Err(e)) => archive_msg.set(Some(format!(
                "{}{}",
                Dt::SnapshotFailed.get(state.lang.get_untracked()),
                pick(e.zh(), e.en())
            ))),
            None => {}
        }
        archive_ready.set(None);
        signals.changed();
    };

    view! {
        <div class="card">
            <h2>{move || t(Dt::ArchiveTitle)}</h2>
            <p class="muted">{move || t(Dt::ArchiveHint)}</p>
            {move || {
                let ys = years();
                (!ys.is_empty()).then(|| view! {
                    <div class="grid3">
                        <label class="field">
                            <span class="field-label">{move || t(Dt::ArchiveYear)}</span>
                            <select on:change=move |ev| { archive_year.set(event_target_value(&ev).parse().ok()); archive_ready.set(None); } data-testid="archive-year">
                                {ys.into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                            </select>
                        </label>
                        <button type="button" class="btn archive-export" on:click=export_archive data-testid="archive-export">{move || t(Dt::ArchiveExport)}</button>
                    </div>
                })
            }}
            {move || archive_msg.get().map(|m| view! { <p role="status" data-testid="archive-msg">{m}</p> })}
            <Show when=move || archive_ready.get().is_some()>
                <button type="button" class="btn btn-primary" on:click=remove_archived data-testid="archive-remove">{move || t(Dt::ArchiveRemove)}</button>
            </Show>
        </div>
    }
}
