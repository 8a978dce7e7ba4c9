//! Evidence for recurring duties that is not a meeting (履职记录): reports, talks,
//! lectures, study plans, contact points, village days (第十二、十九、二十二至二十八条).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Id;

/// What a piece of evidence records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EvidenceKind {
    /// 向州党委全面报告 (第十二条)
    ComprehensiveReport,
    /// 书记履职情况报告 (第十九条)
    PerformanceReport,
    /// 年度履职考核 (第十九条)
    PerformanceAssessment,
    /// 年度学习计划和专题 (第二十二条（一）（二）)
    StudyPlan,
    /// 民主生活会情况报送州纪委监委、州党委组织部 (第二十三条（四）)
    DemocraticLifeReport,
    /// 向群众通报民主生活会及整改情况 (第二十三条（五）)
    DemocraticLifeNotice,
    /// 反腐倡廉专题学习 (第二十七条)
    AntiCorruptionStudy,
    /// 书记廉政党课 (第二十七条)
    IntegrityLecture,
    /// 廉政谈话 (第二十七条): `member` talked with `counterpart`/`department`
    IntegrityTalk,
    /// 党内通报意识形态领域情况 (第二十八条)
    IdeologyBriefing,
    /// 基层联系点 (第二十六条)
    ContactPoint,
    /// 下沉“访惠聚”驻村天数 (第二十六条)
    VillageDays,
}

/// A record that a duty was performed.
/// (Fields in name order: see the `domain` module doc.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The other member of an integrity talk.
    pub counterpart: Option<Id>,
    #[serde(with = "crate::domain::date_format")]
    pub date: NaiveDate,
    /// Days (访惠聚 village days).
    pub days: Option<u32>,
    /// The department whose head took part in an integrity talk.
    pub department: Option<Id>,
    pub id: Id,
    pub kind: EvidenceKind,
    /// The member concerned (speaker, talker, leader in the village, contact-point holder).
    pub member: Option<Id>,
    /// Free text: title, place, topics, summary.
    #[serde(default)]
    pub note: String,
}
