//! The printed documents as data (domain::official): the 纪要's headings and 版记, the 签到表,
//! the paper ballots, the 计票单, the 会议记录 and the 督办 sheets, on the example data.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

use chrono::NaiveDate;
use yishi::domain::{
    category::Category,
    meeting::{Meeting, Presence},
    official::*,
    settings::{IssueSettings, RuleSettings},
    task::FollowUpTask,
};
use yishi::sample::example::example_db;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

/// The example meeting holding the 干部任免 item (voted by secret ballot).
fn personnel_meeting(db: &yishi::domain::db::Db) -> &Meeting {
    db.meetings
        .iter()
        .find(|m| m.items.iter().any(|r| db.item(r.item).is_some_and(|i| i.category == Category::Personnel)))
        .expect("the example has a personnel item on a meeting")
}

#[test]
fn headings_are_a_chinese_numeral_and_a_comma_and_nothing_else() {
    for h in ["一、关于公路养护资金安排", "十二、其他事项", "二十一、附则"] {
        assert!(is_heading(h), "{h}");
    }
    for p in ["会议决定：一、同意", "（一）议程", "第一、", "一，同意", "2026、", "、开头"] {
        assert!(!is_heading(p), "{p}");
    }
    let blocks = summary_blocks("中共某局党组会议纪要\n〔2026〕3号\n会议议定：\n\n一、关于预算\n会议决定：同意。\n");
    assert_eq!(
        blocks,
        vec![
            Block::Para("会议议定：".into()),
            Block::Blank,
            Block::Heading("一、关于预算".into()),
            Block::Para("会议决定：同意。".into()),
        ]
    );
}

#[test]
fn the_imprint_comes_from_the_settings_and_defaults_to_the_party_group() {
    let db = example_db(today());
    let d = NaiveDate::from_ymd_opt(2026, 3, 6).unwrap();
    let n = issue_note(&IssueSettings::default(), &db.org, d);
    assert_eq!(n.issuer, "中共昌吉回族自治州交通运输局党组");
    assert_eq!(n.copy_to, "");
    assert_eq!(n.date, "2026年3月6日印发");
    let s = IssueSettings {
        copy_to: " 州党委办公室，局属各单位 ".into(), issuer: "中共某局党组办公室".into()
    };
    let n = issue_note(&s, &db.org, d);
    assert_eq!((n.copy_to.as_str(), n.issuer.as_str()), ("州党委办公室，局属各单位", "中共某局党组办公室"));
}

#[test]
fn empty_imprint_settings_leave_the_stored_settings_text_unchanged() {
    let plain = serde_json::to_string(&RuleSettings::default()).unwrap();
    assert!(!plain.contains("issue"), "{plain}");
    // Settings saved before the imprint existed still read.
    let back: RuleSettings = serde_json::from_str(&plain).unwrap();
    assert_eq!(back, RuleSettings::default());
    let mut s = RuleSettings::default();
    s.issue.copy_to = "局属各单位".into();
    let text = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<RuleSettings>(&text).unwrap(), s);
}

#[test]
fn the_sign_in_sheet_lists_the_roster_with_roles_then_the_observers_with_positions() {
    let db = example_db(today());
    let m = db.meetings.iter().find(|m| m.observers.len() >= 3).expect("the expanded meeting");
    let rows = sign_in_rows(&db.org, m);
    assert_eq!(rows.len(), m.attendance.len() + m.observers.len());
    assert_eq!(rows[0].position, "党组书记");
    assert_eq!(rows[0].name, "王振华");
    let first_observer = db.org.attendee(m.observers[0]).unwrap();
    assert_eq!(rows[m.attendance.len()].name, first_observer.name);
    assert_eq!(rows[m.attendance.len()].position, first_observer.position);
}

#[test]
fn ballots_are_printed_for_personnel_items_for_each_voter_present() {
    let db = example_db(today());
    let m = personnel_meeting(&db);
    let items = ballot_items(&db, m);
    assert_eq!(items.len(), 1);
    assert!(items[0].1.contains("任规划建设科科长"));
    let v = voters(&db.org, m);
    let present = m.attendance.iter().filter(|a| a.presence == Presence::Present && a.not_counted.is_none()).count();
    assert_eq!(v.len(), present);
    // A member on leave gets no ballot.
    let mut m2 = m.clone();
    m2.attendance[1].presence = Presence::Leave { reason: "出差".into(), asked_on: None };
    assert_eq!(voters(&db.org, &m2).len(), present - 1);
    assert!(!voters(&db.org, &m2).contains(&db.org.member_name(m2.attendance[1].member)));
}

#[test]
fn the_tally_sheet_carries_the_recorded_counts_and_blanks_before_the_vote() {
    let db = example_db(today());
    let m = personnel_meeting(&db);
    let rows = tally_rows(&db, m);
    assert_eq!(rows.len(), m.items.len());
    for (row, r) in rows.iter().zip(&m.items) {
        let x = r.result.as_ref().expect("the example's past meetings are voted");
        let c = row.counts.unwrap();
        assert_eq!(&c[..5], &[x.due, x.present, x.yes, x.no, x.abstain]);
        assert_eq!(
            row.result,
            if !x.quorum_met {
                "无效"
            } else if x.passed {
                "通过"
            } else {
                "未通过"
            }
        );
    }
    assert!(rows.iter().any(|r| r.method == "无记名投票"));
    let mut blank = m.clone();
    for r in &mut blank.items {
        r.result = None;
        r.ballot = None;
    }
    let rows = tally_rows(&db, &blank);
    assert!(rows.iter().all(|r| r.counts.is_none() && r.result.is_empty() && r.method.is_empty()));
}

#[test]
fn the_record_page_numbers_items_and_keeps_remarks_votes_and_decisions() {
    let db = example_db(today());
    let m = personnel_meeting(&db);
    let items = record_items(&db, m);
    assert_eq!(items.len(), m.items.len());
    assert!(items[0].heading.starts_with("一、"));
    assert_eq!(items[0].remarks.len(), m.items[0].notes.len());
    assert_eq!(items[0].decision, m.items[0].decision.trim());
    assert!(!items[0].vote.is_empty());
    let agenda = agenda_lines(&db, m);
    assert!(agenda[0].starts_with("（一）"), "{agenda:?}");
}

#[test]
fn a_reminder_counts_the_days_past_the_deadline() {
    let db = example_db(today());
    let t: &FollowUpTask = &db.tasks[0];
    let late = t.deadline + chrono::Days::new(12);
    let mut open = t.clone();
    open.closed = None;
    let s = task_sheet(&db, &open, late);
    assert_eq!((s.status, s.overdue_days), ("逾期", 12));
    assert!(s.source.contains("的决定"), "{}", s.source);
    assert!(!s.member.is_empty() && !s.department.is_empty());
    let s = task_sheet(&db, &open, t.deadline);
    assert_eq!(s.overdue_days, 0);
}
