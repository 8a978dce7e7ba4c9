//! Settings: the unit, members with their terms, departments and who is in charge, non-member
//! attendees, and the rule parameters with the article each comes from.
//!
//! Like every other screen, 设置 saves each change at once: a text when its input is left, a
//! choice when it is made. A change that would make the settings wrong is refused with the
//! reason beside the field and saves nothing ([`editor::Editor`]); removing asks first.

mod attendees;
mod departments;
mod editor;
mod input;
mod members;
mod rules;
mod rules_duties;
mod terms;
mod unit;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::app::use_app;
use crate::domain::db::Db;
use crate::domain::Id;
use crate::i18n::Ui;

/// Whether a member is referenced by any record (then it cannot be deleted, only its term ended).
fn member_in_use(db: &Db, id: Id) -> bool {
    db.meetings.iter().any(|m| m.chair == Some(id) || m.attendance.iter().any(|a| a.member == id))
        || db.items.iter().any(|i| i.in_charge == Some(id))
        || db.tasks.iter().any(|t| t.member == Some(id))
        || db.evidence.iter().any(|e| e.member == Some(id) || e.counterpart == Some(id))
}

fn department_in_use(db: &Db, id: Id) -> bool {
    db.items.iter().any(|i| i.department == Some(id))
        || db.tasks.iter().any(|t| t.department == Some(id))
        || db.evidence.iter().any(|e| e.department == Some(id))
}

fn attendee_in_use(db: &Db, id: Id) -> bool {
    db.meetings.iter().any(|m| m.observers.contains(&id))
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// A new id, taken from the records' counter (inside a change, so the check and the save take
/// the same one).
fn take_id(db: &mut Db) -> Id {
    let id = db.next_id.max(1);
    db.next_id = id + 1;
    id
}

/// The settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app();
    let ed = editor::Editor::new(state);
    view! {
        <section class="page settings-page">
            <h1>{move || state.t(Ui::SettingsTitle)}</h1>
            <p class="muted" data-testid="settings-saves-on-change">{move || state.t(Ui::SavesOnChange)}</p>
            <crate::components::conflict::ConflictNotice doc=crate::domain::doc::DocId::Settings/>
            <unit::UnitSection ed=ed/>
            <members::MembersSection ed=ed/>
            <departments::DepartmentsSection ed=ed/>
            <attendees::AttendeesSection ed=ed/>
            <rules::RulesSection ed=ed/>
        </section>
    }
}
