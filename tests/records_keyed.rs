//! The keyed store (`yishi::records`): a change re-runs the views of the records it touched and
//! no others; a save reports exactly those records.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;
use yishi::domain::doc::{DocId, DocKind};
use yishi::records::{Changed, Reads, Records};
use yishi::sample::example::example_db;
use yishi::storage::{MemoryBackend, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// A view that counts its runs.
struct Counted {
    runs: Arc<AtomicUsize>,
    memo: Memo<String>,
}

impl Counted {
    fn new(f: impl Fn() -> String + Send + Sync + 'static) -> Counted {
        let runs = Arc::new(AtomicUsize::new(0));
        let r = runs.clone();
        let memo = Memo::new(move |_| {
            r.fetch_add(1, Ordering::SeqCst);
            f()
        });
        memo.get();
        Counted { runs, memo }
    }
    /// Runs so far, after reading the view again (memos re-run when read).
    fn runs(&self) -> usize {
        self.memo.get();
        self.runs.load(Ordering::SeqCst)
    }
}

#[test]
fn an_edit_reruns_the_views_of_its_record_its_kind_and_everything_and_no_others() {
    let owner = Owner::new();
    owner.set();
    let db = example_db(today());
    let (a, b) = (db.meetings[0].id, db.meetings[1].id);
    let item = db.items[0].id;
    let records = Records::new(db);
    let view_a = Counted::new(move || {
        records.reading(&[Reads::meeting(a)], |db| db.meeting(a).map(|m| m.place.clone()).unwrap_or_default())
    });
    let view_b = Counted::new(move || {
        records.reading(&[Reads::meeting(b)], |db| db.meeting(b).map(|m| m.place.clone()).unwrap_or_default())
    });
    let view_item = Counted::new(move || {
        records.reading(&[Reads::item(item)], |db| db.item(item).map(|i| i.title.clone()).unwrap_or_default())
    });
    let view_org = Counted::new(move || records.reading(&[Reads::Org], |db| db.org.unit_name.clone()));
    let list =
        Counted::new(move || records.reading(&[Reads::Kind(DocKind::Meeting)], |db| db.meetings.len().to_string()));
    let whole = Counted::new(move || records.with(|db| db.next_id.to_string()));
    let both = Counted::new(move || {
        records.reading(&[Reads::meeting(b), Reads::item(item)], |db| {
            db.meeting(b).map(|m| m.title.clone()).unwrap_or_default()
        })
    });

    records.update_untracked(|db| db.meeting_mut(a).unwrap().place.push_str("（二楼）"));
    records.changed(&Changed::Docs(vec![DocId::Meeting(a)]));

    assert_eq!(view_a.runs(), 2, "the edited meeting's view re-runs");
    assert!(view_a.memo.get().ends_with("（二楼）"));
    assert_eq!(view_b.runs(), 1, "another meeting's view does not");
    assert_eq!(view_item.runs(), 1, "an item's view does not");
    assert_eq!(view_org.runs(), 1, "the organisation's view does not");
    assert_eq!(both.runs(), 1, "a view of other records does not");
    assert_eq!(list.runs(), 2, "the meetings list re-runs");
    assert_eq!(whole.runs(), 2, "a view of everything re-runs");

    // An item changed: its own view and the view that reads it among others.
    records.changed(&Changed::Docs(vec![DocId::Item(item)]));
    assert_eq!((view_item.runs(), both.runs(), view_a.runs(), list.runs()), (2, 2, 2, 2));

    // A replaced database tells every view.
    records.set(records.get_untracked());
    // (The view of everything was told twice since it last ran: it runs once.)
    assert_eq!((view_a.runs(), view_b.runs(), view_org.runs(), whole.runs()), (3, 2, 2, 3));
}

#[test]
fn another_tabs_records_tell_only_the_views_of_what_differs() {
    let owner = Owner::new();
    owner.set();
    let db = example_db(today());
    let (a, b) = (db.meetings[0].id, db.meetings[1].id);
    let records = Records::new(db.clone());
    let view_a = Counted::new(move || {
        records.reading(&[Reads::meeting(a)], |db| db.meeting(a).map(|m| m.place.clone()).unwrap_or_default())
    });
    let view_b = Counted::new(move || {
        records.reading(&[Reads::meeting(b)], |db| db.meeting(b).map(|m| m.place.clone()).unwrap_or_default())
    });
    let mut theirs = db;
    theirs.meeting_mut(b).unwrap().place = "三楼会议室".into();
    records.set_changed(theirs);
    assert_eq!((view_a.runs(), view_b.runs()), (1, 2));
    assert_eq!(view_b.memo.get(), "三楼会议室");
}

#[test]
fn a_save_reports_exactly_the_records_that_differ_from_the_last_save() {
    let (mut store, _, _) = Store::open(Box::new(MemoryBackend::new()));
    let mut db = example_db(today());
    store.save_touched(&mut db).unwrap();
    assert_eq!(store.save_touched(&mut db).unwrap(), Vec::<DocId>::new(), "nothing changed, nothing touched");
    let m = db.meetings[2].id;
    db.meeting_mut(m).unwrap().place.push('x');
    let gone = db.tasks.remove(0).id;
    let mut touched = store.save_touched(&mut db).unwrap();
    touched.sort();
    assert_eq!(touched, vec![DocId::Meeting(m), DocId::Task(gone)]);
    // A settled conflict sets a revision deliberately: still reported.
    let item = db.items[1].id;
    let d = DocId::Item(item);
    let info = db.revs[&d].child("settled".into(), false);
    db.revs.insert(d, Arc::new(info));
    assert_eq!(store.save_touched(&mut db).unwrap(), vec![d]);
}

#[test]
fn after_every_save_the_committed_copy_is_the_database() {
    let (mut store, _, _) = Store::open(Box::new(MemoryBackend::new()));
    let mut db = example_db(today());
    store.save(&mut db).unwrap();
    assert_eq!(store.committed(), &db);
    // An edit, a deletion (a tombstone), a new record.
    let m = db.meetings[0].id;
    db.meeting_mut(m).unwrap().place.push('x');
    let gone = db.items.remove(1).id;
    let mut task = (*db.tasks[0]).clone();
    task.id = db.new_id();
    db.tasks.push(Arc::new(task));
    store.save(&mut db).unwrap();
    assert_eq!(store.committed(), &db);
    assert!(db.revs[&DocId::Item(gone)].deleted);
    // A revision set on purpose, and a tombstone dropped from the map.
    let d = DocId::Meeting(m);
    let info = db.revs[&d].child("settled".into(), false);
    db.revs.insert(d, Arc::new(info));
    db.revs.remove(&DocId::Item(gone));
    store.save(&mut db).unwrap();
    assert_eq!(store.committed(), &db);
    // Nothing changed: still the same.
    store.save(&mut db).unwrap();
    assert_eq!(store.committed(), &db);
}
