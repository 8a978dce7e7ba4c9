//! The lifecycle of an agenda item (议题) and what blocks its next step
//! (第十七条, 第十八条（二）（三）（七）).
//!
//! ```text
//! 提出 Proposed → 分管审核 Reviewed → [局长同意 DirectorApproved, administrative only]
//!   → 书记确定上会 Scheduled → 已上会 OnAgenda → 已决定 Decided → 落实中 Implementing → 办结 Done
//! 缓议 Deferred: from Scheduled/OnAgenda; back to Scheduled later.   撤回 Withdrawn: before a decision.
//! ```
//!
//! # Interpretation
//! - Review (第十八条（三）: 由分管的党组成员审核、把关) needs a member in charge and materials
//!   (text or a referenced document); the member in charge must serve on the review date.
//! - Administrative items (涉及行政业务) need the director's consent (第十八条（二）（三）) before the
//!   secretary schedules them; a serving director must exist on that date.
//! - Major decisions ([`Category::is_major_decision`]) are scheduled only with the 第十七条
//!   checklist complete (调查研究、征求意见、风险评估、合法合规性审查).
//! - A decided item cannot be withdrawn or re-opened here: changing a decision needs a later
//!   meeting's decision (第十八条（七）), i.e. a new item with `changes_decision`.
//! - Dates in the history never go backwards.

use chrono::NaiveDate;

use crate::domain::{
    article::{cite, Article},
    category::Category,
    item::{AgendaItem, ItemStatus, StatusChange},
    org::Organisation,
    Id,
};

/// Chinese name of a status.
pub fn status_zh(s: ItemStatus) -> &'static str {
    match s {
        ItemStatus::Proposed => "提出",
        ItemStatus::Reviewed => "分管审核",
        ItemStatus::DirectorApproved => "局长同意",
        ItemStatus::Scheduled => "书记确定上会",
        ItemStatus::OnAgenda => "已上会",
        ItemStatus::Decided => "已决定",
        ItemStatus::Implementing => "落实中",
        ItemStatus::Done => "办结",
        ItemStatus::Deferred => "缓议",
        ItemStatus::Withdrawn => "撤回",
    }
}

pub fn status_en(s: ItemStatus) -> &'static str {
    match s {
        ItemStatus::Proposed => "Proposed",
        ItemStatus::Reviewed => "Reviewed",
        ItemStatus::DirectorApproved => "Director approved",
        ItemStatus::Scheduled => "Scheduled",
        ItemStatus::OnAgenda => "On agenda",
        ItemStatus::Decided => "Decided",
        ItemStatus::Implementing => "Implementing",
        ItemStatus::Done => "Done",
        ItemStatus::Deferred => "Deferred",
        ItemStatus::Withdrawn => "Withdrawn",
    }
}

/// What blocks a transition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blocker {
    /// The transition does not exist in the lifecycle.
    NotAllowed { from: ItemStatus, to: ItemStatus },
    /// No member in charge to review the materials (第十八条（三）).
    NoMemberInCharge,
    /// The member in charge is unknown or not serving on the date (第十八条（三）).
    MemberInChargeNotServing(Id),
    /// No materials to review (第十八条（三）).
    NoMaterials,
    /// Must be reviewed by the member in charge first (第十八条（三）).
    NotReviewed,
    /// Administrative business needs the director's consent first (第十八条（二）（三）).
    NeedsDirectorApproval,
    /// Director's consent applies to administrative items only.
    NotAdministrative,
    /// No serving director on the date (第十八条（二）).
    NoDirector,
    /// The 第十七条 preparation of a major decision is incomplete: the missing steps (Chinese).
    ChecklistIncomplete { missing: Vec<&'static str> },
    /// A decision is changed only by a later meeting's decision (第十八条（七）).
    AlreadyDecided,
    /// The item is closed (办结 or 撤回).
    Finished,
    /// The date is before the last recorded change.
    DateBeforeLast(NaiveDate),
}

impl Blocker {
    pub fn article(&self) -> Article {
        match self {
            Blocker::NoMemberInCharge
            | Blocker::MemberInChargeNotServing(_)
            | Blocker::NoMaterials
            | Blocker::NotReviewed => cite::MATERIALS,
            Blocker::NeedsDirectorApproval | Blocker::NotAdministrative | Blocker::NoDirector => cite::AGENDA,
            Blocker::ChecklistIncomplete { .. } => cite::MAJOR_DECISION,
            Blocker::AlreadyDecided | Blocker::Finished => cite::FOLLOW_UP,
            Blocker::DateBeforeLast(_) => cite::MINUTES,
            Blocker::NotAllowed { .. } => Article::clause(18, 2),
        }
    }

    pub fn zh(&self) -> String {
        let a = self.article().zh();
        match self {
            Blocker::NotAllowed { from, to } => {
                format!("议题不能从“{}”直接转为“{}”（{a}）", status_zh(*from), status_zh(*to))
            }
            Blocker::NoMemberInCharge => format!("尚未指定分管党组成员审核材料（{a}）"),
            Blocker::MemberInChargeNotServing(_) => format!("分管党组成员在该日期不在任（{a}）"),
            Blocker::NoMaterials => format!("尚无会议材料，相关科室应先准备材料（{a}）"),
            Blocker::NotReviewed => format!("会议材料须先经分管党组成员审核（{a}）"),
            Blocker::NeedsDirectorApproval => format!("涉及行政业务的事项须经局长同意（{a}）"),
            Blocker::NotAdministrative => format!("不涉及行政业务，无需局长同意（{a}）"),
            Blocker::NoDirector => format!("该日期没有在任局长，无法取得局长同意（{a}）"),
            Blocker::ChecklistIncomplete { missing } => format!("重大决策尚未完成：{}（{a}）", missing.join("、")),
            Blocker::AlreadyDecided => format!("议题已作出决定，重大调整和变更须由党组会议讨论决定（{a}）"),
            Blocker::Finished => format!("议题已办结或撤回（{a}）"),
            Blocker::DateBeforeLast(d) => format!("日期早于上一次状态变更（{d}）（{a}）"),
        }
    }

    pub fn en(&self) -> String {
        let a = self.article().en();
        match self {
            Blocker::NotAllowed { from, to } => {
                format!("An item cannot go from “{}” to “{}” ({a})", status_en(*from), status_en(*to))
            }
            Blocker::NoMemberInCharge => format!("No member in charge to review the materials ({a})"),
            Blocker::MemberInChargeNotServing(_) => format!("The member in charge does not serve on that date ({a})"),
            Blocker::NoMaterials => format!("No materials yet: the department prepares them first ({a})"),
            Blocker::NotReviewed => format!("The member in charge must review the materials first ({a})"),
            Blocker::NeedsDirectorApproval => format!("Administrative business needs the director's consent ({a})"),
            Blocker::NotAdministrative => format!("Not administrative business: no director's consent needed ({a})"),
            Blocker::NoDirector => format!("No serving director on that date ({a})"),
            Blocker::ChecklistIncomplete { missing } => {
                format!("Major decision not prepared: {} missing ({a})", missing.len())
            }
            Blocker::AlreadyDecided => {
                format!("Decided: a major change needs a decision of a Party-group meeting ({a})")
            }
            Blocker::Finished => format!("The item is done or withdrawn ({a})"),
            Blocker::DateBeforeLast(d) => format!("The date is before the last change ({d}) ({a})"),
        }
    }
}

/// The transitions that exist from each status (whether currently allowed or not).
fn candidates(from: ItemStatus, administrative: bool) -> Vec<ItemStatus> {
    use ItemStatus::*;
    match from {
        Proposed => vec![Reviewed, Scheduled, Withdrawn],
        Reviewed if administrative => vec![DirectorApproved, Scheduled, Withdrawn],
        Reviewed => vec![Scheduled, Withdrawn],
        DirectorApproved => vec![Scheduled, Withdrawn],
        Scheduled => vec![OnAgenda, Deferred, Withdrawn],
        OnAgenda => vec![Decided, Deferred, Withdrawn],
        Deferred => vec![Scheduled, Withdrawn],
        Decided => vec![Implementing, Done],
        Implementing => vec![Done],
        Done | Withdrawn => vec![],
    }
}

fn checklist_missing(item: &AgendaItem) -> Vec<&'static str> {
    let c = &item.checklist;
    let mut v = Vec::new();
    if !c.research {
        v.push("调查研究");
    }
    if !c.consultation {
        v.push("征求意见");
    }
    if !c.risk_assessment {
        v.push("风险评估");
    }
    if !c.legality_review {
        v.push("合法合规性审查");
    }
    v
}

fn ready_to_schedule(item: &AgendaItem) -> Result<(), Blocker> {
    if item.category.is_major_decision() && !item.checklist.complete() {
        return Err(Blocker::ChecklistIncomplete { missing: checklist_missing(item) });
    }
    Ok(())
}

/// Check one transition; `date` adds the checks that depend on who serves on that date.
fn check(item: &AgendaItem, to: ItemStatus, org: &Organisation, date: Option<NaiveDate>) -> Result<(), Blocker> {
    use ItemStatus::*;
    let from = item.status;
    if matches!(from, Done | Withdrawn) {
        return Err(Blocker::Finished);
    }
    if !candidates(from, item.administrative).contains(&to) {
        return Err(match (from, to) {
            (Decided | Implementing, Withdrawn | Deferred | Scheduled | OnAgenda | Proposed | Reviewed) => {
                Blocker::AlreadyDecided
            }
            (Reviewed, DirectorApproved) => Blocker::NotAdministrative,
            _ => Blocker::NotAllowed { from, to },
        });
    }
    match (from, to) {
        (Proposed, Reviewed) => {
            let m = item.in_charge.ok_or(Blocker::NoMemberInCharge)?;
            let member = org.member(m).ok_or(Blocker::MemberInChargeNotServing(m))?;
            if let Some(d) = date {
                if !member.serves_on(d) {
                    return Err(Blocker::MemberInChargeNotServing(m));
                }
            }
            if item.materials.trim().is_empty() && item.documents.is_empty() {
                return Err(Blocker::NoMaterials);
            }
            Ok(())
        }
        (Proposed, Scheduled) => Err(Blocker::NotReviewed),
        (Reviewed, DirectorApproved) => match date {
            Some(d) if org.director_at(d).is_none() => Err(Blocker::NoDirector),
            _ => Ok(()),
        },
        (Reviewed, Scheduled) if item.administrative => Err(Blocker::NeedsDirectorApproval),
        (Reviewed | DirectorApproved | Deferred, Scheduled) => {
            if from == Deferred && item.administrative && !reached(item, DirectorApproved) {
                return Err(Blocker::NeedsDirectorApproval);
            }
            ready_to_schedule(item)
        }
        _ => Ok(()),
    }
}

/// Whether the history shows the item reached `status` at some point.
fn reached(item: &AgendaItem, status: ItemStatus) -> bool {
    item.history.iter().any(|h| h.to == status)
}

/// Every transition from the item's current status, each with what blocks it (if anything).
/// Date-dependent checks (member in charge serving, a serving director) are made by
/// [`transition`], which knows the date.
pub fn next_steps(item: &AgendaItem, org: &Organisation) -> Vec<(ItemStatus, Result<(), Blocker>)> {
    candidates(item.status, item.administrative).into_iter().map(|to| (to, check(item, to, org, None))).collect()
}

/// Move the item to `to` on `date`, recording the change in its history.
pub fn transition(
    item: &mut AgendaItem,
    to: ItemStatus,
    date: NaiveDate,
    note: &str,
    org: &Organisation,
) -> Result<(), Blocker> {
    if let Some(last) = item.history.last() {
        if date < last.date {
            return Err(Blocker::DateBeforeLast(last.date));
        }
    }
    check(item, to, org, Some(date))?;
    item.status = to;
    item.history.push(StatusChange { to, date, note: note.to_string() });
    Ok(())
}

/// Whether items of this category need the 第十七条 checklist (re-exported for the UI).
pub fn needs_checklist(c: Category) -> bool {
    c.is_major_decision()
}
