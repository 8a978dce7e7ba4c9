//! Files the data page writes: backups, archives and the raw dump, offered as downloads.

use chrono::{NaiveDate, NaiveDateTime};
use wasm_bindgen::JsCast;

use crate::app::AppState;
use crate::backup;

/// The browser's local time now.
pub(crate) fn now() -> NaiveDateTime {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .and_then(|day| day.and_hms_opt(d.get_hours(), d.get_minutes(), d.get_seconds()))
        .unwrap_or_default()
}

/// The backup file of every record, stamped `at`, and its name: what the export downloads
/// (the bench hook measures the same). Written from the records in place (a copy of ten years
/// of them is milliseconds more), into a buffer reserved for the size the storage layer knows.
pub(crate) fn backup_file(state: &AppState, at: NaiveDateTime) -> (Vec<u8>, String) {
    let expected = state.with_store(|s| s.records_text_len()).unwrap_or(0);
    state.with_all_records(|db| (backup::export_bytes(db, at, expected), backup::file_name(&db.org.unit_name, at)))
}

/// A JSON file's Blob, made from its UTF-8 bytes: turning the text into a JavaScript
/// string first, which the Blob then encodes back to UTF-8, was much of an export's time. The
/// Blob copies the bytes straight out of the module's memory (no copy into a JavaScript array
/// first).
pub(crate) fn json_blob(bytes: &[u8]) -> Result<web_sys::Blob, String> {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json;charset=utf-8");
    let parts = js_sys::Array::new();
    // SAFETY: the view is only read by the Blob constructor, which copies it before it
    // returns; nothing is allocated between making the view and that (an allocation could
    // grow the module's memory, which detaches every view of it).
    let blob = unsafe {
        let view = js_sys::Uint8Array::view(bytes);
        parts.push(&view);
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
    };
    blob.map_err(|_| "Blob".to_string())
}

/// Offer `text` as a file download (Blob + object URL; nothing leaves the page).
pub(crate) fn download(name: &str, text: &str) -> Result<(), String> {
    download_bytes(name, text.as_bytes())
}

/// Offer UTF-8 JSON `bytes` as a file download.
pub(crate) fn download_bytes(name: &str, bytes: &[u8]) -> Result<(), String> {
    let blob = json_blob(bytes)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "URL".to_string())?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(|_| "a")?.dyn_into().map_err(|_| "a")?;
    a.set_href(&url);
    a.set_download(name);
    let _ = doc.body().map(|b| b.append_child(&a));
    a.click();
    a.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

pub(crate) fn page_address() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}
