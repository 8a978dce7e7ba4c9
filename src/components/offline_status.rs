//! Offline status: whether the service worker keeps the app working offline, why not (plain
//! http, file://), the single-file build, and a new version waiting (applied only on request
//! and only when everything is saved — an update never reloads over unsaved work).
//!
//! The service worker is registered by `tools/sw-register.js`, which publishes
//! `window.__YISHI_OFFLINE__ = { status, reason, applyUpdate() }` and fires `yishi-offline`.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::app::{use_app, SaveState};
use crate::i18n::phrases::OfflineText as O;

/// What the page knows about offline use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Offline {
    /// Works offline (service worker active).
    Ready,
    /// Being installed.
    Installing,
    /// A new version is waiting.
    UpdateReady,
    /// Running as the single file `yishi.html` from disk.
    SingleFile,
    /// Not available, with the reason given by sw-register.js.
    Unavailable(String),
}

fn read() -> Offline {
    let Some(w) = web_sys::window() else { return Offline::Unavailable(String::new()) };
    let single =
        js_sys::Reflect::get(&w, &"__YISHI_SINGLE_FILE__".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
    if single {
        return Offline::SingleFile;
    }
    let state = js_sys::Reflect::get(&w, &"__YISHI_OFFLINE__".into()).unwrap_or(JsValue::UNDEFINED);
    let field = |k: &str| js_sys::Reflect::get(&state, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    match field("status").as_str() {
        "ready" => Offline::Ready,
        "installing" => Offline::Installing,
        "update-ready" => Offline::UpdateReady,
        _ => Offline::Unavailable(field("reason")),
    }
}

fn apply_update() {
    if let Some(w) = web_sys::window() {
        let state = js_sys::Reflect::get(&w, &"__YISHI_OFFLINE__".into()).unwrap_or(JsValue::UNDEFINED);
        if let Ok(f) = js_sys::Reflect::get(&state, &"applyUpdate".into()) {
            if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
                let _ = f.call0(&state);
            }
        }
    }
}

/// A one-line offline status with the action that fits it.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let state = use_app();
    let status = RwSignal::new(read());
    let _ = window_event_listener(leptos::ev::Custom::<leptos::ev::Event>::new("yishi-offline"), move |_| {
        status.set(read())
    });
    let saved = move || matches!(state.save_state.get(), SaveState::Saved);
    view! {
        <p class="notice offline-status" data-testid="offline-status">
            {move || match status.get() {
                Offline::Ready => state.t(O::Ready).into_any(),
                Offline::Installing => state.t(O::Installing).into_any(),
                Offline::SingleFile => state.t(O::SingleFile).into_any(),
                Offline::UpdateReady => view! {
                    <span>{state.tr(O::UpdateAvailable)}</span>
                    " "
                    <button type="button" class="btn btn-small" data-testid="apply-update"
                        disabled=move || !saved()
                        title=move || if saved() { "" } else { state.t(O::UpdateBlockedByUnsaved) }
                        on:click=move |_| if saved() { apply_update() }>
                        {state.tr(O::UpdateAndReopen)}
                    </button>
                }.into_any(),
                Offline::Unavailable(reason) => {
                    let text = match reason.as_str() {
                        "insecure" => O::Insecure,
                        "file" => O::FromFile,
                        _ => O::Unsupported,
                    };
                    state.t(text).into_any()
                }
            }}
            {move || state.persisted.get().map(|p| state.t(if p { O::Persisted } else { O::NotPersisted }))}
        </p>
    }
}
