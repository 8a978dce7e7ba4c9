//! The four charts of a year (inline SVG): duty fulfilment, Party-group meetings per month
//! against the monthly requirement, decisions and follow-up completion, items by category.

use chrono::Datelike;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::chart_svg::{use_chart_layout, Bar, ChartBars, ChartColumns};
use crate::domain::stats::annual_stats;
use crate::i18n::duties::DutiesText as T;
use crate::i18n::phrases::Phrase;

/// The charts of `year` as of the app's today.
#[component]
pub fn YearCharts(
    /// The year.
    #[prop(into)]
    year: Signal<i32>,
) -> impl IntoView {
    let state = use_app();
    // Drawn narrow on a phone (text stays readable), redrawn when the window is turned.
    let layout = use_chart_layout();
    move || {
        let layout = layout.get();
        let year = year.get();
        let today = state.today.get();
        let lang = state.lang.get();
        let s = state.db.with(|db| annual_stats(db, year, today));
        let fulfil: Vec<Bar> = s
            .duties
            .iter()
            .filter(|d| d.required > 0)
            .map(|d| Bar {
                label: lang.of(&d.duty),
                value: d.done,
                full: d.required,
                bad: d.overdue,
                text: format!("{}/{}", d.done, d.required),
            })
            .collect();
        let fulfil_desc =
            lang.of(&Phrase::DutiesFulfilled { fulfilled: s.duties_fulfilled(), applicable: s.duties_applicable() });
        let past = if year < today.year() {
            12
        } else if year > today.year() {
            0
        } else {
            today.month0() as usize
        };
        let months: Vec<(String, u32)> = (1..=12).map(|m| (m.to_string(), s.party_meetings_per_month[m - 1])).collect();
        let short = s.short_months(today);
        let months_desc = lang.of(&Phrase::MonthsShort(short.to_vec()));
        let pct = s.completion_pct();
        let follow = vec![
            Bar {
                label: state.t(T::ItemsDiscussed).into(),
                value: s.items_discussed,
                full: s.items_discussed.max(1),
                bad: false,
                text: s.items_discussed.to_string(),
            },
            Bar {
                label: state.t(T::Decisions).into(),
                value: s.decisions,
                full: s.items_discussed.max(1),
                bad: false,
                text: s.decisions.to_string(),
            },
            Bar {
                label: state.t(T::Completion).into(),
                value: s.tasks.done,
                full: s.tasks.total,
                bad: s.tasks.overdue > 0,
                text: pct.map(|p| format!("{p}% ({}/{})", s.tasks.done, s.tasks.total)).unwrap_or_else(|| "—".into()),
            },
            Bar {
                label: state.t(T::OnTime).into(),
                value: s.tasks.done_on_time,
                full: s.tasks.total,
                bad: false,
                text: format!("{}/{}", s.tasks.done_on_time, s.tasks.total),
            },
        ];
        let follow_desc = lang.of(&Phrase::FollowUpSummary {
            items: s.items_discussed,
            decisions: s.decisions,
            tasks: s.tasks.total,
            closed: s.tasks.done,
            overdue: s.tasks.overdue,
        });
        let maxc = s.items_by_category.iter().map(|c| c.1).max().unwrap_or(1);
        let cats: Vec<Bar> = s
            .items_by_category
            .iter()
            .map(|(c, n)| Bar { label: lang.of(c), value: *n, full: maxc, bad: false, text: n.to_string() })
            .collect();
        let cats_desc = if s.items_by_category.is_empty() {
            lang.of(&Phrase::NoItemsThisYear)
        } else {
            s.items_by_category.iter().map(|(c, n)| format!("{} {}", lang.of(c), n)).collect::<Vec<_>>().join(", ")
        };
        view! {
            <div class="duty-charts">
                <figure class="card chart-card">
                    <figcaption>{state.t(T::ChartFulfilment)}</figcaption>
                    <ChartBars id="chart-fulfilment" title=state.t(T::ChartFulfilment) desc=fulfil_desc bars=fulfil layout=layout/>
                </figure>
                <figure class="card chart-card">
                    <figcaption>{state.t(T::ChartMeetings)}</figcaption>
                    <ChartColumns id="chart-meetings" title=state.t(T::ChartMeetings) desc=months_desc columns=months required=s.required_per_month past=past layout=layout/>
                </figure>
                <figure class="card chart-card">
                    <figcaption>{state.t(T::ChartFollowUp)}</figcaption>
                    <ChartBars id="chart-followup" title=state.t(T::ChartFollowUp) desc=follow_desc bars=follow layout=layout/>
                </figure>
                <figure class="card chart-card">
                    <figcaption>{state.t(T::ChartCategories)}</figcaption>
                    <ChartBars id="chart-categories" title=state.t(T::ChartCategories) desc=cats_desc bars=cats layout=layout/>
                </figure>
            </div>
        }
    }
}
