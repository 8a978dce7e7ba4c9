//! After an import, a planned meeting's roster follows the members the imported organisation
//! has serving on its date (第十八条（四）); a meeting already opened keeps the roster it
//! recorded.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

use chrono::NaiveDate;
use yishi::backup::{apply, ImportMode};
use yishi::domain::conduct::create_meeting;
use yishi::domain::db::Db;
use yishi::domain::meeting::{MeetingKind, MeetingStage};
use yishi::domain::org::{Member, Role, Term};
use yishi::domain::revision::{ensure, stamp};
use yishi::domain::Id;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn member(id: Id, name: &str, role: Role, start: &str) -> Member {
    Member {
        id,
        name: name.into(),
        note: String::new(),
        terms: vec![Term { role, start: d(start), end: None, director: false, main_leader: false }],
    }
}

/// Four members, a planned meeting (returned first) and one already opened.
fn here() -> (Db, Id, Id) {
    let mut db = Db::default();
    db.org.unit_name = "某局".into();
    db.org.members.push(member(1, "书记", Role::Secretary, "2020-01-01"));
    for i in 2..=4 {
        db.org.members.push(member(i, &format!("成员{i}"), Role::Member, "2020-01-01"));
    }
    db.next_id = 10;
    let planned = create_meeting(&mut db, MeetingKind::Regular, d("2026-03-05"));
    let opened = create_meeting(&mut db, MeetingKind::Regular, d("2026-03-04"));
    db.meeting_mut(opened).unwrap().stage = MeetingStage::InProgress;
    ensure(&mut db);
    (db, planned, opened)
}

/// The file: the same records, then a member added from 2026-03-01 and member 4's term ended
/// on 2026-02-28, elsewhere.
fn file(here: &Db) -> Db {
    let mut there = here.clone();
    there.org.members.push(member(50, "新成员", Role::Member, "2026-03-01"));
    there.org.members[3].terms[0].end = Some(d("2026-02-28"));
    there.next_id = 51;
    stamp(here, &mut there);
    there
}

fn roster(db: &Db, meeting: Id) -> Vec<Id> {
    db.meeting(meeting).unwrap().attendance.iter().map(|a| a.member).collect()
}

#[test]
fn a_merge_brings_planned_rosters_up_to_the_imported_members() {
    let (here, planned, opened) = here();
    assert_eq!(roster(&here, planned), vec![1, 2, 3, 4]);
    let merged = apply(&here, file(&here), ImportMode::Merge);
    assert_eq!(roster(&merged, planned), vec![1, 2, 3, 50], "the new member in, the one who left out");
    assert_eq!(roster(&merged, opened), vec![1, 2, 3, 4], "an opened meeting keeps its record");
}

#[test]
fn a_replace_brings_planned_rosters_up_to_the_imported_members() {
    let (here, planned, opened) = here();
    // The file's own planned meeting still has the roster of the day it was written.
    let replaced = apply(&here, file(&here), ImportMode::Replace);
    assert_eq!(roster(&replaced, planned), vec![1, 2, 3, 50]);
    assert_eq!(roster(&replaced, opened), vec![1, 2, 3, 4]);
}

#[test]
fn rosters_that_already_follow_are_left_as_they_are() {
    let (here, _, _) = here();
    let merged = apply(&here, here.clone(), ImportMode::Merge);
    assert_eq!(merged.meetings, here.meetings);
    assert_eq!(merged.revs, here.revs);
}
