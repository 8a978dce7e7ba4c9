//! What importing a file would do, record by record: conflicts first, each with its choice,
//! then the records the file changes, then those newer here; merge, replace (after a
//! confirmation) or cancel.

use leptos::prelude::*;

use super::import::Pending;
use super::Dt;
use crate::app::use_app;
use crate::backup::merge::{Action, Change, Choice};
use crate::backup::{ImportMode, Scope};
use crate::i18n::records::{field_list, Rt};
use crate::i18n::Text;

/// Rows listed of the changes and of the records newer here; the rest are counted.
const LISTED: usize = 50;

#[component]
pub(super) fn MergePreview(
    /// The checked file and its merge plan.
    pending: Pending,
    /// Merge or replace was chosen (replace only after its confirmation).
    on_import: Callback<ImportMode>,
    /// The preview is dismissed.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let t = move |k: Dt| k.get(state.lang.get());
    let r = move |k: Rt| k.get(state.lang.get());
    let plan = pending.plan.clone();
    let is_package = pending.file.scope != Scope::All;
    let confirm_replace = RwSignal::new(false);
    let count = |f: fn(&Action) -> bool| plan.count(f);
    let counts = [
        (Rt::TakeFile, count(|a| *a == Action::TakeFile)),
        (Rt::Add, count(|a| *a == Action::Add)),
        (Rt::Delete, count(|a| *a == Action::Delete)),
        (Rt::Conflict, count(|a| matches!(a, Action::Conflict { .. }))),
        (Rt::KeepHere, count(|a| *a == Action::KeepHere)),
        (Rt::Unchanged, plan.unchanged),
        (Rt::Renumbered, plan.renumbered),
    ];
    let summary = move || {
        let parts: Vec<String> = counts.iter().filter(|(_, n)| *n > 0).map(|(k, n)| format!("{} {n}", r(*k))).collect();
        format!("{}{}", r(Rt::PreviewSummary), parts.join(" · "))
    };
    let conflicts: Vec<Change> = plan.conflicts().cloned().collect();
    let changes: Vec<Change> = plan
        .changes
        .iter()
        .filter(|c| matches!(c.action, Action::TakeFile | Action::Add | Action::Delete))
        .cloned()
        .collect();
    let newer_here: Vec<Change> = plan.changes.iter().filter(|c| c.action == Action::KeepHere).cloned().collect();
    let nothing = plan.changes_nothing();
    let choices = pending.choices;
    view! {
        <div data-testid="import-preview">
            <h3>{state.tr(Dt::Preview)}" — "{pending.name.clone()}</h3>
            {is_package.then(|| view! { <p class="banner banner-warn" data-testid="package-note">{state.tr(Rt::PackageNote)}</p> })}
            <p data-testid="merge-summary">{summary}</p>
            {nothing.then(|| view! { <p class="muted" data-testid="merge-nothing">{state.tr(Rt::NothingChanges)}</p> })}
            {(!conflicts.is_empty()).then(|| view! {
                <h4>{state.tr(Rt::ConflictsTitle)}</h4>
                <p class="muted">{state.tr(Rt::ConflictsHint)}</p>
                <ul class="merge-list" data-testid="conflict-list">
                    {conflicts.into_iter().map(|c| view! { <ConflictRow change=c choices=choices/> }).collect_view()}
                </ul>
            })}
            {(!changes.is_empty()).then(|| view! {
                <h4>{state.tr(Rt::ChangesTitle)}</h4>
                <ChangeList changes=changes testid="change-list"/>
            })}
            {(!newer_here.is_empty()).then(|| {
                let n = newer_here.len();
                view! {
                    <details>
                        <summary>{move || format!("{}{}", r(Rt::NewerHereTitle), state.lang.get().bracketed(&n.to_string()))}</summary>
                        <ChangeList changes=newer_here testid="newer-here-list"/>
                    </details>
                }
            })}
            <p class="muted">{state.tr(Dt::MergeHint)}" "{move || if is_package { r(Rt::ReplaceBlockedForPackage) } else { t(Dt::ReplaceHint) }}</p>
            <div class="actions">
                <button type="button" class="btn btn-primary" on:click=move |_| on_import.run(ImportMode::Merge) data-testid="import-merge">{state.tr(Dt::Merge)}</button>
                {(!is_package).then(|| view! {
                    <button type="button" class="btn" on:click=move |_| confirm_replace.set(true) data-testid="import-replace">{state.tr(Dt::Replace)}</button>
                })}
                <button type="button" class="btn btn-quiet" on:click=move |_| on_cancel.run(())>{state.tr(Dt::Cancel)}</button>
            </div>
            <Show when=move || confirm_replace.get()>
                <div class="banner banner-bad" role="alertdialog" data-testid="replace-confirm">
                    <p>{state.tr(Rt::ConfirmReplaceText)}</p>
                    <button type="button" class="btn btn-danger" on:click=move |_| on_import.run(ImportMode::Replace) data-testid="import-replace-confirm">{state.tr(Rt::ConfirmReplace)}</button>
                    <button type="button" class="btn btn-quiet" on:click=move |_| confirm_replace.set(false)>{state.tr(Dt::Cancel)}</button>
                </div>
            </Show>
        </div>
    }
}

/// One conflict: the record, the fields that differ, and the choice.
#[component]
fn ConflictRow(
    /// The conflict.
    change: Change,
    /// The choices of the whole preview (absent: both kept).
    choices: RwSignal<std::collections::HashMap<crate::domain::doc::DocId, Choice>>,
) -> impl IntoView {
    let state = use_app();
    let r = move |k: Rt| k.get(state.lang.get());
    let Action::Conflict { fields, protected } = change.action.clone() else { return ().into_any() };
    let doc = change.doc;
    let label = move || state.lang.get().pick(change.label_zh.clone(), change.label_en.clone());
    let fields = move || format!("{}{}", r(Rt::DiffersIn), field_list(&fields, state.lang.get()));
    let set = move |ev: leptos::ev::Event| {
        let c = match event_target_value(&ev).as_str() {
            "here" => Choice::KeepHere,
            "file" => Choice::TakeFile,
            _ => Choice::KeepBoth,
        };
        choices.update(|m| {
            m.insert(doc, c);
        });
    };
    view! {
        <li data-testid="conflict-row" data-doc=doc.to_string()>
            <strong>{label}</strong>
            <span class="muted">" "{fields}</span>
            {if protected {
                view! { <p class="muted" data-testid="conflict-protected">{state.tr(Rt::ProtectedHint)}</p> }.into_any()
            } else {
                view! {
                    <select on:change=set data-testid="conflict-choice" aria-label=state.tr(Rt::Conflict)>
                        <option value="both" selected>{state.tr(Rt::ChoiceKeepBoth)}</option>
                        <option value="here">{state.tr(Rt::ChoiceKeepHere)}</option>
                        <option value="file">{state.tr(Rt::ChoiceTakeFile)}</option>
                    </select>
                }.into_any()
            }}
        </li>
    }
    .into_any()
}

/// Records and what happens to each, the first [`LISTED`] of them.
#[component]
fn ChangeList(
    /// The records.
    changes: Vec<Change>,
    /// The list's `data-testid`.
    testid: &'static str,
) -> impl IntoView {
    let state = use_app();
    let r = move |k: Rt| k.get(state.lang.get());
    let more = changes.len().saturating_sub(LISTED);
    let rows = changes
        .into_iter()
        .take(LISTED)
        .map(|c| {
            let what = match c.action {
                Action::TakeFile => Rt::TakeFile,
                Action::Add => Rt::Add,
                Action::Delete => Rt::Delete,
                _ => Rt::KeepHere,
            };
            let doc = c.doc.to_string();
            let label = move || state.lang.get().pick(c.label_zh.clone(), c.label_en.clone());
            view! { <li data-doc=doc>{label}" — "{move || r(what)}</li> }
        })
        .collect_view();
    view! {
        <ul class="merge-list" data-testid=testid>{rows}</ul>
        {(more > 0).then(|| view! { <p class="muted">{move || format!("… +{more}")}</p> })}
    }
}
