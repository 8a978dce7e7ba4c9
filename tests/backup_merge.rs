//! Import preview, merge and replace, encryption and the year archive.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod storage_support;

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use storage_support::{ten_years, TextKind};
use yishi::backup::merge::{plan, Action};
use yishi::backup::{
    apply, archive_year, check_references, decrypt, encrypt, export_json, parse_backup, ImportError, ImportMode,
};
use yishi::domain::db::Db;
use yishi::domain::doc::DocId;
use yishi::domain::org::NonMember;
use yishi::domain::revision::ensure;

fn now() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap().and_hms_opt(9, 0, 0).unwrap()
}

#[test]
fn importing_the_same_data_changes_nothing() {
    let db = ten_years(TextKind::Phrases, 1);
    let p = plan(&db, &db);
    assert!(p.changes.is_empty(), "{:?}", p.changes.first());
    assert!(p.unchanged > 200, "{}", p.unchanged);
    let mut revised = db.clone();
    ensure(&mut revised);
    assert_eq!(apply(&db, db.clone(), ImportMode::Merge), revised);
}

#[test]
fn into_an_empty_browser_everything_is_new_and_merge_equals_replace() {
    let mut db = ten_years(TextKind::Phrases, 1);
    ensure(&mut db);
    let empty = Db::default();
    let p = plan(&empty, &db);
    assert_eq!(p.count(|a| *a == Action::Add), p.changes.len() - 1, "all new but the settings");
    assert_eq!(p.changes.iter().filter(|c| matches!(c.doc, DocId::Meeting(_))).count(), 15);
    let mut merged = apply(&empty, db.clone(), ImportMode::Merge);
    // The empty browser's own settings, never set up, are recorded as superseded by the file's.
    let settings = Arc::make_mut(merged.revs.get_mut(&DocId::Settings).unwrap());
    assert_eq!(settings.settled.len(), 1);
    settings.settled.clear();
    assert_eq!(merged, db);
    assert_eq!(apply(&empty, db.clone(), ImportMode::Replace), db);
}

#[test]
fn records_from_before_revisions_that_differ_are_kept_both_and_new_ids_do_not_collide() {
    let base = ten_years(TextKind::Phrases, 1);
    let mut here = base.clone();
    let mut there = base.clone();
    // Both copies come from before revisions: an item that differs cannot be told newer on
    // either side, so both versions are kept.
    Arc::make_mut(&mut there.items[0]).materials = "五楼".into();
    // New: a record created elsewhere with a free id.
    there.org.attendees.push(NonMember { id: 5000, name: "新列席".into(), position: "科长".into() });
    // Both sides created a different attendee with id 6000, and the incoming one is
    // referenced by an incoming meeting.
    here.org.attendees.push(NonMember { id: 6000, name: "本地人".into(), position: "主任".into() });
    there.org.attendees.push(NonMember { id: 6000, name: "外来人".into(), position: "副主任".into() });
    Arc::make_mut(&mut there.meetings[1]).observers.push(6000);
    here.next_id = 6001;
    there.next_id = 6001;
    // Only here: a local record the file lacks.
    here.org.attendees.push(NonMember { id: 7000, name: "仅本地".into(), position: "x".into() });
    here.next_id = 7001;

    let p = plan(&here, &there);
    let i0 = DocId::Item(base.items[0].id);
    let conflict = p.changes.iter().find(|c| c.doc == i0).unwrap();
    assert_eq!(conflict.action, Action::Conflict { fields: vec!["materials".into()], protected: false });
    assert!(conflict.label_zh.starts_with("议题 "), "{}", conflict.label_zh);
    assert_eq!(p.renumbered, 1);
    assert_eq!(p.count(|a| *a == Action::Add), 2, "the new attendee, and the other one under a new id");

    let mut merged = apply(&here, there.clone(), ImportMode::Merge);
    assert_eq!(merged.items[0].materials, base.items[0].materials, "this browser's version stays on show");
    let kept = &merged.revs[&i0].conflicts;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].body.as_ref().unwrap()["materials"], "五楼", "the file's version is kept beside it");
    let names: Vec<&str> = merged.org.attendees.iter().map(|a| a.name.as_str()).collect();
    for n in ["本地人", "外来人", "新列席", "仅本地"] {
        assert!(names.contains(&n), "{n} in {names:?}");
    }
    let moved = merged.org.attendees.iter().find(|a| a.name == "外来人").unwrap().id;
    assert!(moved >= 7001, "fresh id {moved}");
    // The meeting that names the incoming attendee differs from this browser's too: its
    // version is kept beside this browser's, naming the attendee by the new id.
    let m1 = &merged.revs[&DocId::Meeting(base.meetings[1].id)].conflicts[0];
    let observers = m1.body.as_ref().unwrap()["observers"].as_array().unwrap().clone();
    assert!(observers.contains(&serde_json::Value::from(moved)), "the reference follows the remapped id");
    assert!(!observers.contains(&serde_json::Value::from(6000)));
    check_references(&mut merged).unwrap();
    assert!(merged.next_id > moved);
    // The same file again: the renumbered record is found by its revision, nothing changes.
    let again = apply(&merged, there.clone(), ImportMode::Merge);
    assert_eq!(again, merged);

    let replaced = apply(&here, there.clone(), ImportMode::Replace);
    assert_eq!(replaced, there);
}

#[test]
fn encrypted_backups_round_trip_and_a_wrong_passphrase_fails_closed() {
    let mut db = ten_years(TextKind::Phrases, 1);
    ensure(&mut db);
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
    let p = plan(&rest, &back);
    assert_eq!(p.conflicts().count(), 0);
    let new_meetings = p.changes.iter().filter(|c| c.action == Action::Add && matches!(c.doc, DocId::Meeting(_)));
    assert_eq!(new_meetings.count(), archive.meetings.len());
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
