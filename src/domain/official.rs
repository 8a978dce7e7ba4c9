//! The printed documents of an office (公文和会议用表) as plain data: the 纪要's body blocks and
//! its 版记 (GB/T 9704-2012), the 会议通知, the 签到表, the paper 表决票 and the 计票单 of a
//! meeting, the 会议记录 page, and the 督办通知单 / 催办单 of a follow-up task. The screens in
//! `pages/print` only lay these out; every text here is the Chinese an office files, whatever
//! the interface language.

use chrono::NaiveDate;

use super::{
    article::chinese_number,
    category::Category,
    db::Db,
    meeting::{Ballot, Choice, Meeting, Presence, SpeechNote},
    org::{Organisation, Role},
    settings::IssueSettings,
    summary::{attendance_lines, body_lines, date_zh, AttendanceGroup},
    task::{FollowUpTask, TaskStatus},
    Id,
};

/// One block of a 纪要's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A first-level heading `一、…` (printed in 黑体).
    Heading(String),
    /// A paragraph (first line indented two characters).
    Para(String),
    /// An empty line kept from the text.
    Blank,
}

/// Whether a line is a first-level heading: a Chinese numeral (一 to 九十九) followed by `、`.
pub fn is_heading(line: &str) -> bool {
    let t = line.trim_start();
    let Some((num, _)) = t.split_once('、') else { return false };
    !num.is_empty() && num.chars().count() <= 3 && num.chars().all(|c| "一二三四五六七八九十".contains(c))
}

/// The body of a 纪要 as blocks: headings, paragraphs, blank lines (a heading or number line an
/// older draft carries at its top is left out, see [`body_lines`]).
pub fn summary_blocks(text: &str) -> Vec<Block> {
    body_lines(text)
        .into_iter()
        .map(|l| {
            if l.trim().is_empty() {
                Block::Blank
            } else if is_heading(l) {
                Block::Heading(l.trim().to_string())
            } else {
                Block::Para(l.trim().to_string())
            }
        })
        .collect()
}

/// The 版记 of a 纪要 (GB/T 9704-2012 §7.4): 分送, 印发机关 and 印发日期.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueNote {
    /// 分送: empty when the settings name no recipients (the line is then left out).
    pub copy_to: String,
    /// 印发机关: from the settings, else `{unit}党组`.
    pub issuer: String,
    /// 印发日期 `2026年3月6日`.
    pub date: String,
}

/// The 版记 of a 纪要 issued on `issued` (the sign-off date, or the meeting date before it).
pub fn issue_note(s: &IssueSettings, org: &Organisation, issued: NaiveDate) -> IssueNote {
    let issuer = if s.issuer.trim().is_empty() { unit_party_group(org) } else { s.issuer.trim().to_string() };
    IssueNote { copy_to: s.copy_to.trim().to_string(), issuer, date: format!("{}印发", date_zh(issued)) }
}

/// `中共某局党组` (the unit name as set; a name already starting with 中共 is not doubled).
pub fn unit_party_group(org: &Organisation) -> String {
    let unit = org.unit_name.trim();
    if unit.is_empty() || unit.starts_with("中共") {
        format!("{unit}党组")
    } else {
        format!("中共{unit}党组")
    }
}

/// The printed title of a role.
pub fn role_zh(r: Role) -> &'static str {
    match r {
        Role::Secretary => "党组书记",
        Role::DeputySecretary => "党组副书记",
        Role::Member => "党组成员",
    }
}

/// A name and a position, for the 签到表 and the lists of a notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub position: String,
}

/// Who is expected at a meeting: its roster (members with their role), then those invited to
/// attend (列席) with their position.
pub fn sign_in_rows(org: &Organisation, m: &Meeting) -> Vec<Person> {
    let members =
        m.attendance.iter().map(|a| Person { name: org.member_name(a.member), position: role_zh(a.role).into() });
    let observers = m
        .observers
        .iter()
        .filter_map(|o| org.attendee(*o))
        .map(|a| Person { name: a.name.clone(), position: a.position.trim().to_string() });
    members.chain(observers).collect()
}

/// The names of the members who vote at a meeting: present, counted towards the members due.
/// A meeting not yet held (everyone on the roster still marked present) lists the whole roster.
pub fn voters(org: &Organisation, m: &Meeting) -> Vec<String> {
    m.attendance
        .iter()
        .filter(|a| a.presence == Presence::Present && a.not_counted.is_none())
        .map(|a| org.member_name(a.member))
        .collect()
}

/// The items a paper ballot is printed for: 干部任免 (第十八条（五）: personnel items are voted
/// on one by one), as (item id, title).
pub fn ballot_items(db: &Db, m: &Meeting) -> Vec<(Id, String)> {
    m.items
        .iter()
        .filter_map(|r| db.item(r.item))
        .filter(|i| i.category == Category::Personnel)
        .map(|i| (i.id, i.title.trim().to_string()))
        .collect()
}

/// The meeting's name as printed: its title, or its kind.
pub fn meeting_name(m: &Meeting) -> String {
    if m.title.trim().is_empty() {
        m.kind.zh().to_string()
    } else {
        m.title.trim().to_string()
    }
}

/// `2026年3月5日（星期四）9:30`
pub fn date_time_zh(m: &Meeting) -> String {
    use chrono::Datelike;
    let wd = ["一", "二", "三", "四", "五", "六", "日"][m.date.weekday().num_days_from_monday() as usize];
    let time = m.time.trim();
    if time.is_empty() {
        format!("{}（星期{wd}）", date_zh(m.date))
    } else {
        format!("{}（星期{wd}）{time}", date_zh(m.date))
    }
}

/// The agenda of a meeting as numbered lines `（一）关于…的议题`.
pub fn agenda_lines(db: &Db, m: &Meeting) -> Vec<String> {
    m.items
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let title = db.item(r.item).map(|it| it.title.trim().to_string()).unwrap_or_default();
            format!("（{}）{title}", chinese_number(i as u32 + 1))
        })
        .collect()
}

/// One row of a 计票单: an item with the counts recorded, or blanks to fill in by hand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TallyRow {
    pub title: String,
    /// 表决方式
    pub method: String,
    /// 应到, 实到, 同意, 不同意, 弃权, 无效 (`None`: not voted yet, the cell stays blank)
    pub counts: Option<[u32; 6]>,
    /// 通过 / 未通过 / 无效, empty before the vote.
    pub result: String,
}

/// The 计票单 rows of a meeting, one per item.
pub fn tally_rows(db: &Db, m: &Meeting) -> Vec<TallyRow> {
    m.items
        .iter()
        .map(|r| {
            let title = db.item(r.item).map(|it| it.title.trim().to_string()).unwrap_or_default();
            let method = match &r.ballot {
                Some(Ballot::Secret(_)) => "无记名投票",
                Some(Ballot::Open { method, .. }) => match method {
                    super::meeting::VoteMethod::Oral => "口头表决",
                    super::meeting::VoteMethod::Hands => "举手表决",
                    super::meeting::VoteMethod::Named => "记名投票",
                    super::meeting::VoteMethod::Secret => "无记名投票",
                },
                None => "",
            };
            let invalid = match &r.ballot {
                Some(Ballot::Secret(t)) => t.invalid,
                _ => 0,
            };
            let counts = r.result.as_ref().map(|x| [x.due, x.present, x.yes, x.no, x.abstain, invalid]);
            let result = match &r.result {
                Some(x) if !x.quorum_met => "无效",
                Some(x) if x.passed => "通过",
                Some(_) => "未通过",
                None => "",
            };
            TallyRow { title, method: method.into(), counts, result: result.into() }
        })
        .collect()
}

/// One item of a 会议记录 page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordItem {
    /// `一、关于…的议题`
    pub heading: String,
    /// `姓名：发言`, in the order spoken.
    pub remarks: Vec<String>,
    /// The vote: `同意5票，不同意1票，弃权0票（记名投票）` plus each member's choice in an open vote.
    pub vote: String,
    pub decision: String,
}

fn speaker_name(org: &Organisation, n: &SpeechNote) -> String {
    match &n.speaker {
        super::meeting::Speaker::Member(id) => org.member_name(*id),
        super::meeting::Speaker::Observer(id) => org.attendee(*id).map(|a| a.name.clone()).unwrap_or_default(),
        super::meeting::Speaker::Other(s) => s.trim().to_string(),
    }
}

/// The items of a 会议记录 page: remarks, vote and decision of each.
pub fn record_items(db: &Db, m: &Meeting) -> Vec<RecordItem> {
    let org = &db.org;
    m.items
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let title = db.item(r.item).map(|it| it.title.trim().to_string()).unwrap_or_default();
            let remarks = r.notes.iter().map(|n| format!("{}：{}", speaker_name(org, n), n.text.trim())).collect();
            let vote = match (&r.result, &r.ballot) {
                (Some(x), Some(Ballot::Open { votes, .. })) => {
                    let each: Vec<String> = votes
                        .iter()
                        .map(|v| {
                            let c = match v.choice {
                                Choice::Yes => "同意",
                                Choice::No => "不同意",
                                Choice::Abstain => "弃权",
                            };
                            format!("{}{c}", org.member_name(v.member))
                        })
                        .collect();
                    format!("{}（{}）", x.explanation, each.join("，"))
                }
                (Some(x), _) => x.explanation.clone(),
                (None, _) => String::new(),
            };
            RecordItem {
                heading: format!("{}、{title}", chinese_number(i as u32 + 1)),
                remarks,
                vote,
                decision: r.decision.trim().to_string(),
            }
        })
        .collect()
}

/// The attendance lines of a 会议记录 page or a 纪要: (label, names).
pub fn attendance(org: &Organisation, m: &Meeting) -> Vec<(&'static str, String)> {
    attendance_lines(org, m)
        .into_iter()
        .filter(|(g, _)| *g != AttendanceGroup::Recorder)
        .map(|(g, v)| (g.zh(), v))
        .collect()
}

/// A 督办通知单 or 催办单 of a follow-up task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskSheet {
    pub title: String,
    /// The decision it implements, `2026年1月5日党组会议…的决定`; empty for a standalone task.
    pub source: String,
    pub department: String,
    pub member: String,
    pub created: String,
    pub deadline: String,
    /// 未开始 / 进行中 / 已完成 / 逾期
    pub status: &'static str,
    /// Days past the deadline on `today` (0 when not overdue).
    pub overdue_days: i64,
    /// The latest progress report `2026年3月1日 张三：…`, empty when none.
    pub latest: String,
}

/// The sheet of task `t` on `today`.
pub fn task_sheet(db: &Db, t: &FollowUpTask, today: NaiveDate) -> TaskSheet {
    let org = &db.org;
    let status = t.status(today);
    TaskSheet {
        title: t.title.trim().to_string(),
        source: t.source.map(|d| super::summary::decision_label(db, d)).unwrap_or_default(),
        department: t.department.and_then(|d| org.department(d)).map(|d| d.name.clone()).unwrap_or_default(),
        member: t.member.map(|m| org.member_name(m)).unwrap_or_default(),
        created: date_zh(t.created),
        deadline: date_zh(t.deadline),
        status: match status {
            TaskStatus::NotStarted => "未开始",
            TaskStatus::InProgress => "进行中",
            TaskStatus::Done => "已完成",
            TaskStatus::Overdue => "逾期",
        },
        overdue_days: if status == TaskStatus::Overdue { (today - t.deadline).num_days().max(0) } else { 0 },
        latest: t
            .reports
            .iter()
            .max_by_key(|r| r.date)
            .map(|r| format!("{} {}：{}", date_zh(r.date), r.by.trim(), r.text.trim()))
            .unwrap_or_default(),
    }
}
