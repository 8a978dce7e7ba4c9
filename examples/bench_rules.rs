//! Benchmark of the rules engine (not a test): 10 years of records — about 150 meetings,
//! 1,500 agenda items and 10,000 named votes — then time `evaluate_duties` for every year plus
//! `evaluate_vote` for every item (and, separately, `risk_hints`). Prints the median of
//! several runs in milliseconds. Target: under 5 ms natively.
//!
//! Run: `cargo run --release --example bench_rules`

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

use chrono::{Datelike, NaiveDate};
use yishi::domain::{
    category::Category,
    db::{Db, Records},
    evidence::{Evidence, EvidenceKind},
    item::{AgendaItem, ItemStatus, PrepChecklist, Proposer},
    meeting::{
        Attendance, Ballot, CastVote, Choice, ItemRecord, Meeting, MeetingKind, MeetingStage, Presence, SecretTally,
        VoteMethod,
    },
    org::{Department, Member, Organisation, Role, Term},
    rules::{evaluate_duties, evaluate_vote, risk_hints, roster_for_meeting},
    settings::RuleSettings,
    task::FollowUpTask,
    Id,
};

/// A small deterministic LCG (no rand crate).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }
    fn below(&mut self, n: u32) -> u32 {
        self.next() % n.max(1)
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn build(first_year: i32, years: i32) -> Db {
    let mut rng = Lcg(20200628);
    let mut db = Db { settings: RuleSettings::default(), next_id: 1, ..Default::default() };
    // Members: 9 seats; every 3 years two ordinary seats change hands.
    let mut org =
        Organisation {
            unit_name: "昌吉州交通运输局".into(), superior: "州党委".into(), ..Default::default()
        };
    let start = ymd(first_year, 1, 1);
    let secretary = Term { role: Role::Secretary, start, end: None, director: true, main_leader: true };
    org.members.push(Member { id: db.new_id(), name: "书记".into(), note: String::new(), terms: vec![secretary] });
    org.members.push(Member {
        id: db.new_id(),
        name: "副书记".into(),
        note: String::new(),
        terms: vec![Term { role: Role::DeputySecretary, start, end: None, director: false, main_leader: true }],
    });
    for seat in 0..7 {
        let mut y = first_year;
        while y < first_year + years {
            let len = if seat < 2 { 3 } else { years };
            let end = (y + len).min(first_year + years) - 1;
            let id = db.new_id();
            org.members.push(Member {
                id,
                name: format!("成员{id}"),
                note: String::new(),
                terms: vec![Term {
                    role: Role::Member,
                    start: ymd(y, 1 + (seat as u32 % 3), 1),
                    end: if end + 1 >= first_year + years { None } else { Some(ymd(end, 12, 31)) },
                    director: false,
                    main_leader: false,
                }],
            });
            y = end + 1;
        }
    }
    for k in 0..8 {
        let in_charge = org.members[2 + k % 7].id;
        let id = db.new_id();
        org.departments.push(Department {
            id,
            name: format!("科室{k}"),
            head: format!("科长{k}"),
            in_charge: Some(in_charge),
        });
    }
    db.org = org;

    let kinds_extra = [MeetingKind::IntegrityMeeting, MeetingKind::IdeologyMeeting, MeetingKind::DemocraticLife];
    let mut votes = 0usize;
    for y in first_year..first_year + years {
        let mut dates: Vec<(NaiveDate, MeetingKind)> =
            (1..=12).map(|mo| (ymd(y, mo, 5 + rng.below(20)), MeetingKind::Regular)).collect();
        for (i, k) in kinds_extra.iter().enumerate() {
            dates.push((ymd(y, 3 + 4 * i as u32, 10 + rng.below(15)), *k));
        }
        for (date, kind) in dates {
            let mid = db.new_id();
            let mut attendance: Vec<Attendance> = roster_for_meeting(&db.org, date);
            for a in attendance.iter_mut() {
                match rng.below(12) {
                    0 => a.presence = Presence::Leave { reason: "出差".into(), asked_on: None },
                    1 => a.presence = Presence::Absent,
                    _ => {}
                }
            }
            let n_items = if kind == MeetingKind::Regular { 12 } else { 2 };
            let mut items = Vec::new();
            for _ in 0..n_items {
                let iid = db.new_id();
                let category = Category::ALL[rng.below(Category::ALL.len() as u32) as usize];
                db.items.add(AgendaItem {
                    id: iid,
                    title: format!("议题{iid}"),
                    category,
                    proposer: Proposer::Secretary,
                    in_charge: Some(attendance[0].member),
                    administrative: rng.below(3) == 0,
                    department: None,
                    materials: "材料".into(),
                    documents: vec![],
                    amount_yuan: None,
                    checklist: PrepChecklist {
                        research: true,
                        consultation: true,
                        risk_assessment: true,
                        legality_review: true,
                    },
                    status: ItemStatus::Decided,
                    created: date,
                    history: vec![],
                    changes_decision: None,
                    branch_report: false,
                });
                let mut rec = ItemRecord {
                    item: iid,
                    recused: vec![],
                    notes: vec![],
                    opinions: vec![],
                    ballot: None,
                    result: None,
                    decision: String::new(),
                    supersedes: None,
                    superseded_by: None,
                };
                if rng.below(10) == 0 {
                    rec.recused.push(attendance[1 + rng.below(attendance.len() as u32 - 1) as usize].member);
                }
                if category.needs_special_quorum() && rng.below(2) == 0 {
                    rec.ballot = Some(Ballot::Secret(SecretTally { yes: 5, no: 1, abstain: 1, invalid: 0 }));
                } else {
                    let mut vs: Vec<CastVote> = attendance
                        .iter()
                        .skip(1)
                        .filter(|a| a.presence == Presence::Present && !rec.recused.contains(&a.member))
                        .map(|a| CastVote {
                            member: a.member,
                            choice: [Choice::Yes, Choice::Yes, Choice::Yes, Choice::No, Choice::Abstain]
                                [rng.below(5) as usize],
                            reservation: None,
                        })
                        .collect();
                    if attendance[0].presence == Presence::Present {
                        vs.push(CastVote { member: attendance[0].member, choice: Choice::Yes, reservation: None });
                    }
                    votes += vs.len();
                    rec.ballot = Some(Ballot::Open { method: VoteMethod::Named, votes: vs });
                }
                items.push(rec);
            }
            db.meetings.add(Meeting {
                id: mid,
                kind,
                title: String::new(),
                date,
                time: "09:30".into(),
                place: String::new(),
                chair: None,
                recorder: String::new(),
                observers: vec![],
                attendance,
                items,
                notice: None,
                materials: None,
                stage: MeetingStage::Signed,
                current_item: 0,
                summary: None,
                amendments: vec![],
            });
        }
        // Evidence for the non-meeting duties.
        let ids: Vec<Id> = db.org.roster_at(ymd(y, 6, 30)).iter().map(|r| r.member).collect();
        let ev = |db: &mut Db,
                  kind: EvidenceKind,
                  date: NaiveDate,
                  member: Option<Id>,
                  counterpart: Option<Id>,
                  days: Option<u32>| {
            let id = db.new_id();
            db.evidence.add(Evidence {
                id,
                kind,
                date,
                member,
                counterpart,
                department: None,
                days,
                note: String::new(),
            });
        };
        for kind in [
            EvidenceKind::ComprehensiveReport,
            EvidenceKind::PerformanceReport,
            EvidenceKind::PerformanceAssessment,
            EvidenceKind::StudyPlan,
            EvidenceKind::AntiCorruptionStudy,
            EvidenceKind::IntegrityLecture,
            EvidenceKind::IdeologyBriefing,
        ] {
            ev(&mut db, kind, ymd(y, 1 + rng.below(12), 1 + rng.below(28)), Some(ids[0]), None, None);
        }
        ev(&mut db, EvidenceKind::DemocraticLifeReport, ymd(y, 11, 30), None, None, None);
        for &m in &ids {
            ev(&mut db, EvidenceKind::ContactPoint, ymd(y, 2, 1), Some(m), None, None);
            ev(&mut db, EvidenceKind::IntegrityTalk, ymd(y, 4, 1 + rng.below(28)), Some(ids[1]), Some(m), None);
        }
        for &m in &ids[..2] {
            for q in 0..4 {
                ev(&mut db, EvidenceKind::VillageDays, ymd(y, 3 + 3 * q, 10), Some(m), None, Some(4));
            }
        }
        for k in 0..years as u32 * 2 {
            let tid = db.new_id();
            db.tasks.add(FollowUpTask {
                id: tid,
                title: format!("督办{tid}"),
                source: None,
                member: Some(ids[2]),
                department: None,
                deadline: ymd(y, 1 + k % 12, 28),
                created: ymd(y, 1, 1),
                reports: vec![],
                closed: None,
                escalated_to: None,
            });
        }
    }
    eprintln!(
        "records: {} meetings, {} items, {} named votes, {} evidence, {} tasks, {} members",
        db.meetings.len(),
        db.items.len(),
        votes,
        db.evidence.len(),
        db.tasks.len(),
        db.org.members.len()
    );
    db
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let (first, years) = (2016, 10);
    let db = build(first, years);
    let today = ymd(first + years, 1, 15);
    const RUNS: usize = 21;

    let mut engine = Vec::new();
    let mut duties_only = Vec::new();
    let mut votes_only = Vec::new();
    let mut risks = Vec::new();
    let mut checksum = 0u64;
    for _ in 0..RUNS {
        let t0 = Instant::now();
        for y in first..first + years {
            let d = evaluate_duties(black_box(&db), y, today);
            checksum += d.iter().map(|s| s.done as u64).sum::<u64>();
        }
        let t1 = Instant::now();
        let categories: HashMap<Id, Category> = db.items.iter().map(|i| (i.id, i.category)).collect();
        for m in &db.meetings {
            for rec in &m.items {
                let o = evaluate_vote(black_box(m), rec, categories[&rec.item], &db.settings);
                checksum += o.passed as u64;
            }
        }
        let t2 = Instant::now();
        let h = risk_hints(black_box(&db), today);
        checksum += h.len() as u64;
        let t3 = Instant::now();
        duties_only.push((t1 - t0).as_secs_f64() * 1e3);
        votes_only.push((t2 - t1).as_secs_f64() * 1e3);
        engine.push((t2 - t0).as_secs_f64() * 1e3);
        risks.push((t3 - t2).as_secs_f64() * 1e3);
    }
    let passed: usize = {
        let categories: HashMap<Id, Category> = db.items.iter().map(|i| (i.id, i.category)).collect();
        db.meetings
            .iter()
            .flat_map(|m| m.items.iter().map(move |r| (m, r)))
            .filter(|(m, r)| evaluate_vote(m, r, categories[&r.item], &db.settings).passed)
            .count()
    };
    println!("bench_rules: {} years, today {}, median of {RUNS} runs", years, today);
    println!("  evaluate_duties (all {years} years):      {:8.3} ms", median(duties_only));
    println!("  evaluate_vote (all {} items):        {:8.3} ms  ({passed} passed)", db.items.len(), median(votes_only));
    println!("  duties + votes (target < 5 ms):        {:8.3} ms", median(engine));
    println!("  risk_hints (2 years of duties + all):  {:8.3} ms", median(risks));
    println!("  (checksum {checksum}, year {})", today.year());
}
