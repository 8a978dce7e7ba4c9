//! The unit: its name, the superior committee, and how a 纪要 is issued.

use leptos::prelude::*;

use super::editor::{slot, Editor};
use super::input::SettingInput;
use crate::components::article_link::ArticleLink;
use crate::domain::article::Article;
use crate::domain::db::Db;
use crate::i18n::Ui;

/// A text of the records as a signal that changes only when that text does.
pub(super) fn text_of(ed: Editor, f: fn(&Db) -> String) -> Signal<String> {
    let state = ed.state;
    Memo::new(move |_| state.db.with(f)).into()
}

/// Unit name, superior committee, 抄送 and 签发人 of the 纪要.
#[component]
pub(super) fn UnitSection(
    /// The screen's editor.
    ed: Editor,
) -> impl IntoView {
    let state = ed.state;
    // One input: its label, test id, saved value and how a new text is saved.
    let input = move |label: Ui, at: &'static str, get: fn(&Db) -> String, set: fn(&mut Db, String)| {
        let commit = Callback::new(move |v: String| {
            ed.change(slot(at), move |db| set(db, v.clone()));
        });
        view! {
            <SettingInput ed=ed label=move || state.t(label) value=text_of(ed, get) at=slot(at) commit=commit
                testid=at.to_string()/>
        }
    };
    view! {
        <fieldset class="card">
            <legend>{move || state.t(Ui::UnitSection)}" "<ArticleLink article=Article::new(3)/></legend>
            <div class="grid2">
                {input(Ui::UnitName, "unit-name", |db| db.org.unit_name.clone(), |db, v| db.org.unit_name = v)}
                {input(Ui::Superior, "unit-superior", |db| db.org.superior.clone(), |db, v| db.org.superior = v)}
                {input(Ui::IssueCopyTo, "issue-copy-to", |db| db.settings.issue.copy_to.clone(), |db, v| db.settings.issue.copy_to = v)}
                <SettingInput ed=ed label=move || state.t(Ui::IssueIssuer)
                    value=text_of(ed, |db| db.settings.issue.issuer.clone()) at=slot("issue-issuer")
                    placeholder=Signal::derive(move || state.t(Ui::IssueIssuerHint).to_string())
                    commit=Callback::new(move |v: String| { ed.change(slot("issue-issuer"), move |db| db.settings.issue.issuer = v.clone()); })
                    testid="issue-issuer".to_string()/>
            </div>
        </fieldset>
    }
}
