//! Behaviour of the storage layer on the in-memory backend: round trips, atomic commits under
//! quota and write failures, two tabs, damaged and newer data, snapshots.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod storage_support;

use std::collections::BTreeMap;
use std::sync::Arc;

use storage_support::{ten_years, TextKind};
use yishi::domain::db::Db;
use yishi::storage::{LoadOutcome, MemoryBackend, StorageError, Store};

fn open(b: &MemoryBackend) -> (Store, Db, LoadOutcome) {
    Store::open(Box::new(b.clone()))
}

fn snapshot_of(b: &MemoryBackend) -> BTreeMap<String, String> {
    b.raw_keys().into_iter().map(|k| (k.clone(), b.raw_get(&k).unwrap())).collect()
}

fn small() -> Db {
    let mut db = ten_years(TextKind::Phrases, 1);
    db.org.unit_name = "昌吉州交通运输局 <img src=x onerror=alert(1)> 𠮷😀".into();
    db
}

#[test]
fn first_run_is_empty_and_a_save_round_trips_exactly() {
    let b = MemoryBackend::new();
    let (mut s, db, out) = open(&b);
    assert_eq!(out, LoadOutcome::Empty);
    assert_eq!(db, Db::default());
    let mut db = small();
    s.save(&mut db).unwrap();
    let (_, again, out) = open(&b);
    assert_eq!(out, LoadOutcome::Loaded);
    assert_eq!(again, db);
}

#[test]
fn record_order_survives_partitioning() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut db = ten_years(TextKind::Phrases, 2);
    db.meetings.reverse();
    db.items.swap(0, 150);
    s.save(&mut db).unwrap();
    let (_, again, _) = open(&b);
    assert_eq!(again, db);
}

#[test]
fn a_small_edit_rewrites_only_its_month() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut db = ten_years(TextKind::Phrases, 3);
    s.save(&mut db).unwrap();
    let before = snapshot_of(&b);
    let m = db.meetings.iter_mut().map(Arc::make_mut).find(|m| m.date.to_string().starts_with("2017-05")).unwrap();
    m.place = "五楼会议室".into();
    s.save(&mut db).unwrap();
    let after = snapshot_of(&b);
    let new_parts: Vec<&String> =
        after.keys().filter(|k| k.starts_with("yishi:p:") && !before.contains_key(*k)).collect();
    assert_eq!(new_parts, vec!["yishi:p:2017-05:2"], "only the edited month is written");
    assert_eq!(open(&b).1, db);
}

#[test]
fn a_save_with_nothing_changed_writes_nothing() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut db = small();
    s.save(&mut db).unwrap();
    let before = snapshot_of(&b);
    let rev = s.revision();
    s.save(&mut db).unwrap();
    assert_eq!(snapshot_of(&b), before);
    assert_eq!(s.revision(), rev);
}

#[test]
fn quota_exceeded_leaves_the_previous_state_intact() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut db = small();
    s.save(&mut db).unwrap();
    let used = b.used();
    b.set_quota(Some(used + 2_000));
    let mut bigger = db.clone();
    for m in bigger.meetings.iter_mut().map(Arc::make_mut) {
        m.place = "会".repeat(5_000);
    }
    assert_eq!(s.save(&mut bigger), Err(StorageError::QuotaExceeded));
    assert!(b.used() <= used + 2_000);
    let (_, again, out) = open(&b);
    assert_eq!(out, LoadOutcome::Loaded);
    assert_eq!(again, db, "the last committed state is what loads");
    // Once space is freed, the same tab saves normally.
    b.set_quota(None);
    s.save(&mut bigger).unwrap();
    assert_eq!(open(&b).1, bigger);
}

#[test]
fn a_write_failing_at_any_point_of_a_save_never_tears_the_state() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut db = ten_years(TextKind::Phrases, 2);
    s.save(&mut db).unwrap();
    let mut edited = db.clone();
    edited.org.unit_name = "新名称".into();
    for m in edited.meetings.iter_mut().map(Arc::make_mut) {
        m.place = "新会议室".into();
    }
    let mut failures = 0;
    for n in 0..80 {
        b.fail_sets_after(Some(n));
        match s.save(&mut edited) {
            Ok(()) => break,
            Err(e) => {
                failures += 1;
                assert_eq!(e, StorageError::QuotaExceeded);
                b.fail_sets_after(None);
                let (_, again, out) = open(&b);
                assert_eq!(out, LoadOutcome::Loaded, "after failing at write {n}");
                assert_eq!(again, db, "after failing at write {n}");
            }
        }
    }
    b.fail_sets_after(None);
    assert!(failures > 20, "the save needs many writes, each one was made to fail ({failures})");
    assert_eq!(open(&b).1, edited);
}

#[test]
fn a_write_that_does_not_read_back_is_refused() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut db = small();
    s.save(&mut db).unwrap();
    b.truncate_writes(true);
    let mut edited = db.clone();
    edited.org.superior = "改".into();
    assert!(matches!(s.save(&mut edited), Err(StorageError::Unavailable(_))));
    b.truncate_writes(false);
    assert_eq!(open(&b).1, db);
}

#[test]
fn two_tabs_cannot_overwrite_each_other() {
    let b = MemoryBackend::new();
    let (mut a, _, _) = open(&b);
    let mut db = small();
    a.save(&mut db).unwrap();
    let (mut tab2, db2, _) = open(&b);
    assert_eq!(db2, db);
    let mut from_a = db.clone();
    from_a.org.superior = "A".into();
    a.save(&mut from_a).unwrap();
    let mut from_b = db.clone();
    from_b.org.superior = "B".into();
    assert_eq!(tab2.save(&mut from_b), Err(StorageError::Conflict { stored_rev: 2, our_rev: 1 }));
    assert_eq!(open(&b).1, from_a, "A's save is not lost");
    // The other tab follows A's revision, then saves on top of it.
    let reloaded = tab2.reload_if_changed().unwrap().unwrap();
    assert_eq!(reloaded, from_a);
    assert!(tab2.reload_if_changed().is_none());
    let mut next = reloaded.clone();
    next.org.superior = "B after reload".into();
    tab2.save(&mut next).unwrap();
    assert!(matches!(a.save(&mut from_a), Err(StorageError::Conflict { .. })));
}

#[test]
fn a_tab_that_started_empty_does_not_overwrite_another_tabs_first_save() {
    let b = MemoryBackend::new();
    let (mut a, _, _) = open(&b);
    let (mut tab2, _, _) = open(&b);
    let mut first = small();
    a.save(&mut first).unwrap();
    assert!(matches!(tab2.save(&mut Db::default()), Err(StorageError::Conflict { .. })));
    assert_eq!(open(&b).1, first);
}

#[test]
fn a_damaged_partition_opens_read_only_and_nothing_is_written() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut db = ten_years(TextKind::Phrases, 1);
    s.save(&mut db).unwrap();
    let mut edited = db.clone();
    edited.org.superior = "第二次".into();
    s.save(&mut edited).unwrap();
    // Damage the core partition of the current revision.
    let key = b.raw_keys().into_iter().find(|k| k.starts_with("yishi:p:core:2")).unwrap();
    let raw = b.raw_get(&key).unwrap();
    b.raw_set(&key, &raw.replacen('一', "二", 1).replacen(':', "9:", 1));
    let before = snapshot_of(&b);
    let (mut s2, mut recovered, out) = open(&b);
    assert!(
        matches!(out, LoadOutcome::Recovery { error: StorageError::Corrupt { ref key, .. } } if key.starts_with("yishi:p:core"))
    );
    assert!(s2.is_read_only());
    assert_eq!(recovered, db, "the last good state is shown");
    assert_eq!(s2.save(&mut Db::default()), Err(StorageError::ReadOnly));
    assert_eq!(s2.snapshot(&mut recovered), Err(StorageError::ReadOnly));
    assert_eq!(snapshot_of(&b), before, "nothing written over damaged data");
    let dump: serde_json::Value = serde_json::from_str(&s2.raw_dump()).unwrap();
    assert_eq!(dump["keys"][&key].as_str(), b.raw_get(&key).as_deref());
    // After the download the user may continue with the recovered records.
    s2.force_writable().unwrap();
    s2.save(&mut recovered).unwrap();
    let (_, again, out) = open(&b);
    assert_eq!(out, LoadOutcome::Loaded);
    assert_eq!(again, recovered);
}

#[test]
fn a_garbage_manifest_without_a_previous_state_opens_empty_read_only() {
    let b = MemoryBackend::new();
    b.raw_set("yishi:m", "{not json");
    let (mut s, db, out) = open(&b);
    assert!(matches!(out, LoadOutcome::Recovery { .. }));
    assert_eq!(db, Db::default());
    assert_eq!(s.save(&mut small()), Err(StorageError::ReadOnly));
    assert_eq!(b.raw_get("yishi:m").as_deref(), Some("{not json"));
}

#[test]
fn a_missing_manifest_with_a_previous_one_recovers_the_previous_state() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut db = small();
    s.save(&mut db).unwrap();
    let mut e = db.clone();
    e.org.superior = "x".into();
    s.save(&mut e).unwrap();
    b.raw_remove("yishi:m");
    let (s2, got, out) = open(&b);
    assert!(matches!(out, LoadOutcome::Recovery { .. }));
    assert!(s2.is_read_only());
    assert_eq!(got, db);
}

#[test]
fn the_first_save_after_opening_keeps_the_state_it_opened_readable() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut db = small();
    s.save(&mut db).unwrap();
    drop(s);
    // Opened from storage: the manifest it read becomes the previous one with this save, and
    // the partitions only it names (the edited month's older copy) must outlive the save.
    let (mut s, opened, _) = open(&b);
    let mut e = opened.clone();
    Arc::make_mut(e.meetings.last_mut().unwrap()).place = "第二会议室".into();
    s.save(&mut e).unwrap();
    b.raw_remove("yishi:m");
    let (_, got, out) = open(&b);
    assert!(matches!(out, LoadOutcome::Recovery { .. }), "{out:?}");
    assert_eq!(got, opened);
}

#[test]
fn data_from_a_newer_schema_is_read_only() {
    let b = MemoryBackend::new();
    let newer = r#"{"fmt":"yishi-store","schema":99,"app":"9.0.0","rev":5,"parts":{},"new_field":true}"#;
    b.raw_set("yishi:m", &format!("0000000000000000{newer}"));
    let before = snapshot_of(&b);
    let (mut s, _, out) = open(&b);
    assert_eq!(out, LoadOutcome::NewerSchema { found: 99, supported: 2 });
    assert_eq!(s.save(&mut small()), Err(StorageError::ReadOnly));
    assert!(matches!(s.force_writable(), Err(StorageError::NewerSchema { .. })));
    assert_eq!(snapshot_of(&b), before);
}

#[test]
fn another_tab_saving_newer_schema_data_makes_this_tab_read_only() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    s.save(&mut small()).unwrap();
    b.raw_set("yishi:m", r#"0000000000000000{"fmt":"yishi-store","schema":3,"rev":9,"parts":{}}"#);
    assert_eq!(s.reload_if_changed(), Some(Err(StorageError::NewerSchema { found: 3, supported: 2 })));
    assert!(s.is_read_only());
}

#[test]
fn blocked_storage_is_an_error_not_a_panic() {
    let b = MemoryBackend::new();
    b.block(true);
    let (mut s, db, out) = open(&b);
    assert!(matches!(out, LoadOutcome::Recovery { error: StorageError::Unavailable(_) }));
    assert_eq!(db, Db::default());
    assert!(s.save(&mut small()).is_err());
    assert!(s.pref("lang").is_none());
}

#[test]
fn snapshot_and_one_step_undo() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut before = small();
    s.snapshot(&mut before).unwrap();
    assert!(s.snapshot_taken_at().is_some());
    let mut after = Db::default();
    after.org.unit_name = "导入后".into();
    s.save(&mut after).unwrap();
    s.save(&mut {
        let mut x = after.clone();
        x.org.superior = "再改".into();
        x
    })
    .unwrap();
    // The snapshot's partitions survive garbage collection across saves.
    let restored = s.undo_snapshot().unwrap().unwrap();
    assert_eq!(restored, before);
    assert_eq!(open(&b).1, before);
    assert_eq!(s.undo_snapshot().unwrap(), None, "one step only");
    assert!(s.snapshot_taken_at().is_none());
}

#[test]
fn old_partitions_are_collected_and_the_meter_counts_every_key() {
    let b = MemoryBackend::new();
    b.raw_set("other-app", "xyz");
    let (mut s, _, _) = open(&b);
    let mut db = small();
    for i in 0..6 {
        db.org.superior = format!("第{i}次");
        Arc::make_mut(&mut db.meetings[0]).place = format!("会议室{i}");
        s.save(&mut db).unwrap();
    }
    let parts: Vec<String> = b.raw_keys().into_iter().filter(|k| k.starts_with("yishi:p:")).collect();
    // Each month once, plus last-good copies of core and the edited month.
    let months = parts.iter().filter(|k| !k.contains(":core:")).count();
    assert_eq!(parts.iter().filter(|k| k.contains(":core:")).count(), 2);
    let distinct: std::collections::BTreeSet<&str> = parts.iter().map(|k| k.rsplit_once(':').unwrap().0).collect();
    assert_eq!(distinct.len(), 14, "core + 13 months: {parts:?}");
    assert_eq!(months, 14, "13 months + the last good copy of the edited one: {parts:?}");
    assert_eq!(s.usage().used_chars, b.used());
    assert_eq!(s.usage().quota_chars, 5_234_688);
}

#[test]
fn prefs_round_trip_and_work_read_only() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    assert_eq!(s.pref("lang"), None);
    s.set_pref("lang", "en").unwrap();
    assert_eq!(open(&b).0.pref("lang").as_deref(), Some("en"));
    b.raw_set("yishi:m", "garbage");
    let (mut ro, _, _) = open(&b);
    ro.set_pref("lang", "zh").unwrap();
    assert_eq!(ro.pref("lang").as_deref(), Some("zh"));
}

#[test]
fn error_messages_exist_in_both_languages() {
    let all = [
        StorageError::Unavailable("x".into()),
        StorageError::QuotaExceeded,
        StorageError::Conflict { stored_rev: 3, our_rev: 2 },
        StorageError::Corrupt { key: "k".into(), detail: "d".into() },
        StorageError::NewerSchema { found: 2, supported: 1 },
        StorageError::ReadOnly,
        StorageError::Serialize("s".into()),
        StorageError::Incomplete,
    ];
    for e in all {
        assert!(e.zh().chars().any(|c| c as u32 >= 0x4E00), "{e:?}");
        assert!(e.en().is_ascii() || e.en().contains('’'), "{e:?}");
    }
    assert!(StorageError::QuotaExceeded.zh().contains("未保存"));
    assert!(StorageError::NewerSchema { found: 2, supported: 1 }.zh().contains("更新"));
}

/// `AppState::try_update` changes the data in place and, when a change is refused half-way,
/// asks the store to put the committed records back: that must give exactly the saved data,
/// and must not happen when nothing differs or when the store holds no complete copy.
#[test]
fn a_half_made_change_is_put_back_from_the_committed_copy() {
    let b = MemoryBackend::new();
    let (mut s, mut db, _) = open(&b);
    assert!(!s.can_restore(), "nothing committed yet");
    assert!(!s.restore_saved(&mut db));
    let mut saved = ten_years(TextKind::Phrases, 2);
    s.save(&mut saved).unwrap();
    assert!(s.can_restore());

    // Nothing differs: nothing to put back.
    let mut same = saved.clone();
    assert!(!s.restore_saved(&mut same));
    assert_eq!(same, saved);

    // Changes in an old month, in core and a removed record: all put back, order included.
    let mut half = saved.clone();
    Arc::make_mut(&mut half.meetings[0]).place = "改了一半".into();
    half.org.unit_name.push('X');
    half.items.remove(3);
    half.next_id += 5;
    assert!(s.restore_saved(&mut half));
    assert_eq!(half, saved);

    // After a failed save the committed copy is still the older state, and it is that state
    // that comes back (the caller only restores while memory equals the saved data).
    let mut newer = saved.clone();
    Arc::make_mut(&mut newer.meetings[1]).place = "新会议室".repeat(2_000);
    b.set_quota(Some(b.used() + 100));
    assert_eq!(s.save(&mut newer), Err(StorageError::QuotaExceeded));
    b.set_quota(None);
    let mut broken = newer.clone();
    assert!(s.restore_saved(&mut broken));
    assert_eq!(broken, saved);

    // A reopened store restores what it loaded.
    let (s2, loaded, _) = open(&b);
    assert!(s2.can_restore());
    let mut changed = loaded.clone();
    changed.tasks.clear();
    assert!(s2.restore_saved(&mut changed));
    assert_eq!(changed, loaded);
}

#[test]
fn read_only_stores_never_restore() {
    let b = MemoryBackend::new();
    let (mut s, _, _) = open(&b);
    let mut saved = ten_years(TextKind::Phrases, 1);
    s.save(&mut saved).unwrap();
    // A damaged manifest opens in recovery (read-only): nothing is put back, nothing changes.
    b.raw_set("yishi:m", "garbage");
    let (ro, _, out) = open(&b);
    assert!(matches!(out, LoadOutcome::Recovery { .. }));
    assert!(!ro.can_restore());
    let mut changed = saved.clone();
    changed.org.unit_name.push('Z');
    assert!(!ro.restore_saved(&mut changed));
    assert!(changed.org.unit_name.ends_with('Z'));
}
