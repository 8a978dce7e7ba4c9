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
            EvidenceKind::AntiCorruptionStudy | EvidenceKind::IntegrityLecture | EvidenceKind::IntegrityTalk => Article::new(27),
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
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), EvidenceKind::ALL.len());
        assert_eq!(EvidenceKind::from_key("nope"), None);
    }
}
