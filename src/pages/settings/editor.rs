//! How 设置 changes the records: every change is checked, then saved at once through the app's
//! save path; a change that would make the settings wrong is refused with the reason beside
//! the field, and nothing is saved.

use leptos::prelude::*;

use crate::app::AppState;
use crate::domain::db::Db;
use crate::domain::validate::{validate_org, validate_settings, Field, Issue, Problem};
use crate::domain::Id;
use crate::i18n::Message;

/// Where a field's messages are shown: a name for the kind of input and the ids of its record
/// (a member and the index of a term, or zeros).
pub(super) type Slot = (&'static str, Id, usize);

/// The slot of a unit-wide field.
pub(super) const fn slot(name: &'static str) -> Slot {
    (name, 0, 0)
}

/// The slot where a problem found in the saved settings is shown.
fn slot_of(field: &Field) -> Slot {
    match *field {
        Field::UnitName => slot("unit-name"),
        Field::Superior => slot("unit-superior"),
        Field::MemberName(id) => ("member-name", id, 0),
        Field::TermDates(id, i) => ("term", id, i),
        Field::Roster => slot("roster"),
        Field::DepartmentName(id) => ("department-name", id, 0),
        Field::DepartmentInCharge(id) => ("department-in-charge", id, 0),
        Field::AttendeeName(id) => ("attendee-name", id, 0),
        Field::Setting(key) => slot(key),
    }
}

/// Whether a problem refuses the change that would cause it. Having no serving secretary for a
/// while does not: a change of secretary takes two changes (the old term ends, the new one
/// starts), and ending the old term first passes through it (第九条); the page says so until
/// the new term is entered.
fn refuses(p: &Problem) -> bool {
    !matches!(p, Problem::NoSecretary(_))
}

fn problems(db: &Db) -> Vec<Issue> {
    let mut v = validate_org(&db.org);
    v.extend(validate_settings(&db.settings));
    v
}

/// The settings screen's access to the records, shared by its sections.
#[derive(Clone, Copy)]
pub(super) struct Editor {
    pub state: AppState,
    /// The records as they were when the text now being typed got the focus: what the typist
    /// saw. Saved against them, a change another tab made to the same field meanwhile keeps
    /// both versions and is reported, instead of being overwritten unseen.
    seen: StoredValue<Option<Db>>,
    /// The last refused change of each field, with its reasons.
    refused: RwSignal<Vec<(Slot, Vec<Message>)>>,
    /// Problems of the saved settings (imported data, no serving secretary), by field.
    standing: Memo<Vec<(Slot, Problem)>>,
}

impl Editor {
    pub fn new(state: AppState) -> Self {
        let standing = Memo::new(move |_| {
            state.db.with(|db| problems(db).into_iter().map(|i| (slot_of(&i.field), i.problem)).collect())
        });
        Editor { state, seen: StoredValue::new(None), refused: RwSignal::new(Vec::new()), standing }
    }

    /// A text input got the focus: remember what it showed.
    pub fn focus(&self) {
        self.seen.set_value(Some(self.state.db.get_untracked()));
    }

    /// The text input lost the focus: later changes (a click, a choice) act on the records as
    /// they are.
    pub fn blur(&self) {
        self.seen.set_value(None);
    }

    /// Refuse a change of `at` for a reason found before any record was touched (text that is
    /// not a number or a date).
    pub fn refuse(&self, at: Slot, why: Message) {
        self.set_refused(at, Some(vec![why]));
    }

    /// Forget the refused change of `at` (its form was closed).
    pub fn clear(&self, at: Slot) {
        self.set_refused(at, None);
    }

    fn set_refused(&self, at: Slot, why: Option<Vec<Message>>) {
        self.refused.update(|v| {
            v.retain(|(s, _)| *s != at);
            if let Some(why) = why {
                v.push((at, why));
            }
        });
    }

    /// Make a change of the field at `at` and save it, unless it causes a problem the settings
    /// did not have: then nothing changes and the reasons show beside the field. Planned
    /// meetings' rosters follow the members serving on their dates (第十八条（四）).
    /// `change` may run more than once (to check it, then to save it).
    pub fn change(&self, at: Slot, change: impl Fn(&mut Db)) -> bool {
        let state = self.state;
        let now = state.all_records();
        let mut next = now.clone();
        change(&mut next);
        if next.org == now.org && next.settings == now.settings {
            self.set_refused(at, None);
            return true;
        }
        let before = problems(&now);
        // One message of each kind: a second secretary for a term of years would otherwise
        // be reported once for every date the count changes.
        let mut kinds = Vec::new();
        let new: Vec<Message> = problems(&next)
            .into_iter()
            .filter(|i| refuses(&i.problem) && !before.contains(i))
            .filter(|i| {
                let kind = std::mem::discriminant(&i.problem);
                !kinds.contains(&kind) && {
                    kinds.push(kind);
                    true
                }
            })
            .map(|i| Message::new(i.problem))
            .collect();
        if !new.is_empty() {
            self.set_refused(at, Some(new));
            return false;
        }
        self.set_refused(at, None);
        match self.seen.get_value() {
            // Another tab saved since the focus: this change goes on top of what it saved.
            Some(seen) if seen.revs != now.revs => {
                let mut ours = seen.clone();
                change(&mut ours);
                let mut both = Vec::new();
                state.update(|db| {
                    let (merged, b) = crate::backup::merge::rebase(&seen, &ours, db);
                    *db = merged;
                    both = b;
                    crate::domain::conduct::follow_rosters(db);
                });
                if !both.is_empty() {
                    state.tab_conflicts.update(|v| v.extend(both));
                }
            }
            // `now` is the records before the change: what differs from it is in the core (the
            // settings and the organisation), plus the planned meetings whose rosters follow.
            _ => state.update_docs(|db| {
                change(db);
                let mut docs = crate::domain::doc::core_changed(&now, db);
                docs.extend(crate::domain::conduct::follow_rosters(db));
                docs
            }),
        }
        if self.seen.with_value(Option::is_some) {
            self.focus();
        }
        true
    }

    /// The messages of a field in the current language: why its last change was refused, or
    /// else what is wrong with its saved value.
    pub fn messages(&self, at: Slot) -> Signal<Vec<String>> {
        let (state, refused, standing) = (self.state, self.refused, self.standing);
        Signal::derive(move || {
            let lang = state.lang.get();
            let mine = refused.with(|v| v.iter().find(|(s, _)| *s == at).map(|(_, m)| m.clone()));
            match mine {
                Some(m) => m.iter().map(|m| lang.of(m)).collect(),
                None => standing.with(|v| v.iter().filter(|(s, _)| *s == at).map(|(_, p)| lang.of(p)).collect()),
            }
        })
    }

    /// Whether any saved problem concerns one of `ids` (members folded out of sight).
    pub fn concerns_any(&self, ids: &[Id]) -> bool {
        self.standing.with_untracked(|v| v.iter().any(|((_, id, _), _)| ids.contains(id)))
    }
}
