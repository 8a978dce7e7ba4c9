//! Yishi (议事): a Party group's meetings, votes, minutes, follow-up and duties, run by the
//! rules of the 党组工作规则, fully in the browser.
//!
//! Layers: [`domain`] (pure rules and records), [`storage`] (the only code that touches
//! localStorage) and the UI ([`app`], [`pages`], [`components`], [`i18n`], [`router`]).

pub mod app;
pub mod components;
pub mod domain;
pub mod i18n;
pub mod pages;
pub mod router;
pub mod sample;
pub mod storage;

pub use app::App;

/// Mount the app and mark it ready for tests and benchmarks (`window.__YISHI_READY__`).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    leptos::mount::mount_to_body(App);
    if let Some(w) = web_sys::window() {
        let now = w.performance().map(|p| p.now()).unwrap_or(0.0);
        let _ = js_sys::Reflect::set(&w, &"__YISHI_READY__".into(), &now.into());
    }
}
