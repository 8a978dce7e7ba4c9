//! The smallest Leptos page: a counter, a text input, a conditional list. With `--features
//! data`, one record type is also read from and written to localStorage and shown as JSON.
use leptos::prelude::*;

#[cfg(feature = "data")]
#[derive(serde::Serialize, serde::Deserialize, Clone, Debug)]
struct Record {
    date: chrono::NaiveDate,
    name: String,
    counts: Vec<u32>,
}

#[cfg(feature = "data")]
fn shown(_text: RwSignal<String>) -> impl Fn() -> String {
    use gloo_storage::Storage;
    || {
        let records: Vec<Record> = gloo_storage::LocalStorage::get("records").unwrap_or_default();
        let _ = gloo_storage::LocalStorage::set("records", &records);
        serde_json::to_string(&records).unwrap_or_default()
    }
}

#[cfg(not(feature = "data"))]
fn shown(text: RwSignal<String>) -> impl Fn() -> String {
    move || text.get()
}

#[component]
fn App() -> impl IntoView {
    let n = RwSignal::new(0);
    let text = RwSignal::new(String::new());
    view! {
        <main>
            <h1>"议事"</h1>
            <button on:click=move |_| n.update(|n| *n += 1)>{move || n.get()}</button>
            <input prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
            <Show when=move || n.get() % 2 == 0 fallback=|| view! { <p>"odd"</p> }>
                <ul>{move || (0..n.get()).map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </Show>
            <p>{shown(text)}</p>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
