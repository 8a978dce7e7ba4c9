//! One module per screen (or per area, a folder with one file per screen). [`render`] maps a
//! route to its page.

use leptos::prelude::*;

use crate::router::Route;

pub mod data;
pub mod duties;
pub mod home;
pub mod items;
pub mod meetings;
pub mod not_found;
pub mod rules;
pub mod search;
pub mod settings;
pub mod tasks;

/// The page for a route.
pub fn render(route: Route) -> AnyView {
    match route {
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
        | Route::MeetingSummary(_) => meetings::render(route),
        Route::Items | Route::ItemNew | Route::Item(_) => items::render(route),
        Route::Tasks | Route::Task(_) => tasks::render(route),
        Route::Duties(_)
        | Route::DutyMembers(_)
        | Route::Evidence
        | Route::Calendar(_)
        | Route::DemocraticLife(_)
        | Route::Study(_)
        | Route::Report(_) => duties::render(route),
        Route::NotFound(path) => view! { <not_found::NotFoundPage path=path/> }.into_any(),
    }
}
