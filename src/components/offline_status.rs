//! Offline status: whether the service worker keeps the app working offline, why not (plain
//! http, file://), the single-file build, and a new version waiting (applied only on request
//! and only when everything is saved — an update never reloads over unsaved work).
//!
//! The service worker is registered by `tools/sw-register.js`, which publishes
//! `window.__YISHI_OFFLINE__ = { status, reason, applyUpdate() }` and fires `yishi-offline`.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::app::{use_app, SaveState};
use crate::i18n::Lang;

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
    let zh = move || state.lang.get() == Lang::Zh;
    let saved = move || matches!(state.save_state.get(), SaveState::Saved);
    view! {
        <p class="notice offline-status" data-testid="offline-status">
            {move || match status.get() {
                Offline::Ready => (if zh() { "已可离线使用：断网后刷新本页仍可打开。" } else { "Works offline: this page reopens without the network." }).into_any(),
                Offline::Installing => (if zh() { "正在准备离线使用……" } else { "Preparing offline use…" }).into_any(),
                Offline::SingleFile => (if zh() {
                    "单文件版（yishi.html）：数据保存在本浏览器的本地文件存储中，与网址版互不相通；请定期导出备份。"
                } else {
                    "Single-file edition (yishi.html): data is kept in this browser's storage for local files, separate from the web address; export backups regularly."
                }).into_any(),
                Offline::UpdateReady => view! {
                    <span>{move || if zh() { "有新版本可用。" } else { "A new version is available." }}</span>
                    " "
                    <button type="button" class="btn btn-small" data-testid="apply-update"
                        disabled=move || !saved()
                        title=move || if saved() { "" } else if zh() { "有未保存的修改，暂不能更新" } else { "Unsaved changes: update later" }
                        on:click=move |_| if saved() { apply_update() }>
                        {move || if zh() { "更新并重新打开" } else { "Update and reopen" }}
                    </button>
                }.into_any(),
                Offline::Unavailable(reason) => {
                    let text = match (reason.as_str(), zh()) {
                        ("insecure", true) => "离线缓存不可用（需要 https 或本机地址）。需要离线使用时，请使用单文件版 yishi.html。",
                        ("insecure", false) => "Offline caching is unavailable here (it needs https or localhost). For offline use, take the single file yishi.html.",
                        ("file", true) => "从本地文件打开：请使用单文件版 yishi.html。",
                        ("file", false) => "Opened from a local file: use the single file yishi.html.",
                        (_, true) => "此浏览器或地址不支持离线缓存。",
                        (_, false) => "Offline caching is not available in this browser or at this address.",
                    };
                    text.into_any()
                }
            }}
            {move || state.persisted.get().map(|p| match (p, zh()) {
                (true, true) => " 浏览器已同意长期保存本站数据。",
                (true, false) => " The browser keeps this site's data persistently.",
                (false, true) => " 浏览器未同意长期保存本站数据，存储紧张时可能被清除：请定期备份。",
                (false, false) => " The browser did not grant persistent storage; data may be evicted under pressure: back up regularly.",
            })}
        </p>
    }
}
