//! Storage: the only code that touches localStorage .
//!
//! # Layout (all keys under [`PREFIX`])
//! - `yishi:m` — the manifest: the small pointer that commits a save. It is
//!   `<16 hex sha256><json>` with the format id, schema and app version, `saved_at`, the
//!   revision and, for every partition, the revision that wrote it and its checksum.
//! - `yishi:m.prev` — the previous manifest: the last good state, kept until the next save.
//! - `yishi:p:<name>:<rev>` — partitions: `core` (organisation, settings, counters and the
//!   order of records) and one per month (`2026-03`) holding the items, meetings, tasks and
//!   evidence of that month. Each is JSON ([`canonical`], the text backups checksum), deflated
//!   and packed 15 bits per character ([`codec`]), so ten years of records take a fraction of
//!   the quota and an edit rewrites only the partition it touches.
//! - `yishi:snap…` — safety snapshots (a copy of a manifest; the partitions it names are kept).
//! - `yishi:pref:<name>` — small UI preferences.
//!
//! # Commit
//! A save gives the records that differ from the committed ones new revisions
//! ([`revision::stamp`], a pointer check for each record not edited), then compares only the
//! partitions of those records (their months before and after) and the core with what it
//! committed. It checks the stored revision (compare-and-swap against other tabs), writes the
//! changed partitions under new keys, reads each back, then writes the manifest. Until the
//! manifest is written nothing visible has changed; a failure (quota, blocked storage) removes
//! the new keys and leaves the previous state intact. Partitions no manifest names are
//! collected afterwards.
//!
//! A change that names the records it touched is saved by [`Store::save_docs`]: only those are
//! stamped ([`revision::stamp_docs`]) and copied into the committed records, so that its cost
//! follows the change rather than the size of the store. A record it altered without naming
//! still differs from the committed copy, and the next full save finds it. The partitions
//! such a save replaced are collected when the app is idle, not during the save.
//!
//! # Opening
//! [`Store::open`] reads every partition. The app uses [`Store::open_recent`]: the core and the
//! months from January of the previous year, so the first screen comes after a fifth of a
//! ten-year store; [`Store::load_pending`] reads the older months right after. Until then a
//! save, snapshot or restore is refused ([`StorageError::Incomplete`]): the records in memory
//! are not all the committed ones, and a save would drop the rest.
//!
//! # Failure modes
//! Unparseable or damaged data and data from a newer schema open read-only: nothing is ever
//! written over them, and [`Store::raw_dump`] offers the raw text for download.

#[cfg(target_arch = "wasm32")]
mod browser;
pub use crate::canonical;
pub mod codec;
mod memory;

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::{
    db::Db,
    democratic_life::DemocraticLifeCycle,
    doc::DocId,
    evidence::Evidence,
    item::AgendaItem,
    meeting::Meeting,
    org::Organisation,
    revision::{self, RevInfo, Revs},
    settings::RuleSettings,
    study::{StudyPlan, StudySession},
    task::FollowUpTask,
    Id,
};

pub use memory::MemoryBackend;

/// Every key Yishi writes starts with this.
pub const PREFIX: &str = "yishi:";
const MANIFEST: &str = "yishi:m";
const MANIFEST_PREV: &str = "yishi:m.prev";
const SNAPSHOT: &str = "yishi:snap";
const SNAPSHOT_PREFIX: &str = "yishi:snap";
const PART_PREFIX: &str = "yishi:p:";
const PREF_PREFIX: &str = "yishi:pref:";
const FORMAT: &str = "yishi-store";
/// The schema this build reads and writes.
/// Schema 2: every record has a revision (`revs`, see [`crate::domain::revision`]).
pub const SCHEMA: u32 = 2;
/// The app version written into envelopes.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Chromium's localStorage quota in UTF-16 code units (10 MiB at 2 bytes per unit, less
/// bookkeeping); Firefox counts the same way. Safari allows about 5 MiB.
pub const QUOTA_CHARS: u64 = 5_234_688;
/// WebKit's (Safari, and every browser on iPad and iPhone) quota in UTF-16 code units: it
/// allows 5 MiB and counts a string at one byte a character only when all of it is Latin-1,
/// else two, so the partitions (packed into CJK characters, see [`codec`]) fit in half the
/// units they do in Chromium and Firefox. Counting every unit at two bytes makes the meter
/// exact for the partitions and a little early for the few short ASCII keys.
pub const WEBKIT_QUOTA_CHARS: u64 = 5 * 1024 * 1024 / 2;

/// The quota, in UTF-16 code units, of the engine with this user agent: WebKit's
/// ("AppleWebKit/" without a Chromium browser's "Chrome/" or "Chromium/"), or Chromium's and
/// Firefox's.
pub fn quota_chars_for(user_agent: &str) -> u64 {
    let webkit =
        user_agent.contains("AppleWebKit/") && !user_agent.contains("Chrome/") && !user_agent.contains("Chromium/");
    if webkit {
        WEBKIT_QUOTA_CHARS
    } else {
        QUOTA_CHARS
    }
}

/// What went wrong with storage. Every failure is one of these; nothing panics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// localStorage is missing, blocked (private mode, policy) or threw.
    Unavailable(String),
    /// The browser refused the write: the storage is full (any browser's spelling).
    QuotaExceeded,
    /// Another tab saved a newer revision since this one loaded.
    Conflict { stored_rev: u64, our_rev: u64 },
    /// A stored value is damaged or unreadable.
    Corrupt { key: String, detail: String },
    /// The data was written by a newer version of Yishi.
    NewerSchema { found: u32, supported: u32 },
    /// This tab is in a read-only mode (recovery, newer data) and writes nothing.
    ReadOnly,
    /// The records could not be serialised.
    Serialize(String),
    /// Older months are still being read after opening: a save now would leave them out.
    Incomplete,
}

impl StorageError {
    pub fn zh(&self) -> String {
        match self {
            StorageError::Unavailable(d) => format!("浏览器本地存储不可用（{d}）。数据只在本页内存中，关闭或刷新页面会丢失，请立即导出备份。"),
            StorageError::QuotaExceeded => "未保存：浏览器存储空间已满。请立即导出备份，然后在“数据”页的“存储空间”中点“删除全部快照”，或在“年度归档”中移除旧年度，以释放空间。".into(),
            StorageError::Conflict { stored_rev, our_rev } => format!("未保存：另一个标签页已保存了更新的数据（版本 {stored_rev}，本页为 {our_rev}）。请重新载入以免覆盖。"),
            StorageError::Corrupt { key, detail } => format!("存储的数据已损坏（{key}：{detail}）。已进入只读恢复模式，原始数据未被改动，请下载原始数据。"),
            StorageError::NewerSchema { found, supported } => format!("数据由更新版本的议事保存（数据格式 {found}，本版本支持 {supported}）。为防止损坏，本页只读，请更新应用。"),
            StorageError::ReadOnly => "只读模式：本页不会写入任何数据。".into(),
            StorageError::Serialize(d) => format!("数据无法序列化（{d}），未保存。"),
            StorageError::Incomplete => "未保存：较早的记录还在载入，请稍候再试。".into(),
        }
    }
    pub fn en(&self) -> String {
        match self {
            StorageError::Unavailable(d) => format!("Browser storage is unavailable ({d}). Data lives only in this page's memory and is lost on reload: export a backup now."),
            StorageError::QuotaExceeded => "Not saved: browser storage is full. Export a backup now, then on the Data page press \"Delete all snapshots\" under Storage, or remove an old year under Year archive, to free space.".into(),
            StorageError::Conflict { stored_rev, our_rev } => format!("Not saved: another tab saved newer data (revision {stored_rev}, this tab has {our_rev}). Reload to avoid overwriting it."),
            StorageError::Corrupt { key, detail } => format!("Stored data is damaged ({key}: {detail}). Read-only recovery mode: the raw data is untouched; download it."),
            StorageError::NewerSchema { found, supported } => format!("The data was saved by a newer Yishi (format {found}, this version supports {supported}). Read-only to protect it: update the app."),
            StorageError::ReadOnly => "Read-only mode: this tab writes nothing.".into(),
            StorageError::Serialize(d) => format!("The records could not be serialised ({d}); not saved."),
            StorageError::Incomplete => "Not saved: older records are still loading. Try again in a moment.".into(),
        }
    }
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en())
    }
}

/// How opening the store went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadOutcome {
    /// Nothing stored yet (first run).
    Empty,
    /// Records loaded.
    Loaded,
    /// Stored data is damaged: read-only; the Db is the last good state if one was readable,
    /// otherwise empty. The raw data is kept for download.
    Recovery { error: StorageError },
    /// Stored data is from a newer schema: read-only, "update the app".
    NewerSchema { found: u32, supported: u32 },
    /// localStorage cannot be used: the app works in memory only.
    Unavailable(String),
}

/// Storage use in UTF-16 code units (what the quota counts), all keys of the origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUsage {
    pub used_chars: u64,
    pub quota_chars: u64,
}

impl StorageUsage {
    /// Used share in percent (0..=100+).
    pub fn percent(&self) -> f64 {
        self.used_chars as f64 * 100.0 / self.quota_chars.max(1) as f64
    }
}

/// A key-value store with localStorage's semantics. `set` either stores the whole value or
/// fails leaving the old value in place.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
    /// Write `value` and read it back: `Ok(true)` when what is stored now is exactly `value`.
    /// A backend that can compare without copying the text back out (localStorage compares in
    /// JavaScript) overrides it.
    fn set_and_verify(&mut self, key: &str, value: &str) -> Result<bool, StorageError> {
        self.set(key, value)?;
        Ok(self.get(key)?.as_deref() == Some(value))
    }
    /// The quota in UTF-16 code units, for the usage meter (localStorage: the engine's).
    fn quota_chars(&self) -> u64 {
        QUOTA_CHARS
    }
}

/// Why a store refuses writes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Mode {
    Writable,
    ReadOnly,
}

/// The manifest: the pointer that commits a save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Manifest {
    fmt: String,
    schema: u32,
    app: String,
    /// Milliseconds since the epoch.
    saved_at: u64,
    rev: u64,
    parts: BTreeMap<String, PartRef>,
    /// Set only in a safety snapshot's copy of a manifest: why it was taken ([`SnapshotWhy`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    why: Option<String>,
}

/// Why a safety snapshot was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapshotWhy {
    /// Before an import (merge or replace) changed the records.
    Import,
    /// Before the stored data was converted from an older schema `from`.
    Migration { from: u32 },
    /// Taken by a version that did not say why.
    Unknown,
}

/// One safety snapshot, as the data page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotInfo {
    /// Its storage key: what [`Store::restore_snapshot`] and [`Store::delete_snapshot`] take.
    pub key: String,
    pub why: SnapshotWhy,
    /// When the records it holds were saved (ms since the epoch).
    pub taken_at_ms: u64,
    /// UTF-16 code units deleting it gives back: its own key and the partitions nothing else
    /// (the current records, another snapshot) still needs.
    pub frees_chars: u64,
}

/// Storage use split by what holds it, in UTF-16 code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UsageSplit {
    /// Everything of the origin: the meter's total.
    pub total: StorageUsage,
    /// What deleting every snapshot gives back (see [`Store::delete_all_snapshots`]).
    pub snapshots_chars: u64,
}

impl UsageSplit {
    /// The current records, their previous-save copy and the small preferences: the rest.
    pub fn records_chars(&self) -> u64 {
        self.total.used_chars.saturating_sub(self.snapshots_chars)
    }
}

/// Where a partition is and how to check it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct PartRef {
    /// The revision that wrote it: the key is `yishi:p:<name>:<rev>`.
    rev: u64,
    /// Checksum of the stored (packed) value: `a1:` + Adler-32 (`codec::part_sum`), or 16 hex
    /// digits of SHA-256 as written by earlier versions (still accepted).
    sum: String,
    /// Stored length in UTF-16 code units.
    len: u64,
}

fn part_key(name: &str, rev: u64) -> String {
    format!("{PART_PREFIX}{name}:{rev}")
}

/// Order of the records in the Db's vectors, kept in `core` so a load gives back an equal Db.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Order {
    items: Vec<Id>,
    meetings: Vec<Id>,
    tasks: Vec<Id>,
    evidence: Vec<Id>,
}

#[derive(Serialize)]
struct CoreView<'a> {
    org: &'a Organisation,
    settings: &'a RuleSettings,
    next_id: Id,
    last_backup: Option<NaiveDate>,
    order: &'a Order,
    democratic_life: &'a [DemocraticLifeCycle],
    /// The revisions of the documents that live in `core`, and every tombstone.
    revs: BTreeMap<&'a DocId, &'a Arc<RevInfo>>,
    study_plans: &'a [StudyPlan],
    study_sessions: &'a [StudySession],
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    unshared: &'a BTreeSet<DocId>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
struct Core {
    org: Organisation,
    settings: RuleSettings,
    next_id: Id,
    #[serde(default, deserialize_with = "crate::domain::date_format::option")]
    last_backup: Option<NaiveDate>,
    #[serde(default)]
    order: Order,
    #[serde(default)]
    democratic_life: Vec<DemocraticLifeCycle>,
    #[serde(default)]
    revs: Revs,
    #[serde(default)]
    study_plans: Vec<StudyPlan>,
    #[serde(default)]
    study_sessions: Vec<StudySession>,
    #[serde(default)]
    unshared: BTreeSet<DocId>,
}

#[derive(Serialize, Default)]
struct PartView<'a> {
    items: Vec<&'a Arc<AgendaItem>>,
    meetings: Vec<&'a Arc<Meeting>>,
    tasks: Vec<&'a Arc<FollowUpTask>>,
    evidence: Vec<&'a Arc<Evidence>>,
    /// The revisions of the records above.
    revs: BTreeMap<DocId, &'a Arc<RevInfo>>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
struct Part {
    #[serde(default)]
    items: Vec<Arc<AgendaItem>>,
    #[serde(default)]
    meetings: Vec<Arc<Meeting>>,
    #[serde(default)]
    tasks: Vec<Arc<FollowUpTask>>,
    #[serde(default)]
    evidence: Vec<Arc<Evidence>>,
    #[serde(default)]
    revs: Revs,
}

/// The records in memory are the committed ones. A record the app has not edited since it was
/// loaded or saved is the same allocation as the committed copy (see `domain::db::Records`), so
/// most comparisons are a pointer check; an edited one is compared field by field.
fn same<T: PartialEq>(a: &[&Arc<T>], b: &[Arc<T>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y) || **x == *y)
}

impl PartView<'_> {
    /// No records: the month's partition goes (revisions only accompany records).
    fn is_empty(&self) -> bool {
        self.items.is_empty() && self.meetings.is_empty() && self.tasks.is_empty() && self.evidence.is_empty()
    }

    fn matches(&self, p: &Part) -> bool {
        same(&self.items, &p.items)
            && same(&self.meetings, &p.meetings)
            && same(&self.tasks, &p.tasks)
            && same(&self.evidence, &p.evidence)
            && self.revs.len() == p.revs.len()
            && self.revs.iter().zip(&p.revs).all(|((d, x), (e, y))| d == e && (Arc::ptr_eq(x, y) || x == &y))
    }
}

/// The partition (month) a dated record belongs to.
fn month(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month())
}

/// A record stored in a month's partition: the one place that says which date decides the
/// month (a save that rewrites only the months of changed records relies on `split` and
/// `month_of` agreeing).
trait InMonth {
    fn id(&self) -> Id;
    fn month(&self) -> (i32, u32);
}

impl InMonth for AgendaItem {
    fn id(&self) -> Id {
        self.id
    }
    fn month(&self) -> (i32, u32) {
        month(self.created)
    }
}

impl InMonth for Meeting {
    fn id(&self) -> Id {
        self.id
    }
    fn month(&self) -> (i32, u32) {
        month(self.date)
    }
}

impl InMonth for FollowUpTask {
    fn id(&self) -> Id {
        self.id
    }
    fn month(&self) -> (i32, u32) {
        month(self.created)
    }
}

impl InMonth for Evidence {
    fn id(&self) -> Id {
        self.id
    }
    fn month(&self) -> (i32, u32) {
        month(self.date)
    }
}

fn month_name((y, m): (i32, u32)) -> String {
    format!("{y:04}-{m:02}")
}

/// A Db split into its partitions, borrowing the records.
struct Split<'a> {
    core: CoreView<'a>,
    /// Every month with records, or (not `complete`) the months asked for, empty or not.
    parts: BTreeMap<String, PartView<'a>>,
    /// `parts` holds every month: a committed month missing from it has no records any more.
    complete: bool,
}

/// Split `db` into the core and its months: every month, or only those of `only` (a save that
/// knows which records changed rewrites only their months).
fn split<'a>(db: &'a Db, order: &'a Order, only: Option<&[(i32, u32)]>) -> Split<'a> {
    // Exhaustive on purpose: a field added to Db must be given a partition here.
    // The 民主生活会 cycles and study records are few and small: they live in `core`.
    let Db {
        org,
        settings,
        items,
        meetings,
        tasks,
        evidence,
        next_id,
        last_backup,
        democratic_life,
        revs,
        study_plans,
        study_sessions,
        unshared,
    } = db;
    let mut parts: BTreeMap<(i32, u32), PartView<'a>> = BTreeMap::new();
    for m in only.unwrap_or_default() {
        parts.entry(*m).or_default();
    }
    let wanted = |m: &(i32, u32)| only.is_none_or(|months| months.contains(m));
    // A record's revision goes with it into its month; the rest live in `core`.
    let put_rev = |p: &mut PartView<'a>, d: DocId| {
        if let Some(r) = revs.get(&d) {
            p.revs.insert(d, r);
        }
    };
    for i in items {
        let key = i.month();
        if !wanted(&key) {
            continue;
        }
        let p = parts.entry(key).or_default();
        p.items.push(i);
        put_rev(p, DocId::Item(i.id));
    }
    for m in meetings {
        let key = m.month();
        if !wanted(&key) {
            continue;
        }
        let p = parts.entry(key).or_default();
        p.meetings.push(m);
        put_rev(p, DocId::Meeting(m.id));
    }
    for t in tasks {
        let key = t.month();
        if !wanted(&key) {
            continue;
        }
        let p = parts.entry(key).or_default();
        p.tasks.push(t);
        put_rev(p, DocId::Task(t.id));
    }
    for e in evidence {
        let key = e.month();
        if !wanted(&key) {
            continue;
        }
        let p = parts.entry(key).or_default();
        p.evidence.push(e);
        put_rev(p, DocId::Evidence(e.id));
    }
    let in_months = |d: &DocId, r: &RevInfo| {
        !r.deleted && matches!(d, DocId::Item(_) | DocId::Meeting(_) | DocId::Task(_) | DocId::Evidence(_))
    };
    let core_revs = crate::domain::sort::map_of(revs.iter().filter(|(d, r)| !in_months(d, r)));
    Split {
        core: CoreView {
            org,
            settings,
            next_id: *next_id,
            last_backup: *last_backup,
            order,
            democratic_life,
            revs: core_revs,
            study_plans,
            study_sessions,
            unshared,
        },
        parts: crate::domain::sort::map_of(parts.into_iter().map(|(k, v)| (month_name(k), v))),
        complete: only.is_none(),
    }
}

/// The month of the dated record `d` in `db`, when `db` holds it.
fn month_of(db: &Db, d: DocId) -> Option<(i32, u32)> {
    fn find<T: InMonth>(list: &[Arc<T>], id: Id) -> Option<(i32, u32)> {
        list.iter().find(|r| r.id() == id).map(|r| r.month())
    }
    match d {
        DocId::Item(id) => find(&db.items, id),
        DocId::Meeting(id) => find(&db.meetings, id),
        DocId::Task(id) => find(&db.tasks, id),
        DocId::Evidence(id) => find(&db.evidence, id),
        _ => None,
    }
}

/// What a save of named records did ([`Store::save_docs`]).
#[derive(Debug)]
pub struct NamedSave {
    /// The records it stamped and wrote: the views to tell.
    pub touched: Vec<DocId>,
    /// Records it found changed but not named, stored beside the named ones and saved with
    /// them: the names the change missed (empty when it saved everything instead).
    pub missed: Vec<DocId>,
}

/// The records not in `named` that differ between `committed` and `db` (changed, added or
/// gone) and are stored in the core or in one of `months`: what a save of those partitions
/// would write without a revision of its own.
fn unnamed_changes(committed: &Db, db: &Db, months: &[(i32, u32)], named: &[DocId]) -> Vec<DocId> {
    fn dated<T: InMonth + PartialEq>(
        out: &mut Vec<DocId>,
        now: &[Arc<T>],
        was: &[Arc<T>],
        months: &[(i32, u32)],
        named: &[DocId],
        id: fn(Id) -> DocId,
    ) {
        // Both ways: a record changed, added or moved into a month, and one gone or moved out.
        for (a, b) in [(now, was), (was, now)] {
            for (i, r) in a.iter().enumerate() {
                let d = id(r.id());
                if !months.contains(&r.month()) || named.contains(&d) || out.contains(&d) {
                    continue;
                }
                let other = match b.get(i) {
                    Some(o) if o.id() == r.id() => Some(o),
                    _ => b.iter().find(|o| o.id() == r.id()),
                };
                if !other.is_some_and(|o| Arc::ptr_eq(o, r) || **o == **r) {
                    out.push(d);
                }
            }
        }
    }
    let mut out = Vec::new();
    dated(&mut out, &db.items, &committed.items, months, named, DocId::Item);
    dated(&mut out, &db.meetings, &committed.meetings, months, named, DocId::Meeting);
    dated(&mut out, &db.tasks, &committed.tasks, months, named, DocId::Task);
    dated(&mut out, &db.evidence, &committed.evidence, months, named, DocId::Evidence);
    out.extend(crate::domain::doc::core_changed(committed, db).into_iter().filter(|d| !named.contains(d)));
    out
}

/// Bring the records `docs` of `committed` in step with `db` after a save of them (see
/// [`Store::save_docs`]), with the fields that are no record of their own.
fn commit_docs(committed: &mut Db, db: &Db, docs: &[DocId]) {
    for &d in docs {
        crate::domain::doc::copy_doc_in_place(db, committed, d);
        match db.revs.get(&d) {
            Some(r) => committed.revs.insert(d, r.clone()),
            None => committed.revs.remove(&d),
        };
    }
    committed.next_id = db.next_id;
    committed.last_backup = db.last_backup;
    committed.unshared.clone_from(&db.unshared);
}

/// Make `committed` equal to `db` after a save: the record lists are copied (a pointer per
/// record), the revision map is brought in step entry by entry ([`revision::rev_changes`])
/// rather than cloned whole (a save changes a few of its thousands of entries, and cloning it
/// was a large part of a save).
fn commit_copy(committed: &mut Db, db: &Db) {
    // Exhaustive on purpose: a field added to Db must be copied here.
    let Db {
        democratic_life,
        evidence,
        items,
        last_backup,
        meetings,
        next_id,
        org,
        revs,
        settings,
        study_plans,
        study_sessions,
        tasks,
        unshared,
    } = db;
    committed.democratic_life.clone_from(democratic_life);
    committed.evidence.clone_from(evidence);
    committed.items.clone_from(items);
    committed.last_backup = *last_backup;
    committed.meetings.clone_from(meetings);
    committed.next_id = *next_id;
    committed.org.clone_from(org);
    committed.settings.clone_from(settings);
    committed.study_plans.clone_from(study_plans);
    committed.study_sessions.clone_from(study_sessions);
    committed.tasks.clone_from(tasks);
    committed.unshared.clone_from(unshared);
    let changes: Vec<(DocId, Option<Arc<RevInfo>>)> =
        revision::rev_changes(&committed.revs, revs).into_iter().map(|(d, e)| (d, e.cloned())).collect();
    for (d, entry) in changes {
        match entry {
            Some(e) => committed.revs.insert(d, e),
            None => committed.revs.remove(&d),
        };
    }
}

fn order_of(db: &Db) -> Order {
    Order {
        items: db.items.iter().map(|r| r.id).collect(),
        meetings: db.meetings.iter().map(|r| r.id).collect(),
        tasks: db.tasks.iter().map(|r| r.id).collect(),
        evidence: db.evidence.iter().map(|r| r.id).collect(),
    }
}

/// Put records back in the stored order; records missing from the order list follow.
fn reorder<T>(records: Vec<T>, order: &[Id], id: impl Fn(&T) -> Id) -> Vec<T> {
    let mut by_id: HashMap<Id, VecDeque<T>> = HashMap::new();
    let mut ids_seen = Vec::new();
    for r in records {
        let k = id(&r);
        ids_seen.push(k);
        by_id.entry(k).or_default().push_back(r);
    }
    let mut out = Vec::with_capacity(ids_seen.len());
    for k in order {
        if let Some(r) = by_id.get_mut(k).and_then(|q| q.pop_front()) {
            out.push(r);
        }
    }
    for k in ids_seen {
        if let Some(r) = by_id.get_mut(&k).and_then(|q| q.pop_front()) {
            out.push(r);
        }
    }
    out
}

fn now_ms() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
    }
}

fn corrupt(key: &str, detail: impl Into<String>) -> StorageError {
    StorageError::Corrupt { key: key.to_string(), detail: detail.into() }
}

/// Parse a stored manifest (`<sum16><json>`): newer schemas are recognised before the checksum.
fn parse_manifest(key: &str, text: &str) -> Result<Manifest, StorageError> {
    let (sum, json) = if text.len() >= 16 && text.is_char_boundary(16) { text.split_at(16) } else { ("", text) };
    let value: Value = serde_json::from_str(json).map_err(|e| corrupt(key, format!("not JSON: {e}")))?;
    if value.get("fmt").and_then(Value::as_str) != Some(FORMAT) {
        return Err(corrupt(key, "not a Yishi store manifest"));
    }
    let schema = value.get("schema").and_then(Value::as_u64).ok_or_else(|| corrupt(key, "no schema version"))?;
    if schema > SCHEMA as u64 {
        return Err(StorageError::NewerSchema { found: schema.min(u32::MAX as u64) as u32, supported: SCHEMA });
    }
    if codec::short_sum(json) != sum {
        return Err(corrupt(key, "checksum mismatch"));
    }
    // From the text again, not the Value: one deserializer for all records (wasm size).
    serde_json::from_str(json).map_err(|e| corrupt(key, format!("bad manifest: {e}")))
}

fn manifest_text(m: &Manifest) -> Result<String, StorageError> {
    let json = serde_json::to_string(m).map_err(|e| StorageError::Serialize(e.to_string()))?;
    Ok(format!("{}{}", codec::short_sum(&json), json))
}

/// Ordered migrations of stored JSON, from schema `from` to `from + 1`. Each step works on a
/// JSON object shaped like (a subset of) a serialised [`Db`], so the same step migrates a
/// storage partition and a backup's `data`. Schema 1 → 2 changes no JSON: the revisions are
/// given after reading ([`revision::ensure`]).
pub type Migration = (u32, fn(&mut serde_json::Map<String, Value>) -> Result<(), String>);
pub const MIGRATIONS: &[Migration] = &[(1, |_| Ok(()))];

/// Run the migrations from `from` up to [`SCHEMA`] on one JSON object.
pub fn migrate_value(value: &mut Value, from: u32, steps: &[Migration]) -> Result<(), String> {
    let obj = value.as_object_mut().ok_or("not a JSON object")?;
    let mut v = from;
    while v < SCHEMA {
        let step = steps.iter().find(|(f, _)| *f == v).ok_or_else(|| format!("no migration from schema {v}"))?;
        (step.1)(obj)?;
        v += 1;
    }
    Ok(())
}

/// Everything a store knows about what is committed.
struct Cache {
    core: Option<(PartRef, Core)>,
    parts: BTreeMap<String, (PartRef, Part)>,
    /// Partitions the committed manifest names that have not been read yet (the older months
    /// of [`Store::open_recent`]). While any are pending the records in memory are not all
    /// the committed records: saves and restores are refused until [`Store::load_pending`].
    pending: Vec<(String, PartRef)>,
    /// The length of each committed partition's JSON text before packing, by name ("core"
    /// too): about what the records come to in a backup file (see [`Store::records_text_len`]).
    text_len: BTreeMap<String, usize>,
}

impl Cache {
    fn empty() -> Cache {
        Cache { core: None, parts: BTreeMap::new(), pending: Vec::new(), text_len: BTreeMap::new() }
    }

    /// The committed records as one [`Db`] in their stored order, sharing each record with the
    /// cache (see [`same`]); `None` without a core partition.
    fn assemble(&self) -> Option<Db> {
        let (_, core) = self.core.as_ref()?;
        let (mut items, mut meetings, mut tasks, mut evidence) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let Core {
            org,
            settings,
            next_id,
            last_backup,
            order,
            democratic_life,
            mut revs,
            study_plans,
            study_sessions,
            unshared,
        } = core.clone();
        for (_, part) in self.parts.values() {
            items.extend(part.items.iter().cloned());
            meetings.extend(part.meetings.iter().cloned());
            tasks.extend(part.tasks.iter().cloned());
            evidence.extend(part.evidence.iter().cloned());
            revs.extend(part.revs.iter().map(|(d, r)| (*d, r.clone())));
        }
        Some(Db {
            org,
            settings,
            items: reorder(items, &order.items, |r| r.id),
            meetings: reorder(meetings, &order.meetings, |r| r.id),
            tasks: reorder(tasks, &order.tasks, |r| r.id),
            evidence: reorder(evidence, &order.evidence, |r| r.id),
            next_id,
            last_backup,
            democratic_life,
            revs,
            study_plans,
            study_sessions,
            unshared,
        })
    }
}

/// How the records in memory differ from the committed ones.
struct Diff<'s> {
    core_same: bool,
    /// Partitions whose records differ or that are new.
    changed: Vec<&'s String>,
    /// Committed partitions that have no records any more.
    removed: Vec<String>,
}

impl Diff<'_> {
    fn nothing(&self) -> bool {
        self.core_same && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// The persistent store. Holds the backend and a cache of what is committed, so a save
/// encodes only the partitions that changed.
pub struct Store {
    backend: Box<dyn Backend>,
    mode: Mode,
    rev: u64,
    /// The manifest text as last read or written (to detect other tabs' saves).
    manifest: Option<String>,
    cache: Cache,
    /// The committed records as one database: what a save compares the records with to give
    /// the changed ones a new revision ([`revision::stamp`]). Shares every record with `cache`.
    committed: Db,
    /// `committed` holds exactly the records of `cache` (both from one read or one save): only
    /// then can a save find the changed partitions from the records that differ from
    /// `committed` ([`Store::months_touched`]) rather than by comparing every partition.
    committed_is_cache: bool,
    /// UTF-16 size of every key + value of the origin, for the meter.
    /// Measured on first use (the data page), then kept up to date by every write: measuring
    /// reads every stored value that the manifest does not describe, which cold start skips.
    sizes: Option<BTreeMap<String, u64>>,
    /// Time of the last successful save (ms since the epoch).
    saved_at: Option<u64>,
    /// Manifest texts already parsed by the garbage collector, with the partition keys they
    /// name (the current and previous manifest are seen on every save; parsing them again
    /// each time cost a checksum and a JSON parse apiece).
    live_memo: Vec<(String, Vec<String>)>,
    /// A save of named records left the partitions it replaced for
    /// [`Store::collect_pending_garbage`].
    garbage_pending: bool,
}

/// When a save collects the partitions no manifest names any more.
#[derive(Clone, Copy, PartialEq)]
enum Collect {
    /// Right after the manifest is written.
    Now,
    /// Later ([`Store::collect_pending_garbage`]): a collection lists every key and reads every
    /// manifest and snapshot, work that a small edit's save need not wait for.
    Later,
}

/// The most manifests [`Store::remember_parsed`] keeps (the current and previous manifest and a
/// few snapshots are what a garbage collection looks up).
const MEMO_MAX: usize = 8;

impl Store {
    /// Open localStorage if it can be used, else an in-memory store with
    /// [`LoadOutcome::Unavailable`]. Never panics.
    pub fn open_browser() -> (Store, Db, LoadOutcome) {
        Store::open_browser_recent(None)
    }

    /// [`Store::open_browser`]; with `recent_from` (a month, `"2025-01"`) only the partitions
    /// of that month and later are read now (see [`Store::open_recent`]).
    #[cfg(target_arch = "wasm32")]
    pub fn open_browser_recent(recent_from: Option<&str>) -> (Store, Db, LoadOutcome) {
        match browser::LocalStorageBackend::probe() {
            Ok(b) => match recent_from {
                Some(from) => Store::open_recent(Box::new(b), from),
                None => Store::open(Box::new(b)),
            },
            Err(why) => {
                let (store, db, _) = Store::open(Box::new(MemoryBackend::new()));
                (store, db, LoadOutcome::Unavailable(why))
            }
        }
    }

    /// Native builds have no browser: an in-memory store reported as unavailable.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn open_browser_recent(_recent_from: Option<&str>) -> (Store, Db, LoadOutcome) {
        let (store, db, _) = Store::open(Box::new(MemoryBackend::new()));
        (store, db, LoadOutcome::Unavailable("no browser".into()))
    }

    /// Open a store on any backend and load what it holds.
    pub fn open(backend: Box<dyn Backend>) -> (Store, Db, LoadOutcome) {
        Store::open_with(backend, None)
    }

    /// Open a store and read the core and the partitions of month `from` (`"2025-01"`) and
    /// later; the older months are read by [`Store::load_pending`] (a ten-year store opens
    /// with a fifth of its records, so the first screen comes sooner). Until then the Db is
    /// the recent records only and saves are refused with [`StorageError::Incomplete`].
    /// Everything is read at once when the data needs a migration.
    pub fn open_recent(backend: Box<dyn Backend>, from: &str) -> (Store, Db, LoadOutcome) {
        Store::open_with(backend, Some(from))
    }

    fn open_with(backend: Box<dyn Backend>, recent_from: Option<&str>) -> (Store, Db, LoadOutcome) {
        let mut store = Store {
            backend,
            mode: Mode::Writable,
            rev: 0,
            manifest: None,
            cache: Cache::empty(),
            committed: Db::default(),
            committed_is_cache: true,
            sizes: None,
            saved_at: None,
            live_memo: Vec::new(),
            garbage_pending: false,
        };
        let (db, outcome) = store.load(recent_from);
        (store, db, outcome)
    }

    fn rescan_sizes(&self) -> BTreeMap<String, u64> {
        let mut sizes = BTreeMap::new();
        // The partitions the current manifest names have their stored length in it: reading
        // them here as well would fetch every partition twice on open (the load reads them
        // and checks their checksums). A damaged partition fails that check anyway.
        let known: HashMap<String, u64> = self
            .backend
            .get(MANIFEST)
            .ok()
            .flatten()
            .and_then(|t| parse_manifest(MANIFEST, &t).ok())
            .map(|m| m.parts.iter().map(|(n, r)| (part_key(n, r.rev), r.len)).collect())
            .unwrap_or_default();
        if let Ok(keys) = self.backend.keys() {
            for k in keys {
                let len = match known.get(&k) {
                    Some(len) => *len,
                    None => codec::utf16_len(&self.backend.get(&k).ok().flatten().unwrap_or_default()),
                };
                sizes.insert(k.clone(), codec::utf16_len(&k) + len);
            }
        }
        sizes
    }

    fn load(&mut self, recent_from: Option<&str>) -> (Db, LoadOutcome) {
        let current = match self.backend.get(MANIFEST) {
            Ok(v) => v,
            Err(e) => {
                self.mode = Mode::ReadOnly;
                return (Db::default(), LoadOutcome::Recovery { error: e });
            }
        };
        let prev = self.backend.get(MANIFEST_PREV).ok().flatten();
        let Some(text) = current else {
            if prev.is_none() {
                // Nothing was ever committed (partitions without a manifest are from a save
                // that never landed and are collected on the next save).
                return (Db::default(), LoadOutcome::Empty);
            }
            let error = corrupt(MANIFEST, "missing while a previous state exists");
            return self.recover(prev, error);
        };
        match self.load_manifest(MANIFEST, &text, recent_from) {
            Ok((db, cache, m)) => {
                self.rev = m.rev;
                self.saved_at = Some(m.saved_at);
                self.remember_parsed(&text, &m);
                self.manifest = Some(text);
                self.cache = cache;
                self.committed = db.clone();
                self.committed_is_cache = true;
                (db, LoadOutcome::Loaded)
            }
            Err(StorageError::NewerSchema { found, supported }) => {
                self.mode = Mode::ReadOnly;
                self.manifest = Some(text);
                (Db::default(), LoadOutcome::NewerSchema { found, supported })
            }
            Err(error) => self.recover(prev, error),
        }
    }

    /// Damaged data: read-only; show the last good state when it is readable.
    fn recover(&mut self, prev: Option<String>, error: StorageError) -> (Db, LoadOutcome) {
        self.mode = Mode::ReadOnly;
        self.manifest = self.backend.get(MANIFEST).ok().flatten();
        let db = prev
            .and_then(|p| self.load_manifest(MANIFEST_PREV, &p, None).ok())
            .map(|(db, _, _)| db)
            .unwrap_or_default();
        (db, LoadOutcome::Recovery { error })
    }

    /// Read, check and decode one partition; migrate it when it is from an older schema. With
    /// the length of its JSON text.
    fn read_part<T: serde::de::DeserializeOwned>(
        &self,
        name: &str,
        r: &PartRef,
        schema: u32,
    ) -> Result<(T, usize), StorageError> {
        let k = part_key(name, r.rev);
        let stored = self.backend.get(&k)?.ok_or_else(|| corrupt(&k, "missing"))?;
        if !codec::part_sum_matches(&stored, &r.sum) {
            return Err(corrupt(&k, "checksum mismatch"));
        }
        let json = codec::decode_bytes(&stored).map_err(|d| corrupt(&k, d))?;
        // Records are read from text by the same deserializer everywhere (wasm size).
        let json = String::from_utf8(json).map_err(|e| corrupt(&k, format!("not UTF-8: {e}")))?;
        if schema == SCHEMA {
            return serde_json::from_str(&json).map(|v| (v, json.len())).map_err(|e| corrupt(&k, e.to_string()));
        }
        let mut v: Value = serde_json::from_str(&json).map_err(|e| corrupt(&k, format!("not JSON: {e}")))?;
        migrate_value(&mut v, schema, MIGRATIONS).map_err(|e| corrupt(&k, format!("migration failed: {e}")))?;
        let json = v.to_string();
        serde_json::from_str(&json).map(|v| (v, json.len())).map_err(|e| corrupt(&k, e.to_string()))
    }

    /// Read a manifest and the partitions it names: all of them, or with `recent_from` only
    /// the core and the months from then on (the rest are left in the cache's `pending`).
    fn load_manifest(
        &mut self,
        key: &str,
        text: &str,
        recent_from: Option<&str>,
    ) -> Result<(Db, Cache, Manifest), StorageError> {
        let m = parse_manifest(key, text)?;
        let migrate = m.schema < SCHEMA;
        if migrate {
            // Keep the pre-migration state: its partitions stay pinned by the snapshot key.
            let snap = format!("{SNAPSHOT_PREFIX}.premigrate.v{}", m.schema);
            if self.backend.get(&snap)?.is_none() {
                let _ = self.backend.set(&snap, text);
            }
        }
        let schema = m.schema;
        let core_ref = m.parts.get("core").ok_or_else(|| corrupt(key, "no core partition"))?;
        let (core, len): (Core, _) = self.read_part("core", core_ref, schema)?;
        let mut cache = Cache { core: Some((core_ref.clone(), core)), ..Cache::empty() };
        cache.text_len.insert("core".into(), len);
        // Month names ("2026-03") sort by date; a migration reads everything now.
        let later = |name: &str| migrate || recent_from.is_none_or(|from| name >= from);
        for (name, r) in m.parts.iter().filter(|(n, _)| n.as_str() != "core") {
            if later(name) {
                let (part, len): (Part, _) = self.read_part(name, r, schema)?;
                cache.parts.insert(name.clone(), (r.clone(), part));
                cache.text_len.insert(name.clone(), len);
            } else {
                cache.pending.push((name.clone(), r.clone()));
            }
        }
        let mut db = cache.assemble().ok_or_else(|| corrupt(key, "no core partition"))?;
        if migrate {
            // Records from before revisions get their first (the same in every browser, so
            // two copies of one store agree); everything is rewritten in the new schema on
            // the next save.
            revision::ensure(&mut db);
            cache = Cache::empty();
        }
        Ok((db, cache, m))
    }

    /// True while older months of [`Store::open_recent`] are still to be read.
    pub fn has_pending(&self) -> bool {
        !self.cache.pending.is_empty()
    }

    /// Read the months [`Store::open_recent`] left. `None` when nothing is pending; otherwise
    /// every committed record, or — when an older partition is damaged — the recovery state of
    /// a normal open (read-only, the last good state) with its outcome. When another tab has
    /// saved since, that tab's data is read instead (as [`Store::reload_if_changed`] would).
    pub fn load_pending(&mut self) -> Option<(Db, LoadOutcome)> {
        if self.cache.pending.is_empty() {
            return None;
        }
        let stored = self.backend.get(MANIFEST);
        if !matches!(&stored, Ok(Some(t)) if Some(t) == self.manifest.as_ref()) {
            // The manifest we opened is no longer current: its partitions may be gone. Open
            // again from what is stored now (all of it).
            self.cache = Cache::empty();
            self.sizes = None;
            return Some(self.load(None));
        }
        let pending = std::mem::take(&mut self.cache.pending);
        let all = (|| -> Result<Db, StorageError> {
            for (name, r) in &pending {
                let (part, len): (Part, _) = self.read_part(name, r, SCHEMA)?;
                self.cache.parts.insert(name.clone(), (r.clone(), part));
                self.cache.text_len.insert(name.clone(), len);
            }
            self.cache.assemble().ok_or_else(|| corrupt(MANIFEST, "no core partition"))
        })();
        match all {
            Ok(db) => {
                self.committed = db.clone();
                self.committed_is_cache = true;
                Some((db, LoadOutcome::Loaded))
            }
            Err(error) => {
                self.cache = Cache::empty();
                let prev = self.backend.get(MANIFEST_PREV).ok().flatten();
                Some(self.recover(prev, error))
            }
        }
    }

    /// True in recovery and newer-schema modes: saves are refused and nothing is written.
    pub fn is_read_only(&self) -> bool {
        self.mode == Mode::ReadOnly
    }

    /// The committed records as this tab last read or saved them.
    pub fn committed(&self) -> &Db {
        &self.committed
    }

    /// The committed revision this tab knows.
    pub fn revision(&self) -> u64 {
        self.rev
    }

    /// When the last save landed (ms since the epoch), if any.
    pub fn saved_at_ms(&self) -> Option<u64> {
        self.saved_at
    }

    /// Leave recovery mode after the user downloaded the raw data and chose to continue with
    /// the records shown: the next save overwrites the damaged state. Refused for newer data.
    pub fn force_writable(&mut self) -> Result<(), StorageError> {
        if let Some(text) = self.backend.get(MANIFEST)? {
            if let Err(e @ StorageError::NewerSchema { .. }) = parse_manifest(MANIFEST, &text) {
                return Err(e);
            }
            // The damaged manifest is replaced by the next save; remember its revision.
            self.rev = serde_json::from_str::<Value>(text.get(16..).unwrap_or(""))
                .ok()
                .and_then(|v| v.get("rev").and_then(Value::as_u64))
                .unwrap_or(self.rev);
            self.manifest = Some(text);
        }
        self.cache = Cache::empty();
        // The records shown keep their revisions: with nothing committed, a save takes them as
        // they are.
        self.committed = Db::default();
        self.mode = Mode::Writable;
        Ok(())
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.backend.set(key, value)?;
        self.note_size(key, value);
        Ok(())
    }

    /// [`Store::write`] and read back: `Ok(false)` when the stored text differs from `value`.
    fn write_verified(&mut self, key: &str, value: &str) -> Result<bool, StorageError> {
        let same = self.backend.set_and_verify(key, value)?;
        self.note_size(key, value);
        Ok(same)
    }

    /// Keep the usage meter's per-key sizes (when measured) in step with a write.
    fn note_size(&mut self, key: &str, value: &str) {
        if let Some(sizes) = &mut self.sizes {
            sizes.insert(key.to_string(), codec::utf16_len(key) + codec::utf16_len(value));
        }
    }

    fn delete(&mut self, key: &str) -> Result<(), StorageError> {
        self.backend.remove(key)?;
        if let Some(sizes) = &mut self.sizes {
            sizes.remove(key);
        }
        Ok(())
    }

    /// Read the stored revision: the compare half of compare-and-swap.
    fn stored_rev(&self) -> Result<(Option<String>, u64), StorageError> {
        let text = self.backend.get(MANIFEST)?;
        let rev = match &text {
            None => 0,
            Some(t) if Some(t) == self.manifest.as_ref() => self.rev,
            Some(t) => parse_manifest(MANIFEST, t)?.rev,
        };
        Ok((text, rev))
    }

    /// Save atomically. Refused with [`StorageError::Conflict`] when another tab saved since
    /// this one loaded, and with [`StorageError::ReadOnly`] in read-only modes. On any error the
    /// previous state is intact. A save with nothing changed writes nothing.
    ///
    /// Records changed since the last save get a new revision first ([`revision::stamp`]);
    /// when the save fails they are put back as they were.
    pub fn save(&mut self, db: &mut Db) -> Result<(), StorageError> {
        self.save_touched(db).map(drop)
    }

    /// [`Store::save`], returning the documents that differ from the previous save (see
    /// [`revision::Stamp::touched`]): what the views of the change must be told.
    pub fn save_touched(&mut self, db: &mut Db) -> Result<Vec<DocId>, StorageError> {
        if self.is_read_only() {
            return Err(StorageError::ReadOnly);
        }
        if self.has_pending() {
            // The unread months are not in `db`: saving it would drop them.
            return Err(StorageError::Incomplete);
        }
        let stamp = revision::stamp(&self.committed, db);
        let only = self.months_touched(&stamp.touched, db);
        match self.save_stamped(db, only.as_deref(), Collect::Now) {
            Ok(()) => {
                commit_copy(&mut self.committed, db);
                self.committed_is_cache = true;
                Ok(stamp.touched)
            }
            Err(e) => {
                stamp.revert(db);
                Err(e)
            }
        }
    }

    /// Save a change that names the records it touched (`docs`, see
    /// [`revision::stamp_docs`]): only they are stamped, only their months are compared and
    /// written, and only they are copied into the committed records, so that the save costs
    /// what the change touched. A record changed but not named is saved too when it is stored
    /// in a partition the save writes (it is returned with the named ones); one stored
    /// elsewhere is not saved by it, still differs from the committed copy, and the next
    /// [`Store::save_touched`] finds and saves it.
    /// The partitions it replaces are collected later ([`Store::collect_pending_garbage`]).
    /// Where the months cannot be known from the committed records (see
    /// [`Store::months_touched`]) this is [`Store::save_touched`].
    pub fn save_docs(&mut self, db: &mut Db, docs: &[DocId]) -> Result<NamedSave, StorageError> {
        if self.is_read_only() {
            return Err(StorageError::ReadOnly);
        }
        if self.has_pending() {
            return Err(StorageError::Incomplete);
        }
        // The months and the core this save rewrites are written whole: a record in them that
        // changed but was not named would be stored with its old revision, so it is named too
        // (the app reports it: a missed name is a bug of the change).
        let mut named = docs.to_vec();
        loop {
            if !self.knows_months(named.len()) {
                return self.save_touched(db).map(|touched| NamedSave { touched, missed: Vec::new() });
            }
            let missed = unnamed_changes(&self.committed, db, &self.months_of(&named, db), &named);
            if missed.is_empty() {
                break;
            }
            named.extend(missed);
        }
        // The stamp touches only named records: no more than `named`, so their months are known.
        let stamp = revision::stamp_docs(&self.committed, db, &named);
        let only = self.months_of(&stamp.touched, db);
        match self.save_stamped(db, Some(&only), Collect::Later) {
            Ok(()) => {
                commit_docs(&mut self.committed, db, &stamp.touched);
                let missed = named.split_off(docs.len());
                Ok(NamedSave { touched: stamp.touched, missed })
            }
            Err(e) => {
                stamp.revert(db);
                Err(e)
            }
        }
    }

    /// The months whose partitions may differ after a change to `touched` (what [`revision::stamp`]
    /// found differing from the committed records): each record's month before and after, so
    /// that a record moved to another month rewrites both. `None` (compare every partition)
    /// when the committed records are not known to be the cache's, or many records changed.
    fn months_touched(&self, touched: &[DocId], db: &Db) -> Option<Vec<(i32, u32)>> {
        self.knows_months(touched.len()).then(|| self.months_of(touched, db))
    }

    /// Each month that a record of `touched` is in, in the committed records or in `db`.
    fn months_of(&self, touched: &[DocId], db: &Db) -> Vec<(i32, u32)> {
        let mut months = Vec::new();
        for d in touched {
            for m in [month_of(&self.committed, *d), month_of(db, *d)].into_iter().flatten() {
                if !months.contains(&m) {
                    months.push(m);
                }
            }
        }
        months
    }

    /// Whether the months of `n` changed records can be found from the committed records
    /// ([`Store::months_touched`]).
    fn knows_months(&self, n: usize) -> bool {
        // Each record's month is found by a scan of its list: for many records (an import)
        // one split of the whole database is the cheaper way.
        const FEW: usize = 64;
        self.committed_is_cache && self.cache.core.is_some() && self.manifest.is_some() && n <= FEW
    }

    fn save_stamped(&mut self, db: &Db, only: Option<&[(i32, u32)]>, gc: Collect) -> Result<(), StorageError> {
        match self.try_save(db, only, gc) {
            Err(StorageError::QuotaExceeded) => {
                // Free the last-good copies of changed partitions and try once more.
                if self.backend.get(MANIFEST_PREV)?.is_some() {
                    self.delete(MANIFEST_PREV)?;
                    self.collect_garbage();
                    self.try_save(db, only, gc)
                } else {
                    Err(StorageError::QuotaExceeded)
                }
            }
            r => r,
        }
    }

    /// Write the partitions that differ from the cache, then the manifest. With `only`, just
    /// those months are compared (the rest are the committed ones, unchanged). `gc` says when
    /// the partitions it replaced are collected.
    fn try_save(&mut self, db: &Db, only: Option<&[(i32, u32)]>, gc: Collect) -> Result<(), StorageError> {
        if self.has_pending() {
            // The unread months are not in `db`: saving it would drop them.
            return Err(StorageError::Incomplete);
        }
        let (stored_text, stored_rev) = self.stored_rev()?;
        if stored_rev != self.rev || (stored_text.is_some() && stored_text != self.manifest && self.manifest.is_some())
        {
            return Err(StorageError::Conflict { stored_rev, our_rev: self.rev });
        }
        let order = order_of(db);
        let s = split(db, &order, only);
        let diff = self.diff(&s);
        if diff.nothing() && self.manifest.is_some() {
            return Ok(());
        }
        let Diff { core_same, changed, removed } = diff;
        // The committed partitions that stay as they are.
        let kept: Vec<(String, PartRef)> = self
            .cache
            .parts
            .iter()
            .filter(|(n, _)| !removed.contains(n) && !changed.contains(n))
            .map(|(n, (r, _))| (n.clone(), r.clone()))
            .collect();
        let new_rev = self.rev + 1;
        let mut written: Vec<String> = Vec::new();
        let mut new_parts: BTreeMap<String, PartRef> = BTreeMap::new();
        let mut new_lens: BTreeMap<String, usize> = BTreeMap::new();
        let result = (|| -> Result<(), StorageError> {
            // The JSON as bytes: the canonical writer writes UTF-8 only, and nothing here needs it
            // checked again as a `String`.
            let mut put = |store: &mut Store, name: &str, json: Vec<u8>| -> Result<PartRef, StorageError> {
                new_lens.insert(name.into(), json.len());
                let value = codec::encode(&json);
                let key = part_key(name, new_rev);
                // Listed before the write: a failed save removes what it listed (a key that
                // was never written is simply absent).
                written.push(key.clone());
                if !store.write_verified(&key, &value)? {
                    return Err(StorageError::Unavailable(format!("read-back of {key} differs from what was written")));
                }
                Ok(PartRef { rev: new_rev, sum: codec::part_sum(&value), len: codec::utf16_len(&value) })
            };
            let core_ref = match (&self.cache.core, core_same) {
                (Some((r, _)), true) => r.clone(),
                _ => {
                    let json = canonical::to_vec(&s.core).map_err(|e| StorageError::Serialize(e.to_string()))?;
                    put(self, "core", json)?
                }
            };
            new_parts.insert("core".into(), core_ref);
            new_parts.extend(kept);
            for name in &changed {
                let json = canonical::to_vec(&s.parts[*name]).map_err(|e| StorageError::Serialize(e.to_string()))?;
                let r = put(self, name, json)?;
                new_parts.insert((*name).clone(), r);
            }
            Ok(())
        })();
        let saved_at = now_ms();
        let manifest = Manifest {
            fmt: FORMAT.into(),
            schema: SCHEMA,
            app: APP_VERSION.into(),
            saved_at,
            rev: new_rev,
            parts: new_parts.clone(),
            why: None,
        };
        let commit = result.and_then(|_| {
            let text = manifest_text(&manifest)?;
            if let Some(old) = &stored_text {
                self.write(MANIFEST_PREV, old)?;
            }
            if !self.write_verified(MANIFEST, &text)? {
                // The pointer did not land as written: put the old one back.
                match &stored_text {
                    Some(old) => self.write(MANIFEST, old)?,
                    None => self.delete(MANIFEST)?,
                }
                return Err(StorageError::Unavailable("read-back of the manifest differs".into()));
            }
            Ok(text)
        });
        match commit {
            Ok(text) => {
                // Committed: update the cache (clone only what changed).
                if !core_same {
                    let core = Core {
                        org: db.org.clone(),
                        settings: db.settings.clone(),
                        next_id: db.next_id,
                        last_backup: db.last_backup,
                        order: order.clone(),
                        democratic_life: db.democratic_life.clone(),
                        revs: crate::domain::sort::map_of(s.core.revs.iter().map(|(d, r)| (**d, Arc::clone(r)))),
                        study_plans: db.study_plans.clone(),
                        study_sessions: db.study_sessions.clone(),
                        unshared: db.unshared.clone(),
                    };
                    self.cache.core = Some((new_parts["core"].clone(), core));
                }
                self.cache.parts.retain(|name, _| new_parts.contains_key(name));
                for name in &changed {
                    let view = &s.parts[*name];
                    let p = Part {
                        items: view.items.iter().map(|r| (*r).clone()).collect(),
                        meetings: view.meetings.iter().map(|r| (*r).clone()).collect(),
                        tasks: view.tasks.iter().map(|r| (*r).clone()).collect(),
                        evidence: view.evidence.iter().map(|r| (*r).clone()).collect(),
                        revs: crate::domain::sort::map_of(view.revs.iter().map(|(d, r)| (*d, Arc::clone(r)))),
                    };
                    self.cache.parts.insert((*name).clone(), (new_parts[*name].clone(), p));
                }
                self.cache.text_len.retain(|name, _| new_parts.contains_key(name));
                self.cache.text_len.extend(new_lens);
                self.rev = new_rev;
                self.live_memo.push((text.clone(), new_parts.iter().map(|(n, r)| part_key(n, r.rev)).collect()));
                self.saved_at = Some(saved_at);
                if gc == Collect::Now {
                    // The two manifests were written just now: their texts need not be read back.
                    let mut known = vec![(MANIFEST, text.as_str())];
                    if let Some(old) = &stored_text {
                        known.push((MANIFEST_PREV, old.as_str()));
                    }
                    self.collect_garbage_knowing(&known);
                } else {
                    self.garbage_pending = true;
                }
                self.manifest = Some(text);
                Ok(())
            }
            Err(e) => {
                for k in written {
                    let _ = self.delete(&k);
                }
                Err(e)
            }
        }
    }

    /// Compare the records in memory with the committed ones in the cache.
    fn diff<'s>(&self, s: &'s Split<'_>) -> Diff<'s> {
        let core_same = self.cache.core.as_ref().is_some_and(|(_, c)| {
            *s.core.org == c.org
                && *s.core.settings == c.settings
                && s.core.next_id == c.next_id
                && s.core.last_backup == c.last_backup
                && *s.core.order == c.order
                && s.core.democratic_life == c.democratic_life.as_slice()
                && s.core.study_plans == c.study_plans.as_slice()
                && s.core.study_sessions == c.study_sessions.as_slice()
                && *s.core.unshared == c.unshared
                && s.core.revs.len() == c.revs.len()
                && s.core.revs.iter().zip(&c.revs).all(|((d, x), (e, y))| *d == e && (Arc::ptr_eq(x, y) || x == &y))
        });
        let changed = s
            .parts
            .iter()
            .filter(|(n, v)| !v.is_empty() && !self.cache.parts.get(*n).is_some_and(|(_, p)| v.matches(p)))
            .map(|(n, _)| n)
            .collect();
        let removed = self
            .cache
            .parts
            .keys()
            .filter(|n| s.parts.get(*n).map_or(s.complete, PartView::is_empty))
            .cloned()
            .collect();
        Diff { core_same, changed, removed }
    }

    /// True when this store holds a complete copy of what is committed, so that
    /// [`Store::restore_saved`] can put it back (not before the first save, after a migration
    /// or in read-only modes).
    pub fn can_restore(&self) -> bool {
        !self.is_read_only() && self.manifest.is_some() && self.cache.core.is_some() && !self.has_pending()
    }

    /// Put the committed records back into `db` when it differs from them (a change that was
    /// refused half-way). Returns whether anything was put back; `false` also when the store
    /// cannot restore (see [`Store::can_restore`]).
    pub fn restore_saved(&self, db: &mut Db) -> bool {
        if !self.can_restore() {
            return false;
        }
        let order = order_of(db);
        if self.diff(&split(db, &order, None)).nothing() {
            return false;
        }
        match self.cache.assemble() {
            Some(saved) => {
                *db = saved;
                true
            }
            None => false,
        }
    }

    /// Give the garbage collector the partition keys of a manifest that was just read and
    /// checked, so that the next save (which makes it the previous manifest) does not parse
    /// and check it again.
    ///
    /// A tab that only follows another tab's saves reads a manifest per save and collects no
    /// garbage: the oldest entries go, so that the memo stays a few manifests long.
    fn remember_parsed(&mut self, text: &str, m: &Manifest) {
        if self.live_memo.iter().any(|(t, _)| t == text) {
            return;
        }
        if self.live_memo.len() >= MEMO_MAX {
            self.live_memo.remove(0);
        }
        self.live_memo.push((text.to_string(), m.parts.iter().map(|(n, r)| part_key(n, r.rev)).collect()));
    }

    /// Remove partitions that no manifest (current, previous, snapshots) names.
    fn collect_garbage(&mut self) {
        self.collect_garbage_knowing(&[]);
    }

    /// Collect what saves of named records left ([`Store::save_docs`]), when they left
    /// anything: for when the browser is idle.
    pub fn collect_pending_garbage(&mut self) {
        if self.garbage_pending && !self.is_read_only() {
            self.collect_garbage();
        }
    }

    /// [`Store::collect_garbage`], where `known` gives the texts of manifests this store has
    /// just written (they are not read back: each read copies the text into wasm memory).
    fn collect_garbage_knowing(&mut self, known: &[(&str, &str)]) {
        self.garbage_pending = false;
        let Ok(keys) = self.backend.keys() else { return };
        let mut live: BTreeSet<String> = BTreeSet::new();
        let mut memo = Vec::new();
        for k in keys.iter().filter(|k| *k == MANIFEST || *k == MANIFEST_PREV || k.starts_with(SNAPSHOT_PREFIX)) {
            let text = match known.iter().find(|(key, _)| key == k) {
                Some((_, text)) => (*text).to_string(),
                None => match self.backend.get(k).ok().flatten() {
                    Some(text) => text,
                    None => return,
                },
            };
            let named = match self.live_memo.iter().position(|(t, _)| *t == text) {
                Some(i) => self.live_memo.swap_remove(i).1,
                None => match parse_manifest(k, &text) {
                    Ok(m) => m.parts.iter().map(|(n, r)| part_key(n, r.rev)).collect(),
                    // An unreadable manifest: keep everything (never delete what might be needed).
                    Err(_) => return,
                },
            };
            live.extend(named.iter().cloned());
            memo.push((text, named));
        }
        self.live_memo = memo;
        for k in keys.iter().filter(|k| k.starts_with(PART_PREFIX) && !live.contains(*k)) {
            let _ = self.delete(k);
        }
    }

    /// The length of the committed records' JSON text, as read or last saved (before packing):
    /// within about half a percent of what they come to in a backup file (each month repeats
    /// its partition's keys), which the export reserves at once rather than growing its buffer
    /// (export time and memory). 0 when nothing is committed, or after a migration
    /// until the next save.
    pub fn records_text_len(&self) -> usize {
        self.cache.text_len.values().sum()
    }

    /// Measure every key again on the next [`Store::usage`]: keys written by something other
    /// than this store (another tab, another app of the same origin) are counted then.
    pub fn measure_again(&mut self) {
        self.sizes = None;
    }

    /// Storage used by the whole origin (all keys) against the engine's quota.
    pub fn usage(&mut self) -> StorageUsage {
        if self.sizes.is_none() {
            self.sizes = Some(self.rescan_sizes());
        }
        let used_chars = self.sizes.as_ref().map_or(0, |s| s.values().sum());
        StorageUsage { used_chars, quota_chars: self.backend.quota_chars() }
    }

    /// A small UI preference ("lang", "today", …).
    pub fn pref(&self, name: &str) -> Option<String> {
        self.backend.get(&format!("{PREF_PREFIX}{name}")).ok().flatten()
    }

    /// Set a preference. Allowed in read-only modes (it never touches the records).
    pub fn set_pref(&mut self, name: &str, value: &str) -> Result<(), StorageError> {
        self.write(&format!("{PREF_PREFIX}{name}"), value)
    }

    /// When another tab saved a newer revision: `Some(Ok(db))` with its records (this store
    /// follows it), `Some(Err(_))` when the new data cannot be read (then this tab is
    /// read-only), `None` when nothing changed.
    pub fn reload_if_changed(&mut self) -> Option<Result<Db, StorageError>> {
        let text = match self.backend.get(MANIFEST) {
            Ok(t) => t,
            Err(e) => return Some(Err(e)),
        };
        if text == self.manifest {
            return None;
        }
        let Some(text) = text else {
            // Storage was cleared elsewhere: do not follow (that would show an empty app and
            // let the next save commit emptiness); stay read-only until reload.
            self.mode = Mode::ReadOnly;
            return Some(Err(corrupt(MANIFEST, "removed by another tab or the browser")));
        };
        self.sizes = None;
        match self.load_manifest(MANIFEST, &text, None) {
            Ok((db, cache, m)) => {
                self.rev = m.rev;
                self.saved_at = Some(m.saved_at);
                self.remember_parsed(&text, &m);
                self.manifest = Some(text);
                self.cache = cache;
                self.committed = db.clone();
                self.committed_is_cache = true;
                if self.mode == Mode::ReadOnly {
                    // A conflict or damaged state is resolved by the other tab's good save.
                    self.mode = Mode::Writable;
                }
                Some(Ok(db))
            }
            Err(e) => {
                self.mode = Mode::ReadOnly;
                Some(Err(e))
            }
        }
    }

    /// Every key under the prefix with its raw value, as a JSON object, for the recovery
    /// download. Works in every mode.
    pub fn raw_dump(&self) -> String {
        let mut map = serde_json::Map::new();
        if let Ok(keys) = self.backend.keys() {
            let mut keys: Vec<_> = keys.into_iter().filter(|k| k.starts_with(PREFIX)).collect();
            crate::domain::sort::sort(&mut keys);
            for k in keys {
                if let Ok(Some(v)) = self.backend.get(&k) {
                    map.insert(k, Value::String(v));
                }
            }
        }
        let dump = serde_json::json!({
            "format": "yishi-raw-storage",
            "app_version": APP_VERSION,
            "note": "Raw localStorage values of Yishi. Partitions are deflate-compressed JSON packed 15 bits per character from U+4E00.",
            "keys": Value::Object(map),
        });
        serde_json::to_string_pretty(&dump).unwrap_or_default()
    }

    /// Take the safety snapshot before an import: `db` is saved first if it differs from what
    /// is stored, then the manifest is copied (marked [`SnapshotWhy::Import`]) under the
    /// snapshot key, which keeps the partitions it names. It costs a few hundred characters
    /// until later saves replace those partitions. It takes the place of the previous import
    /// snapshot: there is one, the latest.
    pub fn snapshot(&mut self, db: &mut Db) -> Result<(), StorageError> {
        self.save(db)?;
        let text = self.manifest.clone().ok_or_else(|| corrupt(MANIFEST, "nothing committed"))?;
        let mut m = parse_manifest(MANIFEST, &text)?;
        m.why = Some("import".into());
        let marked = manifest_text(&m)?;
        self.write(SNAPSHOT, &marked)?;
        // The replaced snapshot's partitions are free now.
        self.collect_garbage();
        Ok(())
    }

    /// When the import snapshot was taken (ms since the epoch), if one exists.
    pub fn snapshot_taken_at(&self) -> Option<u64> {
        let text = self.backend.get(SNAPSHOT).ok().flatten()?;
        parse_manifest(SNAPSHOT, &text).ok().map(|m| m.saved_at)
    }

    /// Restore the import snapshot (the one-step undo): see [`Store::restore_snapshot`].
    pub fn undo_snapshot(&mut self) -> Result<Option<Db>, StorageError> {
        self.restore_snapshot(SNAPSHOT)
    }

    /// Restore the snapshot under `key`: its records are saved as the current state (a new
    /// revision) and the snapshot is removed. `Ok(None)` when there is none under `key`.
    pub fn restore_snapshot(&mut self, key: &str) -> Result<Option<Db>, StorageError> {
        if self.is_read_only() {
            return Err(StorageError::ReadOnly);
        }
        if !key.starts_with(SNAPSHOT_PREFIX) {
            return Ok(None);
        }
        let Some(text) = self.backend.get(key)? else { return Ok(None) };
        let (mut db, _, _) = self.load_manifest(key, &text, None)?;
        // The snapshot's records as they were, revisions included: nothing is stamped anew.
        // The cache still holds the current records: the save compares every partition.
        self.committed = Db::default();
        self.committed_is_cache = false;
        self.save(&mut db)?;
        self.delete(key)?;
        self.collect_garbage();
        Ok(Some(db))
    }

    /// Drop the import snapshot (frees the partitions only it keeps).
    pub fn discard_snapshot(&mut self) -> Result<(), StorageError> {
        self.delete_snapshot(SNAPSHOT)
    }

    /// Every safety snapshot, newest first, with what deleting it frees.
    pub fn snapshots(&mut self) -> Vec<SnapshotInfo> {
        let Ok(keys) = self.backend.keys() else { return Vec::new() };
        let mut out: Vec<SnapshotInfo> = keys
            .iter()
            .filter(|k| k.starts_with(SNAPSHOT_PREFIX))
            .filter_map(|k| {
                let m = parse_manifest(k, &self.backend.get(k).ok().flatten()?).ok()?;
                let why = match (m.why.as_deref(), k.strip_prefix(&format!("{SNAPSHOT_PREFIX}.premigrate.v"))) {
                    (_, Some(v)) => SnapshotWhy::Migration { from: v.parse().unwrap_or(0) },
                    (Some("import"), _) => SnapshotWhy::Import,
                    // The import snapshot of a version that did not mark it.
                    (None, _) if k == SNAPSHOT => SnapshotWhy::Import,
                    _ => SnapshotWhy::Unknown,
                };
                Some(SnapshotInfo { key: k.clone(), why, taken_at_ms: m.saved_at, frees_chars: 0 })
            })
            .collect();
        for info in &mut out {
            info.frees_chars = self.freed_by(&[info.key.as_str()]);
        }
        crate::domain::sort::sort_by_key(&mut out, |s| std::cmp::Reverse(s.taken_at_ms));
        out
    }

    /// Storage use, with what the snapshots hold.
    pub fn usage_split(&mut self) -> UsageSplit {
        let keys: Vec<String> = self.snapshots().into_iter().map(|i| i.key).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let snapshots_chars = if refs.is_empty() { 0 } else { self.freed_by(&refs) };
        UsageSplit { total: self.usage(), snapshots_chars }
    }

    /// Delete the snapshot under `key`, and with it the copy of the previous save, so that
    /// the partitions only they keep are freed at once (the current records are untouched; the
    /// next save writes a new previous copy).
    pub fn delete_snapshot(&mut self, key: &str) -> Result<(), StorageError> {
        self.delete_snapshots(&[key])
    }

    /// Delete every snapshot (see [`Store::delete_snapshot`]).
    pub fn delete_all_snapshots(&mut self) -> Result<(), StorageError> {
        let keys: Vec<String> = self.snapshots().into_iter().map(|i| i.key).collect();
        self.delete_snapshots(&keys.iter().map(String::as_str).collect::<Vec<_>>())
    }

    fn delete_snapshots(&mut self, keys: &[&str]) -> Result<(), StorageError> {
        if self.is_read_only() {
            return Err(StorageError::ReadOnly);
        }
        let mut any = false;
        for key in keys.iter().filter(|k| k.starts_with(SNAPSHOT_PREFIX)) {
            if self.backend.get(key)?.is_some() {
                self.delete(key)?;
                any = true;
            }
        }
        if any {
            self.release_previous()?;
        }
        Ok(())
    }

    /// Drop the copy of the previous save and collect what only it kept: after a step whose
    /// point is to free space (removing an archived year, deleting a snapshot), the space is
    /// given back at once rather than at the next save. The current records are untouched.
    pub fn release_previous(&mut self) -> Result<(), StorageError> {
        if self.is_read_only() {
            return Err(StorageError::ReadOnly);
        }
        if self.backend.get(MANIFEST_PREV)?.is_some() {
            self.delete(MANIFEST_PREV)?;
        }
        self.collect_garbage();
        Ok(())
    }

    /// The UTF-16 code units deleting the snapshots `keys` would give back, with the previous
    /// save's copy that goes with them ([`Store::delete_snapshot`]): those keys, and every
    /// partition that no other manifest names.
    fn freed_by(&mut self, keys: &[&str]) -> u64 {
        let Ok(all) = self.backend.keys() else { return 0 };
        let sizes = match &self.sizes {
            Some(s) => s.clone(),
            None => {
                let s = self.rescan_sizes();
                self.sizes = Some(s.clone());
                s
            }
        };
        let named = |store: &Store, k: &str| -> Option<Vec<String>> {
            let text = store.backend.get(k).ok().flatten()?;
            parse_manifest(k, &text).ok().map(|m| m.parts.iter().map(|(n, r)| part_key(n, r.rev)).collect())
        };
        let mut gone: BTreeSet<String> = BTreeSet::new();
        let mut kept: BTreeSet<String> = BTreeSet::new();
        for k in all.iter().filter(|k| *k == MANIFEST || *k == MANIFEST_PREV || k.starts_with(SNAPSHOT_PREFIX)) {
            let leaving = *k == MANIFEST_PREV || keys.contains(&k.as_str());
            let Some(parts) = named(self, k) else {
                // Unreadable: the collector keeps everything then, so nothing would be freed.
                return 0;
            };
            if leaving {
                gone.insert(k.clone());
                gone.extend(parts);
            } else {
                kept.extend(parts);
            }
        }
        // The previous save alone frees nothing the user asked for: without a snapshot among
        // `keys` nothing is deleted.
        if !keys.iter().any(|k| gone.contains(*k)) {
            return 0;
        }
        gone.iter().filter(|k| !kept.contains(*k)).map(|k| sizes.get(k).copied().unwrap_or(0)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The changed records name the months a save compares; the storage tests check that
    /// such saves reload equal, this that the narrow comparison is what they ran.
    #[test]
    fn a_save_compares_only_the_months_of_the_changed_records() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let (mut store, _, _) = Store::open(Box::new(MemoryBackend::new()));
        let mut db = crate::sample::example::example_db(today);
        let stamp = revision::stamp(&store.committed, &mut db);
        assert_eq!(store.months_touched(&stamp.touched, &db), None, "nothing committed yet: every partition");
        store.save(&mut db).unwrap();

        let moved = Arc::make_mut(&mut db.meetings[0]);
        let was = moved.month();
        moved.date = NaiveDate::from_ymd_opt(2019, 7, 15).unwrap();
        let stamp = revision::stamp(&store.committed, &mut db);
        assert_eq!(store.months_touched(&stamp.touched, &db), Some(vec![was, (2019, 7)]), "its month before and after");
        store.save(&mut db).unwrap();

        db.org.superior.push('局');
        let stamp = revision::stamp(&store.committed, &mut db);
        assert_eq!(store.months_touched(&stamp.touched, &db), Some(vec![]), "the core only");
    }

    /// The same edits to two copies of one store: one saved naming its records, one by
    /// comparing everything.
    fn two_stores() -> ((Store, Db, MemoryBackend), (Store, Db, MemoryBackend)) {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let open = || {
            let backend = MemoryBackend::new();
            let (mut store, _, _) = Store::open(Box::new(backend.clone()));
            let mut db = crate::sample::example::example_db(today);
            store.save(&mut db).unwrap();
            (store, db, backend)
        };
        (open(), open())
    }

    /// Edits of every shape a change makes: a field, a record added in the middle of its
    /// list, a record deleted, the settings and a member.
    fn edit_every_shape(db: &mut Db) -> Vec<DocId> {
        let item = Arc::make_mut(&mut db.items[0]);
        item.materials.push('。');
        let edited = DocId::Item(item.id);
        let mut added = (*db.items[1]).clone();
        added.id = db.new_id();
        added.title.push_str("（二）");
        let added_id = DocId::Item(added.id);
        db.items.insert(1, Arc::new(added));
        let gone = db.tasks.remove(0);
        db.org.superior.push('局');
        db.org.members[0].name.push('一');
        vec![edited, added_id, DocId::Task(gone.id), DocId::Settings, DocId::Member(db.org.members[0].id)]
    }

    #[test]
    fn a_save_of_the_named_records_stores_what_a_full_save_stores() {
        let ((mut a, mut da, ba), (mut b, mut db, bb)) = two_stores();
        let named = edit_every_shape(&mut da);
        edit_every_shape(&mut db);
        let mut ta = a.save_docs(&mut da, &named).unwrap().touched;
        let mut tb = b.save_touched(&mut db).unwrap();
        ta.sort();
        tb.sort();
        assert_eq!(ta, tb, "the same records touched");
        assert_eq!(da, db, "the same records and revisions");
        assert_eq!(a.committed, da, "the committed copy follows, in the same order");
        assert_eq!(Store::open(Box::new(ba)).1, Store::open(Box::new(bb)).1, "the same records stored");
        // The next edit of a named save is found against the committed copy it left.
        Arc::make_mut(&mut da.items[1]).materials.push('。');
        assert_eq!(a.save_touched(&mut da).unwrap(), vec![DocId::Item(da.items[1].id)]);
    }

    #[test]
    fn a_record_changed_but_not_named_is_saved_by_the_next_full_save() {
        let ((mut store, mut db, backend), _) = two_stores();
        let (x, y) = (db.items[0].id, db.items[db.items.len() - 1].id);
        Arc::make_mut(&mut db.items[0]).materials.push('。');
        let last = db.items.len() - 1;
        Arc::make_mut(&mut db.items[last]).materials.push('。');
        assert_eq!(store.save_docs(&mut db, &[DocId::Item(x)]).unwrap().touched, vec![DocId::Item(x)]);
        let stored = Store::open(Box::new(backend.clone())).1;
        assert_eq!(stored.item(x), db.item(x));
        assert_ne!(stored.item(y), db.item(y), "not named: not in this save");
        assert_eq!(store.save_touched(&mut db).unwrap(), vec![DocId::Item(y)], "found by the full save");
        assert_eq!(Store::open(Box::new(backend)).1, db);
    }

    #[test]
    fn a_save_of_named_records_also_stamps_what_it_missed_in_the_partitions_it_writes() {
        let ((mut store, mut db, backend), (mut full, mut db_full, _)) = two_stores();
        // Three records of the first item's month, and a member: only the item is named.
        let month = db.items[0].month();
        let x = db.items[0].id;
        let same: Vec<usize> = (1..db.items.len()).filter(|&i| db.items[i].month() == month).collect();
        assert!(same.len() >= 2, "the example data has several items in one month");
        let (y, z) = (db.items[same[0]].id, db.items[same[1]].id);
        let edit = |db: &mut Db| {
            Arc::make_mut(&mut db.items[0]).materials.push('。');
            Arc::make_mut(&mut db.items[same[0]]).materials.push('。');
            db.items.remove(same[1]);
            db.org.members[0].name.push('一');
        };
        edit(&mut db);
        edit(&mut db_full);
        let member = DocId::Member(db.org.members[0].id);
        let NamedSave { mut touched, mut missed } = store.save_docs(&mut db, &[DocId::Item(x)]).unwrap();
        touched.sort();
        missed.sort();
        let mut expected = vec![DocId::Item(x), DocId::Item(y), DocId::Item(z), member];
        expected.sort();
        assert_eq!(touched, expected, "the missed records are saved too");
        expected.retain(|d| *d != DocId::Item(x));
        assert_eq!(missed, expected, "and said to be missed");
        // What is stored is what a full save stores: each record with the revision of its content.
        full.save(&mut db_full).unwrap();
        assert_eq!(db, db_full);
        assert_eq!(Store::open(Box::new(backend)).1, db);
        assert!(db.revs[&DocId::Item(z)].deleted, "the record gone is a tombstone");
        assert_eq!(store.save_touched(&mut db).unwrap(), vec![], "nothing left for the idle check");
    }

    /// Partition keys in storage that no manifest names.
    fn unnamed_parts(backend: &MemoryBackend) -> usize {
        let keys = backend.raw_keys();
        let named: BTreeSet<String> = keys
            .iter()
            .filter(|k| **k == MANIFEST || **k == MANIFEST_PREV || k.starts_with(SNAPSHOT_PREFIX))
            .flat_map(|k| {
                let m = parse_manifest(k, &backend.get(k).unwrap().unwrap()).unwrap();
                m.parts.iter().map(|(n, r)| part_key(n, r.rev)).collect::<Vec<_>>()
            })
            .collect();
        keys.iter().filter(|k| k.starts_with(PART_PREFIX) && !named.contains(*k)).count()
    }

    #[test]
    fn a_save_of_named_records_leaves_its_garbage_for_later() {
        let ((mut store, mut db, backend), _) = two_stores();
        let id = db.items[0].id;
        for _ in 0..3 {
            Arc::make_mut(&mut db.items[0]).materials.push('。');
            store.save_docs(&mut db, &[DocId::Item(id)]).unwrap();
        }
        assert!(unnamed_parts(&backend) > 0, "the replaced partitions are still there");
        store.collect_pending_garbage();
        assert_eq!(unnamed_parts(&backend), 0, "collected");
        // A full save collects at once, what named saves left included.
        Arc::make_mut(&mut db.items[0]).materials.push('。');
        store.save_docs(&mut db, &[DocId::Item(id)]).unwrap();
        Arc::make_mut(&mut db.items[0]).materials.push('。');
        store.save_touched(&mut db).unwrap();
        assert_eq!(unnamed_parts(&backend), 0);
        assert_eq!(Store::open(Box::new(backend)).1, db, "nothing the manifests name was collected");
    }

    #[test]
    fn webkit_counts_the_packed_records_at_two_bytes_a_character() {
        let safari = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        let chrome_ios = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1";
        let webkitgtk =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15";
        let chrome =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
        for ua in [safari, chrome_ios, webkitgtk] {
            assert_eq!(quota_chars_for(ua), 2_621_440, "{ua}");
        }
        for ua in [chrome, firefox] {
            assert_eq!(quota_chars_for(ua), QUOTA_CHARS, "{ua}");
        }
    }

    /// Every record of `db` is the very allocation the store holds as committed.
    fn shares_all(store: &Store, db: &Db) -> bool {
        let held: Vec<&Part> = store.cache.parts.values().map(|(_, p)| p).collect();
        let find = |p: &dyn Fn(&Part) -> bool| held.iter().any(|x| p(x));
        db.items.iter().all(|r| find(&|p| p.items.iter().any(|c| Arc::ptr_eq(c, r))))
            && db.meetings.iter().all(|r| find(&|p| p.meetings.iter().any(|c| Arc::ptr_eq(c, r))))
            && db.tasks.iter().all(|r| find(&|p| p.tasks.iter().any(|c| Arc::ptr_eq(c, r))))
            && db.evidence.iter().all(|r| find(&|p| p.evidence.iter().any(|c| Arc::ptr_eq(c, r))))
    }

    /// Writes `v` as compact JSON with every object's keys in reverse order.
    fn reversed(v: &Value, out: &mut String) {
        match v {
            Value::Object(m) => {
                out.push('{');
                for (i, (k, v)) in m.iter().rev().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(k).unwrap());
                    out.push(':');
                    reversed(v, out);
                }
                out.push('}');
            }
            Value::Array(a) => {
                out.push('[');
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    reversed(v, out);
                }
                out.push(']');
            }
            _ => out.push_str(&v.to_string()),
        }
    }

    // Partitions are written in canonical key order; versions before wrote them in each
    // struct's declaration order. Records are read by field name: stored text with the keys in
    // any other order opens to the same records, and an unchanged save writes nothing.
    #[test]
    fn partitions_with_their_keys_in_another_order_open_the_same_and_are_not_rewritten() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let backend = MemoryBackend::new();
        let (mut store, _, _) = Store::open(Box::new(backend.clone()));
        let mut db = crate::sample::example::example_db(today);
        store.save(&mut db).unwrap();
        let mut m = parse_manifest(MANIFEST, &backend.raw_get(MANIFEST).unwrap()).unwrap();
        for (name, r) in m.parts.iter_mut() {
            let key = part_key(name, r.rev);
            let json = codec::decode(&backend.raw_get(&key).unwrap()).unwrap();
            let mut other = String::new();
            reversed(&serde_json::from_str(&json).unwrap(), &mut other);
            assert_ne!(other, json, "{name}");
            let value = codec::encode(&other);
            (r.sum, r.len) = (codec::part_sum(&value), codec::utf16_len(&value));
            backend.raw_set(&key, &value);
        }
        backend.raw_set(MANIFEST, &manifest_text(&m).unwrap());
        let before: Vec<_> = backend.raw_keys().into_iter().map(|k| (backend.raw_get(&k), k)).collect();

        let (mut store, mut loaded, out) = Store::open(Box::new(backend.clone()));
        assert_eq!(out, LoadOutcome::Loaded);
        assert_eq!(loaded, db);
        store.save(&mut loaded).unwrap();
        let after: Vec<_> = backend.raw_keys().into_iter().map(|k| (backend.raw_get(&k), k)).collect();
        assert_eq!(after, before, "nothing changed, nothing written");
    }

    // What makes a save cheap with ten years of records: the app's records and the store's
    // committed copy are the same allocations after a load and after a save, and an edit
    // copies only the record it changes.
    #[test]
    fn loaded_and_saved_records_are_shared_with_the_committed_copy() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let backend = MemoryBackend::new();
        let (mut store, _, _) = Store::open(Box::new(backend.clone()));
        let mut db = crate::sample::example::example_db(today);
        assert!(!db.items.is_empty() && !db.meetings.is_empty() && !db.tasks.is_empty() && !db.evidence.is_empty());
        store.save(&mut db).unwrap();
        assert!(shares_all(&store, &db), "after the first save");

        let (store2, loaded, _) = Store::open(Box::new(backend.clone()));
        assert_eq!(loaded, db);
        assert!(shares_all(&store2, &loaded), "after a load");

        let before = db.items[1].clone();
        let id = db.items[1].id;
        db.item_mut(id).unwrap().materials.push('。');
        assert!(!Arc::ptr_eq(&before, &db.items[1]), "the edited record is a copy");
        let committed = store.cache.parts.values().flat_map(|(_, p)| p.items.iter()).find(|r| r.id == id).unwrap();
        assert!(Arc::ptr_eq(&before, committed), "the committed one is untouched");
        assert!(!shares_all(&store, &db));
        store.save(&mut db).unwrap();
        assert!(shares_all(&store, &db), "after saving the edit");
        let (_, again, _) = Store::open(Box::new(backend));
        assert_eq!(again, db);
    }

    #[test]
    fn a_tab_following_another_tabs_saves_remembers_only_a_few_manifests() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        let backend = MemoryBackend::new();
        let (mut writer, _, _) = Store::open(Box::new(backend.clone()));
        let mut db = crate::sample::example::example_db(today);
        writer.save(&mut db).unwrap();
        let (mut follower, _, _) = Store::open(Box::new(backend.clone()));
        for i in 0..3 * MEMO_MAX {
            db.org.superior = format!("上级{i}");
            writer.save(&mut db).unwrap();
            assert!(matches!(follower.reload_if_changed(), Some(Ok(_))));
        }
        assert!(follower.live_memo.len() <= MEMO_MAX, "{} manifests remembered", follower.live_memo.len());
        // Its first save still keeps the state it followed readable.
        let followed = follower.committed().clone();
        let mut mine = followed.clone();
        mine.org.superior = "本机".into();
        follower.save(&mut mine).unwrap();
        backend.raw_remove(MANIFEST);
        let (_, got, out) = Store::open(Box::new(backend));
        assert!(matches!(out, LoadOutcome::Recovery { .. }), "{out:?}");
        assert_eq!(got, followed);
    }

    #[test]
    fn reorder_restores_order_and_keeps_duplicates_and_strays() {
        let recs = vec![(3, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (9, 'e')];
        let out = reorder(recs, &[1, 2, 1, 3], |r| r.0);
        assert_eq!(out, vec![(1, 'b'), (2, 'c'), (1, 'd'), (3, 'a'), (9, 'e')]);
    }

    #[test]
    fn migrate_value_runs_steps_in_order_and_fails_on_a_gap() {
        fn add_x(o: &mut serde_json::Map<String, Value>) -> Result<(), String> {
            o.insert("x".into(), Value::from(1));
            Ok(())
        }
        fn noop(_: &mut serde_json::Map<String, Value>) -> Result<(), String> {
            Ok(())
        }
        let steps: &[Migration] = &[(0, add_x), (1, noop)];
        let mut v = serde_json::json!({});
        migrate_value(&mut v, 0, steps).unwrap();
        assert_eq!(v["x"], 1);
        let mut w = serde_json::json!({});
        migrate_value(&mut w, SCHEMA, steps).unwrap();
        assert!(w.get("x").is_none(), "current schema needs no step");
        assert!(migrate_value(&mut serde_json::json!({}), 0, &[]).is_err());
    }
}
