//! The meetings area (第十八条): the list, preparation, the live tablet screen with voting, the
//! minutes and the signed summary (纪要). One file per screen; shared helpers here.

use crate::records::Reads;
use leptos::prelude::*;

use crate::app::use_app;
use crate::domain::meeting::{MeetingStage, VoteMethod};
use crate::domain::Id;
use crate::i18n::meetings::MeetingsText as T;
use crate::router::Route;

pub mod list;
pub mod live;
pub mod minutes;
pub mod prepare;
pub mod summary;
pub mod vote;

/// The page for a route of this area.
pub fn render(route: Route) -> AnyView {
    match route {
        Route::MeetingNew => view! { <prepare::NewMeetingPage/> }.into_any(),
        Route::Meeting(id) => view! { <prepare::PreparePage id=id/> }.into_any(),
        Route::MeetingLive(id) => view! { <live::LivePage id=id/> }.into_any(),
        Route::MeetingMinutes(id) => view! { <minutes::MinutesPage id=id/> }.into_any(),
        Route::MeetingSummary(id) => view! { <summary::SummaryPage id=id/> }.into_any(),
        _ => view! { <list::MeetingsList/> }.into_any(),
    }
}

/// Label of a meeting stage.
pub fn stage_text(s: MeetingStage) -> T {
    match s {
        MeetingStage::Planned => T::StagePlanned,
        MeetingStage::InProgress => T::StageInProgress,
        MeetingStage::Closed => T::StageClosed,
        MeetingStage::Signed => T::StageSigned,
    }
}

/// Pill class of a meeting stage.
pub fn stage_class(s: MeetingStage) -> &'static str {
    match s {
        MeetingStage::Planned => "pill",
        MeetingStage::InProgress => "pill pill-warn",
        MeetingStage::Closed => "pill",
        MeetingStage::Signed => "pill pill-ok",
    }
}

/// Label of a voting method.
pub fn method_text(m: VoteMethod) -> T {
    match m {
        VoteMethod::Oral => T::MethodOral,
        VoteMethod::Hands => T::MethodHands,
        VoteMethod::Named => T::MethodNamed,
        VoteMethod::Secret => T::MethodSecret,
    }
}

/// The meeting's heading line and the tabs between its screens.
#[component]
pub fn MeetingHeader(
    /// The meeting.
    id: Id,
    /// The screen shown.
    active: T,
) -> impl IntoView {
    let state = use_app();
    let head = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).map(|m| (m.kind, m.date, m.title.clone(), m.stage)))
    });
    let tab = move |t: T, route: Route, testid: &'static str| {
        let cls = if t == active { "meeting-tab active" } else { "meeting-tab" };
        view! { <a class=cls href=route.href() data-testid=testid aria-current=(t == active).then_some("page")>{move || state.t(t)}</a> }
    };
    view! {
        <header class="meeting-header">
            {move || head.get().map(|(kind, date, title, stage)| {
                let name = if title.trim().is_empty() { state.lang.get().of(&kind) } else { title };
                view! {
                    <h1>
                        <span>{name}</span>" "
                        <span class="muted meeting-date">{state.lang.get().date(date)}</span>" "
                        <span class=stage_class(stage) data-testid="meeting-stage">{state.t(stage_text(stage))}</span>
                    </h1>
                }
            })}
            <nav class="meeting-tabs no-print" aria-label=state.tr(T::Title)>
                {tab(T::TabPrepare, Route::Meeting(id), "tab-prepare")}
                {tab(T::TabLive, Route::MeetingLive(id), "tab-live")}
                {tab(T::TabMinutes, Route::MeetingMinutes(id), "tab-minutes")}
                {tab(T::TabSummary, Route::MeetingSummary(id), "tab-summary")}
            </nav>
            <crate::components::package_export::PackageExport id=id/>
            <crate::pages::print::MeetingDocLinks id=id/>
            <crate::components::conflict::ConflictNotice doc=crate::domain::doc::DocId::Meeting(id)/>
        </header>
    }
}

/// A meeting's screen: `children` while the meeting exists, else [`NoMeeting`] (the meeting
/// was deleted or the link is wrong).
#[component]
pub fn MeetingScreen(
    /// Meeting id.
    id: Id,
    /// The screen's content.
    children: ChildrenFn,
) -> impl IntoView {
    let state = use_app();
    let exists = Memo::new(move |_| state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).is_some()));
    move || if exists.get() { children().into_any() } else { view! { <NoMeeting/> }.into_any() }
}

/// "Not found" for a meeting id.
#[component]
pub fn NoMeeting() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="page">
            <p class="card">{state.tr(T::MeetingNotFound)}</p>
            <a class="btn" href="#/meetings">{state.tr(T::Title)}</a>
        </section>
    }
}

/// Current date and time (for sign-off and amendments), from the browser clock on the app's day.
pub fn now() -> chrono::NaiveDateTime {
    let state = use_app();
    let d = js_sys::Date::new_0();
    let today = state.today.get_untracked();
    today
        .and_hms_opt(d.get_hours(), d.get_minutes(), d.get_seconds())
        .unwrap_or_else(|| today.and_hms_opt(0, 0, 0).expect("midnight"))
}

/// Apply a refusable command on meeting `id` alone (one that takes `&mut Meeting`, so it can
/// change nothing else) and save that meeting; `missing` when there is no such meeting.
pub fn try_meeting<E>(
    state: crate::app::AppState,
    id: Id,
    missing: E,
    f: impl FnOnce(&mut crate::domain::meeting::Meeting) -> Result<(), E>,
) -> Result<(), E> {
    state.try_update_docs(|db| {
        f(db.meeting_mut(id).ok_or(missing)?)?;
        Ok(((), vec![crate::domain::doc::DocId::Meeting(id)]))
    })
}
