//! Recurring duties (履职事项) and their evidence: every one the rules set
//! (第十二、十八、十九、二十二至二十八条).
//!
//! # Interpretation
//! - **Held meetings count automatically.** A meeting counts once it is held: `date ≤ today`
//!   and its stage is no longer [`MeetingStage::Planned`]. A past meeting still marked planned
//!   does not count (the office marks it held by opening it). Kinds: any Party-group meeting
//!   ([`MeetingKind::is_party_group_meeting`]) for the monthly 党组会议; 中心组学习, 专题研讨,
//!   民主生活会, 党风廉政建设专题会议, 意识形态专题会议, 听取党支部汇报 for their own duties.
//!   Other duties count [`Evidence`] records of the matching [`EvidenceKind`].
//! - **Periods.** "Monthly" means every calendar month has one (第十八条（一）: 每月召开1次);
//!   "every two months" means Jan–Feb, Mar–Apr, …; "every half year" means Jan–Jun and Jul–Dec.
//!   A period in which no member served (before the group was set up) is not required.
//!   A past period without one is a gap and makes the duty overdue; the current period is
//!   due at its last day. "N a year" duties are due by 31 December and overdue after it.
//! - **After an event.** The 民主生活会 report (第二十三条（四）) is due within
//!   `democratic_life_report_days` (15) days after the meeting: held 2026-01-10 → due
//!   2026-01-25, overdue from 2026-01-26. It belongs to the year of the meeting, even when the
//!   deadline falls in January of the next year. A report filed late counts as done, with a
//!   gap "late". The notice to the masses (第二十三条（五）) has no deadline in the text: it is
//!   required per meeting and listed as a gap only after the year ends, never "overdue".
//! - **Org-level duties are not pro-rated**; **per-person quantities are**: a 主要领导 whose term
//!   covers only part of the year owes `ceil(15 × days served / days in year)` village days
//!   (第二十六条), e.g. from 1 July in 2026: ceil(15 × 184 / 365) = 8 days.
//! - **Standing duties** (第二十六条: one contact point per member): a contact point recorded in
//!   any earlier year still stands. Every member serving in the year needs one by 31 December.
//! - **Coverage** (第二十七条 廉政谈话): each deputy secretary serving in the year with each
//!   ordinary member serving in it (when no deputy serves, the secretary holds these talks), and
//!   each department with a member in charge: a talk with its head. A talk counts for a pair in
//!   either direction; a department counts as covered by a talk with it by any member (the
//!   assignment history of departments is not kept).
//! - `gaps` list failures (past periods, missed deadlines, the year ended short), Chinese in
//!   `gaps`, English in `gaps_en`; `per_member` gives each member's figures where they apply
//!   (attendance for meeting duties, days, contact points, talks).

use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate};

use crate::domain::{
    article::Article,
    db::Db,
    evidence::{Evidence, EvidenceKind},
    meeting::{Meeting, MeetingKind, MeetingStage, Presence},
    org::{Organisation, Role},
    settings::RuleSettings,
    Id,
};

/// One row (or part of a row) of the duty table. 履职事项
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DutyKind {
    /// 党组会议每月至少1次 (第十八条（一）)
    PartyGroupMeeting,
    /// 每年向州党委全面报告 (第十二条)
    ComprehensiveReport,
    /// 书记向州党委报告履职情况 (第十九条)
    PerformanceReport,
    /// 年度履职考核 (第十九条)
    PerformanceAssessment,
    /// 中心组学习每月1次 (第二十二条（一）)
    CentralStudy,
    /// 每2个月1次专题研讨 (第二十二条（一）)
    StudySeminar,
    /// 年度学习计划和专题 (第二十二条（一）（二）)
    StudyPlan,
    /// 民主生活会每年1次 (第二十三条)
    DemocraticLife,
    /// 民主生活会后15天内报送 (第二十三条（四）)
    DemocraticLifeReport,
    /// 向群众通报民主生活会及整改情况 (第二十三条（五）)
    DemocraticLifeNotice,
    /// 每年听取机关党支部汇报不少于2次 (第二十四条)
    BranchReport,
    /// 每位党组成员1个基层联系点 (第二十六条)
    ContactPoint,
    /// 主要领导每年下沉“访惠聚”村不少于15天 (第二十六条)
    VillageDays,
    /// 反腐倡廉专题学习 (第二十七条)
    AntiCorruptionStudy,
    /// 每半年至少1次党风廉政建设专题会议 (第二十七条)
    IntegrityMeeting,
    /// 书记廉政党课 (第二十七条)
    IntegrityLecture,
    /// 廉政谈话 (第二十七条)
    IntegrityTalks,
    /// 每年至少2次意识形态专题会议 (第二十八条)
    IdeologyMeeting,
    /// 每年至少1次党内通报意识形态领域情况 (第二十八条)
    IdeologyBriefing,
}

impl DutyKind {
    pub const ALL: [DutyKind; 19] = [
        DutyKind::PartyGroupMeeting,
        DutyKind::ComprehensiveReport,
        DutyKind::PerformanceReport,
        DutyKind::PerformanceAssessment,
        DutyKind::CentralStudy,
        DutyKind::StudySeminar,
        DutyKind::StudyPlan,
        DutyKind::DemocraticLife,
        DutyKind::DemocraticLifeReport,
        DutyKind::DemocraticLifeNotice,
        DutyKind::BranchReport,
        DutyKind::ContactPoint,
        DutyKind::VillageDays,
        DutyKind::AntiCorruptionStudy,
        DutyKind::IntegrityMeeting,
        DutyKind::IntegrityLecture,
        DutyKind::IntegrityTalks,
        DutyKind::IdeologyMeeting,
        DutyKind::IdeologyBriefing,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            DutyKind::PartyGroupMeeting => "党组会议",
            DutyKind::ComprehensiveReport => "向州党委全面报告工作",
            DutyKind::PerformanceReport => "书记向州党委报告履职情况",
            DutyKind::PerformanceAssessment => "年度履职考核",
            DutyKind::CentralStudy => "中心组学习",
            DutyKind::StudySeminar => "中心组专题研讨",
            DutyKind::StudyPlan => "年度学习计划和专题",
            DutyKind::DemocraticLife => "民主生活会",
            DutyKind::DemocraticLifeReport => "民主生活会情况报送",
            DutyKind::DemocraticLifeNotice => "向群众通报民主生活会及整改情况",
            DutyKind::BranchReport => "听取机关党支部工作汇报",
            DutyKind::ContactPoint => "基层联系点",
            DutyKind::VillageDays => "主要领导下沉“访惠聚”驻村",
            DutyKind::AntiCorruptionStudy => "反腐倡廉专题学习",
            DutyKind::IntegrityMeeting => "党风廉政建设专题会议",
            DutyKind::IntegrityLecture => "书记廉政党课",
            DutyKind::IntegrityTalks => "廉政谈话",
            DutyKind::IdeologyMeeting => "意识形态专题会议",
            DutyKind::IdeologyBriefing => "党内通报意识形态领域情况",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            DutyKind::PartyGroupMeeting => "Party-group meeting",
            DutyKind::ComprehensiveReport => "Comprehensive report to the committee",
            DutyKind::PerformanceReport => "Secretary's performance report",
            DutyKind::PerformanceAssessment => "Annual performance assessment",
            DutyKind::CentralStudy => "Central group study",
            DutyKind::StudySeminar => "Thematic seminar",
            DutyKind::StudyPlan => "Annual study plan and topics",
            DutyKind::DemocraticLife => "Democratic life meeting",
            DutyKind::DemocraticLifeReport => "Report on the democratic life meeting",
            DutyKind::DemocraticLifeNotice => "Notice to the masses on the democratic life meeting",
            DutyKind::BranchReport => "Hearing the branch's work report",
            DutyKind::ContactPoint => "Grassroots contact point",
            DutyKind::VillageDays => "Main leaders' days in the village",
            DutyKind::AntiCorruptionStudy => "Anti-corruption thematic study",
            DutyKind::IntegrityMeeting => "Integrity thematic meeting",
            DutyKind::IntegrityLecture => "Secretary's integrity lecture",
            DutyKind::IntegrityTalks => "Integrity talks",
            DutyKind::IdeologyMeeting => "Ideology thematic meeting",
            DutyKind::IdeologyBriefing => "Ideology situation briefing",
        }
    }

    pub fn article(self) -> Article {
        match self {
            DutyKind::PartyGroupMeeting => Article::clause(18, 1),
            DutyKind::ComprehensiveReport => Article::new(12),
            DutyKind::PerformanceReport | DutyKind::PerformanceAssessment => Article::new(19),
            DutyKind::CentralStudy | DutyKind::StudySeminar | DutyKind::StudyPlan => Article::clause(22, 1),
            DutyKind::DemocraticLife => Article::new(23),
            DutyKind::DemocraticLifeReport => Article::clause(23, 4),
            DutyKind::DemocraticLifeNotice => Article::clause(23, 5),
            DutyKind::BranchReport => Article::new(24),
            DutyKind::ContactPoint | DutyKind::VillageDays => Article::new(26),
            DutyKind::AntiCorruptionStudy
            | DutyKind::IntegrityMeeting
            | DutyKind::IntegrityLecture
            | DutyKind::IntegrityTalks => Article::new(27),
            DutyKind::IdeologyMeeting | DutyKind::IdeologyBriefing => Article::new(28),
        }
    }

    /// How often, in Chinese, with the unit's settings.
    pub fn frequency_zh(self, s: &RuleSettings) -> String {
        let d = &s.duties;
        match self {
            DutyKind::PartyGroupMeeting if d.meeting_every_months == 1 => "每月至少1次".into(),
            DutyKind::PartyGroupMeeting => format!("每{}个月至少1次", d.meeting_every_months),
            DutyKind::ComprehensiveReport => format!("每年至少{}次", d.reports_per_year),
            DutyKind::PerformanceReport | DutyKind::PerformanceAssessment | DutyKind::StudyPlan => "每年".into(),
            DutyKind::CentralStudy => format!("每年{}次", d.study_per_year),
            DutyKind::StudySeminar => format!("每{}个月1次", d.seminar_every_months),
            DutyKind::DemocraticLife => format!("每年{}次", d.democratic_life_per_year),
            DutyKind::DemocraticLifeReport => format!("会后{}天内", d.democratic_life_report_days),
            DutyKind::DemocraticLifeNotice => "会后".into(),
            DutyKind::BranchReport => format!("每年不少于{}次", d.branch_reports_per_year),
            DutyKind::ContactPoint => "每位成员1个（常设）".into(),
            DutyKind::VillageDays => format!("每人每年不少于{}天", d.village_days_per_year),
            DutyKind::AntiCorruptionStudy | DutyKind::IntegrityLecture => "每年".into(),
            DutyKind::IntegrityMeeting => format!("每半年至少{}次", d.integrity_meetings_per_half_year),
            DutyKind::IntegrityTalks => "每年覆盖".into(),
            DutyKind::IdeologyMeeting => format!("每年至少{}次", d.ideology_meetings_per_year),
            DutyKind::IdeologyBriefing => format!("每年至少{}次", d.ideology_briefings_per_year),
        }
    }

    /// How often, in English, with the unit's settings ([`DutyKind::frequency_zh`]'s counterpart).
    pub fn frequency_en(self, s: &RuleSettings) -> String {
        fn times(n: u32) -> String {
            match n {
                1 => "once".into(),
                2 => "twice".into(),
                n => format!("{n} times"),
            }
        }
        fn every_months(n: u32) -> String {
            if n == 1 {
                "a month".into()
            } else {
                format!("every {n} months")
            }
        }
        let d = &s.duties;
        match self {
            DutyKind::PartyGroupMeeting => format!("At least once {}", every_months(d.meeting_every_months)),
            DutyKind::ComprehensiveReport => format!("At least {} a year", times(d.reports_per_year)),
            DutyKind::PerformanceReport | DutyKind::PerformanceAssessment | DutyKind::StudyPlan => "Every year".into(),
            DutyKind::CentralStudy => format!("{} a year", times(d.study_per_year)),
            DutyKind::StudySeminar => format!("Once {}", every_months(d.seminar_every_months)),
            DutyKind::DemocraticLife => format!("{} a year", times(d.democratic_life_per_year)),
            DutyKind::DemocraticLifeReport => {
                format!("Within {} days after the meeting", d.democratic_life_report_days)
            }
            DutyKind::DemocraticLifeNotice => "After the meeting".into(),
            DutyKind::BranchReport => format!("At least {} a year", times(d.branch_reports_per_year)),
            DutyKind::ContactPoint => "One per member (standing)".into(),
            DutyKind::VillageDays => format!("At least {} days per member a year", d.village_days_per_year),
            DutyKind::AntiCorruptionStudy | DutyKind::IntegrityLecture => "Every year".into(),
            DutyKind::IntegrityMeeting => {
                format!("At least {} every half year", times(d.integrity_meetings_per_half_year))
            }
            DutyKind::IntegrityTalks => "Everyone, every year".into(),
            DutyKind::IdeologyMeeting => format!("At least {} a year", times(d.ideology_meetings_per_year)),
            DutyKind::IdeologyBriefing => format!("At least {} a year", times(d.ideology_briefings_per_year)),
        }
    }

    /// The clause of 第二十条 a missed duty falls under: 党风廉政 duties → (五), others → (四).
    pub fn risk_clause(self) -> Article {
        match self {
            DutyKind::AntiCorruptionStudy
            | DutyKind::IntegrityMeeting
            | DutyKind::IntegrityLecture
            | DutyKind::IntegrityTalks => Article::clause(20, 5),
            _ => Article::clause(20, 4),
        }
    }
}

/// A record that counts as evidence for a duty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EvidenceRef {
    Meeting(Id),
    Evidence(Id),
}

impl EvidenceRef {
    /// Hash route of the record: `#/meetings/3` or `#/duties/evidence/7`.
    pub fn href(&self) -> String {
        match self {
            EvidenceRef::Meeting(id) => format!("#/meetings/{id}"),
            EvidenceRef::Evidence(_) => "#/evidence".to_string(),
        }
    }
}

/// A duty's status for a year as of `today`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DutyStatus {
    pub duty: DutyKind,
    pub required: u32,
    pub done: u32,
    /// The next deadline on or after today, if something is still to do.
    pub next_due: Option<NaiveDate>,
    pub overdue: bool,
    pub evidence: Vec<EvidenceRef>,
    /// (member, done, required) where the duty has a per-member figure.
    pub per_member: Vec<(Id, u32, u32)>,
    /// Failures in Chinese, e.g. "2026年3月未召开党组会议".
    pub gaps: Vec<String>,
    /// The same in English.
    pub gaps_en: Vec<String>,
}

impl DutyStatus {
    fn new(duty: DutyKind) -> Self {
        Self {
            duty,
            required: 0,
            done: 0,
            next_due: None,
            overdue: false,
            evidence: Vec::new(),
            per_member: Vec::new(),
            gaps: Vec::new(),
            gaps_en: Vec::new(),
        }
    }
    fn gap(&mut self, zh: String, en: String) {
        self.gaps.push(zh);
        self.gaps_en.push(en);
    }
    fn due(&mut self, date: NaiveDate) {
        self.next_due = Some(self.next_due.map_or(date, |d| d.min(date)));
    }
}

/// The deadline for the 民主生活会 report (第二十三条（四）): `democratic_life_report_days` (15)
/// days after the meeting. 2026-01-10 → 2026-01-25 (overdue from 2026-01-26).
pub fn democratic_life_report_due(meeting_date: NaiveDate, s: &RuleSettings) -> NaiveDate {
    meeting_date.checked_add_days(Days::new(s.duties.democratic_life_report_days as u64)).unwrap_or(NaiveDate::MAX)
}

/// A meeting counts as evidence once held: its date has come and it is no longer planned.
pub fn is_held(m: &Meeting, today: NaiveDate) -> bool {
    m.date <= today && m.stage != MeetingStage::Planned
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn month_end(y: i32, m: u32) -> NaiveDate {
    if m == 12 {
        ymd(y, 12, 31)
    } else {
        ymd(y, m + 1, 1).pred_opt().expect("valid date")
    }
}

fn days_in_year(y: i32) -> u32 {
    if NaiveDate::from_ymd_opt(y, 2, 29).is_some() {
        366
    } else {
        365
    }
}

/// Days of [start, end] covered by `[a, b]` (b = None: open).
fn overlap_days(start: NaiveDate, end: NaiveDate, a: NaiveDate, b: Option<NaiveDate>) -> u32 {
    let lo = start.max(a);
    let hi = b.map_or(end, |b| b.min(end));
    if hi < lo {
        0
    } else {
        ((hi - lo).num_days() + 1) as u32
    }
}

fn group_serves_between(org: &Organisation, start: NaiveDate, end: NaiveDate) -> bool {
    org.members.iter().any(|m| m.terms.iter().any(|t| overlap_days(start, end, t.start, t.end) > 0))
}

fn serves_in(org: &Organisation, id: Id, start: NaiveDate, end: NaiveDate) -> bool {
    org.member(id).is_some_and(|m| m.terms.iter().any(|t| overlap_days(start, end, t.start, t.end) > 0))
}

/// Members serving at some day of [start, end], in entry order.
fn members_serving(org: &Organisation, start: NaiveDate, end: NaiveDate) -> Vec<Id> {
    org.members.iter().filter(|m| serves_in(org, m.id, start, end)).map(|m| m.id).collect()
}

/// 台账起始日期: the day the register starts. The setting when set; otherwise the date of the
/// first record (the earliest meeting or evidence record), since before it the app was not in
/// use and the absence of records says nothing. `None` when there is no record at all.
pub fn ledger_start(db: &Db) -> Option<NaiveDate> {
    db.settings.duties.ledger_start.or_else(|| first_record(db))
}

/// The date of the first record: the earliest meeting or evidence record.
pub fn first_record(db: &Db) -> Option<NaiveDate> {
    let meetings = db.meetings.iter().map(|m| m.date);
    let evidence = db.evidence.iter().map(|e| e.date);
    meetings.chain(evidence).min()
}

/// The organisation as the register sees it from `start` on: terms begin no earlier than the
/// start and terms ended before it are left out, so every period before the start counts as
/// one in which nobody served (not required, never a gap).
fn org_from(org: &Organisation, start: NaiveDate) -> Organisation {
    let mut o = org.clone();
    for m in &mut o.members {
        m.terms.retain(|t| t.end.is_none_or(|e| e >= start));
        for t in &mut m.terms {
            t.start = t.start.max(start);
        }
    }
    o
}

struct Ctx<'a> {
    db: &'a Db,
    /// The organisation from the register's start on (see [`org_from`]).
    org: std::borrow::Cow<'a, Organisation>,
    s: &'a RuleSettings,
    year: i32,
    today: NaiveDate,
    y0: NaiveDate,
    y1: NaiveDate,
    /// Held meetings, sorted by date.
    held: Vec<&'a Meeting>,
}

impl<'a> Ctx<'a> {
    fn in_year(&self, d: NaiveDate) -> bool {
        self.y0 <= d && d <= self.y1
    }
    fn year_over(&self) -> bool {
        self.today > self.y1
    }
    fn meetings_in_year(&self, pred: impl Fn(MeetingKind) -> bool) -> Vec<&'a Meeting> {
        self.held.iter().copied().filter(|m| pred(m.kind) && self.in_year(m.date)).collect()
    }
    fn evidence_in_year(&self, kind: EvidenceKind) -> Vec<&'a Evidence> {
        self.db
            .evidence
            .iter()
            .map(Arc::as_ref)
            .filter(|e| e.kind == kind && self.in_year(e.date) && e.date <= self.today)
            .collect()
    }
    fn group_serves_in_year(&self) -> bool {
        group_serves_between(&self.org, self.y0, self.y1)
    }
}

/// Per-member attendance of the meetings: (member, present, on the roster).
fn attendance_per_member(meetings: &[&Meeting]) -> Vec<(Id, u32, u32)> {
    let mut out: Vec<(Id, u32, u32)> = Vec::new();
    for m in meetings {
        for a in &m.attendance {
            let i = match out.iter().position(|e| e.0 == a.member) {
                Some(i) => i,
                None => {
                    out.push((a.member, 0, 0));
                    out.len() - 1
                }
            };
            out[i].2 += 1;
            if a.presence == Presence::Present {
                out[i].1 += 1;
            }
        }
    }
    out
}

fn period_label(year: i32, first: u32, last: u32, months: u32) -> (String, String) {
    if first == last {
        (format!("{year}年{first}月"), format!("{year}-{first:02}"))
    } else if months == 6 && (first == 1 || first == 7) && last == first + 5 {
        let (zh, en) = if first == 1 { ("上半年", "H1") } else { ("下半年", "H2") };
        (format!("{year}年{zh}"), format!("{en} {year}"))
    } else {
        (format!("{year}年{first}–{last}月"), format!("{year}-{first:02}..{last:02}"))
    }
}

/// Each period of `months` months must hold `per` events.
fn periodic(
    c: &Ctx,
    duty: DutyKind,
    months: u32,
    per: u32,
    events: &[(NaiveDate, EvidenceRef)],
    what_zh: &str,
    what_en: &str,
) -> DutyStatus {
    let mut st = DutyStatus::new(duty);
    let months = months.clamp(1, 12);
    let mut first = 1;
    while first <= 12 {
        let last = (first + months - 1).min(12);
        let (start, end) = (ymd(c.year, first, 1), month_end(c.year, last));
        if per > 0 && group_serves_between(&c.org, start, end) {
            let n = events.iter().filter(|(d, _)| start <= *d && *d <= end).count() as u32;
            st.required += per;
            st.done += n.min(per);
            if n < per {
                if end < c.today {
                    st.overdue = true;
                    let (lz, le) = period_label(c.year, first, last, months);
                    let (gz, ge) = if per == 1 {
                        (format!("{lz}未{what_zh}"), format!("{le}: no {what_en}"))
                    } else {
                        (format!("{lz}{what_zh}{n}次，少于{per}次"), format!("{le}: {n} {what_en}, fewer than {per}"))
                    };
                    st.gap(gz, ge);
                } else {
                    st.due(end);
                }
            }
        }
        first = last + 1;
    }
    st.evidence = events.iter().filter(|(d, _)| c.in_year(*d)).map(|(_, r)| *r).collect();
    st
}

/// `k` events a year, by 31 December.
fn per_year(
    c: &Ctx,
    duty: DutyKind,
    k: u32,
    events: &[(NaiveDate, EvidenceRef)],
    what_zh: &str,
    what_en: &str,
) -> DutyStatus {
    let mut st = DutyStatus::new(duty);
    st.evidence = events.iter().filter(|(d, _)| c.in_year(*d)).map(|(_, r)| *r).collect();
    if !c.group_serves_in_year() {
        return st;
    }
    st.required = k;
    st.done = st.evidence.len() as u32;
    if st.done < k {
        if c.year_over() {
            st.overdue = true;
            st.gap(
                format!("{}年{what_zh}{}次，少于{k}次", c.year, st.done),
                format!("{}: {} {what_en}, fewer than {k}", c.year, st.done),
            );
        } else {
            st.due(c.y1);
        }
    }
    st
}

fn meeting_events(ms: &[&Meeting]) -> Vec<(NaiveDate, EvidenceRef)> {
    ms.iter().map(|m| (m.date, EvidenceRef::Meeting(m.id))).collect()
}

fn evidence_events(es: &[&Evidence]) -> Vec<(NaiveDate, EvidenceRef)> {
    es.iter().map(|e| (e.date, EvidenceRef::Evidence(e.id))).collect()
}

fn meeting_duty(
    c: &Ctx,
    duty: DutyKind,
    months_or_year: Option<(u32, u32)>,
    per_year_k: u32,
    pred: impl Fn(MeetingKind) -> bool,
    what_zh: &str,
    what_en: &str,
) -> DutyStatus {
    meeting_duty_of(c, duty, months_or_year, per_year_k, c.meetings_in_year(pred), what_zh, what_en)
}

/// Hearing the branch's work report (第二十四条): a meeting of that kind, or any Party-group
/// meeting with an agenda item marked as the branch's report.
fn branch_reports(c: &Ctx) -> DutyStatus {
    let marked: Vec<Id> = c.db.items.iter().filter(|i| i.branch_report).map(|i| i.id).collect();
    let ms: Vec<&Meeting> = c
        .meetings_in_year(MeetingKind::is_party_group_meeting)
        .into_iter()
        .filter(|m| m.kind == MeetingKind::BranchReport || m.items.iter().any(|r| marked.contains(&r.item)))
        .collect();
    meeting_duty_of(
        c,
        DutyKind::BranchReport,
        None,
        c.s.duties.branch_reports_per_year,
        ms,
        "听取机关党支部汇报",
        "branch reports heard",
    )
}

fn meeting_duty_of(
    c: &Ctx,
    duty: DutyKind,
    months_or_year: Option<(u32, u32)>,
    per_year_k: u32,
    ms: Vec<&Meeting>,
    what_zh: &str,
    what_en: &str,
) -> DutyStatus {
    let ev = meeting_events(&ms);
    let mut st = match months_or_year {
        Some((months, per)) => periodic(c, duty, months, per, &ev, what_zh, what_en),
        None => per_year(c, duty, per_year_k, &ev, what_zh, what_en),
    };
    st.per_member = attendance_per_member(&ms);
    st
}

fn evidence_duty(c: &Ctx, duty: DutyKind, kind: EvidenceKind, k: u32, what_zh: &str, what_en: &str) -> DutyStatus {
    per_year(c, duty, k, &evidence_events(&c.evidence_in_year(kind)), what_zh, what_en)
}

/// Central study: monthly when `study_per_year` is a multiple of 12, every 12/k months when k
/// divides 12, otherwise k a year.
fn central_study(c: &Ctx) -> DutyStatus {
    let k = c.s.duties.study_per_year;
    let sched = if k > 0 && k.is_multiple_of(12) {
        Some((1, k / 12))
    } else if k > 0 && 12 % k == 0 {
        Some((12 / k, 1))
    } else {
        None
    };
    meeting_duty(
        c,
        DutyKind::CentralStudy,
        sched,
        k,
        |k| k == MeetingKind::CentralStudy,
        "开展中心组学习",
        "central group study",
    )
}

/// The annual study plan (第二十二条（一）（二）): done once the secretary has approved it, by
/// [`plan_approval`](crate::domain::study::plan_approval), the rule the study screen shows too.
fn study_plan(c: &Ctx) -> DutyStatus {
    let mut st = DutyStatus::new(DutyKind::StudyPlan);
    let approval = crate::domain::study::plan_approval(c.db, c.year, c.today);
    st.evidence = approval.and_then(|a| a.evidence).map(EvidenceRef::Evidence).into_iter().collect();
    if !c.group_serves_in_year() {
        return st;
    }
    st.required = 1;
    if approval.is_some() {
        st.done = 1;
    } else if c.year_over() {
        st.overdue = true;
        st.gap(
            format!("{}年度学习计划未经书记审定", c.year),
            format!("{}: the study plan was not approved by the secretary", c.year),
        );
    } else {
        st.due(c.y1);
    }
    st
}

/// Where the report on one 民主生活会 stands as of a day (第二十三条（四）).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportState {
    /// The meeting is still to be held: no deadline runs yet.
    NotHeld,
    /// Filed on `on` (late when after `due`).
    Filed { evidence: Id, on: NaiveDate, due: NaiveDate },
    /// Not filed; `days_left` days to `due` (0 on the day).
    Pending { due: NaiveDate, days_left: i64 },
    /// Not filed and `due` has passed, `days` days ago.
    Overdue { due: NaiveDate, days: i64 },
}

/// The first record of `kind` (the report or the notice to the masses) that answers the
/// 民主生活会 `m` as of `today`: dated from the meeting up to today and before the next held
/// 民主生活会 (which needs its own). `None` while `m` itself is not held.
pub fn democratic_life_evidence(db: &Db, m: &Meeting, kind: EvidenceKind, today: NaiveDate) -> Option<Arc<Evidence>> {
    if !is_held(m, today) {
        return None;
    }
    let next = db
        .meetings
        .iter()
        .filter(|x| x.kind == MeetingKind::DemocraticLife && x.date > m.date && is_held(x, today))
        .map(|x| x.date)
        .min();
    db.evidence
        .iter()
        .filter(|e| e.kind == kind && e.date >= m.date && e.date <= today && next.is_none_or(|n| e.date < n))
        .min_by_key(|e| (e.date, e.id))
        .cloned()
}

/// The report's state for the 民主生活会 `m` as of `today` (第二十三条（四）): the countdown runs
/// from the meeting's date once it is held, e.g. held 2026-01-10 → 15 days left on
/// 2026-01-10, 0 on 2026-01-25, overdue by 1 on 2026-01-26. A meeting still to come starts no
/// countdown. The duty register reads the same records ([`democratic_life_evidence`]).
pub fn democratic_life_report_state(db: &Db, m: &Meeting, today: NaiveDate) -> ReportState {
    if !is_held(m, today) {
        return ReportState::NotHeld;
    }
    let due = democratic_life_report_due(m.date, &db.settings);
    match democratic_life_evidence(db, m, EvidenceKind::DemocraticLifeReport, today) {
        Some(e) => ReportState::Filed { evidence: e.id, on: e.date, due },
        None if today > due => ReportState::Overdue { due, days: (today - due).num_days() },
        None => ReportState::Pending { due, days_left: (due - today).num_days() },
    }
}

fn democratic_life(c: &Ctx) -> [DutyStatus; 3] {
    let dls = c.meetings_in_year(|k| k == MeetingKind::DemocraticLife);
    let mut life = meeting_duty(
        c,
        DutyKind::DemocraticLife,
        None,
        c.s.duties.democratic_life_per_year,
        |k| k == MeetingKind::DemocraticLife,
        "召开民主生活会",
        "democratic life meetings",
    );
    // 第二十三条（三）: absentees submit a written statement, read out and minuted. It is
    // recorded either on the 民主生活会 screen or as a written opinion on an agenda item.
    for m in &dls {
        let cycle = crate::domain::democratic_life::cycle_of(c.db, m.id);
        for a in m.attendance.iter().filter(|a| a.presence != Presence::Present && a.not_counted.is_none()) {
            let wrote = m.items.iter().any(|r| r.opinions.iter().any(|o| o.member == a.member))
                || cycle.is_some_and(|cy| {
                    cy.statements.iter().any(|st| st.member == a.member && !st.text.trim().is_empty())
                });
            if !wrote {
                let name = c.db.org.member_name(a.member);
                life.gap(
                    format!("{}民主生活会缺席的{}未提交书面发言（第二十三条（三））", m.date, name),
                    format!(
                        "{}: {} was absent from the democratic life meeting without a written statement (Art. 23(3))",
                        m.date, name
                    ),
                );
            }
        }
    }
    let mut report = DutyStatus::new(DutyKind::DemocraticLifeReport);
    let mut notice = DutyStatus::new(DutyKind::DemocraticLifeNotice);
    for m in &dls {
        let find = |kind: EvidenceKind| democratic_life_evidence(c.db, m, kind, c.today);
        let deadline = democratic_life_report_due(m.date, c.s);
        report.required += 1;
        match find(EvidenceKind::DemocraticLifeReport) {
            Some(e) => {
                report.done += 1;
                report.evidence.push(EvidenceRef::Evidence(e.id));
                if e.date > deadline {
                    report.gap(
                        format!("{}民主生活会情况于{}报送，晚于期限{}", m.date, e.date, deadline),
                        format!("Report on the {} meeting filed {} , after the deadline {}", m.date, e.date, deadline),
                    );
                }
            }
            None if c.today > deadline => {
                report.overdue = true;
                report.gap(
                    format!(
                        "{}民主生活会后{}天内未报送（期限{}）",
                        m.date, c.s.duties.democratic_life_report_days, deadline
                    ),
                    format!(
                        "No report within {} days of the {} meeting (due {})",
                        c.s.duties.democratic_life_report_days, m.date, deadline
                    ),
                );
            }
            None => report.due(deadline),
        }
        notice.required += 1;
        match find(EvidenceKind::DemocraticLifeNotice) {
            Some(e) => {
                notice.done += 1;
                notice.evidence.push(EvidenceRef::Evidence(e.id));
            }
            None if c.year_over() => notice.gap(
                format!("{}民主生活会情况和整改措施尚未向群众通报", m.date),
                format!("The {} meeting and its rectification were not made known to the masses", m.date),
            ),
            None => {}
        }
    }
    [life, report, notice]
}

fn contact_points(c: &Ctx) -> DutyStatus {
    let mut st = DutyStatus::new(DutyKind::ContactPoint);
    let upto = c.y1.min(c.today);
    for id in members_serving(&c.org, c.y0, c.y1) {
        st.required += 1;
        let ev =
            c.db.evidence
                .iter()
                .filter(|e| e.kind == EvidenceKind::ContactPoint && e.member == Some(id) && e.date <= upto)
                .max_by_key(|e| e.date);
        match ev {
            Some(e) => {
                st.done += 1;
                st.evidence.push(EvidenceRef::Evidence(e.id));
                st.per_member.push((id, 1, 1));
            }
            None => {
                st.per_member.push((id, 0, 1));
                if c.year_over() {
                    st.overdue = true;
                    let n = c.db.org.member_name(id);
                    st.gap(format!("{n}未落实基层联系点"), format!("{n} has no grassroots contact point"));
                } else {
                    st.due(c.y1);
                }
            }
        }
    }
    st
}

fn village_days(c: &Ctx) -> DutyStatus {
    let mut st = DutyStatus::new(DutyKind::VillageDays);
    let per_year = c.s.duties.village_days_per_year;
    let dy = days_in_year(c.year);
    for m in &c.org.members {
        let served: u32 =
            m.terms.iter().filter(|t| t.main_leader).map(|t| overlap_days(c.y0, c.y1, t.start, t.end)).sum();
        if served == 0 {
            continue;
        }
        let served = served.min(dy);
        let required = (per_year as u64 * served as u64).div_ceil(dy as u64) as u32;
        let mut done = 0;
        for e in c.evidence_in_year(EvidenceKind::VillageDays).into_iter().filter(|e| e.member == Some(m.id)) {
            done += e.days.unwrap_or(0);
            st.evidence.push(EvidenceRef::Evidence(e.id));
        }
        st.required += 1;
        st.per_member.push((m.id, done, required));
        if done >= required {
            st.done += 1;
        } else if c.year_over() {
            st.overdue = true;
            let n = m.display_name();
            st.gap(
                format!("{n}驻村{done}天，少于{required}天"),
                format!("{n}: {done} days in the village, fewer than {required}"),
            );
        } else {
            st.due(c.y1);
        }
    }
    st
}

fn integrity_talks(c: &Ctx) -> DutyStatus {
    let mut st = DutyStatus::new(DutyKind::IntegrityTalks);
    let org = &*c.org;
    let has_role = |id: Id, role: Role| {
        org.member(id)
            .is_some_and(|m| m.terms.iter().any(|t| t.role == role && overlap_days(c.y0, c.y1, t.start, t.end) > 0))
    };
    let serving = members_serving(org, c.y0, c.y1);
    let mut talkers: Vec<Id> = serving.iter().copied().filter(|&id| has_role(id, Role::DeputySecretary)).collect();
    if talkers.is_empty() {
        talkers = serving.iter().copied().filter(|&id| has_role(id, Role::Secretary)).collect();
    }
    let members: Vec<Id> = serving
        .iter()
        .copied()
        .filter(|&id| {
            has_role(id, Role::Member) && !has_role(id, Role::DeputySecretary) && !has_role(id, Role::Secretary)
        })
        .collect();
    let talks = c.evidence_in_year(EvidenceKind::IntegrityTalk);
    let mut per: Vec<(Id, u32, u32)> = Vec::new();
    let mut bump = |id: Id, done: bool| {
        let i = per.iter().position(|p| p.0 == id).unwrap_or_else(|| {
            per.push((id, 0, 0));
            per.len() - 1
        });
        per[i].2 += 1;
        if done {
            per[i].1 += 1;
        }
    };
    let mut missing: Vec<(String, String)> = Vec::new();
    for &t in &talkers {
        for &m in &members {
            st.required += 1;
            let hit = talks.iter().find(|e| {
                (e.member == Some(t) && e.counterpart == Some(m)) || (e.member == Some(m) && e.counterpart == Some(t))
            });
            bump(t, hit.is_some());
            match hit {
                Some(e) => {
                    st.done += 1;
                    st.evidence.push(EvidenceRef::Evidence(e.id));
                }
                None => {
                    let (a, b) = (org.member_name(t), org.member_name(m));
                    missing.push((format!("{a}与{b}未进行廉政谈话"), format!("No integrity talk between {a} and {b}")));
                }
            }
        }
    }
    for d in &org.departments {
        let Some(head_of) = d.in_charge.filter(|&id| serving.contains(&id)) else { continue };
        st.required += 1;
        let hit = talks.iter().find(|e| e.department == Some(d.id));
        bump(head_of, hit.is_some());
        match hit {
            Some(e) => {
                st.done += 1;
                st.evidence.push(EvidenceRef::Evidence(e.id));
            }
            None => {
                let a = org.member_name(head_of);
                missing.push((
                    format!("{a}未与分管的{}负责人进行廉政谈话", d.name),
                    format!("{a} has not held an integrity talk with the head of {}", d.name),
                ));
            }
        }
    }
    st.evidence.dedup();
    st.per_member = per;
    if !missing.is_empty() {
        if c.year_over() {
            st.overdue = true;
            for (z, e) in missing {
                st.gap(z, e);
            }
        } else {
            st.due(c.y1);
        }
    }
    st
}

/// Every duty for `year`, as of `today` (in [`DutyKind::ALL`] order).
pub fn evaluate_duties(db: &Db, year: i32, today: NaiveDate) -> Vec<DutyStatus> {
    let s = &db.settings;
    let mut held: Vec<&Meeting> = db.meetings.iter().map(Arc::as_ref).filter(|m| is_held(m, today)).collect();
    crate::domain::sort::sort_by_key(&mut held, |m| m.date);
    let org = match ledger_start(db) {
        Some(start) => std::borrow::Cow::Owned(org_from(&db.org, start)),
        None => std::borrow::Cow::Borrowed(&db.org),
    };
    let c = Ctx { db, org, s, year, today, y0: ymd(year, 1, 1), y1: ymd(year, 12, 31), held };
    let d = &s.duties;
    let [life, report, notice] = democratic_life(&c);
    let out = vec![
        meeting_duty(
            &c,
            DutyKind::PartyGroupMeeting,
            Some((d.meeting_every_months, 1)),
            0,
            MeetingKind::is_party_group_meeting,
            "召开党组会议",
            "Party-group meeting",
        ),
        evidence_duty(
            &c,
            DutyKind::ComprehensiveReport,
            EvidenceKind::ComprehensiveReport,
            d.reports_per_year,
            "向州党委全面报告",
            "comprehensive reports",
        ),
        evidence_duty(
            &c,
            DutyKind::PerformanceReport,
            EvidenceKind::PerformanceReport,
            1,
            "书记报告履职情况",
            "performance reports",
        ),
        evidence_duty(
            &c,
            DutyKind::PerformanceAssessment,
            EvidenceKind::PerformanceAssessment,
            1,
            "履职考核",
            "performance assessments",
        ),
        central_study(&c),
        meeting_duty(
            &c,
            DutyKind::StudySeminar,
            Some((d.seminar_every_months, 1)),
            0,
            |k| k == MeetingKind::StudySeminar,
            "开展专题研讨",
            "thematic seminar",
        ),
        study_plan(&c),
        life,
        report,
        notice,
        branch_reports(&c),
        contact_points(&c),
        village_days(&c),
        evidence_duty(
            &c,
            DutyKind::AntiCorruptionStudy,
            EvidenceKind::AntiCorruptionStudy,
            1,
            "开展反腐倡廉专题学习",
            "anti-corruption studies",
        ),
        meeting_duty(
            &c,
            DutyKind::IntegrityMeeting,
            Some((6, d.integrity_meetings_per_half_year)),
            0,
            |k| k == MeetingKind::IntegrityMeeting,
            "召开党风廉政建设专题会议",
            "integrity meeting",
        ),
        evidence_duty(
            &c,
            DutyKind::IntegrityLecture,
            EvidenceKind::IntegrityLecture,
            1,
            "讲廉政党课",
            "integrity lectures",
        ),
        integrity_talks(&c),
        meeting_duty(
            &c,
            DutyKind::IdeologyMeeting,
            None,
            d.ideology_meetings_per_year,
            |k| k == MeetingKind::IdeologyMeeting,
            "召开意识形态专题会议",
            "ideology meetings",
        ),
        evidence_duty(
            &c,
            DutyKind::IdeologyBriefing,
            EvidenceKind::IdeologyBriefing,
            d.ideology_briefings_per_year,
            "党内通报意识形态领域情况",
            "ideology briefings",
        ),
    ];
    debug_assert_eq!(out.iter().map(|d| d.duty).collect::<Vec<_>>(), DutyKind::ALL.to_vec());
    out
}

/// The year of `today`, for convenience.
pub fn current_year(today: NaiveDate) -> i32 {
    today.year()
}
