//! The summary (会议纪要, 第十八条（六）): the draft generated from the minutes, numbering per
//! year (〔2026〕3号), the official heading, the attendance lines of the printed page, sign-off
//! (签发) and amendments after sign-off.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::{
    article::{chinese_number, cite, Article},
    db::Db,
    meeting::{AmendTarget, Amendment, Ballot, Meeting, MeetingStage, Presence, SignOff, Summary},
    org::Organisation,
    Id,
};

/// `〔2026〕3号`
pub fn number_label(year: i32, number: u32) -> String {
    format!("〔{year}〕{number}号")
}

/// The next summary number of `year`: one more than the highest number used that year (numbers
/// are never reused, even when an earlier meeting has no summary).
pub fn next_number<'a>(meetings: impl IntoIterator<Item = &'a Meeting>, year: i32) -> u32 {
    meetings
        .into_iter()
        .filter_map(|m| m.summary.as_ref())
        .filter(|s| s.year == year)
        .map(|s| s.number)
        .max()
        .unwrap_or(0)
        + 1
}

/// The heading of the printed summary: `中共{unit}党组会议纪要` (the unit name as set; a name
/// already starting with 中共 is not doubled).
pub fn heading(unit_name: &str) -> String {
    let unit = unit_name.trim();
    if unit.is_empty() {
        "党组会议纪要".into()
    } else if unit.starts_with("中共") {
        format!("{unit}党组会议纪要")
    } else {
        format!("中共{unit}党组会议纪要")
    }
}

/// `2026年3月5日`
pub fn date_zh(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// A group of an attendance line. 出席 / 请假 / 缺席 / 列席 / 记录
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttendanceGroup {
    Present,
    Leave,
    Absent,
    Observers,
    Recorder,
}

impl AttendanceGroup {
    /// The label the 纪要 and the minutes print.
    pub fn zh(self) -> &'static str {
        match self {
            AttendanceGroup::Present => "出席",
            AttendanceGroup::Leave => "请假",
            AttendanceGroup::Absent => "缺席",
            AttendanceGroup::Observers => "列席",
            AttendanceGroup::Recorder => "记录",
        }
    }
}

/// The attendance lines of the printed summary: (group, names) for 出席, 请假, 缺席, 列席, 记录;
/// empty groups are left out except 出席.
pub fn attendance_lines(org: &Organisation, m: &Meeting) -> Vec<(AttendanceGroup, String)> {
    let present: Vec<String> =
        m.attendance.iter().filter(|a| a.presence == Presence::Present).map(|a| org.member_name(a.member)).collect();
    let leave: Vec<String> = m
        .attendance
        .iter()
        .filter_map(|a| match &a.presence {
            Presence::Leave { reason, .. } if reason.trim().is_empty() => Some(org.member_name(a.member)),
            Presence::Leave { reason, .. } => {
                Some(format!("{}（{}）", org.member_name(a.member), flat_brackets(reason.trim())))
            }
            _ => None,
        })
        .collect();
    let absent: Vec<String> =
        m.attendance.iter().filter(|a| a.presence == Presence::Absent).map(|a| org.member_name(a.member)).collect();
    let observers: Vec<String> = m
        .observers
        .iter()
        .filter_map(|o| org.attendee(*o))
        .map(|a| {
            if a.position.trim().is_empty() {
                a.name.clone()
            } else {
                format!("{}（{}）", a.name, flat_brackets(a.position.trim()))
            }
        })
        .collect();
    let mut v = vec![(AttendanceGroup::Present, present.join("、"))];
    if !leave.is_empty() {
        v.push((AttendanceGroup::Leave, leave.join("、")));
    }
    if !absent.is_empty() {
        v.push((AttendanceGroup::Absent, absent.join("、")));
    }
    if !observers.is_empty() {
        v.push((AttendanceGroup::Observers, observers.join("、")));
    }
    if !m.recorder.trim().is_empty() {
        v.push((AttendanceGroup::Recorder, m.recorder.trim().to_string()));
    }
    v
}

/// A text to put inside （）: its own brackets become a comma, since official style never nests
/// brackets (副局长（主持工作） → 副局长，主持工作).
pub fn flat_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '（' | '(' => out.push('，'),
            '）' | ')' => {}
            c => out.push(c),
        }
    }
    out.trim_start_matches('，').to_string()
}

/// A count in official prose: 两 for two (研究两项议题), otherwise the Chinese numeral.
pub fn count_zh(n: u32) -> String {
    if n == 2 {
        "两".into()
    } else {
        chinese_number(n)
    }
}

/// A decision as a sentence of the 纪要: it speaks as 会议 once. A text that already begins
/// with 会议 stands as written; one that begins with a verb of decision (同意, 原则同意, 决定…)
/// takes 会议 in front; anything else follows 会议决定：.
pub fn decision_sentence(decision: &str) -> String {
    const VERBS: [&str; 9] = ["同意", "原则同意", "不同意", "决定", "要求", "通过", "批准", "研究", "审议"];
    let d = decision.trim();
    if d.starts_with("会议") {
        d.to_string()
    } else if VERBS.iter().any(|v| d.starts_with(v)) {
        format!("会议{d}")
    } else {
        format!("会议决定：{d}")
    }
}

/// The item title as used in a summary: 关于…的议题 → …
fn short_title(t: &str) -> &str {
    t.trim().trim_end_matches("的议题")
}

/// The draft body of the summary, generated from the minutes in official prose: an opening
/// sentence, then per item its title, whether it passed, reservations, the decision and an
/// earlier decision it replaces. The arithmetic of the votes and the articles stay in the
/// minutes; attendance is printed separately ([`attendance_lines`]).
pub fn draft_text(db: &Db, m: &Meeting) -> String {
    let org = &db.org;
    let chair = super::rules::chair_of(m).map(|c| org.member_name(c)).unwrap_or_else(|| "主持人".into());
    let place = if m.place.trim().is_empty() { String::new() } else { format!("在{}", m.place.trim()) };
    let mut t = format!(
        "{}，{chair}同志{place}主持召开{}，研究{}项议题。现将会议议定事项纪要如下：\n",
        date_zh(m.date),
        m.kind.zh(),
        count_zh(m.items.len() as u32),
    );
    for (i, r) in m.items.iter().enumerate() {
        let title = db.item(r.item).map(|it| it.title.clone()).unwrap_or_default();
        t.push_str(&format!("\n{}、{}\n", chinese_number(i as u32 + 1), short_title(&title)));
        if !r.recused.is_empty() {
            let names: Vec<String> = r.recused.iter().map(|id| org.member_name(*id)).collect();
            t.push_str(&format!("{}同志回避本议题。", names.join("、")));
        }
        match &r.result {
            Some(res) if !res.quorum_met => t.push_str("因到会人数不足，本议题表决无效，另行研究。"),
            Some(res) if res.passed => t.push_str("会议表决通过。"),
            Some(_) => t.push_str("会议表决未通过。"),
            None => t.push_str("本议题未表决。"),
        }
        if let Some(Ballot::Open { votes, .. }) = &r.ballot {
            for v in votes.iter().filter(|v| v.reservation.as_deref().is_some_and(|s| !s.is_empty())) {
                t.push_str(&format!(
                    "{}同志对本议题声明保留意见：{}。",
                    org.member_name(v.member),
                    flat_brackets(v.reservation.as_deref().unwrap_or("").trim_end_matches('。'))
                ));
            }
        }
        if !r.decision.trim().is_empty() {
            t.push('\n');
            t.push_str(&decision_sentence(&r.decision));
        }
        if let Some(s) = r.supersedes {
            t.push_str(&format!("\n本决定取代{}。", decision_label(db, s)));
        }
        t.push('\n');
    }
    t
}

/// Agenda items without a valid vote result (not voted, a vote not closed, or voted without
/// quorum), in agenda order: what 签发 lists before it asks (第十八条（五）（六）).
pub fn undecided_items(m: &Meeting) -> Vec<Id> {
    m.items.iter().filter(|r| !r.result.as_ref().is_some_and(|x| x.quorum_met)).map(|r| r.item).collect()
}

/// `2026年1月5日党组例会“关于…”的决定` for a decision reference.
pub fn decision_label(db: &Db, d: super::item::DecisionRef) -> String {
    let date = db.meeting(d.meeting).map(|m| date_zh(m.date)).unwrap_or_default();
    let number = db
        .meeting(d.meeting)
        .and_then(|m| m.summary.as_ref())
        .map(|s| format!("{}纪要", number_label(s.year, s.number)))
        .unwrap_or_default();
    let title = db.item(d.item).map(|i| short_title(&i.title).to_string()).unwrap_or_default();
    format!("{date}党组会议{number}“{title}”的决定")
}

/// The body lines to print: the summary text without a heading or number line that an older
/// draft may carry at its top (they are printed from the record).
pub fn body_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().collect();
    while let Some(first) = lines.first() {
        let f = first.trim();
        if f.is_empty() || f.ends_with("会议纪要") || (f.starts_with('〔') && f.ends_with('号')) {
            lines.remove(0);
        } else {
            break;
        }
    }
    lines
}

/// Why a summary operation was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SummaryError {
    /// The meeting is not over yet (筹备中/进行中).
    NotClosed,
    /// There is no summary to sign.
    NoSummary,
    /// The summary text is empty.
    EmptyText,
    /// Signed: the record is locked; corrections are amendments.
    Locked,
    /// Only the serving secretary (or the meeting's chair) signs (第十八条（六）).
    NotSecretary,
    /// An amendment needs a reason and a text.
    AmendmentIncomplete,
    /// Amendments are for signed records; before that, edit directly.
    NotSigned,
    /// No replaced draft is kept: nothing to undo.
    NothingToUndo,
}

impl SummaryError {
    pub fn article(&self) -> Article {
        cite::MINUTES
    }
    pub fn zh(&self) -> String {
        let a = self.article().zh();
        match self {
            SummaryError::NotClosed => format!("会议尚未结束，不能生成或签发纪要（{a}）"),
            SummaryError::NoSummary => format!("尚未生成纪要（{a}）"),
            SummaryError::EmptyText => format!("纪要正文为空（{a}）"),
            SummaryError::Locked => format!("纪要已签发，会议记录已锁定存档；更正请以更正记录方式追加（{a}）"),
            SummaryError::NotSecretary => format!("纪要由党组书记签发（{a}）"),
            SummaryError::AmendmentIncomplete => format!("更正须填写更正内容和理由（{a}）"),
            SummaryError::NotSigned => format!("纪要尚未签发，可直接修改（{a}）"),
            SummaryError::NothingToUndo => "没有被替换的草稿可以恢复".into(),
        }
    }
    pub fn en(&self) -> String {
        let a = self.article().en();
        match self {
            SummaryError::NotClosed => format!("The meeting is not closed yet ({a})"),
            SummaryError::NoSummary => format!("No summary yet ({a})"),
            SummaryError::EmptyText => format!("The summary text is empty ({a})"),
            SummaryError::Locked => format!("Signed and locked: add an amendment instead ({a})"),
            SummaryError::NotSecretary => format!("The secretary signs the summary ({a})"),
            SummaryError::AmendmentIncomplete => format!("An amendment needs a text and a reason ({a})"),
            SummaryError::NotSigned => format!("Not signed yet: edit directly ({a})"),
            SummaryError::NothingToUndo => "No replaced draft to restore".into(),
        }
    }
}

/// Create the summary draft of a closed meeting with the next number of the meeting's year.
/// An existing unsigned draft is regenerated keeping its number; when its text differs from the
/// new draft it is kept in [`Summary::replaced`] for [`undo_regenerate`].
pub fn generate(db: &mut Db, meeting: Id) -> Result<(), SummaryError> {
    let snapshot = db.meeting(meeting).ok_or(SummaryError::NoSummary)?.clone();
    match snapshot.stage {
        MeetingStage::Signed => return Err(SummaryError::Locked),
        MeetingStage::Planned | MeetingStage::InProgress => return Err(SummaryError::NotClosed),
        MeetingStage::Closed => {}
    }
    let year = snapshot.date.year();
    let number = match &snapshot.summary {
        Some(s) => s.number,
        None => next_number(db.meetings.iter().map(|m| m.as_ref()), year),
    };
    let text = draft_text(db, &snapshot);
    let replaced = match &snapshot.summary {
        Some(s) if s.text != text => Some(s.text.clone()),
        Some(s) => s.replaced.clone(),
        None => None,
    };
    let m = db.meeting_mut(meeting).expect("exists");
    m.summary = Some(Summary { year, number, text, signed: None, replaced });
    Ok(())
}

/// What regenerating would replace: the current draft text when it differs from a fresh draft
/// (`None` when there is no draft yet or regenerating would change nothing).
pub fn regenerate_replaces(db: &Db, meeting: Id) -> Option<String> {
    let m = db.meeting(meeting)?;
    let s = m.summary.as_ref()?;
    (s.text != draft_text(db, m)).then(|| s.text.clone())
}

/// Undo a regeneration: the replaced draft comes back and the regenerated one is kept in its
/// place, so undoing twice returns to where it was and no text is ever lost.
pub fn undo_regenerate(m: &mut Meeting) -> Result<(), SummaryError> {
    if m.is_locked() {
        return Err(SummaryError::Locked);
    }
    let s = m.summary.as_mut().ok_or(SummaryError::NoSummary)?;
    let old = s.replaced.take().ok_or(SummaryError::NothingToUndo)?;
    s.replaced = Some(std::mem::replace(&mut s.text, old));
    Ok(())
}

/// Edit the draft text (unsigned only).
pub fn edit_text(m: &mut Meeting, text: String) -> Result<(), SummaryError> {
    if m.is_locked() {
        return Err(SummaryError::Locked);
    }
    let s = m.summary.as_mut().ok_or(SummaryError::NoSummary)?;
    s.text = text;
    Ok(())
}

/// 签发: the secretary serving on the meeting date (or the meeting's chair) signs; the meeting
/// is then [`MeetingStage::Signed`] and locked (存档备查).
pub fn sign(db: &mut Db, meeting: Id, by: Id, at: NaiveDateTime) -> Result<(), SummaryError> {
    let org = db.org.clone();
    let m = db.meeting_mut(meeting).ok_or(SummaryError::NoSummary)?;
    if m.is_locked() {
        return Err(SummaryError::Locked);
    }
    if m.stage != MeetingStage::Closed {
        return Err(SummaryError::NotClosed);
    }
    let may_sign =
        org.secretary_at(m.date) == Some(by) || org.secretary_at(at.date()) == Some(by) || m.chair == Some(by);
    if !may_sign {
        return Err(SummaryError::NotSecretary);
    }
    let s = m.summary.as_mut().ok_or(SummaryError::NoSummary)?;
    if s.text.trim().is_empty() {
        return Err(SummaryError::EmptyText);
    }
    s.signed = Some(SignOff { by, at });
    s.replaced = None;
    m.stage = MeetingStage::Signed;
    Ok(())
}

/// Append a correction to a signed record: who, when, why, what. Nothing else changes.
pub fn amend(
    m: &mut Meeting,
    target: AmendTarget,
    by: &str,
    at: NaiveDateTime,
    reason: &str,
    text: &str,
) -> Result<(), SummaryError> {
    if !m.is_locked() {
        return Err(SummaryError::NotSigned);
    }
    if by.trim().is_empty() || reason.trim().is_empty() || text.trim().is_empty() {
        return Err(SummaryError::AmendmentIncomplete);
    }
    m.amendments.push(Amendment {
        by: by.trim().into(),
        at,
        reason: reason.trim().into(),
        text: text.trim().into(),
        target: Some(target),
    });
    Ok(())
}

/// What an amendment corrects, as the printed annex names it.
fn amend_target_zh(db: &Db, t: Option<&AmendTarget>) -> String {
    let title = |i: &Id| db.item(*i).map(|x| short_title(&x.title).to_string()).unwrap_or_default();
    match t {
        Some(AmendTarget::Summary) | None => "纪要正文".into(),
        Some(AmendTarget::Attendance) => "出席情况".into(),
        Some(AmendTarget::Decision(i)) => format!("“{}”决定事项", title(i)),
        Some(AmendTarget::Notes(i)) => format!("“{}”发言记录", title(i)),
    }
}

/// The amendment annex printed after the signed 纪要 (第十八条（六）: the signed text is kept as
/// signed; each correction follows it with who, when, why and what changes): a heading line,
/// then one line per amendment in the order made. Empty when there is none.
pub fn amendment_annex(db: &Db, m: &Meeting) -> Vec<String> {
    if m.amendments.is_empty() {
        return vec![];
    }
    let mut v = vec!["附：更正记录".to_string()];
    for (i, a) in m.amendments.iter().enumerate() {
        v.push(format!(
            "{}．{}，{}更正{}为：{}。更正理由：{}。",
            i + 1,
            date_zh(a.at.date()),
            a.by,
            amend_target_zh(db, a.target.as_ref()),
            a.text.trim_end_matches('。'),
            a.reason.trim_end_matches('。')
        ));
    }
    v
}

/// The text as corrected for a target: the latest amendment of that target, or the original.
/// A reading only: screens and print show the signed original with the amendments after it.
pub fn current_text<'a>(m: &'a Meeting, target: &AmendTarget, original: &'a str) -> &'a str {
    m.amendments.iter().rev().find(|a| a.target.as_ref() == Some(target)).map(|a| a.text.as_str()).unwrap_or(original)
}

/// Fixtures shared by the native tests of the meeting modules.
#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::domain::meeting::{Attendance, MeetingKind};
    use crate::domain::org::Role;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    pub fn meeting(id: Id, date: &str) -> Meeting {
        Meeting {
            id,
            kind: MeetingKind::Regular,
            title: String::new(),
            date: d(date),
            time: "09:30".into(),
            place: "三楼会议室".into(),
            chair: Some(1),
            recorder: "周丽".into(),
            observers: vec![50],
            attendance: vec![
                Attendance { member: 1, role: Role::Secretary, presence: Presence::Present, not_counted: None },
                Attendance {
                    member: 2,
                    role: Role::Member,
                    presence: Presence::Leave { reason: "出差".into(), asked_on: None },
                    not_counted: None,
                },
                Attendance { member: 3, role: Role::Member, presence: Presence::Absent, not_counted: None },
            ],
            items: vec![],
            notice: None,
            materials: None,
            stage: MeetingStage::Closed,
            current_item: 0,
            summary: None,
            amendments: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::db::Records;
    use crate::domain::{
        category::Category,
        item::{AgendaItem, ItemStatus},
        meeting::{ItemRecord, RecordedResult},
        org::{Member, NonMember, Role, Term},
    };

    fn meeting(id: Id, date: &str, summary: Option<(i32, u32)>) -> Meeting {
        let mut m = test_support::meeting(id, date);
        m.summary =
            summary.map(|(year, number)| Summary { year, number, text: "x".into(), signed: None, replaced: None });
        m
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn db() -> Db {
        let term = |role| Term { role, start: d("2020-01-01"), end: None, director: false, main_leader: false };
        let mut db = Db::default();
        db.org.unit_name = "昌吉州交通运输局".into();
        db.org.members = vec![
            Member { id: 1, name: "王书记".into(), note: String::new(), terms: vec![term(Role::Secretary)] },
            Member { id: 2, name: "李成员".into(), note: String::new(), terms: vec![term(Role::Member)] },
            Member { id: 3, name: "张成员".into(), note: String::new(), terms: vec![term(Role::Member)] },
        ];
        db.org.attendees = vec![NonMember { id: 50, name: "孙卫东".into(), position: "副局长".into() }];
        db.items.add(AgendaItem {
            in_charge: Some(2),
            status: ItemStatus::Decided,
            ..AgendaItem::proposed(10, "关于2026年道路养护资金安排的议题", Category::Budget, d("2026-01-01"))
        });
        db.next_id = 100;
        db
    }

    #[test]
    fn numbers_run_per_year_and_are_never_reused() {
        let ms = vec![
            meeting(1, "2025-12-20", Some((2025, 9))),
            meeting(2, "2026-01-10", Some((2026, 1))),
            meeting(3, "2026-02-10", Some((2026, 3))),
            meeting(4, "2026-03-01", None),
        ];
        assert_eq!(next_number(&ms, 2026), 4, "after 1 and 3 comes 4 (2 was skipped, never reused)");
        assert_eq!(next_number(&ms, 2025), 10);
        assert_eq!(next_number(&ms, 2027), 1, "a new year starts at 1");
        assert_eq!(number_label(2026, 3), "〔2026〕3号");
    }

    #[test]
    fn heading_comes_from_the_unit_name() {
        assert_eq!(heading("昌吉州交通运输局"), "中共昌吉州交通运输局党组会议纪要");
        assert_eq!(heading("中共某某局"), "中共某某局党组会议纪要");
        assert_eq!(heading("  "), "党组会议纪要");
    }

    #[test]
    fn attendance_lines_list_leave_with_reason_observers_and_recorder() {
        let db = db();
        let m = meeting(5, "2026-03-05", None);
        let lines = attendance_lines(&db.org, &m);
        let printed: Vec<(&str, &str)> = lines.iter().map(|(g, v)| (g.zh(), v.as_str())).collect();
        assert_eq!(
            printed,
            vec![
                ("出席", "王书记"),
                ("请假", "李成员（出差）"),
                ("缺席", "张成员"),
                ("列席", "孙卫东（副局长）"),
                ("记录", "周丽")
            ]
        );
    }

    #[test]
    fn draft_names_each_item_with_vote_arithmetic_decision_and_invalid_votes() {
        let mut db = db();
        let mut m = meeting(5, "2026-03-05", None);
        m.items.push(ItemRecord {
            item: 10,
            recused: vec![3],
            notes: vec![],
            opinions: vec![],
            ballot: None,
            result: Some(RecordedResult {
                due: 2,
                present: 1,
                yes: 1,
                no: 0,
                abstain: 0,
                quorum_met: true,
                passed: true,
                explanation: "应到会2人，赞成1票".into(),
                explanation_en: String::new(),
            }),
            decision: "同意安排养护资金120万元。".into(),
            supersedes: None,
            superseded_by: None,
        });
        m.items.push(ItemRecord {
            item: 10,
            recused: vec![],
            notes: vec![],
            opinions: vec![],
            ballot: None,
            result: Some(RecordedResult {
                due: 3,
                present: 1,
                yes: 1,
                no: 0,
                abstain: 0,
                quorum_met: false,
                passed: false,
                explanation: "未达到法定人数".into(),
                explanation_en: String::new(),
            }),
            decision: String::new(),
            supersedes: None,
            superseded_by: None,
        });
        db.meetings.add(m.clone());
        let t = draft_text(&db, &m);
        assert!(t.starts_with("2026年3月5日，王书记同志在三楼会议室主持召开党组例会，研究两项议题。"), "{t}");
        assert!(t.contains("一、关于2026年道路养护资金安排\n"), "{t}");
        assert!(t.contains("张成员同志回避本议题。"));
        assert!(t.contains("会议表决通过。"), "{t}");
        assert!(t.contains("\n会议同意安排养护资金120万元。"), "会议 once: {t}");
        assert!(!t.contains("会议决定：同意") && !t.contains("会议决定：会议"), "{t}");
        assert!(t.contains("二、") && t.contains("表决无效"), "an invalid vote is said so: {t}");
        assert!(!t.contains("中共"), "the heading is printed from the record, not in the body");
        assert!(
            !t.contains("应到会") && !t.contains("第十八条") && !t.contains('（'),
            "no arithmetic, article or bracket: {t}"
        );
    }

    #[test]
    fn generate_numbers_once_and_sign_locks() {
        let mut db = db();
        db.meetings.add(meeting(1, "2026-01-10", Some((2026, 2))));
        let mut m = meeting(5, "2026-03-05", None);
        m.stage = MeetingStage::InProgress;
        db.meetings.add(m);
        assert_eq!(generate(&mut db, 5), Err(SummaryError::NotClosed));
        db.meeting_mut(5).unwrap().stage = MeetingStage::Closed;
        generate(&mut db, 5).unwrap();
        assert_eq!(db.meeting(5).unwrap().summary.as_ref().unwrap().number, 3);
        // regenerating keeps the number
        generate(&mut db, 5).unwrap();
        assert_eq!(db.meeting(5).unwrap().summary.as_ref().unwrap().number, 3);
        // only the secretary signs
        assert_eq!(sign(&mut db, 5, 2, at("2026-03-06 10:00")), Err(SummaryError::NotSecretary));
        edit_text(db.meeting_mut(5).unwrap(), "  ".into()).unwrap();
        assert_eq!(sign(&mut db, 5, 1, at("2026-03-06 10:00")), Err(SummaryError::EmptyText));
        edit_text(db.meeting_mut(5).unwrap(), "正文".into()).unwrap();
        sign(&mut db, 5, 1, at("2026-03-06 10:00")).unwrap();
        let m = db.meeting(5).unwrap();
        assert_eq!(m.stage, MeetingStage::Signed);
        assert_eq!(m.summary.as_ref().unwrap().signed, Some(SignOff { by: 1, at: at("2026-03-06 10:00") }));
        assert_eq!(generate(&mut db, 5), Err(SummaryError::Locked));
        assert_eq!(edit_text(db.meeting_mut(5).unwrap(), "改".into()), Err(SummaryError::Locked));
        assert_eq!(sign(&mut db, 5, 1, at("2026-03-07 10:00")), Err(SummaryError::Locked));
    }

    #[test]
    fn amendments_only_after_signing_with_reason_and_latest_wins() {
        let mut m = meeting(5, "2026-03-05", Some((2026, 1)));
        let t = AmendTarget::Decision(10);
        assert_eq!(
            amend(&mut m, t.clone(), "周丽", at("2026-03-07 09:00"), "笔误", "新"),
            Err(SummaryError::NotSigned)
        );
        m.stage = MeetingStage::Signed;
        assert_eq!(
            amend(&mut m, t.clone(), "周丽", at("2026-03-07 09:00"), " ", "新"),
            Err(SummaryError::AmendmentIncomplete)
        );
        assert_eq!(
            amend(&mut m, t.clone(), "", at("2026-03-07 09:00"), "笔误", "新"),
            Err(SummaryError::AmendmentIncomplete)
        );
        assert!(m.amendments.is_empty());
        assert_eq!(current_text(&m, &t, "原"), "原");
        amend(&mut m, t.clone(), "周丽", at("2026-03-07 09:00"), "笔误", "新一").unwrap();
        amend(&mut m, t.clone(), "周丽", at("2026-03-08 09:00"), "再改", "新二").unwrap();
        amend(&mut m, AmendTarget::Summary, "周丽", at("2026-03-08 09:00"), "补充", "纪要新").unwrap();
        assert_eq!(current_text(&m, &t, "原"), "新二");
        assert_eq!(current_text(&m, &AmendTarget::Decision(11), "原"), "原");
        assert_eq!(m.amendments.len(), 3, "every correction is kept");
    }

    /// Official prose of the 纪要 (第十八条（六）): 两项, a decision speaks as 会议 once, no nested
    /// brackets in the attendance lines.
    #[test]
    fn prose_helpers_follow_official_style() {
        assert_eq!(count_zh(2), "两");
        assert_eq!(count_zh(3), "三");
        assert_eq!(decision_sentence("会议同意该方案。"), "会议同意该方案。");
        assert_eq!(decision_sentence("原则同意该方案。"), "会议原则同意该方案。");
        assert_eq!(decision_sentence("由办公室牵头落实。"), "会议决定：由办公室牵头落实。");
        assert_eq!(flat_brackets("副局长（主持工作）"), "副局长，主持工作");
        let mut db = db();
        db.org.attendees[0].position = "副局长（主持工作）".into();
        let lines = attendance_lines(&db.org, &meeting(5, "2026-03-05", None));
        assert!(lines.iter().any(|(_, v)| v == "孙卫东（副局长，主持工作）"), "{lines:?}");
    }

    /// 签发 lists what has no valid result (第十八条（五）).
    #[test]
    fn undecided_items_are_those_without_a_valid_result() {
        let mut m = meeting(5, "2026-03-05", None);
        let rec = |item, valid: Option<bool>| ItemRecord {
            item,
            recused: vec![],
            notes: vec![],
            opinions: vec![],
            ballot: None,
            result: valid.map(|v| RecordedResult {
                due: 3,
                present: 3,
                yes: 1,
                no: 2,
                abstain: 0,
                quorum_met: v,
                passed: false,
                explanation: String::new(),
                explanation_en: String::new(),
            }),
            decision: String::new(),
            supersedes: None,
            superseded_by: None,
        };
        m.items = vec![rec(1, Some(true)), rec(2, None), rec(3, Some(false))];
        assert_eq!(undecided_items(&m), vec![2, 3], "a rejected item is decided; unvoted and invalid are not");
    }

    /// Regenerating never silently erases a saved manual edit: the replaced draft is kept and
    /// one undo brings it back (第十八条（六）: the 纪要 is the clerk's text until signed).
    #[test]
    fn regenerating_keeps_the_replaced_draft_for_one_undo() {
        let mut db = db();
        db.meetings.add(meeting(5, "2026-03-05", None));
        generate(&mut db, 5).unwrap();
        let fresh = db.meeting(5).unwrap().summary.as_ref().unwrap().text.clone();
        assert_eq!(db.meeting(5).unwrap().summary.as_ref().unwrap().replaced, None);
        assert_eq!(regenerate_replaces(&db, 5), None, "nothing to replace");
        edit_text(db.meeting_mut(5).unwrap(), "手工修改的纪要".into()).unwrap();
        assert_eq!(regenerate_replaces(&db, 5).as_deref(), Some("手工修改的纪要"));
        generate(&mut db, 5).unwrap();
        let s = db.meeting(5).unwrap().summary.clone().unwrap();
        assert_eq!((s.text.as_str(), s.replaced.as_deref()), (fresh.as_str(), Some("手工修改的纪要")));
        undo_regenerate(db.meeting_mut(5).unwrap()).unwrap();
        let s = db.meeting(5).unwrap().summary.clone().unwrap();
        assert_eq!(s.text, "手工修改的纪要", "the manual edit is back");
        assert_eq!(s.replaced.as_deref(), Some(fresh.as_str()), "and the regenerated draft is not lost");
        sign(&mut db, 5, 1, at("2026-03-06 10:00")).unwrap();
        assert_eq!(db.meeting(5).unwrap().summary.as_ref().unwrap().replaced, None, "signed: no draft kept");
        assert_eq!(undo_regenerate(db.meeting_mut(5).unwrap()), Err(SummaryError::Locked));
    }

    /// 第十八条（六）: an amendment never replaces the signed text; it follows it in an annex.
    #[test]
    fn an_amendment_leaves_the_signed_text_and_follows_it_in_the_annex() {
        let mut db = db();
        let mut m = meeting(5, "2026-03-05", Some((2026, 1)));
        m.summary.as_mut().unwrap().text = "签发的正文".into();
        m.stage = MeetingStage::Signed;
        assert!(amendment_annex(&db, &m).is_empty());
        amend(&mut m, AmendTarget::Decision(10), "周丽", at("2026-03-07 09:00"), "金额笔误。", "同意安排125万元。")
            .unwrap();
        assert_eq!(m.summary.as_ref().unwrap().text, "签发的正文", "the signed text is untouched");
        db.meetings.add(m.clone());
        assert_eq!(
            amendment_annex(&db, &m),
            vec![
                "附：更正记录".to_string(),
                "1．2026年3月7日，周丽更正“关于2026年道路养护资金安排”决定事项为：同意安排125万元。更正理由：金额笔误。"
                    .to_string()
            ]
        );
    }

    #[test]
    fn body_lines_drop_an_old_heading() {
        assert_eq!(body_lines("某局党组会议纪要\n〔2026〕1号\n\n正文一\n\n正文二"), vec!["正文一", "", "正文二"]);
        assert_eq!(body_lines("正文"), vec!["正文"]);
    }
}
