//! Agenda items (议题) and their preparation (第六、十三、十七、十八条（二）（三）).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{category::Category, Id};

/// Who brought the item (第十八条（二）).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Proposer {
    /// 党组书记提出
    Secretary,
    /// 党组成员建议 (member id)
    Member(Id),
}

/// The 第十七条 preparation checklist for major decisions.
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrepChecklist {
    /// 征求意见
    pub consultation: bool,
    /// 合法合规性审查
    pub legality_review: bool,
    /// 调查研究
    pub research: bool,
    /// 风险评估
    pub risk_assessment: bool,
}

impl PrepChecklist {
    pub fn complete(&self) -> bool {
        self.research && self.consultation && self.risk_assessment && self.legality_review
    }
}

/// A referenced document (文号, 标题); files themselves are not stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRef {
    pub number: String,
    pub title: String,
}

/// Lifecycle of an item: 提出 → 分管审核 → (局长同意) → 书记确定上会 → 已上会 → 已决定 → 落实中 → 办结, plus 缓议/撤回.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ItemStatus {
    /// 提出/建议
    Proposed,
    /// 分管审核 done: the member in charge reviewed the materials
    Reviewed,
    /// 局长同意 (administrative items only)
    DirectorApproved,
    /// 书记确定上会
    Scheduled,
    /// 已上会 (on a meeting's agenda)
    OnAgenda,
    /// 已决定
    Decided,
    /// 落实中
    Implementing,
    /// 办结
    Done,
    /// 缓议
    Deferred,
    /// 撤回
    Withdrawn,
}

/// A recorded change of status.
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    #[serde(with = "crate::domain::date_format")]
    pub date: NaiveDate,
    #[serde(default)]
    pub note: String,
    pub to: ItemStatus,
}

/// A link to a decision: the item `item` as decided at meeting `meeting`.
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DecisionRef {
    pub item: Id,
    pub meeting: Id,
}

/// An agenda item. 议题
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// 涉及行政业务: then the director must consent and review.
    pub administrative: bool,
    /// One-time expenditure in yuan, for the 第六条（六） check.
    pub amount_yuan: Option<u64>,
    /// The group hears the branch's work report under this item (听取机关党支部工作汇报,
    /// 第二十四条): a meeting that holds it counts for that duty whatever its kind. Written
    /// only when set, so the records of older versions keep their exact text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub branch_report: bool,
    pub category: Category,
    /// The earlier decision this item would change (escalation, 第十八条（七）).
    pub changes_decision: Option<DecisionRef>,
    #[serde(default)]
    pub checklist: PrepChecklist,
    #[serde(with = "crate::domain::date_format")]
    pub created: NaiveDate,
    /// 准备材料的科室
    pub department: Option<Id>,
    #[serde(default)]
    pub documents: Vec<DocRef>,
    #[serde(default)]
    pub history: Vec<StatusChange>,
    pub id: Id,
    /// 分管党组成员 who reviews the materials (第十八条（三）).
    pub in_charge: Option<Id>,
    /// Materials as text. 会议材料
    #[serde(default)]
    pub materials: String,
    pub proposer: Proposer,
    pub status: ItemStatus,
    pub title: String,
}

impl AgendaItem {
    /// A new item as the secretary proposes it (提出): nothing in charge, no department,
    /// materials, documents, amount or checklist yet, no history.
    pub fn proposed(id: Id, title: impl Into<String>, category: Category, created: NaiveDate) -> Self {
        AgendaItem {
            id,
            title: title.into(),
            category,
            proposer: Proposer::Secretary,
            in_charge: None,
            administrative: false,
            department: None,
            materials: String::new(),
            documents: vec![],
            amount_yuan: None,
            checklist: PrepChecklist::default(),
            status: ItemStatus::Proposed,
            created,
            history: vec![],
            changes_decision: None,
            branch_report: false,
        }
    }
}
