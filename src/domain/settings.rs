//! Rule parameters (规则参数) with the seed's values as defaults. Another unit with
//! slightly different rules adapts them on the settings screen.

use serde::{Deserialize, Serialize};

use super::article::{cite, Article};

/// A fraction of the members due to attend, e.g. 1/2 or 2/3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fraction {
    pub num: u32,
    pub den: u32,
}

impl Fraction {
    pub const HALF: Fraction = Fraction { num: 1, den: 2 };
    pub const TWO_THIRDS: Fraction = Fraction { num: 2, den: 3 };

    /// `1/2` → 半数, `2/3` → 三分之二, others `num/den`.
    pub fn zh(&self) -> String {
        match (self.num, self.den) {
            (1, 2) => "半数".into(),
            (n, d) => format!("{}分之{}", super::article::chinese_number(d), super::article::chinese_number(n)),
        }
    }
    pub fn en(&self) -> String {
        match (self.num, self.den) {
            (1, 2) => "half".into(),
            (2, 3) => "two thirds".into(),
            (n, d) => format!("{n}/{d}"),
        }
    }
}

/// How "以上" in 半数以上 / 三分之二以上 is read (第十八条（四）).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reading {
    /// "More than": valid under either reading of the text. Default.
    Strict,
    /// "以上包括本数": at least the fraction.
    Inclusive,
}

/// Frequencies of the recurring duties (第十二、十八、十九、二十二至二十八条).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutySettings {
    /// 党组会议: at most this many months between meetings (第十八条（一）: monthly → 1).
    pub meeting_every_months: u32,
    /// 中心组学习 sessions per year (第二十二条（一）: monthly → 12).
    pub study_per_year: u32,
    /// 中心组专题研讨 every N months (第二十二条（一）: 2).
    pub seminar_every_months: u32,
    /// Comprehensive reports to the superior committee per year (第十二条: 1).
    pub reports_per_year: u32,
    /// 民主生活会 per year (第二十三条: 1).
    pub democratic_life_per_year: u32,
    /// Days after the 民主生活会 within which it is reported (第二十三条（四）: 15).
    pub democratic_life_report_days: u32,
    /// Branch work reports heard per year (第二十四条: 2).
    pub branch_reports_per_year: u32,
    /// 访惠聚 village days per main leader per year (第二十六条: 15).
    pub village_days_per_year: u32,
    /// 党风廉政建设 thematic meetings per half year (第二十七条: 1).
    pub integrity_meetings_per_half_year: u32,
    /// 意识形态 thematic meetings per year (第二十八条: 2).
    pub ideology_meetings_per_year: u32,
    /// Ideology situation briefings per year (第二十八条: 1).
    pub ideology_briefings_per_year: u32,
    /// 台账起始日期: the register starts here and nothing before it is required or flagged
    /// (the app was not in use then). Unset: the date of the first record
    /// (see `rules::duty::ledger_start`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger_start: Option<chrono::NaiveDate>,
}

impl Default for DutySettings {
    fn default() -> Self {
        Self {
            meeting_every_months: 1,
            study_per_year: 12,
            seminar_every_months: 2,
            reports_per_year: 1,
            democratic_life_per_year: 1,
            democratic_life_report_days: 15,
            branch_reports_per_year: 2,
            village_days_per_year: 15,
            integrity_meetings_per_half_year: 1,
            ideology_meetings_per_year: 2,
            ideology_briefings_per_year: 1,
            ledger_start: None,
        }
    }
}

/// The rule parameters. 规则参数
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSettings {
    /// Quorum to open a meeting (第十八条（四）: 半数以上).
    pub open_quorum: Fraction,
    /// Quorum for 干部任免 and 处分党员 items (第十八条（四）: 三分之二以上).
    pub special_quorum: Fraction,
    /// Yes votes must exceed this fraction of the members due (第十八条（五）: 超过半数).
    pub pass_threshold: Fraction,
    /// Reading of 以上 for the quorum fractions.
    pub reading: Reading,
    /// Subtract members recused from an item from the members due (回避).
    pub subtract_recused: bool,
    /// Subtract members marked 不计入应到会人数 from the members due.
    pub subtract_not_counted: bool,
    /// One-time expenditure (yuan) from which an item must go to the group (第六条（六）: 50,000).
    pub expenditure_threshold_yuan: u64,
    #[serde(default)]
    pub duties: DutySettings,
    /// The 版记 of the printed 纪要. Left out of the stored text while empty, so settings
    /// saved before it existed keep their text (and their revision).
    #[serde(default, skip_serializing_if = "IssueSettings::is_empty")]
    pub issue: IssueSettings,
}

/// The 版记 (GB/T 9704-2012 §7.4) printed at the end of a 纪要.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueSettings {
    /// 分送: the recipients, e.g. 州党委办公室，局属各单位.
    #[serde(default)]
    pub copy_to: String,
    /// 印发机关, e.g. 中共某局党组办公室 (empty: the unit's Party group).
    #[serde(default)]
    pub issuer: String,
}

impl IssueSettings {
    pub fn is_empty(&self) -> bool {
        self.copy_to.is_empty() && self.issuer.is_empty()
    }
}

impl Default for RuleSettings {
    fn default() -> Self {
        Self {
            open_quorum: Fraction::HALF,
            special_quorum: Fraction::TWO_THIRDS,
            pass_threshold: Fraction::HALF,
            reading: Reading::Strict,
            subtract_recused: true,
            subtract_not_counted: true,
            expenditure_threshold_yuan: 50_000,
            duties: DutySettings::default(),
            issue: IssueSettings::default(),
        }
    }
}

impl RuleSettings {
    /// Articles each parameter comes from, for the settings screen.
    pub const OPEN_QUORUM_ARTICLE: Article = cite::QUORUM;
    pub const PASS_ARTICLE: Article = cite::VOTE;
    pub const EXPENDITURE_ARTICLE: Article = cite::EXPENDITURE;
}
