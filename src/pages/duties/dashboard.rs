//! The year dashboard: every duty with required, done, next due date, overdue in red, the
//! evidence records (with links) and the gaps, straight from `evaluate_duties`.

use leptos::prelude::*;

use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::components::duty_ui::{evidence_href, DutyTabs, YearSwitch};
use crate::domain::meeting::MeetingKind;
use crate::domain::rules::{evaluate_duties, EvidenceRef};
use crate::i18n::duties::DutiesText as T;
use crate::i18n::Lang;
use crate::router::Route;

use super::charts::YearCharts;

/// Label of an evidence record: date and kind (or meeting title).
pub fn evidence_label(r: &EvidenceRef, lang: Lang) -> String {
    let state = use_app();
    state.db.with_untracked(|db| match r {
        EvidenceRef::Meeting(id) => db
            .meeting(*id)
            .map(|m| format!("{} {}", m.date, if lang == Lang::Zh { m.kind.zh() } else { m.kind.en() }))
            .unwrap_or_else(|| format!("#{id}")),
        EvidenceRef::Evidence(id) => db
            .evidence
            .iter()
            .find(|e| e.id == *id)
            .map(|e| {
                let who = e.member.map(|m| format!(" {}", db.org.member_name(m))).unwrap_or_default();
                format!("{} {}{}", e.date, if lang == Lang::Zh { e.kind.zh() } else { e.kind.en() }, who)
            })
            .unwrap_or_else(|| format!("#{id}")),
    })
}

/// The year dashboard.
#[component]
pub fn DashboardPage(
    /// The year shown.
    year: i32,
) -> impl IntoView {
    let state = use_app();
    let duties = move || {
        let today = state.today.get();
        state.db.with(|db| evaluate_duties(db, year, today))
    };
    let dl_meetings = move || {
        state.db.with(|db| {
            let mut v: Vec<_> = db
                .meetings
                .iter()
                .filter(|m| m.kind == MeetingKind::DemocraticLife && chrono::Datelike::year(&m.date) == year)
                .map(|m| (m.id, m.date, m.title.clone()))
                .collect();
            crate::domain::sort::sort_by_key(&mut v, |x| x.1);
            v
        })
    };
    view! {
        <section class="page duties-page">
            <h1>{move || state.t(T::Title)}</h1>
            <DutyTabs current=Route::Duties(Some(year)) year=year/>
            <YearSwitch year=year to=|y| Route::Duties(Some(y))/>
            <p class="muted">{move || state.t(T::AutoCounted)}</p>
            <div class="duty-table" role="table" data-testid="duty-table">
                <div class="duty-row duty-head" role="row">
                    <span role="columnheader">{move || state.t(T::Duty)}</span>
                    <span role="columnheader">{move || state.t(T::Done)}" / "{move || state.t(T::Required)}</span>
                    <span role="columnheader">{move || state.t(T::NextDue)}</span>
                    <span role="columnheader">{move || state.t(T::Status)}</span>
                    <span role="columnheader">{move || state.t(T::Evidence)}</span>
                </div>
                {move || {
                    let lang = state.lang.get();
                    let s = state.db.with(|db| db.settings.clone());
                    duties().into_iter().map(|d| {
                        let (class, key, text) = if d.overdue {
                            ("pill pill-bad", "overdue", T::IsOverdue)
                        } else if d.required == 0 {
                            ("pill", "na", T::NotApplicable)
                        } else if d.done >= d.required && d.gaps.is_empty() {
                            ("pill pill-ok", "done", T::Fulfilled)
                        } else {
                            ("pill pill-warn", "pending", T::Pending)
                        };
                        let name = if lang == Lang::Zh { d.duty.zh() } else { d.duty.en() };
                        let freq = if lang == Lang::Zh { d.duty.frequency_zh(&s) } else { d.duty.frequency_en(&s) };
                        let gaps = if lang == Lang::Zh { d.gaps.clone() } else { d.gaps_en.clone() };
                        let evidence: Vec<_> = d.evidence.iter().map(|r| (evidence_href(r), evidence_label(r, lang))).collect();
                        view! {
                            <div class="duty-row" class:duty-overdue=d.overdue role="row" data-testid="duty-row" data-duty=format!("{:?}", d.duty) data-status=key>
                                <span role="cell" class="duty-name">
                                    <strong>{name}</strong>" "<ArticleLink article=d.duty.article()/>
                                    <span class="duty-freq muted">{freq}</span>
                                </span>
                                <span role="cell" class="duty-count" data-testid="duty-count">{format!("{}/{}", d.done, d.required)}</span>
                                <span role="cell" class="duty-due">{d.next_due.map(|x| x.to_string()).unwrap_or_else(|| "—".into())}</span>
                                <span role="cell"><span class=class>{state.t(text)}</span></span>
                                <span role="cell" class="duty-evidence">
                                    {evidence.into_iter().map(|(href, label)| view! { <a class="duty-ev" href=href>{label}</a> }).collect_view()}
                                    {(!gaps.is_empty()).then(|| view! {
                                        <ul class="duty-gaps" data-testid="duty-gaps">
                                            {gaps.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}
                                        </ul>
                                    })}
                                </span>
                            </div>
                        }
                    }).collect_view()
                }}
            </div>
            <div class="card">
                <h2>{move || state.t(T::DlList)}" "<ArticleLink article=crate::domain::article::Article::new(23)/></h2>
                <ul class="list">
                    {move || dl_meetings().into_iter().map(|(id, date, title)| view! {
                        <li><a class="list-link" href=Route::DemocraticLife(id).href() data-testid="dl-link">{date.to_string()}" "{if title.is_empty() { "民主生活会".to_string() } else { title }}</a></li>
                    }).collect_view()}
                </ul>
                <RegisterDl/>
            </div>
            <YearCharts year=year/>
        </section>
    }
}

/// Quick entry of a 民主生活会 (date, theme); opens its cycle screen.
#[component]
fn RegisterDl() -> impl IntoView {
    let state = use_app();
    let date = RwSignal::new(String::new());
    let theme = RwSignal::new(String::new());
    let err = RwSignal::new(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = crate::components::duty_ui::parse_date(&date.get_untracked()) else {
            err.set(Some(state.t(T::ErrDate)));
            return;
        };
        let today = state.today.get_untracked();
        let t = theme.get_untracked();
        let mut id = 0;
        state.update(|db| id = crate::domain::democratic_life::register_meeting(db, d, today, &t));
        crate::app::navigate(&Route::DemocraticLife(id));
    };
    view! {
        <form class="grid3 no-print" on:submit=submit data-testid="dl-register">
            <label class="field" class:has-error=move || err.get().is_some()>
                <span class="field-label">{move || state.t(T::DlTitle)}" · "{move || state.t(T::Date)}</span>
                <input type="date" data-testid="dl-register-date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                {move || err.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
            </label>
            <label class="field">
                <span class="field-label">{move || state.t(T::DlTheme)}</span>
                <input type="text" data-testid="dl-register-theme" prop:value=move || theme.get() on:input=move |ev| theme.set(event_target_value(&ev))/>
            </label>
            <div class="field"><button type="submit" class="btn" data-testid="dl-register-submit">{move || state.t(T::Add)}</button></div>
        </form>
    }
}
