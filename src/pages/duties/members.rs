//! Per-member view (一岗双责): what each member is responsible for — departments in charge,
//! follow-up tasks, their figures in the duties (attendance, village days, contact point,
//! talks) — and what is outstanding.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::duty_ui::{DutyTabs, YearSwitch};
use crate::domain::rules::evaluate_duties;
use crate::domain::task::TaskStatus;
use crate::i18n::duties::DutiesText as T;
use crate::i18n::{role_label, Text};
use crate::router::Route;

/// The per-member view.
#[component]
pub fn MembersPage(
    /// The year shown.
    year: i32,
) -> impl IntoView {
    let state = use_app();
    let cards = move || {
        let today = state.today.get();
        let lang = state.lang.get();
        let y0 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
        let y1 = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
        state.db.with(|db| {
            let duties = evaluate_duties(db, year, today);
            db.org
                .members
                .iter()
                .filter(|m| m.terms.iter().any(|t| t.start <= y1 && t.end.is_none_or(|e| e >= y0)))
                .map(|m| {
                    let depts: Vec<String> = db
                        .org
                        .departments
                        .iter()
                        .filter(|d| d.in_charge == Some(m.id))
                        .map(|d| d.name.clone())
                        .collect();
                    let tasks: Vec<_> = db
                        .tasks
                        .iter()
                        .filter(|t| t.member == Some(m.id) && t.closed.is_none())
                        .map(|t| (t.id, t.title.clone(), t.deadline, t.status(today) == TaskStatus::Overdue))
                        .collect();
                    let figures: Vec<_> = duties
                        .iter()
                        .filter_map(|d| {
                            d.per_member
                                .iter()
                                .find(|p| p.0 == m.id)
                                .map(|p| (lang.of(&d.duty), p.1, p.2, p.1 < p.2 && d.overdue))
                        })
                        .collect();
                    let role = m.role_at(today.min(y1).max(y0)).or_else(|| m.terms.last().map(|t| t.role));
                    (m.id, m.display_name(), role, depts, tasks, figures)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page duty-members-page">
            <h1>{state.tr(T::MembersTitle)}</h1>
            <DutyTabs current=Route::DutyMembers(Some(year)) year=year/>
            <YearSwitch year=year to=|y| Route::DutyMembers(Some(y))/>
            <div class="duty-member-grid">
                {move || cards().into_iter().map(|(id, name, role, depts, tasks, figures)| {
                    let role_text = role.map(|r| role_label(r).get(state.lang.get_untracked()));
                    let outstanding = tasks.len() + figures.iter().filter(|f| f.1 < f.2).count();
                    view! {
                        <article class="card duty-member" data-testid="member-duties" data-member=id.to_string()>
                            <h2>{name}" "<span class="muted">{role_text}</span></h2>
                            <p><strong>{state.tr(T::InCharge)}{move || state.colon()}</strong>{if depts.is_empty() { "—".to_string() } else { depts.join("、") }}</p>
                            <h3>{state.tr(T::OpenTasksOf)}</h3>
                            <ul class="list">
                                {tasks.into_iter().map(|(tid, title, deadline, overdue)| view! {
                                    <li class:task-overdue=overdue><a class="list-link" href=Route::Task(tid).href()>{title}" · "{deadline.to_string()}</a></li>
                                }).collect_view()}
                            </ul>
                            <table class="duty-figures">
                                <caption class="sr-only">{state.tr(T::FiguresCaption)}</caption>
                                <tbody>
                                    {figures.into_iter().map(|(duty, done, req, bad)| view! {
                                        <tr class:bad=bad><th scope="row">{duty}</th><td>{format!("{done}/{req}")}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <p class={if outstanding > 0 { "pill pill-warn" } else { "pill pill-ok" }}>
                                {move || if outstanding > 0 { format!("{} {}", state.t(T::Outstanding), outstanding) } else { state.t(T::NothingOutstanding).to_string() }}
                            </p>
                        </article>
                    }
                }).collect_view()}
            </div>
        </section>
    }
}
