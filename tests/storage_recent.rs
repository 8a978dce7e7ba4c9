//! Opening with the recent months first (`Store::open_recent`) and reading the older months
//! after (`Store::load_pending`): the same records as a full open, no save that could drop the
//! unread months, damage in an older month found and handled as at a full open, and another
//! tab's save in between followed.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod storage_support;

use std::collections::BTreeMap;
use std::sync::Arc;

use storage_support::{ten_years, TextKind};
use yishi::domain::db::Db;
use yishi::storage::{LoadOutcome, MemoryBackend, StorageError, Store};

fn snapshot_of(b: &MemoryBackend) -> BTreeMap<String, String> {
    b.raw_keys().into_iter().map(|k| (k.clone(), b.raw_get(&k).unwrap())).collect()
}

/// A store holding `years` years from 2016 on (two saves, so a previous state exists).
fn stored(years: i32) -> (MemoryBackend, Db) {
    let b = MemoryBackend::new();
    let (mut s, _, _) = Store::open(Box::new(b.clone()));
    let mut db = ten_years(TextKind::Phrases, years);
    db.meetings.reverse(); // a stored order that is not the partition order
    s.save(&mut db).unwrap();
    db.org.superior = "第二次保存".into();
    s.save(&mut db).unwrap();
    (b, db)
}

fn recent(b: &MemoryBackend, from: &str) -> (Store, Db, LoadOutcome) {
    Store::open_recent(Box::new(b.clone()), from)
}

#[test]
fn recent_months_first_then_the_rest_gives_the_same_records_as_a_full_open() {
    let (b, mut db) = stored(4);
    for from in ["2000-01", "2017-06", "2019-01", "2019-12", "2030-01"] {
        let (mut s, first, out) = recent(&b, from);
        assert_eq!(out, LoadOutcome::Loaded);
        // Only records of `from` and later, in the stored order; the core is all there.
        let expect: Vec<_> =
            db.meetings.iter().filter(|m| m.date.format("%Y-%m").to_string().as_str() >= from).cloned().collect();
        assert_eq!(first.meetings, expect, "{from}");
        assert_eq!(first.org, db.org);
        assert_eq!(first.next_id, db.next_id);
        // Pending exactly when some record is older than `from`.
        let pending = s.has_pending();
        assert_eq!(pending, first != db, "{from}");
        assert_eq!(pending, from > "2000-01", "{from}");
        match s.load_pending() {
            Some((all, out)) => {
                assert!(pending);
                assert_eq!(out, LoadOutcome::Loaded);
                assert_eq!(all, db, "{from}: every record, in the stored order");
            }
            None => assert!(!pending && first == db),
        }
        assert!(!s.has_pending());
        assert_eq!(s.load_pending(), None, "nothing left to read");
        // The store now holds the committed copy: an unchanged save writes nothing, and a
        // change in an old month is saved.
        let before = snapshot_of(&b);
        s.save(&mut db).unwrap();
        assert_eq!(snapshot_of(&b), before, "{from}: nothing changed, nothing written");
    }
    let (mut s, _, _) = recent(&b, "2019-01");
    let (mut all, _) = s.load_pending().unwrap();
    all.meetings.iter_mut().map(Arc::make_mut).find(|m| m.date.format("%Y").to_string() == "2016").unwrap().place =
        "一楼会议室".into();
    s.save(&mut all).unwrap();
    let (_, again, _) = Store::open(Box::new(b.clone()));
    assert_eq!(again, all);
}

#[test]
fn nothing_is_saved_or_restored_while_older_months_are_unread() {
    let (b, db) = stored(3);
    let (mut s, first, _) = recent(&b, "2018-01");
    assert!(s.has_pending());
    assert!(first.meetings.len() < db.meetings.len());
    let before = snapshot_of(&b);
    let mut edited = first.clone();
    edited.org.unit_name = "改了".into();
    assert_eq!(s.save(&mut edited), Err(StorageError::Incomplete), "a save would drop the unread months");
    assert_eq!(s.snapshot(&mut edited), Err(StorageError::Incomplete));
    assert!(!s.can_restore());
    assert!(!s.restore_saved(&mut edited));
    assert_eq!(snapshot_of(&b), before, "nothing written");
    // Once read, the same change saves, and the old months are kept.
    let (mut all, _) = s.load_pending().unwrap();
    all.org.unit_name = "改了".into();
    s.save(&mut all).unwrap();
    let (_, again, _) = Store::open(Box::new(b.clone()));
    assert_eq!(again.meetings.len(), db.meetings.len());
    assert_eq!(again.org.unit_name, "改了");
}

#[test]
fn a_damaged_older_month_is_found_when_read_and_handled_as_at_a_full_open() {
    let (b, _) = stored(3);
    // The state before the last save: what a full open recovers to.
    // Damage one character of an old month's stored value.
    let key = b.raw_keys().into_iter().find(|k| k.starts_with("yishi:p:2016-")).unwrap();
    let raw = b.raw_get(&key).unwrap();
    let mut chars: Vec<char> = raw.chars().collect();
    let i = chars.len() / 2;
    chars[i] = if chars[i] == '一' { '二' } else { '一' };
    b.raw_set(&key, &chars.into_iter().collect::<String>());
    // What a full open makes of it (it writes nothing: read-only recovery).
    let (_, full_db, full_out) = Store::open(Box::new(b.clone()));
    assert!(matches!(full_out, LoadOutcome::Recovery { .. }));
    let before = snapshot_of(&b);
    let (mut s, _, out) = recent(&b, "2018-01");
    assert_eq!(out, LoadOutcome::Loaded, "the recent months are fine");
    let (mut db, out) = s.load_pending().unwrap();
    assert!(
        matches!(out, LoadOutcome::Recovery { error: StorageError::Corrupt { ref key, .. } } if key.starts_with("yishi:p:2016-")),
        "{out:?}"
    );
    assert!(s.is_read_only());
    assert_eq!(db, full_db, "the same last good state as a full open shows");
    assert_eq!(s.save(&mut db), Err(StorageError::ReadOnly));
    assert_eq!(snapshot_of(&b), before, "nothing written over damaged data");
}

#[test]
fn another_tabs_save_before_the_older_months_are_read_is_followed() {
    let (b, _) = stored(3);
    let (mut s, _, _) = recent(&b, "2018-01");
    // Another tab saves twice (the partitions this tab's manifest named are collected).
    let (mut other, mut theirs, _) = Store::open(Box::new(b.clone()));
    theirs.org.superior = "另一标签页".into();
    other.save(&mut theirs).unwrap();
    theirs.meetings.retain(|m| m.date.format("%Y").to_string() != "2016");
    other.save(&mut theirs).unwrap();
    let (db, out) = s.load_pending().unwrap();
    assert_eq!(out, LoadOutcome::Loaded);
    assert_eq!(db, theirs, "the other tab's records, all of them");
    assert!(!s.has_pending());
    // And this tab saves on top of them without a conflict.
    let mut mine = db.clone();
    mine.org.unit_name = "本页".into();
    s.save(&mut mine).unwrap();
    let (_, again, _) = Store::open(Box::new(b.clone()));
    assert_eq!(again, mine);
}

/// Counts this thread's reallocations to a megabyte or more: a buffer grown past its
/// reservation (the test binary's allocator; other threads' tests do not count).
struct CountingAlloc;

thread_local! {
    static BIG_REALLOCS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

unsafe impl std::alloc::GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if new_size >= 1 << 20 {
            // `try_with`: the thread's slot may be gone while the thread ends.
            let _ = BIG_REALLOCS.try_with(|n| n.set(n.get() + 1));
        }
        unsafe { std::alloc::System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// `f`'s result and how many reallocations to a megabyte or more it made.
fn big_reallocs<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = BIG_REALLOCS.with(|n| n.get());
    let r = f();
    (r, BIG_REALLOCS.with(|n| n.get()) - before)
}

/// The length of the data part of a backup file (after `"data": `, before the closing `\n}\n`).
fn data_len(file: &[u8]) -> usize {
    let text = std::str::from_utf8(file).unwrap();
    let at = text.find("\"data\": ").unwrap() + "\"data\": ".len();
    assert!(text.ends_with("\n}\n"));
    text.len() - 3 - at
}

/// What the store knows of its records' JSON length (the export reserves it) is within 1% of
/// a backup's data (stored records also say which revisions this browser may still amend, which
/// a backup leaves out), whether the records were read at once, read in two steps, or saved; the
/// file written into a buffer reserved for it is the same file, and the buffer never grew.
#[test]
fn the_records_text_length_is_about_a_backups_and_the_export_reserved_for_it_never_grows() {
    let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap().and_hms_opt(9, 0, 0).unwrap();
    let (b, _) = stored(4);
    let (mut s, db, _) = Store::open(Box::new(b.clone()));
    let full = s.records_text_len();
    let plain = yishi::backup::export_bytes(&db, at, 0);
    let data = data_len(&plain);
    assert!(full >= data && full - data < data / 100, "known {full}, backup data {data}");
    let (reserved, regrown) = big_reallocs(|| yishi::backup::export_bytes(&db, at, full));
    assert_eq!(reserved, plain, "the hint changes nothing in the file");
    assert_eq!(regrown, 0, "the reserved buffer was grown");
    assert!(big_reallocs(|| yishi::backup::export_bytes(&db, at, 0)).1 > 0, "without the hint the buffer grows");

    // The older months counted once they are read.
    let (mut r, _, _) = recent(&b, "2019-01");
    assert!(r.records_text_len() < full);
    r.load_pending().unwrap();
    assert_eq!(r.records_text_len(), full);

    // A save counts what it wrote, and drops a month no longer stored; a fresh open agrees.
    let mut longer = db.clone();
    longer.org.superior = "上级党组织".repeat(100);
    s.save(&mut longer).unwrap();
    let grown = s.records_text_len();
    assert_eq!(grown - full, longer.org.superior.len() - db.org.superior.len());
    assert_eq!(Store::open(Box::new(b.clone())).0.records_text_len(), grown);
    let mut none = longer.clone();
    (none.items, none.meetings, none.tasks, none.evidence) = Default::default();
    s.save(&mut none).unwrap();
    let core_only = s.records_text_len();
    assert!(core_only * 20 < full, "{core_only} of {full}");
    assert_eq!(Store::open(Box::new(b.clone())).0.records_text_len(), core_only);
    let core_data = data_len(&yishi::backup::export_bytes(&none, at, 0));
    assert!(
        core_only >= core_data && core_only - core_data < core_data / 100,
        "known {core_only}, backup data {core_data}"
    );
}
