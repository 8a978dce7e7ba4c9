//! The exporter worker as the app starts and calls it. The exporter (src/bin/exporter.rs) is a
//! wasm of its own holding docx-rs and rust_xlsxwriter; it is started on the first request
//! only, then kept for the next ones. Where it comes from depends on how the app was opened,
//! and `tools/postbuild.mjs` writes what tells:
//! - served (dist/index.html): `<meta name="yishi-exporter" content="JS WASM">` names its two
//!   built files; the worker starts from the JS file (the service worker precaches both);
//! - the single file dist/yishi.html (file://): the JS and the wasm are embedded as base64 in
//!   `#yishi-exporter-js` and `#yishi-exporter-wasm`; the worker starts from a `blob:` URL.
//!
//! Either way the worker's first message is the wasm (its URL, or its bytes), and it answers
//! `{ready}` or `{error}`; then each request is a JSON [`crate::office::Request`], answered
//! `{mime, bytes}` or `{error}`. The bytes stay a JavaScript array: they never enter this wasm.

use std::cell::{Cell, RefCell};

use base64::Engine;
use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};

use crate::i18n::office::OfficeText as T;
use crate::i18n::{Lang, Localized, Text};

/// Why no file came.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// This build has no exporter (the development server builds the app alone).
    Unavailable,
    /// Another file is being made.
    Busy,
    /// The worker did not start (what the browser said).
    Start(String),
    /// The worker could not make the file (what it said).
    Render(String),
    /// The record to export is not there (a meeting without a 纪要).
    NoRecord,
    /// The file was made but not offered as a download (what the browser said).
    Save(String),
}

impl Localized for ExportError {
    fn text(&self, lang: Lang) -> String {
        let (key, detail) = match self {
            ExportError::Unavailable => (T::ErrUnavailable, ""),
            ExportError::Busy => (T::ErrBusy, ""),
            ExportError::Start(d) => (T::ErrStart, d.as_str()),
            ExportError::Render(d) => (T::ErrRender, d.as_str()),
            ExportError::NoRecord => (T::ErrNoRecord, ""),
            ExportError::Save(d) => (T::ErrSave, d.as_str()),
        };
        format!("{}{detail}", key.get(lang))
    }
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// What a thrown value or an error event says.
fn said(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The worker's next message, or its error.
async fn reply(worker: &Worker) -> Result<JsValue, String> {
    let next = Promise::new(&mut |resolve, reject| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
    });
    let got = JsFuture::from(next).await;
    worker.set_onmessage(None);
    worker.set_onerror(None);
    let data = got.map_err(|e| said(&e))?.unchecked_into::<MessageEvent>().data();
    match Reflect::get(&data, &"error".into()).ok().and_then(|e| e.as_string()) {
        Some(e) => Err(e),
        None => Ok(data),
    }
}

fn decoded(el: &web_sys::Element) -> Result<Vec<u8>, ExportError> {
    let text = el.text_content().unwrap_or_default();
    base64::engine::general_purpose::STANDARD.decode(text.trim()).map_err(|e| ExportError::Start(e.to_string()))
}

/// Starts the worker and waits until its wasm is ready.
async fn start() -> Result<Worker, ExportError> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or(ExportError::Unavailable)?;
    let failed = |e: JsValue| ExportError::Start(said(&e));
    let (worker, wasm, blob_url) =
        if let Some(meta) = doc.query_selector(r#"meta[name="yishi-exporter"]"#).ok().flatten() {
            let content = meta.get_attribute("content").unwrap_or_default();
            let (js, wasm) = content.split_once(' ').ok_or(ExportError::Unavailable)?;
            let base = doc.base_uri().ok().flatten().unwrap_or_default();
            let wasm = Url::new_with_base(wasm, &base).map_err(failed)?.href();
            (Worker::new(js).map_err(failed)?, JsValue::from(wasm), None)
        } else if let (Some(js), Some(wasm)) =
            (doc.get_element_by_id("yishi-exporter-js"), doc.get_element_by_id("yishi-exporter-wasm"))
        {
            let opts = BlobPropertyBag::new();
            opts.set_type("text/javascript");
            let parts = Array::of1(&Uint8Array::from(decoded(&js)?.as_slice()));
            let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(failed)?;
            let url = Url::create_object_url_with_blob(&blob).map_err(failed)?;
            (Worker::new(&url).map_err(failed)?, Uint8Array::from(decoded(&wasm)?.as_slice()).into(), Some(url))
        } else {
            return Err(ExportError::Unavailable);
        };
    worker.post_message(&wasm).map_err(failed)?;
    let ready = reply(&worker).await;
    if let Some(url) = blob_url {
        let _ = Url::revoke_object_url(&url);
    }
    match ready {
        Ok(_) => Ok(worker),
        Err(e) => {
            worker.terminate();
            Err(ExportError::Start(e))
        }
    }
}

/// The file of a JSON request: its MIME type and bytes. One at a time ([`ExportError::Busy`]).
pub async fn render(json: String) -> Result<(String, Uint8Array), ExportError> {
    if BUSY.replace(true) {
        return Err(ExportError::Busy);
    }
    let made = async {
        let worker = match WORKER.with_borrow(Clone::clone) {
            Some(w) => w,
            None => {
                let w = start().await?;
                WORKER.set(Some(w.clone()));
                w
            }
        };
        worker.post_message(&JsValue::from(json)).map_err(|e| ExportError::Render(said(&e)))?;
        let data = reply(&worker).await.map_err(|e| {
            // A worker that failed may hold a broken wasm: the next request starts a new one.
            worker.terminate();
            WORKER.set(None);
            ExportError::Render(e)
        })?;
        let mime = Reflect::get(&data, &"mime".into()).ok().and_then(|m| m.as_string()).unwrap_or_default();
        let bytes = Reflect::get(&data, &"bytes".into())
            .ok()
            .and_then(|b| b.dyn_into::<Uint8Array>().ok())
            .ok_or_else(|| ExportError::Render("no bytes".into()))?;
        Ok((mime, bytes))
    }
    .await;
    BUSY.set(false);
    made
}

/// Offers `bytes` as the download `name` (a Blob and an object URL: nothing leaves the page).
pub fn save(name: &str, mime: &str, bytes: &Uint8Array) -> Result<(), ExportError> {
    let failed = |e: JsValue| ExportError::Save(said(&e));
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&Array::of1(bytes), &opts).map_err(failed)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let doc = web_sys::window().and_then(|w| w.document()).ok_or(ExportError::Save("document".into()))?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(failed)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    let _ = doc.body().map(|b| b.append_child(&a));
    a.click();
    a.remove();
    let _ = Url::revoke_object_url(&url);
    Ok(())
}
