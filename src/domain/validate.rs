//! Validation of the organisation and the rule settings. Each problem names the record and
//! field it belongs to, so the settings screen shows it inline beside the input.

use chrono::{Days, NaiveDate};

use super::{
    org::{Organisation, Role},
    settings::{Fraction, RuleSettings},
    Id,
};

/// Where a problem is: which record and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    UnitName,
    Superior,
    MemberName(Id),
    /// Term `index` of member `Id`.
    TermDates(Id, usize),
    Roster,
    DepartmentName(Id),
    DepartmentInCharge(Id),
    AttendeeName(Id),
    Setting(&'static str),
}

/// A validation problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A required text is empty.
    Required,
    /// Term ends before it starts.
    EndBeforeStart,
    /// Two terms of the same member overlap.
    OverlappingTerms,
    /// A member has no term.
    NoTerm,
    /// Two people share a name and neither has a distinguishing note.
    DuplicateName(String),
    /// No serving secretary on this date (while members serve).
    NoSecretary(NaiveDate),
    /// More than one serving secretary on this date.
    TwoSecretaries(NaiveDate),
    /// The department's member in charge does not exist.
    UnknownMember,
    /// A number outside its allowed range (min, max).
    OutOfRange(u64, u64),
    /// A fraction that is not a proper fraction of at most 9/10.
    BadFraction,
}

impl Problem {
    pub fn zh(&self) -> String {
        match self {
            Problem::Required => "必填".into(),
            Problem::EndBeforeStart => "任职结束日期早于开始日期".into(),
            Problem::OverlappingTerms => "同一人的任职期间重叠".into(),
            Problem::NoTerm => "至少需要一段任职期间".into(),
            Problem::DuplicateName(n) => format!("与另一人同名“{n}”，请填写区分备注"),
            Problem::NoSecretary(d) => format!("{d} 没有在任党组书记（第九条）"),
            Problem::TwoSecretaries(d) => format!("{d} 有两名在任党组书记，应当只有一名（第九条）"),
            Problem::UnknownMember => "分管党组成员不存在".into(),
            Problem::OutOfRange(a, b) => format!("应在 {a} 至 {b} 之间"),
            Problem::BadFraction => "比例应为真分数，且不超过十分之九".into(),
        }
    }
    pub fn en(&self) -> String {
        match self {
            Problem::Required => "Required".into(),
            Problem::EndBeforeStart => "The term ends before it starts".into(),
            Problem::OverlappingTerms => "Terms of the same person overlap".into(),
            Problem::NoTerm => "At least one term is needed".into(),
            Problem::DuplicateName(n) => format!("Another person is also called “{n}”: add a note to tell them apart"),
            Problem::NoSecretary(d) => format!("No serving secretary on {d} (Art. 9)"),
            Problem::TwoSecretaries(d) => format!("Two serving secretaries on {d}; there must be exactly one (Art. 9)"),
            Problem::UnknownMember => "The member in charge does not exist".into(),
            Problem::OutOfRange(a, b) => format!("Must be between {a} and {b}"),
            Problem::BadFraction => "Must be a proper fraction no larger than 9/10".into(),
        }
    }
}

/// One validation error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub field: Field,
    pub problem: Problem,
}

fn issue(field: Field, problem: Problem) -> Issue {
    Issue { field, problem }
}

/// Validate the organisation: names, terms, exactly one serving secretary at every date on
/// which anyone serves (第九条), departments.
pub fn validate_org(org: &Organisation) -> Vec<Issue> {
    let mut out = Vec::new();
    if org.unit_name.trim().is_empty() {
        out.push(issue(Field::UnitName, Problem::Required));
    }
    for m in &org.members {
        if m.name.trim().is_empty() {
            out.push(issue(Field::MemberName(m.id), Problem::Required));
        }
        if m.terms.is_empty() {
            out.push(issue(Field::TermDates(m.id, 0), Problem::NoTerm));
        }
        for (i, t) in m.terms.iter().enumerate() {
            if t.end.is_some_and(|e| e < t.start) {
                out.push(issue(Field::TermDates(m.id, i), Problem::EndBeforeStart));
            }
            for (j, u) in m.terms.iter().enumerate().skip(i + 1) {
                let t_end = t.end.unwrap_or(NaiveDate::MAX);
                let u_end = u.end.unwrap_or(NaiveDate::MAX);
                if t.start <= u_end && u.start <= t_end {
                    out.push(issue(Field::TermDates(m.id, j), Problem::OverlappingTerms));
                }
            }
        }
    }
    // Duplicate names: a pair sharing a name must be told apart by distinct notes.
    for (i, a) in org.members.iter().enumerate() {
        for b in org.members.iter().skip(i + 1) {
            if !a.name.trim().is_empty() && a.name.trim() == b.name.trim() && a.note.trim() == b.note.trim() {
                out.push(issue(Field::MemberName(b.id), Problem::DuplicateName(b.name.trim().to_string())));
            }
        }
    }
    out.extend(validate_secretaries(org));
    for d in &org.departments {
        if d.name.trim().is_empty() {
            out.push(issue(Field::DepartmentName(d.id), Problem::Required));
        }
        if let Some(m) = d.in_charge {
            if org.member(m).is_none() {
                out.push(issue(Field::DepartmentInCharge(d.id), Problem::UnknownMember));
            }
        }
    }
    for a in &org.attendees {
        if a.name.trim().is_empty() {
            out.push(issue(Field::AttendeeName(a.id), Problem::Required));
        }
    }
    out
}

/// Exactly one serving secretary on every date on which some member serves. The count only
/// changes where a term starts or the day after one ends, so those dates are checked.
fn validate_secretaries(org: &Organisation) -> Vec<Issue> {
    let terms: Vec<_> =
        org.members.iter().flat_map(|m| m.terms.iter()).filter(|t| t.end.is_none_or(|e| e >= t.start)).collect();
    let mut points: Vec<NaiveDate> = Vec::new();
    for t in &terms {
        points.push(t.start);
        if let Some(e) = t.end {
            if let Some(next) = e.checked_add_days(Days::new(1)) {
                points.push(next);
            }
        }
    }
    crate::domain::sort::sort(&mut points);
    points.dedup();
    let mut out = Vec::new();
    for d in points {
        let serving = terms.iter().filter(|t| t.covers(d)).count();
        if serving == 0 {
            continue;
        }
        let secretaries = terms.iter().filter(|t| t.covers(d) && t.role == Role::Secretary).count();
        if secretaries == 0 {
            out.push(issue(Field::Roster, Problem::NoSecretary(d)));
        } else if secretaries > 1 {
            out.push(issue(Field::Roster, Problem::TwoSecretaries(d)));
        }
    }
    out
}

fn check_fraction(out: &mut Vec<Issue>, name: &'static str, f: Fraction) {
    if f.den == 0 || f.num == 0 || f.num >= f.den || f.den > 10 || f.num * 10 > f.den * 9 {
        out.push(issue(Field::Setting(name), Problem::BadFraction));
    }
}

fn check_range(out: &mut Vec<Issue>, name: &'static str, v: u64, min: u64, max: u64) {
    if v < min || v > max {
        out.push(issue(Field::Setting(name), Problem::OutOfRange(min, max)));
    }
}

/// Validate the rule parameters: fractions proper, numbers in range.
pub fn validate_settings(s: &RuleSettings) -> Vec<Issue> {
    let mut out = Vec::new();
    check_fraction(&mut out, "open_quorum", s.open_quorum);
    check_fraction(&mut out, "special_quorum", s.special_quorum);
    check_fraction(&mut out, "pass_threshold", s.pass_threshold);
    check_range(&mut out, "expenditure_threshold_yuan", s.expenditure_threshold_yuan, 1, 100_000_000);
    let d = &s.duties;
    check_range(&mut out, "meeting_every_months", d.meeting_every_months as u64, 1, 12);
    check_range(&mut out, "study_per_year", d.study_per_year as u64, 0, 52);
    check_range(&mut out, "seminar_every_months", d.seminar_every_months as u64, 1, 12);
    check_range(&mut out, "reports_per_year", d.reports_per_year as u64, 0, 12);
    check_range(&mut out, "democratic_life_per_year", d.democratic_life_per_year as u64, 0, 4);
    check_range(&mut out, "democratic_life_report_days", d.democratic_life_report_days as u64, 1, 90);
    check_range(&mut out, "branch_reports_per_year", d.branch_reports_per_year as u64, 0, 12);
    check_range(&mut out, "village_days_per_year", d.village_days_per_year as u64, 0, 366);
    check_range(&mut out, "integrity_meetings_per_half_year", d.integrity_meetings_per_half_year as u64, 0, 6);
    check_range(&mut out, "ideology_meetings_per_year", d.ideology_meetings_per_year as u64, 0, 12);
    check_range(&mut out, "ideology_briefings_per_year", d.ideology_briefings_per_year as u64, 0, 12);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org::{Member, Term};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn term(role: Role, start: &str, end: Option<&str>) -> Term {
        Term { role, start: d(start), end: end.map(d), director: false, main_leader: false }
    }
    fn member(id: Id, name: &str, terms: Vec<Term>) -> Member {
        Member { id, name: name.into(), note: String::new(), terms }
    }
    fn org(members: Vec<Member>) -> Organisation {
        Organisation {
            unit_name: "昌吉州交通运输局".into(), superior: "州党委".into(), members, ..Default::default()
        }
    }

    #[test]
    fn a_valid_organisation_has_no_issues() {
        let o = org(vec![
            member(1, "张三", vec![term(Role::Secretary, "2020-01-01", None)]),
            member(2, "李四", vec![term(Role::Member, "2020-01-01", None)]),
        ]);
        assert_eq!(validate_org(&o), vec![]);
    }

    #[test]
    fn secretary_succession_without_gap_is_valid_and_a_gap_is_not() {
        let ok = org(vec![
            member(1, "甲", vec![term(Role::Secretary, "2020-01-01", Some("2022-06-30"))]),
            member(
                2,
                "乙",
                vec![term(Role::Member, "2020-01-01", Some("2022-06-30")), term(Role::Secretary, "2022-07-01", None)],
            ),
        ]);
        assert_eq!(validate_org(&ok), vec![]);
        let gap = org(vec![
            member(1, "甲", vec![term(Role::Secretary, "2020-01-01", Some("2022-06-29"))]),
            member(
                2,
                "乙",
                vec![term(Role::Member, "2020-01-01", Some("2022-06-30")), term(Role::Secretary, "2022-07-01", None)],
            ),
        ]);
        let issues = validate_org(&gap);
        assert_eq!(issues, vec![issue(Field::Roster, Problem::NoSecretary(d("2022-06-30")))]);
    }

    #[test]
    fn two_secretaries_overlapping_by_one_day_are_reported() {
        let o = org(vec![
            member(1, "甲", vec![term(Role::Secretary, "2020-01-01", Some("2022-07-01"))]),
            member(2, "乙", vec![term(Role::Secretary, "2022-07-01", None)]),
        ]);
        assert_eq!(validate_org(&o), vec![issue(Field::Roster, Problem::TwoSecretaries(d("2022-07-01")))]);
    }

    #[test]
    fn term_end_before_start_and_overlapping_terms_are_reported() {
        let o = org(vec![
            member(1, "甲", vec![term(Role::Secretary, "2020-01-01", None)]),
            member(2, "乙", vec![term(Role::Member, "2021-01-01", Some("2020-12-31"))]),
            member(
                3,
                "丙",
                vec![
                    term(Role::Member, "2020-01-01", Some("2021-01-01")),
                    term(Role::DeputySecretary, "2021-01-01", None),
                ],
            ),
        ]);
        let issues = validate_org(&o);
        assert!(issues.contains(&issue(Field::TermDates(2, 0), Problem::EndBeforeStart)));
        assert!(issues.contains(&issue(Field::TermDates(3, 1), Problem::OverlappingTerms)));
    }

    #[test]
    fn duplicate_names_need_a_distinguishing_note() {
        let mut o = org(vec![
            member(1, "王芳", vec![term(Role::Secretary, "2020-01-01", None)]),
            member(2, "王芳", vec![term(Role::Member, "2020-01-01", None)]),
        ]);
        assert_eq!(validate_org(&o), vec![issue(Field::MemberName(2), Problem::DuplicateName("王芳".into()))]);
        o.members[1].note = "规划科".into();
        assert_eq!(validate_org(&o), vec![]);
    }

    #[test]
    fn empty_unit_name_and_unknown_department_head_are_reported() {
        let mut o = org(vec![member(1, "甲", vec![term(Role::Secretary, "2020-01-01", None)])]);
        o.unit_name = "  ".into();
        o.departments.push(crate::domain::org::Department {
            id: 9,
            name: "办公室".into(),
            head: String::new(),
            in_charge: Some(42),
        });
        let issues = validate_org(&o);
        assert!(issues.contains(&issue(Field::UnitName, Problem::Required)));
        assert!(issues.contains(&issue(Field::DepartmentInCharge(9), Problem::UnknownMember)));
    }

    #[test]
    fn default_settings_are_valid_and_bad_values_are_caught() {
        assert_eq!(validate_settings(&RuleSettings::default()), vec![]);
        let mut s = RuleSettings {
            open_quorum: Fraction { num: 3, den: 2 },
            expenditure_threshold_yuan: 0,
            ..Default::default()
        };
        s.duties.meeting_every_months = 0;
        let issues = validate_settings(&s);
        assert!(issues.contains(&issue(Field::Setting("open_quorum"), Problem::BadFraction)));
        assert!(
            issues.contains(&issue(Field::Setting("expenditure_threshold_yuan"), Problem::OutOfRange(1, 100_000_000)))
        );
        assert!(issues.contains(&issue(Field::Setting("meeting_every_months"), Problem::OutOfRange(1, 12))));
        assert_eq!(issues.len(), 3);
    }
}
