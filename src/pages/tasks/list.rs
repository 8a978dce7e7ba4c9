//! The supervision view (督办一览): counts, filters (member, department, meeting, overdue),
//! overdue tasks first and in red, and a form for a new task.

use std::sync::Arc;

use crate::domain::doc::{DocId, DocKind};
use crate::records::Reads;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::components::duty_ui::{department_options, member_options, parse_date, FieldError, IdSelect};
use crate::components::office_export::OfficeExport;
use crate::components::pager::{Pager, PAGE};
use crate::components::task_status::{pill_style, task_status_text};
use crate::domain::article::Article;
use crate::domain::followup::{count_tasks, create_task, filter_tasks, TaskFilter};
use crate::domain::item::DecisionRef;
use crate::domain::task::TaskStatus;
use crate::domain::Id;
use crate::i18n::duties::DutiesText as T;
use crate::i18n::phrases::Phrase;
use crate::office::build::OfficeFile;

/// The supervision view.
#[component]
pub fn TasksPage() -> impl IntoView {
    let state = use_app();
    let member = RwSignal::new(None::<Id>);
    let department = RwSignal::new(None::<Id>);
    let meeting = RwSignal::new(None::<Id>);
    let overdue_only = RwSignal::new(false);
    let include_closed = RwSignal::new(false);
    // Rows rendered at most (overdue first, as filter_tasks orders them); back to one page when
    // a filter changes.
    let limit = RwSignal::new(PAGE);
    Effect::new(move |_| {
        member.track();
        department.track();
        meeting.track();
        overdue_only.track();
        include_closed.track();
        limit.set(PAGE);
    });
    let filter = move || TaskFilter {
        member: member.get(),
        department: department.get(),
        meeting: meeting.get(),
        overdue_only: overdue_only.get(),
        include_closed: include_closed.get(),
    };
    let counts = move || {
        let today = state.today.get();
        state.db.reading(&[Reads::Kind(DocKind::Task)], |db| count_tasks(db.tasks.iter().map(Arc::as_ref), today))
    };
    let meeting_options = Signal::derive(move || {
        state.db.reading(&[Reads::Kind(DocKind::Task), Reads::Kind(DocKind::Meeting)], |db| {
            let mut ids: Vec<Id> = db.tasks.iter().filter_map(|t| t.source.map(|s| s.meeting)).collect();
            crate::domain::sort::sort(&mut ids);
            ids.dedup();
            ids.into_iter()
                .filter_map(|id| {
                    db.meeting(id).map(|m| {
                        (
                            id,
                            format!(
                                "{} {}",
                                m.date,
                                if m.title.is_empty() { m.kind.zh().to_string() } else { m.title.clone() }
                            ),
                        )
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let members = Signal::derive(move || member_options(state.today.get()));
    let departments = Signal::derive(department_options);
    let rows = Memo::new(move |_| {
        let today = state.today.get();
        let f = filter();
        state.db.with(|db| {
            filter_tasks(db, &f, today)
                .into_iter()
                .map(|t| {
                    let who = [
                        t.member.map(|m| db.org.member_name(m)),
                        t.department.and_then(|d| db.org.department(d)).map(|d| d.name.clone()),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                    let late = (today - t.deadline).num_days();
                    (t.id, t.title.clone(), who, t.deadline, t.status(today), late)
                })
                .collect::<Vec<_>>()
        })
    });
    let total = Signal::derive(move || rows.with(|r| r.len()));
    let c = move |f: fn(&crate::domain::followup::TaskCounts) -> u32| move || f(&counts());
    view! {
        <section class="page tasks-page">
            <div class="page-head">
                <h1>{state.tr(T::TasksTitle)}</h1>
                <OfficeExport file=OfficeFile::Tasks testid="tasks-xlsx"/>
            </div>
            <p class="muted">{state.tr(T::TasksIntro)}" "<ArticleLink article=Article::clause(18, 7)/></p>
            <div class="tiles task-tiles" data-testid="task-counts">
                <div class="tile"><span class="tile-num" data-testid="count-open">{c(|c| c.total - c.done)}</span><span class="tile-label">{state.tr(T::CountOpen)}</span></div>
                <div class="tile"><span class="tile-num">{c(|c| c.not_started)}</span><span class="tile-label">{state.tr(T::CountNotStarted)}</span></div>
                <div class="tile"><span class="tile-num">{c(|c| c.in_progress)}</span><span class="tile-label">{state.tr(T::CountInProgress)}</span></div>
                <div class="tile" class:tile-bad=move || { counts().overdue > 0 }><span class="tile-num" data-testid="count-overdue">{c(|c| c.overdue)}</span><span class="tile-label">{state.tr(T::CountOverdue)}</span></div>
                <div class="tile"><span class="tile-num">{c(|c| c.done)}</span><span class="tile-label">{state.tr(T::CountDone)}</span></div>
            </div>
            <NewTaskForm/>
            <div class="card task-filters">
                <div class="grid3">
                    <IdSelect label=state.tr_signal(T::FilterMember) options=members value=member empty=state.tr_signal(T::All) testid="filter-member"/>
                    <IdSelect label=state.tr_signal(T::FilterDepartment) options=departments value=department empty=state.tr_signal(T::All) testid="filter-department"/>
                    <IdSelect label=state.tr_signal(T::FilterMeeting) options=meeting_options value=meeting empty=state.tr_signal(T::All) testid="filter-meeting"/>
                </div>
                <label class="check">
                    <input type="checkbox" data-testid="filter-overdue" prop:checked=move || overdue_only.get() on:change=move |ev| overdue_only.set(event_target_checked(&ev))/>
                    <span>{state.tr(T::FilterOverdue)}</span>
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="filter-closed" prop:checked=move || include_closed.get() on:change=move |ev| include_closed.set(event_target_checked(&ev))/>
                    <span>{state.tr(T::FilterClosed)}</span>
                </label>
            </div>
            <ul class="task-list" data-testid="task-list">
                {move || {
                    let rows = rows.get();
                    if rows.is_empty() {
                        return view! { <li class="muted task-empty">{state.t(T::NoTasks)}</li> }.into_any();
                    }
                    // The rows read the language here, once: a language switch builds them
                    // again, and a row holds no reactive text of its own.
                    let lang = state.lang.get();
                    let deadline_label = format!("{}{}", state.t(T::Deadline), state.colon());
                    rows.into_iter().take(limit.get()).map(|(id, title, who, deadline, status, late)| {
                        let overdue = status == TaskStatus::Overdue;
                        let (class, key) = pill_style(status);
                        view! {
                            <li class="task-row" class:task-overdue=overdue data-testid="task-row">
                                <a class="task-link" href=format!("#/tasks/{id}")>
                                    <span class="task-title">{title}</span>
                                    <span class="task-meta">
                                        <span class="task-who">{who}</span>
                                        <span class="task-deadline">{format!("{deadline_label}{deadline}")}</span>
                                        {overdue.then(|| view! { <span class="task-late">{lang.of(&Phrase::DaysOverdue(late))}</span> })}
                                    </span>
                                </a>
                                <span class=class data-status=key>{state.t(task_status_text(status))}</span>
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
            <Pager total=total limit=limit/>
        </section>
    }
}

/// Creating a task: from a decision of a meeting, or standalone.
#[component]
fn NewTaskForm() -> impl IntoView {
    let state = use_app();
    let open = RwSignal::new(false);
    let title = RwSignal::new(String::new());
    let member = RwSignal::new(None::<Id>);
    let department = RwSignal::new(None::<Id>);
    let source = RwSignal::new(None::<Id>);
    let deadline = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(u8, FieldError)>);
    // Decisions: items with a recorded, passed result, keyed by a synthetic index.
    let decisions = Signal::derive(move || {
        state.db.reading(&[Reads::Kind(DocKind::Meeting), Reads::Kind(DocKind::Item)], |db| {
            let mut v = Vec::new();
            for m in &db.meetings {
                for r in &m.items {
                    if r.result.as_ref().is_some_and(|x| x.passed) || !r.decision.trim().is_empty() {
                        let t = db.item(r.item).map(|i| i.title.clone()).unwrap_or_default();
                        v.push((m.id, r.item, format!("{} {}", m.date, t)));
                    }
                }
            }
            v
        })
    });
    let decision_options = Signal::derive(move || {
        decisions.get().into_iter().enumerate().map(|(i, (_, _, l))| (i as Id, l)).collect::<Vec<_>>()
    });
    let members = Signal::derive(move || member_options(state.today.get()));
    let departments = Signal::derive(department_options);
    let err_of = move |k: u8| Signal::derive(move || error.get().filter(|e| e.0 == k).map(|e| e.1));
    let submit = move |_| {
        let Some(dl) = parse_date(&deadline.get_untracked()) else {
            error.set(Some((2, FieldError::Text(T::ErrDate))));
            return;
        };
        let src = source.get_untracked().and_then(|i| {
            decisions.get_untracked().get(i as usize).map(|(m, it, _)| DecisionRef { meeting: *m, item: *it })
        });
        let today = state.today.get_untracked();
        let t = title.get_untracked();
        let (m, d) = (member.get_untracked(), department.get_untracked());
        match state
            .try_update_docs(|db| create_task(db, &t, src, m, d, dl, today).map(|id| (id, vec![DocId::Task(id)])))
        {
            Ok(_) => {
                error.set(None);
                title.set(String::new());
                deadline.set(String::new());
                open.set(false);
            }
            Err(e) => {
                let k = if matches!(e, crate::domain::followup::FollowUpError::EmptyText) { 1 } else { 2 };
                error.set(Some((k, FieldError::Refused(e))));
            }
        }
    };
    view! {
        <div class="no-print">
            <Show when=move || open.get() fallback=move || view! {
                <button type="button" class="btn btn-primary" on:click=move |_| open.set(true) data-testid="new-task">{state.tr(T::NewTask)}</button>
            }>
                <form class="card" on:submit=move |ev| { ev.prevent_default(); submit(()) } data-testid="new-task-form">
                    <h2>{state.tr(T::NewTask)}</h2>
                    <label class="field" class:has-error=move || err_of(1).get().is_some()>
                        <span class="field-label">{state.tr(T::TaskWhat)}</span>
                        <input type="text" data-testid="task-title" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                        {move || err_of(1).get().map(|e| view! { <span class="field-error" role="alert">{move || state.lang.get().of(&e)}</span> })}
                    </label>
                    <div class="grid2">
                        <IdSelect label=state.tr_signal(T::Source) options=decision_options value=source empty=state.tr_signal(T::Standalone) testid="task-source"/>
                        <label class="field" class:has-error=move || err_of(2).get().is_some()>
                            <span class="field-label">{state.tr(T::Deadline)}</span>
                            <input type="date" data-testid="task-deadline" prop:value=move || deadline.get() on:input=move |ev| deadline.set(event_target_value(&ev))/>
                            {move || err_of(2).get().map(|e| view! { <span class="field-error" role="alert">{move || state.lang.get().of(&e)}</span> })}
                        </label>
                        <IdSelect label=state.tr_signal(T::FilterMember) options=members value=member empty=state.tr_signal(T::None_) testid="task-member"/>
                        <IdSelect label=state.tr_signal(T::FilterDepartment) options=departments value=department empty=state.tr_signal(T::None_) testid="task-department"/>
                    </div>
                    <div class="row gap wrap">
                        <button type="submit" class="btn btn-primary" data-testid="task-create">{state.tr(T::Create)}</button>
                        <button type="button" class="btn btn-quiet" on:click=move |_| { open.set(false); error.set(None) }>{state.tr(T::Cancel)}</button>
                    </div>
                </form>
            </Show>
        </div>
    }
}
