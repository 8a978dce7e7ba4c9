//! Conducting a meeting (会议组织, 第十八条): creating it with the roster snapshot, the agenda
//! from items the secretary has scheduled, opening and closing, the item lifecycle around the
//! vote, follow-up tasks from a decision and superseding an earlier decision (第十八条（七）).
//!
//! The vote itself is the rules engine's ([`super::rules::vote`]).

use chrono::{NaiveDate, NaiveDateTime};

use super::{
    article::{cite, Article},
    db::{Db, Records},
    doc::DocId,
    item::{DecisionRef, ItemStatus},
    meeting::{AmendTarget, Amendment, ItemRecord, Meeting, MeetingKind, MeetingStage, Presence},
    rules::{self, roster_for_meeting},
    task::FollowUpTask,
    Id,
};

/// Why a meeting operation was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConductError {
    UnknownMeeting,
    UnknownItem,
    /// Only items the secretary has scheduled (书记确定上会) go on an agenda (第十八条（二）).
    NotScheduled,
    /// The item is already on this meeting's agenda, or on another open meeting's.
    AlreadyOnAgenda,
    /// The agenda can only change before the meeting starts.
    AlreadyStarted,
    /// The meeting record is signed (存档备查).
    Locked,
    /// The meeting lacks the quorum to open (第十八条（四）); the explanation.
    NoQuorum(String),
    /// Leave is asked before the meeting, with a reason (第十八条（四）).
    LeaveNeedsReason,
    /// Only a member on leave submits a written opinion (第十八条（四）).
    OpinionNeedsLeave,
    /// A decision can only supersede a passed decision of an earlier meeting.
    NotSupersedable,
    /// That decision was already superseded.
    AlreadySuperseded,
    /// A follow-up task needs a title, a responsible member or department and a deadline.
    TaskIncomplete,
    /// The item's vote did not pass: there is no decision to follow up.
    NotDecided,
    /// The meeting is not in progress.
    NotInProgress,
    /// Only an ended meeting (已结束) can be resumed.
    NotClosed,
}

impl ConductError {
    pub fn article(&self) -> Article {
        match self {
            ConductError::NotScheduled | ConductError::AlreadyOnAgenda | ConductError::AlreadyStarted => cite::AGENDA,
            ConductError::NoQuorum(_) | ConductError::LeaveNeedsReason | ConductError::OpinionNeedsLeave => {
                cite::QUORUM
            }
            ConductError::Locked => cite::MINUTES,
            ConductError::NotSupersedable
            | ConductError::AlreadySuperseded
            | ConductError::TaskIncomplete
            | ConductError::NotDecided => cite::FOLLOW_UP,
            _ => Article::new(18),
        }
    }
    pub fn zh(&self) -> String {
        let a = self.article().zh();
        match self {
            ConductError::UnknownMeeting => "找不到该会议".into(),
            ConductError::UnknownItem => "找不到该议题".into(),
            ConductError::NotScheduled => format!("只有党组书记确定上会的议题才能列入议程（{a}）"),
            ConductError::AlreadyOnAgenda => format!("该议题已列入议程（{a}）"),
            ConductError::AlreadyStarted => format!("会议已开始，议程不能再调整（{a}）"),
            ConductError::Locked => format!("会议记录已签发存档，不能修改（{a}）"),
            ConductError::NoQuorum(e) => format!("{e}，会议不能召开"),
            ConductError::LeaveNeedsReason => format!("请假须说明理由（{a}）"),
            ConductError::OpinionNeedsLeave => format!("书面意见由请假的党组成员提交（{a}）"),
            ConductError::NotSupersedable => format!("只能取代此前会议已通过的决定（{a}）"),
            ConductError::AlreadySuperseded => format!("该决定已被其他决定取代（{a}）"),
            ConductError::TaskIncomplete => format!("督办事项须填写内容、责任人或责任科室和完成时限（{a}）"),
            ConductError::NotDecided => format!("议题未表决通过，没有需要落实的决定（{a}）"),
            ConductError::NotInProgress => "会议未在进行中".into(),
            ConductError::NotClosed => "会议尚未散会，无需恢复".into(),
        }
    }
    pub fn en(&self) -> String {
        let a = self.article().en();
        match self {
            ConductError::UnknownMeeting => "Unknown meeting".into(),
            ConductError::UnknownItem => "Unknown item".into(),
            ConductError::NotScheduled => format!("Only items the secretary has scheduled go on the agenda ({a})"),
            ConductError::AlreadyOnAgenda => format!("The item is already on an agenda ({a})"),
            ConductError::AlreadyStarted => format!("The meeting has started: the agenda is fixed ({a})"),
            ConductError::Locked => format!("The record is signed and locked ({a})"),
            ConductError::NoQuorum(e) => format!("{e}: the meeting cannot open"),
            ConductError::LeaveNeedsReason => format!("Leave needs a reason ({a})"),
            ConductError::OpinionNeedsLeave => format!("Written opinions come from members on leave ({a})"),
            ConductError::NotSupersedable => {
                format!("Only a passed decision of an earlier meeting can be superseded ({a})")
            }
            ConductError::AlreadySuperseded => format!("That decision was already superseded ({a})"),
            ConductError::TaskIncomplete => {
                format!("A task needs a title, a responsible member or department and a deadline ({a})")
            }
            ConductError::NotDecided => format!("The item did not pass: nothing to follow up ({a})"),
            ConductError::NotInProgress => "The meeting is not in progress".into(),
            ConductError::NotClosed => "The meeting has not ended: nothing to resume".into(),
        }
    }
}

/// A new meeting on `date` with the roster as it is that day (a snapshot) and the serving
/// secretary as chair. Returns its id.
pub fn create_meeting(db: &mut Db, kind: MeetingKind, date: NaiveDate) -> Id {
    let id = db.new_id();
    let m = Meeting {
        id,
        kind,
        title: String::new(),
        date,
        time: "09:30".into(),
        place: String::new(),
        chair: db.org.secretary_at(date),
        recorder: String::new(),
        observers: vec![],
        attendance: roster_for_meeting(&db.org, date),
        items: vec![],
        notice: None,
        materials: None,
        stage: MeetingStage::Planned,
        current_item: 0,
        summary: None,
        amendments: vec![],
    };
    db.meetings.add(m);
    id
}

/// Change the date of a planned meeting: the roster is taken again for the new date, keeping
/// leave and not-counted marks of members who still serve.
pub fn set_date(db: &mut Db, meeting: Id, date: NaiveDate) -> Result<(), ConductError> {
    let org = db.org.clone();
    let m = db.meeting_mut(meeting).ok_or(ConductError::UnknownMeeting)?;
    if m.stage != MeetingStage::Planned {
        return Err(ConductError::AlreadyStarted);
    }
    m.date = date;
    rules::follow_roster(&org, m);
    Ok(())
}

/// Bring the roster of every planned meeting up to date with the members serving on its date
/// (after the organisation changed in 设置; see [`rules::follow_roster`]). Meetings whose roster
/// is already right are not touched. Returns the meetings it changed.
pub fn follow_rosters(db: &mut Db) -> Vec<DocId> {
    let org = db.org.clone();
    let stale: Vec<Id> = db
        .meetings
        .iter()
        .filter(|m| m.stage == MeetingStage::Planned && rules::roster::roster_following(&org, m) != m.attendance)
        .map(|m| m.id)
        .collect();
    for &id in &stale {
        if let Some(m) = db.meeting_mut(id) {
            rules::follow_roster(&org, m);
        }
    }
    stale.into_iter().map(DocId::Meeting).collect()
}

/// Whether the item is on the agenda of a meeting that has not been closed.
pub fn on_open_agenda(db: &Db, item: Id) -> Option<Id> {
    db.meetings
        .iter()
        .find(|m| matches!(m.stage, MeetingStage::Planned | MeetingStage::InProgress) && m.record(item).is_some())
        .map(|m| m.id)
}

/// Items that may be put on an agenda: 书记确定上会, not on another open meeting's agenda.
pub fn schedulable_items(db: &Db) -> Vec<Id> {
    db.items
        .iter()
        .filter(|i| i.status == ItemStatus::Scheduled && on_open_agenda(db, i.id).is_none())
        .map(|i| i.id)
        .collect()
}

/// What an item still needs before the secretary can put it on an agenda (第十八条（二）（三）).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// No member in charge to review the materials.
    InCharge,
    /// No meeting materials.
    Materials,
    /// The member in charge has not reviewed it (分管审核).
    Review,
    /// Administrative business: the director's consent (局长同意).
    DirectorApproval,
    /// The secretary has not scheduled it (书记确定上会).
    Scheduling,
}

/// Items on their way to an agenda and what each still needs, fewest needs first (then in
/// entry order): what the agenda shows when no item is ready (第十八条（二）（三）). Items decided,
/// closed, withdrawn or already scheduled are left out.
pub fn nearly_ready(db: &Db) -> Vec<(Id, Vec<Need>)> {
    let mut v: Vec<(Id, Vec<Need>)> = db
        .items
        .iter()
        .filter_map(|i| {
            let mut needs = Vec::new();
            let early = matches!(i.status, ItemStatus::Proposed);
            match i.status {
                ItemStatus::Proposed | ItemStatus::Reviewed | ItemStatus::DirectorApproved | ItemStatus::Deferred => {}
                _ => return None,
            }
            if early && i.in_charge.is_none() {
                needs.push(Need::InCharge);
            }
            if i.materials.trim().is_empty() {
                needs.push(Need::Materials);
            }
            if early {
                needs.push(Need::Review);
            }
            if i.administrative && matches!(i.status, ItemStatus::Proposed | ItemStatus::Reviewed) {
                needs.push(Need::DirectorApproval);
            }
            needs.push(Need::Scheduling);
            Some((i.id, needs))
        })
        .collect();
    crate::domain::sort::sort_by_key(&mut v, |x| x.1.len());
    v
}

fn planned_mut(db: &mut Db, meeting: Id) -> Result<&mut Meeting, ConductError> {
    let m = db.meeting_mut(meeting).ok_or(ConductError::UnknownMeeting)?;
    match m.stage {
        MeetingStage::Planned => Ok(m),
        MeetingStage::Signed => Err(ConductError::Locked),
        _ => Err(ConductError::AlreadyStarted),
    }
}

fn empty_record(item: Id) -> ItemRecord {
    ItemRecord {
        item,
        recused: vec![],
        notes: vec![],
        opinions: vec![],
        ballot: None,
        result: None,
        decision: String::new(),
        supersedes: None,
        superseded_by: None,
    }
}

/// Put a scheduled item at the end of the agenda.
pub fn add_to_agenda(db: &mut Db, meeting: Id, item: Id) -> Result<(), ConductError> {
    let it = db.item(item).ok_or(ConductError::UnknownItem)?;
    if it.status != ItemStatus::Scheduled {
        return Err(ConductError::NotScheduled);
    }
    if on_open_agenda(db, item).is_some() {
        return Err(ConductError::AlreadyOnAgenda);
    }
    let supersedes = it.changes_decision;
    let m = planned_mut(db, meeting)?;
    let mut rec = empty_record(item);
    rec.supersedes = supersedes;
    m.items.push(rec);
    Ok(())
}

/// Take an item off a planned meeting's agenda.
pub fn remove_from_agenda(db: &mut Db, meeting: Id, item: Id) -> Result<(), ConductError> {
    let m = planned_mut(db, meeting)?;
    m.items.retain(|r| r.item != item);
    Ok(())
}

/// Move the agenda entry at `index` one place up (`up`) or down. Out-of-range moves do nothing.
pub fn move_item(db: &mut Db, meeting: Id, index: usize, up: bool) -> Result<(), ConductError> {
    let m = planned_mut(db, meeting)?;
    let n = m.items.len();
    if up && index > 0 && index < n {
        m.items.swap(index, index - 1);
    } else if !up && index + 1 < n {
        m.items.swap(index, index + 1);
    }
    Ok(())
}

/// Record a leave request (请假) before the meeting: with a reason, asked on a date.
pub fn request_leave(m: &mut Meeting, member: Id, reason: &str, asked_on: NaiveDate) -> Result<(), ConductError> {
    if m.is_locked() {
        return Err(ConductError::Locked);
    }
    if reason.trim().is_empty() {
        return Err(ConductError::LeaveNeedsReason);
    }
    let a = m.attendance.iter_mut().find(|a| a.member == member).ok_or(ConductError::UnknownItem)?;
    a.presence = Presence::Leave { reason: reason.trim().into(), asked_on: Some(asked_on) };
    Ok(())
}

/// Record a written opinion (书面意见) of a member on leave on one item; replaces an earlier one.
pub fn set_opinion(m: &mut Meeting, item: Id, member: Id, text: &str) -> Result<(), ConductError> {
    if m.is_locked() {
        return Err(ConductError::Locked);
    }
    let on_leave = m.attendance_of(member).is_some_and(|a| matches!(a.presence, Presence::Leave { .. }));
    if !on_leave {
        return Err(ConductError::OpinionNeedsLeave);
    }
    let rec = m.items.iter_mut().find(|r| r.item == item).ok_or(ConductError::UnknownItem)?;
    rec.opinions.retain(|o| o.member != member);
    if !text.trim().is_empty() {
        rec.opinions.push(super::meeting::WrittenOpinion { member, text: text.trim().into() });
    }
    Ok(())
}

/// Materials reached the members late: not distributed, or distributed on the meeting day or
/// after (第十八条（三）: 提前分发).
pub fn materials_late(m: &Meeting) -> bool {
    m.materials.as_ref().is_none_or(|d| d.on >= m.date)
}

/// Open the meeting (宣布开会): needs the meeting quorum; every agenda item goes to 已上会. The
/// roster is brought up to date with the members serving on the day one last time, and from now
/// on it is fixed as the record of who was due (第十八条（四）). Returns the records it changed (the
/// meeting and the items whose status moved).
pub fn start(db: &mut Db, meeting: Id) -> Result<Vec<DocId>, ConductError> {
    let settings = db.settings.clone();
    let org = db.org.clone();
    let m = db.meeting_mut(meeting).ok_or(ConductError::UnknownMeeting)?;
    if m.stage != MeetingStage::Planned {
        return Err(if m.is_locked() { ConductError::Locked } else { ConductError::AlreadyStarted });
    }
    rules::follow_roster(&org, m);
    let m = db.meeting(meeting).ok_or(ConductError::UnknownMeeting)?;
    let q = rules::meeting_quorum(m, &settings);
    if !q.met {
        return Err(ConductError::NoQuorum(q.explain_zh()));
    }
    let date = m.date;
    let items: Vec<Id> = m.items.iter().map(|r| r.item).collect();
    let mut changed = vec![DocId::Meeting(meeting)];
    for id in items {
        if let Some(it) = db.item_mut(id) {
            if it.status == ItemStatus::Scheduled
                && rules::transition(it, ItemStatus::OnAgenda, date, "列入会议议程", &org).is_ok()
            {
                changed.push(DocId::Item(id));
            }
        }
    }
    let m = db.meeting_mut(meeting).expect("exists");
    m.stage = MeetingStage::InProgress;
    m.current_item = 0;
    Ok(changed)
}

/// After a vote is closed: a passed item becomes 已决定; an item voted without quorum is
/// deferred (缓议) so it comes back; a rejected item stays 已上会 for the office to decide.
/// Returns the records it changed (the item, when its status moved).
pub fn after_close(db: &mut Db, meeting: Id, item: Id) -> Vec<DocId> {
    let org = db.org.clone();
    let Some(m) = db.meeting(meeting) else { return Vec::new() };
    let date = m.date;
    let Some(res) = m.record(item).and_then(|r| r.result.clone()) else { return Vec::new() };
    let to = if res.passed {
        (ItemStatus::Decided, "会议表决通过")
    } else if !res.quorum_met {
        (ItemStatus::Deferred, "到会人数不足，表决无效")
    } else {
        return Vec::new();
    };
    match db.item_mut(item).map(|it| rules::transition(it, to.0, date, to.1, &org)) {
        Some(Ok(_)) => vec![DocId::Item(item)],
        _ => Vec::new(),
    }
}

/// End the meeting (散会): the record is then completed as minutes and a summary.
pub fn close(db: &mut Db, meeting: Id) -> Result<(), ConductError> {
    let m = db.meeting_mut(meeting).ok_or(ConductError::UnknownMeeting)?;
    if m.stage != MeetingStage::InProgress {
        return Err(if m.is_locked() { ConductError::Locked } else { ConductError::NotInProgress });
    }
    m.stage = MeetingStage::Closed;
    Ok(())
}

/// Undo 散会 (恢复会议): back to 进行中 to record what was missed, possible until 签发 (第十八条（六）:
/// the record is locked only when the 纪要 is signed).
pub fn reopen(db: &mut Db, meeting: Id) -> Result<(), ConductError> {
    let m = db.meeting_mut(meeting).ok_or(ConductError::UnknownMeeting)?;
    match m.stage {
        MeetingStage::Closed => {
            m.stage = MeetingStage::InProgress;
            Ok(())
        }
        MeetingStage::Signed => Err(ConductError::Locked),
        _ => Err(ConductError::NotClosed),
    }
}

/// What is unfinished on an agenda item when the meeting would end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unfinished {
    /// No vote was taken (no ballot, or an open ballot without a vote).
    NotVoted(Id),
    /// A vote was begun and not closed: no result is recorded.
    VoteOpen(Id),
}

/// The agenda items left unfinished, in agenda order: what 散会 asks about before it ends the
/// meeting (第十八条（五）: each item is decided by a vote).
pub fn unfinished(m: &Meeting) -> Vec<Unfinished> {
    use super::meeting::Ballot;
    m.items
        .iter()
        .filter(|r| r.result.is_none())
        .map(|r| match &r.ballot {
            None => Unfinished::NotVoted(r.item),
            Some(Ballot::Open { votes, .. }) if votes.is_empty() => Unfinished::NotVoted(r.item),
            Some(_) => Unfinished::VoteOpen(r.item),
        })
        .collect()
}

/// Passed decisions of meetings held before `before` that are not yet superseded.
pub fn supersedable_decisions(db: &Db, before: NaiveDate) -> Vec<DecisionRef> {
    let mut v: Vec<(NaiveDate, DecisionRef)> = db
        .meetings
        .iter()
        .filter(|m| m.date < before)
        .flat_map(|m| {
            m.items
                .iter()
                .filter(|r| r.result.as_ref().is_some_and(|x| x.passed) && r.superseded_by.is_none())
                .map(move |r| (m.date, DecisionRef { meeting: m.id, item: r.item }))
        })
        .collect();
    crate::domain::sort::sort_by(&mut v, |a, b| b.0.cmp(&a.0));
    v.into_iter().map(|(_, d)| d).collect()
}

/// Link `later` (a decision of this meeting) as superseding `earlier` (第十八条（七）: a major
/// change is decided by a Party-group meeting), both ways. When the earlier meeting is signed,
/// the link is also appended to it as an amendment (who, when, why), never silently. Returns
/// the meetings it changed.
pub fn supersede(
    db: &mut Db,
    later: DecisionRef,
    earlier: DecisionRef,
    by: &str,
    at: NaiveDateTime,
) -> Result<Vec<DocId>, ConductError> {
    let later_m = db.meeting(later.meeting).ok_or(ConductError::UnknownMeeting)?;
    if later_m.is_locked() {
        return Err(ConductError::Locked);
    }
    later_m.record(later.item).ok_or(ConductError::UnknownItem)?;
    let later_date = later_m.date;
    let earlier_m = db.meeting(earlier.meeting).ok_or(ConductError::NotSupersedable)?;
    let er = earlier_m.record(earlier.item).ok_or(ConductError::NotSupersedable)?;
    if earlier.meeting == later.meeting || earlier_m.date > later_date || !er.result.as_ref().is_some_and(|r| r.passed)
    {
        return Err(ConductError::NotSupersedable);
    }
    if er.superseded_by.is_some_and(|s| s != later) {
        return Err(ConductError::AlreadySuperseded);
    }
    // Drop an earlier link of `later` to another decision.
    let mut changed = vec![DocId::Meeting(later.meeting), DocId::Meeting(earlier.meeting)];
    let old = db.meeting(later.meeting).and_then(|m| m.record(later.item)).and_then(|r| r.supersedes);
    if let Some(old) = old.filter(|o| *o != earlier) {
        if let Some(r) = db.meeting_mut(old.meeting).and_then(|m| m.items.iter_mut().find(|r| r.item == old.item)) {
            if r.superseded_by == Some(later) {
                r.superseded_by = None;
                changed.push(DocId::Meeting(old.meeting));
            }
        }
    }
    let label = super::summary::decision_label(db, later);
    let em = db.meeting_mut(earlier.meeting).expect("checked");
    let locked = em.is_locked();
    let rec = em.items.iter_mut().find(|r| r.item == earlier.item).expect("checked");
    rec.superseded_by = Some(later);
    if locked {
        em.amendments.push(Amendment {
            by: by.to_string(),
            at,
            reason: format!("本决定已被{label}取代（{}）", cite::FOLLOW_UP.zh()),
            text: format!("被{label}取代"),
            target: Some(AmendTarget::Decision(earlier.item)),
        });
    }
    let lr =
        db.meeting_mut(later.meeting).and_then(|m| m.items.iter_mut().find(|r| r.item == later.item)).expect("checked");
    lr.supersedes = Some(earlier);
    Ok(changed)
}

/// Create a follow-up task (督办事项) from a passed decision; the item goes to 落实中. Returns the
/// new task's id and the records it changed (the task, and the item when its status moved).
pub fn add_task(
    db: &mut Db,
    source: DecisionRef,
    title: &str,
    member: Option<Id>,
    department: Option<Id>,
    deadline: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(Id, Vec<DocId>), ConductError> {
    let m = db.meeting(source.meeting).ok_or(ConductError::UnknownMeeting)?;
    let rec = m.record(source.item).ok_or(ConductError::UnknownItem)?;
    if !rec.result.as_ref().is_some_and(|r| r.passed) {
        return Err(ConductError::NotDecided);
    }
    let Some(deadline) = deadline else { return Err(ConductError::TaskIncomplete) };
    if title.trim().is_empty() || (member.is_none() && department.is_none()) {
        return Err(ConductError::TaskIncomplete);
    }
    let date = m.date.max(today);
    let id = db.new_id();
    db.tasks.add(FollowUpTask {
        id,
        title: title.trim().into(),
        source: Some(source),
        member,
        department,
        deadline,
        created: today,
        reports: vec![],
        closed: None,
        escalated_to: None,
    });
    let org = db.org.clone();
    let mut changed = vec![DocId::Task(id)];
    if let Some(it) = db.item_mut(source.item) {
        if it.status == ItemStatus::Decided
            && rules::transition(it, ItemStatus::Implementing, date, "督办落实", &org).is_ok()
        {
            changed.push(DocId::Item(source.item));
        }
    }
    Ok((id, changed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        category::Category,
        item::AgendaItem,
        meeting::{Distribution, RecordedResult},
        org::{Member, Role, Term},
    };
    use std::sync::Arc;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A command names every record it changed (what a save of only those records needs), and
    /// changed something.
    fn names_every_change(before: &Db, after: &Db, named: &[DocId]) {
        let changed = crate::domain::doc::changed(before, after);
        assert!(!changed.is_empty(), "the command changed nothing");
        for c in &changed {
            assert!(named.contains(c), "{c:?} changed but not named in {named:?}");
        }
    }
    fn now() -> NaiveDateTime {
        d("2026-03-10").and_hms_opt(10, 0, 0).unwrap()
    }

    fn db(n: u32) -> Db {
        let mut db = Db::default();
        db.org.unit_name = "某局".into();
        for i in 1..=n {
            let role = if i == 1 { Role::Secretary } else { Role::Member };
            db.org.members.push(Member {
                id: i,
                name: format!("成员{i}"),
                note: String::new(),
                terms: vec![Term { role, start: d("2020-01-01"), end: None, director: i == 2, main_leader: false }],
            });
        }
        db.org.members.push(Member {
            id: 9,
            name: "离任".into(),
            note: String::new(),
            terms: vec![Term {
                role: Role::Member,
                start: d("2020-01-01"),
                end: Some(d("2026-02-28")),
                director: false,
                main_leader: false,
            }],
        });
        db.next_id = 20;
        for (id, status) in [(11, ItemStatus::Scheduled), (12, ItemStatus::Scheduled), (13, ItemStatus::Reviewed)] {
            db.items.add(AgendaItem {
                in_charge: Some(2),
                materials: "材料".into(),
                status,
                ..AgendaItem::proposed(id, format!("议题{id}"), Category::Other, d("2026-01-01"))
            });
        }
        db
    }

    #[test]
    fn roster_snapshot_follows_the_date_and_keeps_leave() {
        let mut db = db(5);
        let id = create_meeting(&mut db, MeetingKind::Regular, d("2026-02-20"));
        assert_eq!(db.meeting(id).unwrap().attendance.len(), 6, "the member leaving on 2026-02-28 still serves");
        assert_eq!(db.meeting(id).unwrap().chair, Some(1));
        request_leave(db.meeting_mut(id).unwrap(), 3, "出差", d("2026-02-18")).unwrap();
        assert_eq!(
            request_leave(db.meeting_mut(id).unwrap(), 4, "  ", d("2026-02-18")),
            Err(ConductError::LeaveNeedsReason)
        );
        set_date(&mut db, id, d("2026-03-05")).unwrap();
        let m = db.meeting(id).unwrap();
        assert_eq!(m.attendance.len(), 5, "the former member is gone on the new date");
        assert!(matches!(m.attendance_of(3).unwrap().presence, Presence::Leave { .. }), "leave is kept");
    }

    #[test]
    fn agenda_takes_scheduled_items_once_and_reorders() {
        let mut db = db(5);
        let a = create_meeting(&mut db, MeetingKind::Regular, d("2026-03-05"));
        let b = create_meeting(&mut db, MeetingKind::AdHoc, d("2026-03-06"));
        assert_eq!(schedulable_items(&db), vec![11, 12]);
        assert_eq!(add_to_agenda(&mut db, a, 13), Err(ConductError::NotScheduled));
        add_to_agenda(&mut db, a, 11).unwrap();
        add_to_agenda(&mut db, a, 12).unwrap();
        assert_eq!(add_to_agenda(&mut db, b, 11), Err(ConductError::AlreadyOnAgenda));
        assert_eq!(schedulable_items(&db), Vec::<Id>::new());
        move_item(&mut db, a, 1, true).unwrap();
        assert_eq!(db.meeting(a).unwrap().items.iter().map(|r| r.item).collect::<Vec<_>>(), vec![12, 11]);
        move_item(&mut db, a, 0, true).unwrap(); // top stays top
        move_item(&mut db, a, 1, false).unwrap(); // bottom stays bottom
        assert_eq!(db.meeting(a).unwrap().items.iter().map(|r| r.item).collect::<Vec<_>>(), vec![12, 11]);
        remove_from_agenda(&mut db, a, 12).unwrap();
        assert_eq!(schedulable_items(&db), vec![12]);
    }

    #[test]
    fn start_needs_quorum_and_puts_items_on_agenda() {
        let mut db = db(4);
        let a = create_meeting(&mut db, MeetingKind::Regular, d("2026-03-05"));
        add_to_agenda(&mut db, a, 11).unwrap();
        // 4 serving; 2 present is not more than half
        for id in [3, 4] {
            db.meeting_mut(a).unwrap().attendance.iter_mut().find(|x| x.member == id).unwrap().presence =
                Presence::Absent;
        }
        assert!(matches!(start(&mut db, a), Err(ConductError::NoQuorum(_))));
        assert_eq!(db.item(11).unwrap().status, ItemStatus::Scheduled, "nothing changed");
        db.meeting_mut(a).unwrap().attendance.iter_mut().find(|x| x.member == 4).unwrap().presence = Presence::Present;
        let before = db.clone();
        let named = start(&mut db, a).unwrap();
        names_every_change(&before, &db, &named);
        assert_eq!(db.meeting(a).unwrap().stage, MeetingStage::InProgress);
        assert_eq!(db.item(11).unwrap().status, ItemStatus::OnAgenda);
        assert_eq!(add_to_agenda(&mut db, a, 12), Err(ConductError::AlreadyStarted));
        close(&mut db, a).unwrap();
        assert_eq!(close(&mut db, a), Err(ConductError::NotInProgress));
    }

    /// 第十八条（五）（六）: 散会 lists the items not voted on and the votes not closed; 恢复会议
    /// is possible until 签发.
    #[test]
    fn unfinished_items_are_listed_and_a_closed_meeting_resumes_until_signed() {
        use crate::domain::meeting::{Ballot, CastVote, Choice, VoteMethod};
        let mut db = db(5);
        let a = create_meeting(&mut db, MeetingKind::Regular, d("2026-03-05"));
        add_to_agenda(&mut db, a, 11).unwrap();
        add_to_agenda(&mut db, a, 12).unwrap();
        assert_eq!(reopen(&mut db, a), Err(ConductError::NotClosed));
        start(&mut db, a).unwrap();
        let m = db.meeting(a).unwrap();
        assert_eq!(unfinished(m), vec![Unfinished::NotVoted(11), Unfinished::NotVoted(12)]);
        db.meeting_mut(a).unwrap().items[1].ballot = Some(Ballot::Open {
            method: VoteMethod::Hands,
            votes: vec![CastVote { choice: Choice::Yes, member: 2, reservation: None }],
        });
        passed(&mut db, a, 11);
        assert_eq!(unfinished(db.meeting(a).unwrap()), vec![Unfinished::VoteOpen(12)]);
        close(&mut db, a).unwrap();
        reopen(&mut db, a).unwrap();
        assert_eq!(db.meeting(a).unwrap().stage, MeetingStage::InProgress);
        close(&mut db, a).unwrap();
        db.meeting_mut(a).unwrap().stage = MeetingStage::Signed;
        assert_eq!(reopen(&mut db, a), Err(ConductError::Locked));
    }

    /// 第十八条（四）: a member added in 设置 after a meeting was planned is due at it; once the
    /// meeting is opened its roster is the record.
    #[test]
    fn planned_rosters_follow_the_organisation_and_opening_fixes_them() {
        let mut db = db(4);
        let a = create_meeting(&mut db, MeetingKind::Regular, d("2026-03-05"));
        let b = create_meeting(&mut db, MeetingKind::Regular, d("2026-03-06"));
        add_to_agenda(&mut db, a, 11).unwrap();
        start(&mut db, a).unwrap();
        db.org.members.push(Member {
            id: 15,
            name: "新成员".into(),
            note: String::new(),
            terms: vec![Term {
                role: Role::Member,
                start: d("2026-03-01"),
                end: None,
                director: false,
                main_leader: false,
            }],
        });
        let before = db.clone();
        let named = follow_rosters(&mut db);
        names_every_change(&before, &db, &named);
        assert_eq!(named, vec![DocId::Meeting(b)], "the opened meeting is not touched");
        assert_eq!(db.meeting(b).unwrap().attendance.len(), 5, "the planned meeting takes the new member");
        assert!(db.meeting(b).unwrap().attendance_of(15).is_some());
        assert_eq!(db.meeting(a).unwrap().attendance.len(), 4, "the opened meeting keeps its record");
    }

    /// 第十八条（二）（三）: the agenda says what each item on its way still needs.
    #[test]
    fn nearly_ready_items_say_what_they_still_need_fewest_first() {
        let mut db = db(3);
        // 11 and 12 are scheduled (ready), 13 is reviewed: it only needs scheduling.
        db.items.add(AgendaItem::proposed(14, "新议题", Category::Other, d("2026-02-01")));
        let v = nearly_ready(&db);
        assert_eq!(
            v,
            vec![
                (13, vec![Need::Scheduling]),
                (14, vec![Need::InCharge, Need::Materials, Need::Review, Need::Scheduling])
            ]
        );
    }

    #[test]
    fn opinions_only_from_members_on_leave() {
        let mut db = db(5);
        let a = create_meeting(&mut db, MeetingKind::Regular, d("2026-03-05"));
        add_to_agenda(&mut db, a, 11).unwrap();
        let m = db.meeting_mut(a).unwrap();
        assert_eq!(set_opinion(m, 11, 3, "同意"), Err(ConductError::OpinionNeedsLeave));
        request_leave(m, 3, "病假", d("2026-03-01")).unwrap();
        set_opinion(m, 11, 3, "同意").unwrap();
        set_opinion(m, 11, 3, "同意，建议加快").unwrap();
        assert_eq!(m.record(11).unwrap().opinions.len(), 1);
        assert_eq!(m.record(11).unwrap().opinions[0].text, "同意，建议加快");
    }

    #[test]
    fn materials_on_the_meeting_day_are_late() {
        let mut db = db(3);
        let a = create_meeting(&mut db, MeetingKind::Regular, d("2026-03-05"));
        let m = db.meeting_mut(a).unwrap();
        assert!(materials_late(m));
        m.materials = Some(Distribution { on: d("2026-03-05"), to: "全体党组成员".into() });
        assert!(materials_late(m));
        m.materials = Some(Distribution { on: d("2026-03-04"), to: "全体党组成员".into() });
        assert!(!materials_late(m));
    }

    fn passed(db: &mut Db, meeting: Id, item: Id) {
        let r = db.meeting_mut(meeting).unwrap().items.iter_mut().find(|r| r.item == item).unwrap();
        r.result = Some(RecordedResult {
            due: 5,
            present: 5,
            yes: 5,
            no: 0,
            abstain: 0,
            quorum_met: true,
            passed: true,
            explanation: String::new(),
            explanation_en: String::new(),
        });
    }

    #[test]
    fn supersede_links_both_ways_and_amends_a_signed_record() {
        let mut db = db(5);
        let a = create_meeting(&mut db, MeetingKind::Regular, d("2026-01-05"));
        add_to_agenda(&mut db, a, 11).unwrap();
        let b = create_meeting(&mut db, MeetingKind::Regular, d("2026-03-05"));
        db.items.iter_mut().map(Arc::make_mut).find(|i| i.id == 12).unwrap().changes_decision =
            Some(DecisionRef { meeting: a, item: 11 });
        add_to_agenda(&mut db, b, 12).unwrap();
        assert_eq!(
            db.meeting(b).unwrap().record(12).unwrap().supersedes,
            Some(DecisionRef { meeting: a, item: 11 }),
            "from the item"
        );
        let later = DecisionRef { meeting: b, item: 12 };
        let earlier = DecisionRef { meeting: a, item: 11 };
        assert_eq!(supersede(&mut db, later, earlier, "周丽", now()), Err(ConductError::NotSupersedable), "not passed");
        passed(&mut db, a, 11);
        assert_eq!(supersedable_decisions(&db, d("2026-03-05")), vec![earlier]);
        assert_eq!(supersedable_decisions(&db, d("2026-01-05")), vec![], "only earlier meetings");
        db.meeting_mut(a).unwrap().stage = MeetingStage::Signed;
        let before = db.clone();
        let named = supersede(&mut db, later, earlier, "周丽", now()).unwrap();
        names_every_change(&before, &db, &named);
        assert_eq!(db.meeting(a).unwrap().record(11).unwrap().superseded_by, Some(later));
        assert_eq!(db.meeting(b).unwrap().record(12).unwrap().supersedes, Some(earlier));
        let am = &db.meeting(a).unwrap().amendments;
        assert_eq!(am.len(), 1, "the signed record got an amendment, not a silent edit");
        assert_eq!(am[0].target, Some(AmendTarget::Decision(11)));
        assert!(supersedable_decisions(&db, d("2026-03-05")).is_empty());
        // a second later decision cannot supersede it again
        let c = create_meeting(&mut db, MeetingKind::Regular, d("2026-04-05"));
        db.items.iter_mut().map(Arc::make_mut).find(|i| i.id == 13).unwrap().status = ItemStatus::Scheduled;
        add_to_agenda(&mut db, c, 13).unwrap();
        assert_eq!(
            supersede(&mut db, DecisionRef { meeting: c, item: 13 }, earlier, "x", now()),
            Err(ConductError::AlreadySuperseded)
        );
        // a decision cannot supersede one of its own meeting or a later one
        assert_eq!(supersede(&mut db, earlier, later, "x", now()), Err(ConductError::Locked));
    }

    #[test]
    fn tasks_need_a_passed_decision_owner_and_deadline() {
        let mut db = db(5);
        let a = create_meeting(&mut db, MeetingKind::Regular, d("2026-03-05"));
        add_to_agenda(&mut db, a, 11).unwrap();
        start(&mut db, a).unwrap();
        let src = DecisionRef { meeting: a, item: 11 };
        assert_eq!(
            add_task(&mut db, src, "落实", Some(2), None, Some(d("2026-04-30")), d("2026-03-05")),
            Err(ConductError::NotDecided)
        );
        passed(&mut db, a, 11);
        let before = db.clone();
        assert_eq!(after_close(&mut db, a, 11), vec![DocId::Item(11)], "it names what it changed");
        assert_eq!(crate::domain::doc::changed(&before, &db), vec![DocId::Item(11)]);
        assert_eq!(db.item(11).unwrap().status, ItemStatus::Decided);
        assert_eq!(
            add_task(&mut db, src, "落实", None, None, Some(d("2026-04-30")), d("2026-03-05")),
            Err(ConductError::TaskIncomplete)
        );
        assert_eq!(
            add_task(&mut db, src, "落实", Some(2), None, None, d("2026-03-05")),
            Err(ConductError::TaskIncomplete)
        );
        assert_eq!(
            add_task(&mut db, src, " ", Some(2), None, Some(d("2026-04-30")), d("2026-03-05")),
            Err(ConductError::TaskIncomplete)
        );
        let before = db.clone();
        let (t, named) = add_task(&mut db, src, "落实", Some(2), None, Some(d("2026-04-30")), d("2026-03-05")).unwrap();
        names_every_change(&before, &db, &named);
        assert_eq!(db.task(t).unwrap().source, Some(src));
        assert_eq!(db.item(11).unwrap().status, ItemStatus::Implementing);
    }

    #[test]
    fn invalid_vote_defers_the_item() {
        let mut db = db(5);
        let a = create_meeting(&mut db, MeetingKind::Regular, d("2026-03-05"));
        add_to_agenda(&mut db, a, 11).unwrap();
        start(&mut db, a).unwrap();
        let r = db.meeting_mut(a).unwrap().items.iter_mut().find(|r| r.item == 11).unwrap();
        r.result = Some(RecordedResult {
            due: 5,
            present: 2,
            yes: 2,
            no: 0,
            abstain: 0,
            quorum_met: false,
            passed: false,
            explanation: String::new(),
            explanation_en: String::new(),
        });
        let before = db.clone();
        assert_eq!(after_close(&mut db, a, 11), vec![DocId::Item(11)], "it names what it changed");
        assert_eq!(crate::domain::doc::changed(&before, &db), vec![DocId::Item(11)]);
        assert_eq!(db.item(11).unwrap().status, ItemStatus::Deferred);
        // Deferred already: nothing moves again, and nothing is named.
        assert_eq!(after_close(&mut db, a, 11), Vec::<DocId>::new());
    }
}
