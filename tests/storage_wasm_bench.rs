//! Timings of the storage and backup layers inside WebAssembly (node, the app's release
//! profile), with the ten-year reference data set on the in-memory backend. Figures, not
//! assertions; native builds compile nothing here. Run:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --release
//!  --target wasm32-unknown-unknown --test storage_wasm_bench -- --nocapture`
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yishi::backup::{apply, export_json, parse_backup, ImportMode};
use yishi::storage::{MemoryBackend, Store};

fn now() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).unwrap();
    let f: js_sys::Function = js_sys::Reflect::get(&perf, &"now".into()).unwrap().unchecked_into();
    f.call0(&perf).unwrap().as_f64().unwrap()
}

fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut xs: Vec<f64> = (0..runs)
        .map(|_| {
            let t = now();
            std::hint::black_box(f());
            now() - t
        })
        .collect();
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    xs[runs / 2]
}

fn toggle(text: &mut String) {
    if text.ends_with("。。") {
        text.pop();
    } else {
        text.push('。');
    }
}

#[wasm_bindgen_test]
fn storage_and_backup_timings_in_wasm() {
    let mut db = yishi::sample::reference::reference_db(yishi::sample::reference::DEFAULT_SEED);
    let b = MemoryBackend::new();
    Store::open(Box::new(b.clone())).0.save(&mut db).unwrap();
    let load = median(5, || Store::open(Box::new(b.clone())));
    let (mut s, mut w, _) = Store::open(Box::new(b.clone()));
    let same = median(11, || s.save(&mut w).unwrap());
    let edit = median(21, || {
        toggle(&mut std::sync::Arc::make_mut(w.items.last_mut().unwrap()).materials);
        s.save(&mut w).unwrap()
    });
    let eq = median(11, || w == db);
    let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(18, 0, 0).unwrap();
    let export = median(5, || export_json(&db, at));
    let plain = median(5, || serde_json::to_string(&db).unwrap());
    let text = export_json(&db, at);
    let sha = median(5, || yishi::storage::codec::sha256_hex(text.as_bytes()));
    let canon = median(5, || yishi::storage::canonical::to_vec(&db).unwrap());
    let from_str = median(5, || {
        serde_json::from_str::<yishi::domain::db::Db>(&text[text.find("\"data\": ").unwrap() + 8..text.len() - 2])
            .unwrap()
    });
    let parse = median(5, || parse_backup(&text, None).unwrap());
    let import = median(3, || {
        let b = MemoryBackend::new();
        let (mut s, mut current, _) = Store::open(Box::new(b.clone()));
        let incoming = parse_backup(&text, None).unwrap();
        s.snapshot(&mut current).unwrap();
        s.save(&mut apply(&current, incoming, ImportMode::Replace)).unwrap();
    });
    console_log!(
        "wasm: load {load:.1} ms; save unchanged {same:.1} ms; save after a small edit {edit:.1} ms; Db == Db {eq:.1} ms; export {export:.1} ms (plain to_string {plain:.1} ms); parse_backup {parse:.1} ms; sha256 of the file {sha:.1} ms; canonical text {canon:.1} ms; Db from_str {from_str:.1} ms; import parse+replace+save {import:.1} ms"
    );
}
