//! The fix shown with a blocked lifecycle step: in the same row as the reason the rules engine
//! gives (第十七条, 第十八条（二）（三）), the control that removes the block, so the clerk does
//! not have to find the field further down the form.

use crate::records::Reads;
use leptos::prelude::*;

use crate::app::use_app;
use crate::domain::doc::DocId;
use crate::domain::item::{AgendaItem, ItemStatus, PrepChecklist};
use crate::domain::rules::{self, Blocker};
use crate::domain::Id;
use crate::i18n::items::ItemsText as It;
use crate::i18n::meetings::MeetingsText as T;
use crate::router::Route;

/// The control that fixes `blocker` for item `id`, or nothing when no edit here can (the
/// transition does not exist, the item is decided or closed, the date is earlier than the last
/// change).
#[component]
pub fn StepFix(
    /// The item.
    id: Id,
    /// What blocks the step.
    blocker: Blocker,
    /// Takes a lifecycle step (the item page's own handler), for a block whose fix is an
    /// earlier step (分管审核, 局长同意).
    go: Callback<ItemStatus>,
) -> impl IntoView {
    let state = use_app();
    let edit = move |f: Box<dyn FnOnce(&mut AgendaItem)>| {
        state.update_docs(|db| {
            if let Some(i) = db.item_mut(id) {
                f(i)
            }
            vec![DocId::Item(id)]
        })
    };
    // A fix that is an earlier step is offered only when that step is open; otherwise its own
    // row shows what blocks it. (The steps are redrawn, and this with them, when they change.)
    let step = move |to: ItemStatus, label: It| {
        let open = state.db.with_untracked(|db| {
            db.item(id).is_some_and(|i| rules::next_steps(i, &db.org).into_iter().any(|(t, r)| t == to && r.is_ok()))
        });
        open.then(|| view! { <button type="button" class="btn btn-small" data-testid="step-fix" on:click=move |_| go.run(to)>{move || state.t(label)}</button> }).into_any()
    };
    match blocker {
        Blocker::NoMemberInCharge | Blocker::MemberInChargeNotServing(_) => {
            let members = move || {
                let today = state.today.get();
                state.db.reading(&[Reads::Org], |db| {
                    db.org.roster_at(today).into_iter().map(|r| (r.member, db.org.member_name(r.member))).collect::<Vec<_>>()
                })
            };
            view! {
                <label class="field step-fix-field" data-testid="step-fix">
                    <span class="field-label">{move || state.t(It::FixChooseInCharge)}</span>
                    <select on:change=move |ev| { let v = event_target_value(&ev).parse::<Id>().ok(); if v.is_some() { edit(Box::new(move |i| i.in_charge = v)) } }>
                        <option value="">{move || state.t(T::NoneOption)}</option>
                        {move || members().into_iter().map(|(m, n)| view! { <option value=m.to_string()>{n}</option> }).collect_view()}
                    </select>
                </label>
            }
            .into_any()
        }
        Blocker::NoMaterials => view! {
            <button type="button" class="btn btn-small" data-testid="step-fix" on:click=move |_| focus_field("item-materials")>{move || state.t(It::FixWriteMaterials)}</button>
        }
        .into_any(),
        Blocker::NotReviewed => step(ItemStatus::Reviewed, It::FixReviewFirst),
        Blocker::NeedsDirectorApproval => step(ItemStatus::DirectorApproved, It::FixDirectorFirst),
        Blocker::NoDirector => view! {
            <a class="btn btn-small" data-testid="step-fix" href=Route::Settings.href()>{move || state.t(It::FixNameDirector)}</a>
        }
        .into_any(),
        Blocker::ChecklistIncomplete { .. } => {
            let boxes: [CheckStep; 4] = [
                (T::Research, |c| c.research, |c| c.research = true),
                (T::Consultation, |c| c.consultation, |c| c.consultation = true),
                (T::Risk, |c| c.risk_assessment, |c| c.risk_assessment = true),
                (T::Legality, |c| c.legality_review, |c| c.legality_review = true),
            ];
            let missing = move || {
                state.db.reading(&[Reads::item(id)], |db| {
                    let c = db.item(id).map(|i| i.checklist).unwrap_or_default();
                    boxes.iter().filter(|(_, done, _)| !done(&c)).map(|(l, _, set)| (*l, *set)).collect::<Vec<_>>()
                })
            };
            view! {
                <fieldset class="step-fix-checks" data-testid="step-fix">
                    <legend>{move || state.t(It::FixComplete)}</legend>
                    {move || missing().into_iter().map(|(label, set)| view! {
                        <label class="check">
                            <input type="checkbox" on:change=move |ev| if event_target_checked(&ev) { edit(Box::new(move |i| set(&mut i.checklist))) }/>
                            <span>{move || state.t(label)}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
            }
            .into_any()
        }
        Blocker::NotAllowed { .. }
        | Blocker::NotAdministrative
        | Blocker::AlreadyDecided
        | Blocker::Finished
        | Blocker::DateBeforeLast(_) => ().into_any(),
    }
}

/// A 第十七条 step: its label, whether it is done, and marking it done.
type CheckStep = (T, fn(&PrepChecklist) -> bool, fn(&mut PrepChecklist));

/// Bring a field of the form into view and put the cursor in it.
fn focus_field(testid: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("[data-testid=\"{testid}\"]")).ok().flatten())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(el) = el {
        el.scroll_into_view();
        let _ = el.focus();
    }
}
