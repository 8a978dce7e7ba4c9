//! One follow-up task: what, who, deadline, status; progress reports (反馈); closing with a
//! result; escalation to a new agenda item linked to the original decision.

use crate::domain::doc::{DocId, DocKind};
use crate::records::Reads;
use leptos::prelude::*;

use crate::app::{navigate, use_app};
use crate::components::article_link::ArticleLink;
use crate::components::duty_ui::{parse_date, FieldError};
use crate::components::task_status::TaskStatusPill;
use crate::domain::article::Article;
use crate::domain::followup::{add_report, close_task, escalate};
use crate::domain::Id;
use crate::i18n::duties::DutiesText as T;
use crate::router::Route;

/// The task screen.
#[component]
pub fn TaskPage(
    /// The task's id.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    // A memo: the body (and what is typed in its forms) is rebuilt only when the task comes or
    // goes, not on every save.
    let exists = Memo::new(move |_| state.db.reading(&[Reads::task(id)], |db| db.task(id).is_some()));
    view! {
        <section class="page task-page">
            <a class="btn btn-quiet no-print" href="#/tasks">"‹ "{state.tr(T::BackToTasks)}</a>
            <crate::components::conflict::ConflictNotice doc=crate::domain::doc::DocId::Task(id)/>
            {move || if exists.get() { view! { <TaskBody id=id/> }.into_any() } else {
                view! { <p class="field-error" role="alert">{state.t(T::TaskNotFound)}</p> }.into_any()
            }}
        </section>
    }
}

#[component]
fn TaskBody(id: Id) -> impl IntoView {
    let state = use_app();
    let task = move || state.db.reading(&[Reads::task(id)], |db| db.task(id).cloned());
    let status = move || task().map(|t| t.status(state.today.get()));
    let closed = move || task().is_some_and(|t| t.closed.is_some());
    let info = move || {
        state.db.reading(
            &[Reads::task(id), Reads::Org, Reads::Kind(DocKind::Meeting), Reads::Kind(DocKind::Item)],
            |db| {
                let t = db.task(id)?;
                let member = t.member.map(|m| db.org.member_name(m));
                let dept = t.department.and_then(|d| db.org.department(d)).map(|d| d.name.clone());
                let source = t.source.map(|s| {
                    let m = db.meeting(s.meeting);
                    let title = db.item(s.item).map(|i| i.title.clone()).unwrap_or_default();
                    (s.meeting, format!("{} {}", m.map(|m| m.date.to_string()).unwrap_or_default(), title))
                });
                let escalated = t.escalated_to.map(|i| (i, db.item(i).map(|x| x.title.clone()).unwrap_or_default()));
                Some((t.title.clone(), member, dept, source, t.deadline, t.created, escalated))
            },
        )
    };
    view! {
        {move || info().map(|(title, member, dept, source, deadline, created, escalated)| {
            let overdue = status() == Some(crate::domain::task::TaskStatus::Overdue);
            view! {
                <h1 class:task-overdue-title=overdue data-testid="task-heading">{title}</h1>
                <div class="card task-facts">
                    <dl class="duty-facts">
                        <dt>{state.tr(T::Status)}</dt><dd>{status().map(|s| view! { <TaskStatusPill status=s/> })}</dd>
                        <dt>{state.tr(T::Deadline)}</dt><dd class:bad=overdue>{deadline.to_string()}</dd>
                        <dt>{state.tr(T::Created)}</dt><dd>{created.to_string()}</dd>
                        <dt>{state.tr(T::FilterMember)}</dt><dd>{member.unwrap_or_else(|| "—".into())}</dd>
                        <dt>{state.tr(T::FilterDepartment)}</dt><dd>{dept.unwrap_or_else(|| "—".into())}</dd>
                        <dt>{state.tr(T::Source)}</dt>
                        <dd>{match source {
                            Some((m, label)) => view! { <a href=Route::Meeting(m).href()>{label}</a> }.into_any(),
                            None => view! { <span>{state.tr(T::Standalone)}</span> }.into_any(),
                        }}</dd>
                        {escalated.map(|(i, t)| view! {
                            <dt>{state.tr(T::EscalatedTo)}</dt>
                            <dd><a href=Route::Item(i).href() data-testid="escalated-link">{t}</a></dd>
                        })}
                    </dl>
                    {move || task().and_then(|t| t.closed).map(|c| view! {
                        <p class="ok" data-testid="task-closed">{state.t(T::ClosedWith)}" "{c.date.to_string()}{move || state.colon()}{c.result}</p>
                    })}
                </div>
                <crate::pages::print::TaskDocLinks id=id/>
            }
        })}
        <div class="card">
            <h2>{state.tr(T::Reports)}</h2>
            <ul class="list task-reports" data-testid="task-reports">
                {move || {
                    let reports = task().map(|t| t.reports).unwrap_or_default();
                    if reports.is_empty() {
                        return view! { <li class="muted">{state.t(T::NoReports)}</li> }.into_any();
                    }
                    reports.into_iter().map(|r| view! {
                        <li class="task-report"><span class="task-report-date">{r.date.to_string()}</span>" "<strong>{r.by}</strong>{move || state.colon()}<span>{r.text}</span></li>
                    }).collect_view().into_any()
                }}
            </ul>
            <Show when=move || !closed()><ReportForm id=id/></Show>
        </div>
        <Show when=move || !closed()>
            <div class="grid2">
                <CloseForm id=id/>
                <EscalateForm id=id/>
            </div>
        </Show>
    }
}

#[component]
fn ReportForm(id: Id) -> impl IntoView {
    let state = use_app();
    let date = RwSignal::new(state.today.get_untracked().to_string());
    let text = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let error = RwSignal::new(None::<FieldError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = parse_date(&date.get_untracked()) else {
            error.set(Some(FieldError::Text(T::ErrDate)));
            return;
        };
        let (t, b) = (text.get_untracked(), by.get_untracked());
        match state.try_update_docs(|db| add_report(db, id, d, &t, &b).map(|()| ((), vec![DocId::Task(id)]))) {
            Ok(()) => {
                error.set(None);
                text.set(String::new());
            }
            Err(e) => error.set(Some(FieldError::Refused(e))),
        }
    };
    view! {
        <form class="task-form no-print" on:submit=submit data-testid="report-form">
            <div class="grid3">
                <label class="field"><span class="field-label">{state.tr(T::ReportDate)}</span>
                    <input type="date" data-testid="report-date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/></label>
                <label class="field"><span class="field-label">{state.tr(T::ReportBy)}</span>
                    <input type="text" data-testid="report-by" prop:value=move || by.get() on:input=move |ev| by.set(event_target_value(&ev))/></label>
            </div>
            <label class="field" class:has-error=move || error.get().is_some()><span class="field-label">{state.tr(T::ReportText)}</span>
                <textarea data-testid="report-text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                {move || error.get().map(|e| view! { <span class="field-error" role="alert">{move || state.lang.get().of(&e)}</span> })}
            </label>
            <button type="submit" class="btn btn-primary" data-testid="report-add">{state.tr(T::AddReport)}</button>
        </form>
    }
}

#[component]
fn CloseForm(id: Id) -> impl IntoView {
    let state = use_app();
    let date = RwSignal::new(state.today.get_untracked().to_string());
    let result = RwSignal::new(String::new());
    let error = RwSignal::new(None::<FieldError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = parse_date(&date.get_untracked()) else {
            error.set(Some(FieldError::Text(T::ErrDate)));
            return;
        };
        let r = result.get_untracked();
        match state.try_update_docs(|db| close_task(db, id, d, &r).map(|()| ((), vec![DocId::Task(id)]))) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(FieldError::Refused(e))),
        }
    };
    view! {
        <form class="card no-print" on:submit=submit data-testid="close-form">
            <h2>{state.tr(T::CloseTask)}</h2>
            <label class="field"><span class="field-label">{state.tr(T::CloseDate)}</span>
                <input type="date" data-testid="close-date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/></label>
            <label class="field" class:has-error=move || error.get().is_some()><span class="field-label">{state.tr(T::Result)}</span>
                <textarea data-testid="close-result" prop:value=move || result.get() on:input=move |ev| result.set(event_target_value(&ev))></textarea>
                {move || error.get().map(|e| view! { <span class="field-error" role="alert">{move || state.lang.get().of(&e)}</span> })}
            </label>
            <button type="submit" class="btn btn-primary" data-testid="close-task">{state.tr(T::CloseTask)}</button>
        </form>
    }
}

#[component]
fn EscalateForm(id: Id) -> impl IntoView {
    let state = use_app();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<FieldError>);
    let escalated =
        move || state.db.reading(&[Reads::task(id)], |db| db.task(id).is_some_and(|t| t.escalated_to.is_some()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let today = state.today.get_untracked();
        let r = reason.get_untracked();
        match state.try_update_docs(|db| {
            escalate(db, id, today, &r).map(|item| (item, vec![DocId::Task(id), DocId::Item(item)]))
        }) {
            Ok(item) => navigate(&Route::Item(item)),
            Err(e) => error.set(Some(FieldError::Refused(e))),
        }
    };
    view! {
        <Show when=move || !escalated()>
            <form class="card no-print" on:submit=submit data-testid="escalate-form">
                <h2>{state.tr(T::Escalate)}</h2>
                <p class="muted">{state.tr(T::EscalateHint)}" "<ArticleLink article=Article::clause(18, 7)/></p>
                <label class="field" class:has-error=move || error.get().is_some()><span class="field-label">{state.tr(T::EscalateReason)}</span>
                    <textarea data-testid="escalate-reason" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                    {move || error.get().map(|e| view! { <span class="field-error" role="alert">{move || state.lang.get().of(&e)}</span> })}
                </label>
                <button type="submit" class="btn" data-testid="escalate">{state.tr(T::Escalate)}</button>
            </form>
        </Show>
    }
}
