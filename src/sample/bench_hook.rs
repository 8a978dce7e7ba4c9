//! The benchmark hook `window.__YISHI_BENCH__` (issue 7, `bench/run.mjs`), installed only when
//! the page's query string has `bench` (e.g. `index.html?bench=1#/`), so normal use never sees
//! it. The app calls [`install`] once after providing its state:
//!
//! ```ignore
//! crate::sample::bench_hook::install(state);
//! ```
//!
//! - `importBackup(text)`: the backup import (replace), saved to localStorage; throws when the
//!   text is refused or the save fails.
//! - `exportBackup()`: the backup text, as the export would download it.
//! - `editAndSave()`: one small edit made the way the UI makes it (`AppState::update`), which
//!   saves synchronously; throws when the save fails.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{AppState, SaveState};
use crate::domain::db::Db;

/// TODO(lead): switch to the backup module's import (`crate::backup`) once it is on main, so
/// the bench measures the real path (validation, migration, safety snapshot).
fn import_backup(text: &str) -> Result<Db, String> {
    serde_json::from_str::<Db>(text).map_err(|e| e.to_string())
}

/// TODO(lead): switch to `crate::backup::export_json(&db, now)` once it is on main.
fn export_backup(db: &Db) -> String {
    serde_json::to_string(db).unwrap_or_default()
}

fn saved(state: &AppState) -> Result<(), String> {
    use leptos::prelude::*;
    match state.save_state.get_untracked() {
        SaveState::Saved => Ok(()),
        SaveState::Unsaved(e) | SaveState::ReadOnly(e) => Err(e.en()),
    }
}

/// Install `window.__YISHI_BENCH__` when the URL asks for it.
pub fn install(state: AppState) {
    use leptos::prelude::*;
    let Some(w) = web_sys::window() else { return };
    let search = w.location().search().unwrap_or_default();
    if !search.trim_start_matches('?').split('&').any(|kv| kv == "bench" || kv.starts_with("bench=")) {
        return;
    }
    let hook = js_sys::Object::new();
    let import = Closure::<dyn Fn(String)>::new(move |text: String| {
        let result = import_backup(&text).and_then(|db| {
            state.replace(db);
            saved(&state)
        });
        if let Err(e) = result {
            wasm_bindgen::throw_str(&e);
        }
    });
    let export = Closure::<dyn Fn() -> String>::new(move || state.db.with_untracked(export_backup));
    let edit = Closure::<dyn Fn()>::new(move || {
        state.update(|db| {
            // Toggle a trailing 。 on the newest item's materials (or the unit's superior).
            let text = match db.items.last_mut() {
                Some(item) => &mut item.materials,
                None => &mut db.org.superior,
            };
            if text.ends_with("。。") {
                text.pop();
            } else {
                text.push('。');
            }
        });
        if let Err(e) = saved(&state) {
            wasm_bindgen::throw_str(&e);
        }
    });
    for (name, f) in [
        ("importBackup", import.as_ref().unchecked_ref::<js_sys::Function>()),
        ("exportBackup", export.as_ref().unchecked_ref()),
        ("editAndSave", edit.as_ref().unchecked_ref()),
    ] {
        let _ = js_sys::Reflect::set(&hook, &name.into(), f);
    }
    import.forget();
    export.forget();
    edit.forget();
    let _ = js_sys::Reflect::set(&w, &"__YISHI_BENCH__".into(), &hook);
}
