//! The roster of a meeting (参会名单) and its chair (主持人).

use chrono::NaiveDate;

use crate::domain::{
    meeting::{Attendance, Meeting, Presence},
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
}
