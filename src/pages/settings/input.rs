//! The inputs of 设置: a text input that saves when it is left (or on Enter) and shows its
//! messages beside it, and a button that asks before it removes something.

use leptos::prelude::*;

use super::editor::{Editor, Slot};
use crate::app::use_app;
use crate::components::confirm::ConfirmPanel;
use crate::i18n::Ui;

/// A labelled input bound to a saved value. A change is handed to `commit` when the input is
/// left; the field's messages (see [`Editor::messages`]) show under it. While it has the focus
/// it keeps what is typed, even when another tab saves a new value meanwhile.
#[component]
pub(super) fn SettingInput(
    /// The screen's editor.
    ed: Editor,
    /// Visible label (with an article link, when given as a view).
    #[prop(into)]
    label: ViewFn,
    /// The saved value as text.
    #[prop(into)]
    value: Signal<String>,
    /// Where its messages are kept.
    at: Slot,
    /// Save the text typed (through [`Editor::change`] or [`Editor::refuse`]).
    commit: Callback<String>,
    /// Input type: text or date.
    #[prop(default = "text")]
    kind: &'static str,
    /// `inputmode` (numeric for numbers).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Placeholder.
    #[prop(optional, into)]
    placeholder: Option<Signal<String>>,
    /// `data-testid` of the input.
    #[prop(optional)]
    testid: Option<String>,
    /// Its messages are shown elsewhere (once for a row of inputs).
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Input>::new();
    let messages = ed.messages(at);
    let focused = move || {
        node.get_untracked().is_some_and(|el| {
            let el: &web_sys::Element = &el;
            el.owner_document().and_then(|d| d.active_element()).as_ref() == Some(el)
        })
    };
    let shown = move || {
        let v = value.get();
        match node.get_untracked() {
            Some(el) if focused() => el.value(),
            _ => v,
        }
    };
    view! {
        <label class="field" class:has-error=move || messages.with(|m| !m.is_empty())>
            <span class="field-label">{label.run()}</span>
            <input
                node_ref=node
                type=kind
                inputmode=inputmode
                placeholder=move || placeholder.map(|p| p.get())
                data-testid=testid
                aria-invalid=move || messages.with(|m| !m.is_empty()).then_some("true")
                prop:value=shown
                on:focus=move |_| ed.focus()
                on:blur=move |_| ed.blur()
                on:change=move |ev| commit.run(event_target_value(&ev))
            />
            {(!quiet).then(|| view! { <Messages ed=ed at=at/> })}
        </label>
    }
}

/// The messages of a field, each in its own line, read out when they appear.
#[component]
pub(super) fn Messages(
    /// The screen's editor.
    ed: Editor,
    /// Whose messages.
    at: Slot,
    /// Class of each line (`field-error` by default).
    #[prop(default = "field-error")]
    class: &'static str,
    /// `data-testid` of each line.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let messages = ed.messages(at);
    move || {
        messages
            .get()
            .into_iter()
            .map(|m| view! { <span class=class role="alert" data-testid=testid>{m}</span> })
            .collect_view()
    }
}

/// A button that removes something after asking: the question, the step and a way back show
/// in place (see [`ConfirmPanel`]). `blocked` says why it cannot be removed, if so.
#[component]
pub(super) fn RemoveButton(
    /// What the button says (删除, ×).
    #[prop(into)]
    label: Signal<String>,
    /// The question, naming what goes.
    #[prop(into)]
    question: Signal<String>,
    /// Why it may not be removed, checked on the click (`None`: it may).
    blocked: Callback<(), Option<Ui>>,
    /// Removes it.
    on_remove: Callback<()>,
    /// The step's button in the question (删除 by default).
    #[prop(optional, into)]
    confirm: Option<Signal<String>>,
    /// Accessible name of the button, when its label alone does not say what goes.
    #[prop(optional, into)]
    name: Option<Signal<String>>,
    /// `data-testid` of the panel; its buttons are `<testid>-yes` and `<testid>-no`.
    testid: &'static str,
) -> impl IntoView {
    let state = use_app();
    let asking = RwSignal::new(false);
    let why_not = RwSignal::new(None::<Ui>);
    let click = move |_| match blocked.run(()) {
        Some(why) => why_not.set(Some(why)),
        None => asking.set(true),
    };
    view! {
        <button type="button" class="btn btn-quiet btn-danger" aria-label=move || name.map(|n| n.get())
            aria-expanded=move || asking.get().to_string() on:click=click>{move || label.get()}</button>
        {move || why_not.get().map(|w| view! { <p class="field-error row-note" role="alert">{move || state.t(w)}</p> })}
        <Show when=move || asking.get()>
            <div class="row-note">
                <ConfirmPanel message=question points=Signal::stored(Vec::new())
                    confirm_label=Signal::derive(move || confirm.map_or_else(|| state.t(Ui::Remove).to_string(), |c| c.get())) testid=testid
                    on_confirm=Callback::new(move |()| { asking.set(false); on_remove.run(()) })
                    on_cancel=Callback::new(move |()| asking.set(false))/>
            </div>
        </Show>
    }
}
