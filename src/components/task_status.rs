//! The status pill of a follow-up task (未开始/进行中/已完成/逾期).

use leptos::prelude::*;

use crate::app::use_app;
use crate::domain::task::TaskStatus;
use crate::i18n::duties::DutiesText as T;

pub fn task_status_text(s: TaskStatus) -> T {
    match s {
        TaskStatus::NotStarted => T::CountNotStarted,
        TaskStatus::InProgress => T::CountInProgress,
        TaskStatus::Done => T::CountDone,
        TaskStatus::Overdue => T::CountOverdue,
    }
}

/// A coloured pill: overdue red, done green, in progress amber.
#[component]
pub fn TaskStatusPill(
    /// The status.
    status: TaskStatus,
) -> impl IntoView {
    let state = use_app();
    let (class, key) = pill_style(status);
    view! { <span class=class data-status=key>{move || state.t(task_status_text(status))}</span> }
}

/// The pill's class and `data-status` key of a status.
pub fn pill_style(status: TaskStatus) -> (&'static str, &'static str) {
    let class = match status {
        TaskStatus::Overdue => "pill pill-bad",
        TaskStatus::Done => "pill pill-ok",
        TaskStatus::InProgress => "pill pill-warn",
        TaskStatus::NotStarted => "pill",
    };
    let key = match status {
        TaskStatus::NotStarted => "not-started",
        TaskStatus::InProgress => "in-progress",
        TaskStatus::Done => "done",
        TaskStatus::Overdue => "overdue",
    };
    (class, key)
}
