//! Yishi (议事): a Party group's meetings, votes, minutes, follow-up and duties, run by the
//! rules of the 党组工作规则, fully in the browser.
//!
//! Layers: [`domain`] (pure rules and records), [`storage`] (the only code that touches
//! localStorage) and the UI ([`app`] and its keyed store [`records`], [`pages`], [`components`],
//! [`i18n`], [`router`]).
//! [`canonical`] writes the canonical JSON that backups checksum, stored partitions hold and
//! record revisions digest.

pub mod app;
pub mod backup;
pub mod canonical;
pub mod components;
pub mod domain;
pub mod i18n;
pub mod office;
pub mod pages;
pub mod records;
pub mod router;
pub mod sample;
pub mod storage;

pub use app::App;

/// Mount the app and mark it ready for tests and benchmarks (`window.__YISHI_READY__`).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    install_panic_boundary();
    leptos::mount::mount_to_body(App);
    app::set_marker("__YISHI_READY__", app::page_ms());
}

/// The top-level boundary: an unexpected failure (a bug) replaces nothing and loses nothing that
/// was saved, but tells the user plainly what to do instead of leaving a frozen page. Errors a
/// user can fix never reach this: they are shown inline beside the input.
#[cfg(target_arch = "wasm32")]
fn install_panic_boundary() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Yishi: {info}").into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(el) = doc.create_element("div") else { return };
        el.set_class_name("banner banner-bad fatal");
        el.set_attribute("role", "alert").ok();
        el.set_text_content(Some(
            "程序出现意外错误。已保存的数据不受影响；请刷新页面后继续，必要时在“数据”页导出备份。\
             An unexpected error occurred. Saved data is not affected: reload the page to continue.",
        ));
        if let Some(body) = doc.body() {
            let _ = body.prepend_with_node_1(&el);
        }
    }));
}
