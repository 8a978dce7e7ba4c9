//! The localStorage [`Backend`] (wasm only). It is reached through `web_sys` after a probe,
//! never through `gloo_storage::LocalStorage::raw()`, which panics when storage is blocked.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::{Backend, StorageError};

#[wasm_bindgen]
extern "C" {
    /// The same `Storage` object, with the two calls below.
    type RawStorage;
    /// `setItem` with a JavaScript string (web-sys's takes `&str`, copied over on each call).
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(this: &RawStorage, key: &str, value: &js_sys::JsString) -> Result<(), JsValue>;
    /// `getItem` without copying the text into wasm memory.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
}

pub struct LocalStorageBackend {
    storage: web_sys::Storage,
}

/// Is this exception a quota error? Every browser spelling: `QuotaExceededError` (code 22),
/// Firefox's `NS_ERROR_DOM_QUOTA_REACHED` (code 1014).
pub fn is_quota_error(err: &JsValue) -> bool {
    let name =
        js_sys::Reflect::get(err, &JsValue::from_str("name")).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let code = js_sys::Reflect::get(err, &JsValue::from_str("code")).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == 22.0 || code == 1014.0
}

fn describe(err: &JsValue) -> String {
    if let Some(e) = err.dyn_ref::<js_sys::Error>() {
        let name: String = e.name().into();
        let msg: String = e.message().into();
        return format!("{name}: {msg}");
    }
    let name = js_sys::Reflect::get(err, &JsValue::from_str("name")).ok().and_then(|v| v.as_string());
    let msg = js_sys::Reflect::get(err, &JsValue::from_str("message")).ok().and_then(|v| v.as_string());
    match (name, msg) {
        (Some(n), Some(m)) => format!("{n}: {m}"),
        _ => err.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

/// Map a thrown value to a storage error.
pub fn classify(err: JsValue) -> StorageError {
    if is_quota_error(&err) {
        StorageError::QuotaExceeded
    } else {
        StorageError::Unavailable(describe(&err))
    }
}

impl LocalStorageBackend {
    /// Get localStorage if it exists and accepts a read and a write. A full storage
    /// (quota error on the probe) is still usable: it can be read and freed.
    pub fn probe() -> Result<Self, String> {
        let window = web_sys::window().ok_or("no window")?;
        let storage = match window.local_storage() {
            Ok(Some(s)) => s,
            Ok(None) => return Err("localStorage is not available".into()),
            Err(e) => return Err(describe(&e)),
        };
        let key = "yishi:probe";
        if let Err(e) = storage.get_item(key) {
            return Err(describe(&e));
        }
        match storage.set_item(key, "1") {
            Ok(()) => {
                let _ = storage.remove_item(key);
            }
            Err(e) if is_quota_error(&e) => {}
            Err(e) => return Err(describe(&e)),
        }
        Ok(Self { storage })
    }
}

impl Backend for LocalStorageBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(classify)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(classify)
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.storage.remove_item(key).map_err(classify)
    }
    /// The text goes to JavaScript once; the read-back is compared there (`===`) instead of
    /// being copied back into wasm memory and compared in Rust (a large share of an import with ten
    /// years of records).
    fn set_and_verify(&mut self, key: &str, value: &str) -> Result<bool, StorageError> {
        let raw: &RawStorage = self.storage.unchecked_ref();
        let value = js_sys::JsString::from(value);
        raw.set_item_js(key, &value).map_err(classify)?;
        let back = raw.get_item_js(key).map_err(classify)?;
        Ok(back == JsValue::from(value))
    }
    /// WebKit counts the stored records at two bytes a character where Chromium and Firefox
    /// allow the same number of characters at any width: the engine's own quota.
    fn quota_chars(&self) -> u64 {
        let window = js_sys::global();
        let navigator = js_sys::Reflect::get(&window, &"navigator".into()).unwrap_or(JsValue::UNDEFINED);
        let ua = js_sys::Reflect::get(&navigator, &"userAgent".into()).ok().and_then(|v| v.as_string());
        super::quota_chars_for(&ua.unwrap_or_default())
    }
    /// Every key in one crossing into wasm: `Object.keys` as one JSON text (a garbage collection
    /// after each save lists them, and a crossing per key was a large part of a save). A key
    /// that the object hides behind a method of the same name ("length", "key") is not listed
    /// by `Object.keys`: when the count differs, the keys are read one by one.
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = self.storage.length().map_err(classify)?;
        let listed = js_sys::JSON::stringify(&js_sys::Object::keys(&self.storage))
            .ok()
            .and_then(|json| serde_json::from_str::<Vec<String>>(&String::from(json)).ok());
        if let Some(keys) = listed.filter(|k| k.len() == n as usize) {
            return Ok(keys);
        }
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self.storage.key(i).map_err(classify)? {
                out.push(k);
            }
        }
        Ok(out)
    }
}
