//! Labelled form fields with an inline error slot. Every input has a visible label and is
//! at least 44 px tall (style/main.css).

use leptos::prelude::*;

/// A labelled text input bound to a signal. `error` shows beside the input when `Some`.
#[component]
pub fn TextField(
    /// Visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The value.
    value: RwSignal<String>,
    /// Inline error message, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Hint under the input.
    #[prop(optional, into)]
    hint: Signal<String>,
    /// Input type (text, date, number, time).
    #[prop(default = "text")]
    kind: &'static str,
    /// data-testid for tests.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    view! {
        <label class="field" class:has-error=move || error.get().is_some()>
            <span class="field-label">{move || label.get()}</span>
            <input
                type=kind
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                data-testid=(!testid.is_empty()).then_some(testid)
            />
            {move || (!hint.get().is_empty()).then(|| view! { <span class="field-hint">{hint.get()}</span> })}
            {move || error.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
        </label>
    }
}

/// A labelled checkbox bound to a signal.
#[component]
pub fn CheckField(
    /// Visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The value.
    value: RwSignal<bool>,
    /// data-testid for tests.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
                data-testid=(!testid.is_empty()).then_some(testid)
            />
            <span>{move || label.get()}</span>
        </label>
    }
}
