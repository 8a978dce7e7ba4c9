//! Meetings (党组会议, 第十八条): preparation, attendance, per-item records, votes,
//! the summary (纪要), sign-off and amendments.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{org::Role, Id};

/// Kind of meeting. The special kinds count as evidence for recurring duties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MeetingKind {
    /// 党组例会 (monthly, 第十八条（一）)
    Regular,
    /// 临时党组会议
    AdHoc,
    /// 扩大会议 (with non-member attendees)
    Expanded,
    /// 中心组学习 (第二十二条)
    CentralStudy,
    /// 中心组专题研讨 (第二十二条（一）)
    StudySeminar,
    /// 民主生活会 (第二十三条)
    DemocraticLife,
    /// 党风廉政建设专题会议 (第二十七条)
    IntegrityMeeting,
    /// 意识形态专题会议 (第二十八条)
    IdeologyMeeting,
    /// 听取机关党支部工作汇报 (第二十四条)
    BranchReport,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 9] = [
        MeetingKind::Regular,
        MeetingKind::AdHoc,
        MeetingKind::Expanded,
        MeetingKind::CentralStudy,
        MeetingKind::StudySeminar,
        MeetingKind::DemocraticLife,
        MeetingKind::IntegrityMeeting,
        MeetingKind::IdeologyMeeting,
        MeetingKind::BranchReport,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            MeetingKind::Regular => "党组例会",
            MeetingKind::AdHoc => "临时党组会议",
            MeetingKind::Expanded => "党组扩大会议",
            MeetingKind::CentralStudy => "中心组学习",
            MeetingKind::StudySeminar => "中心组专题研讨",
            MeetingKind::DemocraticLife => "民主生活会",
            MeetingKind::IntegrityMeeting => "党风廉政建设专题会议",
            MeetingKind::IdeologyMeeting => "意识形态专题会议",
            MeetingKind::BranchReport => "听取机关党支部工作汇报",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            MeetingKind::Regular => "Regular meeting",
            MeetingKind::AdHoc => "Ad-hoc meeting",
            MeetingKind::Expanded => "Expanded meeting",
            MeetingKind::CentralStudy => "Central group study",
            MeetingKind::StudySeminar => "Thematic seminar",
            MeetingKind::DemocraticLife => "Democratic life meeting",
            MeetingKind::IntegrityMeeting => "Integrity thematic meeting",
            MeetingKind::IdeologyMeeting => "Ideology thematic meeting",
            MeetingKind::BranchReport => "Branch work report",
        }
    }

    /// A meeting of the Party group in the sense of 第十八条 (counts for the monthly meeting).
    /// Study sessions and the 民主生活会 are separate activities.
    pub fn is_party_group_meeting(self) -> bool {
        !matches!(self, MeetingKind::CentralStudy | MeetingKind::StudySeminar | MeetingKind::DemocraticLife)
    }
}

/// Attendance of one member (第十八条（四）).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Presence {
    /// 出席
    Present,
    /// 请假: asked before the meeting, with reason and date asked.
    Leave {
        reason: String,
        #[serde(default, deserialize_with = "crate::domain::date_format::option")]
        asked_on: Option<NaiveDate>,
    },
    /// 缺席
    Absent,
}

/// One member on the meeting's roster (a snapshot: the roster as it was at the meeting).
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    pub member: Id,
    /// 不计入应到会人数, with the reason (long illness, detention, suspended membership, secondment).
    pub not_counted: Option<String>,
    pub presence: Presence,
    /// Role on the meeting date (snapshot).
    pub role: Role,
}

/// Who spoke: a member, an observer, or a free-text name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Speaker {
    Member(Id),
    Observer(Id),
    Other(String),
}

/// A speaker's key in a form: "m" and the member's id, "o" and the observer's id (a speaker
/// from outside the roster is written as the name itself).
impl std::fmt::Display for Speaker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Speaker::Member(id) => write!(f, "m{id}"),
            Speaker::Observer(id) => write!(f, "o{id}"),
            Speaker::Other(name) => f.write_str(name),
        }
    }
}

/// A key that names no member or observer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAKey;

/// Reads "m<id>" or "o<id>"; anything else is not a key (the caller decides whether it is a
/// name).
impl std::str::FromStr for Speaker {
    type Err = NotAKey;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let id = |rest: &str| rest.parse::<Id>().map_err(|_| NotAKey);
        if let Some(rest) = s.strip_prefix('m') {
            id(rest).map(Speaker::Member)
        } else if let Some(rest) = s.strip_prefix('o') {
            id(rest).map(Speaker::Observer)
        } else {
            Err(NotAKey)
        }
    }
}

/// A speaker's remarks on an item. 发言记录
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeechNote {
    pub speaker: Speaker,
    pub text: String,
}

/// A written opinion of a member on leave (书面意见): shown, never counted as a vote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenOpinion {
    pub member: Id,
    pub text: String,
}

/// A member's choice in an open vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Choice {
    /// 同意
    Yes,
    /// 反对
    No,
    /// 弃权
    Abstain,
}

/// Voting methods (第十八条（五）).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VoteMethod {
    /// 口头
    Oral,
    /// 举手
    Hands,
    /// 记名投票
    Named,
    /// 无记名投票
    Secret,
}

/// The method's key in a form ("oral", "hands", "named", "secret").
impl std::fmt::Display for VoteMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            VoteMethod::Oral => "oral",
            VoteMethod::Hands => "hands",
            VoteMethod::Named => "named",
            VoteMethod::Secret => "secret",
        })
    }
}

/// A key that names no voting method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownMethod;

impl std::str::FromStr for VoteMethod {
    type Err = UnknownMethod;
    /// The method whose key (see `Display`) is `s`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [VoteMethod::Oral, VoteMethod::Hands, VoteMethod::Named, VoteMethod::Secret]
            .into_iter()
            .find(|m| m.to_string() == s)
            .ok_or(UnknownMethod)
    }
}

/// One member's vote in an open (oral, hands or named) vote, in the order cast.
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CastVote {
    pub choice: Choice,
    pub member: Id,
    /// 声明保留 (第十四条): only for a no vote.
    pub reservation: Option<String>,
}

/// Totals of a secret ballot. Only totals exist: nothing links a choice to a person.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretTally {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub invalid: u32,
}

/// The ballot of one item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ballot {
    /// Oral, show of hands or named ballot: each member's choice, in order.
    Open { method: VoteMethod, votes: Vec<CastVote> },
    /// Secret ballot: totals only.
    Secret(SecretTally),
}

/// The result fixed when a vote is closed (kept as recorded even if the roster is edited later).
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedResult {
    pub abstain: u32,
    pub due: u32,
    /// The arithmetic sentence, e.g. 应到会7人，赞成4票，超过半数3.5，通过（第十八条（五））.
    pub explanation: String,
    /// The same sentence in English, fixed at the same moment (empty in records closed before
    /// it was kept: those show the Chinese sentence in the English UI too).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub explanation_en: String,
    pub no: u32,
    /// Valid and passed.
    pub passed: bool,
    pub present: u32,
    /// Quorum was met when the vote was taken.
    pub quorum_met: bool,
    pub yes: u32,
}

impl RecordedResult {
    /// The arithmetic sentence to show: the Chinese one (`zh`), or the English one when it was
    /// recorded.
    pub fn explanation_for(&self, zh: bool) -> &str {
        if zh || self.explanation_en.is_empty() {
            &self.explanation
        } else {
            &self.explanation_en
        }
    }
}

/// What happened to one agenda item at a meeting.
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRecord {
    pub ballot: Option<Ballot>,
    /// The decision text. 决定事项
    #[serde(default)]
    pub decision: String,
    pub item: Id,
    #[serde(default)]
    pub notes: Vec<SpeechNote>,
    #[serde(default)]
    pub opinions: Vec<WrittenOpinion>,
    /// Members recused from this item (回避).
    #[serde(default)]
    pub recused: Vec<Id>,
    /// Set when the vote is closed.
    pub result: Option<RecordedResult>,
    /// A later decision that superseded this one.
    pub superseded_by: Option<super::item::DecisionRef>,
    /// An earlier decision this one supersedes (第十八条（七）).
    pub supersedes: Option<super::item::DecisionRef>,
}

/// A distribution (notice or materials): to whom and when (第十八条（一）（三）).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Distribution {
    #[serde(with = "crate::domain::date_format")]
    pub on: NaiveDate,
    pub to: String,
}

/// The summary (纪要): numbered per year, editable until signed.
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Serial number within the year: 〔2026〕3号
    pub number: u32,
    /// The draft a regeneration replaced, kept for a one-step undo (never a silent loss of a
    /// manual edit); dropped at sign-off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced: Option<String>,
    /// 签发: who and when. After sign-off the record is locked.
    pub signed: Option<SignOff>,
    pub text: String,
    pub year: i32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    pub by: Id,
    #[serde(deserialize_with = "crate::domain::date_format::date_time")]
    pub at: NaiveDateTime,
}

/// A correction appended after sign-off: who, when, why; never a silent edit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub by: String,
    #[serde(deserialize_with = "crate::domain::date_format::date_time")]
    pub at: NaiveDateTime,
    pub reason: String,
    pub text: String,
    /// What is corrected (the summary, an item's decision or notes, the attendance).
    #[serde(default)]
    pub target: Option<AmendTarget>,
}

/// The part of a signed record an amendment corrects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AmendTarget {
    /// 纪要正文
    Summary,
    /// An item's decision text (决定事项)
    Decision(Id),
    /// An item's discussion record (发言记录)
    Notes(Id),
    /// Attendance (出席情况)
    Attendance,
}

/// What an amendment corrects, as a form's key: "summary", "attendance", "d<item>" (its
/// decision) or "n<item>" (its discussion record).
impl std::fmt::Display for AmendTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AmendTarget::Summary => f.write_str("summary"),
            AmendTarget::Attendance => f.write_str("attendance"),
            AmendTarget::Decision(item) => write!(f, "d{item}"),
            AmendTarget::Notes(item) => write!(f, "n{item}"),
        }
    }
}

impl std::str::FromStr for AmendTarget {
    type Err = NotAKey;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let item = |rest: &str| rest.parse::<Id>().map_err(|_| NotAKey);
        match s {
            "summary" => Ok(AmendTarget::Summary),
            "attendance" => Ok(AmendTarget::Attendance),
            _ => match (s.strip_prefix('d'), s.strip_prefix('n')) {
                (Some(rest), _) => item(rest).map(AmendTarget::Decision),
                (_, Some(rest)) => item(rest).map(AmendTarget::Notes),
                _ => Err(NotAKey),
            },
        }
    }
}

/// Stage of a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeetingStage {
    /// 筹备中
    Planned,
    /// 进行中
    InProgress,
    /// 已结束 (minutes done, summary not yet signed)
    Closed,
    /// 已签发, locked (存档备查)
    Signed,
}

/// A meeting. 会议
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    #[serde(default)]
    pub amendments: Vec<Amendment>,
    pub attendance: Vec<Attendance>,
    /// 主持人 (the secretary, or whoever presides)
    pub chair: Option<Id>,
    /// Index of the item the live screen is on (resume after reload).
    #[serde(default)]
    pub current_item: usize,
    #[serde(with = "crate::domain::date_format")]
    pub date: NaiveDate,
    pub id: Id,
    pub items: Vec<ItemRecord>,
    pub kind: MeetingKind,
    pub materials: Option<Distribution>,
    pub notice: Option<Distribution>,
    /// 列席 (non-member attendee ids)
    #[serde(default)]
    pub observers: Vec<Id>,
    #[serde(default)]
    pub place: String,
    /// 记录人
    #[serde(default)]
    pub recorder: String,
    pub stage: MeetingStage,
    pub summary: Option<Summary>,
    /// "09:30"
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub title: String,
}

impl Meeting {
    pub fn attendance_of(&self, member: Id) -> Option<&Attendance> {
        self.attendance.iter().find(|a| a.member == member)
    }
    pub fn record(&self, item: Id) -> Option<&ItemRecord> {
        self.items.iter().find(|r| r.item == item)
    }
    pub fn is_locked(&self) -> bool {
        self.stage == MeetingStage::Signed
    }
}

#[cfg(test)]
mod method_key_tests {
    use super::VoteMethod;

    #[test]
    fn every_method_reads_back_from_its_form_key() {
        for m in [VoteMethod::Oral, VoteMethod::Hands, VoteMethod::Named, VoteMethod::Secret] {
            assert_eq!(m.to_string().parse::<VoteMethod>(), Ok(m));
        }
        assert_eq!("secret".parse::<VoteMethod>(), Ok(VoteMethod::Secret));
        assert!("Secret".parse::<VoteMethod>().is_err());
    }

    #[test]
    fn speakers_and_amendment_targets_read_back_from_their_keys() {
        use super::{AmendTarget, Speaker};
        for s in [Speaker::Member(3), Speaker::Observer(12)] {
            assert_eq!(s.to_string().parse::<Speaker>(), Ok(s));
        }
        // Not keys: nothing, a name, a prefix without an id (never a panic on any input).
        for s in ["", "m", "o", "刘志强", "mx", "张"] {
            assert!(s.parse::<Speaker>().is_err(), "{s}");
        }
        for t in [AmendTarget::Summary, AmendTarget::Attendance, AmendTarget::Decision(7), AmendTarget::Notes(7)] {
            assert_eq!(t.to_string().parse::<AmendTarget>(), Ok(t));
        }
        for s in ["", "d", "n", "x1", "决定"] {
            assert!(s.parse::<AmendTarget>().is_err(), "{s}");
        }
    }
}
