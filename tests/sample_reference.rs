//! The ten-year reference data set: valid, deterministic, of the promised volumes, and with
//! votes that follow the rules. Prints the character counts (`cargo test -- --nocapture`).
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use yishi::domain::{
    db::Db,
    evidence::EvidenceKind,
    meeting::{Ballot, Choice, MeetingKind, MeetingStage, Presence, VoteMethod},
    org::Role,
    validate::validate_org,
};
use yishi::sample::reference::{reference_db, Stats, DEFAULT_SEED, YEARS};

fn db() -> Db {
    reference_db(DEFAULT_SEED)
}

#[test]
fn reference_data_is_valid_and_deterministic() {
    let a = db();
    assert_eq!(validate_org(&a.org), vec![]);
    assert_eq!(a, reference_db(DEFAULT_SEED));
    assert_ne!(a.items[0].materials, reference_db(DEFAULT_SEED + 1).items[0].materials);
    let stats = Stats::of(&a);
    println!("{stats}");
}

#[test]
fn roster_has_nine_members_and_two_secretary_successions() {
    let db = db();
    for year in YEARS {
        for month in [1, 4, 7, 10] {
            let d = NaiveDate::from_ymd_opt(year, month, 2).unwrap();
            let roster = db.org.roster_at(d);
            assert_eq!(roster.len(), 9, "{d}");
            assert_eq!(roster.iter().filter(|r| r.role == Role::Secretary).count(), 1);
            assert_eq!(roster.iter().filter(|r| r.director).count(), 1, "one director on {d}");
        }
    }
    let secretaries: HashSet<_> = db.meetings.iter().filter_map(|m| db.org.secretary_at(m.date)).collect();
    assert_eq!(secretaries.len(), 3);
    assert!(db.org.members.iter().filter(|m| m.terms.iter().any(|t| t.end.is_some())).count() >= 6);
    assert!((6..=8).contains(&db.org.departments.len()));
}

#[test]
fn volumes_match_the_issue() {
    let db = db();
    let s = Stats::of(&db);
    for year in YEARS {
        let n = db.meetings.iter().filter(|m| m.date.year() == year).count();
        assert_eq!(n, 15, "{year}");
        let tasks = db.tasks.iter().filter(|t| t.created.year() == year).count();
        assert!((60..=100).contains(&tasks), "{year}: {tasks} tasks");
        for kind in [
            EvidenceKind::StudyPlan,
            EvidenceKind::PerformanceReport,
            EvidenceKind::PerformanceAssessment,
            EvidenceKind::DemocraticLifeReport,
            EvidenceKind::DemocraticLifeNotice,
            EvidenceKind::AntiCorruptionStudy,
            EvidenceKind::IntegrityLecture,
            EvidenceKind::IntegrityTalk,
            EvidenceKind::IdeologyBriefing,
            EvidenceKind::ContactPoint,
            EvidenceKind::VillageDays,
        ] {
            assert!(db.evidence.iter().any(|e| e.kind == kind && e.date.year() == year), "{kind:?} {year}");
        }
    }
    for kind in MeetingKind::ALL {
        assert!(db.meetings.iter().any(|m| m.kind == kind), "{kind:?}");
    }
    assert!(db.meetings.iter().all(|m| m.items.len() == 10));
    assert!(db.tasks.iter().all(|t| t.reports.len() == 3));
    assert!((280..=360).contains(&(s.materials_chars / s.items)), "{}", s.materials_chars / s.items);
    assert!((330..=480).contains(&(s.notes_chars / s.items)), "{}", s.notes_chars / s.items);
    let summaries = db.meetings.iter().filter(|m| m.summary.is_some()).count();
    assert!((1300..=1900).contains(&(s.summary_chars / summaries)), "{}", s.summary_chars / summaries);
    assert!(s.named_votes * 2 > db.meetings.iter().flat_map(|m| &m.items).filter(|r| r.ballot.is_some()).count());
    assert!(s.secret_ballots > 50);
    // Text is varied: many distinct notes, not a tiny repeated vocabulary.
    let notes: HashSet<&str> =
        db.meetings.iter().flat_map(|m| &m.items).flat_map(|r| &r.notes).map(|n| n.text.as_str()).collect();
    let all = db.meetings.iter().flat_map(|m| &m.items).map(|r| r.notes.len()).sum::<usize>();
    assert!(notes.len() * 100 >= all * 99, "{} distinct of {all}", notes.len());
    let chars: HashSet<char> = db.items.iter().flat_map(|i| i.materials.chars()).collect();
    assert!(chars.len() > 700, "{} distinct characters", chars.len());
    // Free text recombines the rules' character pairs: far more distinct pairs than the rules
    // text itself has (~2,700), so it does not compress like a handful of repeated sentences.
    let text: Vec<char> = db.items.iter().flat_map(|i| i.materials.chars()).collect();
    let pairs: HashSet<(char, char)> = text.windows(2).map(|w| (w[0], w[1])).collect();
    assert!(pairs.len() > 6_000, "{} distinct character pairs", pairs.len());
}

#[test]
fn every_recorded_vote_follows_the_rules() {
    let db = db();
    let s = &db.settings;
    let mut checked = 0;
    for m in &db.meetings {
        let roster: Vec<_> = db.org.roster_at(m.date).iter().map(|r| r.member).collect();
        assert_eq!(m.attendance.iter().map(|a| a.member).collect::<Vec<_>>(), roster);
        assert_eq!(m.chair, db.org.secretary_at(m.date));
        if m.stage == MeetingStage::Planned {
            assert!(m.items.iter().all(|r| r.ballot.is_none()) && m.summary.is_none());
            continue;
        }
        let summary = m.summary.as_ref().expect("summary");
        assert!(summary.text.contains(&format!("〔{}〕{}号", summary.year, summary.number)));
        for r in &m.items {
            let (Some(ballot), Some(res)) = (&r.ballot, &r.result) else { continue };
            checked += 1;
            let item = db.item(r.item).unwrap();
            let due: Vec<_> =
                m.attendance.iter().filter(|a| a.not_counted.is_none() && !r.recused.contains(&a.member)).collect();
            let present: Vec<_> = due.iter().filter(|a| a.presence == Presence::Present).map(|a| a.member).collect();
            assert_eq!(res.due as usize, due.len());
            assert_eq!(res.present as usize, present.len());
            let quorum = if item.category.needs_special_quorum() { s.special_quorum } else { s.open_quorum };
            assert_eq!(res.quorum_met, res.present * quorum.den > res.due * quorum.num);
            assert_eq!(res.passed, res.quorum_met && res.yes * 2 > res.due);
            match ballot {
                Ballot::Open { votes, method } => {
                    assert!(*method != VoteMethod::Secret);
                    assert_eq!(votes.last().map(|v| v.member), m.chair, "chair votes last");
                    assert_eq!(votes.len(), present.len());
                    assert!(votes.iter().all(|v| present.contains(&v.member)));
                    assert!(votes.iter().all(|v| v.reservation.is_none() || v.choice == Choice::No));
                    assert_eq!(res.yes as usize, votes.iter().filter(|v| v.choice == Choice::Yes).count());
                }
                Ballot::Secret(t) => {
                    assert!(t.yes + t.no + t.abstain + t.invalid <= present.len() as u32);
                    assert_eq!(res.yes, t.yes);
                }
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

#[test]
fn summaries_are_numbered_per_year_without_gaps() {
    let db = db();
    for year in YEARS {
        let nums: Vec<u32> = db
            .meetings
            .iter()
            .filter_map(|m| m.summary.as_ref())
            .filter(|s| s.year == year)
            .map(|s| s.number)
            .collect();
        assert_eq!(nums, (1..=nums.len() as u32).collect::<Vec<_>>(), "{year}");
    }
    assert_eq!(db.meetings.iter().filter(|m| m.stage == MeetingStage::Closed).count(), 1);
    assert!(db.meetings.iter().any(|m| m.stage == MeetingStage::Planned && m.kind == MeetingKind::Regular));
}

#[test]
fn backup_json_round_trips() {
    let db = db();
    let json = serde_json::to_string(&db).unwrap();
    assert_eq!(serde_json::from_str::<Db>(&json).unwrap(), db);
}

#[test]
fn the_backup_file_imports_back_unchanged() {
    let db = db();
    let now = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(18, 0, 0).unwrap();
    let text = yishi::backup::export_json(&db, now);
    assert!(text.len() < yishi::backup::MAX_BACKUP_BYTES);
    let back = yishi::backup::parse_backup(&text, None).expect("the reference backup imports");
    // Reading a file gives every record a revision; the records themselves come back unchanged.
    let mut expected = db;
    yishi::domain::revision::ensure(&mut expected);
    assert_eq!(back, expected);
}
