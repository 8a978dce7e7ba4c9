//! Annual statistics (年度履职情况统计) for the 第十二条 comprehensive report and the 第十九条
//! performance report: meetings held by kind and month, items by category, decisions,
//! follow-up completion, and duty fulfilment with gaps (from the rules engine).

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::{
    category::Category,
    db::Db,
    followup::{count_tasks, TaskCounts},
    meeting::MeetingKind,
    rules::{duty::is_held, evaluate_duties, DutyStatus},
};

/// The figures of one year as of `today`.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnualStats {
    pub year: i32,
    /// Held meetings per kind (every kind listed, zero included), in `MeetingKind::ALL` order.
    pub meetings_by_kind: Vec<(MeetingKind, u32)>,
    /// Held Party-group meetings (第十八条 sense) per month, January first.
    pub party_meetings_per_month: [u32; 12],
    /// Party-group meetings required per month by the settings (1 when monthly, else 0).
    pub required_per_month: u32,
    /// Agenda items dealt with at the year's held meetings, by category (non-zero only, by count).
    pub items_by_category: Vec<(Category, u32)>,
    /// Items dealt with at held meetings.
    pub items_discussed: u32,
    /// Items passed (a recorded result that passed).
    pub decisions: u32,
    /// Follow-up tasks created in the year.
    pub tasks: TaskCounts,
    /// Duty status of the year.
    pub duties: Vec<DutyStatus>,
}

impl AnnualStats {
    pub fn meetings_held(&self) -> u32 {
        self.meetings_by_kind.iter().map(|(_, n)| n).sum()
    }
    /// Duties fully done (required > 0 and done ≥ required, no overdue).
    pub fn duties_fulfilled(&self) -> u32 {
        self.duties.iter().filter(|d| d.required > 0 && d.done >= d.required && !d.overdue).count() as u32
    }
    /// Duties that apply this year (required > 0).
    pub fn duties_applicable(&self) -> u32 {
        self.duties.iter().filter(|d| d.required > 0).count() as u32
    }
    /// Follow-up completion in whole percent (closed / total); `None` when there are no tasks.
    pub fn completion_pct(&self) -> Option<u32> {
        percent(self.tasks.done, self.tasks.total)
    }
    /// Months (1–12) up to `today` with fewer Party-group meetings than required.
    pub fn short_months(&self, today: NaiveDate) -> Vec<u32> {
        (1..=12u32)
            .filter(|&m| {
                let past = (self.year, m) < (today.year(), today.month());
                past && self.party_meetings_per_month[(m - 1) as usize] < self.required_per_month
            })
            .collect()
    }
}

/// `part / whole` in whole percent, rounded half up; `None` when `whole` is 0.
pub fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| ((part as u64 * 200 + whole as u64) / (2 * whole as u64)) as u32)
}

/// Compute the statistics of `year` as of `today`.
pub fn annual_stats(db: &Db, year: i32, today: NaiveDate) -> AnnualStats {
    let held: Vec<_> = db.meetings.iter().filter(|m| m.date.year() == year && is_held(m, today)).collect();
    let meetings_by_kind =
        MeetingKind::ALL.iter().map(|&k| (k, held.iter().filter(|m| m.kind == k).count() as u32)).collect();
    let mut per_month = [0u32; 12];
    for m in held.iter().filter(|m| m.kind.is_party_group_meeting()) {
        per_month[m.date.month0() as usize] += 1;
    }
    let mut by_cat: Vec<(Category, u32)> = Vec::new();
    let (mut discussed, mut decisions) = (0, 0);
    for m in &held {
        for rec in &m.items {
            discussed += 1;
            if rec.result.as_ref().is_some_and(|r| r.passed) {
                decisions += 1;
            }
            let cat = db.item(rec.item).map(|i| i.category).unwrap_or(Category::Other);
            match by_cat.iter_mut().find(|(c, _)| *c == cat) {
                Some(e) => e.1 += 1,
                None => by_cat.push((cat, 1)),
            }
        }
    }
    crate::domain::sort::sort_by(&mut by_cat, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let tasks = count_tasks(db.tasks.iter().map(Arc::as_ref).filter(|t| t.created.year() == year), today);
    AnnualStats {
        year,
        meetings_by_kind,
        party_meetings_per_month: per_month,
        required_per_month: u32::from(db.settings.duties.meeting_every_months == 1),
        items_by_category: by_cat,
        items_discussed: discussed,
        decisions,
        tasks,
        duties: evaluate_duties(db, year, today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::db::Records;
    use crate::domain::meeting::{ItemRecord, Meeting, MeetingStage, RecordedResult};
    use crate::domain::org::{Member, Role, Term};
    use crate::domain::task::{Closure, FollowUpTask};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn meeting(id: u32, kind: MeetingKind, date: NaiveDate, stage: MeetingStage) -> Meeting {
        Meeting {
            id,
            kind,
            title: String::new(),
            date,
            time: String::new(),
            place: String::new(),
            chair: None,
            recorder: String::new(),
            observers: vec![],
            attendance: vec![],
            items: vec![],
            notice: None,
            materials: None,
            stage,
            current_item: 0,
            summary: None,
            amendments: vec![],
        }
    }

    fn result(passed: bool) -> RecordedResult {
        RecordedResult {
            due: 5,
            present: 5,
            yes: 3,
            no: 2,
            abstain: 0,
            quorum_met: true,
            passed,
            explanation: String::new(),
            explanation_en: String::new(),
        }
    }

    #[test]
    fn counts_held_meetings_items_decisions_and_short_months() {
        let mut db = Db { next_id: 100, ..Default::default() };
        db.org.members.push(Member {
            id: 1,
            name: "甲".into(),
            note: String::new(),
            terms: vec![Term {
                role: Role::Secretary,
                start: d(2020, 1, 1),
                end: None,
                director: true,
                main_leader: true,
            }],
        });
        let mut m1 = meeting(10, MeetingKind::Regular, d(2026, 1, 8), MeetingStage::Signed);
        m1.items.push(ItemRecord {
            item: 50,
            recused: vec![],
            notes: vec![],
            opinions: vec![],
            ballot: None,
            result: Some(result(true)),
            decision: "x".into(),
            supersedes: None,
            superseded_by: None,
        });
        m1.items.push(ItemRecord {
            item: 51,
            recused: vec![],
            notes: vec![],
            opinions: vec![],
            ballot: None,
            result: Some(result(false)),
            decision: String::new(),
            supersedes: None,
            superseded_by: None,
        });
        db.meetings.add(m1);
        db.meetings.add(meeting(11, MeetingKind::CentralStudy, d(2026, 1, 20), MeetingStage::Closed));
        db.meetings.add(meeting(12, MeetingKind::Regular, d(2026, 3, 5), MeetingStage::Closed));
        // Planned (not held) and other-year meetings do not count.
        db.meetings.add(meeting(13, MeetingKind::Regular, d(2026, 2, 5), MeetingStage::Planned));
        db.meetings.add(meeting(14, MeetingKind::Regular, d(2025, 12, 5), MeetingStage::Signed));
        db.tasks.add(FollowUpTask {
            id: 20,
            title: "t".into(),
            source: None,
            member: None,
            department: None,
            deadline: d(2026, 2, 1),
            created: d(2026, 1, 8),
            reports: vec![],
            closed: Some(Closure { date: d(2026, 1, 30), result: "ok".into() }),
            escalated_to: None,
        });
        db.tasks.add(FollowUpTask {
            id: 21,
            title: "u".into(),
            source: None,
            member: None,
            department: None,
            deadline: d(2026, 2, 1),
            created: d(2026, 1, 8),
            reports: vec![],
            closed: None,
            escalated_to: None,
        });
        let s = annual_stats(&db, 2026, d(2026, 4, 10));
        assert_eq!(s.meetings_held(), 3);
        assert_eq!(s.party_meetings_per_month[..4], [1, 0, 1, 0]);
        assert_eq!(s.short_months(d(2026, 4, 10)), vec![2]); // April is still running
        assert_eq!(s.short_months(d(2026, 5, 1)), vec![2, 4]);
        assert_eq!((s.items_discussed, s.decisions), (2, 1));
        assert_eq!(s.items_by_category, vec![(Category::Other, 2)]);
        assert_eq!((s.tasks.total, s.tasks.done, s.tasks.overdue), (2, 1, 1));
        assert_eq!(s.completion_pct(), Some(50));
        assert_eq!(s.duties.len(), crate::domain::rules::DutyKind::ALL.len());
    }

    #[test]
    fn percent_rounds_half_up_and_handles_zero() {
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 8), Some(13)); // 12.5 → 13
        assert_eq!(percent(5, 5), Some(100));
    }
}
