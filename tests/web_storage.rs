//! The real localStorage backend in headless Chromium: quota filled, a corrupt value, data of a
//! newer schema, two stores on one origin, quota errors classified, and the keys listed for the
//! collection of old partitions and the usage meter. Run by `./dev test`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use yishi::domain::db::Db;
use yishi::storage::{LoadOutcome, StorageError, Store};

wasm_bindgen_test_configure!(run_in_browser);

fn ls() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear() {
    ls().clear().unwrap();
}

fn sample() -> Db {
    let mut db = Db::default();
    db.org.unit_name = "昌吉州交通运输局 𠮷😀 <b>x</b>".into();
    db.org.superior = "中共昌吉州委员会".into();
    db.next_id = 1;
    db
}

#[wasm_bindgen_test]
fn save_and_reopen_round_trips_chinese_text() {
    clear();
    let (mut s, db, out) = Store::open_browser();
    assert_eq!(out, LoadOutcome::Empty);
    assert_eq!(db, Db::default());
    let mut saved = sample();
    s.save(&mut saved).unwrap();
    let (_, again, out) = Store::open_browser();
    assert_eq!(out, LoadOutcome::Loaded);
    assert_eq!(again, saved);
    assert!(ls().get_item("yishi:m").unwrap().is_some());
    clear();
}

#[wasm_bindgen_test]
fn a_full_storage_refuses_the_save_and_keeps_the_previous_state() {
    clear();
    let (mut s, _, _) = Store::open_browser();
    let mut saved = sample();
    s.save(&mut saved).unwrap();
    // Fill the quota with filler keys (the WPT way), leaving almost nothing free.
    let chunk = "x".repeat(256 * 1024);
    let mut i = 0;
    while ls().set_item(&format!("filler:{i}"), &chunk).is_ok() {
        i += 1;
        assert!(i < 200, "the quota should be reached");
    }
    let small = "y".repeat(1024);
    let mut j = 0;
    while ls().set_item(&format!("fill2:{j}"), &small).is_ok() {
        j += 1;
    }
    let mut big = sample();
    big.org.superior = "满".repeat(20_000);
    assert_eq!(s.save(&mut big), Err(StorageError::QuotaExceeded));
    let (_, again, out) = Store::open_browser();
    assert_eq!(out, LoadOutcome::Loaded);
    assert_eq!(again, saved);
    clear();
}

#[wasm_bindgen_test]
fn a_corrupt_value_opens_read_only_and_is_not_overwritten() {
    clear();
    ls().set_item("yishi:m", "{garbage").unwrap();
    let (mut s, _, out) = Store::open_browser();
    assert!(matches!(out, LoadOutcome::Recovery { .. }), "{out:?}");
    assert_eq!(s.save(&mut sample()), Err(StorageError::ReadOnly));
    assert_eq!(ls().get_item("yishi:m").unwrap().as_deref(), Some("{garbage"));
    assert!(s.raw_dump().contains("{garbage"));
    clear();
}

#[wasm_bindgen_test]
fn newer_schema_data_is_read_only() {
    clear();
    ls().set_item("yishi:m", r#"0000000000000000{"fmt":"yishi-store","schema":42,"rev":3,"parts":{}}"#).unwrap();
    let (mut s, _, out) = Store::open_browser();
    assert_eq!(out, LoadOutcome::NewerSchema { found: 42, supported: 2 });
    assert_eq!(s.save(&mut sample()), Err(StorageError::ReadOnly));
    clear();
}

#[wasm_bindgen_test]
fn two_stores_on_one_origin_compare_and_swap() {
    clear();
    let (mut a, _, _) = Store::open_browser();
    a.save(&mut sample()).unwrap();
    let (mut b, _, _) = Store::open_browser();
    let mut x = sample();
    x.org.superior = "A".into();
    a.save(&mut x).unwrap();
    assert!(matches!(b.save(&mut sample()), Err(StorageError::Conflict { .. })));
    assert_eq!(b.reload_if_changed(), Some(Ok(x)));
    clear();
}

#[wasm_bindgen_test]
fn old_partitions_are_collected_and_keys_named_like_storage_members_are_counted() {
    clear();
    let (mut s, _, _) = Store::open_browser();
    let mut db = sample();
    for name in ["A", "B", "C", "D"] {
        db.org.superior = name.into();
        s.save(&mut db).unwrap();
    }
    // The current and the previous core are kept; the older ones were collected.
    let keys: Vec<String> = (0..ls().length().unwrap()).filter_map(|i| ls().key(i).unwrap()).collect();
    assert_eq!(keys.iter().filter(|k| k.starts_with("yishi:p:core")).count(), 2, "{keys:?}");
    // Another app's key named like a member of Storage ("length") is hidden from
    // `Object.keys(localStorage)` but takes space all the same.
    s.measure_again();
    let before = s.usage().used_chars;
    ls().set_item("length", &"x".repeat(1000)).unwrap();
    s.measure_again();
    assert!(s.usage().used_chars >= before + 1000);
    clear();
}
