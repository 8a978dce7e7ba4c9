//! Names and articles of the evidence kinds (履职记录类别), for the evidence screen.

use super::{article::Article, evidence::EvidenceKind};

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 12] = [
        EvidenceKind::ComprehensiveReport,
        EvidenceKind::PerformanceReport,
        EvidenceKind::PerformanceAssessment,
        EvidenceKind::StudyPlan,
        EvidenceKind::DemocraticLifeReport,
        EvidenceKind::DemocraticLifeNotice,
        EvidenceKind::AntiCorruptionStudy,
        EvidenceKind::IntegrityLecture,
        EvidenceKind::IntegrityTalk,
        EvidenceKind::IdeologyBriefing,
        EvidenceKind::ContactPoint,
        EvidenceKind::VillageDays,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            EvidenceKind::ComprehensiveReport => "向州党委全面报告",
            EvidenceKind::PerformanceReport => "书记履职情况报告",
            EvidenceKind::PerformanceAssessment => "年度履职考核",
            EvidenceKind::StudyPlan => "年度学习计划和专题",
            EvidenceKind::DemocraticLifeReport => "民主生活会情况报送",
            EvidenceKind::DemocraticLifeNotice => "向群众通报民主生活会",
            EvidenceKind::AntiCorruptionStudy => "反腐倡廉专题学习",
            EvidenceKind::IntegrityLecture => "书记廉政党课",
            EvidenceKind::IntegrityTalk => "廉政谈话",
            EvidenceKind::IdeologyBriefing => "党内通报意识形态情况",
            EvidenceKind::ContactPoint => "基层联系点",
            EvidenceKind::VillageDays => "“访惠聚”驻村天数",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            EvidenceKind::ComprehensiveReport => "Comprehensive report",
            EvidenceKind::PerformanceReport => "Performance report",
            EvidenceKind::PerformanceAssessment => "Performance assessment",
            EvidenceKind::StudyPlan => "Annual study plan",
            EvidenceKind::DemocraticLifeReport => "Democratic life report",
            EvidenceKind::DemocraticLifeNotice => "Notice to the masses",
            EvidenceKind::AntiCorruptionStudy => "Anti-corruption study",
            EvidenceKind::IntegrityLecture => "Integrity lecture",
            EvidenceKind::IntegrityTalk => "Integrity talk",
            EvidenceKind::IdeologyBriefing => "Ideology briefing",
            EvidenceKind::ContactPoint => "Contact point",
            EvidenceKind::VillageDays => "Village days",
        }
    }

    pub fn article(self) -> Article {
        match self {
            EvidenceKind::ComprehensiveReport => Article::new(12),
            EvidenceKind::PerformanceReport | EvidenceKind::PerformanceAssessment => Article::new(19),
            EvidenceKind::StudyPlan => Article::clause(22, 1),
            EvidenceKind::DemocraticLifeReport => Article::clause(23, 4),
            EvidenceKind::DemocraticLifeNotice => Article::clause(23, 5),
            EvidenceKind::AntiCorruptionStudy | EvidenceKind::IntegrityLecture | EvidenceKind::IntegrityTalk => {
                Article::new(27)
            }
            EvidenceKind::IdeologyBriefing => Article::new(28),
            EvidenceKind::ContactPoint | EvidenceKind::VillageDays => Article::new(26),
        }
    }

    /// Stable key for forms (`<select>` values).
    pub fn key(self) -> &'static str {
        match self {
            EvidenceKind::ComprehensiveReport => "comprehensive",
            EvidenceKind::PerformanceReport => "performance",
            EvidenceKind::PerformanceAssessment => "assessment",
            EvidenceKind::StudyPlan => "study-plan",
            EvidenceKind::DemocraticLifeReport => "dl-report",
            EvidenceKind::DemocraticLifeNotice => "dl-notice",
            EvidenceKind::AntiCorruptionStudy => "anti-corruption",
            EvidenceKind::IntegrityLecture => "lecture",
            EvidenceKind::IntegrityTalk => "talk",
            EvidenceKind::IdeologyBriefing => "ideology-briefing",
            EvidenceKind::ContactPoint => "contact-point",
            EvidenceKind::VillageDays => "village-days",
        }
    }

    pub fn from_key(s: &str) -> Option<EvidenceKind> {
        EvidenceKind::ALL.into_iter().find(|k| k.key() == s)
    }

    /// Whether a record of this kind names a counterpart (member or department): 廉政谈话.
    pub fn has_counterpart(self) -> bool {
        self == EvidenceKind::IntegrityTalk
    }

    /// Whether a record of this kind carries a number of days: 访惠聚.
    pub fn has_days(self) -> bool {
        self == EvidenceKind::VillageDays
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_are_distinct() {
        for k in EvidenceKind::ALL {
            assert_eq!(EvidenceKind::from_key(k.key()), Some(k));
        }
        let mut keys: Vec<_> = EvidenceKind::ALL.iter().map(|k| k.key()).collect();
        crate::domain::sort::sort(&mut keys);
        keys.dedup();
        assert_eq!(keys.len(), EvidenceKind::ALL.len());
        assert_eq!(EvidenceKind::from_key("nope"), None);
    }
}

/// A problem with an evidence record being entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceProblem {
    /// This kind names a member (speaker, talker, leader, holder of the contact point).
    MemberNeeded,
    /// An integrity talk needs a counterpart member or a department.
    CounterpartNeeded,
    /// A talk with oneself.
    SelfTalk,
    /// Village days must be 1–366.
    DaysOutOfRange,
    /// A contact point needs its place (note).
    NoteNeeded,
}

impl EvidenceProblem {
    pub fn zh(self) -> &'static str {
        match self {
            EvidenceProblem::MemberNeeded => "请选择党组成员",
            EvidenceProblem::CounterpartNeeded => "请选择谈话对象（党组成员或科室负责人）",
            EvidenceProblem::SelfTalk => "谈话双方不能是同一人",
            EvidenceProblem::DaysOutOfRange => "天数应在1到366之间",
            EvidenceProblem::NoteNeeded => "请填写联系点名称",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            EvidenceProblem::MemberNeeded => "Choose a member",
            EvidenceProblem::CounterpartNeeded => "Choose who the talk was with (a member or a department head)",
            EvidenceProblem::SelfTalk => "A talk needs two different people",
            EvidenceProblem::DaysOutOfRange => "Days must be between 1 and 366",
            EvidenceProblem::NoteNeeded => "Enter the contact point",
        }
    }
}

impl EvidenceKind {
    /// Whether a record of this kind must name a member.
    pub fn needs_member(self) -> bool {
        matches!(
            self,
            EvidenceKind::IntegrityTalk
                | EvidenceKind::ContactPoint
                | EvidenceKind::VillageDays
                | EvidenceKind::IntegrityLecture
                | EvidenceKind::PerformanceReport
        )
    }
}

/// Check a record before it is saved: the first problem, if any.
pub fn check_evidence(e: &super::evidence::Evidence) -> Option<EvidenceProblem> {
    if e.kind.needs_member() && e.member.is_none() {
        return Some(EvidenceProblem::MemberNeeded);
    }
    if e.kind == EvidenceKind::IntegrityTalk {
        if e.counterpart.is_none() && e.department.is_none() {
            return Some(EvidenceProblem::CounterpartNeeded);
        }
        if e.counterpart.is_some() && e.counterpart == e.member {
            return Some(EvidenceProblem::SelfTalk);
        }
    }
    if e.kind == EvidenceKind::VillageDays && !matches!(e.days, Some(1..=366)) {
        return Some(EvidenceProblem::DaysOutOfRange);
    }
    if e.kind == EvidenceKind::ContactPoint && e.note.trim().is_empty() {
        return Some(EvidenceProblem::NoteNeeded);
    }
    None
}

#[cfg(test)]
mod check_tests {
    use super::*;
    use crate::domain::evidence::Evidence;
    use chrono::NaiveDate;

    fn ev(kind: EvidenceKind) -> Evidence {
        Evidence {
            id: 1,
            kind,
            date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            member: Some(1),
            counterpart: None,
            department: None,
            days: None,
            note: String::new(),
        }
    }

    #[test]
    fn talks_need_a_different_counterpart_or_a_department() {
        let mut e = ev(EvidenceKind::IntegrityTalk);
        assert_eq!(check_evidence(&e), Some(EvidenceProblem::CounterpartNeeded));
        e.counterpart = Some(1);
        assert_eq!(check_evidence(&e), Some(EvidenceProblem::SelfTalk));
        e.counterpart = Some(2);
        assert_eq!(check_evidence(&e), None);
        e.counterpart = None;
        e.department = Some(9);
        assert_eq!(check_evidence(&e), None);
        e.member = None;
        assert_eq!(check_evidence(&e), Some(EvidenceProblem::MemberNeeded));
    }

    #[test]
    fn village_days_between_1_and_366_and_contact_point_named() {
        let mut e = ev(EvidenceKind::VillageDays);
        for (d, ok) in [(None, false), (Some(0), false), (Some(1), true), (Some(366), true), (Some(367), false)] {
            e.days = d;
            assert_eq!(check_evidence(&e).is_none(), ok, "{d:?}");
        }
        let mut c = ev(EvidenceKind::ContactPoint);
        assert_eq!(check_evidence(&c), Some(EvidenceProblem::NoteNeeded));
        c.note = "三工镇".into();
        assert_eq!(check_evidence(&c), None);
        let mut r = ev(EvidenceKind::ComprehensiveReport);
        r.member = None;
        assert_eq!(check_evidence(&r), None);
    }
}
