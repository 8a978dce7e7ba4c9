//! Supervision of follow-up tasks (督办, 第十八条（七）): filtering for the office's view,
//! counts, progress reports, closing, and escalation to a new agenda item.

use std::sync::Arc;

use chrono::NaiveDate;

use super::{
    db::{Db, Records},
    item::{AgendaItem, ItemStatus, Proposer, StatusChange},
    task::{Closure, FollowUpTask, ProgressReport, TaskStatus},
    Id,
};

/// Filters of the supervision view. `None` means "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskFilter {
    pub member: Option<Id>,
    pub department: Option<Id>,
    /// The meeting whose decision the task implements.
    pub meeting: Option<Id>,
    /// Only overdue tasks.
    pub overdue_only: bool,
    /// Include closed tasks (the default view lists open tasks only).
    pub include_closed: bool,
}

impl TaskFilter {
    pub fn matches(&self, t: &FollowUpTask, today: NaiveDate) -> bool {
        (self.include_closed || t.closed.is_none())
            && self.member.is_none_or(|m| t.member == Some(m))
            && self.department.is_none_or(|d| t.department == Some(d))
            && self.meeting.is_none_or(|m| t.source.is_some_and(|s| s.meeting == m))
            && (!self.overdue_only || t.status(today) == TaskStatus::Overdue)
    }
}

/// Tasks matching the filter, overdue first, then by deadline.
pub fn filter_tasks<'a>(db: &'a Db, f: &TaskFilter, today: NaiveDate) -> Vec<&'a FollowUpTask> {
    let mut v: Vec<&FollowUpTask> = db.tasks.iter().map(Arc::as_ref).filter(|t| f.matches(t, today)).collect();
    crate::domain::sort::sort_by_key(&mut v, |t| {
        (t.status(today) != TaskStatus::Overdue, t.closed.is_some(), t.deadline, t.id)
    });
    v
}

/// Counts by status. 统计
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TaskCounts {
    pub total: u32,
    pub not_started: u32,
    pub in_progress: u32,
    pub overdue: u32,
    pub done: u32,
    /// Closed on or before the deadline.
    pub done_on_time: u32,
}

pub fn count_tasks<'a>(tasks: impl IntoIterator<Item = &'a FollowUpTask>, today: NaiveDate) -> TaskCounts {
    let mut c = TaskCounts::default();
    for t in tasks {
        c.total += 1;
        match t.status(today) {
            TaskStatus::NotStarted => c.not_started += 1,
            TaskStatus::InProgress => c.in_progress += 1,
            TaskStatus::Overdue => c.overdue += 1,
            TaskStatus::Done => {
                c.done += 1;
                if t.closed.as_ref().is_some_and(|cl| cl.date <= t.deadline) {
                    c.done_on_time += 1;
                }
            }
        }
    }
    c
}

/// Why a follow-up change was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FollowUpError {
    /// No such task.
    NotFound,
    /// The task is already closed.
    Closed,
    /// Text is required (反馈内容 / 办理结果 / 事项).
    EmptyText,
    /// The date is before the task was created.
    BeforeCreated,
    /// The deadline is before the creation date.
    DeadlineBeforeCreated,
    /// Already escalated.
    AlreadyEscalated,
}

impl FollowUpError {
    pub fn zh(&self) -> &'static str {
        match self {
            FollowUpError::NotFound => "找不到该督办事项",
            FollowUpError::Closed => "该事项已办结，不能再修改",
            FollowUpError::EmptyText => "请填写内容",
            FollowUpError::BeforeCreated => "日期不能早于立项日期",
            FollowUpError::DeadlineBeforeCreated => "办结期限不能早于立项日期",
            FollowUpError::AlreadyEscalated => "该事项已提交党组会议研究",
        }
    }
    pub fn en(&self) -> &'static str {
        match self {
            FollowUpError::NotFound => "No such task",
            FollowUpError::Closed => "The task is closed and cannot be changed",
            FollowUpError::EmptyText => "Please enter the text",
            FollowUpError::BeforeCreated => "The date cannot be before the task was created",
            FollowUpError::DeadlineBeforeCreated => "The deadline cannot be before the creation date",
            FollowUpError::AlreadyEscalated => "The task has already been escalated to a meeting",
        }
    }
}

fn open_task(db: &mut Db, id: Id) -> Result<&mut FollowUpTask, FollowUpError> {
    let t = db.task_mut(id).ok_or(FollowUpError::NotFound)?;
    if t.closed.is_some() {
        return Err(FollowUpError::Closed);
    }
    Ok(t)
}

/// Create a task (from a decision or standalone). Returns its id.
#[allow(clippy::too_many_arguments)]
pub fn create_task(
    db: &mut Db,
    title: &str,
    source: Option<super::item::DecisionRef>,
    member: Option<Id>,
    department: Option<Id>,
    deadline: NaiveDate,
    created: NaiveDate,
) -> Result<Id, FollowUpError> {
    if title.trim().is_empty() {
        return Err(FollowUpError::EmptyText);
    }
    if deadline < created {
        return Err(FollowUpError::DeadlineBeforeCreated);
    }
    let id = db.new_id();
    db.tasks.add(FollowUpTask {
        id,
        title: title.trim().to_string(),
        source,
        member,
        department,
        deadline,
        created,
        reports: Vec::new(),
        closed: None,
        escalated_to: None,
    });
    Ok(id)
}

/// Add a progress report (反馈). Reports stay in date order.
pub fn add_report(db: &mut Db, task: Id, date: NaiveDate, text: &str, by: &str) -> Result<(), FollowUpError> {
    let t = open_task(db, task)?;
    if text.trim().is_empty() || by.trim().is_empty() {
        return Err(FollowUpError::EmptyText);
    }
    if date < t.created {
        return Err(FollowUpError::BeforeCreated);
    }
    t.reports.push(ProgressReport { date, text: text.trim().into(), by: by.trim().into() });
    crate::domain::sort::sort_by_key(&mut t.reports, |r| r.date);
    Ok(())
}

/// Close a task with its result (办结).
pub fn close_task(db: &mut Db, task: Id, date: NaiveDate, result: &str) -> Result<(), FollowUpError> {
    let t = open_task(db, task)?;
    if result.trim().is_empty() {
        return Err(FollowUpError::EmptyText);
    }
    if date < t.created {
        return Err(FollowUpError::BeforeCreated);
    }
    t.closed = Some(Closure { date, result: result.trim().into() });
    Ok(())
}

/// Escalate (提请党组会议研究): the task needs a change of the decision, which only a meeting
/// can make (第十八条（七）). Creates a new agenda item in 提出 state whose `changes_decision`
/// links the original decision, marks the task, and returns the new item's id. The task stays
/// open until the meeting decides.
pub fn escalate(db: &mut Db, task: Id, today: NaiveDate, reason: &str) -> Result<Id, FollowUpError> {
    let t = open_task(db, task)?;
    if t.escalated_to.is_some() {
        return Err(FollowUpError::AlreadyEscalated);
    }
    if reason.trim().is_empty() {
        return Err(FollowUpError::EmptyText);
    }
    let (title, source, member, department) = (t.title.clone(), t.source, t.member, t.department);
    let category = source.and_then(|s| db.item(s.item)).map(|i| i.category).unwrap_or(super::category::Category::Other);
    let id = db.new_id();
    db.items.add(AgendaItem {
        proposer: member.map_or(Proposer::Secretary, Proposer::Member),
        in_charge: member,
        department,
        materials: format!("督办事项“{title}”落实中需要调整原决定：{}", reason.trim()),
        history: vec![StatusChange {
            to: ItemStatus::Proposed, date: today, note: format!("由督办事项#{task}提请")
        }],
        changes_decision: source,
        ..AgendaItem::proposed(id, format!("关于调整“{title}”决定事项的议题"), category, today)
    });
    let t = db.task_mut(task).expect("checked above");
    t.escalated_to = Some(id);
    t.reports.push(ProgressReport {
        date: today,
        text: format!("提请党组会议研究调整决定：{}", reason.trim()),
        by: "办公室".into(),
    });
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::item::DecisionRef;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn db_with_tasks() -> Db {
        let mut db = Db { next_id: 100, ..Default::default() };
        create_task(
            &mut db,
            "A",
            Some(DecisionRef { meeting: 1, item: 2 }),
            Some(10),
            Some(20),
            d(2026, 1, 31),
            d(2026, 1, 1),
        )
        .unwrap();
        create_task(&mut db, "B", None, Some(11), None, d(2026, 3, 1), d(2026, 1, 1)).unwrap();
        create_task(
            &mut db,
            "C",
            Some(DecisionRef { meeting: 5, item: 6 }),
            Some(10),
            None,
            d(2026, 2, 1),
            d(2026, 1, 1),
        )
        .unwrap();
        db
    }

    #[test]
    fn filters_by_member_department_meeting_and_overdue() {
        let db = db_with_tasks();
        let today = d(2026, 2, 1); // A overdue (deadline 1-31), C due today (not overdue)
        let ids = |f: TaskFilter| filter_tasks(&db, &f, today).iter().map(|t| t.title.clone()).collect::<Vec<_>>();
        assert_eq!(ids(TaskFilter::default()), ["A", "C", "B"]);
        assert_eq!(ids(TaskFilter { member: Some(10), ..Default::default() }), ["A", "C"]);
        assert_eq!(ids(TaskFilter { department: Some(20), ..Default::default() }), ["A"]);
        assert_eq!(ids(TaskFilter { meeting: Some(5), ..Default::default() }), ["C"]);
        assert_eq!(ids(TaskFilter { overdue_only: true, ..Default::default() }), ["A"]);
        // The day after C's deadline it is overdue too.
        let f = TaskFilter { overdue_only: true, ..Default::default() };
        assert_eq!(filter_tasks(&db, &f, d(2026, 2, 2)).len(), 2);
    }

    #[test]
    fn closed_tasks_leave_the_open_list_and_count_on_time() {
        let mut db = db_with_tasks();
        let a = db.tasks[0].id;
        let b = db.tasks[1].id;
        close_task(&mut db, a, d(2026, 2, 3), "done late").unwrap();
        close_task(&mut db, b, d(2026, 3, 1), "done on the deadline").unwrap();
        let today = d(2026, 3, 5);
        assert_eq!(filter_tasks(&db, &TaskFilter::default(), today).len(), 1);
        let all = TaskFilter { include_closed: true, ..Default::default() };
        assert_eq!(filter_tasks(&db, &all, today).len(), 3);
        let c = count_tasks(db.tasks.iter().map(Arc::as_ref), today);
        assert_eq!((c.total, c.done, c.done_on_time, c.overdue), (3, 2, 1, 1));
        assert_eq!(close_task(&mut db, a, today, "again"), Err(FollowUpError::Closed));
    }

    #[test]
    fn reports_are_validated_and_sorted() {
        let mut db = db_with_tasks();
        let a = db.tasks[0].id;
        assert_eq!(add_report(&mut db, a, d(2026, 1, 5), "  ", "王"), Err(FollowUpError::EmptyText));
        assert_eq!(add_report(&mut db, a, d(2025, 12, 31), "x", "王"), Err(FollowUpError::BeforeCreated));
        add_report(&mut db, a, d(2026, 1, 9), "second", "王").unwrap();
        add_report(&mut db, a, d(2026, 1, 1), "first", "李").unwrap();
        let t = db.task(a).unwrap();
        assert_eq!(t.reports.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(), ["first", "second"]);
        assert_eq!(t.status(d(2026, 1, 10)), TaskStatus::InProgress);
        assert_eq!(add_report(&mut db, 999, d(2026, 1, 9), "x", "y"), Err(FollowUpError::NotFound));
    }

    #[test]
    fn create_refuses_empty_title_and_deadline_before_creation() {
        let mut db = Db::default();
        assert_eq!(
            create_task(&mut db, " ", None, None, None, d(2026, 1, 2), d(2026, 1, 1)),
            Err(FollowUpError::EmptyText)
        );
        assert_eq!(
            create_task(&mut db, "x", None, None, None, d(2025, 12, 31), d(2026, 1, 1)),
            Err(FollowUpError::DeadlineBeforeCreated)
        );
        assert!(db.tasks.is_empty());
        assert!(create_task(&mut db, "x", None, None, None, d(2026, 1, 1), d(2026, 1, 1)).is_ok());
    }

    #[test]
    fn escalation_creates_an_item_linked_to_the_original_decision() {
        let mut db = db_with_tasks();
        let a = db.tasks[0].id;
        assert_eq!(escalate(&mut db, a, d(2026, 1, 20), ""), Err(FollowUpError::EmptyText));
        let item = escalate(&mut db, a, d(2026, 1, 20), "资金不足").unwrap();
        let it = db.item(item).unwrap();
        assert_eq!(it.changes_decision, Some(DecisionRef { meeting: 1, item: 2 }));
        assert_eq!(it.status, ItemStatus::Proposed);
        assert_eq!(it.in_charge, Some(10));
        assert_eq!(db.task(a).unwrap().escalated_to, Some(item));
        assert!(db.task(a).unwrap().closed.is_none());
        assert_eq!(escalate(&mut db, a, d(2026, 1, 21), "again"), Err(FollowUpError::AlreadyEscalated));
    }
}
