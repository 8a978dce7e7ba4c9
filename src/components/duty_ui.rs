//! Small shared pieces of the follow-up and duties screens: id selects, date parsing,
//! the year switcher and the sub-navigation of the duty register.

use crate::records::Reads;
use chrono::NaiveDate;
use leptos::prelude::*;

use crate::app::use_app;
use crate::domain::Id;
use crate::i18n::duties::DutiesText as T;
use crate::router::Route;

/// Parse `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::domain::date_format::parse_date(s.trim())
}

/// `""` → `None`, `"12"` → `Some(12)`.
pub fn parse_id(s: &str) -> Option<Id> {
    s.trim().parse().ok()
}

/// A labelled `<select>` of (id, label) options with an empty first option.
#[component]
pub fn IdSelect(
    /// Visible label.
    #[prop(into)]
    label: Signal<String>,
    /// Options: id and label.
    #[prop(into)]
    options: Signal<Vec<(Id, String)>>,
    /// The selected id.
    value: RwSignal<Option<Id>>,
    /// Label of the empty option.
    #[prop(into)]
    empty: Signal<String>,
    /// data-testid.
    #[prop(optional)]
    testid: &'static str,
    /// Inline error.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <label class="field" class:has-error=move || error.get().is_some()>
            <span class="field-label">{move || label.get()}</span>
            <select
                data-testid=(!testid.is_empty()).then_some(testid)
                on:change=move |ev| value.set(parse_id(&event_target_value(&ev)))
                prop:value=move || value.get().map(|v| v.to_string()).unwrap_or_default()
            >
                <option value="">{move || empty.get()}</option>
                {move || options.get().into_iter().map(|(id, name)| {
                    view! { <option value=id.to_string() selected=move || value.get() == Some(id)>{name}</option> }
                }).collect_view()}
            </select>
            {move || error.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
        </label>
    }
}

/// Members of the organisation as (id, display name), secretary first on `date`, then the rest.
pub fn member_options(date: NaiveDate) -> Vec<(Id, String)> {
    let state = use_app();
    state.db.with(|db| {
        let mut v: Vec<(Id, String, u8)> = db
            .org
            .members
            .iter()
            .map(|m| {
                let rank = m.role_at(date).map_or(9, |r| r as u8);
                (m.id, m.display_name(), rank)
            })
            .collect();
        crate::domain::sort::sort_by_key(&mut v, |x| x.2);
        v.into_iter().map(|(id, n, _)| (id, n)).collect()
    })
}

pub fn department_options() -> Vec<(Id, String)> {
    let state = use_app();
    state.db.reading(&[Reads::Org], |db| db.org.departments.iter().map(|d| (d.id, d.name.clone())).collect())
}

/// A tab of [`DutyTabs`]: its route for a year, its label and its test id.
type TabLink = (fn(i32) -> Route, T, &'static str);

/// The sub-navigation of the duty register.
#[component]
pub fn DutyTabs(
    /// The current route (only its kind counts: which tab is active).
    current: Route,
    /// The year shown (the tabs' links keep it).
    #[prop(into)]
    year: Signal<i32>,
) -> impl IntoView {
    let state = use_app();
    let tabs: [TabLink; 6] = [
        (|y| Route::Duties(Some(y)), T::TabDashboard, "tab-dashboard"),
        (|y| Route::DutyMembers(Some(y)), T::TabMembers, "tab-members"),
        (|_| Route::Evidence, T::TabEvidence, "tab-evidence"),
        (|_| Route::Calendar(None), T::TabCalendar, "tab-calendar"),
        (|y| Route::Study(Some(y)), T::TabStudy, "tab-study"),
        (|y| Route::Report(Some(y)), T::TabReport, "tab-report"),
    ];
    let same = move |r: &Route| std::mem::discriminant(r) == std::mem::discriminant(&current);
    view! {
        <nav class="duty-tabs no-print" aria-label=state.tr(T::Title)>
            {tabs.into_iter().map(|(to, label, id)| {
                let active = same(&to(0));
                view! {
                    <a class="duty-tab" class:active=active aria-current=active.then_some("page") href=move || to(year.get()).href() data-testid=id>
                        {move || state.t(label)}
                    </a>
                }
            }).collect_view()}
        </nav>
    }
}

/// Previous / next year links around the year shown.
#[component]
pub fn YearSwitch(
    /// The year shown.
    #[prop(into)]
    year: Signal<i32>,
    /// The route for a year.
    to: fn(i32) -> Route,
) -> impl IntoView {
    let state = use_app();
    view! {
        <div class="duty-yearswitch no-print">
            <a class="btn btn-quiet" href=move || to(year.get() - 1).href() title=state.tr(T::PrevYear)>"‹ "{move || year.get() - 1}</a>
            <strong data-testid="year-shown">{year}</strong>
            <a class="btn btn-quiet" href=move || to(year.get() + 1).href() title=state.tr(T::NextYear)>{move || year.get() + 1}" ›"</a>
        </div>
    }
}

/// The year in a `?year=` parameter of the location hash (links from risk hints).
pub fn year_from_hash() -> Option<i32> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let (_, q) = hash.split_once('?')?;
    q.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == "year").and_then(|(_, v)| v.parse().ok())
}

/// An id in an `?id=` parameter of the location hash (links to one evidence record).
pub fn id_from_hash() -> Option<Id> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let (_, q) = hash.split_once('?')?;
    q.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == "id").and_then(|(_, v)| v.parse().ok())
}

/// Link of an evidence reference (the engine's href for evidence has no route yet).
pub fn evidence_href(r: &crate::domain::rules::EvidenceRef) -> String {
    match r {
        crate::domain::rules::EvidenceRef::Meeting(id) => Route::Meeting(*id).href(),
        crate::domain::rules::EvidenceRef::Evidence(id) => format!("#/evidence?id={id}"),
    }
}

/// What a duties form says under a field, kept typed so that it follows a language switch: a
/// text of the duties table, or the reason the domain refused the change.
#[derive(Clone, Debug)]
pub enum FieldError {
    Text(crate::i18n::duties::DutiesText),
    Refused(crate::domain::followup::FollowUpError),
    Evidence(crate::domain::evidence_text::EvidenceProblem),
}

impl crate::i18n::Localized for FieldError {
    fn text(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Text;
        match self {
            FieldError::Text(t) => t.get(lang).into(),
            FieldError::Refused(e) => lang.of(e),
            FieldError::Evidence(p) => lang.of(p),
        }
    }
}
