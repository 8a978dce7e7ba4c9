//! Every stored record read by Yishi's storage ([`yishi::storage::Store::open_browser`]: all
//! months, checked and parsed as the app reads them), then one line of text mounted with Leptos.
//! Sets the app's two load marks at the same moment, so the bench's scripts read it as the app.
use leptos::prelude::*;

fn mark(name: &str) {
    let Some(w) = web_sys::window() else { return };
    let t = w.performance().map_or(0.0, |p| p.now());
    let _ = js_sys::Reflect::set(&w, &name.into(), &t.into());
}

fn main() {
    let (_store, db, _outcome) = yishi::storage::Store::open_browser();
    let n = db.meetings.len() + db.items.len() + db.tasks.len();
    mount_to_body(move || view! { <p data-testid="records">{n}</p> });
    mark("__YISHI_READY__");
    mark("__YISHI_LOADED__");
}
