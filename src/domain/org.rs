//! The organisation: the unit, its Party-group members with their terms, departments
//! and the people who may attend without a vote (第三、九条).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Id;

/// The unit and its people. 单位与党组成员
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    /// 单位名称, e.g. 昌吉州交通运输局
    pub unit_name: String,
    /// 上级党委, e.g. 昌吉州党委 (第三条)
    pub superior: String,
    pub members: Vec<Member>,
    pub departments: Vec<Department>,
    /// 列席人员: non-member leaders and department heads who may attend without a vote.
    pub attendees: Vec<NonMember>,
}

/// Role in the Party group. 职务
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// 党组书记 (chairs the group, 第九条)
    Secretary,
    /// 党组副书记
    DeputySecretary,
    /// 党组成员
    Member,
}

/// One term of office of a member. A member whose role changes gets a new term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub role: Role,
    /// 任职开始 (inclusive)
    #[serde(with = "crate::domain::date_format")]
    pub start: NaiveDate,
    /// 任职结束 (inclusive); `None` while serving.
    #[serde(default, deserialize_with = "crate::domain::date_format::option")]
    pub end: Option<NaiveDate>,
    /// Also 局长 (director): administrative items need the director's consent (第十八条（二）).
    #[serde(default)]
    pub director: bool,
    /// 主要领导: counted for the 访惠聚 village days (第二十六条).
    #[serde(default)]
    pub main_leader: bool,
}

impl Term {
    /// Whether this term covers `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|e| date <= e)
    }
}

/// A Party-group member (党组成员) with the history of their terms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: Id,
    pub name: String,
    /// Distinguishes two people of the same name (e.g. 大/小, a department).
    #[serde(default)]
    pub note: String,
    pub terms: Vec<Term>,
}

impl Member {
    /// The term in force on `date`, if the member serves then.
    pub fn term_at(&self, date: NaiveDate) -> Option<&Term> {
        self.terms.iter().find(|t| t.covers(date))
    }
    /// Whether the member serves on `date`.
    pub fn serves_on(&self, date: NaiveDate) -> bool {
        self.term_at(date).is_some()
    }
    /// Whether every term of the member ended before `date` (往届成员, a former member). A
    /// member with no term, or with a term still open or yet to begin, has not left.
    pub fn has_left(&self, date: NaiveDate) -> bool {
        !self.terms.is_empty() && self.terms.iter().all(|t| t.end.is_some_and(|e| e < date))
    }
    /// Role on `date`.
    pub fn role_at(&self, date: NaiveDate) -> Option<Role> {
        self.term_at(date).map(|t| t.role)
    }
    /// Name plus note, for lists where two members share a name.
    pub fn display_name(&self) -> String {
        if self.note.trim().is_empty() {
            self.name.clone()
        } else {
            format!("{}（{}）", self.name, self.note.trim())
        }
    }
}

/// A department (科室) with the member in charge of it (分管).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    pub id: Id,
    pub name: String,
    /// 科室负责人 (head of the department; not a member of the group)
    #[serde(default)]
    pub head: String,
    /// 分管党组成员
    pub in_charge: Option<Id>,
}

/// Someone who may attend without a vote (列席).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NonMember {
    pub id: Id,
    pub name: String,
    /// 职务, e.g. 副局长, 办公室主任
    pub position: String,
}

/// A member as listed on a given date (the roster at a meeting).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterEntry {
    pub member: Id,
    pub role: Role,
    pub director: bool,
    pub main_leader: bool,
}

impl Organisation {
    pub fn member(&self, id: Id) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }
    pub fn department(&self, id: Id) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }
    pub fn attendee(&self, id: Id) -> Option<&NonMember> {
        self.attendees.iter().find(|a| a.id == id)
    }
    /// Display name of a member id, or `#id` when it is unknown.
    pub fn member_name(&self, id: Id) -> String {
        self.member(id).map(|m| m.display_name()).unwrap_or_else(|| format!("#{id}"))
    }

    /// The members serving on `date`, secretary first, then deputies, then members,
    /// each group in the order they were entered. 某日在任党组成员
    pub fn roster_at(&self, date: NaiveDate) -> Vec<RosterEntry> {
        let mut out: Vec<RosterEntry> = self
            .members
            .iter()
            .filter_map(|m| {
                m.term_at(date).map(|t| RosterEntry {
                    member: m.id,
                    role: t.role,
                    director: t.director,
                    main_leader: t.main_leader,
                })
            })
            .collect();
        crate::domain::sort::sort_by_key(&mut out, |r| r.role);
        out
    }

    /// The serving secretary (书记) on `date`.
    pub fn secretary_at(&self, date: NaiveDate) -> Option<Id> {
        self.roster_at(date).into_iter().find(|r| r.role == Role::Secretary).map(|r| r.member)
    }

    /// The serving director (局长) on `date`.
    pub fn director_at(&self, date: NaiveDate) -> Option<Id> {
        self.roster_at(date).into_iter().find(|r| r.director).map(|r| r.member)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn member(terms: &[(NaiveDate, Option<NaiveDate>)]) -> Member {
        Member {
            id: 1,
            name: "王".into(),
            note: String::new(),
            terms: terms
                .iter()
                .map(|&(start, end)| Term { role: Role::Member, start, end, director: false, main_leader: false })
                .collect(),
        }
    }

    #[test]
    fn a_member_has_left_only_after_the_last_day_of_every_term() {
        let today = d(2026, 11, 29);
        // Ended the day before: left. Ends today: still serving today.
        assert!(member(&[(d(2020, 1, 1), Some(d(2026, 11, 28)))]).has_left(today));
        assert!(!member(&[(d(2020, 1, 1), Some(today))]).has_left(today));
        assert!(member(&[(d(2020, 1, 1), Some(today))]).serves_on(today));
        // An open term, or one that begins later, means not left; nor does having no term.
        assert!(!member(&[(d(2016, 1, 1), Some(d(2018, 1, 1))), (d(2019, 1, 1), None)]).has_left(today));
        assert!(!member(&[(d(2016, 1, 1), Some(d(2018, 1, 1))), (d(2027, 1, 1), None)]).has_left(today));
        assert!(!member(&[]).has_left(today));
        // Two ended terms: left.
        assert!(member(&[(d(2016, 1, 1), Some(d(2018, 1, 1))), (d(2019, 1, 1), Some(d(2021, 6, 30)))]).has_left(today));
    }
}
