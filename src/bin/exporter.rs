//! The exporter: a web worker that renders office files (src/office/render.rs) so that docx-rs
//! and rust_xlsxwriter live in this wasm only and load when a user asks for a file. It receives
//! a JSON `office::build::Job` (the file and the records) as a string, builds the file's
//! content from the records and answers `{mime, bytes}` or `{error}`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
    use yishi::office::{build::Job, render::render};

    fn answer(data: JsValue) -> Result<js_sys::Object, JsValue> {
        let json = data.as_string().ok_or("the request is not a string")?;
        let job: Job = serde_json::from_str(&json).map_err(|e| e.to_string())?;
        let (req, _) = yishi::office::build::request(&job.db, job.file, job.today).ok_or("no such record")?;
        drop(job);
        let (mime, bytes) = render(&req)?;
        let out = js_sys::Object::new();
        js_sys::Reflect::set(&out, &"mime".into(), &mime.into())?;
        js_sys::Reflect::set(&out, &"bytes".into(), &js_sys::Uint8Array::from(bytes.as_slice()))?;
        Ok(out)
    }

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply = answer(e.data()).unwrap_or_else(|err| {
            let out = js_sys::Object::new();
            let msg = err.as_string().unwrap_or_else(|| format!("{err:?}"));
            let _ = js_sys::Reflect::set(&out, &"error".into(), &msg.into());
            out
        });
        let _ = scope.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

/// Natively there is nothing to serve; the renderers are tested in tests/office_files.rs.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
