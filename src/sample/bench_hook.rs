//! The benchmark hook `window.__YISHI_BENCH__` (`bench/run.mjs`), installed only when
//! the page's query string has `bench` (e.g. `index.html?bench=1#/`), so normal use never sees
//! it. The app calls [`install`] once after providing its state:
//!
//! ```ignore
//! crate::sample::bench_hook::install(state);
//! ```
//!
//! - `importBackup(text)`: the backup import (check, safety snapshot, replace), saved to
//!   localStorage; throws when the file is refused or the save fails.
//! - `exportBackup()`: the backup file's Blob, made as the export's download makes it.
//! - `mergeBackup(text)`: the merge import as the import screen makes it with every conflict's
//!   versions kept (check, plan, safety snapshot, merge), saved.
//! - `editAndSave()`: one small edit made the way the UI makes it (`AppState::update`), which
//!   saves synchronously; throws when the save fails.

use std::sync::Arc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{AppState, SaveState};
use crate::domain::doc::DocId;

/// The import screen's path: parse and check the file, take the safety snapshot of the current
/// data, replace. (The screen also shows a preview first; the bench skips only that.)
fn import_backup(state: &AppState, text: &str) -> Result<(), String> {
    let incoming = crate::backup::parse_backup(text, None).map_err(|e| e.en())?;
    let mut current = state.all_records();
    if let Some(Err(e)) = state.with_store(|s| s.snapshot(&mut current)) {
        return Err(e.en());
    }
    state.replace(crate::backup::apply(&current, incoming, crate::backup::ImportMode::Replace));
    saved(state)
}

/// The import screen's merge: parse and check the file, plan the merge against every record,
/// take the safety snapshot, merge (every conflict's versions kept) and save.
fn merge_backup(state: &AppState, text: &str) -> Result<(), String> {
    let incoming = crate::backup::parse_backup(text, None).map_err(|e| e.en())?;
    let mut current = state.all_records();
    let plan = crate::backup::merge::plan(&current, &incoming);
    if let Some(Err(e)) = state.with_store(|s| s.snapshot(&mut current)) {
        return Err(e.en());
    }
    state.replace(crate::backup::merge::merge(&current, &plan, &Default::default()));
    saved(state)
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
    let Some(w) = web_sys::window() else { return };
    let search = w.location().search().unwrap_or_default();
    if !search.trim_start_matches('?').split('&').any(|kv| kv == "bench" || kv.starts_with("bench=")) {
        return;
    }
    let hook = js_sys::Object::new();
    let import = Closure::<dyn Fn(String)>::new(move |text: String| {
        if let Err(e) = import_backup(&state, &text) {
            wasm_bindgen::throw_str(&e);
        }
    });
    let merge = Closure::<dyn Fn(String)>::new(move |text: String| {
        if let Err(e) = merge_backup(&state, &text) {
            wasm_bindgen::throw_str(&e);
        }
    });
    // The export up to the file the download offers (its Blob), as the Data page makes it
    // (the page writes the file a slice at a time, drawing in between; this in one go).
    let export = Closure::<dyn Fn() -> JsValue>::new(move || {
        let (writer, _) = crate::pages::data::backup_writer(&state, crate::pages::data::now());
        let bytes = writer.finish();
        match crate::pages::data::json_blob(&bytes) {
            Ok(blob) => blob.into(),
            Err(e) => wasm_bindgen::throw_str(&e),
        }
    });
    let edit = Closure::<dyn Fn()>::new(move || {
        state.update_docs(|db| {
            // Toggle a trailing 。 on the newest item's materials (or the unit's superior).
            let (text, doc) = match db.items.last_mut().map(Arc::make_mut) {
                Some(item) => (&mut item.materials, DocId::Item(item.id)),
                None => (&mut db.org.superior, DocId::Settings),
            };
            if text.ends_with("。。") {
                text.pop();
            } else {
                text.push('。');
            }
            vec![doc]
        });
        if let Err(e) = saved(&state) {
            wasm_bindgen::throw_str(&e);
        }
    });
    for (name, f) in [
        ("importBackup", import.as_ref().unchecked_ref::<js_sys::Function>()),
        ("exportBackup", export.as_ref().unchecked_ref()),
        ("editAndSave", edit.as_ref().unchecked_ref()),
        ("mergeBackup", merge.as_ref().unchecked_ref()),
    ] {
        let _ = js_sys::Reflect::set(&hook, &name.into(), f);
    }
    import.forget();
    export.forget();
    edit.forget();
    merge.forget();
    let _ = js_sys::Reflect::set(&w, &"__YISHI_BENCH__".into(), &hook);
}
