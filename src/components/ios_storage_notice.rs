//! iPad and iPhone: what WebKit's storage rules mean for the records. Every browser on iOS and
//! iPadOS is WebKit, and WebKit deletes a site's script-writable storage (localStorage with all
//! of Yishi's records) after 7 days of browser use without a visit to the site, unless the site
//! is opened as a home-screen web app, which keeps its own storage apart from Safari's.
//!
//! [`IosStorageNotice`] (首页 and 数据, in Safari) says so and recommends 添加到主屏幕;
//! [`IosSendBackReminder`] (after a meeting, in Safari or from the home screen) asks for the
//! meeting to be sent back to the office PC, since the tablet's copy is the only one.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::app::use_app;
use crate::i18n::Text;

/// Texts of the iOS notices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ios {
    Eviction,
    AddToHomeScreen,
    SeparateStorage,
    SendBack,
}

impl Text for Ios {
    fn zh(self) -> &'static str {
        match self {
            Ios::Eviction => "在 iPad 和 iPhone 上，如果连续 7 天使用浏览器而没有打开议事，浏览器会删除议事保存在本设备上的全部记录。",
            Ios::AddToHomeScreen => "建议添加到主屏幕：点按 Safari 的“共享”按钮，选择“添加到主屏幕”，以后从主屏幕上的“议事”图标打开，记录不会这样被删除。",
            Ios::SeparateStorage => "主屏幕上的议事与 Safari 中的议事数据互不相通：添加后请先在这里导出备份，再在主屏幕的议事中导入。",
            Ios::SendBack => "本次会议的记录只保存在这台 iPad（iPhone）上：会后请导出会议包或备份文件，发回办公室电脑导入。",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Ios::Eviction => "On an iPad or iPhone, after 7 days of browser use without opening Yishi, the browser deletes every record Yishi keeps on this device.",
            Ios::AddToHomeScreen => "Add it to the Home Screen: tap Safari's Share button, choose Add to Home Screen, and from then on open Yishi from its icon there; its records are not deleted this way.",
            Ios::SeparateStorage => "Yishi on the Home Screen does not share its data with Yishi in Safari: after adding it, export a backup here and import it there.",
            Ios::SendBack => "This meeting's record is kept only on this iPad (iPhone): after the meeting, export the meeting package or a backup and send it back to the office PC to import.",
        }
    }
}

/// iPhone, iPod touch or iPad. iPadOS 13 and later present themselves as a Mac ("MacIntel")
/// and are told apart by their touch screen (no Mac has one).
pub fn is_ios(user_agent: &str, platform: &str, max_touch_points: u32) -> bool {
    ["iPhone", "iPad", "iPod"].iter().any(|d| user_agent.contains(d))
        || (platform == "MacIntel" && max_touch_points > 1)
}

/// A property of `navigator`, if it is there.
fn navigator_prop(name: &str) -> JsValue {
    let Some(w) = web_sys::window() else { return JsValue::UNDEFINED };
    let nav = js_sys::Reflect::get(&w, &"navigator".into()).unwrap_or(JsValue::UNDEFINED);
    js_sys::Reflect::get(&nav, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// This page runs in WebKit on iOS or iPadOS.
fn on_ios() -> bool {
    let text = |k: &str| navigator_prop(k).as_string().unwrap_or_default();
    let touch = navigator_prop("maxTouchPoints").as_f64().unwrap_or(0.0) as u32;
    is_ios(&text("userAgent"), &text("platform"), touch)
}

/// Opened from the home screen: iOS sets `navigator.standalone` for a home-screen web app.
fn from_home_screen() -> bool {
    navigator_prop("standalone").as_bool().unwrap_or(false)
}

/// On 首页 and 数据 in Safari on iOS/iPadOS: the 7-day deletion, and 添加到主屏幕. Nothing
/// elsewhere, nor when opened from the home screen.
#[component]
pub fn IosStorageNotice() -> impl IntoView {
    let state = use_app();
    (on_ios() && !from_home_screen()).then(|| {
        view! {
            <div class="card banner-warn" role="note" data-testid="ios-storage-notice">
                <p><strong>{state.tr(Ios::Eviction)}</strong></p>
                <p>{state.tr(Ios::AddToHomeScreen)}</p>
                <p class="muted">{state.tr(Ios::SeparateStorage)}</p>
            </div>
        }
    })
}

/// After a meeting on iOS/iPadOS (in Safari or from the home screen): send the meeting back.
/// Shown under the backup reminder, whose button opens the export.
#[component]
pub fn IosSendBackReminder() -> impl IntoView {
    let state = use_app();
    on_ios().then(|| {
        view! {
            <p class="backup-reminder stale no-print" data-testid="ios-send-back">{state.tr(Ios::SendBack)}</p>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::is_ios;

    #[test]
    fn iphone_ipad_and_ipados_desktop_mode_are_ios() {
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        let ipad_old = "Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1";
        // iPadOS 13+ in Safari's default (desktop) mode: a Mac's user agent, with a touch screen.
        let ipad_desktop = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
        let chrome_ios = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1";
        assert!(is_ios(iphone, "iPhone", 5));
        assert!(is_ios(ipad_old, "iPad", 5));
        assert!(is_ios(ipad_desktop, "MacIntel", 5));
        assert!(is_ios(chrome_ios, "iPad", 5), "every iOS browser is WebKit");
    }

    #[test]
    fn macs_windows_linux_and_android_are_not() {
        let mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
        let android = "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
        let windows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
        let webkitgtk =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15";
        assert!(!is_ios(mac, "MacIntel", 0), "a Mac has no touch screen");
        assert!(!is_ios(android, "Linux armv8l", 10));
        assert!(!is_ios(windows, "Win32", 10));
        assert!(!is_ios(webkitgtk, "Linux x86_64", 0), "WebKit elsewhere keeps its storage");
    }
}
