//! The rule parameters, each with the article it comes from, and the duty frequencies of the
//! 履职台账.

use crate::records::Reads;
use leptos::prelude::*;

use super::editor::{slot, Editor, Slot};
use super::input::{RemoveButton, SettingInput};
use crate::components::article_link::ArticleLink;
use crate::domain::article::Article;
use crate::domain::settings::{Reading, RuleSettings};
use crate::i18n::{Message, Ui};

/// A whole-number rule parameter. Text that is not a whole number, or a number out of range, is
/// refused beside the input and the saved value stays.
#[component]
pub(super) fn NumberSetting(
    /// The screen's editor.
    ed: Editor,
    /// Label.
    label: Ui,
    /// The parameter's key (its validation messages and test id).
    key: &'static str,
    /// Which part of the parameter: 0, or 1 for a fraction's denominator.
    #[prop(optional)]
    part: usize,
    /// Read the value.
    get: fn(&RuleSettings) -> u64,
    /// Write the value.
    set: fn(&mut RuleSettings, u64),
    /// Article the parameter comes from.
    article: Article,
) -> impl IntoView {
    let state = ed.state;
    let at: Slot = (key, 0, part);
    let value = Memo::new(move |_| state.db.reading(&[Reads::SETTINGS], |db| get(&db.settings).to_string()));
    let commit = Callback::new(move |v: String| match v.trim().replace([',', '，'], "").parse::<u64>() {
        Ok(n) => {
            ed.change(at, move |db| set(&mut db.settings, n));
        }
        Err(_) => ed.refuse(at, Message::new(Ui::WholeNumberUnchanged)),
    });
    let testid = if part == 0 { format!("setting-{key}") } else { format!("setting-{key}-{part}") };
    view! {
        <SettingInput ed=ed label=move || view! { {state.t(label)}" "<ArticleLink article=article/> } value=value at=at
            inputmode="numeric" commit=commit testid=testid/>
    }
}

/// A count kept in 32 bits (larger numbers are out of range anyway).
fn n(x: u64) -> u32 {
    x.min(u32::MAX as u64) as u32
}

/// A checkbox bound to a rule flag.
fn flag(
    ed: Editor,
    label: Ui,
    key: &'static str,
    get: fn(&RuleSettings) -> bool,
    set: fn(&mut RuleSettings, bool),
) -> impl IntoView {
    let state = ed.state;
    view! {
        <label class="check">
            <input type="checkbox" data-testid=format!("setting-{key}") prop:checked=move || state.db.reading(&[Reads::SETTINGS], |db| get(&db.settings))
                on:change=move |ev| { let c = event_target_checked(&ev); ed.change(slot(key), move |db| set(&mut db.settings, c)); }/>
            <span>{move || state.t(label)}</span>
        </label>
    }
}

/// The quorum and pass fractions, how 半数 is read, what is subtracted, and the money limit.
#[component]
pub(super) fn RulesSection(
    /// The screen's editor.
    ed: Editor,
) -> impl IntoView {
    let state = ed.state;
    let q = Article::clause(18, 4);
    let v = Article::clause(18, 5);
    let reading = Memo::new(move |_| state.db.reading(&[Reads::SETTINGS], |db| db.settings.reading));
    let pick = move |r: Reading| {
        move |_: web_sys::Event| {
            ed.change(slot("reading"), move |db| db.settings.reading = r);
        }
    };
    view! {
        <fieldset class="card">
            <legend>{move || state.t(Ui::RulesSection)}</legend>
            <div class="grid2">
                <NumberSetting ed=ed label=Ui::OpenQuorum key="open_quorum" article=q
                    get=|r| r.open_quorum.num as u64 set=|r, x| r.open_quorum.num = n(x)/>
                <NumberSetting ed=ed label=Ui::Denominator key="open_quorum" part=1 article=q
                    get=|r| r.open_quorum.den as u64 set=|r, x| r.open_quorum.den = n(x)/>
                <NumberSetting ed=ed label=Ui::SpecialQuorum key="special_quorum" article=q
                    get=|r| r.special_quorum.num as u64 set=|r, x| r.special_quorum.num = n(x)/>
                <NumberSetting ed=ed label=Ui::Denominator key="special_quorum" part=1 article=q
                    get=|r| r.special_quorum.den as u64 set=|r, x| r.special_quorum.den = n(x)/>
                <NumberSetting ed=ed label=Ui::PassThreshold key="pass_threshold" article=v
                    get=|r| r.pass_threshold.num as u64 set=|r, x| r.pass_threshold.num = n(x)/>
                <NumberSetting ed=ed label=Ui::Denominator key="pass_threshold" part=1 article=v
                    get=|r| r.pass_threshold.den as u64 set=|r, x| r.pass_threshold.den = n(x)/>
            </div>
            <div class="field" role="radiogroup" aria-label=move || state.t(Ui::ReadingLabel)>
                <span class="field-label">{move || state.t(Ui::ReadingLabel)}" "<ArticleLink article=q/></span>
                <label class="check">
                    <input type="radio" name="reading" data-testid="reading-strict" prop:checked=move || reading.get() == Reading::Strict
                        on:change=pick(Reading::Strict)/>
                    <span>{move || state.t(Ui::ReadingStrict)}</span>
                </label>
                <label class="check">
                    <input type="radio" name="reading" data-testid="reading-inclusive" prop:checked=move || reading.get() == Reading::Inclusive
                        on:change=pick(Reading::Inclusive)/>
                    <span>{move || state.t(Ui::ReadingInclusive)}</span>
                </label>
            </div>
            {flag(ed, Ui::SubtractRecused, "subtract_recused", |r| r.subtract_recused, |r, c| r.subtract_recused = c)}
            {flag(ed, Ui::SubtractNotCounted, "subtract_not_counted", |r| r.subtract_not_counted, |r, c| r.subtract_not_counted = c)}
            <NumberSetting ed=ed label=Ui::ExpenditureThreshold key="expenditure_threshold_yuan" article=Article::clause(6, 6)
                get=|r| r.expenditure_threshold_yuan set=|r, v| r.expenditure_threshold_yuan = v/>
            <super::rules_duties::DutySettings ed=ed/>
            <RemoveButton label=Signal::derive(move || state.t(Ui::ResetDefaults).to_string())
                question=Signal::derive(move || state.t(Ui::ResetDefaultsAsk).to_string())
                confirm=Signal::derive(move || state.t(Ui::ResetDefaults).to_string())
                blocked=Callback::new(|()| None) testid="reset-defaults"
                on_remove=Callback::new(move |()| { ed.change(slot("reset"), |db| db.settings = RuleSettings::default()); })/>
        </fieldset>
    }
}
