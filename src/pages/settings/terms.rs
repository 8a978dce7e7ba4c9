//! A member's terms (任职期间): role, dates and flags of each, and a form that adds one.

use crate::records::Reads;
use leptos::prelude::*;

use super::editor::{Editor, Slot};
use super::input::{Messages, RemoveButton, SettingInput};
use super::members::with_member;
use crate::domain::org::{Role, Term};
use crate::domain::Id;
use crate::i18n::{role_label, Message, Ui};

/// The value of a role in a select.
fn role_value(r: Role) -> &'static str {
    match r {
        Role::Secretary => "secretary",
        Role::DeputySecretary => "deputy",
        Role::Member => "member",
    }
}

/// The role of a select's value.
pub(super) fn role_from(v: &str) -> Role {
    match v {
        "secretary" => Role::Secretary,
        "deputy" => Role::DeputySecretary,
        _ => Role::Member,
    }
}

/// The options of a role select, `selected` marked.
#[component]
pub(super) fn RoleOptions(
    /// The role shown as chosen.
    selected: Signal<Role>,
) -> impl IntoView {
    let state = crate::app::use_app();
    [Role::Secretary, Role::DeputySecretary, Role::Member]
        .into_iter()
        .map(|r| {
            view! { <option value=role_value(r) selected=move || selected.get() == r>{move || state.t(role_label(r))}</option> }
        })
        .collect_view()
}

/// Term `index` of member `id`: role, start, end, 局长 and 主要领导, removal. Its messages show
/// once, at the end of the row.
#[component]
pub(super) fn TermRow(
    /// The screen's editor.
    ed: Editor,
    /// The member's id.
    id: Id,
    /// Index of the term.
    index: usize,
) -> impl IntoView {
    let state = ed.state;
    let at: Slot = ("term", id, index);
    let term = Memo::new(move |_| {
        state.db.reading(&[Reads::Org], |db| db.org.member(id).and_then(|m| m.terms.get(index)).cloned())
    });
    let edit = move |f: Box<dyn Fn(&mut Term) + Send + Sync>| {
        ed.change(at, move |db| {
            with_member(db, id, |m| {
                if let Some(t) = m.terms.get_mut(index) {
                    f(t)
                }
            })
        })
    };
    let date = move |required: bool, set: fn(&mut Term, Option<chrono::NaiveDate>)| {
        Callback::new(move |v: String| match super::parse_date(&v) {
            None if required || !v.trim().is_empty() => {
                ed.refuse(at, Message::new(crate::i18n::meetings::MeetingsText::EnterValidDate))
            }
            d => {
                edit(Box::new(move |t| set(t, d)));
            }
        })
    };
    let flag = move |f: fn(&mut Term, bool)| {
        move |ev: web_sys::Event| {
            let v = event_target_checked(&ev);
            edit(Box::new(move |t| f(t, v)));
        }
    };
    let messages = ed.messages(at);
    view! {
        <div class="term-row" class:has-error=move || messages.with(|m| !m.is_empty())>
            <label class="field">
                <span class="field-label">{move || state.t(Ui::Role)}</span>
                <select data-testid="term-role" on:change=move |ev| {
                    let r = role_from(&event_target_value(&ev));
                    // Refused: the select shows the saved role again.
                    if !edit(Box::new(move |t| t.role = r)) {
                        let el: web_sys::HtmlSelectElement = event_target(&ev);
                        el.set_value(role_value(term.with_untracked(|t| t.as_ref().map_or(Role::Member, |t| t.role))));
                    }
                }>
                    <RoleOptions selected=Signal::derive(move || term.with(|t| t.as_ref().map_or(Role::Member, |t| t.role)))/>
                </select>
            </label>
            <SettingInput ed=ed label=move || state.t(Ui::TermStart) kind="date" quiet=true at=at testid="term-start".to_string()
                value=Signal::derive(move || term.with(|t| t.as_ref().map(|t| t.start.to_string()).unwrap_or_default()))
                commit=date(true, |t, d| if let Some(d) = d { t.start = d })/>
            <SettingInput ed=ed label=move || state.t(Ui::TermEnd) kind="date" quiet=true at=at testid="term-end".to_string()
                value=Signal::derive(move || term.with(|t| t.as_ref().and_then(|t| t.end).map(|d| d.to_string()).unwrap_or_default()))
                commit=date(false, |t, d| t.end = d)/>
            <label class="check">
                <input type="checkbox" prop:checked=move || term.with(|t| t.as_ref().is_some_and(|t| t.director)) on:change=flag(|t, v| t.director = v)/>
                <span>{move || state.t(Ui::Director)}</span>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || term.with(|t| t.as_ref().is_some_and(|t| t.main_leader)) on:change=flag(|t, v| t.main_leader = v)/>
                <span>{move || state.t(Ui::MainLeader)}</span>
            </label>
            <RemoveButton label="×".to_string() name=Signal::derive(move || state.t(Ui::RemoveTerm).to_string())
                question=Signal::derive(move || state.t(Ui::RemoveTermAsk).to_string())
                blocked=Callback::new(|()| None) testid="remove-term"
                on_remove=Callback::new(move |()| { ed.change(at, move |db| with_member(db, id, |m| if index < m.terms.len() { m.terms.remove(index); })); })/>
            <Messages ed=ed at=at class="field-error term-error"/>
        </div>
    }
}

/// 添加任职期间: a button that opens a small form (role and start) under the member's terms.
/// The new term starts the day after the last one ends, or today.
#[component]
pub(super) fn AddTerm(
    /// The screen's editor.
    ed: Editor,
    /// The member's id.
    id: Id,
) -> impl IntoView {
    let state = ed.state;
    let open = RwSignal::new(false);
    let role = RwSignal::new(Role::Member);
    let start = RwSignal::new(String::new());
    let at: Slot = ("new-term", id, 0);
    let show = move |_| {
        let today = state.today.get_untracked();
        let last = state.db.with_untracked(|db| db.org.member(id).and_then(|m| m.terms.last().cloned()));
        let from = last.as_ref().and_then(|t| t.end).and_then(|e| e.succ_opt()).filter(|d| *d > today).unwrap_or(today);
        role.set(last.map_or(Role::Member, |t| t.role));
        start.set(from.to_string());
        open.set(true);
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = super::parse_date(&start.get_untracked()) else {
            ed.refuse(at, Message::new(crate::i18n::meetings::MeetingsText::EnterValidDate));
            return;
        };
        let term = Term { role: role.get_untracked(), start: d, end: None, director: false, main_leader: false };
        if ed.change(at, move |db| with_member(db, id, |m| m.terms.push(term.clone()))) {
            open.set(false);
        }
    };
    view! {
        <Show when=move || open.get() fallback=move || view! {
            <button type="button" class="btn btn-quiet" on:click=show>{move || state.t(Ui::AddTerm)}</button>
        }>
            <form class="term-row add-form" on:submit=add>
                <label class="field">
                    <span class="field-label">{move || state.t(Ui::Role)}</span>
                    <select data-testid="new-term-role" on:change=move |ev| role.set(role_from(&event_target_value(&ev)))>
                        <RoleOptions selected=role.into()/>
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{move || state.t(Ui::TermStart)}</span>
                    <input type="date" data-testid="new-term-start" prop:value=move || start.get() on:input=move |ev| start.set(event_target_value(&ev))/>
                </label>
                <div class="row gap wrap">
                    <button type="submit" class="btn" data-testid="add-term">{move || state.t(Ui::AddTerm)}</button>
                    <button type="button" class="btn btn-quiet" on:click=move |_| { ed.clear(at); open.set(false) }>{move || state.t(Ui::Cancel)}</button>
                </div>
                <Messages ed=ed at=at class="field-error term-error"/>
            </form>
        </Show>
    }
}
