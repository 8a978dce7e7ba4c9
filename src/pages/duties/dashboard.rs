//! The year dashboard: every duty with required, done, next due date, overdue in red, the
//! evidence records (with links) and the gaps, straight from `evaluate_duties`.

use crate::records::Reads;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::components::duty_ui::{evidence_href, DutyTabs, YearSwitch};
use crate::components::office_export::OfficeExport;
use crate::domain::doc::DocId;
use crate::domain::meeting::MeetingKind;
use crate::domain::rules::{evaluate_duties, DutyKind, DutyStatus, EvidenceRef};
use crate::i18n::duties::DutiesText as T;
use crate::i18n::Lang;
use crate::office::build::OfficeFile;
use crate::router::Route;

use super::charts::YearCharts;

/// Label of an evidence record: date and kind (or meeting title).
pub fn evidence_label(r: &EvidenceRef, lang: Lang) -> String {
    let state = use_app();
    state.db.with_untracked(|db| match r {
        EvidenceRef::Meeting(id) => {
            db.meeting(*id).map(|m| format!("{} {}", m.date, lang.of(&m.kind))).unwrap_or_else(|| format!("#{id}"))
        }
        EvidenceRef::Evidence(id) => db
            .evidence
            .iter()
            .find(|e| e.id == *id)
            .map(|e| {
                let who = e.member.map(|m| format!(" {}", db.org.member_name(m))).unwrap_or_default();
                format!("{} {}{}", e.date, lang.of(&e.kind), who)
            })
            .unwrap_or_else(|| format!("#{id}")),
    })
}

/// The year dashboard. It follows `year` in place: the frame stays, and a row is patched
/// only where its figures changed, rather than building the page again on a year click.
#[component]
pub fn DashboardPage(
    /// The year shown.
    #[prop(into)]
    year: Signal<i32>,
) -> impl IntoView {
    let state = use_app();
    let statuses = Memo::new(move |_| {
        let today = state.today.get();
        let year = year.get();
        state.db.with(|db| evaluate_duties(db, year, today))
    });
    let dl_meetings = move || {
        let year = year.get();
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
            <h1>{state.tr(T::Title)}</h1>
            <DutyTabs current=Route::Duties(None) year=year/>
            <YearSwitch year=year to=|y| Route::Duties(Some(y))/>
            <div class="row gap wrap">
                <p class="muted">{state.tr(T::AutoCounted)}</p>
                <OfficeExport file=Signal::derive(move || OfficeFile::Duties(year.get())) testid="duties-xlsx"/>
            </div>
            <div class="duty-table" role="table" data-testid="duty-table">
                <div class="duty-row duty-head" role="row">
                    <span role="columnheader">{state.tr(T::Duty)}</span>
                    <span role="columnheader">{state.tr(T::Done)}" / "{state.tr(T::Required)}</span>
                    <span role="columnheader">{state.tr(T::NextDue)}</span>
                    <span role="columnheader">{state.tr(T::Status)}</span>
                    <span role="columnheader">{state.tr(T::Evidence)}</span>
                </div>
                {DutyKind::ALL
                    .iter()
                    .map(|&duty| {
                        let status = Memo::new(move |_| statuses.with(|v| v.iter().find(|d| d.duty == duty).cloned()));
                        view! { <DutyRow duty=duty status=status/> }
                    })
                    .collect_view()}
            </div>
            <div class="card">
                <h2>{state.tr(T::DlList)}" "<ArticleLink article=crate::domain::article::Article::new(23)/></h2>
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

/// How a duty's status pill reads: its class, its `data-status` key and its text.
fn pill(d: &DutyStatus) -> (&'static str, &'static str, T) {
    if d.overdue {
        ("pill pill-bad", "overdue", T::IsOverdue)
    } else if d.required == 0 {
        ("pill", "na", T::NotApplicable)
    } else if d.done >= d.required && d.gaps.is_empty() {
        ("pill pill-ok", "done", T::Fulfilled)
    } else {
        ("pill pill-warn", "pending", T::Pending)
    }
}

/// One duty's row of the year table. Its name, article and frequency stay; the figures,
/// status and evidence follow `status`.
#[component]
fn DutyRow(
    /// The duty.
    duty: DutyKind,
    /// Its status in the year shown (`None` only if the engine left it out).
    status: Memo<Option<DutyStatus>>,
) -> impl IntoView {
    let state = use_app();
    let field = move |f: fn(&DutyStatus) -> String| move || status.with(|d| d.as_ref().map(f).unwrap_or_default());
    view! {
        <div
            class="duty-row"
            class:duty-overdue=move || status.with(|d| d.as_ref().is_some_and(|d| d.overdue))
            role="row"
            data-testid="duty-row"
            data-duty=format!("{duty:?}")
            data-status=move || status.with(|d| d.as_ref().map(|d| pill(d).1))
        >
            <span role="cell" class="duty-name">
                <strong>{move || state.lang.get().of(&duty)}</strong>" "<ArticleLink article=duty.article()/>
                <span class="duty-freq muted">
                    {move || {
                        let lang = state.lang.get();
                        state.db.reading(&[Reads::SETTINGS], |db| lang.pick(duty.frequency_zh(&db.settings), duty.frequency_en(&db.settings)))
                    }}
                </span>
            </span>
            <span role="cell" class="duty-count" data-testid="duty-count">{field(|d| format!("{}/{}", d.done, d.required))}</span>
            <span role="cell" class="duty-due">{field(|d| d.next_due.map(|x| x.to_string()).unwrap_or_else(|| "—".into()))}</span>
            <span role="cell">
                {move || status.with(|d| d.as_ref().map(|d| {
                    let (class, _, text) = pill(d);
                    view! { <span class=class>{state.t(text)}</span> }
                }))}
            </span>
            <span role="cell" class="duty-evidence">
                {move || {
                    let lang = state.lang.get();
                    status.with(|d| {
                        let d = d.as_ref()?;
                        let evidence: Vec<_> = d.evidence.iter().map(|r| (evidence_href(r), evidence_label(r, lang))).collect();
                        let gaps = lang.pick(d.gaps.clone(), d.gaps_en.clone());
                        Some(view! {
                            {evidence.into_iter().map(|(href, label)| view! { <a class="duty-ev" href=href>{label}</a> }).collect_view()}
                            {(!gaps.is_empty()).then(|| view! {
                                <ul class="duty-gaps" data-testid="duty-gaps">
                                    {gaps.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}
                                </ul>
                            })}
                        })
                    })
                }}
            </span>
        </div>
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
        state.update_docs(|db| {
            id = crate::domain::democratic_life::register_meeting(db, d, today, &t);
            vec![DocId::Meeting(id), DocId::DemocraticLife(id)]
        });
        crate::app::navigate(&Route::DemocraticLife(id));
    };
    view! {
        <form class="grid3 no-print" on:submit=submit data-testid="dl-register">
            <label class="field" class:has-error=move || err.get().is_some()>
                <span class="field-label">{state.tr(T::DlTitle)}" · "{state.tr(T::Date)}</span>
                <input type="date" data-testid="dl-register-date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                {move || err.get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
            </label>
            <label class="field">
                <span class="field-label">{state.tr(T::DlTheme)}</span>
                <input type="text" data-testid="dl-register-theme" prop:value=move || theme.get() on:input=move |ev| theme.set(event_target_value(&ev))/>
            </label>
            <div class="field"><button type="submit" class="btn" data-testid="dl-register-submit">{state.tr(T::Add)}</button></div>
        </form>
    }
}
