//! Three-way merge of a file into this browser's records, by revision (see
//! [`crate::domain::revision`]).
//!
//! For each record the file carries, compared with this browser's copy:
//! - the file's revision is this browser's or one it already knows (an ancestor, a version
//!   settled into it, a kept conflict version): nothing changes;
//! - this browser's revision is an ancestor of the file's (or the file settled it): the file's
//!   version is taken (a tombstone deletes the record here);
//! - neither: the two diverged, a conflict. The user chooses per conflict; by default both are
//!   kept, this browser's as the record and the file's beside it, until someone settles it on
//!   the record's screen. Diverged copies with the same content are settled silently.
//!
//! A signed meeting (its 纪要 and record) is never changed by a file: a version that differs
//! in anything but appended amendments is kept beside it as a protected conflict.
//!
//! Records are matched by document id. A record whose id is taken here by a different record
//! (no shared revision, another natural key) gets a fresh id, with every reference to it in
//! the file; the same record met again under its fresh id is found by its revisions, so a file
//! merged twice changes nothing the second time.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use serde_json::Value;

use super::refs::{visit_ids, visit_refs};
use crate::domain::{
    db::Db,
    doc::{copy_doc, doc_value, docs, has_doc, DocId, DocKind},
    meeting::{Meeting, MeetingStage},
    revision::{self, RevInfo},
    sort, Id,
};

/// What a merge does with one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Only in the file: added.
    Add,
    /// The file's version is newer: it replaces this browser's.
    TakeFile,
    /// The file deleted the record after this browser's version: deleted here too.
    Delete,
    /// This browser's version is newer: kept (the file's is one of its ancestors).
    KeepHere,
    /// Both changed it since they last agreed.
    Conflict {
        /// The fields that differ (JSON member names, `settings.x` inside the settings).
        fields: Vec<String>,
        /// This browser's copy is a signed meeting: the file's version cannot be taken.
        protected: bool,
    },
}

/// One record the merge would change, or keeps because this browser's is newer.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The record, by its id here (after any remapping).
    pub doc: DocId,
    pub action: Action,
    /// Short names of the record, in Chinese and in English ("会议 2026-12-11 党组例会").
    pub label_zh: String,
    pub label_en: String,
}

/// The user's choice for one conflict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choice {
    /// Keep this browser's version as the record and the file's beside it (loses nothing).
    #[default]
    KeepBoth,
    /// Keep this browser's version; the file's is settled as superseded.
    KeepHere,
    /// Take the file's version; this browser's is settled as superseded.
    TakeFile,
}

/// What merging a file would do: every record that changes or is kept as newer here, with the
/// file's records already under the ids they get here.
#[derive(Clone, Debug)]
pub struct Plan {
    pub changes: Vec<Change>,
    /// Records the same on both sides.
    pub unchanged: usize,
    /// Records of the file that got a fresh id (their id is another record's here).
    pub renumbered: usize,
    incoming: Db,
}

impl Plan {
    /// The changes of one action kind.
    pub fn count(&self, f: impl Fn(&Action) -> bool) -> usize {
        self.changes.iter().filter(|c| f(&c.action)).count()
    }
    pub fn conflicts(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| matches!(c.action, Action::Conflict { .. }))
    }
    /// Nothing would change (every record the same, or newer here).
    pub fn changes_nothing(&self) -> bool {
        self.changes.iter().all(|c| c.action == Action::KeepHere)
    }
}

/// The natural identity of a record beyond its id, for a store or file from before
/// revisions: the same member name, the same item title and day, the same meeting day and kind.
fn natural_key(db: &Db, d: DocId) -> Option<String> {
    Some(match d {
        DocId::Member(id) => db.org.members.iter().find(|r| r.id == id)?.name.clone(),
        DocId::Department(id) => db.org.departments.iter().find(|r| r.id == id)?.name.clone(),
        DocId::Attendee(id) => db.org.attendees.iter().find(|r| r.id == id)?.name.clone(),
        DocId::Item(id) => db.item(id).map(|x| format!("{}|{}", x.title, x.created))?,
        DocId::Meeting(id) => db.meeting(id).map(|x| format!("{}|{:?}", x.date, x.kind))?,
        DocId::Task(id) => db.task(id).map(|x| format!("{}|{}", x.title, x.created))?,
        DocId::Evidence(id) => db.evidence.iter().find(|r| r.id == id).map(|x| format!("{:?}|{}", x.kind, x.date))?,
        _ => return None,
    })
}

/// Whether two revision entries are of one record: either knows the other's revision, or
/// their ancestries share one.
fn related(a: &RevInfo, b: &RevInfo) -> bool {
    if a.knows(b.rev()) || b.knows(a.rev()) {
        return true;
    }
    let mine: HashSet<(u32, &str)> = lineage(a).collect();
    lineage(b).any(|r| mine.contains(&r))
}

/// Every revision of an entry's ancestry, as (generation, digest).
fn lineage(r: &RevInfo) -> impl Iterator<Item = (u32, &str)> {
    r.ids.iter().enumerate().filter_map(move |(i, d)| Some((r.start.checked_sub(i as u32)?, d.as_str())))
}

/// A signed meeting here, and a version of it that changes anything but appended amendments
/// (or deletes it).
fn changes_signed(here: &Db, file: &Db, d: DocId) -> bool {
    let DocId::Meeting(id) = d else { return false };
    let Some(mine) = here.meeting(id).filter(|m| m.stage == MeetingStage::Signed) else { return false };
    let Some(theirs) = file.meeting(id) else { return true };
    let appended = theirs.amendments.len() >= mine.amendments.len()
        && theirs.amendments[..mine.amendments.len()] == mine.amendments[..];
    let strip = |m: &Meeting| Meeting { amendments: Vec::new(), current_item: 0, ..m.clone() };
    !(appended && strip(mine) == strip(theirs))
}

/// The field names of some objects, each once, in order. Inserted one by one: `collect` into a
/// set sorts first, and that would compile one more copy of the standard sort (wasm size).
fn key_set<'a>(keys: impl Iterator<Item = &'a String>) -> BTreeSet<&'a String> {
    let mut set = BTreeSet::new();
    for k in keys {
        set.insert(k);
    }
    set
}

/// The fields in which two versions of a record differ.
pub fn differing_fields(a: Option<&Value>, b: Option<&Value>) -> Vec<String> {
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            let keys = key_set(x.keys().chain(y.keys()));
            let mut out = Vec::new();
            for k in keys {
                let (p, q) = (x.get(k), y.get(k));
                if p == q {
                    continue;
                }
                match (k.as_str(), p, q) {
                    ("settings", Some(Value::Object(_)), Some(Value::Object(_))) => {
                        out.extend(differing_fields(p, q).into_iter().map(|f| format!("settings.{f}")))
                    }
                    _ => out.push(k.clone()),
                }
            }
            out
        }
        _ => Vec::new(),
    }
}

/// The ids of the file's records as they will be here: unchanged, the id of the same record
/// found here by its revisions, or a fresh one where the id belongs to another record here.
fn remap_ids(here: &Db, file: &Db) -> (HashMap<Id, Id>, usize) {
    let taken: HashSet<Id> =
        docs(here).iter().filter_map(|e| e.id.id()).chain(here.revs.keys().filter_map(|d| d.id())).collect();
    // Every revision here, to find a record of the file renumbered by an earlier merge.
    let mut by_rev: HashMap<(DocKind, u32, &str), DocId> = HashMap::new();
    for (d, r) in &here.revs {
        if d.id().is_some() {
            for (g, dg) in lineage(r) {
                by_rev.insert((d.kind(), g, dg), *d);
            }
        }
    }
    let mut next = here.next_id.max(file.next_id).max(1);
    for id in taken.iter().chain(file.revs.keys().filter_map(|d| d.id()).collect::<Vec<_>>().iter()) {
        next = next.max(id + 1);
    }
    let mut map: HashMap<Id, Id> = HashMap::new();
    let mut claimed: HashSet<Id> = HashSet::new();
    let mut later: Vec<(DocId, Id)> = Vec::new();
    let file_docs: Vec<(DocId, Option<&Arc<RevInfo>>)> = {
        let mut v: Vec<DocId> = docs(file).iter().map(|e| e.id).chain(file.revs.keys().copied()).collect();
        sort::sort(&mut v);
        v.dedup();
        v.into_iter()
            .filter(|d| d.id().is_some() && !matches!(d, DocId::StudySession(_) | DocId::DemocraticLife(_)))
            .map(|d| (d, file.revs.get(&d)))
            .collect()
    };
    // First the records that are the same record under the same id here.
    for (d, theirs) in &file_docs {
        let id = d.id().expect("filtered");
        let same = match (here.revs.get(d), theirs) {
            (Some(mine), Some(theirs)) => {
                related(mine, theirs)
                    || natural_key(here, *d).is_some_and(|k| natural_key(file, *d).as_deref() == Some(k.as_str()))
            }
            _ => false,
        };
        if same {
            map.insert(id, id);
            claimed.insert(id);
        } else {
            later.push((*d, id));
        }
    }
    // Then the ones found here under another id by their revisions; the rest keep their id
    // where it is free, or get a fresh one.
    let mut renumbered = 0;
    for (d, id) in later {
        let found = file
            .revs
            .get(&d)
            .and_then(|r| lineage(r).find_map(|(g, dg)| by_rev.get(&(d.kind(), g, dg)).and_then(|x| x.id())));
        let target = match found {
            Some(t) if !claimed.contains(&t) => t,
            _ if !taken.contains(&id) && !claimed.contains(&id) => id,
            _ => {
                renumbered += 1;
                next += 1;
                next - 1
            }
        };
        claimed.insert(target);
        map.insert(id, target);
    }
    (map, renumbered)
}

/// The file's records under the ids they get here (see [`remap_ids`]).
fn renumber(file: &Db, map: &HashMap<Id, Id>) -> Db {
    let mut out = file.clone();
    if map.iter().all(|(a, b)| a == b) {
        return out;
    }
    let f = |id: &mut Id| {
        if let Some(n) = map.get(id) {
            *id = *n;
        }
    };
    visit_ids(&mut out, &mut |_, id| f(id));
    visit_refs(&mut out, &mut |_, _, id| f(id));
    out.revs = sort::map_of(
        out.revs.into_iter().map(|(d, r)| (d.id().and_then(|i| map.get(&i)).map_or(d, |n| d.with_id(*n)), r)),
    );
    out.unshared.clear();
    out
}

/// What merging `file` into `here` would do (nothing is changed).
pub fn plan(here: &Db, file: &Db) -> Plan {
    let mut here_revs = here.clone();
    revision::ensure(&mut here_revs);
    let here = &here_revs;
    let mut file = file.clone();
    revision::ensure(&mut file);
    let (map, renumbered) = remap_ids(here, &file);
    let incoming = renumber(&file, &map);
    let mut changes = Vec::new();
    let mut unchanged = 0;
    let mut all: Vec<DocId> = docs(&incoming).iter().map(|e| e.id).chain(incoming.revs.keys().copied()).collect();
    sort::sort(&mut all);
    all.dedup();
    for d in all {
        let Some(theirs) = incoming.revs.get(&d) else { continue };
        let action = match here.revs.get(&d) {
            None if theirs.deleted => None,
            None => Some(Action::Add),
            Some(mine) if mine.rev() == theirs.rev() || mine.knows(theirs.rev()) => {
                (mine.rev() != theirs.rev() && has_doc(here, d)).then_some(Action::KeepHere)
            }
            Some(mine) => {
                let protected = changes_signed(here, &incoming, d);
                // A browser never set up takes the file's settings.
                let newer = theirs.knows(mine.rev()) || (d == DocId::Settings && here.is_empty());
                let (a, b) = (doc_value(here, d), doc_value(&incoming, d));
                if a == b && mine.deleted == theirs.deleted {
                    None // the same content reached by two paths: settled silently
                } else if newer && !protected {
                    Some(if theirs.deleted { Action::Delete } else { Action::TakeFile })
                } else {
                    Some(Action::Conflict { fields: differing_fields(a.as_ref(), b.as_ref()), protected })
                }
            }
        };
        match action {
            None => unchanged += usize::from(has_doc(&incoming, d)),
            Some(action) => {
                let (label_zh, label_en) = labels(here, &incoming, d);
                changes.push(Change { doc: d, action, label_zh, label_en });
            }
        }
    }
    sort::sort_by_key(&mut changes, |c| (order(&c.action), c.doc.kind(), c.doc));
    Plan { changes, unchanged, renumbered, incoming }
}

/// Conflicts first in a preview, then what the file changes, then what stays newer here.
fn order(a: &Action) -> u8 {
    match a {
        Action::Conflict { .. } => 0,
        Action::TakeFile => 1,
        Action::Delete => 2,
        Action::Add => 3,
        Action::KeepHere => 4,
    }
}

/// Merge the planned file into `here`, with the user's choice for each conflict (by default
/// both versions are kept). Returns the merged records; `here` is not changed.
pub fn merge(here: &Db, plan: &Plan, choices: &HashMap<DocId, Choice>) -> Db {
    let mut out = here.clone();
    revision::ensure(&mut out);
    let file = &plan.incoming;
    let mut all: Vec<DocId> = docs(file).iter().map(|e| e.id).chain(file.revs.keys().copied()).collect();
    sort::sort(&mut all);
    all.dedup();
    let decided: HashMap<DocId, &Action> = plan.changes.iter().map(|c| (c.doc, &c.action)).collect();
    for d in all {
        let Some(theirs) = file.revs.get(&d) else { continue };
        let mine = out.revs.get(&d).cloned();
        match (decided.get(&d), mine) {
            (Some(Action::Add | Action::TakeFile | Action::Delete), mine) => take(&mut out, file, d, theirs, mine),
            (Some(Action::Conflict { protected, .. }), Some(mine)) => {
                let choice = choices.get(&d).copied().unwrap_or_default();
                match choice {
                    Choice::TakeFile if !protected => take(&mut out, file, d, theirs, Some(mine)),
                    Choice::KeepHere if !protected => {
                        let mut info = (*mine).clone();
                        info.settled.push(theirs.rev().to_string());
                        out.revs.insert(d, Arc::new(info));
                    }
                    _ => {
                        let mut info = (*mine).clone();
                        info.conflicts.push(theirs.as_conflict(doc_value(file, d), *protected));
                        out.revs.insert(d, Arc::new(info));
                    }
                }
            }
            (None, None) if theirs.deleted => {
                // A deletion of a record this browser never had: kept, so it travels on.
                out.revs.insert(d, theirs.clone());
            }
            (None, Some(mine)) if mine.rev() != theirs.rev() && !mine.knows(theirs.rev()) => {
                // The same content by two paths: this browser's version absorbs the file's.
                let mut info = (*mine).clone();
                info.settled.push(theirs.rev().to_string());
                out.revs.insert(d, Arc::new(info));
            }
            _ => {}
        }
    }
    out.last_backup = out.last_backup.max(file.last_backup);
    let max = docs(&out).iter().filter_map(|e| e.id.id()).chain(out.revs.keys().filter_map(|d| d.id())).max();
    out.next_id = out.next_id.max(file.next_id).max(max.map_or(1, |m| m + 1));
    out
}

/// Take the file's version of `d` (or its deletion), keeping what this browser still holds
/// that the file does not know: its kept conflict versions, and its own version as settled.
fn take(out: &mut Db, file: &Db, d: DocId, theirs: &Arc<RevInfo>, mine: Option<Arc<RevInfo>>) {
    copy_doc(file, out, d);
    let mut info = (**theirs).clone();
    if let Some(mine) = mine {
        if !theirs.knows(mine.rev()) {
            info.settled.push(mine.rev().to_string());
        }
        for c in &mine.conflicts {
            if !info.knows(c.rev()) {
                info.conflicts.push(c.clone());
            }
        }
    }
    out.revs.insert(d, Arc::new(info));
    out.unshared.remove(&d);
}

/// The record's kind and name, for the preview, in Chinese and in English.
pub fn labels(here: &Db, file: &Db, d: DocId) -> (String, String) {
    let db = if has_doc(file, d) { file } else { here };
    let meeting = |id: Id| {
        here.meeting(id).or_else(|| file.meeting(id)).map(|m| {
            let title = if m.title.trim().is_empty() { m.kind.zh().to_string() } else { m.title.clone() };
            format!("{} {}", m.date, title)
        })
    };
    let name = match d {
        DocId::Settings => None,
        DocId::Member(id) => db.org.members.iter().find(|r| r.id == id).map(|m| m.display_name()),
        DocId::Department(id) => db.org.departments.iter().find(|r| r.id == id).map(|x| x.name.clone()),
        DocId::Attendee(id) => db.org.attendees.iter().find(|r| r.id == id).map(|x| x.name.clone()),
        DocId::Item(id) => db.item(id).map(|x| x.title.clone()),
        DocId::Meeting(id) | DocId::StudySession(id) | DocId::DemocraticLife(id) => meeting(id),
        DocId::Task(id) => db.task(id).map(|x| x.title.clone()),
        DocId::Evidence(id) => db.evidence.iter().find(|r| r.id == id).map(|x| format!("{} {}", x.date, x.kind.zh())),
        DocId::StudyPlan(y) => Some(y.to_string()),
    };
    let name: String =
        name.unwrap_or_else(|| d.id().map(|i| format!("#{i}")).unwrap_or_default()).chars().take(48).collect();
    let (zh, en) = kind_names(d.kind());
    let join = |k: &str, sep: &str| if name.is_empty() { k.to_string() } else { format!("{k}{sep}{name}") };
    (join(zh, " "), join(en, " "))
}

/// The name of a kind of record, in Chinese and in English.
pub fn kind_names(k: DocKind) -> (&'static str, &'static str) {
    match k {
        DocKind::Settings => ("设置", "Settings"),
        DocKind::Member => ("党组成员", "Member"),
        DocKind::Department => ("科室", "Department"),
        DocKind::Attendee => ("列席人员", "Attendee"),
        DocKind::Meeting => ("会议", "Meeting"),
        DocKind::Item => ("议题", "Agenda item"),
        DocKind::Task => ("督办事项", "Follow-up task"),
        DocKind::Evidence => ("履职记录", "Duty record"),
        DocKind::StudyPlan => ("学习计划", "Study plan"),
        DocKind::StudySession => ("学习记录", "Study record"),
        DocKind::DemocraticLife => ("民主生活会", "Democratic life meeting"),
    }
}

/// Another tab saved while this one was changing records: this tab's changes (`ours`, against
/// `base`, the state both started from) put on top of the other tab's (`theirs`). A record
/// only this tab changed takes this tab's version; one only the other tab changed keeps the
/// other's; one both changed keeps this tab's version as the record and the other tab's
/// beside it as a conflict, and is returned so the user can be told. New records whose id the
/// other tab gave to its own new records are renumbered.
pub fn rebase(base: &Db, ours: &Db, theirs: &Db) -> (Db, Vec<DocId>) {
    let mut ours = ours.clone();
    let stamped = revision::stamp(base, &mut ours);
    let used: HashSet<Id> =
        docs(theirs).iter().filter_map(|e| e.id.id()).chain(theirs.revs.keys().filter_map(|d| d.id())).collect();
    let mut next = ours.next_id.max(theirs.next_id).max(used.iter().max().map_or(1, |m| m + 1));
    let mut map: HashMap<Id, Id> = HashMap::new();
    for d in &stamped.changed {
        let new_here = !base.revs.contains_key(d);
        if let (true, Some(id)) = (new_here, d.id()) {
            if used.contains(&id) && !matches!(d, DocId::StudySession(_) | DocId::DemocraticLife(_)) {
                map.entry(id).or_insert_with(|| {
                    next += 1;
                    next - 1
                });
            }
        }
    }
    let unshared = ours.unshared.clone();
    if !map.is_empty() {
        ours = renumber(&ours, &map);
    }
    let mut out = theirs.clone();
    let mut both = Vec::new();
    for d in &stamped.changed {
        let was = *d;
        let d = d.id().and_then(|i| map.get(&i)).map_or(was, |n| was.with_id(*n));
        let Some(mine) = ours.revs.get(&d).cloned() else { continue };
        let (b, t) = (base.revs.get(&was), theirs.revs.get(&d));
        let untouched = match (b, t) {
            (Some(b), Some(t)) => Arc::ptr_eq(b, t) || b == t,
            (None, None) => true,
            _ => false,
        };
        let (mine_v, theirs_v) = (doc_value(&ours, d), doc_value(theirs, d));
        if !untouched && mine_v == theirs_v {
            continue; // both tabs made the same change
        }
        let mut info = (*mine).clone();
        // Both changed the record: where they changed different fields, both changes are kept
        // in one version; otherwise this tab's version is shown and the other's kept beside it.
        let fields = match (&mine_v, &theirs_v, doc_value(base, was)) {
            (Some(m), Some(t), Some(b)) if !untouched => merge_fields(&b, m, t),
            _ => None,
        };
        match (fields, untouched, t) {
            (Some(v), _, _) if crate::domain::doc::put_value(&mut out, d, Some(&v)).is_ok() => {
                let json = crate::canonical::to_vec(&v).unwrap_or_default();
                let t = t.expect("both changed");
                info = t.child(revision::digest(Some(t.rev()), Some(&json)), false);
            }
            (_, false, Some(t)) => {
                copy_doc(&ours, &mut out, d);
                info.conflicts.push(t.as_conflict(theirs_v, false));
                both.push(d);
            }
            _ => copy_doc(&ours, &mut out, d),
        }
        out.revs.insert(d, Arc::new(info));
        if unshared.contains(&was) {
            out.unshared.insert(d);
        }
    }
    out.next_id = out.next_id.max(next).max(ours.next_id);
    out.last_backup = out.last_backup.max(ours.last_backup);
    (out, both)
}

/// A three-way merge of one record's fields: each field changed on one side only takes that
/// side's value (fields of nested objects likewise); `None` when a field was changed on both
/// sides to different values.
pub fn merge_fields(base: &Value, ours: &Value, theirs: &Value) -> Option<Value> {
    if ours == base || ours == theirs {
        return Some(theirs.clone());
    }
    if theirs == base {
        return Some(ours.clone());
    }
    let (Value::Object(b), Value::Object(o), Value::Object(t)) = (base, ours, theirs) else { return None };
    let keys = key_set(b.keys().chain(o.keys()).chain(t.keys()));
    let mut out = serde_json::Map::new();
    for k in keys {
        let (bv, ov, tv) = (b.get(k).unwrap_or(&Value::Null), o.get(k), t.get(k));
        let merged = match (ov, tv) {
            (Some(ov), Some(tv)) => merge_fields(bv, ov, tv)?,
            (Some(ov), None) if ov == bv => continue,
            (None, Some(tv)) if tv == bv => continue,
            (None, None) => continue,
            _ => return None,
        };
        out.insert(k.clone(), merged);
    }
    Some(Value::Object(out))
}
