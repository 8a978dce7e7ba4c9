//! Kinds of agenda items (议题类别): the matters of 第六条 and the Party-building
//! matters of 第七条 that the group discusses and decides.

use serde::{Deserialize, Serialize};

use super::article::Article;

/// Category of an agenda item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Category {
    /// 贯彻落实重大决策部署 (第六条（一）)
    Directives,
    /// 法律法规重大事项 (第六条（二）)
    LegalMatters,
    /// 发展规划与重大项目 (第六条（三）)
    MajorProjects,
    /// 重大改革 (第六条（四）)
    Reform,
    /// 干部任免 (第六条（四）; ⅔ quorum, 第十八条（四）)
    Personnel,
    /// 向州党委请示汇报 (第六条（五）)
    ReportToSuperior,
    /// 预算/大额支出 (第六条（六）)
    Budget,
    /// 机构编制 (第六条（七）)
    Establishment,
    /// 审计巡察/考核奖惩 (第六条（八）)
    AuditInspection,
    /// 意识形态/思想政治 (第六条（九）, 第七条（三）)
    Ideology,
    /// 党风廉政建设 (第六条（十）, 第七条（七）)
    Integrity,
    /// 党支部和党员队伍管理 (第六条（十）, 第七条（五）)
    BranchAffairs,
    /// 处分党员 (第七条（五）; ⅔ quorum, 第十八条（四）)
    PartyDiscipline,
    /// 理论学习 (第七条（二）)
    TheoryStudy,
    /// 干部人才队伍 (第七条（四）)
    Talent,
    /// 作风建设 (第七条（六）)
    WorkStyle,
    /// 其他重大问题 (第六条（十一）)
    Other,
}

/// The category's stable key (its variant name, as stored), used as a form's option value.
impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

/// A key that names no category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownCategory;

impl std::str::FromStr for Category {
    type Err = UnknownCategory;
    /// The category whose key (see `Display`) is `s`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL.into_iter().find(|c| c.to_string() == s).ok_or(UnknownCategory)
    }
}

impl Category {
    pub const ALL: [Category; 17] = [
        Category::Directives,
        Category::LegalMatters,
        Category::MajorProjects,
        Category::Reform,
        Category::Personnel,
        Category::ReportToSuperior,
        Category::Budget,
        Category::Establishment,
        Category::AuditInspection,
        Category::Ideology,
        Category::Integrity,
        Category::BranchAffairs,
        Category::PartyDiscipline,
        Category::TheoryStudy,
        Category::Talent,
        Category::WorkStyle,
        Category::Other,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            Category::Directives => "贯彻落实重大决策部署",
            Category::LegalMatters => "法律法规重大事项",
            Category::MajorProjects => "发展规划与重大项目",
            Category::Reform => "重大改革",
            Category::Personnel => "干部任免",
            Category::ReportToSuperior => "请示汇报事项",
            Category::Budget => "预算与大额支出",
            Category::Establishment => "机构编制",
            Category::AuditInspection => "审计巡察考核",
            Category::Ideology => "意识形态",
            Category::Integrity => "党风廉政建设",
            Category::BranchAffairs => "党支部与党员管理",
            Category::PartyDiscipline => "处分党员",
            Category::TheoryStudy => "理论学习",
            Category::Talent => "干部人才队伍",
            Category::WorkStyle => "作风建设",
            Category::Other => "其他重大问题",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Category::Directives => "Implementing major directives",
            Category::LegalMatters => "Laws and regulations",
            Category::MajorProjects => "Plans and major projects",
            Category::Reform => "Major reform",
            Category::Personnel => "Cadre appointment/removal",
            Category::ReportToSuperior => "Reports to the committee",
            Category::Budget => "Budget and large expenditure",
            Category::Establishment => "Organisation and staffing",
            Category::AuditInspection => "Audit and inspection",
            Category::Ideology => "Ideology",
            Category::Integrity => "Party conduct and integrity",
            Category::BranchAffairs => "Branch and membership",
            Category::PartyDiscipline => "Discipline of Party members",
            Category::TheoryStudy => "Theory study",
            Category::Talent => "Cadres and talent",
            Category::WorkStyle => "Work style",
            Category::Other => "Other major matters",
        }
    }

    /// The article clause the category comes from.
    pub fn article(self) -> Article {
        match self {
            Category::Directives => Article::clause(6, 1),
            Category::LegalMatters => Article::clause(6, 2),
            Category::MajorProjects => Article::clause(6, 3),
            Category::Reform | Category::Personnel => Article::clause(6, 4),
            Category::ReportToSuperior => Article::clause(6, 5),
            Category::Budget => Article::clause(6, 6),
            Category::Establishment => Article::clause(6, 7),
            Category::AuditInspection => Article::clause(6, 8),
            Category::Ideology => Article::clause(6, 9),
            Category::Integrity | Category::BranchAffairs => Article::clause(6, 10),
            Category::PartyDiscipline => Article::clause(7, 5),
            Category::TheoryStudy => Article::clause(7, 2),
            Category::Talent => Article::clause(7, 4),
            Category::WorkStyle => Article::clause(7, 6),
            Category::Other => Article::clause(6, 11),
        }
    }

    /// Items of this category need the special (⅔) quorum: 干部任免 and 处分党员 (第十八条（四）).
    pub fn needs_special_quorum(self) -> bool {
        matches!(self, Category::Personnel | Category::PartyDiscipline)
    }

    /// Major decisions for which the 第十七条 preparation checklist applies.
    pub fn is_major_decision(self) -> bool {
        matches!(
            self,
            Category::Directives
                | Category::MajorProjects
                | Category::Reform
                | Category::Budget
                | Category::Establishment
                | Category::LegalMatters
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Category;

    #[test]
    fn every_category_reads_back_from_its_key() {
        for c in Category::ALL {
            assert_eq!(c.to_string().parse::<Category>(), Ok(c));
        }
        assert!("Personnel ".parse::<Category>().is_err());
        assert_eq!("Budget".parse::<Category>(), Ok(Category::Budget));
    }
}
