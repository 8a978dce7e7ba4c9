//! 党组成员: the members with their terms, those who have left folded away, and a form that
//! adds one.

use crate::records::Reads;
use leptos::prelude::*;

use super::editor::{slot, Editor};
use super::input::{Messages, RemoveButton, SettingInput};
use super::terms::{role_from, AddTerm, RoleOptions, TermRow};
use crate::components::article_link::ArticleLink;
use crate::domain::article::Article;
use crate::domain::db::Db;
use crate::domain::org::{Member, Role, Term};
use crate::domain::Id;
use crate::i18n::Ui;

/// Change member `id` in `db` (nothing when it is gone).
pub(super) fn with_member(db: &mut Db, id: Id, f: impl FnOnce(&mut Member)) {
    if let Some(m) = db.org.members.iter_mut().find(|m| m.id == id) {
        f(m)
    }
}

/// The members. Those who had left when the page was opened (往届成员) are folded under a
/// button and built only when shown: after ten years they are much of the page and slow to
/// open on a tablet. A saved problem in one of them opens the fold.
#[component]
pub(super) fn MembersSection(
    /// The screen's editor.
    ed: Editor,
) -> impl IntoView {
    let state = ed.state;
    let today = state.today.get_untracked();
    // Decided once, so that a card does not move to the other list while its dates are edited.
    let former: Vec<Id> =
        state.db.with_untracked(|db| db.org.members.iter().filter(|m| m.has_left(today)).map(|m| m.id).collect());
    let show_former = RwSignal::new(ed.concerns_any(&former));
    let former = StoredValue::new(former);
    let ids = move |left: bool| {
        Memo::new(move |_| {
            state.db.reading(&[Reads::Org], |db| {
                db.org
                    .members
                    .iter()
                    .filter(|m| former.with_value(|f| f.contains(&m.id)) == left)
                    .map(|m| m.id)
                    .collect::<Vec<_>>()
            })
        })
    };
    let (current, gone) = (ids(false), ids(true));
    view! {
        <fieldset class="card">
            <legend>{move || state.t(Ui::MembersSection)}" "<ArticleLink article=Article::new(9)/></legend>
            <div class="roster-messages"><Messages ed=ed at=slot("roster") testid="roster-error"/></div>
            <For each=move || current.get() key=|id| *id children=move |id| view! { <MemberCard ed=ed id=id/> }/>
            <AddMember ed=ed/>
            <Show when=move || !gone.with(Vec::is_empty)>
                <div class="former-members">
                    <button type="button" class="btn btn-quiet" aria-expanded=move || show_former.get().to_string()
                        aria-controls="former-members" data-testid="toggle-former" on:click=move |_| show_former.update(|s| *s = !*s)>
                        {move || state.t(if show_former.get() { Ui::HideFormer } else { Ui::ShowFormer })}
                        {move || state.lang.get().bracketed(&gone.with(Vec::len).to_string())}
                    </button>
                    <div id="former-members">
                        <Show when=move || show_former.get()>
                            <For each=move || gone.get() key=|id| *id children=move |id| view! { <MemberCard ed=ed id=id/> }/>
                        </Show>
                    </div>
                </div>
            </Show>
        </fieldset>
    }
}

/// One member: name, note, whether serving today, the terms, and removal.
#[component]
fn MemberCard(
    /// The screen's editor.
    ed: Editor,
    /// The member's id.
    id: Id,
) -> impl IntoView {
    let state = ed.state;
    let text = move |f: fn(&Member) -> String| -> Signal<String> {
        Memo::new(move |_| state.db.reading(&[Reads::Org], |db| db.org.member(id).map(f).unwrap_or_default())).into()
    };
    let set = move |at: &'static str, f: fn(&mut Member, String)| {
        Callback::new(move |v: String| {
            ed.change((at, id, 0), move |db| with_member(db, id, |m| f(m, v.clone())));
        })
    };
    let serving = Memo::new(move |_| {
        state.db.reading(&[Reads::Org], |db| db.org.member(id).is_some_and(|m| m.serves_on(state.today.get())))
    });
    // Term rows are built again only when a term is added or removed.
    let term_count =
        Memo::new(move |_| state.db.reading(&[Reads::Org], |db| db.org.member(id).map_or(0, |m| m.terms.len())));
    let name = text(|m| m.name.clone());
    let remove = Callback::new(move |()| {
        ed.change(("member-name", id, 0), move |db| {
            db.org.members.retain(|m| m.id != id);
            for d in db.org.departments.iter_mut().filter(|d| d.in_charge == Some(id)) {
                d.in_charge = None;
            }
        });
    });
    view! {
        <div class="member-card" data-testid="member-card">
            <div class="grid3">
                <SettingInput ed=ed label=move || state.t(Ui::Name) value=name at=("member-name", id, 0)
                    commit=set("member-name", |m, v| m.name = v) testid="member-name".to_string()/>
                <SettingInput ed=ed label=move || state.t(Ui::Note) value=text(|m| m.note.clone()) at=("member-note", id, 0)
                    placeholder=Signal::derive(move || state.t(Ui::NoteHint).to_string())
                    commit=set("member-note", |m, v| m.note = v) testid="member-note".to_string()/>
                <div class="member-status">
                    <span class=move || if serving.get() { "pill pill-ok" } else { "pill" }>
                        {move || state.t(if serving.get() { Ui::ServingOn } else { Ui::FormerMember })}
                    </span>
                </div>
            </div>
            {move || (0..term_count.get()).map(|i| view! { <TermRow ed=ed id=id index=i/> }).collect_view()}
            <AddTerm ed=ed id=id/>
            // Last in the card, where its question and the reason it is refused have the width.
            <div class="member-remove">
                <RemoveButton label=Signal::derive(move || state.t(Ui::Remove).to_string())
                    question=Signal::derive(move || format!("{}{}", state.t(Ui::RemoveMemberAsk), name.get()))
                    blocked=Callback::new(move |()| state.db.with_untracked(|db| super::in_use(db, crate::backup::refs::Kind::Member, id)).then_some(Ui::MemberInUse))
                    on_remove=remove testid="remove-member"/>
            </div>
        </div>
    }
}

/// The form that adds a member: name, note, role and the start of the first term. The first
/// member of an empty unit is proposed as its secretary.
#[component]
fn AddMember(
    /// The screen's editor.
    ed: Editor,
) -> impl IntoView {
    let state = ed.state;
    let (name, note) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let first = state.db.with_untracked(|db| db.org.members.is_empty());
    let role = RwSignal::new(if first { Role::Secretary } else { Role::Member });
    let start = RwSignal::new(state.today.get_untracked().to_string());
    let at = slot("new-member");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(start) = super::parse_date(&start.get_untracked()) else {
            ed.refuse(at, crate::i18n::Message::new(crate::i18n::meetings::MeetingsText::EnterValidDate));
            return;
        };
        let (n, t, r) =
            (name.get_untracked().trim().to_string(), note.get_untracked().trim().to_string(), role.get_untracked());
        let term = Term { role: r, start, end: None, director: false, main_leader: false };
        let added = ed.change(at, move |db| {
            let id = super::take_id(db);
            db.org.members.push(Member { id, name: n.clone(), note: t.clone(), terms: vec![term.clone()] });
        });
        if added {
            name.set(String::new());
            note.set(String::new());
            role.set(Role::Member);
        }
    };
    view! {
        <form class="row-card add-form" on:submit=add>
            <label class="field">
                <span class="field-label">{move || state.t(Ui::NewMemberName)}</span>
                <input type="text" data-testid="new-member-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span class="field-label">{move || state.t(Ui::Note)}</span>
                <input type="text" data-testid="new-member-note" placeholder=move || state.t(Ui::NoteHint)
                    prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span class="field-label">{move || state.t(Ui::Role)}</span>
                <select data-testid="new-member-role" on:change=move |ev| role.set(role_from(&event_target_value(&ev)))>
                    <RoleOptions selected=role.into()/>
                </select>
            </label>
            <label class="field">
                <span class="field-label">{move || state.t(Ui::TermStart)}</span>
                <input type="date" data-testid="new-member-start" prop:value=move || start.get() on:input=move |ev| start.set(event_target_value(&ev))/>
            </label>
            <button type="submit" class="btn" data-testid="add-member">{move || state.t(Ui::AddMember)}</button>
            <div class="row-note"><Messages ed=ed at=at/></div>
        </form>
    }
}
