//! The year archive card: a closed year's records exported to a file, checked, and then
//! removed from this browser to free space. Before the removal the card lists the records of
//! the year that stay (and why); the removal takes no snapshot — the archive file just saved
//! is the copy, merge-imported to bring the records back — so the space is freed at once.

use leptos::prelude::*;

use super::{files, texts::size_text, DataSignals, Dt};
use crate::app::{use_app, SaveState};
use crate::backup::{self, refs::Kind, Counts, Kept, KeptWhy};
use crate::domain::db::Db;
use crate::i18n::Text;

/// An archive file made and checked, waiting for the removal.
#[derive(Clone)]
struct Ready {
    year: i32,
    /// The records in the file: what the removal takes out.
    archive: Db,
    kept: Vec<Kept>,
    removed: Counts,
}

#[component]
pub(super) fn ArchiveCard(
    /// The page's shared signals: the meter is re-read after a removal.
    signals: DataSignals,
) -> impl IntoView {
    let state = use_app();
    let pick = move |zh: String, en: String| state.lang.get_untracked().pick(zh, en);
    let years = move || {
        let this = state.this_year();
        state.db.with(backup::years_with_records).into_iter().filter(|y| *y < this).collect::<Vec<_>>()
    };
    let archive_year = RwSignal::new(None::<i32>);
    let ready = RwSignal::new(None::<Ready>);
    let confirm = RwSignal::new(false);
    let archive_msg = RwSignal::new(None::<String>);
    let export_archive = move |_| {
        let Some(year) = archive_year.get_untracked().or_else(|| years().first().copied()) else { return };
        confirm.set(false);
        let db = state.all_records();
        let plan = backup::plan_archive(&db, year);
        let at = files::now();
        let text = backup::export_json(&plan.archive, at);
        let lang = state.lang.get_untracked();
        // Verify the file reads back to exactly the archived records before offering removal.
        match backup::parse_backup(&text, None) {
            Ok(back) if back == Db { next_id: back.next_id, ..plan.archive.clone() } => {
                let name = backup::file_name(&format!("{}-{year}年度归档", db.org.unit_name), at);
                match files::download(&name, &text) {
                    Ok(()) => {
                        let removed = plan.removed();
                        let counts = pick(removed.zh(), removed.en());
                        let held = format!("{counts}{}", Dt::ArchiveCopied.get(lang));
                        archive_msg.set(Some(format!("{}{name}{}", Dt::Exported.get(lang), lang.bracketed(&held))));
                        ready.set(Some(Ready { year, archive: plan.archive, kept: plan.kept, removed }));
                    }
                    Err(e) => archive_msg.set(Some(e)),
                }
            }
            Ok(_) => archive_msg.set(Some(Dt::ArchiveVerifyFailed.get(lang).into())),
            Err(e) => archive_msg.set(Some(format!("{}{}", Dt::ArchiveVerifyFailed.get(lang), pick(e.zh(), e.en())))),
        }
    };
    let remove_archived = move |_| {
        let Some(r) = ready.get_untracked() else { return };
        let lang = state.lang.get_untracked();
        // Planned again on the records as they are now: a change since the file was made
        // would be lost with the removal (or missing from the file).
        let plan = backup::plan_archive(&state.all_records(), r.year);
        if plan.archive != r.archive {
            archive_msg.set(Some(Dt::ArchiveStale.get(lang).into()));
            ready.set(None);
            confirm.set(false);
            return;
        }
        let mut rest = plan.rest;
        let before = state.with_store(|s| s.usage().used_chars).unwrap_or(0);
        // Saved straight through the store, so a refusal (storage full) changes nothing in
        // memory either; the previous save's copy of the year goes too.
        match state.with_store(|s| s.save(&mut rest).and_then(|()| s.release_previous())) {
            Some(Ok(())) => {
                let after = state.with_store(|s| s.usage().used_chars).unwrap_or(0);
                state.db.set(rest);
                state.save_state.set(SaveState::Saved);
                archive_msg.set(Some(removal_text(lang, &r, before.saturating_sub(after))));
            }
            Some(Err(e)) => archive_msg.set(Some(pick(e.zh(), e.en()))),
            None => {}
        }
        ready.set(None);
        confirm.set(false);
        signals.changed();
    };

    view! {
        <div class="card" data-testid="archive">
            <h2>{state.tr(Dt::ArchiveTitle)}</h2>
            <p class="muted">{state.tr(Dt::ArchiveHint)}</p>
            {move || {
                let ys = years();
                (!ys.is_empty()).then(|| view! {
                    <div class="grid3">
                        <label class="field">
                            <span class="field-label">{state.tr(Dt::ArchiveYear)}</span>
                            <select on:change=move |ev| { archive_year.set(event_target_value(&ev).parse().ok()); ready.set(None); confirm.set(false); } data-testid="archive-year">
                                {ys.into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                            </select>
                        </label>
                        <button type="button" class="btn archive-export" on:click=export_archive data-testid="archive-export">{state.tr(Dt::ArchiveExport)}</button>
                    </div>
                })
            }}
            {move || archive_msg.get().map(|m| view! { <p role="status" data-testid="archive-msg">{m}</p> })}
            {move || ready.get().map(|r| view! {
                <KeptList kept=r.kept.clone()/>
                <p class="muted" data-testid="archive-remove-hint">{state.tr(Dt::ArchiveRemoveHint)}</p>
                <button type="button" class="btn btn-primary" on:click=move |_| confirm.set(true) data-testid="archive-remove">{state.tr(Dt::ArchiveRemove)}</button>
                <Show when=move || confirm.get()>
                    <div class="banner banner-bad" role="alertdialog" data-testid="archive-confirm">
                        <p>{
                            let removed = r.removed;
                            move || { let lang = state.lang.get(); format!("{}{}", Dt::ArchiveConfirmText.get(lang), lang.pick(removed.zh(), removed.en())) }
                        }</p>
                        <button type="button" class="btn btn-danger" on:click=remove_archived data-testid="archive-remove-confirm">{state.tr(Dt::ArchiveConfirm)}</button>
                        " "
                        <button type="button" class="btn btn-quiet" on:click=move |_| confirm.set(false)>{state.tr(Dt::Cancel)}</button>
                    </div>
                </Show>
            })}
        </div>
    }
}

/// What a removal did: the records removed, those of the year that stay, the space freed.
fn removal_text(lang: crate::i18n::Lang, r: &Ready, freed: u64) -> String {
    let removed = lang.pick(r.removed.zh(), r.removed.en());
    let mut out = format!("{}{removed}{}", Dt::ArchiveRemovedList.get(lang), lang.full_stop());
    if r.kept.is_empty() {
        out.push_str(Dt::ArchiveNothingStays.get(lang));
    } else {
        let mut stays = Counts::default();
        for k in &r.kept {
            match k.kind {
                Kind::Meeting => stays.meetings += 1,
                Kind::Item => stays.items += 1,
                Kind::Task => stays.tasks += 1,
                _ => stays.evidence += 1,
            }
        }
        out.push_str(&format!(
            "{}{}{}",
            Dt::ArchiveStays.get(lang),
            lang.pick(stays.zh(), stays.en()),
            lang.full_stop()
        ));
    }
    out.push_str(&format!("{}{}", Dt::Freed.get(lang), size_text(freed)));
    out
}

/// The records of the year that stay in the browser, each with why.
#[component]
fn KeptList(
    /// The records that stay (empty: a line saying none does).
    kept: Vec<Kept>,
) -> impl IntoView {
    let state = use_app();
    if kept.is_empty() {
        return view! { <p data-testid="archive-kept-none">{state.tr(Dt::ArchiveNothingStays)}</p> }.into_any();
    }
    view! {
        <div data-testid="archive-kept">
            <p>{state.tr(Dt::ArchiveKeptTitle)}</p>
            <ul class="archive-kept">
                <For each=move || kept.clone() key=|k| (k.kind, k.id) let:k>
                    <li data-testid="archive-kept-row">{move || {
                        let lang = state.lang.get();
                        let kind = lang.of(&k.kind);
                        let why = match k.why {
                            KeptWhy::StillOpen => Dt::KeptStillOpen.get(lang).to_string(),
                            KeptWhy::OpenTask => Dt::KeptOpenTask.get(lang).to_string(),
                            KeptWhy::LaterYear(y) => format!("{}{y}", Dt::KeptLaterYear.get(lang)),
                        };
                        format!("{kind} {} {}{}{why}", k.date, k.title, lang.colon())
                    }}</li>
                </For>
            </ul>
        </div>
    }
    .into_any()
}
