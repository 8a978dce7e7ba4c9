//! The duty register (履职台账): year dashboard, per-member view, evidence records, month
//! calendar, the 民主生活会 cycle, 中心组学习 and the annual statistics report. Every status
//! comes from the rules engine (`crate::domain::rules::evaluate_duties`).

use chrono::Datelike;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::duty_ui::year_from_hash;
use crate::router::Route;

pub mod calendar;
pub mod charts;
pub mod dashboard;
pub mod democratic_life;
pub mod evidence;
pub mod members;
pub mod report;
pub mod study;

/// The year of a route, or the year of the app's today (or a `?year=` in the hash).
pub fn year_or_today(y: Option<i32>) -> i32 {
    let state = use_app();
    y.or_else(year_from_hash).unwrap_or_else(|| state.today.get_untracked().year())
}

/// The year dashboard, following the year of `route` in place while it stays on a dashboard
/// route ([`Route::same_screen`]); on a route of another screen (just before this page is
/// replaced) the year stays.
pub fn render_dashboard(route: Signal<Route>) -> AnyView {
    let year = Memo::new(move |prev: Option<&i32>| match route.get() {
        Route::Duties(y) => year_or_today(y),
        _ => prev.copied().unwrap_or_else(|| year_or_today(None)),
    });
    view! { <dashboard::DashboardPage year=year/> }.into_any()
}

/// The page for a route of this area (the dashboard: [`render_dashboard`]).
pub fn render(route: Route) -> AnyView {
    match route {
        Route::DutyMembers(y) => view! { <members::MembersPage year=year_or_today(y)/> }.into_any(),
        Route::Evidence => view! { <evidence::EvidencePage/> }.into_any(),
        Route::Calendar(ym) => {
            let state = use_app();
            let t = state.today.get_untracked();
            let (y, m) = ym.unwrap_or((t.year(), t.month()));
            view! { <calendar::CalendarPage year=y month=m/> }.into_any()
        }
        Route::DemocraticLife(id) => view! { <democratic_life::DemocraticLifePage id=id/> }.into_any(),
        Route::Study(y) => view! { <study::StudyPage year=year_or_today(y)/> }.into_any(),
        Route::Report(y) => view! { <report::ReportPage year=year_or_today(y)/> }.into_any(),
        _ => view! { <section class="page"/> }.into_any(),
    }
}
