//! A quick generator of a ten-year data set for the storage and backup tests (not the
//! official reference generator): ~150 meetings, 1,500 items with ~300 chars of materials and
//! ~400 chars of notes, a 1,500-char 纪要 per meeting, 800 tasks × 3 reports, 13,500 named votes.
#![allow(dead_code)]

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use yishi::domain::{
    category::Category,
    db::{Db, Records},
    evidence::{Evidence, EvidenceKind},
    item::{AgendaItem, DecisionRef, ItemStatus, PrepChecklist, Proposer},
    meeting::*,
    org::{Department, Member, NonMember, Organisation, Role, Term},
    rules_text::RULES_TEXT,
    settings::RuleSettings,
    task::{Closure, FollowUpTask, ProgressReport},
};

/// Deterministic xorshift.
pub struct Rng(u64);
impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// How text is made: `Phrases` strings together clauses of the rules text (realistic
/// vocabulary); `Chars` draws single characters from it (a pessimistic bound for compression).
#[derive(Clone, Copy)]
pub enum TextKind {
    Phrases,
    Chars,
}

pub struct TextGen {
    phrases: Vec<String>,
    chars: Vec<char>,
    kind: TextKind,
}

impl TextGen {
    pub fn new(kind: TextKind) -> Self {
        let clean: String = RULES_TEXT.chars().filter(|c| !c.is_whitespace()).collect();
        let phrases = clean
            .split(['，', '。', '；', '、', '：'])
            .filter(|p| p.chars().count() >= 2)
            .map(|p| p.to_string())
            .collect();
        let chars = clean.chars().filter(|c| (*c as u32) >= 0x4E00).collect();
        TextGen { phrases, chars, kind }
    }
    /// About `n` characters.
    pub fn text(&self, rng: &mut Rng, n: usize) -> String {
        let mut s = String::new();
        let mut count = 0;
        while count < n {
            match self.kind {
                TextKind::Phrases => {
                    let p = &self.phrases[rng.below(self.phrases.len())];
                    s.push_str(p);
                    s.push(if rng.below(4) == 0 { '。' } else { '，' });
                    count += p.chars().count() + 1;
                }
                TextKind::Chars => {
                    s.push(self.chars[rng.below(self.chars.len())]);
                    count += 1;
                    if rng.below(12) == 0 {
                        s.push('，');
                        count += 1;
                    }
                }
            }
        }
        s
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn org() -> Organisation {
    let names = ["张建国", "李明华", "王芳", "赵志强", "陈静", "刘洋", "杨帆", "黄磊", "周敏"];
    let members = names
        .iter()
        .enumerate()
        .map(|(i, n)| Member {
            id: i as u32 + 1,
            name: n.to_string(),
            note: String::new(),
            terms: vec![Term {
                role: match i {
                    0 => Role::Secretary,
                    1 => Role::DeputySecretary,
                    _ => Role::Member,
                },
                start: d(2016, 1, 1),
                end: None,
                director: i == 1,
                main_leader: i < 2,
            }],
        })
        .collect();
    let departments = ["办公室", "规划科", "财务科", "建设管理科", "运输管理科"]
        .iter()
        .enumerate()
        .map(|(i, n)| Department {
            id: 20 + i as u32,
            name: n.to_string(),
            head: format!("{n}负责人"),
            in_charge: Some(i as u32 + 2),
        })
        .collect();
    let attendees = vec![
        NonMember { id: 30, name: "孙立".into(), position: "副局长".into() },
        NonMember { id: 31, name: "吴倩".into(), position: "办公室主任".into() },
    ];
    Organisation {
        unit_name: "昌吉州交通运输局".into(),
        superior: "中共昌吉州委员会".into(),
        members,
        departments,
        attendees,
    }
}

/// Ten years (2016–2025) of records; `years` can shorten it.
pub fn ten_years(kind: TextKind, years: i32) -> Db {
    let tg = TextGen::new(kind);
    let mut rng = Rng::new(20260611);
    let mut db = Db { org: org(), settings: RuleSettings::default(), next_id: 100, ..Default::default() };
    let members: Vec<u32> = (1..=9).collect();
    for y in 2016..2016 + years {
        for k in 0..15u32 {
            let month = (k * 12 / 15) + 1;
            let date = d(y, month, 3 + (k % 3) * 9);
            let mid = db.new_id();
            let mut records = Vec::new();
            for _ in 0..10 {
                let iid = db.new_id();
                let created = date - chrono::Days::new(10);
                db.items.add(AgendaItem {
                    id: iid,
                    title: tg.text(&mut rng, 18),
                    category: [Category::Budget, Category::Personnel, Category::MajorProjects, Category::Integrity]
                        [rng.below(4)],
                    proposer: if rng.below(3) == 0 { Proposer::Member(3) } else { Proposer::Secretary },
                    in_charge: Some(2 + rng.below(7) as u32),
                    administrative: rng.below(2) == 0,
                    department: Some(20 + rng.below(5) as u32),
                    materials: tg.text(&mut rng, 300),
                    documents: vec![],
                    amount_yuan: if rng.below(3) == 0 { Some(50_000 + rng.below(900_000) as u64) } else { None },
                    checklist: PrepChecklist {
                        research: true,
                        consultation: true,
                        risk_assessment: true,
                        legality_review: rng.below(2) == 0,
                    },
                    status: ItemStatus::Done,
                    created,
                    history: vec![],
                    changes_decision: None,
                    branch_report: false,
                });
                let votes = members
                    .iter()
                    .rev()
                    .map(|m| CastVote {
                        member: *m,
                        choice: if rng.below(12) == 0 { Choice::No } else { Choice::Yes },
                        reservation: None,
                    })
                    .collect();
                records.push(ItemRecord {
                    item: iid,
                    recused: vec![],
                    notes: (0..4)
                        .map(|i| SpeechNote { speaker: Speaker::Member(1 + i * 2), text: tg.text(&mut rng, 100) })
                        .collect(),
                    opinions: vec![],
                    ballot: Some(Ballot::Open { method: VoteMethod::Named, votes }),
                    result: Some(RecordedResult {
                        due: 9,
                        present: 9,
                        yes: 8,
                        no: 1,
                        abstain: 0,
                        quorum_met: true,
                        passed: true,
                        explanation: "应到会9人，赞成8票，超过半数4.5，通过（第十八条（五））".into(),
                        explanation_en: String::new(),
                    }),
                    decision: tg.text(&mut rng, 40),
                    supersedes: None,
                    superseded_by: None,
                });
            }
            let attendance = members
                .iter()
                .map(|m| Attendance {
                    member: *m,
                    role: if *m == 1 { Role::Secretary } else { Role::Member },
                    presence: Presence::Present,
                    not_counted: None,
                })
                .collect();
            let at = NaiveDateTime::new(date, chrono::NaiveTime::from_hms_opt(17, 0, 0).unwrap());
            db.meetings.add(Meeting {
                id: mid,
                kind: MeetingKind::Regular,
                title: format!("{y}年第{}次党组会议", k + 1),
                date,
                time: "09:30".into(),
                place: "三楼会议室".into(),
                chair: Some(1),
                recorder: "吴倩".into(),
                observers: vec![30],
                attendance,
                items: records,
                notice: Some(Distribution { on: date - chrono::Days::new(3), to: "全体党组成员".into() }),
                materials: Some(Distribution { on: date - chrono::Days::new(2), to: "全体党组成员".into() }),
                stage: MeetingStage::Signed,
                current_item: 0,
                summary: Some(Summary {
                    year: y,
                    number: k + 1,
                    text: tg.text(&mut rng, 1500),
                    signed: Some(SignOff { by: 1, at }),
                    replaced: None,
                }),
                amendments: vec![],
            });
        }
        // 80 tasks a year, 3 reports each, sourced from this year's decisions.
        let year_meetings: Vec<(u32, Vec<u32>, NaiveDate)> = db
            .meetings
            .iter()
            .filter(|m| m.date.year() == y)
            .map(|m| (m.id, m.items.iter().map(|r| r.item).collect(), m.date))
            .collect();
        for t in 0..80 {
            let (mid, items, date) = &year_meetings[t % year_meetings.len()];
            let tid = db.new_id();
            db.tasks.add(FollowUpTask {
                id: tid,
                title: tg.text(&mut rng, 20),
                source: Some(DecisionRef { meeting: *mid, item: items[t % items.len()] }),
                member: Some(2 + (t % 8) as u32),
                department: Some(20 + (t % 5) as u32),
                deadline: *date + chrono::Days::new(60),
                created: *date,
                reports: (0..3)
                    .map(|i| ProgressReport {
                        date: *date + chrono::Days::new(10 + i * 15),
                        text: tg.text(&mut rng, 80),
                        by: "办公室".into(),
                    })
                    .collect(),
                closed: Some(Closure { date: *date + chrono::Days::new(55), result: tg.text(&mut rng, 30) }),
                escalated_to: None,
            });
        }
        for e in 0..30 {
            let id = db.new_id();
            db.evidence.add(Evidence {
                id,
                kind: [EvidenceKind::IntegrityTalk, EvidenceKind::VillageDays, EvidenceKind::StudyPlan][e % 3],
                date: d(y, 1 + (e % 12) as u32, 15),
                member: Some(1 + (e % 9) as u32),
                counterpart: None,
                department: None,
                days: Some(5),
                note: tg.text(&mut rng, 40),
            });
        }
    }
    db
}

/// Characters of free text in a Db (to check the generator hits the target volume).
pub fn text_chars(db: &Db) -> usize {
    let c = |s: &str| s.chars().count();
    db.items.iter().map(|i| c(&i.title) + c(&i.materials)).sum::<usize>()
        + db.meetings
            .iter()
            .map(|m| {
                m.summary.as_ref().map_or(0, |s| c(&s.text))
                    + m.items
                        .iter()
                        .map(|r| c(&r.decision) + r.notes.iter().map(|n| c(&n.text)).sum::<usize>())
                        .sum::<usize>()
            })
            .sum::<usize>()
        + db.tasks.iter().map(|t| c(&t.title) + t.reports.iter().map(|r| c(&r.text)).sum::<usize>()).sum::<usize>()
        + db.evidence.iter().map(|e| c(&e.note)).sum::<usize>()
}
