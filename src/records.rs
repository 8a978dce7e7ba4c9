//! The records in memory as a keyed reactive store: one change notifier for every record a
//! view reads ([`DocId`]), one for every kind of record, and one for the whole database.
//!
//! A view names what it reads ([`Records::reading`] with [`Reads`]): a view of one record
//! re-runs only when that record changes; a list that reads one kind re-runs when a record of
//! that kind changes (its rows, keyed, follow their own records); [`Records::with`] reads
//! everything and re-runs on every change.
//! A change reports the documents it touched ([`Records::changed`]), so that a vote notifies
//! the views of its meeting and not every view on the page.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::{
    db::Db,
    doc::{DocId, DocKind},
    Id,
};

/// The kinds of document the organisation is made of (the unit's name is in the settings).
const ORG: [DocKind; 4] = [DocKind::Settings, DocKind::Member, DocKind::Department, DocKind::Attendee];

/// Notifiers of one key, made when a view first reads the key.
type Notifiers<K> = StoredValue<HashMap<K, ArcTrigger>>;

/// All records, with keyed change notification. 全部数据
#[derive(Clone, Copy)]
pub struct Records {
    db: StoredValue<Db>,
    /// Readers of the whole database.
    all: Trigger,
    docs: Notifiers<DocId>,
    kinds: Notifiers<DocKind>,
}

/// What a view reads, for [`Records::reading`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reads {
    /// One record.
    Doc(DocId),
    /// Every record of a kind (a list, a count).
    Kind(DocKind),
    /// The organisation: members, departments, attendees, the unit's name (names of people).
    Org,
}

impl Reads {
    /// The rule settings and the unit's name.
    pub const SETTINGS: Reads = Reads::Doc(DocId::Settings);
    /// One meeting.
    pub fn meeting(id: Id) -> Reads {
        Reads::Doc(DocId::Meeting(id))
    }
    /// One agenda item.
    pub fn item(id: Id) -> Reads {
        Reads::Doc(DocId::Item(id))
    }
    /// One follow-up task.
    pub fn task(id: Id) -> Reads {
        Reads::Doc(DocId::Task(id))
    }
}

/// The documents a change touched.
#[derive(Clone, Debug, PartialEq)]
pub enum Changed {
    /// These documents (and what is not a document of its own: the next id, the backup date).
    Docs(Vec<DocId>),
    /// Anything: a replaced database (an import, a snapshot restored, the older months read), or
    /// a change whose records are not known (see `AppState::update`).
    Everything,
}

impl Records {
    pub fn new(db: Db) -> Records {
        Records {
            db: StoredValue::new(db),
            all: Trigger::new(),
            docs: StoredValue::new(HashMap::new()),
            kinds: StoredValue::new(HashMap::new()),
        }
    }

    /// Read everything; the reading view re-runs on every change.
    pub fn with<R>(&self, f: impl FnOnce(&Db) -> R) -> R {
        self.all.track();
        self.db.with_value(f)
    }

    /// Read everything without subscribing (event handlers, commands).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Db) -> R) -> R {
        self.db.with_value(f)
    }

    /// A copy of everything (records are shared behind `Arc`s: a pointer per record).
    pub fn get_untracked(&self) -> Db {
        self.db.get_value()
    }

    /// Subscribe the running view to every change.
    pub fn track(&self) {
        self.all.track();
    }

    /// Read through the database, re-running only when one of `what` changes. The closure must
    /// read nothing of `db` beyond `what`.
    pub fn reading<R>(&self, what: &[Reads], f: impl FnOnce(&Db) -> R) -> R {
        for r in what {
            match *r {
                Reads::Doc(d) => self.subscribe(self.docs, d),
                Reads::Kind(k) => self.subscribe(self.kinds, k),
                Reads::Org => {
                    for k in ORG {
                        self.subscribe(self.kinds, k);
                    }
                }
            }
        }
        self.db.with_value(f)
    }

    /// Change the records without notifying anyone (the caller reports what changed with
    /// [`Records::changed`]).
    pub fn update_untracked<R>(&self, f: impl FnOnce(&mut Db) -> R) -> Option<R> {
        self.db.try_update_value(f)
    }

    /// Replace everything and notify every view.
    pub fn set(&self, db: Db) {
        self.db.set_value(db);
        self.changed(&Changed::Everything);
    }

    /// Replace everything with a database that differs in a few records (another tab's save)
    /// and notify the views of those records.
    pub fn set_changed(&self, db: Db) {
        let changed = self.db.with_value(|old| crate::domain::doc::changed(old, &db));
        self.db.set_value(db);
        self.changed(&Changed::Docs(changed));
    }

    /// Notify the views of what changed: the documents' own readers, their kinds' readers and
    /// the readers of everything.
    pub fn changed(&self, what: &Changed) {
        match what {
            Changed::Everything => {
                notify_all(self.docs);
                notify_all(self.kinds);
            }
            Changed::Docs(ds) => {
                let mut kinds: Vec<DocKind> = Vec::new();
                for d in ds {
                    notify(self.docs, d);
                    if !kinds.contains(&d.kind()) {
                        kinds.push(d.kind());
                    }
                }
                for k in &kinds {
                    notify(self.kinds, k);
                }
            }
        }
        self.all.notify();
    }

    fn subscribe<K: std::hash::Hash + Eq + Copy + Send + Sync + 'static>(&self, map: Notifiers<K>, key: K) {
        let t = map.try_update_value(|m| m.entry(key).or_default().clone());
        if let Some(t) = t {
            t.track();
        }
    }
}

fn notify<K: std::hash::Hash + Eq + Send + Sync + 'static>(map: Notifiers<K>, key: &K) {
    if let Some(Some(t)) = map.try_with_value(|m| m.get(key).cloned()) {
        t.notify();
    }
}

fn notify_all<K: Send + Sync + 'static>(map: Notifiers<K>) {
    let all: Vec<ArcTrigger> = map.try_with_value(|m| m.values().cloned().collect()).unwrap_or_default();
    for t in all {
        t.notify();
    }
}
