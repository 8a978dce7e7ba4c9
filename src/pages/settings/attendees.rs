//! 列席人员: people who attend without being members, and a form that adds one.

use crate::records::Reads;
use leptos::prelude::*;

use super::editor::{slot, Editor};
use super::input::{Messages, RemoveButton, SettingInput};
use crate::components::article_link::ArticleLink;
use crate::domain::article::Article;
use crate::domain::db::Db;
use crate::domain::org::NonMember;
use crate::domain::Id;
use crate::i18n::Ui;

fn with_attendee(db: &mut Db, id: Id, f: impl FnOnce(&mut NonMember)) {
    if let Some(a) = db.org.attendees.iter_mut().find(|a| a.id == id) {
        f(a)
    }
}

/// The non-member attendees (列席), each with name and position, and a form that adds one.
#[component]
pub(super) fn AttendeesSection(
    /// The screen's editor.
    ed: Editor,
) -> impl IntoView {
    let state = ed.state;
    let ids = Memo::new(move |_| {
        state.db.reading(&[Reads::Org], |db| db.org.attendees.iter().map(|a| a.id).collect::<Vec<_>>())
    });
    let (name, position) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let at = slot("new-attendee");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (n, p) = (name.get_untracked().trim().to_string(), position.get_untracked().trim().to_string());
        let added = ed.change(at, move |db| {
            let id = super::take_id(db);
            db.org.attendees.push(NonMember { id, name: n.clone(), position: p.clone() });
        });
        if added {
            name.set(String::new());
            position.set(String::new());
        }
    };
    view! {
        <fieldset class="card">
            <legend>{move || state.t(Ui::AttendeesSection)}" "<ArticleLink article=Article::clause(18, 4)/></legend>
            <For each=move || ids.get() key=|id| *id children=move |id| view! { <AttendeeRow ed=ed id=id/> }/>
            <form class="row-card add-form" on:submit=add>
                <label class="field">
                    <span class="field-label">{move || state.t(Ui::NewAttendeeName)}</span>
                    <input type="text" data-testid="new-attendee-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </label>
                <label class="field">
                    <span class="field-label">{move || state.t(Ui::Position)}</span>
                    <input type="text" data-testid="new-attendee-position" prop:value=move || position.get() on:input=move |ev| position.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="btn" data-testid="add-attendee">{move || state.t(Ui::AddAttendee)}</button>
                <div class="row-note"><Messages ed=ed at=at/></div>
            </form>
        </fieldset>
    }
}

/// One attendee: name, position, removal (not once they have attended a meeting).
#[component]
fn AttendeeRow(
    /// The screen's editor.
    ed: Editor,
    /// The attendee's id.
    id: Id,
) -> impl IntoView {
    let state = ed.state;
    let text = move |f: fn(&NonMember) -> String| -> Signal<String> {
        Memo::new(move |_| state.db.reading(&[Reads::Org], |db| db.org.attendee(id).map(f).unwrap_or_default())).into()
    };
    let set = move |at: &'static str, f: fn(&mut NonMember, String)| {
        Callback::new(move |v: String| {
            ed.change((at, id, 0), move |db| with_attendee(db, id, |a| f(a, v.clone())));
        })
    };
    let name = text(|a| a.name.clone());
    view! {
        <div class="row-card" data-testid="attendee-row">
            <SettingInput ed=ed label=move || state.t(Ui::Name) value=name at=("attendee-name", id, 0)
                commit=set("attendee-name", |a, v| a.name = v) testid="attendee-name".to_string()/>
            <SettingInput ed=ed label=move || state.t(Ui::Position) value=text(|a| a.position.clone()) at=("attendee-position", id, 0)
                commit=set("attendee-position", |a, v| a.position = v)/>
            <RemoveButton label=Signal::derive(move || state.t(Ui::Remove).to_string())
                question=Signal::derive(move || format!("{}{}", state.t(Ui::RemoveAttendeeAsk), name.get()))
                blocked=Callback::new(move |()| state.db.with_untracked(|db| super::in_use(db, crate::backup::refs::Kind::Attendee, id)).then_some(Ui::AttendeeInUse))
                on_remove=Callback::new(move |()| { ed.change(("attendee-name", id, 0), move |db| db.org.attendees.retain(|a| a.id != id)); })
                testid="remove-attendee"/>
        </div>
    }
}
