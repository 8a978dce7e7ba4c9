//! An inline confirmation for an irreversible step (ending a meeting, signing, replacing a
//! draft): it says what the step will do, lists what is still open, shows optional content
//! (a preview) and offers the step and a way back. It replaces no dialog machinery: it is a
//! block in the page, so it works the same on a tablet, a phone and in every engine.

use leptos::prelude::*;

use crate::app::use_app;
use crate::i18n::Ui;

/// The confirmation block.
#[component]
pub fn ConfirmPanel(
    /// What the step will do, in the current language.
    #[prop(into)]
    message: Signal<String>,
    /// Points to check first (e.g. items not voted on); the list is left out when empty.
    #[prop(into)]
    points: Signal<Vec<String>>,
    /// Label of the button that takes the step.
    #[prop(into)]
    confirm_label: Signal<String>,
    /// `data-testid` of the block; its buttons are `<testid>-yes` and `<testid>-no`.
    testid: &'static str,
    /// Takes the step.
    on_confirm: Callback<()>,
    /// Leaves everything as it was.
    on_cancel: Callback<()>,
    /// Shown between the points and the buttons (a preview of the result).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <div class="confirm-panel" role="alertdialog" aria-modal="false" data-testid=testid
            aria-label=move || message.get()>
            <p class="confirm-message"><strong>{move || message.get()}</strong></p>
            {move || {
                let v = points.get();
                (!v.is_empty()).then(|| view! {
                    <ul class="confirm-points" data-testid=format!("{testid}-points")>
                        {v.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                    </ul>
                })
            }}
            {children.map(|c| c())}
            <div class="row gap wrap confirm-actions">
                <button type="button" class="btn btn-danger" data-testid=format!("{testid}-yes")
                    on:click=move |_| on_confirm.run(())>{move || confirm_label.get()}</button>
                <button type="button" class="btn" data-testid=format!("{testid}-no")
                    on:click=move |_| on_cancel.run(())>{state.tr(Ui::Cancel)}</button>
            </div>
        </div>
    }
}
