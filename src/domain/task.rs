//! Follow-up of decisions (督办, 第十八条（七）).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{item::DecisionRef, Id};

/// A progress report. 反馈
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressReport {
    pub by: String,
    #[serde(with = "crate::domain::date_format")]
    pub date: NaiveDate,
    pub text: String,
}

/// How a task was closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    #[serde(with = "crate::domain::date_format")]
    pub date: NaiveDate,
    pub result: String,
}

/// Derived status of a task on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TaskStatus {
    /// 未开始
    NotStarted,
    /// 进行中
    InProgress,
    /// 已完成
    Done,
    /// 逾期
    Overdue,
}

/// A follow-up task. 督办事项
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpTask {
    pub closed: Option<Closure>,
    #[serde(with = "crate::domain::date_format")]
    pub created: NaiveDate,
    #[serde(with = "crate::domain::date_format")]
    pub deadline: NaiveDate,
    /// 责任科室
    pub department: Option<Id>,
    /// The agenda item it was escalated to (a change of the decision needs a meeting).
    pub escalated_to: Option<Id>,
    pub id: Id,
    /// 责任党组成员
    pub member: Option<Id>,
    #[serde(default)]
    pub reports: Vec<ProgressReport>,
    /// The decision it implements; `None` for a standalone task.
    pub source: Option<DecisionRef>,
    pub title: String,
}

impl FollowUpTask {
    /// Status on `today`: done when closed; overdue when the deadline has passed; otherwise
    /// in progress once a report exists.
    pub fn status(&self, today: NaiveDate) -> TaskStatus {
        if self.closed.is_some() {
            TaskStatus::Done
        } else if today > self.deadline {
            TaskStatus::Overdue
        } else if self.reports.is_empty() {
            TaskStatus::NotStarted
        } else {
            TaskStatus::InProgress
        }
    }
}
