//! Revisions of records, in CouchDB's model. 版本
//!
//! Every document ([`DocId`]) has a revision `N-digest`: the generation `N` and a digest of the
//! content and of the parent revision, so the same change made from the same parent gives the
//! same revision anywhere. With it goes the recent ancestry (CouchDB's `_revisions`: the
//! generation of the newest and the digests newest first, at most [`ANCESTRY_LIMIT`]), a
//! deleted flag (a tombstone: a deletion travels to other copies instead of the record
//! vanishing), the versions kept from a conflict nobody has settled yet, and the revisions of
//! other branches this one has absorbed (settled conflicts).
//!
//! A revision is made when a save finds a record changed ([`stamp`]). While a revision has not
//! left this browser in a file it is amended in place rather than followed by a child: a
//! meeting recorded on a tablet over a hundred saves comes back one generation ahead of the
//! copy the office holds, so that copy is still in its ancestry.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::db::Db;
use super::doc::{docs, entry, DocEntry, DocId};

/// How many revisions of its ancestry a record keeps: more than the exports between two
/// merges of one record in practice, so the older side is still recognised as an ancestor.
pub const ANCESTRY_LIMIT: usize = 50;

/// The revisions of a database's records, by document.
pub type Revs = BTreeMap<DocId, Arc<RevInfo>>;

fn is_false(b: &bool) -> bool {
    !*b
}

/// A record's revision and recent ancestry.
/// (Fields in name order, as the canonical text orders them.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevInfo {
    /// Versions of the record kept from an import or another tab that diverged from this one
    /// and have not been settled: the record's screen shows them until someone chooses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<ConflictVersion>,
    /// A tombstone: the record was deleted.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    /// The digests of the revision and its ancestors, newest first.
    pub ids: Vec<String>,
    /// Revisions (`N-digest`) of diverged versions that were settled into this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settled: Vec<String>,
    /// The generation of the revision.
    pub start: u32,
}

/// Another version of a record kept beside the current one. 冲突版本
/// (Fields in name order.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictVersion {
    /// The version's content (the record as JSON); `None` when the version is a deletion.
    pub body: Option<Value>,
    /// Its digests, newest first (as [`RevInfo::ids`]).
    pub ids: Vec<String>,
    /// It would change a signed 纪要 or meeting record: no import may take it, only an
    /// amendment (修正) settles it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub protected: bool,
    /// Its generation.
    pub start: u32,
}

/// A revision as generation and digest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RevRef<'a> {
    pub start: u32,
    pub digest: &'a str,
}

impl std::fmt::Display for RevRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.start, self.digest)
    }
}

/// `digests` newest first with `start` the newest's generation: does it hold `r`?
fn lineage_has(start: u32, digests: &[String], r: RevRef<'_>) -> bool {
    r.start <= start && ((start - r.start) as usize) < digests.len() && digests[(start - r.start) as usize] == r.digest
}

impl RevInfo {
    /// The first revision of a record.
    pub fn first(digest: String) -> RevInfo {
        RevInfo { conflicts: Vec::new(), deleted: false, ids: vec![digest], settled: Vec::new(), start: 1 }
    }

    /// The current revision.
    pub fn rev(&self) -> RevRef<'_> {
        RevRef { start: self.start, digest: self.ids.first().map_or("", String::as_str) }
    }

    /// The revision before this one, when the ancestry still holds it.
    pub fn parent(&self) -> Option<RevRef<'_>> {
        (self.start > 1).then(|| self.ids.get(1).map(|d| RevRef { start: self.start - 1, digest: d })).flatten()
    }

    /// Whether `r` is this revision or one of its recorded ancestors.
    pub fn descends_from(&self, r: RevRef<'_>) -> bool {
        lineage_has(self.start, &self.ids, r)
    }

    /// Whether this copy of the record already holds what revision `r` holds: `r` is this
    /// revision or an ancestor, a version settled into it, or a conflict version kept here (or
    /// an ancestor of one).
    pub fn knows(&self, r: RevRef<'_>) -> bool {
        let text = r.to_string();
        self.descends_from(r)
            || self.settled.contains(&text)
            || self.conflicts.iter().any(|c| lineage_has(c.start, &c.ids, r))
    }

    /// The next revision, with `digest`, after this one.
    pub fn child(&self, digest: String, deleted: bool) -> RevInfo {
        let mut ids = Vec::with_capacity((self.ids.len() + 1).min(ANCESTRY_LIMIT));
        ids.push(digest);
        ids.extend(self.ids.iter().take(ANCESTRY_LIMIT - 1).cloned());
        RevInfo { ids, start: self.start + 1, deleted, ..self.clone() }
    }

    /// This revision amended in place (same generation and parent, a new digest): for a
    /// revision that has not left this browser.
    pub fn amended(&self, digest: String, deleted: bool) -> RevInfo {
        let mut ids = self.ids.clone();
        match ids.first_mut() {
            Some(d) => *d = digest,
            None => ids.push(digest),
        }
        RevInfo { ids, deleted, ..self.clone() }
    }

    /// This record's current version as a conflict version to keep elsewhere.
    pub fn as_conflict(&self, body: Option<Value>, protected: bool) -> ConflictVersion {
        ConflictVersion { body, ids: self.ids.clone(), protected, start: self.start }
    }
}

impl ConflictVersion {
    pub fn rev(&self) -> RevRef<'_> {
        RevRef { start: self.start, digest: self.ids.first().map_or("", String::as_str) }
    }
}

/// The digest of a revision: SHA-256 of the parent revision and the content (JSON, or a
/// marker for a deletion), its first 8 bytes in hex. Deterministic, so two copies making the
/// same change from the same parent agree.
pub fn digest(parent: Option<RevRef<'_>>, body: Option<&[u8]>) -> String {
    let mut h = Sha256::new();
    if let Some(p) = parent {
        h.update(p.to_string().as_bytes());
    }
    h.update(b"\n");
    match body {
        Some(b) => h.update(b),
        None => h.update(b"\0deleted"),
    }
    let out = h.finalize();
    out[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The revision a record's change makes: a child of `prev`, or `prev` amended when it has
/// not left this browser (`unshared`); the first revision of a new record.
fn next_rev(prev: Option<&RevInfo>, unshared: bool, body: Option<&[u8]>) -> RevInfo {
    match prev {
        Some(p) if unshared && !p.deleted && body.is_some() => p.amended(digest(p.parent(), body), false),
        Some(p) => p.child(digest(Some(p.rev()), body), body.is_none()),
        None => RevInfo::first(digest(None, body)),
    }
}

/// Give every record of `after` that differs from `before` (the committed copy) a new
/// revision, every new record its first, and every record deleted since `before` a tombstone.
/// Returns what it changed, to be undone when the save it was for fails.
///
/// A record whose revision in `after` was set deliberately (it differs from `before`'s: a
/// merge, a settled conflict, a replace) keeps it. A record gone from `after` together with
/// its revision entry was purged (a year archived, a replace), not deleted: no tombstone.
pub fn stamp(before: &Db, after: &mut Db) -> Stamp {
    let prev = docs(before);
    let mut out = Stamped::default();
    // The documents of `after`, sorted, to be walked in step with the sorted revision entries
    // (cheaper than a hash set of every document, which each save would build).
    let mut present: Vec<DocId> = Vec::with_capacity(prev.len() + 8);
    {
        let now = docs(after);
        // Usually the same documents in the same places: compared pairwise (a pointer check
        // for an unchanged record behind an `Arc`); a lookup table only when not in step.
        let mut lookup: Option<HashMap<DocId, usize>> = None;
        for (i, e) in now.iter().enumerate() {
            present.push(e.id);
            let old = match prev.get(i) {
                Some(p) if p.id == e.id => Some(p),
                _ => lookup
                    .get_or_insert_with(|| prev.iter().enumerate().map(|(j, p)| (p.id, j)).collect())
                    .get(&e.id)
                    .map(|&j| &prev[j]),
            };
            out.present(before, after, e, old);
        }
    }
    // Deleted since `before`: the entry is still there, unchanged, but the record is gone.
    // The documents are mostly in id order already (each list keeps its stored order).
    super::sort::sort(&mut present);
    let mut ids = present.iter().peekable();
    for (d, w) in &before.revs {
        while ids.next_if(|p| *p < d).is_some() {}
        if ids.peek() != Some(&d) {
            out.absent(after, *d, w);
        }
    }
    out.apply(before, after)
}

/// [`stamp`] for a change that names the records it touched (`docs`): only those are looked
/// at, each found by a scan of its own list, so that the cost follows the change rather than
/// the size of the database. A record changed but not named is left as it is.
pub fn stamp_docs(before: &Db, after: &mut Db, docs: &[DocId]) -> Stamp {
    let mut out = Stamped::default();
    let mut seen: Vec<DocId> = Vec::with_capacity(docs.len());
    for &d in docs {
        if seen.contains(&d) {
            continue;
        }
        seen.push(d);
        match entry(after, d) {
            Some(e) => out.present(before, after, &e, entry(before, d).as_ref()),
            None => {
                if let Some(w) = before.revs.get(&d) {
                    out.absent(after, d, w);
                }
            }
        }
    }
    out.apply(before, after)
}

/// What a stamp found, before it is applied to the database.
#[derive(Default)]
struct Stamped {
    /// Revision entries to set.
    updates: Vec<(DocId, Arc<RevInfo>)>,
    /// Records changed in a way that keeps their revision entry as set (see `Stamp::touched`).
    touched: Vec<DocId>,
}

impl Stamped {
    /// Record `e` of `after`, with its copy in `before` when there is one.
    fn present(&mut self, before: &Db, after: &Db, e: &DocEntry<'_>, old: Option<&DocEntry<'_>>) {
        let was = before.revs.get(&e.id);
        let cur = after.revs.get(&e.id);
        if cur.is_some_and(|c| !same_info(c, was)) {
            self.touched.push(e.id);
            return; // set deliberately
        }
        match was {
            Some(w) if old.is_some_and(|o| o.same_as(e)) => {
                if cur.is_none() {
                    self.updates.push((e.id, w.clone()));
                }
            }
            _ => {
                let json = e.json();
                let info = next_rev(was.map(|w| &**w), after.unshared.contains(&e.id), Some(&json));
                self.updates.push((e.id, Arc::new(info)));
            }
        }
    }

    /// Record `d`, with revision entry `w` in `before`, is not in `after`: deleted (a
    /// tombstone) when its entry is unchanged, purged when the entry went with it.
    fn absent(&mut self, after: &Db, d: DocId, w: &Arc<RevInfo>) {
        if w.deleted {
            return;
        }
        if after.revs.get(&d).is_some_and(|c| same_info(c, Some(w))) {
            self.updates.push((d, Arc::new(next_rev(Some(w), false, None))));
        } else {
            self.touched.push(d);
        }
    }

    fn apply(self, before: &Db, after: &mut Db) -> Stamp {
        let mut out = Stamp { touched: self.touched, ..Stamp::default() };
        for (d, info) in self.updates {
            let was_unshared = after.unshared.contains(&d);
            if !same_info(&info, before.revs.get(&d)) {
                out.changed.push(d);
                out.touched.push(d);
                if info.deleted {
                    after.unshared.remove(&d);
                } else {
                    after.unshared.insert(d);
                }
            }
            let old = after.revs.insert(d, info);
            out.undo.push((d, old, was_unshared));
        }
        out
    }
}

/// What [`stamp`] did to a database.
#[derive(Debug, Default)]
pub struct Stamp {
    /// The documents that got a new revision (or a tombstone).
    pub changed: Vec<DocId>,
    /// Every document that differs from `before`: those of `changed`, and those whose revision
    /// was set deliberately or that were purged (what the views of the change must be told).
    pub touched: Vec<DocId>,
    /// Each entry it set, with the one before and whether the document was unshared.
    undo: Vec<(DocId, Option<Arc<RevInfo>>, bool)>,
}

impl Stamp {
    /// Put the revisions back as they were before the stamp (its save failed).
    pub fn revert(self, db: &mut Db) {
        for (d, old, was_unshared) in self.undo.into_iter().rev() {
            match old {
                Some(o) => db.revs.insert(d, o),
                None => db.revs.remove(&d),
            };
            if was_unshared {
                db.unshared.insert(d);
            } else {
                db.unshared.remove(&d);
            }
        }
    }
}

/// The same revision entry: the same allocation, or equal.
fn same_info(a: &Arc<RevInfo>, b: Option<&Arc<RevInfo>>) -> bool {
    b.is_some_and(|b| Arc::ptr_eq(a, b) || **a == **b)
}

/// The entries of `after` that differ from those of `before`: `Some` with the entry where it
/// was added or changed, `None` where it is gone. Both maps are sorted, so they are walked in
/// step; an entry shared by both costs a pointer check.
pub fn rev_changes<'a>(before: &Revs, after: &'a Revs) -> Vec<(DocId, Option<&'a Arc<RevInfo>>)> {
    let mut out = Vec::new();
    let (mut a, mut b) = (before.iter().peekable(), after.iter().peekable());
    loop {
        match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some((x, _)), None) => {
                out.push((**x, None));
                a.next();
            }
            (None, Some((y, q))) => {
                out.push((**y, Some(*q)));
                b.next();
            }
            (Some((x, p)), Some((y, q))) => match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    out.push((**x, None));
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    out.push((**y, Some(*q)));
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    if !same_info(q, Some(p)) {
                        out.push((**y, Some(*q)));
                    }
                    a.next();
                    b.next();
                }
            },
        }
    }
    out
}

/// Documents of `db` that have no revision yet get their first (a store or file from before
/// revisions, or records made by code that does not save through [`stamp`]). Deterministic:
/// the same content gets the same revision in every browser.
pub fn ensure(db: &mut Db) -> Vec<DocId> {
    let missing: Vec<(DocId, RevInfo)> = docs(db)
        .iter()
        .filter(|e| !db.revs.contains_key(&e.id))
        .map(|e| (e.id, RevInfo::first(digest(None, Some(&e.json())))))
        .collect();
    let ids = missing.iter().map(|(d, _)| *d).collect();
    for (d, info) in missing {
        db.revs.insert(d, Arc::new(info));
    }
    ids
}

/// Documents with a revision entry that `db` neither holds nor marks deleted: dropped (an
/// archive's split, or a file that named records it did not carry).
pub fn prune(db: &mut Db) {
    // Inserted one by one: `collect` into a set sorts first, with a copy of the sort of its own.
    let mut held = BTreeSet::new();
    for e in docs(db) {
        held.insert(e.id);
    }
    db.revs.retain(|d, info| info.deleted || held.contains(d));
    db.unshared.retain(|d| held.contains(d));
}

/// Why a conflict cannot be settled as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettleError {
    /// There is no such kept version (settled meanwhile, e.g. in another tab).
    NoSuchVersion,
    /// The kept version would change a signed meeting: only an amendment settles it.
    Protected,
    /// The kept version is not a valid record of this kind.
    Invalid(String),
}

/// Settle a conflict by keeping the record as it is: the kept version `index` is dropped and
/// recorded as superseded, so other copies holding it take this one.
pub fn settle_keep(db: &mut Db, d: DocId, index: usize) -> Result<(), SettleError> {
    let info = db.revs.get(&d).ok_or(SettleError::NoSuchVersion)?;
    let mut info = (**info).clone();
    if index >= info.conflicts.len() {
        return Err(SettleError::NoSuchVersion);
    }
    let c = info.conflicts.remove(index);
    info.settled.push(c.rev().to_string());
    db.revs.insert(d, Arc::new(info));
    Ok(())
}

/// Settle a conflict by taking the kept version `index` as the record; the record's version
/// until now is recorded as superseded. Refused for a protected version.
pub fn settle_take(db: &mut Db, d: DocId, index: usize) -> Result<(), SettleError> {
    let info = db.revs.get(&d).ok_or(SettleError::NoSuchVersion)?;
    let mut info = (**info).clone();
    let c = info.conflicts.get(index).cloned().ok_or(SettleError::NoSuchVersion)?;
    if c.protected {
        return Err(SettleError::Protected);
    }
    super::doc::put_value(db, d, c.body.as_ref()).map_err(SettleError::Invalid)?;
    info.conflicts.remove(index);
    info.settled.push(info.rev().to_string());
    info.start = c.start;
    info.ids = c.ids;
    info.deleted = c.body.is_none();
    db.revs.insert(d, Arc::new(info));
    db.unshared.remove(&d);
    Ok(())
}

/// The documents that have versions kept from a conflict, with how many.
pub fn conflicted(db: &Db) -> Vec<(DocId, usize)> {
    db.revs.iter().filter(|(_, r)| !r.conflicts.is_empty()).map(|(d, r)| (*d, r.conflicts.len())).collect()
}

impl SettleError {
    pub fn zh(&self) -> String {
        match self {
            SettleError::NoSuchVersion => "该版本已不存在（可能已在另一个标签页处理）。".into(),
            SettleError::Protected => "已签发的会议不能改用另一个版本，请记录修正。".into(),
            SettleError::Invalid(d) => format!("另一个版本不是有效的记录（{d}）。"),
        }
    }
    pub fn en(&self) -> String {
        match self {
            SettleError::NoSuchVersion => "That version is no longer there (settled in another tab, perhaps).".into(),
            SettleError::Protected => "A signed meeting cannot take another version: record an amendment.".into(),
            SettleError::Invalid(d) => format!("The other version is not a valid record ({d})."),
        }
    }
}
