//! The meetings list: newest first, with kind, date, stage and summary number; the newest
//! `PAGE` shown, more on request (components::pager).

use leptos::prelude::*;

use super::{stage_class, stage_text};
use crate::app::use_app;
use crate::components::pager::{Pager, PAGE};
use crate::domain::summary::number_label;
use crate::i18n::meetings::MeetingsText as T;
use crate::i18n::phrases::Phrase;
use crate::router::Route;

/// 会议列表
#[component]
pub fn MeetingsList() -> impl IntoView {
    let state = use_app();
    let limit = RwSignal::new(PAGE);
    let rows = Memo::new(move |_| {
        state.db.with(|db| {
            let mut v: Vec<_> = db
                .meetings
                .iter()
                .map(|m| {
                    (
                        m.id,
                        m.date,
                        m.kind,
                        m.title.clone(),
                        m.stage,
                        m.items.len(),
                        m.summary.as_ref().map(|s| number_label(s.year, s.number)),
                    )
                })
                .collect();
            crate::domain::sort::sort_by(&mut v, |a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
            v
        })
    });
    let total = Signal::derive(move || rows.with(|r| r.len()));
    view! {
        <section class="page meetings-page">
            <div class="page-head">
                <h1>{state.tr(T::Title)}</h1>
                <a class="btn btn-primary" href=Route::MeetingNew.href() data-testid="new-meeting">{state.tr(T::NewMeeting)}</a>
            </div>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p class="card">{state.t(T::NoMeetings)}</p> }.into_any();
                }
                let lang = state.lang.get();
                view! {
                    <ul class="list card meeting-list" data-testid="meeting-list">
                        {rows.into_iter().take(limit.get()).map(|(id, date, kind, title, stage, n, number)| {
                            let name = if !title.trim().is_empty() { title } else { lang.of(&kind) };
                            let href = match stage {
                                crate::domain::meeting::MeetingStage::InProgress => Route::MeetingLive(id).href(),
                                crate::domain::meeting::MeetingStage::Planned => Route::Meeting(id).href(),
                                _ => Route::MeetingMinutes(id).href(),
                            };
                            view! {
                                <li>
                                    <a class="list-link meeting-row" href=href data-testid="meeting-row" data-stage=format!("{stage:?}")>
                                        <span class="meeting-row-date">{state.lang.get().date(date)}</span>
                                        <span class="meeting-row-name">{name}</span>
                                        <span class="muted">{lang.of(&Phrase::ItemCount(n))}</span>
                                        {number.map(|s| view! { <span class="pill">{s}</span> })}
                                        <span class=stage_class(stage)>{state.t(stage_text(stage))}</span>
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <Pager total=total limit=limit/>
        </section>
    }
}
