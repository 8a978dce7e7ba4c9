//! 中心组学习 (第二十二条): the annual plan with topics approved by the secretary, and the
//! records of each session (the session itself is a `CentralStudy` / `StudySeminar` meeting
//! with the members' attendance): department heads who joined, the record (学习档案) and
//! the bulletin (学习通报).

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{
    db::{Db, Records},
    meeting::{Meeting, MeetingKind, Presence},
    Id,
};

/// One topic of the plan, optionally for a month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudyTopic {
    pub title: String,
    /// Planned month (1–12).
    pub month: Option<u32>,
    /// Planned as a thematic discussion (专题研讨).
    #[serde(default)]
    pub seminar: bool,
}

/// The annual study plan. 年度学习计划
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudyPlan {
    pub year: i32,
    #[serde(default)]
    pub topics: Vec<StudyTopic>,
    /// Approved by the group leader (书记), on a date.
    pub approved_by: Option<Id>,
    #[serde(default, deserialize_with = "crate::domain::date_format::option")]
    pub approved_on: Option<NaiveDate>,
    /// The evidence record (kind `StudyPlan`) made when the plan was approved.
    pub evidence: Option<Id>,
}

/// Extra records of one study session. 学习记录
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudySession {
    /// The meeting (kind `CentralStudy` or `StudySeminar`).
    pub meeting: Id,
    /// Departments whose heads joined (扩大学习).
    #[serde(default)]
    pub departments: Vec<Id>,
    /// 学习档案
    #[serde(default)]
    pub record: String,
    /// 学习通报
    #[serde(default)]
    pub bulletin: String,
}

pub fn plan_of(db: &Db, year: i32) -> Option<&StudyPlan> {
    db.study_plans.iter().find(|p| p.year == year)
}

pub fn plan_mut(db: &mut Db, year: i32) -> &mut StudyPlan {
    if let Some(i) = db.study_plans.iter().position(|p| p.year == year) {
        &mut db.study_plans[i]
    } else {
        db.study_plans.push(StudyPlan {
            year,
            topics: Vec::new(),
            approved_by: None,
            approved_on: None,
            evidence: None,
        });
        db.study_plans.last_mut().expect("just pushed")
    }
}

pub fn session_of(db: &Db, meeting: Id) -> Option<&StudySession> {
    db.study_sessions.iter().find(|s| s.meeting == meeting)
}

pub fn session_mut(db: &mut Db, meeting: Id) -> &mut StudySession {
    if let Some(i) = db.study_sessions.iter().position(|s| s.meeting == meeting) {
        &mut db.study_sessions[i]
    } else {
        db.study_sessions.push(StudySession { meeting, ..Default::default() });
        db.study_sessions.last_mut().expect("just pushed")
    }
}

/// Why a plan cannot be approved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanError {
    /// A plan needs at least one topic.
    NoTopics,
    /// No secretary serves on that date to approve it.
    NoSecretary,
}

impl PlanError {
    pub fn zh(self) -> &'static str {
        match self {
            PlanError::NoTopics => "学习计划至少需要一个专题",
            PlanError::NoSecretary => "该日期没有在任党组书记审定",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            PlanError::NoTopics => "The plan needs at least one topic",
            PlanError::NoSecretary => "No secretary serves on that date to approve it",
        }
    }
}

/// Approve the plan of `year` on `date` by the serving secretary (书记审定, 第二十二条（一）),
/// recording (or updating) the `StudyPlan` evidence for the duty register.
pub fn approve_plan(db: &mut Db, year: i32, date: NaiveDate) -> Result<Id, PlanError> {
    use super::evidence::{Evidence, EvidenceKind};
    let topics =
        plan_of(db, year).map(|p| p.topics.iter().map(|t| t.title.clone()).collect::<Vec<_>>()).unwrap_or_default();
    if topics.is_empty() {
        return Err(PlanError::NoTopics);
    }
    let secretary = db.org.secretary_at(date).ok_or(PlanError::NoSecretary)?;
    let note = format!("{year}年度理论学习中心组学习计划：{}", topics.join("；"));
    let existing = plan_of(db, year).and_then(|p| p.evidence).filter(|id| db.evidence.iter().any(|e| e.id == *id));
    let ev = match existing {
        Some(id) => {
            let e = db.evidence.iter_mut().find(|e| e.id == id).map(Arc::make_mut).expect("checked");
            e.date = date;
            e.member = Some(secretary);
            e.note = note;
            id
        }
        None => {
            let id = db.new_id();
            db.evidence.add(Evidence {
                id,
                kind: EvidenceKind::StudyPlan,
                date,
                member: Some(secretary),
                counterpart: None,
                department: None,
                days: None,
                note,
            });
            id
        }
    };
    let p = plan_mut(db, year);
    p.approved_by = Some(secretary);
    p.approved_on = Some(date);
    p.evidence = Some(ev);
    Ok(ev)
}

/// Who approved a year's study plan, and when (书记审定学习计划, 第二十二条（二）).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanApproval {
    /// The approving secretary, when known.
    pub by: Option<Id>,
    pub on: NaiveDate,
    /// The 履职记录 entry (kind `StudyPlan`) that shows it, when there is one.
    pub evidence: Option<Id>,
}

/// Whether the study plan of `year` is approved as of `today` (第二十二条（一）（二）): the one
/// answer the study screen, the duty register and the annual report all show.
///
/// - The plan approved on the study screen counts from its approval date on.
/// - Otherwise a 学习计划 entry of the 履职记录 dated in `year` (a plan approved on paper and
///   entered directly) counts, unless it is the record of another year's plan: approving next
///   year's plan in December does not approve this year's.
/// - Nothing dated after `today` counts.
///
/// E.g. a plan of 2026 approved on 2026-01-08: not approved on 2026-01-07, approved from
/// 2026-01-08 on, also in 2027.
pub fn plan_approval(db: &Db, year: i32, today: NaiveDate) -> Option<PlanApproval> {
    use super::evidence::EvidenceKind;
    let plan = plan_of(db, year);
    if let Some((by, on)) = plan.and_then(|p| Some((p.approved_by, p.approved_on?))).filter(|(_, on)| *on <= today) {
        let evidence = plan.and_then(|p| p.evidence).filter(|id| db.evidence.iter().any(|e| e.id == *id));
        return Some(PlanApproval { by, on, evidence });
    }
    let others: Vec<Id> = db.study_plans.iter().filter(|p| p.year != year).filter_map(|p| p.evidence).collect();
    db.evidence
        .iter()
        .filter(|e| {
            e.kind == EvidenceKind::StudyPlan && e.date.year() == year && e.date <= today && !others.contains(&e.id)
        })
        .min_by_key(|e| (e.date, e.id))
        .map(|e| PlanApproval { by: e.member, on: e.date, evidence: Some(e.id) })
}

/// Study sessions (中心组学习 and 专题研讨) of a year, by date.
pub fn sessions_in_year(db: &Db, year: i32) -> Vec<&Meeting> {
    let mut v: Vec<&Meeting> = db
        .meetings
        .iter()
        .map(Arc::as_ref)
        .filter(|m| matches!(m.kind, MeetingKind::CentralStudy | MeetingKind::StudySeminar) && m.date.year() == year)
        .collect();
    crate::domain::sort::sort_by_key(&mut v, |m| m.date);
    v
}

/// Attendance (考勤) of a session as of `today`: (present, on the roster, not counted
/// excluded). `None` until the session is held ([`is_held`](super::rules::duty::is_held)): the
/// roster of a session still to come lists who is expected, not who came.
pub fn attendance_count(m: &Meeting, today: NaiveDate) -> Option<(u32, u32)> {
    if !super::rules::duty::is_held(m, today) {
        return None;
    }
    let roster: Vec<_> = m.attendance.iter().filter(|a| a.not_counted.is_none()).collect();
    let present = roster.iter().filter(|a| a.presence == Presence::Present).count() as u32;
    Some((present, roster.len() as u32))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org::{Member, Role, Term};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn db() -> Db {
        let mut db = Db { next_id: 100, ..Default::default() };
        db.org.members.push(Member {
            id: 1,
            name: "书记".into(),
            note: String::new(),
            terms: vec![Term {
                role: Role::Secretary,
                start: d(2025, 1, 1),
                end: None,
                director: false,
                main_leader: true,
            }],
        });
        db
    }

    #[test]
    fn approving_needs_topics_and_a_secretary_and_records_evidence_once() {
        let mut db = db();
        assert_eq!(approve_plan(&mut db, 2026, d(2026, 1, 5)), Err(PlanError::NoTopics));
        plan_mut(&mut db, 2026).topics.push(StudyTopic {
            title: "党组工作条例".into(),
            month: Some(1),
            seminar: false,
        });
        assert_eq!(approve_plan(&mut db, 2026, d(2024, 1, 5)), Err(PlanError::NoSecretary));
        let e1 = approve_plan(&mut db, 2026, d(2026, 1, 5)).unwrap();
        plan_mut(&mut db, 2026).topics.push(StudyTopic { title: "安全生产".into(), month: Some(3), seminar: true });
        let e2 = approve_plan(&mut db, 2026, d(2026, 1, 8)).unwrap();
        assert_eq!(e1, e2);
        assert_eq!(db.evidence.len(), 1);
        assert!(db.evidence[0].note.contains("安全生产"));
        assert_eq!(db.evidence[0].date, d(2026, 1, 8));
        assert_eq!(plan_of(&db, 2026).unwrap().approved_by, Some(1));
        let duties = crate::domain::rules::evaluate_duties(&db, 2026, d(2026, 2, 1));
        let plan = duties.iter().find(|s| s.duty == crate::domain::rules::DutyKind::StudyPlan).unwrap();
        assert_eq!((plan.done, plan.required), (1, 1));
    }
}
