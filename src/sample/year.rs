//! The example's year (示例数据的全年记录): from 1 January of `today`'s year up to `today`, the
//! records each recurring duty of the register asks for (第十二、十八、十九、二十二至二十八条),
//! so that a first look at 台账 shows a year kept as an office keeps it. One gap is left on
//! purpose, so the dashboard still shows what a warning looks like: the 中心组学习 of the month
//! before last was missed.
//!
//! Routine meetings are brief (one item, a show of hands, a signed 纪要) and older than the
//! example's featured meetings: 党组会议 of their own month only before the first featured one,
//! the thematic meetings before the second (the newest signed), study sessions before the third
//! (the newest held). So the newest meeting, the newest signed 纪要 and the newest held
//! meeting stay the featured ones the screens open first. Fixed days fall on working days.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{attendance_at, days_after, days_before, open_vote, result_of};
use crate::domain::{
    category::Category,
    db::{Db, Records},
    democratic_life::{DemocraticLifeCycle, HeartTalk, OpinionSolicited},
    evidence::{Evidence, EvidenceKind},
    item::{AgendaItem, ItemStatus, PrepChecklist, StatusChange},
    meeting::{Choice, Distribution, ItemRecord, Meeting, MeetingKind, MeetingStage, SignOff, Summary, VoteMethod},
    study::{approve_plan, plan_mut, StudyTopic},
    Id,
};

/// Who is who in the example.
pub(super) struct Cast {
    pub secretary: Id,
    pub deputy: Id,
    pub zhang: Id,
    pub abdu: Id,
    pub liu: Id,
    pub ma: Id,
    pub chen: Id,
    /// 办公室, 财务审计科, 人事科, 运输管理科 (the heads the deputy and the members talk with).
    pub office: Id,
    pub finance: Id,
    pub personnel: Id,
    pub transport: Id,
}

/// The featured meetings' dates, oldest first: three 党组会议 and the 中心组学习.
pub(super) struct Featured {
    pub party: [NaiveDate; 3],
    pub study: NaiveDate,
}

/// The plan's topics, one a month; odd months' are also the 专题研讨 of their two months.
const TOPICS: [&str; 12] = [
    "《中国共产党党组工作条例》",
    "习近平总书记关于交通运输工作的重要论述",
    "《中国共产党纪律处分条例》",
    "加快建设交通强国",
    "新时代党的组织路线",
    "安全生产责任制",
    "铸牢中华民族共同体意识",
    "意识形态工作责任制",
    "优化营商环境与依法行政",
    "农村公路高质量发展",
    "全面从严治党新要求",
    "作风建设与为基层减负",
];

/// A month's routine 党组会议 item: title, category, the member in charge (see [`Cast`]) and
/// the decision.
fn routine_item(month: u32, c: &Cast) -> (&'static str, Category, Id, &'static str) {
    match month {
        1 => {
            ("关于本年度党建工作要点的议题", Category::BranchAffairs, c.zhang, "同意本年度党建工作要点，由人事科印发。")
        }
        2 => (
            "关于春运期间道路运输安全保障工作的议题",
            Category::Directives,
            c.chen,
            "同意春运安全保障方案，由安全监督科牵头落实。",
        ),
        3 => ("关于农村公路养护资金分配方案的议题", Category::Budget, c.ma, "同意养护资金分配方案，由财务审计科下达。"),
        4 => ("关于一季度重点工作推进情况的报告", Category::Other, c.deputy, "原则同意报告，各科室按分工抓好落实。"),
        5 => (
            "关于推进交通运输领域信用体系建设的议题",
            Category::Reform,
            c.abdu,
            "同意信用体系建设实施方案，由运输管理科组织实施。",
        ),
        6 => (
            "关于汛期公路水毁防范工作的议题",
            Category::Directives,
            c.liu,
            "同意汛期水毁防范工作方案，由规划建设科牵头落实。",
        ),
        7 => (
            "关于上半年工作总结和下半年工作安排的议题",
            Category::Other,
            c.deputy,
            "原则同意上半年工作总结和下半年工作安排。",
        ),
        8 => (
            "关于干部教育培训计划调整的议题",
            Category::Talent,
            c.zhang,
            "同意调整干部教育培训计划，由人事科组织实施。",
        ),
        9 => (
            "关于国庆假期道路运输保障工作的议题",
            Category::Directives,
            c.chen,
            "同意国庆假期运输保障方案，由安全监督科牵头落实。",
        ),
        10 => (
            "关于三季度重点工作推进情况的报告",
            Category::Other,
            c.deputy,
            "原则同意报告，各科室对照年度目标抓好落实。",
        ),
        11 => (
            "关于冬季公路除雪保通工作的议题",
            Category::Directives,
            c.liu,
            "同意除雪保通工作方案，由规划建设科牵头落实。",
        ),
        _ => (
            "关于编制下年度部门预算的议题",
            Category::Budget,
            c.ma,
            "同意下年度部门预算编制原则，由财务审计科组织编制。",
        ),
    }
}

/// The day itself, or the Monday after when it falls on a weekend.
fn workday(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => days_after(d, 2),
        Weekday::Sun => days_after(d, 1),
        _ => d,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    workday(NaiveDate::from_ymd_opt(y, m, d).expect("valid date"))
}

fn meeting(db: &mut Db, kind: MeetingKind, title: String, date: NaiveDate, chair: Id) -> Meeting {
    Meeting {
        id: db.new_id(),
        kind,
        title,
        date,
        time: "09:30".into(),
        place: "局机关三楼会议室".into(),
        chair: Some(chair),
        recorder: "周丽".into(),
        observers: vec![],
        attendance: attendance_at(&db.org, date, &[]),
        items: vec![],
        notice: Some(Distribution { on: days_before(date, 3), to: "全体党组成员".into() }),
        materials: None,
        stage: MeetingStage::Closed,
        current_item: 0,
        summary: None,
        amendments: vec![],
    }
}

/// A brief Party-group meeting: one item decided by a show of hands, its 纪要 signed two days
/// later (numbered by the caller, in date order).
fn brief_meeting(
    db: &mut Db,
    kind: MeetingKind,
    date: NaiveDate,
    c: &Cast,
    (title, category, in_charge, decision): (&str, Category, Id, &str),
    branch_report: bool,
) -> Meeting {
    let id = db.new_id();
    let done = |to, d| StatusChange { to, date: d, note: String::new() };
    db.items.add(AgendaItem {
        in_charge: Some(in_charge),
        checklist: PrepChecklist { research: true, consultation: true, risk_assessment: true, legality_review: true },
        status: ItemStatus::Done,
        branch_report,
        history: vec![
            done(ItemStatus::Proposed, days_before(date, 10)),
            done(ItemStatus::Reviewed, days_before(date, 7)),
            done(ItemStatus::Scheduled, days_before(date, 4)),
            done(ItemStatus::OnAgenda, days_before(date, 2)),
            done(ItemStatus::Decided, date),
            done(ItemStatus::Done, days_after(date, 20)),
        ],
        ..AgendaItem::proposed(id, title, category, days_before(date, 10))
    });
    let mut m = meeting(
        db,
        kind,
        if kind == MeetingKind::Regular { "党组会议".into() } else { kind.zh().into() },
        date,
        c.secretary,
    );
    let ballot = open_vote(&m, &[], VoteMethod::Hands, |_| (Choice::Yes, None));
    let result = result_of(&m, &[], &ballot, false, &db.settings);
    m.items.push(ItemRecord {
        item: id,
        recused: vec![],
        notes: vec![],
        opinions: vec![],
        ballot: Some(ballot),
        result: Some(result),
        decision: decision.into(),
        supersedes: None,
        superseded_by: None,
    });
    m.stage = MeetingStage::Signed;
    m.summary = Some(Summary {
        year: date.year(),
        number: 0,
        text: crate::domain::summary::draft_text(db, &m),
        signed: Some(SignOff { by: c.secretary, at: days_after(date, 2).and_hms_opt(16, 30, 0).expect("valid time") }),
        replaced: None,
    });
    m
}

fn evidence(db: &mut Db, kind: EvidenceKind, date: NaiveDate, member: Option<Id>, note: &str) -> Evidence {
    Evidence { id: db.new_id(), kind, date, member, counterpart: None, department: None, days: None, note: note.into() }
}

/// Adds the year's routine records up to `today` to `db` and `meetings`.
pub(super) fn fill(db: &mut Db, meetings: &mut Vec<Meeting>, c: &Cast, f: &Featured, today: NaiveDate) {
    let y = today.year();
    let [first, second, newest] = f.party;
    let month_of = |d: NaiveDate| (d.year() == y).then_some(d.month());

    // The study plan with its topics, approved by the secretary in the first week.
    let plan = plan_mut(db, y);
    plan.topics = TOPICS
        .iter()
        .enumerate()
        .map(|(i, t)| StudyTopic { title: (*t).into(), month: Some(i as u32 + 1), seminar: i % 2 == 0 })
        .collect();
    let approved = day(y, 1, 8);
    if approved < today {
        let _ = approve_plan(db, y, approved);
    }

    // The thematic Party-group meetings (第二十四、二十七、二十八条), each a month's meeting too.
    let thematic = [
        (
            day(y, 1, 20),
            MeetingKind::BranchReport,
            (
                "关于机关党支部上年度工作情况的汇报",
                Category::BranchAffairs,
                c.zhang,
                "原则同意汇报，机关党支部按年度计划抓好落实。",
            ),
            true,
        ),
        (
            day(y, 3, 24),
            MeetingKind::IntegrityMeeting,
            (
                "关于落实党风廉政建设主体责任清单的议题",
                Category::Integrity,
                c.zhang,
                "同意主体责任清单，各党组成员落实“一岗双责”。",
            ),
            false,
        ),
        (
            day(y, 6, 23),
            MeetingKind::IdeologyMeeting,
            (
                "关于上半年意识形态工作形势的分析研判",
                Category::Ideology,
                c.deputy,
                "同意分析研判意见，办公室做好舆情监测和引导。",
            ),
            false,
        ),
        (
            day(y, 7, 21),
            MeetingKind::BranchReport,
            (
                "关于机关党支部上半年工作情况的汇报",
                Category::BranchAffairs,
                c.zhang,
                "原则同意汇报，下半年重点抓好党员教育管理。",
            ),
            true,
        ),
        (
            day(y, 9, 22),
            MeetingKind::IntegrityMeeting,
            (
                "关于开展廉政风险点排查的议题",
                Category::Integrity,
                c.zhang,
                "同意廉政风险点排查方案，年底前完成排查整改。",
            ),
            false,
        ),
        (
            day(y, 10, 13),
            MeetingKind::IdeologyMeeting,
            (
                "关于网络意识形态工作的议题",
                Category::Ideology,
                c.deputy,
                "同意网络意识形态工作措施，由办公室牵头落实。",
            ),
            false,
        ),
    ];
    let mut covered: Vec<u32> = f.party.iter().filter_map(|d| month_of(*d)).collect();
    for (date, kind, item, branch) in thematic.into_iter().filter(|t| t.0 < second) {
        covered.push(date.month());
        let m = brief_meeting(db, kind, date, c, item, branch);
        meetings.push(m);
    }
    // 党组会议 each month before the first featured one (第十八条（一）).
    for month in 1..=12 {
        let date = day(y, month, 9);
        if date < first && !covered.contains(&month) {
            let m = brief_meeting(db, MeetingKind::Regular, date, c, routine_item(month, c), false);
            meetings.push(m);
        }
    }

    // 中心组学习 each month, 专题研讨 every two months (第二十二条（一）); the month before last
    // was missed.
    let missed = today.month().checked_sub(2).filter(|m| *m >= 1);
    for month in 1..=12u32 {
        let date = day(y, month, 14);
        if date < newest && month_of(f.study) != Some(month) && missed != Some(month) {
            let title = format!("中心组学习：{}", TOPICS[month as usize - 1]);
            let m = meeting(db, MeetingKind::CentralStudy, title, date, c.secretary);
            meetings.push(m);
        }
        let date = day(y, month, 23);
        if month % 2 == 1 && date < newest {
            let title = format!("中心组专题研讨：{}", TOPICS[month as usize - 1]);
            let m = meeting(db, MeetingKind::StudySeminar, title, date, c.secretary);
            meetings.push(m);
        }
    }

    // 民主生活会 in January, reported within 15 days and made known (第二十三条（四）（五）).
    let life = day(y, 1, 15);
    if life < second {
        let mut m = meeting(db, MeetingKind::DemocraticLife, "民主生活会".into(), life, c.secretary);
        m.notice = None;
        // Prepared as 第二十三条（二） asks: opinions solicited, every pair of members talked.
        let members: Vec<Id> = m.attendance.iter().map(|a| a.member).collect();
        let talked = days_before(life, 6);
        let talks = members
            .iter()
            .enumerate()
            .flat_map(|(i, &a)| members[i + 1..].iter().map(move |&b| HeartTalk { a, b, date: talked }))
            .collect();
        db.democratic_life.push(DemocraticLifeCycle {
            meeting: m.id,
            theme: "学习贯彻党的创新理论，加强党性修养，勇于担当作为".into(),
            theme_source: "州纪委监委、州党委组织部".into(),
            opinions: vec![OpinionSolicited {
                date: Some(days_before(life, 12)),
                from: "局机关干部职工、各县市交通运输局".into(),
                summary: "征求意见建议16条，已分类反馈党组成员。".into(),
            }],
            talks,
            criticism: "党组成员逐一对照检查，相互批评意见已当面反馈。".into(),
            ..Default::default()
        });
        meetings.push(m);
        let report = evidence(
            db,
            EvidenceKind::DemocraticLifeReport,
            day(y, 1, 26),
            None,
            "民主生活会情况报告报州纪委监委、州党委组织部",
        );
        db.evidence.add(report);
        let notice = evidence(
            db,
            EvidenceKind::DemocraticLifeNotice,
            day(y, 2, 10),
            None,
            "在局机关公示栏通报民主生活会及整改措施",
        );
        db.evidence.add(notice);
    }

    // Reports, assessment, studies, briefings, village days and integrity talks, by their dates.
    let dated: Vec<(NaiveDate, EvidenceKind, Option<Id>, &str)> = vec![
        (day(y, 1, 12), EvidenceKind::ContactPoint, Some(c.secretary), "基层联系点：呼图壁县五工台镇"),
        (day(y, 1, 12), EvidenceKind::ContactPoint, Some(c.deputy), "基层联系点：昌吉市三工镇"),
        (day(y, 1, 12), EvidenceKind::ContactPoint, Some(c.zhang), "基层联系点：玛纳斯县包家店镇"),
        (day(y, 1, 12), EvidenceKind::ContactPoint, Some(c.abdu), "基层联系点：吉木萨尔县二工镇"),
        (day(y, 1, 12), EvidenceKind::ContactPoint, Some(c.liu), "基层联系点：阜康市九运街镇"),
        (day(y, 1, 12), EvidenceKind::ContactPoint, Some(c.ma), "基层联系点：奇台县西地镇"),
        (day(y, 1, 12), EvidenceKind::ContactPoint, Some(c.chen), "基层联系点：木垒县英格堡乡"),
        (day(y, 1, 28), EvidenceKind::ComprehensiveReport, Some(c.secretary), "向州党委报告上年度全面工作情况"),
        (
            day(y, 1, 28),
            EvidenceKind::PerformanceReport,
            Some(c.secretary),
            "书记向州党委报告上年度履行全面从严治党责任情况",
        ),
        (day(y, 2, 26), EvidenceKind::PerformanceAssessment, None, "党组成员上年度履职考核"),
        (day(y, 4, 16), EvidenceKind::AntiCorruptionStudy, None, "反腐倡廉专题学习：交通运输领域典型案例警示教育"),
        (day(y, 7, 9), EvidenceKind::IdeologyBriefing, Some(c.deputy), "党内通报上半年意识形态领域情况"),
    ];
    for (date, kind, member, note) in dated.into_iter().filter(|e| e.0 < today) {
        let e = evidence(db, kind, date, member, note);
        db.evidence.add(e);
    }
    for (date, member, days) in [(day(y, 5, 12), c.secretary, 7), (day(y, 6, 9), c.deputy, 9)] {
        if date < today {
            let e = evidence(db, EvidenceKind::VillageDays, date, Some(member), "在呼图壁县五工台镇“访惠聚”驻村点下沉");
            db.evidence.add(Evidence { days: Some(days), ..e });
        }
    }
    // The deputy with three members; members with the heads of the departments they oversee.
    let talks = [
        (day(y, 3, 17), c.deputy, Some(c.zhang), None),
        (day(y, 3, 18), c.deputy, Some(c.abdu), None),
        (day(y, 3, 19), c.deputy, Some(c.ma), None),
        (day(y, 4, 7), c.deputy, None, Some(c.office)),
        (day(y, 4, 8), c.ma, None, Some(c.finance)),
        (day(y, 4, 9), c.zhang, None, Some(c.personnel)),
        (day(y, 4, 10), c.abdu, None, Some(c.transport)),
    ];
    for (date, member, counterpart, department) in talks.into_iter().filter(|t| t.0 < today) {
        let note = if counterpart.is_some() {
            "副书记与党组成员廉政谈话"
        } else {
            "与分管科室负责人廉政谈话"
        };
        let e = evidence(db, EvidenceKind::IntegrityTalk, date, Some(member), note);
        db.evidence.add(Evidence { counterpart, department, ..e });
    }
}
