//! Agenda-item lifecycle: what blocks each step, with its article (第十七条, 第十八条（二）（三）（七）),
//! plus risk hints (第二十条) and the expenditure check (第六条（六）).
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod rules_support;

use rules_support::*;
use yishi::domain::{
    category::Category,
    db::{Db, Records},
    item::{AgendaItem, ItemStatus, PrepChecklist},
    meeting::{MeetingStage, RecordedResult},
    rules::{lifecycle::status_zh, must_go_to_group, next_steps, risk_hints, transition, Blocker, RiskHint},
    settings::RuleSettings,
    task::FollowUpTask,
};

fn item(category: Category, administrative: bool) -> AgendaItem {
    AgendaItem { administrative, ..agenda_item(100, "2026年公路养护资金安排", category) }
}

fn step(i: &AgendaItem, to: ItemStatus) -> Result<(), Blocker> {
    next_steps(i, &org()).into_iter().find(|(s, _)| *s == to).unwrap().1
}

#[test]
fn a_proposed_item_needs_a_member_in_charge_and_materials_before_review() {
    let o = org();
    let mut i = item(Category::Talent, false);
    let steps = next_steps(&i, &o);
    assert_eq!(
        steps.iter().map(|s| s.0).collect::<Vec<_>>(),
        vec![ItemStatus::Reviewed, ItemStatus::Scheduled, ItemStatus::Withdrawn]
    );
    let e = step(&i, ItemStatus::Reviewed).unwrap_err();
    assert_eq!(e, Blocker::NoMemberInCharge);
    assert_eq!(e.zh(), "尚未指定分管党组成员审核材料（第十八条（三））");
    let e = step(&i, ItemStatus::Scheduled).unwrap_err();
    assert_eq!((e.clone(), e.article().zh()), (Blocker::NotReviewed, "第十八条（三）".to_string()));
    assert_eq!(step(&i, ItemStatus::Withdrawn), Ok(()));
    i.in_charge = Some(3);
    assert_eq!(step(&i, ItemStatus::Reviewed), Err(Blocker::NoMaterials));
    i.materials = "养护资金测算表".into();
    assert_eq!(step(&i, ItemStatus::Reviewed), Ok(()));
    // The member in charge must serve on the review date.
    let mut o2 = o.clone();
    o2.members[2].terms[0].end = Some(d("2026-03-31"));
    assert_eq!(
        transition(&mut i.clone(), ItemStatus::Reviewed, d("2026-04-01"), "", &o2),
        Err(Blocker::MemberInChargeNotServing(3))
    );
}

#[test]
fn administrative_items_need_the_director_and_major_decisions_the_checklist() {
    let o = org();
    let mut i = item(Category::Budget, true);
    i.in_charge = Some(3);
    i.materials = "材料".into();
    transition(&mut i, ItemStatus::Reviewed, d("2026-03-02"), "分管审核", &o).unwrap();
    let e = step(&i, ItemStatus::Scheduled).unwrap_err();
    assert_eq!(e, Blocker::NeedsDirectorApproval);
    assert_eq!(e.article().zh(), "第十八条（二）");
    // No director serving: consent cannot be recorded.
    let mut nodir = o.clone();
    nodir.members[0].terms[0].director = false;
    assert_eq!(
        transition(&mut i.clone(), ItemStatus::DirectorApproved, d("2026-03-03"), "", &nodir),
        Err(Blocker::NoDirector)
    );
    transition(&mut i, ItemStatus::DirectorApproved, d("2026-03-03"), "局长同意", &o).unwrap();
    let e = step(&i, ItemStatus::Scheduled).unwrap_err();
    assert_eq!(
        e,
        Blocker::ChecklistIncomplete {
            missing: vec!["调查研究", "征求意见", "风险评估", "合法合规性审查"]
        }
    );
    assert_eq!(e.article().zh(), "第十七条");
    assert!(e.zh().starts_with("重大决策尚未完成：调查研究、征求意见、风险评估、合法合规性审查"));
    i.checklist = PrepChecklist { research: true, consultation: true, risk_assessment: true, legality_review: true };
    transition(&mut i, ItemStatus::Scheduled, d("2026-03-04"), "", &o).unwrap();
    transition(&mut i, ItemStatus::OnAgenda, d("2026-03-10"), "", &o).unwrap();
    transition(&mut i, ItemStatus::Decided, d("2026-03-10"), "通过", &o).unwrap();
    assert_eq!(
        i.history.iter().map(|h| h.to).collect::<Vec<_>>(),
        vec![
            ItemStatus::Reviewed,
            ItemStatus::DirectorApproved,
            ItemStatus::Scheduled,
            ItemStatus::OnAgenda,
            ItemStatus::Decided
        ]
    );
    // A decision is changed only by a later meeting (第十八条（七）).
    let e = transition(&mut i, ItemStatus::Withdrawn, d("2026-03-11"), "", &o).unwrap_err();
    assert_eq!((e.clone(), e.article().zh()), (Blocker::AlreadyDecided, "第十八条（七）".to_string()));
    assert_eq!(
        transition(&mut i, ItemStatus::Implementing, d("2026-03-09"), "", &o),
        Err(Blocker::DateBeforeLast(d("2026-03-10")))
    );
    transition(&mut i, ItemStatus::Implementing, d("2026-03-12"), "", &o).unwrap();
    transition(&mut i, ItemStatus::Done, d("2026-06-30"), "办结", &o).unwrap();
    assert!(next_steps(&i, &o).is_empty());
    assert_eq!(transition(&mut i, ItemStatus::Implementing, d("2026-07-01"), "", &o), Err(Blocker::Finished));
}

#[test]
fn non_administrative_items_skip_the_director_and_deferred_items_return() {
    let o = org();
    let mut i = item(Category::Talent, false);
    i.in_charge = Some(4);
    i.materials = "x".into();
    transition(&mut i, ItemStatus::Reviewed, d("2026-03-02"), "", &o).unwrap();
    assert!(next_steps(&i, &o).iter().all(|(s, _)| *s != ItemStatus::DirectorApproved));
    assert_eq!(
        transition(&mut i.clone(), ItemStatus::DirectorApproved, d("2026-03-02"), "", &o),
        Err(Blocker::NotAdministrative)
    );
    transition(&mut i, ItemStatus::Scheduled, d("2026-03-03"), "", &o).unwrap();
    transition(&mut i, ItemStatus::OnAgenda, d("2026-03-10"), "", &o).unwrap();
    transition(&mut i, ItemStatus::Deferred, d("2026-03-10"), "缓议", &o).unwrap();
    assert_eq!(status_zh(i.status), "缓议");
    transition(&mut i, ItemStatus::Scheduled, d("2026-04-01"), "", &o).unwrap();
    assert_eq!(
        transition(&mut i, ItemStatus::Done, d("2026-04-02"), "", &o),
        Err(Blocker::NotAllowed { from: ItemStatus::Scheduled, to: ItemStatus::Done })
    );
}

#[test]
fn expenditure_threshold() {
    let s = RuleSettings::default();
    assert!(must_go_to_group(50_000, &s) && !must_go_to_group(49_999, &s));
}

fn recorded(due: u32, present: u32, quorum_met: bool, passed: bool) -> RecordedResult {
    RecordedResult {
        due,
        present,
        yes: present,
        no: 0,
        abstain: 0,
        quorum_met,
        passed,
        explanation: String::new(),
        explanation_en: String::new(),
    }
}

#[test]
fn risk_hints_cite_article_twenty() {
    // A register kept since 2025 (台账起始日期), so 2025's duties are judged too.
    let mut settings = RuleSettings::default();
    settings.duties.ledger_start = Some(d("2025-01-01"));
    let mut db = Db { org: org(), settings, next_id: 1000, ..Default::default() };
    db.tasks.add(FollowUpTask {
        id: 12,
        title: "落实养护资金".into(),
        source: None,
        member: Some(3),
        department: None,
        deadline: d("2026-04-30"),
        created: d("2026-03-10"),
        reports: vec![],
        closed: None,
        escalated_to: None,
    });
    let mut personnel = item(Category::Personnel, false);
    personnel.id = 101;
    personnel.title = "任免科长".into();
    let mut budget = item(Category::Budget, false);
    budget.status = ItemStatus::Decided;
    db.items = vec![budget.into(), personnel.into()];
    let mut m = meeting(9);
    m.id = 3;
    m.stage = MeetingStage::Closed;
    m.items[0].result = Some(recorded(9, 4, false, false)); // budget item voted without quorum
    let mut r = record(101);
    r.result = Some(recorded(9, 6, true, true)); // personnel: 6 of 9 is not more than ⅔ (needs 7)
    r.decision = "同意任命".into();
    m.items.push(r);
    db.meetings.add(m);
    // The only meeting (3) is in March 2026, so other months are gaps.
    let hints = risk_hints(&db, d("2026-05-15"));
    let find = |c: u8| hints.iter().filter(|h| h.clause.clause == Some(c)).collect::<Vec<_>>();
    assert_eq!(find(1).len(), 1);
    assert_eq!(find(1)[0].link, "#/tasks/12");
    assert!(find(1)[0].zh.contains("落实养护资金") && find(1)[0].zh.contains("决策落实不及时"), "{}", find(1)[0].zh);
    // The clause is the hint's `clause` (shown beside it), not repeated inside its texts.
    for h in &hints {
        assert!(!h.zh.contains(&h.clause.zh()) && !h.en.contains(&h.clause.en()), "{h:?}");
    }
    let two = find(2);
    assert!(two.iter().any(|h| h.zh.contains("未达到法定人数") && h.link == "#/meetings/3"), "{two:?}");
    let held = db.meetings[0].date.to_string();
    let major = two
        .iter()
        .find(|h| h.zh.contains("第十七条"))
        .unwrap_or_else(|| panic!("major decision without preparation: {two:?}"));
    // Dated by its meeting, as the other hints of a meeting are.
    assert!(
        major.zh.starts_with(&format!("{held}会议重大决策"))
            && major.en.starts_with(&format!("{held}: major decision")),
        "{major:?}"
    );
    let three = find(3);
    assert_eq!(three.len(), 1);
    assert!(three[0].zh.contains("至少7人"), "{}", three[0].zh);
    // Missed monthly meetings (only March held) → (四); missing integrity meeting in H2 2025 → (五).
    assert!(find(4).iter().any(|h| h.zh.contains("党组会议")));
    assert!(find(5).iter().any(|h| h.zh.contains("党风廉政建设专题会议")));
    // Overdue follow-up first, then this year's hints, then earlier years', each in clause order.
    assert!(hints[0].overdue_task && hints[0].link == "#/tasks/12");
    let rank = |h: &RiskHint| (!h.overdue_task, h.year != 2026, h.clause);
    assert!(hints.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])), "{hints:?}");
    let first_older = hints.iter().position(|h| h.year < 2026).expect("a 2025 hint");
    assert!(hints[first_older..].iter().all(|h| h.year < 2026), "older years come last");
    // Before the register's start nothing is flagged: started in 2026, 2025 has no hint.
    db.settings.duties.ledger_start = Some(d("2026-01-01"));
    assert!(risk_hints(&db, d("2026-05-15")).iter().all(|h| h.year == 2026), "nothing of 2025");
}
