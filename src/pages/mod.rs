//! One module per screen (or per area, a folder with one file per screen). [`render`] maps a
//! route to its page.

use leptos::prelude::*;

use crate::domain::db::Db;
use crate::domain::meeting::MeetingStage;
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

/// The page for a route that stays as it is (the screen rehearsal's).
pub fn render(route: Route) -> AnyView {
    render_page(route.clone(), Signal::stored(route))
}

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

/// The screens rehearsed after loading ([`rehearse`]), in order: the minutes of the newest
/// meeting that has minutes (closed or signed), the duty dashboard of this year when there are
/// meetings, and a search for the newest agenda item's title (the search and its list of
/// hits). Opened from the menu, the dashboard takes about twice as long the first time as later
/// on; rehearsed in idle time, in a task of its own, the first opening is close to the later
/// ones. Not the preparation screen of a meeting to come: its rehearsal takes as long as
/// opening it. Nothing when there are no such records.
pub fn rehearsal_routes(db: &Db) -> Vec<Route> {
    let mut routes = Vec::new();
    let with_minutes = db
        .meetings
        .iter()
        .filter(|m| matches!(m.stage, MeetingStage::Closed | MeetingStage::Signed))
        .max_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    if let Some(m) = with_minutes {
        routes.push(Route::MeetingMinutes(m.id));
    }
    if !db.meetings.is_empty() {
        routes.push(Route::Duties(None));
    }
    if let Some(item) = db.items.iter().max_by_key(|i| i.id).filter(|i| !i.title.trim().is_empty()) {
        routes.push(Route::Search(item.title.trim().to_string()));
    }
    routes
}

/// Open `route`'s screen once where nobody sees it, and close it again, all in one task: built
/// into a hidden block (`.screen-rehearsal`: invisible, `aria-hidden`, `inert`) at the end of
/// `<main>`, laid out, unmounted and removed before the task ends, so no frame ever shows it
/// and no other script finds it. Nothing is focused, navigated or saved.
///
/// Why: the first opening of a screen after loading pays for compiling its code (V8 compiles
/// a wasm function the first time it is called) and for the browser's first layout of such a
/// screen, so the first meeting opened is much slower than the second. The app rehearses [`rehearsal_routes`] in idle time after loading.
#[cfg(target_arch = "wasm32")]
pub fn rehearse(state: crate::app::AppState, route: Route) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(main) = doc.get_element_by_id("main") else { return };
    let Some(host) = doc.create_element("div").ok().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    host.set_class_name("screen-rehearsal");
    let _ = host.set_attribute("aria-hidden", "true");
    let _ = host.set_attribute("inert", "");
    if main.append_child(&host).is_err() {
        return;
    }
    let owner = Owner::new();
    owner.with(|| {
        provide_context(state);
        let mut built = render(route).build();
        built.mount(&host, None);
        // Style and layout now, inside this task.
        let _ = host.offset_height();
        built.unmount();
    });
    owner.cleanup();
    host.remove();
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::NaiveDate;

    use super::*;
    use crate::sample::example::example_db;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The example data with its meetings set to the given (date, stage) pairs, in order.
    fn with_meetings(plan: &[(&str, MeetingStage)]) -> Db {
        let mut db = example_db(day("2026-11-27"));
        assert!(db.meetings.len() >= plan.len(), "the example has {} meetings", db.meetings.len());
        db.meetings.truncate(plan.len());
        for (m, (date, stage)) in db.meetings.iter_mut().zip(plan) {
            let m = Arc::make_mut(m);
            m.date = day(date);
            m.stage = *stage;
        }
        db
    }

    #[test]
    fn the_newest_meeting_with_minutes_is_rehearsed_not_a_newer_one_to_come() {
        use MeetingStage::*;
        let db = with_meetings(&[
            ("2026-03-01", Signed),
            ("2026-05-01", Closed),
            ("2026-12-01", Planned),
            ("2026-11-30", InProgress),
        ]);
        let routes = rehearsal_routes(&db);
        assert_eq!(routes.first(), Some(&Route::MeetingMinutes(db.meetings[1].id)), "{routes:?}");
        assert_eq!(routes.iter().filter(|r| matches!(r, Route::MeetingMinutes(_))).count(), 1);
        assert!(!routes.iter().any(|r| matches!(r, Route::Meeting(_) | Route::MeetingLive(_))), "{routes:?}");
    }

    #[test]
    fn meetings_on_the_same_day_go_by_the_newer_record() {
        use MeetingStage::*;
        let db = with_meetings(&[("2026-05-01", Signed), ("2026-05-01", Signed)]);
        let newer = db.meetings.iter().map(|m| m.id).max().unwrap();
        assert_eq!(rehearsal_routes(&db)[0], Route::MeetingMinutes(newer));
    }

    #[test]
    fn no_meeting_with_minutes_means_no_meeting_is_rehearsed() {
        use MeetingStage::*;
        let db = with_meetings(&[("2026-12-01", Planned), ("2026-11-30", InProgress)]);
        let routes = rehearsal_routes(&db);
        assert!(
            !routes.iter().any(|r| matches!(r, Route::MeetingMinutes(_) | Route::Meeting(_) | Route::MeetingLive(_))),
            "{routes:?}"
        );
    }

    #[test]
    fn the_dashboard_of_this_year_is_rehearsed_between_the_minutes_and_the_search() {
        let db = example_db(day("2026-11-27"));
        let routes = rehearsal_routes(&db);
        assert!(
            matches!(routes.as_slice(), [Route::MeetingMinutes(_), Route::Duties(None), Route::Search(_)]),
            "{routes:?}"
        );
        // No meetings: no dashboard (nor minutes).
        let mut db = db;
        db.meetings.clear();
        assert!(!rehearsal_routes(&db).contains(&Route::Duties(None)));
    }

    #[test]
    fn the_search_is_for_the_newest_items_title_and_left_out_when_it_is_blank() {
        let mut db = example_db(day("2026-11-27"));
        let newest = db.items.iter().map(|i| i.id).max().unwrap();
        for item in db.items.iter_mut() {
            let item = Arc::make_mut(item);
            item.title = if item.id == newest {
                "  关于农村公路养护的议题 ".into()
            } else {
                "较早的议题".into()
            };
        }
        assert_eq!(rehearsal_routes(&db).last(), Some(&Route::Search("关于农村公路养护的议题".into())));
        for item in db.items.iter_mut().filter(|i| i.id == newest) {
            Arc::make_mut(item).title = " ".into();
        }
        assert!(!rehearsal_routes(&db).iter().any(|r| matches!(r, Route::Search(_))));
    }

    #[test]
    fn nothing_is_rehearsed_without_records() {
        assert!(rehearsal_routes(&Db::default()).is_empty());
    }
}
