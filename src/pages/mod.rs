//! One module per screen (or per area, a folder with one file per screen). [`render_page`] maps a
//! route to its page.

use leptos::prelude::*;

use crate::router::Route;

pub mod data;
pub mod duties;
pub mod home;
pub mod items;
pub mod meetings;
pub mod not_found;
pub mod print;
pub mod rules;
pub mod search;
pub mod settings;
pub mod tasks;

/// The page for `page`, the route it was built for; a page that follows the route in place
/// ([`Route::same_screen`]: the duty dashboard's year) reads `route` as it changes.
pub fn render_page(page: Route, route: Signal<Route>) -> AnyView {
    match page {
        Route::Home => view! { <home::HomePage/> }.into_any(),
        Route::Rules(n) => view! { <rules::RulesPage article=n/> }.into_any(),
        Route::Settings => view! { <settings::SettingsPage/> }.into_any(),
        Route::Data => view! { <data::DataPage/> }.into_any(),
        Route::Search(q) => view! { <search::SearchPage query=q/> }.into_any(),
        Route::Meetings
        | Route::MeetingNew
        | Route::Meeting(_)
        | Route::MeetingLive(_)
        | Route::MeetingMinutes(_)
        | Route::MeetingSummary(_) => meetings::render(page),
        Route::Items | Route::ItemNew | Route::Item(_) => items::render(page),
        Route::Tasks | Route::Task(_) => tasks::render(page),
        Route::Duties(_) => duties::render_dashboard(route),
        Route::DutyMembers(_)
        | Route::Evidence
        | Route::Calendar(_)
        | Route::DemocraticLife(_)
        | Route::Study(_)
        | Route::Report(_) => duties::render(page),
        Route::Print(doc) => view! { <print::PrintPage doc=doc/> }.into_any(),
        Route::NotFound(path) => view! { <not_found::NotFoundPage path=path/> }.into_any(),
    }
}
