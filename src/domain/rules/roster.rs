//! The roster of a meeting (参会名单) and its chair (主持人).

use chrono::NaiveDate;

use crate::domain::{
    meeting::{Attendance, Meeting, MeetingStage, Presence},
    org::{Organisation, Role},
    Id,
};

/// The attendance snapshot for a meeting on `date`: every member serving that day, secretary
/// first, then deputy secretaries, then members (each group in entry order), all
/// [`Presence::Present`] and counted. The snapshot is stored in the meeting so later changes
/// of terms never rewrite history.
pub fn roster_for_meeting(org: &Organisation, date: NaiveDate) -> Vec<Attendance> {
    org.roster_at(date)
        .into_iter()
        .map(|r| Attendance { member: r.member, role: r.role, presence: Presence::Present, not_counted: None })
        .collect()
}

/// The roster `m` should have on its date: the members serving that day
/// ([`roster_for_meeting`]), each keeping the leave and not-counted marks already recorded.
/// Members no longer serving drop out, members added since come in as present.
pub fn roster_following(org: &Organisation, m: &Meeting) -> Vec<Attendance> {
    roster_for_meeting(org, m.date)
        .into_iter()
        .map(|mut a| {
            if let Some(o) = m.attendance_of(a.member) {
                a.presence = o.presence.clone();
                a.not_counted = o.not_counted.clone();
            }
            a
        })
        .collect()
}

/// Bring a planned meeting's roster up to date with the members serving on its date (第十八条（四）:
/// 应到会 counts the members of the group; until 宣布开会 the group's membership on that date is
/// what counts). From 宣布开会 on the roster is the record of who was due and is never changed
/// here. Recusals of members who dropped out are removed. Returns whether anything changed.
pub fn follow_roster(org: &Organisation, m: &mut Meeting) -> bool {
    if m.stage != MeetingStage::Planned {
        return false;
    }
    let fresh = roster_following(org, m);
    if fresh == m.attendance {
        return false;
    }
    m.attendance = fresh;
    let on: Vec<Id> = m.attendance.iter().map(|a| a.member).collect();
    for r in &mut m.items {
        r.recused.retain(|x| on.contains(x));
    }
    if m.chair.is_none_or(|c| !on.contains(&c)) {
        m.chair = org.secretary_at(m.date);
    }
    true
}

/// Who presides (会议主持人, 第九条, 第十八条（五）): `m.chair` when set, otherwise the secretary on
/// the meeting's roster. The chair states a position last (末位表态制).
pub fn chair_of(m: &Meeting) -> Option<Id> {
    m.chair.or_else(|| m.attendance.iter().find(|a| a.role == Role::Secretary).map(|a| a.member))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org::{Member, Term};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn roster_is_the_serving_members_on_the_date_secretary_first() {
        let t = |role, s: &str, e: Option<&str>| Term {
            role,
            start: d(s),
            end: e.map(d),
            director: false,
            main_leader: false,
        };
        let org = Organisation {
            members: vec![
                Member {
                    id: 1,
                    name: "甲".into(),
                    note: String::new(),
                    terms: vec![t(Role::Member, "2020-01-01", None)],
                },
                Member {
                    id: 2,
                    name: "乙".into(),
                    note: String::new(),
                    terms: vec![t(Role::Secretary, "2020-01-01", None)],
                },
                Member {
                    id: 3,
                    name: "丙".into(),
                    note: String::new(),
                    terms: vec![t(Role::Member, "2020-01-01", Some("2021-06-30"))],
                },
                Member {
                    id: 4,
                    name: "丁".into(),
                    note: String::new(),
                    terms: vec![t(Role::DeputySecretary, "2021-07-01", None)],
                },
            ],
            ..Default::default()
        };
        let ids = |date| roster_for_meeting(&org, d(date)).iter().map(|a| a.member).collect::<Vec<_>>();
        assert_eq!(ids("2021-06-30"), vec![2, 1, 3]);
        assert_eq!(ids("2021-07-01"), vec![2, 4, 1]);
        assert!(roster_for_meeting(&org, d("2021-07-01"))
            .iter()
            .all(|a| a.presence == Presence::Present && a.not_counted.is_none()));
    }

    fn planned(org: &Organisation, date: &str) -> Meeting {
        let mut m = crate::domain::summary::test_support::meeting(1, date);
        m.stage = MeetingStage::Planned;
        m.attendance = roster_for_meeting(org, d(date));
        m.chair = org.secretary_at(d(date));
        m
    }

    fn member(id: Id, role: Role, start: &str, end: Option<&str>) -> Member {
        Member {
            id,
            name: format!("成员{id}"),
            note: String::new(),
            terms: vec![Term { role, start: d(start), end: end.map(d), director: false, main_leader: false }],
        }
    }

    /// 第十八条（四）: until 宣布开会 the roster (and so 应到会) follows the members serving on the
    /// meeting's date; from 宣布开会 it is fixed.
    #[test]
    fn a_planned_roster_follows_the_members_serving_on_its_date_until_opened() {
        let mut org = Organisation {
            members: vec![
                member(1, Role::Secretary, "2020-01-01", None),
                member(2, Role::Member, "2020-01-01", None),
                member(3, Role::Member, "2020-01-01", None),
            ],
            ..Default::default()
        };
        let mut m = planned(&org, "2026-03-16");
        m.attendance[1].presence = Presence::Leave { reason: "出差".into(), asked_on: None };
        m.items.push(crate::domain::meeting::ItemRecord {
            ballot: None,
            decision: String::new(),
            item: 10,
            notes: vec![],
            opinions: vec![],
            recused: vec![3],
            result: None,
            superseded_by: None,
            supersedes: None,
        });
        assert!(!follow_roster(&org, &mut m), "nothing changed in 设置: nothing to do");
        // 设置: a member joins, a member's term ends before the meeting.
        org.members.push(member(4, Role::Member, "2026-03-01", None));
        org.members[2].terms[0].end = Some(d("2026-03-10"));
        assert!(follow_roster(&org, &mut m));
        let ids: Vec<Id> = m.attendance.iter().map(|a| a.member).collect();
        assert_eq!(ids, vec![1, 2, 4], "the new member is due, the departed one is not");
        assert!(matches!(m.attendance[1].presence, Presence::Leave { .. }), "recorded leave is kept");
        assert!(m.items[0].recused.is_empty(), "a recusal of a member no longer due goes");
        // From 宣布开会 the roster is the record: a later change in 设置 does not touch it.
        m.stage = MeetingStage::InProgress;
        org.members.push(member(5, Role::Member, "2026-03-02", None));
        assert!(!follow_roster(&org, &mut m));
        assert_eq!(m.attendance.len(), 3);
    }
}
