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

/// The backup file of every record, stamped `at`, ready to be written, and its name: the
/// export writes it a slice at a time ([`backup_file_in_slices`]), the bench hook in one go.
/// The writer's buffer is reserved for the size the storage layer knows.
pub(crate) fn backup_writer(state: &AppState, at: NaiveDateTime) -> (backup::FileWriter, String) {
    let expected = state.with_store(|s| s.records_text_len()).unwrap_or(0);
    state.with_all_records(|db| (backup::export_writer(db, at, expected), backup::file_name(&db.org.unit_name, at)))
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

/// A moment (ms since the epoch) in the browser's local time, `2026-01-20 14:05`.
pub(crate) fn local_time(ms: u64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Let the browser run its other tasks (drawing, input) before going on: a step that takes
/// long runs in slices with one of these between them.
pub(crate) async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The time a slice of a long step may take before it yields, in milliseconds: well under a
/// frame at any CPU speed, since it is measured rather than counted in rounds.
const SLICE_MS: f64 = 8.0;

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or_else(js_sys::Date::now)
}

/// Run a long step a slice at a time: `batch` does a little of it and says whether it is
/// done and its share done (0–100); between slices the page yields to the browser and
/// reports the share to `progress`.
pub(crate) async fn in_slices(mut batch: impl FnMut() -> (bool, u32), progress: &dyn Fn(u32)) {
    loop {
        let start = now_ms();
        let (done, pct) = loop {
            let (done, pct) = batch();
            if done || now_ms() - start >= SLICE_MS {
                break (done, pct);
            }
        };
        if done {
            return;
        }
        progress(pct);
        yield_to_browser().await;
    }
}

/// Derive a backup key a slice at a time (see [`in_slices`]).
pub(crate) async fn derive_in_slices(kdf: &mut backup::KeyDerivation, progress: &dyn Fn(u32)) {
    // Rounds between clock reads: a clock read costs far more than one round.
    const BATCH: u32 = 500;
    in_slices(
        || {
            let done = kdf.step(BATCH);
            let (d, total) = kdf.progress();
            (done, (d as u64 * 100 / total.max(1) as u64) as u32)
        },
        progress,
    )
    .await;
}

/// The backup file of every record, stamped `at`, and its name, written a slice at a time
/// (see [`in_slices`]), the page drawing between slices.
pub(crate) async fn backup_file_in_slices(
    state: &AppState,
    at: NaiveDateTime,
    progress: &dyn Fn(u32),
) -> (Vec<u8>, String) {
    // Records between clock reads.
    const BATCH: usize = 16;
    let (mut writer, name) = backup_writer(state, at);
    in_slices(
        || {
            let done = writer.step(BATCH);
            let (d, total) = writer.progress();
            (done, (d * 100 / total.max(1)) as u32)
        },
        progress,
    )
    .await;
    (writer.finish(), name)
}

/// Bytes sealed or opened between clock reads.
pub(crate) const CRYPT_BATCH: usize = 48 * 1024;

/// Seal a backup file a slice at a time (see [`in_slices`]).
pub(crate) async fn seal_in_slices(job: &mut backup::SealJob, progress: &dyn Fn(u32)) {
    in_slices(|| (job.step(CRYPT_BATCH), job.percent()), progress).await;
}
