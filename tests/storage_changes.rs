//! Every kind of change is detected and saved by an incremental save (the store finds the records
//! that differ from what it committed last and rewrites only their months), across a chain of
//! saves on one store: each state must reload equal, and garbage collection must keep exactly
//! what the manifests name.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod storage_support;

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDate;
use storage_support::{ten_years, TextKind};
use yishi::domain::db::{Db, Records};
use yishi::storage::{LoadOutcome, MemoryBackend, Store};

fn open(b: &MemoryBackend) -> (Store, Db, LoadOutcome) {
    Store::open(Box::new(b.clone()))
}

fn part_keys(b: &MemoryBackend) -> BTreeSet<String> {
    b.raw_keys().into_iter().filter(|k| k.starts_with("yishi:p:")).collect()
}

/// Save `db` with the long-lived store, then check a fresh store loads it equal.
fn save_and_check(s: &mut Store, b: &MemoryBackend, db: &mut Db, what: &str) {
    let rev = s.revision();
    s.save(db).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(s.revision(), rev + 1, "{what}: the change was detected and committed");
    let (_, again, out) = open(b);
    assert_eq!(out, LoadOutcome::Loaded, "{what}");
    assert_eq!(&again, &*db, "{what}: reloads equal");
}

#[test]
fn every_kind_of_change_is_saved_and_reloads_equal() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut db = ten_years(TextKind::Phrases, 4);
    s.save(&mut db).unwrap();

    // One character replaced by another of the same length, in the oldest month.
    let first = Arc::make_mut(&mut db.items[0]);
    let c = first.title.pop().expect("a title");
    first.title.push(if c == '甲' { '乙' } else { '甲' });
    save_and_check(&mut s, &b, &mut db, "same-length edit in an old month");

    // The newest record.
    Arc::make_mut(db.items.last_mut().unwrap()).materials.push('。');
    save_and_check(&mut s, &b, &mut db, "edit of the newest item");

    // The core: organisation, settings, counters, last backup.
    db.org.superior.push_str("（新）");
    save_and_check(&mut s, &b, &mut db, "edit in the organisation");
    db.settings.subtract_recused = !db.settings.subtract_recused;
    save_and_check(&mut s, &b, &mut db, "edit in the settings");
    db.last_backup = Some(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap());
    save_and_check(&mut s, &b, &mut db, "last backup date");

    // A deleted record.
    let gone = db.tasks.remove(db.tasks.len() / 2);
    save_and_check(&mut s, &b, &mut db, "deleted task");
    assert!(!open(&b).1.tasks.iter().any(|t| t.id == gone.id));

    // A record moved to another month (its partition changes; both months are rewritten).
    let m = db
        .meetings
        .iter_mut()
        .map(Arc::make_mut)
        .find(|m| m.date.to_string().starts_with("2018-"))
        .expect("a 2018 meeting");
    m.date = NaiveDate::from_ymd_opt(2019, 7, 15).unwrap();
    save_and_check(&mut s, &b, &mut db, "meeting moved to another month");

    // A record in a month no partition holds yet, then removed again (the month disappears).
    let mut extra = (*db.evidence[0]).clone();
    extra.id = db.new_id();
    extra.date = NaiveDate::from_ymd_opt(2031, 2, 3).unwrap();
    db.evidence.add(extra);
    save_and_check(&mut s, &b, &mut db, "record in a new month");
    assert!(part_keys(&b).iter().any(|k| k.starts_with("yishi:p:2031-02:")));
    db.evidence.pop();
    save_and_check(&mut s, &b, &mut db, "the new month emptied again");
    // Kept while the previous manifest (the last good state) names it, collected after.

    // Only the order changed.
    db.meetings.swap(0, 1);
    save_and_check(&mut s, &b, &mut db, "two meetings swapped");
    assert!(!part_keys(&b).iter().any(|k| k.starts_with("yishi:p:2031-02:")), "an emptied month is collected");

    // Several edits at once in different partitions.
    Arc::make_mut(&mut db.items[10]).materials.clear();
    Arc::make_mut(&mut db.meetings[20]).place = "五楼".into();
    db.org.unit_name.push('局');
    save_and_check(&mut s, &b, &mut db, "edits in several partitions");

    // Nothing left over: the partition keys are exactly those the manifests name (no
    // snapshot exists, so the current and previous manifest).
    let rev = s.revision();
    s.save(&mut db).unwrap();
    assert_eq!(s.revision(), rev, "nothing changed: nothing written");
    let keys = part_keys(&b);
    let months = keys.iter().map(|k| k.rsplit_once(':').unwrap().0.to_string()).collect::<BTreeSet<_>>();
    assert!(keys.len() >= months.len());
    // Each month has at most two copies (current and previous manifest).
    for m in &months {
        assert!(keys.iter().filter(|k| k.rsplit_once(':').unwrap().0 == m).count() <= 2, "{m}");
    }
}

#[test]
fn partitions_pinned_by_a_snapshot_survive_later_saves_and_undo_restores_them() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut db = ten_years(TextKind::Phrases, 2);
    s.save(&mut db).unwrap();
    let at_snapshot = db.clone();
    s.snapshot(&mut db).unwrap();
    for i in 0..5 {
        Arc::make_mut(&mut db.items[i]).materials.push('改');
        db.org.superior.push('改');
        s.save(&mut db).unwrap();
    }
    assert_eq!(open(&b).1, db);
    let restored = s.undo_snapshot().unwrap().expect("a snapshot");
    assert_eq!(restored, at_snapshot);
    assert_eq!(open(&b).1, at_snapshot);
    // And saving goes on from there.
    let mut db = restored;
    Arc::make_mut(&mut db.items[0]).title.push('新');
    save_and_check(&mut s, &b, &mut db, "after undo");
}

/// A few records, so that a save after a change compares only the months of the records it
/// touched.
fn few_records() -> Db {
    let mut db = ten_years(TextKind::Phrases, 1);
    db.items.truncate(3);
    db.meetings.truncate(2);
    db.tasks.truncate(2);
    db.evidence.truncate(2);
    db
}

#[test]
fn undo_after_a_record_in_a_new_month_removes_that_month() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut db = few_records();
    s.save(&mut db).unwrap();
    let at_snapshot = db.clone();
    s.snapshot(&mut db).unwrap();
    let mut extra = (*db.evidence[0]).clone();
    extra.id = db.new_id();
    extra.date = NaiveDate::from_ymd_opt(2031, 2, 3).unwrap();
    db.evidence.add(extra);
    save_and_check(&mut s, &b, &mut db, "record in a new month");
    // The snapshot's records go back as they were: the store's cache still holds the month
    // that only the later save had, and the restore's save must drop it.
    let restored = s.undo_snapshot().unwrap().expect("a snapshot");
    assert_eq!(restored, at_snapshot);
    assert_eq!(open(&b).1, at_snapshot, "the month added after the snapshot is gone");
    let mut db = restored;
    Arc::make_mut(&mut db.items[0]).title.push('新');
    save_and_check(&mut s, &b, &mut db, "after undo");
}

#[test]
fn a_second_tab_following_saves_sees_every_change() {
    let b = MemoryBackend::new();
    let (mut a, _, _) = open(&b);
    let mut db = ten_years(TextKind::Phrases, 1);
    a.save(&mut db).unwrap();
    let (mut other, _, _) = open(&b);
    Arc::make_mut(&mut db.items[3]).title.push('改');
    a.save(&mut db).unwrap();
    let followed = other.reload_if_changed().expect("changed").unwrap();
    assert_eq!(followed, db);
    // The follower saves on top (its cache is the reloaded state).
    let mut db2 = followed;
    db2.items.remove(0);
    other.save(&mut db2).unwrap();
    assert_eq!(open(&b).1, db2);
}
