//! Storage space a user can manage: safety snapshots listed with what deleting each frees,
//! deleted and restored by key; an archived year's removal frees its space at once; a full
//! store is freed by deleting the snapshots without losing any record; the year archive
//! names the records of the year that stay and why; the key derivation run in slices gives
//! the very key of the one-shot derivation, so encrypted backups stay byte-compatible.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod storage_support;

use std::sync::Arc;

use chrono::Datelike;
use storage_support::{ten_years, TextKind};
use yishi::backup::{self, KeptWhy};
use yishi::domain::db::Db;
use yishi::storage::{MemoryBackend, SnapshotWhy, StorageError, Store};

fn open(b: &MemoryBackend) -> Store {
    Store::open(Box::new(b.clone())).0
}

/// Every record changed (as an import replacing the data would): the snapshot then keeps
/// partitions that nothing else needs.
fn all_changed(db: &Db) -> Db {
    let mut next = db.clone();
    for m in next.meetings.iter_mut().map(Arc::make_mut) {
        m.place.push_str("（新）");
    }
    for i in next.items.iter_mut().map(Arc::make_mut) {
        i.materials.push('。');
    }
    next
}

#[test]
fn a_snapshot_is_listed_with_why_and_what_deleting_it_frees_and_deleting_it_frees_that() {
    let b = MemoryBackend::new();
    let mut s = open(&b);
    let mut db = ten_years(TextKind::Phrases, 1);
    s.snapshot(&mut db).unwrap();
    let mut next = all_changed(&db);
    s.save(&mut next).unwrap();
    let list = s.snapshots();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].why, SnapshotWhy::Import);
    assert!(list[0].taken_at_ms > 0);
    let split = s.usage_split();
    assert_eq!(split.snapshots_chars, list[0].frees_chars);
    assert!(split.snapshots_chars > split.records_chars() / 2, "{split:?}: the old copy of every month");
    let before = s.usage().used_chars;
    assert_eq!(before, b.used(), "the meter counts what is stored");

    s.delete_snapshot(&list[0].key).unwrap();
    assert_eq!(s.usage().used_chars, b.used());
    assert_eq!(before - b.used(), list[0].frees_chars, "freed exactly what was said");
    assert!(s.snapshots().is_empty());
    assert_eq!(s.usage_split().snapshots_chars, 0);
    assert_eq!(s.undo_snapshot().unwrap(), None, "nothing left to restore");
    assert_eq!(Store::open(Box::new(b.clone())).1, next, "the current records are untouched");
}

#[test]
fn the_next_import_snapshot_replaces_the_last_and_restore_by_key_brings_it_back() {
    let b = MemoryBackend::new();
    let mut s = open(&b);
    let mut first = ten_years(TextKind::Phrases, 1);
    s.snapshot(&mut first).unwrap();
    let mut second = all_changed(&first);
    s.snapshot(&mut second).unwrap();
    let mut third = all_changed(&second);
    s.save(&mut third).unwrap();
    let list = s.snapshots();
    assert_eq!(list.len(), 1, "one import snapshot, the latest");
    let restored = s.restore_snapshot(&list[0].key).unwrap().expect("restored");
    assert_eq!(restored, second);
    assert!(s.snapshots().is_empty(), "a restored snapshot is used up");
    assert_eq!(s.restore_snapshot("yishi:m").unwrap(), None, "only snapshot keys are restored");
}

#[test]
fn a_snapshot_of_an_earlier_version_without_a_reason_is_listed_as_the_import_snapshot() {
    let b = MemoryBackend::new();
    let mut s = open(&b);
    let mut db = ten_years(TextKind::Phrases, 1);
    s.save(&mut db).unwrap();
    b.raw_set("yishi:snap", &b.raw_get("yishi:m").unwrap());
    let mut s = open(&b);
    assert_eq!(s.snapshots()[0].why, SnapshotWhy::Import);
}

#[test]
fn removing_an_archived_year_frees_its_space_at_once() {
    let b = MemoryBackend::new();
    let mut s = open(&b);
    let mut db = ten_years(TextKind::Phrases, 3);
    s.save(&mut db).unwrap();
    let mut edited = db.clone();
    edited.org.superior.push('。');
    s.save(&mut edited).unwrap();
    let before = b.used();
    // The first full year (the oldest records are a few items of the December before).
    let year = 2016;
    let mut rest = backup::plan_archive(&edited, year).rest;
    s.save(&mut rest).unwrap();
    s.release_previous().unwrap();
    let after = b.used();
    assert!(after * 10 < before * 8, "{before} → {after}: a year of three is freed");
    assert_eq!(s.usage().used_chars, after);
    assert!(s.snapshots().is_empty(), "the removal takes no snapshot");
    assert_eq!(Store::open(Box::new(b.clone())).1, rest);
}

#[test]
fn a_full_store_is_freed_by_deleting_the_snapshots_and_no_record_is_lost() {
    let b = MemoryBackend::new();
    let mut s = open(&b);
    let mut db = ten_years(TextKind::Phrases, 2);
    s.snapshot(&mut db).unwrap();
    let mut next = all_changed(&db);
    s.save(&mut next).unwrap();
    // Full: the quota is what is stored now, so the next change cannot be written.
    b.set_quota(Some(b.used()));
    let mut edit = next.clone();
    Arc::make_mut(&mut edit.meetings[0]).place = "全部改写的会议室".repeat(200);
    assert_eq!(s.save(&mut edit.clone()), Err(StorageError::QuotaExceeded));
    let offered = s.usage_split().snapshots_chars;
    assert!(offered > 0);
    s.delete_all_snapshots().unwrap();
    assert!(s.snapshots().is_empty());
    s.save(&mut edit).unwrap();
    assert_eq!(Store::open(Box::new(b.clone())).1, edit, "every record is there, with the edit");
}

#[test]
fn deleting_snapshots_is_refused_read_only() {
    let b = MemoryBackend::new();
    let mut s = open(&b);
    let mut db = ten_years(TextKind::Phrases, 1);
    s.snapshot(&mut db).unwrap();
    b.raw_set("yishi:m", "damaged");
    let mut ro = open(&b);
    assert!(ro.is_read_only());
    assert_eq!(ro.delete_all_snapshots(), Err(StorageError::ReadOnly));
    assert!(b.raw_get("yishi:snap").is_some());
}

#[test]
fn the_archive_plan_names_the_records_of_the_year_that_stay_and_why() {
    let mut db = ten_years(TextKind::Phrases, 2);
    // A 2016 decision whose follow-up task is still open: the meeting, its items and its tasks
    // stay with the present.
    let t = db.tasks.iter_mut().map(Arc::make_mut).find(|t| t.created.year() == 2016).unwrap();
    t.closed = None;
    let (task, source) = (t.id, t.source.unwrap());
    let plan = backup::plan_archive(&db, 2016);
    let kept = |id| plan.kept.iter().find(|k| k.id == id);
    assert_eq!(kept(task).map(|k| k.why), Some(KeptWhy::StillOpen));
    assert_eq!(kept(source.meeting).map(|k| k.why), Some(KeptWhy::OpenTask));
    // Its item was proposed in December 2015: not a record of 2016, it stays unlisted.
    assert!(plan.rest.item(source.item).is_some());
    // Every record of the year is either archived or listed as kept, never both.
    let dated_2016 = db.meetings.iter().filter(|m| m.date.year() == 2016).count();
    let archived_2016 = plan.archive.meetings.iter().filter(|m| m.date.year() == 2016).count();
    let kept_meetings = plan.kept.iter().filter(|k| k.kind == backup::refs::Kind::Meeting).count();
    assert_eq!(archived_2016 + kept_meetings, dated_2016);
    assert!(plan.kept.iter().all(|k| k.date.year() == 2016));
    assert!(plan.kept.iter().all(|k| plan.rest.meeting(k.id).is_some()
        || plan.rest.item(k.id).is_some()
        || plan.rest.tasks.iter().any(|t| t.id == k.id)
        || plan.rest.evidence.iter().any(|e| e.id == k.id)));
    // A late-2016 group whose follow-up closed in 2017 goes with 2017.
    assert!(plan.kept.iter().any(|k| matches!(k.why, KeptWhy::LaterYear(2017))), "{:?}", plan.kept);
    // Removed counts are records only: the organisation is copied into the file, not removed.
    let removed = plan.removed();
    assert_eq!((removed.members, removed.departments, removed.attendees), (0, 0, 0));
    assert_eq!(removed.meetings as usize, plan.archive.meetings.len());
    assert!(!plan.archive.org.members.is_empty());
}

#[test]
fn the_key_derived_in_slices_is_the_one_shot_key() {
    // RFC 7914 §11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1), first 32 bytes.
    let mut k = backup::KeyDerivation::new("passwd", b"salt", 1);
    assert!(k.is_done());
    assert_eq!(
        k.key().unwrap().iter().map(|b| format!("{b:02x}")).collect::<String>(),
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
    );
    assert!(k.step(10));
    for (rounds, slice) in [(2u32, 1u32), (1000, 7), (4096, 4096), (5000, 999), (20_000, 2_000)] {
        let mut one_shot = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>("口令 pass".as_bytes(), b"0123456789abcdef", rounds, &mut one_shot);
        let mut k = backup::KeyDerivation::new("口令 pass", b"0123456789abcdef", rounds);
        let mut slices = 0;
        while !k.step(slice) {
            assert!(k.key().is_none(), "no key before the last round");
            slices += 1;
        }
        assert_eq!(k.progress(), (rounds, rounds));
        assert_eq!(k.key(), Some(one_shot), "{rounds} rounds in slices of {slice}");
        assert_eq!(slices, (rounds - 1).div_ceil(slice) - 1);
    }
}

#[test]
fn a_file_sealed_with_the_sliced_key_opens_in_one_go_and_the_other_way_round() {
    let json = r#"{"format":"yishi-backup","data":"会议 𠮷"}"#;
    let mut job = backup::begin_encrypt("正确的口令").unwrap();
    while !job.kdf.step(50_000) {}
    let sealed = job.finish(json).unwrap();
    assert_eq!(backup::decrypt(&sealed, "正确的口令").unwrap(), json);
    let one_shot = backup::encrypt(json, "正确的口令").unwrap();
    let mut open = backup::begin_decrypt(&one_shot, "正确的口令").unwrap();
    assert_eq!(open.kdf.progress().1, backup::ITERATIONS);
    while !open.kdf.step(77_777) {}
    assert_eq!(open.finish().unwrap(), json);
    let mut wrong = backup::begin_decrypt(&one_shot, "错误的口令").unwrap();
    while !wrong.kdf.step(100_000) {}
    assert!(matches!(wrong.finish(), Err(backup::ImportError::WrongPassphrase)));
}
