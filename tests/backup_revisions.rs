//! Revisions and the three-way merge: ancestry, merges between two copies that changed
//! records independently (property tests: no version is lost, re-import changes nothing,
//! changes made on one side only survive in either order), signed meetings, meeting packages
//! to a tablet and back, two tabs, and stores and files from before revisions.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use proptest::prelude::*;
use yishi::backup::merge::{merge, plan, rebase, Action, Choice};
use yishi::backup::{export_json, export_package, read_file, Scope};
use yishi::domain::db::Db;
use yishi::domain::doc::{doc_value, docs, DocId};
use yishi::domain::item::AgendaItem;
use yishi::domain::meeting::{Amendment, MeetingStage};
use yishi::domain::revision::{ensure, settle_keep, settle_take, stamp, RevInfo};
use yishi::storage::{MemoryBackend, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()
}

fn at() -> chrono::NaiveDateTime {
    today().and_hms_opt(10, 0, 0).unwrap()
}

/// One browser's copy: its records and what it last saved.
#[derive(Clone)]
struct Copy {
    db: Db,
    committed: Db,
}

impl Copy {
    fn new(db: &Db) -> Copy {
        Copy { db: db.clone(), committed: db.clone() }
    }
    /// A save: changed records get their revisions.
    fn save(&mut self) {
        stamp(&self.committed, &mut self.db);
        self.committed = self.db.clone();
    }
    /// A file was written: the revisions so far have left this browser.
    fn export(&mut self) {
        self.db.unshared.clear();
        self.save();
    }
    fn edit(&mut self, f: impl FnOnce(&mut Db)) {
        f(&mut self.db);
        self.save();
    }
    /// Take `file` in by a merge, every conflict's versions both kept.
    fn import(&mut self, file: &Db) {
        self.db = merge(&self.db, &plan(&self.db, file), &HashMap::new());
        self.save();
    }
}

/// The example data as a browser holds it after its first save.
fn base() -> Db {
    let mut c = Copy { db: yishi::sample::example::example_db(today()), committed: Db::default() };
    c.save();
    c.db.unshared.clear();
    c.db
}

fn rev_of(db: &Db, d: DocId) -> Arc<RevInfo> {
    db.revs[&d].clone()
}

#[test]
fn an_edit_makes_a_revision_amended_in_place_until_it_leaves_the_browser() {
    let mut c = Copy::new(&base());
    let item = c.db.items[0].id;
    let d = DocId::Item(item);
    let r0 = rev_of(&c.db, d);
    assert_eq!(r0.start, 1);
    c.edit(|db| db.item_mut(item).unwrap().materials.push('一'));
    let r1 = rev_of(&c.db, d);
    assert_eq!((r1.start, r1.ids.len()), (2, 2), "a child of the shared revision");
    assert!(r1.descends_from(r0.rev()));
    assert_eq!(r1.rev().to_string().len(), 2 + 16, "N-digest, 16 hex digits");
    c.edit(|db| db.item_mut(item).unwrap().materials.push('二'));
    let r2 = rev_of(&c.db, d);
    assert_eq!(r2.start, 2, "not yet exported: amended in place");
    assert_ne!(r2.ids[0], r1.ids[0]);
    assert!(r2.descends_from(r0.rev()));
    c.export();
    c.edit(|db| db.item_mut(item).unwrap().materials.push('三'));
    let r3 = rev_of(&c.db, d);
    assert_eq!(r3.start, 3, "after an export: a child");
    assert!(r3.descends_from(r2.rev()));
    // Untouched records keep their revision; a deletion leaves a tombstone.
    let other = DocId::Item(c.db.items[1].id);
    assert_eq!(rev_of(&c.db, other), rev_of(&base(), other));
    let ev = c.db.evidence[0].id;
    c.edit(|db| db.evidence.retain(|e| e.id != ev));
    let t = rev_of(&c.db, DocId::Evidence(ev));
    assert!(t.deleted && t.start == 2);
    // The same change from the same parent makes the same revision anywhere.
    let mut a = Copy::new(&base());
    let mut b = Copy::new(&base());
    a.edit(|db| db.org.superior = "州党委".into());
    b.edit(|db| db.org.superior = "州党委".into());
    assert_eq!(rev_of(&a.db, DocId::Settings), rev_of(&b.db, DocId::Settings));
}

#[test]
fn the_tablet_records_a_meeting_and_the_office_takes_it_back_with_its_own_edits() {
    let mut pc = Copy::new(&base());
    let planned = pc.db.meetings.iter().find(|m| m.stage == MeetingStage::Planned).unwrap().id;
    // The package to the tablet.
    let file = export_package(&pc.db, planned, at()).unwrap();
    pc.export();
    let package = read_file(&String::from_utf8(file).unwrap(), None).unwrap();
    assert_eq!(package.scope, Scope::Meeting(planned));
    assert_eq!(package.db.meetings.len(), 1);
    assert!(package.db.evidence.is_empty() && package.db.study_plans.is_empty());
    assert_eq!(package.db.org, pc.db.org, "the whole roster");
    let mut tablet = Copy::new(&Db::default());
    tablet.import(&package.db);
    assert_eq!(tablet.db.meeting(planned), pc.db.meeting(planned));
    // A long meeting: a hundred saves on the tablet.
    for i in 0..100 {
        tablet.edit(|db| db.meeting_mut(planned).unwrap().place = format!("会议室 {i}"));
    }
    // Meanwhile the clerk edits a member's note on the PC.
    let member = pc.db.org.members[0].id;
    pc.edit(|db| db.org.members[0].note = "机关".into());
    // Back to the PC.
    let back = export_package(&tablet.db, planned, at()).unwrap();
    let back = read_file(&String::from_utf8(back).unwrap(), None).unwrap().db;
    let p = plan(&pc.db, &back);
    let change = |d: DocId| p.changes.iter().find(|c| c.doc == d).map(|c| c.action.clone());
    assert_eq!(change(DocId::Meeting(planned)), Some(Action::TakeFile));
    assert_eq!(change(DocId::Member(member)), Some(Action::KeepHere), "the PC's note is newer");
    assert_eq!(p.conflicts().count(), 0);
    pc.import(&back);
    assert_eq!(pc.db.meeting(planned).unwrap().place, "会议室 99");
    assert_eq!(pc.db.org.members[0].note, "机关", "the PC's edit survives");
    // Both changed the meeting since: a real conflict, shown, and settled.
    let mut pc2 = pc.clone();
    pc2.export();
    let mut tablet2 = Copy::new(&Db::default());
    tablet2.import(
        &read_file(&String::from_utf8(export_package(&pc2.db, planned, at()).unwrap()).unwrap(), None).unwrap().db,
    );
    tablet2.edit(|db| db.meeting_mut(planned).unwrap().time = "15:00".into());
    pc2.edit(|db| db.meeting_mut(planned).unwrap().time = "09:00".into());
    let back =
        read_file(&String::from_utf8(export_package(&tablet2.db, planned, at()).unwrap()).unwrap(), None).unwrap().db;
    let p = plan(&pc2.db, &back);
    let c = p.conflicts().next().expect("a conflict");
    assert_eq!(c.doc, DocId::Meeting(planned));
    assert_eq!(c.action, Action::Conflict { fields: vec!["time".into()], protected: false });
    pc2.import(&back);
    assert_eq!(pc2.db.meeting(planned).unwrap().time, "09:00");
    let mut settled = pc2.db.clone();
    settle_take(&mut settled, DocId::Meeting(planned), 0).unwrap();
    assert_eq!(settled.meeting(planned).unwrap().time, "15:00");
    assert!(settled.revs[&DocId::Meeting(planned)].conflicts.is_empty());
    let mut kept = pc2.db.clone();
    settle_keep(&mut kept, DocId::Meeting(planned), 0).unwrap();
    assert_eq!(kept.meeting(planned).unwrap().time, "09:00");
    // The tablet, given the settled PC's file, takes it: the conflict is over everywhere.
    let mut pc3 = Copy::new(&kept);
    pc3.save();
    let p = plan(&tablet2.db, &pc3.db);
    let c = p.changes.iter().find(|c| c.doc == DocId::Meeting(planned)).unwrap();
    assert_eq!(c.action, Action::TakeFile);
}

#[test]
fn no_import_changes_a_signed_meeting() {
    let mut pc = Copy::new(&base());
    let signed = pc.db.meetings.iter().find(|m| m.stage == MeetingStage::Signed).unwrap().id;
    pc.export();
    let mut other = pc.clone();
    other.edit(|db| {
        let m = db.meeting_mut(signed).unwrap();
        m.summary.as_mut().unwrap().text.push_str("（改动）");
    });
    let p = plan(&pc.db, &other.db);
    let c = p.changes.iter().find(|c| c.doc == DocId::Meeting(signed)).unwrap();
    assert_eq!(c.action, Action::Conflict { fields: vec!["summary".into()], protected: true });
    let choices = HashMap::from([(DocId::Meeting(signed), Choice::TakeFile)]);
    let merged = merge(&pc.db, &p, &choices);
    assert_eq!(merged.meeting(signed), pc.db.meeting(signed), "not even when asked to");
    let kept = &merged.revs[&DocId::Meeting(signed)].conflicts;
    assert!(kept.len() == 1 && kept[0].protected);
    let mut m = merged.clone();
    assert!(settle_take(&mut m, DocId::Meeting(signed), 0).is_err());
    // An amendment appended elsewhere is taken.
    let mut amended = pc.clone();
    amended.edit(|db| {
        db.meeting_mut(signed).unwrap().amendments.push(Amendment {
            by: "书记".into(),
            at: at(),
            reason: "笔误".into(),
            text: "第二项中的“五月”应为“六月”。".into(),
            target: None,
        })
    });
    let p = plan(&pc.db, &amended.db);
    let c = p.changes.iter().find(|c| c.doc == DocId::Meeting(signed)).unwrap();
    assert_eq!(c.action, Action::TakeFile);
}

#[test]
fn two_tabs_put_their_changes_together_and_keep_both_where_both_changed() {
    let mut a = Copy::new(&base());
    let mut b = a.clone();
    let (i0, i1) = (a.db.items[0].id, a.db.items[1].id);
    let meeting = a.db.meetings[0].id;
    a.edit(|db| db.item_mut(i0).unwrap().materials = "A".into());
    a.edit(|db| db.meeting_mut(meeting).unwrap().place = "A 的地点".into());
    // Tab B has not heard of A's save.
    let base_b = b.committed.clone();
    b.db.item_mut(i1).unwrap().materials = "B".into();
    b.db.meeting_mut(meeting).unwrap().place = "B 的地点".into();
    b.db.org.superior = "B".into();
    let (merged, both) = rebase(&base_b, &b.db, &a.db);
    assert_eq!(both, vec![DocId::Meeting(meeting)]);
    assert_eq!(merged.item(i0).unwrap().materials, "A", "the other tab's change survives");
    assert_eq!(merged.item(i1).unwrap().materials, "B");
    assert_eq!(merged.org.superior, "B");
    assert_eq!(merged.meeting(meeting).unwrap().place, "B 的地点", "this tab's change is on show");
    let kept = &merged.revs[&DocId::Meeting(meeting)].conflicts;
    assert_eq!(kept[0].body.as_ref().unwrap()["place"], "A 的地点", "the other tab's is kept");
    // New records both tabs made under the same id are both kept.
    let mut a = Copy::new(&base());
    let mut b = a.clone();
    let id = a.db.next_id;
    let new_item = |title: &str| {
        let mut it: AgendaItem = (*a.db.items[0]).clone();
        it.id = id;
        it.title = title.into();
        Arc::new(it)
    };
    let (ia, ib) = (new_item("甲"), new_item("乙"));
    a.edit(|db| {
        db.items.push(ia);
        db.next_id += 1;
    });
    let base_b = b.committed.clone();
    b.db.items.push(ib);
    b.db.next_id += 1;
    let (merged, both) = rebase(&base_b, &b.db, &a.db);
    assert!(both.is_empty());
    let titles: Vec<&str> = merged.items.iter().filter(|i| i.id >= id).map(|i| i.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(merged.next_id > merged.items.iter().map(|i| i.id).max().unwrap());
}

#[test]
fn stores_and_files_from_before_revisions_open_with_the_same_revisions_everywhere() {
    // A schema-1 store: what this version wrote, with the schema and the revisions taken out.
    let plain = yishi::sample::example::example_db(today());
    let b = MemoryBackend::new();
    let (mut s, _, _) = Store::open(Box::new(b.clone()));
    let mut db = plain.clone();
    s.save(&mut db).unwrap();
    for k in b.raw_keys() {
        let v = b.raw_get(&k).unwrap();
        if k == "yishi:m" {
            let json = v[16..].replace("\"schema\":2", "\"schema\":1");
            b.raw_set(&k, &format!("{}{json}", yishi::storage::codec::short_sum(&json)));
        } else if k.starts_with("yishi:p:") {
            let text = yishi::storage::codec::decode(&v).unwrap();
            let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
            value.as_object_mut().unwrap().remove("revs");
            value.as_object_mut().unwrap().remove("unshared");
            let packed = yishi::storage::codec::encode(&value.to_string());
            b.raw_set(&k, &packed);
        }
    }
    // The manifest's checksums of the rewritten partitions.
    let m = b.raw_get("yishi:m").unwrap();
    let mut mv: serde_json::Value = serde_json::from_str(&m[16..]).unwrap();
    for (name, r) in mv["parts"].as_object_mut().unwrap() {
        let key = format!("yishi:p:{name}:{}", r["rev"]);
        let v = b.raw_get(&key).unwrap();
        r["sum"] = yishi::storage::codec::part_sum(&v).into();
        r["len"] = yishi::storage::codec::utf16_len(&v).into();
    }
    let json = mv.to_string();
    b.raw_set("yishi:m", &format!("{}{json}", yishi::storage::codec::short_sum(&json)));

    let (mut s, mut opened, out) = Store::open(Box::new(b.clone()));
    assert_eq!(out, yishi::storage::LoadOutcome::Loaded);
    assert_eq!(Db { revs: Default::default(), ..opened.clone() }, Db { revs: Default::default(), ..plain.clone() });
    assert_eq!(opened.revs.len(), docs(&opened).len(), "every record has its first revision");
    let mut expected = plain.clone();
    ensure(&mut expected);
    assert_eq!(opened.revs, expected.revs, "the same revisions as anywhere else");
    s.save(&mut opened).unwrap();
    assert!(b.raw_get("yishi:m").unwrap().contains("\"schema\":2"));
    // A schema-1 backup file imports with the same revisions.
    let mut v: serde_json::Value = serde_json::from_str(&export_json(&plain, at())).unwrap();
    v["schema"] = 1.into();
    v["data"].as_object_mut().unwrap().remove("revs");
    let text = serde_json::to_string(&v["data"]).unwrap();
    v["sha256"] = yishi::storage::codec::sha256_hex(text.as_bytes()).into();
    let read = read_file(&v.to_string(), None).unwrap();
    assert_eq!(read.db.revs, expected.revs);
    // And merging it into the migrated store changes nothing.
    assert!(plan(&opened, &read.db).changes.is_empty());
}

/// A change one copy makes.
#[derive(Clone, Debug)]
enum Op {
    /// Append text to the materials of item k.
    EditItem(usize, String),
    /// Set the place of the k-th meeting not yet signed (a signed one is locked).
    EditMeeting(usize, String),
    /// Set the note of member k.
    EditMember(usize, String),
    /// Set the unit's superior.
    EditSettings(String),
    /// Delete evidence record k.
    DeleteEvidence(usize),
    /// A new agenda item (under the next id).
    AddItem(String),
    /// A file was written.
    Export,
}

fn op() -> impl Strategy<Value = Op> {
    let text = "[甲乙丙丁]{1,3}";
    prop_oneof![
        (0..6usize, text).prop_map(|(k, t)| Op::EditItem(k, t)),
        (0..4usize, text).prop_map(|(k, t)| Op::EditMeeting(k, t)),
        (0..3usize, text).prop_map(|(k, t)| Op::EditMember(k, t)),
        text.prop_map(Op::EditSettings),
        (0..3usize).prop_map(Op::DeleteEvidence),
        text.prop_map(Op::AddItem),
        Just(Op::Export),
    ]
}

fn apply_op(c: &mut Copy, op: &Op) {
    match op {
        Op::EditItem(k, t) => c.edit(|db| {
            let n = db.items.len();
            Arc::make_mut(&mut db.items[k % n]).materials.push_str(t)
        }),
        Op::EditMeeting(k, t) => c.edit(|db| {
            let open: Vec<usize> = (0..db.meetings.len()).filter(|i| !db.meetings[*i].is_locked()).collect();
            Arc::make_mut(&mut db.meetings[open[k % open.len()]]).place = t.clone()
        }),
        Op::EditMember(k, t) => c.edit(|db| {
            let n = db.org.members.len();
            db.org.members[k % n].note = t.clone()
        }),
        Op::EditSettings(t) => c.edit(|db| db.org.superior = t.clone()),
        Op::DeleteEvidence(k) => c.edit(|db| {
            if !db.evidence.is_empty() {
                let n = db.evidence.len();
                db.evidence.remove(k % n);
            }
        }),
        Op::AddItem(t) => c.edit(|db| {
            let mut it: AgendaItem = (*db.items[0]).clone();
            it.id = db.new_id();
            it.title = t.clone();
            db.items.push(Arc::new(it));
        }),
        Op::Export => c.export(),
    }
}

/// Whether `merged` still holds the version `side` has of each of its records: as the
/// record, as a kept conflict version (with that content), or as an ancestor of the record's
/// revision there (a later edit of the same record). Renumbered records are looked up by
/// revision.
fn holds_every_version(merged: &Db, side: &Db) -> Result<(), String> {
    for (d, info) in &side.revs {
        let r = info.rev();
        // Held: an ancestor of the record's revision, or a kept conflict version. A version
        // only marked settled is held when its content is the record's (the same content
        // reached on both sides): a default merge settles nothing else.
        let holds = |x: &DocId| {
            merged.revs.get(x).is_some_and(|m| {
                m.descends_from(r)
                    || m.conflicts.iter().any(|c| c.rev() == r)
                    || (m.settled.contains(&r.to_string()) && doc_value(merged, *x) == doc_value(side, *d))
            })
        };
        let found = std::iter::once(*d).chain(merged.revs.keys().copied().filter(|x| x.kind() == d.kind())).find(holds);
        let Some(x) = found else { return Err(format!("{d} {r} lost")) };
        let m = &merged.revs[&x];
        if m.rev() == r && !info.deleted && doc_value(merged, x) != doc_value(side, *d) {
            // Renumbered records differ in their id only.
            if x == *d {
                return Err(format!("{d}: same revision, other content"));
            }
        }
        if let Some(c) = m.conflicts.iter().find(|c| c.rev() == r) {
            if x == *d && c.body != doc_value(side, *d) {
                return Err(format!("{d}: the kept version's content differs"));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn merges_lose_no_version_repeat_to_nothing_and_keep_one_sided_changes(
        a_ops in proptest::collection::vec(op(), 0..8),
        b_ops in proptest::collection::vec(op(), 0..8),
    ) {
        let base = base();
        let mut a = Copy::new(&base);
        let mut b = Copy::new(&base);
        for o in &a_ops { apply_op(&mut a, o); }
        for o in &b_ops { apply_op(&mut b, o); }
        for (here, file) in [(&a, &b), (&b, &a)] {
            let p = plan(&here.db, &file.db);
            let merged = merge(&here.db, &p, &HashMap::new());
            prop_assert_eq!(holds_every_version(&merged, &here.db), Ok(()));
            prop_assert_eq!(holds_every_version(&merged, &file.db), Ok(()));
            // The same file again changes nothing.
            let again = merge(&merged, &plan(&merged, &file.db), &HashMap::new());
            prop_assert!(again == merged, "re-import changed records");
            // A record only one side changed has that side's content, in either order.
            for e in docs(&base) {
                let d = e.id;
                let (ra, rb, r0) = (a.db.revs.get(&d), b.db.revs.get(&d), &base.revs[&d]);
                let only = match (ra == Some(r0), rb == Some(r0)) {
                    (false, true) => Some(&a.db),
                    (true, false) => Some(&b.db),
                    _ => None,
                };
                if let Some(side) = only {
                    prop_assert_eq!(doc_value(&merged, d), doc_value(side, d), "{}", d);
                }
            }
        }
    }
}

#[test]
fn two_tabs_editing_different_fields_of_the_settings_keep_both_changes() {
    let mut a = Copy::new(&base());
    let b = a.clone();
    a.edit(|db| db.org.superior = "A 改的上级党委".into());
    // Tab B's settings draft, opened before A's save, changes another field.
    let opened = b.committed.clone();
    let mut ours = opened.clone();
    ours.settings.expenditure_threshold_yuan += 1;
    let (merged, both) = rebase(&opened, &ours, &a.db);
    assert!(both.is_empty(), "different fields: no conflict");
    assert_eq!(merged.org.superior, "A 改的上级党委");
    assert_eq!(merged.settings.expenditure_threshold_yuan, opened.settings.expenditure_threshold_yuan + 1);
    let r = &merged.revs[&DocId::Settings];
    assert!(r.descends_from(a.db.revs[&DocId::Settings].rev()), "a revision after tab A's");
    // The same field changed in both: this tab's value shows, the other is kept beside it.
    let mut ours = opened.clone();
    ours.org.superior = "B 改的上级党委".into();
    let (merged, both) = rebase(&opened, &ours, &a.db);
    assert_eq!(both, vec![DocId::Settings]);
    assert_eq!(merged.org.superior, "B 改的上级党委");
    assert_eq!(merged.revs[&DocId::Settings].conflicts[0].body.as_ref().unwrap()["superior"], "A 改的上级党委");
}
