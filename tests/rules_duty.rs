//! Duty schedules (第十二、十八、十九、二十二至二十八条): periods, year boundaries, a leap year,
//! the 15-day report deadline on a month end, mid-year terms, coverage of integrity talks.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod rules_support;

use std::sync::Arc;

use rules_support::*;
use yishi::domain::{
    category::Category,
    db::{Db, Records},
    democratic_life::{AbsentStatement, DemocraticLifeCycle},
    evidence::{Evidence, EvidenceKind},
    meeting::{Meeting, MeetingKind, MeetingStage, WrittenOpinion},
    org::{Department, Role},
    rules::{democratic_life_report_due, evaluate_duties, DutyKind, DutyStatus, EvidenceRef},
    settings::RuleSettings,
    Id,
};

/// A register kept since before the years these tests look at (台账起始日期 2020-01-01), so
/// that every period of them is judged.
fn db() -> Db {
    let mut settings = RuleSettings::default();
    settings.duties.ledger_start = Some(d("2020-01-01"));
    Db { org: org(), settings, next_id: 1000, ..Default::default() }
}

fn add_meeting<'a>(db: &'a mut Db, id: Id, kind: MeetingKind, date: &str) -> &'a mut Meeting {
    let mut m = meeting(5);
    m.id = id;
    m.kind = kind;
    m.date = d(date);
    m.stage = MeetingStage::Closed;
    m.items.clear();
    db.meetings.add(m);
    Arc::make_mut(db.meetings.last_mut().unwrap())
}

fn add_evidence<'a>(db: &'a mut Db, id: Id, kind: EvidenceKind, date: &str, member: Option<Id>) -> &'a mut Evidence {
    db.evidence.add(Evidence {
        id,
        kind,
        date: d(date),
        member,
        counterpart: None,
        department: None,
        days: None,
        note: String::new(),
    });
    Arc::make_mut(db.evidence.last_mut().unwrap())
}

fn duty(db: &Db, year: i32, today: &str, kind: DutyKind) -> DutyStatus {
    evaluate_duties(db, year, d(today)).into_iter().find(|s| s.duty == kind).unwrap()
}

#[test]
fn every_row_of_the_table_is_evaluated_with_its_article() {
    let all = evaluate_duties(&db(), 2026, d("2026-06-01"));
    assert_eq!(all.len(), DutyKind::ALL.len());
    assert_eq!(DutyKind::PartyGroupMeeting.article().zh(), "第十八条（一）");
    assert_eq!(DutyKind::DemocraticLifeReport.article().zh(), "第二十三条（四）");
    assert_eq!(DutyKind::VillageDays.article().zh(), "第二十六条");
    assert_eq!(DutyKind::IntegrityTalks.article().zh(), "第二十七条");
    assert_eq!(DutyKind::IdeologyBriefing.article().zh(), "第二十八条");
}

#[test]
fn fifteen_day_report_deadline_including_month_ends_and_year_end() {
    let s = RuleSettings::default();
    assert_eq!(democratic_life_report_due(d("2026-01-10"), &s), d("2026-01-25"));
    assert_eq!(democratic_life_report_due(d("2026-02-13"), &s), d("2026-02-28"));
    assert_eq!(democratic_life_report_due(d("2024-02-14"), &s), d("2024-02-29"));
    assert_eq!(democratic_life_report_due(d("2025-12-20"), &s), d("2026-01-04"));
}

#[test]
fn democratic_life_report_is_overdue_from_the_sixteenth_day() {
    let mut db = db();
    add_meeting(&mut db, 1, MeetingKind::DemocraticLife, "2026-01-10");
    let on_time = duty(&db, 2026, "2026-01-25", DutyKind::DemocraticLifeReport);
    assert_eq!(
        (on_time.required, on_time.done, on_time.overdue, on_time.next_due),
        (1, 0, false, Some(d("2026-01-25")))
    );
    let late = duty(&db, 2026, "2026-01-26", DutyKind::DemocraticLifeReport);
    assert!(late.overdue);
    assert_eq!(late.gaps, vec!["2026-01-10民主生活会后15天内未报送（期限2026-01-25）".to_string()]);
    add_evidence(&mut db, 7, EvidenceKind::DemocraticLifeReport, "2026-01-25", None);
    let done = duty(&db, 2026, "2026-03-01", DutyKind::DemocraticLifeReport);
    assert_eq!((done.done, done.overdue, done.evidence.clone()), (1, false, vec![EvidenceRef::Evidence(7)]));
    assert!(done.gaps.is_empty());
    Arc::make_mut(&mut db.evidence[0]).date = d("2026-01-27");
    let filed_late = duty(&db, 2026, "2026-03-01", DutyKind::DemocraticLifeReport);
    assert_eq!((filed_late.done, filed_late.overdue), (1, false));
    assert_eq!(filed_late.gaps.len(), 1, "a late report is done but noted");
}

#[test]
fn a_december_meeting_is_reported_in_january_and_counts_for_its_own_year() {
    let mut db = db();
    add_meeting(&mut db, 1, MeetingKind::DemocraticLife, "2025-12-20");
    add_evidence(&mut db, 7, EvidenceKind::DemocraticLifeReport, "2026-01-03", None);
    let y2025 = duty(&db, 2025, "2026-02-01", DutyKind::DemocraticLifeReport);
    assert_eq!((y2025.required, y2025.done, y2025.overdue), (1, 1, false));
    let life2025 = duty(&db, 2025, "2026-02-01", DutyKind::DemocraticLife);
    assert_eq!((life2025.required, life2025.done, life2025.overdue), (1, 1, false));
    let y2026 = duty(&db, 2026, "2026-02-01", DutyKind::DemocraticLifeReport);
    assert_eq!((y2026.required, y2026.done), (0, 0));
    // Before the report was filed, on 2026-01-04 it is still due, on 2026-01-05 overdue.
    db.evidence.clear();
    assert_eq!(duty(&db, 2025, "2026-01-04", DutyKind::DemocraticLifeReport).next_due, Some(d("2026-01-04")));
    assert!(duty(&db, 2025, "2026-01-05", DutyKind::DemocraticLifeReport).overdue);
}

#[test]
fn monthly_meetings_count_only_when_held_and_gaps_name_the_month() {
    let mut db = db();
    add_meeting(&mut db, 1, MeetingKind::Regular, "2026-01-08");
    add_meeting(&mut db, 2, MeetingKind::AdHoc, "2026-02-27");
    add_meeting(&mut db, 3, MeetingKind::Regular, "2026-03-05").stage = MeetingStage::Planned; // never marked held
    add_meeting(&mut db, 4, MeetingKind::CentralStudy, "2026-03-20"); // a study session, not a 党组会议
    add_meeting(&mut db, 5, MeetingKind::IntegrityMeeting, "2026-04-02"); // a thematic Party-group meeting counts
    add_meeting(&mut db, 6, MeetingKind::Regular, "2026-05-20"); // in the future on 2026-05-15
    let st = duty(&db, 2026, "2026-05-15", DutyKind::PartyGroupMeeting);
    assert_eq!((st.required, st.done), (12, 3));
    assert!(st.overdue);
    assert_eq!(st.gaps, vec!["2026年3月未召开党组会议".to_string()]);
    assert_eq!(st.next_due, Some(d("2026-05-31")));
    assert_eq!(st.evidence, vec![EvidenceRef::Meeting(1), EvidenceRef::Meeting(2), EvidenceRef::Meeting(5)]);
    // Per-member attendance of the meetings held.
    assert_eq!(st.per_member[0], (1, 3, 3));
    let study = duty(&db, 2026, "2026-05-15", DutyKind::CentralStudy);
    assert_eq!((study.required, study.done), (12, 1));
    assert_eq!(study.gaps.len(), 3, "Jan, Feb, Apr without study: {:?}", study.gaps);
}

/// 台账起始日期: before the register starts the absence of a record says nothing, so nothing
/// before it is required or flagged; unset, it is the date of the first record.
#[test]
fn nothing_before_the_register_start_is_required_or_flagged() {
    let mut db = db();
    db.settings.duties.ledger_start = None;
    add_meeting(&mut db, 1, MeetingKind::Regular, "2026-03-05");
    add_meeting(&mut db, 2, MeetingKind::Regular, "2026-04-05");
    let st = duty(&db, 2026, "2026-05-15", DutyKind::PartyGroupMeeting);
    assert_eq!((st.required, st.done), (10, 2), "March to December");
    assert!(st.gaps.is_empty() && !st.overdue, "{:?}", st.gaps);
    assert_eq!(duty(&db, 2025, "2026-05-15", DutyKind::PartyGroupMeeting).required, 0, "before the first record");
    assert!(!duty(&db, 2025, "2026-05-15", DutyKind::ComprehensiveReport).overdue);
    // Set earlier in 设置, January and February are judged again.
    db.settings.duties.ledger_start = Some(d("2026-01-01"));
    let st = duty(&db, 2026, "2026-05-15", DutyKind::PartyGroupMeeting);
    assert_eq!(st.gaps, vec!["2026年1月未召开党组会议".to_string(), "2026年2月未召开党组会议".to_string()]);
    assert!(st.overdue);
}

#[test]
fn leap_day_meetings_count_for_february() {
    let mut db = db();
    add_meeting(&mut db, 1, MeetingKind::Regular, "2024-02-29");
    add_meeting(&mut db, 2, MeetingKind::Regular, "2024-01-31");
    let st = duty(&db, 2024, "2024-03-01", DutyKind::PartyGroupMeeting);
    assert_eq!(st.done, 2);
    assert!(!st.overdue);
    assert_eq!(st.next_due, Some(d("2024-03-31")));
    let st = duty(&db, 2024, "2024-02-29", DutyKind::PartyGroupMeeting);
    assert_eq!(st.next_due, Some(d("2024-03-31")), "February is covered on its last day");
}

#[test]
fn periods_before_the_group_existed_are_not_required() {
    let mut db = db();
    for m in &mut db.org.members {
        m.terms[0].start = d("2026-04-15");
    }
    let st = duty(&db, 2026, "2027-01-10", DutyKind::PartyGroupMeeting);
    assert_eq!(st.required, 9, "April to December");
    let seminar = duty(&db, 2026, "2027-01-10", DutyKind::StudySeminar);
    assert_eq!(seminar.required, 5, "Mar–Apr, May–Jun, Jul–Aug, Sep–Oct, Nov–Dec");
    assert_eq!(seminar.gaps[0], "2026年3–4月未开展专题研讨");
    assert_eq!(duty(&db, 2025, "2027-01-10", DutyKind::ComprehensiveReport).required, 0);
}

#[test]
fn integrity_meeting_each_half_year_and_yearly_counts() {
    let mut db = db();
    add_meeting(&mut db, 1, MeetingKind::IntegrityMeeting, "2026-03-01");
    add_meeting(&mut db, 2, MeetingKind::IdeologyMeeting, "2026-05-01");
    let st = duty(&db, 2026, "2026-08-01", DutyKind::IntegrityMeeting);
    assert_eq!((st.required, st.done, st.overdue, st.next_due), (2, 1, false, Some(d("2026-12-31"))));
    let st = duty(&db, 2026, "2027-01-01", DutyKind::IntegrityMeeting);
    assert!(st.overdue);
    assert_eq!(st.gaps, vec!["2026年下半年未召开党风廉政建设专题会议".to_string()]);
    let ideo = duty(&db, 2026, "2026-08-01", DutyKind::IdeologyMeeting);
    assert_eq!((ideo.required, ideo.done, ideo.overdue, ideo.next_due), (2, 1, false, Some(d("2026-12-31"))));
    let ideo = duty(&db, 2026, "2027-01-01", DutyKind::IdeologyMeeting);
    assert!(ideo.overdue);
    assert_eq!(ideo.gaps, vec!["2026年召开意识形态专题会议1次，少于2次".to_string()]);
}

#[test]
fn a_member_whose_term_starts_mid_year() {
    let mut db = db();
    let mut t = term(Role::Member, "2026-07-01", None);
    t.main_leader = true;
    db.org.members.push(member(6, "新成员己", vec![t]));
    // Village days: pro-rated, ceil(15 × 184 / 365) = 8; the secretary owes 15.
    add_evidence(&mut db, 1, EvidenceKind::VillageDays, "2026-08-01", Some(6)).days = Some(8);
    add_evidence(&mut db, 2, EvidenceKind::VillageDays, "2026-05-01", Some(1)).days = Some(10);
    add_evidence(&mut db, 3, EvidenceKind::VillageDays, "2025-12-31", Some(1)).days = Some(10); // other year
    let v = duty(&db, 2026, "2027-01-02", DutyKind::VillageDays);
    assert_eq!(v.per_member, vec![(1, 10, 15), (6, 8, 8)]);
    assert_eq!((v.required, v.done, v.overdue), (2, 1, true));
    assert_eq!(v.gaps, vec!["书记甲驻村10天，少于15天".to_string()]);
    // Not serving in 2025: owes nothing then.
    assert_eq!(duty(&db, 2025, "2026-01-02", DutyKind::VillageDays).per_member, vec![(1, 10, 15)]);
    // Leap year: the year has 366 days.
    db.org.members[5].terms[0].start = d("2024-10-01"); // 92 of 366 days: ceil(3.77) = 4
    assert_eq!(duty(&db, 2024, "2024-12-01", DutyKind::VillageDays).per_member[1], (6, 0, 4));
    db.org.members[5].terms[0].start = d("2026-07-01");
    // Contact point: required from the year the term starts; one recorded earlier still stands.
    add_evidence(&mut db, 4, EvidenceKind::ContactPoint, "2021-03-01", Some(1));
    let cp = duty(&db, 2025, "2025-06-01", DutyKind::ContactPoint);
    assert_eq!((cp.required, cp.done), (5, 1));
    let cp = duty(&db, 2026, "2027-01-05", DutyKind::ContactPoint);
    assert_eq!((cp.required, cp.done, cp.overdue), (6, 1, true));
    assert!(cp.per_member.contains(&(6, 0, 1)));
    assert!(cp.gaps.contains(&"新成员己未落实基层联系点".to_string()));
}

#[test]
fn integrity_talks_cover_deputy_with_members_and_members_with_departments() {
    let mut db = db();
    db.org.departments = vec![
        Department { id: 10, name: "规划科".into(), head: "科长".into(), in_charge: Some(3) },
        Department { id: 11, name: "办公室".into(), head: "主任".into(), in_charge: None },
    ];
    add_evidence(&mut db, 1, EvidenceKind::IntegrityTalk, "2026-03-01", Some(2)).counterpart = Some(3);
    add_evidence(&mut db, 2, EvidenceKind::IntegrityTalk, "2026-03-02", Some(4)).counterpart = Some(2); // either direction
    add_evidence(&mut db, 3, EvidenceKind::IntegrityTalk, "2026-03-03", Some(3)).department = Some(10);
    add_evidence(&mut db, 4, EvidenceKind::IntegrityTalk, "2025-12-31", Some(2)).counterpart = Some(5); // last year
    let st = duty(&db, 2026, "2026-06-01", DutyKind::IntegrityTalks);
    assert_eq!((st.required, st.done, st.overdue, st.next_due), (4, 3, false, Some(d("2026-12-31"))));
    assert_eq!(st.per_member, vec![(2, 2, 3), (3, 1, 1)]);
    let st = duty(&db, 2026, "2027-01-01", DutyKind::IntegrityTalks);
    assert_eq!(st.gaps, vec!["副书记乙与成员戊未进行廉政谈话".to_string()]);
    // Without a deputy secretary the secretary holds the talks.
    db.org.members.remove(1);
    db.org.departments.clear();
    let st = duty(&db, 2026, "2026-06-01", DutyKind::IntegrityTalks);
    assert_eq!(st.per_member, vec![(1, 0, 3)]);
}

#[test]
fn absentees_of_the_democratic_life_meeting_owe_a_written_statement() {
    let mut db = db();
    let m = add_meeting(&mut db, 1, MeetingKind::DemocraticLife, "2026-01-10");
    absent(m, 4);
    on_leave(m, 5);
    let mut rec = record(500);
    rec.opinions.push(WrittenOpinion { member: 5, text: "书面发言".into() });
    m.items.push(rec);
    let st = duty(&db, 2026, "2026-02-01", DutyKind::DemocraticLife);
    assert_eq!(st.gaps, vec!["2026-01-10民主生活会缺席的成员丁未提交书面发言（第二十三条（三））".to_string()]);
    // A statement recorded on the 民主生活会 screen counts too; an empty one or another
    // member's, or one recorded for a different meeting, does not.
    let statement =
        |member: Id, text: &str| AbsentStatement { member, text: text.into(), read_out: true, informed_on: None };
    db.democratic_life.push(DemocraticLifeCycle {
        meeting: 1,
        statements: vec![statement(4, "  "), statement(6, "他人")],
        ..Default::default()
    });
    db.democratic_life.push(DemocraticLifeCycle {
        meeting: 99,
        statements: vec![statement(4, "别的会")],
        ..Default::default()
    });
    assert_eq!(duty(&db, 2026, "2026-02-01", DutyKind::DemocraticLife).gaps.len(), 1);
    db.democratic_life[0].statements.push(statement(4, "因公出差，书面发言如下……"));
    assert!(duty(&db, 2026, "2026-02-01", DutyKind::DemocraticLife).gaps.is_empty());
}

#[test]
fn branch_reports_count_meetings_of_that_kind_and_marked_items_in_party_group_meetings() {
    let mut db = db();
    let mut report = agenda_item(300, "听取机关党支部上半年工作汇报", Category::BranchAffairs);
    report.branch_report = true;
    db.items.add(report);
    db.items.add(agenda_item(301, "发展党员", Category::BranchAffairs));
    add_meeting(&mut db, 1, MeetingKind::BranchReport, "2026-03-10");
    add_meeting(&mut db, 2, MeetingKind::Regular, "2026-06-10").items.push(record(300));
    add_meeting(&mut db, 3, MeetingKind::Regular, "2026-07-10").items.push(record(301)); // not marked
    add_meeting(&mut db, 4, MeetingKind::CentralStudy, "2026-08-10").items.push(record(300)); // not a 党组会议
    add_meeting(&mut db, 5, MeetingKind::Regular, "2025-12-10").items.push(record(300)); // last year
    let st = duty(&db, 2026, "2026-12-01", DutyKind::BranchReport);
    assert_eq!((st.required, st.done), (2, 2));
    assert_eq!(st.evidence, vec![EvidenceRef::Meeting(1), EvidenceRef::Meeting(2)]);
    // Without the mark on the item the regular meeting does not count.
    Arc::make_mut(&mut db.items[0]).branch_report = false;
    let st = duty(&db, 2026, "2026-12-01", DutyKind::BranchReport);
    assert_eq!((st.required, st.done), (2, 1));
}

#[test]
fn evidence_duties_and_a_future_year() {
    let mut db = db();
    add_evidence(&mut db, 1, EvidenceKind::ComprehensiveReport, "2026-12-31", None);
    add_evidence(&mut db, 2, EvidenceKind::IntegrityLecture, "2027-01-01", Some(1));
    let r = duty(&db, 2026, "2027-01-02", DutyKind::ComprehensiveReport);
    assert_eq!((r.required, r.done, r.overdue), (1, 1, false));
    let l = duty(&db, 2026, "2027-01-02", DutyKind::IntegrityLecture);
    assert!(l.overdue, "a lecture on 1 January belongs to the next year");
    let future = evaluate_duties(&db, 2030, d("2026-06-01"));
    assert!(future.iter().all(|s| !s.overdue && s.gaps.is_empty()));
    let pgm = future.iter().find(|s| s.duty == DutyKind::PartyGroupMeeting).unwrap();
    assert_eq!(pgm.next_due, Some(d("2030-01-31")));
}

/// The numbers of 3 or more in a text, in order: the settings' values in the test below (the
/// texts' own "1" of "至少1次" and "once"/"twice" are left out).
fn numbers(text: &str) -> Vec<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .filter(|n| *n >= 3)
        .collect()
}

#[test]
fn every_duty_has_an_english_frequency_with_the_units_own_numbers() {
    let mut s = RuleSettings::default();
    // Each setting a different number (3..), so a text showing the wrong setting fails.
    let d = &mut s.duties;
    d.meeting_every_months = 3;
    d.study_per_year = 4;
    d.seminar_every_months = 5;
    d.reports_per_year = 6;
    d.democratic_life_per_year = 7;
    d.democratic_life_report_days = 8;
    d.branch_reports_per_year = 9;
    d.village_days_per_year = 10;
    d.integrity_meetings_per_half_year = 11;
    d.ideology_meetings_per_year = 12;
    d.ideology_briefings_per_year = 13;
    for kind in DutyKind::ALL {
        let (zh, en) = (kind.frequency_zh(&s), kind.frequency_en(&s));
        assert!(!en.is_empty() && en.is_ascii(), "{kind:?}: {en}");
        assert_eq!(numbers(&en), numbers(&zh), "{kind:?}: {zh} / {en}");
    }
    // With the rules' own settings.
    let s = RuleSettings::default();
    assert_eq!(DutyKind::PartyGroupMeeting.frequency_en(&s), "At least once a month");
    assert_eq!(DutyKind::CentralStudy.frequency_en(&s), "12 times a year");
    assert_eq!(DutyKind::StudySeminar.frequency_en(&s), "Once every 2 months");
    assert_eq!(DutyKind::IdeologyMeeting.frequency_en(&s), "At least twice a year");
    assert_eq!(DutyKind::DemocraticLifeReport.frequency_en(&s), "Within 15 days after the meeting");
}
