//! Browser smoke tests (wasm-bindgen-test in headless Chromium; run by `./dev test`).
//! Browser tests live in `tests/web_*.rs`; each starts with the two lines below.
#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Note {
    title: String,
    lines: Vec<String>,
}

#[wasm_bindgen_test]
fn local_storage_round_trips_chinese_text() {
    let key = "yishi-web-smoke:note";
    let note = Note {
        title: "党组会议 第十八条".to_string(),
        lines: vec!["“三重一大”事项集体讨论决定".to_string(), "emoji 🏛 and <img src=x onerror=alert(1)>".to_string()],
    };
    LocalStorage::set(key, &note).expect("set");
    // What the browser holds is JSON with the characters themselves, not mangled.
    let raw = LocalStorage::raw().get_item(key).unwrap().expect("stored");
    assert!(raw.contains("第十八条"), "raw value: {raw}");
    let back: Note = LocalStorage::get(key).expect("get");
    assert_eq!(back, note);
    LocalStorage::delete(key);
    assert!(LocalStorage::get::<Note>(key).is_err(), "deleted key must be gone");
}

#[wasm_bindgen_test]
fn corrupt_value_is_a_serde_error_not_missing() {
    let key = "yishi-web-smoke:corrupt";
    LocalStorage::raw().set_item(key, "{not json").unwrap();
    match LocalStorage::get::<Note>(key) {
        Err(gloo_storage::errors::StorageError::SerdeError(_)) => {}
        other => panic!("expected SerdeError, got {other:?}"),
    }
    LocalStorage::delete(key);
    match LocalStorage::get::<Note>(key) {
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => {}
        other => panic!("expected KeyNotFound, got {other:?}"),
    }
}
