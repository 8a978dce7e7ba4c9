//! The annual statistics report (年度履职情况统计), printable on A4: meetings held by kind,
//! items by category, decisions, follow-up completion, duty fulfilment with the gaps listed,
//! and the charts. For the 第十二条 comprehensive report and the 第十九条 performance report.

use leptos::prelude::*;

use crate::app::use_app;
use crate::components::duty_ui::{DutyTabs, YearSwitch};
use crate::components::office_export::OfficeExport;
use crate::domain::stats::annual_stats;
use crate::i18n::duties::DutiesText as T;
use crate::i18n::phrases::Phrase;
use crate::office::build::OfficeFile;
use crate::router::Route;

use super::charts::YearCharts;

/// The report screen.
#[component]
pub fn ReportPage(
    /// The year reported.
    year: i32,
) -> impl IntoView {
    let state = use_app();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let body = move || {
        let today = state.today.get();
        let lang = state.lang.get();
        let section = move |n: u32| lang.of(&Phrase::SectionNumber(n));
        let (s, unit) = state.db.with(|db| (annual_stats(db, year, today), db.org.unit_name.clone()));
        let short = s.short_months(today);
        view! {
            <header class="report-head">
                <h1 data-testid="report-heading">{unit}" "{lang.of(&Phrase::YearTitle { year, title: state.t(T::ReportTitle) })}</h1>
                <p class="muted">{state.t(T::ReportFor)}" · "{state.t(T::AsOf)}" "{today.to_string()}</p>
            </header>
            <section class="report-section">
                <h2>{section(1)}{state.t(T::MeetingsByKind)}</h2>
                <table class="report-table">
                    <thead><tr><th scope="col">{state.t(T::Meeting)}</th><th scope="col">{state.t(T::Count)}</th></tr></thead>
                    <tbody>
                        {s.meetings_by_kind.iter().map(|(k, n)| view! { <tr><th scope="row">{lang.of(k)}</th><td>{*n}</td></tr> }).collect_view()}
                        <tr class="report-total"><th scope="row">{state.t(T::Total)}</th><td data-testid="report-meetings-total">{s.meetings_held()}</td></tr>
                    </tbody>
                </table>
                <p class:bad=!short.is_empty() data-testid="report-short-months">
                    {state.t(T::MissingMonths)}{move || state.colon()}
                    {lang.of(&Phrase::Months(short.to_vec()))}
                </p>
            </section>
            <section class="report-section">
                <h2>{section(2)}{state.t(T::ItemsByCategory)}</h2>
                <p>{state.t(T::ItemsDiscussed)}" "<strong>{s.items_discussed}</strong>" · "{state.t(T::Decisions)}" "<strong>{s.decisions}</strong></p>
                <table class="report-table">
                    <tbody>
                        {s.items_by_category.iter().map(|(c, n)| view! { <tr><th scope="row">{lang.of(c)}</th><td>{*n}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </section>
            <section class="report-section">
                <h2>{section(3)}{state.t(T::FollowUp)}</h2>
                <p>
                    {format!("{} {} · {} {} · {} {} · {} {}",
                        state.t(T::CountOpen), s.tasks.total - s.tasks.done,
                        state.t(T::CountDone), s.tasks.done,
                        state.t(T::OnTime), s.tasks.done_on_time,
                        state.t(T::CountOverdue), s.tasks.overdue)}
                    " · "{state.t(T::Completion)}" "<strong data-testid="report-completion">{s.completion_pct().map(|p| format!("{p}%")).unwrap_or_else(|| "—".into())}</strong>
                </p>
            </section>
            <section class="report-section">
                <h2>{section(4)}{state.t(T::DutyFulfilment)}</h2>
                <p>{state.t(T::Fulfilled)}" "<strong>{format!("{}/{}", s.duties_fulfilled(), s.duties_applicable())}</strong></p>
                <table class="report-table report-duties">
                    <thead><tr><th scope="col">{state.t(T::Duty)}</th><th scope="col">{state.t(T::Done)}"/"<wbr/>{state.t(T::Required)}</th><th scope="col">{state.t(T::GapsListed)}</th></tr></thead>
                    <tbody>
                        {s.duties.iter().filter(|d| d.required > 0 || !d.gaps.is_empty()).map(|d| {
                            let gaps = lang.pick(&d.gaps, &d.gaps_en).join(&lang.of(&Phrase::ListSeparator));
                            view! {
                                <tr class:bad=d.overdue data-testid="report-duty" data-duty=format!("{:?}", d.duty)>
                                    <th scope="row">{lang.of(&d.duty)}" "<span class="muted">{lang.of(&d.duty.article())}</span></th>
                                    <td data-testid="report-duty-count">{format!("{}/{}", d.done, d.required)}</td>
                                    <td>{if gaps.is_empty() { state.t(T::NoGaps).to_string() } else { gaps }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        }
    };
    view! {
        <section class="page report-page">
            <div class="no-print">
                <DutyTabs current=Route::Report(Some(year)) year=year/>
                <YearSwitch year=year to=|y| Route::Report(Some(y))/>
                <div class="row gap wrap">
                    <button type="button" class="btn btn-primary" on:click=print data-testid="print-report">{state.tr(T::Print)}</button>
                    <OfficeExport file=OfficeFile::Report(year) testid="report-docx"/>
                </div>
            </div>
            <article class="report-sheet">
                {body}
                <section class="report-section report-charts">
                    <h2>{move || state.lang.get().of(&Phrase::SectionNumber(5))}{state.tr(T::ChartFulfilment)}</h2>
                    <YearCharts year=year/>
                </section>
            </article>
        </section>
    }
}
