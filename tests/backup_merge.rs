//! Import preview, merge and replace, encryption and the year archive.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod storage_support;

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use storage_support::{ten_years, TextKind};
use yishi::backup::{
    apply, archive_year, check_references, decrypt, encrypt, export_json, parse_backup, preview, ImportError,
    ImportMode,
};
use yishi::domain::db::Db;
use yishi::domain::org::NonMember;

fn now() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap().and_hms_opt(9, 0, 0).unwrap()
}

#[test]
fn importing_the_same_data_changes_nothing() {
    let db = ten_years(TextKind::Phrases, 1);
    let p = preview(&db, &db);
    assert_eq!(p.new.total() + p.changed.total() + p.conflicting.total(), 0);
    assert_eq!(p.unchanged.total(), p.incoming.total());
    assert_eq!(apply(&db, db.clone(), ImportMode::Merge), db);
}

#[test]
fn into_an_empty_browser_everything_is_new_and_merge_equals_replace() {
    let db = ten_years(TextKind::Phrases, 1);
    let empty = Db::default();
    let p = preview(&empty, &db);
    assert_eq!(p.new.meetings, 15);
    assert_eq!(p.new.total(), p.incoming.total());
    assert_eq!(apply(&empty, db.clone(), ImportMode::Merge), db);
    assert_eq!(apply(&empty, db.clone(), ImportMode::Replace), db);
}

#[test]
fn merge_counts_and_resolves_new_changed_and_conflicting_records() {
    let base = ten_years(TextKind::Phrases, 1);
    let mut here = base.clone();
    let mut there = base.clone();
    // Changed: same meeting, edited elsewhere.
    Arc::make_mut(&mut there.meetings[0]).place = "五楼".into();
    // New: a record created elsewhere with a free id.
    there.org.attendees.push(NonMember { id: 5000, name: "新列席".into(), position: "科长".into() });
    // Conflict: both sides created a different attendee with id 6000, and the incoming one is
    // referenced by an incoming meeting.
    here.org.attendees.push(NonMember { id: 6000, name: "本地人".into(), position: "主任".into() });
    there.org.attendees.push(NonMember { id: 6000, name: "外来人".into(), position: "副主任".into() });
    Arc::make_mut(&mut there.meetings[1]).observers.push(6000);
    here.next_id = 6001;
    there.next_id = 6001;
    // Only here: a local record the file lacks.
    here.org.attendees.push(NonMember { id: 7000, name: "仅本地".into(), position: "x".into() });
    here.next_id = 7001;

    let p = preview(&here, &there);
    assert_eq!(p.changed.meetings, 2, "{p:?}");
    assert_eq!(p.new.attendees, 1);
    assert_eq!(p.conflicting.attendees, 1);
    assert_eq!(p.only_here.attendees, 1);

    let mut merged = apply(&here, there.clone(), ImportMode::Merge);
    assert_eq!(merged.meetings[0].place, "五楼", "the file's version wins");
    let names: Vec<&str> = merged.org.attendees.iter().map(|a| a.name.as_str()).collect();
    for n in ["本地人", "外来人", "新列席", "仅本地"] {
        assert!(names.contains(&n), "{n} in {names:?}");
    }
    let moved = merged.org.attendees.iter().find(|a| a.name == "外来人").unwrap().id;
    assert!(moved >= 7001, "fresh id {moved}");
    assert!(merged.meetings[1].observers.contains(&moved), "the reference follows the remapped id");
    assert!(!merged.meetings[1].observers.contains(&6000));
    check_references(&mut merged).unwrap();
    assert!(merged.next_id > moved);

    let replaced = apply(&here, there.clone(), ImportMode::Replace);
    assert_eq!(replaced, there);
}

#[test]
fn encrypted_backups_round_trip_and_a_wrong_passphrase_fails_closed() {
    let db = ten_years(TextKind::Phrases, 1);
    let json = export_json(&db, now());
    let enc = encrypt(&json, "正确的口令 correct horse").unwrap();
    assert!(!enc.contains("三楼会议室"));
    let v: serde_json::Value = serde_json::from_str(&enc).unwrap();
    assert_eq!(v["iterations"], 600_000);
    // (Each key derivation is 600,000 PBKDF2 rounds: slow in debug builds, so few are made.)
    assert_eq!(parse_backup(&enc, Some("正确的口令 correct horse")).unwrap(), db);
    assert_eq!(parse_backup(&enc, Some("wrong")), Err(ImportError::WrongPassphrase));
    assert_eq!(parse_backup(&enc, None), Err(ImportError::NeedPassphrase));
    // A flipped ciphertext character is caught by the tag.
    let mut tampered: serde_json::Value = v.clone();
    let ct = tampered["ciphertext"].as_str().unwrap().to_string();
    let flipped = format!("{}{}", if ct.starts_with('A') { "B" } else { "A" }, &ct[1..]);
    tampered["ciphertext"] = flipped.into();
    assert_eq!(decrypt(&tampered.to_string(), "正确的口令 correct horse"), Err(ImportError::WrongPassphrase));
    // A weakened iteration count is refused before any work.
    let mut weak = v.clone();
    weak["iterations"] = 1000.into();
    assert!(matches!(decrypt(&weak.to_string(), "x"), Err(ImportError::Encryption(_))));
    // Another encryption of the same text uses a fresh salt and nonce.
    let again: serde_json::Value = serde_json::from_str(&encrypt(&json, "p").unwrap()).unwrap();
    assert_ne!(again["salt"], v["salt"]);
    assert_ne!(again["nonce"], v["nonce"]);
}

#[test]
fn a_year_archive_splits_cleanly_and_imports_back() {
    let db = ten_years(TextKind::Phrases, 3);
    let (mut archive, mut rest) = archive_year(&db, 2017);
    assert!(!archive.meetings.is_empty());
    // Every 2017 meeting goes; a December 2016 meeting whose follow-up closed in 2017 goes
    // with it (a group goes with the latest year it touches); nothing later goes.
    assert!(
        rest.meetings.iter().filter(|m| m.date.year() == 2017).all(|m| m.date.month() >= 10),
        "only late-2017 meetings whose follow-up ran into 2018 stay"
    );
    assert!(archive.meetings.iter().filter(|m| m.date.year() == 2017).count() >= 10);
    assert!(archive.meetings.iter().all(|m| m.date.year() == 2017 || m.date.year() == 2016));
    assert!(archive.meetings.iter().filter(|m| m.date.year() == 2016).all(|m| m.date.month() >= 10));
    assert_eq!(archive.meetings.len() + rest.meetings.len(), db.meetings.len());
    assert_eq!(archive.tasks.len() + rest.tasks.len(), db.tasks.len());
    // Both halves keep every reference, so both are valid backups.
    check_references(&mut archive).unwrap();
    check_references(&mut rest).unwrap();
    let file = export_json(&archive, now());
    let back = parse_backup(&file, None).unwrap();
    let p = preview(&rest, &back);
    assert_eq!(p.conflicting.total(), 0);
    assert_eq!(p.new.meetings as usize, archive.meetings.len());
    let restored = apply(&rest, back, ImportMode::Merge);
    let mut a = restored.meetings.iter().map(|m| m.id).collect::<Vec<_>>();
    let mut b = db.meetings.iter().map(|m| m.id).collect::<Vec<_>>();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert_eq!(restored.items.len(), db.items.len());
}

#[test]
fn a_group_touching_a_later_year_stays_in_the_browser() {
    let mut db = ten_years(TextKind::Phrases, 2);
    // A 2016 decision still being followed up in 2017: its task is open.
    let t = db.tasks.iter_mut().map(Arc::make_mut).find(|t| t.created.year() == 2016).unwrap();
    t.closed = None;
    let source = t.source.unwrap();
    let (archive, rest) = archive_year(&db, 2016);
    assert!(archive.meeting(source.meeting).is_none());
    assert!(rest.meeting(source.meeting).is_some());
    assert!(rest.item(source.item).is_some());
}
