//! The 民主生活会 cycle (第二十三条): what is done before, during and after the meeting.
//! The meeting itself is a [`Meeting`](super::meeting::Meeting) of kind `DemocraticLife`; this
//! record keeps the rest. Rectification measures are follow-up tasks (督办) so the office
//! supervises them with the others; the report deadline comes from the rules engine
//! ([`democratic_life_report_due`](super::rules::democratic_life_report_due)).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    db::{Db, Records},
    Id,
};

/// Opinions solicited before the meeting (征求意见): from whom, summary.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpinionSolicited {
    #[serde(default, deserialize_with = "crate::domain::date_format::option")]
    pub date: Option<NaiveDate>,
    pub from: String,
    #[serde(default)]
    pub summary: String,
}

/// A heart-to-heart talk between two members (谈心谈话).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeartTalk {
    pub a: Id,
    pub b: Id,
    #[serde(with = "crate::domain::date_format")]
    pub date: NaiveDate,
}

/// The written statement of an absent member, read at the meeting (书面发言, 第二十三条（三）).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsentStatement {
    pub member: Id,
    pub text: String,
    /// Read out at the meeting.
    #[serde(default)]
    pub read_out: bool,
    /// Date the absentee was informed of the meeting's content afterwards (会后通报).
    #[serde(default, deserialize_with = "crate::domain::date_format::option")]
    pub informed_on: Option<NaiveDate>,
}

/// Everything around one 民主生活会. 民主生活会全过程记录
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemocraticLifeCycle {
    /// The meeting (kind `DemocraticLife`).
    pub meeting: Id,
    /// Theme set by 州纪委监委 / 州党委组织部.
    #[serde(default)]
    pub theme: String,
    /// Who set the theme, e.g. 州纪委监委、州党委组织部.
    #[serde(default)]
    pub theme_source: String,
    #[serde(default)]
    pub opinions: Vec<OpinionSolicited>,
    #[serde(default)]
    pub talks: Vec<HeartTalk>,
    #[serde(default)]
    pub statements: Vec<AbsentStatement>,
    /// 批评与自我批评 notes.
    #[serde(default)]
    pub criticism: String,
    /// Follow-up tasks holding the rectification measures (整改措施).
    #[serde(default)]
    pub rectification_tasks: Vec<Id>,
}

/// The cycle record of a meeting, if any.
pub fn cycle_of(db: &Db, meeting: Id) -> Option<&DemocraticLifeCycle> {
    db.democratic_life.iter().find(|c| c.meeting == meeting)
}

/// The cycle record of a meeting, created empty on first use.
pub fn cycle_mut(db: &mut Db, meeting: Id) -> &mut DemocraticLifeCycle {
    if let Some(i) = db.democratic_life.iter().position(|c| c.meeting == meeting) {
        &mut db.democratic_life[i]
    } else {
        db.democratic_life.push(DemocraticLifeCycle { meeting, ..Default::default() });
        db.democratic_life.last_mut().expect("just pushed")
    }
}

/// Register a 民主生活会 on `date` (quick entry from the duty register): a meeting of kind
/// `DemocraticLife` with the roster of that date all present (the office corrects attendance
/// on the meeting screen), held (`Closed`) when the date has come, else planned. Returns its id.
pub fn register_meeting(db: &mut Db, date: NaiveDate, today: NaiveDate, theme: &str) -> Id {
    use super::meeting::{Meeting, MeetingKind, MeetingStage};
    let id = db.new_id();
    let attendance = super::rules::roster_for_meeting(&db.org, date);
    let chair = db.org.secretary_at(date);
    db.meetings.add(Meeting {
        id,
        kind: MeetingKind::DemocraticLife,
        title: "民主生活会".into(),
        date,
        time: String::new(),
        place: String::new(),
        chair,
        recorder: String::new(),
        observers: Vec::new(),
        attendance,
        items: Vec::new(),
        notice: None,
        materials: None,
        stage: if date <= today { MeetingStage::Closed } else { MeetingStage::Planned },
        current_item: 0,
        summary: None,
        amendments: Vec::new(),
    });
    if !theme.trim().is_empty() {
        cycle_mut(db, id).theme = theme.trim().into();
    }
    id
}

/// Days left until `due` as of `today`: positive before, 0 on the day, negative when overdue.
pub fn days_left(due: NaiveDate, today: NaiveDate) -> i64 {
    (due - today).num_days()
}

/// Pairs of members serving at the meeting who have not yet had a heart-to-heart talk.
/// The rule (第二十三条（二）) asks members to talk with one another before the meeting.
pub fn missing_talk_pairs(members: &[Id], talks: &[HeartTalk]) -> Vec<(Id, Id)> {
    let mut out = Vec::new();
    for (i, &a) in members.iter().enumerate() {
        for &b in &members[i + 1..] {
            if !talks.iter().any(|t| (t.a == a && t.b == b) || (t.a == b && t.b == a)) {
                out.push((a, b));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::democratic_life_report_due;
    use crate::domain::settings::RuleSettings;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn report_countdown_around_the_15_day_deadline() {
        let due = democratic_life_report_due(d(2026, 1, 10), &RuleSettings::default());
        assert_eq!(due, d(2026, 1, 25));
        assert_eq!(days_left(due, d(2026, 1, 10)), 15);
        assert_eq!(days_left(due, d(2026, 1, 25)), 0);
        assert_eq!(days_left(due, d(2026, 1, 26)), -1);
    }

    #[test]
    fn a_registered_past_meeting_counts_and_its_report_falls_due() {
        use crate::domain::org::{Member, Role, Term};
        use crate::domain::rules::{evaluate_duties, DutyKind};
        let mut db = Db { next_id: 10, ..Default::default() };
        db.org.members.push(Member {
            id: 1,
            name: "甲".into(),
            note: String::new(),
            terms: vec![Term {
                role: Role::Secretary,
                start: d(2020, 1, 1),
                end: None,
                director: false,
                main_leader: true,
            }],
        });
        let id = register_meeting(&mut db, d(2026, 1, 10), d(2026, 1, 26), "主题");
        assert_eq!(db.meeting(id).unwrap().attendance.len(), 1);
        assert_eq!(cycle_of(&db, id).unwrap().theme, "主题");
        let st = evaluate_duties(&db, 2026, d(2026, 1, 26));
        let life = st.iter().find(|s| s.duty == DutyKind::DemocraticLife).unwrap();
        assert_eq!(life.done, 1);
        let report = st.iter().find(|s| s.duty == DutyKind::DemocraticLifeReport).unwrap();
        assert!(report.overdue);
        let on_time = evaluate_duties(&db, 2026, d(2026, 1, 25));
        let report = on_time.iter().find(|s| s.duty == DutyKind::DemocraticLifeReport).unwrap();
        assert!(!report.overdue);
        assert_eq!(report.next_due, Some(d(2026, 1, 25)));
        // A future date is planned and does not count yet.
        let later = register_meeting(&mut db, d(2026, 12, 20), d(2026, 1, 26), "");
        assert_eq!(db.meeting(later).unwrap().stage, crate::domain::meeting::MeetingStage::Planned);
    }

    #[test]
    fn talk_pairs_count_in_either_direction() {
        let talks = vec![HeartTalk { a: 2, b: 1, date: d(2026, 1, 2) }];
        assert_eq!(missing_talk_pairs(&[1, 2, 3], &talks), vec![(1, 3), (2, 3)]);
        assert!(missing_talk_pairs(&[1], &talks).is_empty());
    }

    #[test]
    fn cycle_is_created_once_per_meeting() {
        let mut db = Db::default();
        cycle_mut(&mut db, 7).theme = "主题".into();
        cycle_mut(&mut db, 7).criticism = "批评".into();
        assert_eq!(db.democratic_life.len(), 1);
        assert_eq!(cycle_of(&db, 7).unwrap().theme, "主题");
        assert!(cycle_of(&db, 8).is_none());
    }
}
