//! Builders shared by the rules tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use yishi::domain::{
    category::Category,
    item::AgendaItem,
    meeting::{Attendance, ItemRecord, Meeting, MeetingKind, MeetingStage, Presence},
    org::{Member, Organisation, Role, Term},
    Id,
};

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A meeting of `n` members with ids 1..=n, member 1 the secretary, all present, one item (id 100).
pub fn meeting(n: u32) -> Meeting {
    Meeting {
        id: 1,
        kind: MeetingKind::Regular,
        title: String::new(),
        date: d("2026-03-10"),
        time: String::new(),
        place: String::new(),
        chair: None,
        recorder: String::new(),
        observers: vec![],
        attendance: (1..=n)
            .map(|id| Attendance {
                member: id,
                role: if id == 1 { Role::Secretary } else { Role::Member },
                presence: Presence::Present,
                not_counted: None,
            })
            .collect(),
        items: vec![record(100)],
        notice: None,
        materials: None,
        stage: MeetingStage::InProgress,
        current_item: 0,
        summary: None,
        amendments: vec![],
    }
}

pub fn record(item: Id) -> ItemRecord {
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

pub fn absent(m: &mut Meeting, id: Id) {
    m.attendance.iter_mut().find(|a| a.member == id).unwrap().presence = Presence::Absent;
}

pub fn on_leave(m: &mut Meeting, id: Id) {
    m.attendance.iter_mut().find(|a| a.member == id).unwrap().presence =
        Presence::Leave { reason: "出差".into(), asked_on: None };
}

pub fn not_counted(m: &mut Meeting, id: Id) {
    m.attendance.iter_mut().find(|a| a.member == id).unwrap().not_counted = Some("长期病休".into());
}

pub fn term(role: Role, start: &str, end: Option<&str>) -> Term {
    Term { role, start: d(start), end: end.map(d), director: false, main_leader: false }
}

pub fn member(id: Id, name: &str, terms: Vec<Term>) -> Member {
    Member { id, name: name.into(), note: String::new(), terms }
}

/// 昌吉州交通运输局 with secretary 1 (director, main leader), deputy 2, members 3..=5, from 2020.
pub fn org() -> Organisation {
    let mut sec = term(Role::Secretary, "2020-01-01", None);
    sec.director = true;
    sec.main_leader = true;
    Organisation {
        unit_name: "昌吉州交通运输局".into(),
        superior: "州党委".into(),
        members: vec![
            member(1, "书记甲", vec![sec]),
            member(2, "副书记乙", vec![term(Role::DeputySecretary, "2020-01-01", None)]),
            member(3, "成员丙", vec![term(Role::Member, "2020-01-01", None)]),
            member(4, "成员丁", vec![term(Role::Member, "2020-01-01", None)]),
            member(5, "成员戊", vec![term(Role::Member, "2020-01-01", None)]),
        ],
        departments: vec![],
        attendees: vec![],
    }
}

/// An agenda item proposed by the secretary on 2026-03-01 (80,000 yuan, not administrative).
pub fn agenda_item(id: Id, title: &str, category: Category) -> AgendaItem {
    AgendaItem { amount_yuan: Some(80_000), ..AgendaItem::proposed(id, title, category, d("2026-03-01")) }
}
