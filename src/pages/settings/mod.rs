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

use std::collections::HashSet;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::app::use_app;
use crate::backup::refs::{visit_refs, Kind};
use crate::domain::db::Db;
use crate::domain::meeting::MeetingStage;
use crate::domain::Id;
use crate::i18n::Ui;

/// Whether any record refers to the member, department or attendee `id` of `kind`: then it
/// cannot be removed (a member's term can be ended instead). Two references do not count: a
/// planned meeting's roster follows the members and drops one removed, and a department's
/// member in charge is cleared with the member.
fn in_use(db: &Db, kind: Kind, id: Id) -> bool {
    let planned: HashSet<Id> = db.meetings.iter().filter(|m| m.stage == MeetingStage::Planned).map(|m| m.id).collect();
    // The visitor reaches every reference the backup checks, on a copy it may change.
    let mut copy = db.clone();
    let mut found = false;
    visit_refs(&mut copy, &mut |site, k, x| {
        let follows = site.kind == Kind::Meeting && site.field == "attendance.member" && planned.contains(&site.id);
        let cleared = site.kind == Kind::Department && site.field == "in_charge";
        found |= k == kind && *x == id && !follows && !cleared;
    });
    found
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::domain::date_format::parse_date(s.trim())
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
