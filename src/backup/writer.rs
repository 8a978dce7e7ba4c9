//! A backup file written a slice at a time: [`FileWriter`].
//!
//! Ten years of records are megabytes of JSON, and the page has one thread. The writer
//! takes its own copy of the records (lists of shared pointers, so the copy is cheap and an
//! edit made while it writes is not half in the file) and writes them in the order the
//! canonical text has them, a given number of records per [`FileWriter::step`], hashing what
//! it wrote as it goes. The page yields to the browser between steps; [`FileWriter::finish`]
//! writes what is left at once. Either way the bytes are those of `canonical::write` of the whole
//! database (tests compare the two).

use std::sync::Arc;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::domain::{db::Db, revision::RevInfo};
use crate::storage::{canonical, codec};

/// The members of the database's object, in the order the canonical text writes them (by
/// name). Lists write a record per step unit; the others are one unit each.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Member {
    DemocraticLife,
    Evidence,
    Items,
    LastBackup,
    Meetings,
    NextId,
    Org,
    Revs,
    Settings,
    StudyPlans,
    StudySessions,
    Tasks,
}

const MEMBERS: [Member; 12] = [
    Member::DemocraticLife,
    Member::Evidence,
    Member::Items,
    Member::LastBackup,
    Member::Meetings,
    Member::NextId,
    Member::Org,
    Member::Revs,
    Member::Settings,
    Member::StudyPlans,
    Member::StudySessions,
    Member::Tasks,
];

impl Member {
    fn key(self) -> &'static str {
        match self {
            Member::DemocraticLife => "democratic_life",
            Member::Evidence => "evidence",
            Member::Items => "items",
            Member::LastBackup => "last_backup",
            Member::Meetings => "meetings",
            Member::NextId => "next_id",
            Member::Org => "org",
            Member::Revs => "revs",
            Member::Settings => "settings",
            Member::StudyPlans => "study_plans",
            Member::StudySessions => "study_sessions",
            Member::Tasks => "tasks",
        }
    }
}

/// A file being written (see the module doc).
pub struct FileWriter {
    db: Db,
    /// The revisions by their text key, in the byte order the canonical text sorts keys in.
    revs: Vec<(String, Arc<RevInfo>)>,
    out: Vec<u8>,
    /// Where the checksum's 64 placeholder digits start.
    sum_at: usize,
    /// How much of the file is hashed (the data starts where the hashing starts).
    hashed: usize,
    hasher: Sha256,
    /// The member being written, and the next entry of it when it is a list.
    member: usize,
    entry: usize,
    /// Records written, of `total`.
    written: usize,
    total: usize,
}

impl FileWriter {
    /// A writer of `db` after the file's `head` (which ends where the checksum's digits go).
    /// `capacity` is the bytes to reserve at once.
    pub(super) fn new(db: &Db, head: &str, capacity: usize) -> FileWriter {
        // Every field named: a field added to `Db` fails to compile here until the writer
        // knows where it goes. `unshared` is this browser's own and never in a file.
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
            unshared: _,
        } = db;
        let mut revs: Vec<(String, Arc<RevInfo>)> = revs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        revs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let db = Db {
            democratic_life: democratic_life.clone(),
            evidence: evidence.clone(),
            items: items.clone(),
            last_backup: *last_backup,
            meetings: meetings.clone(),
            next_id: *next_id,
            org: org.clone(),
            revs: Default::default(),
            settings: settings.clone(),
            study_plans: study_plans.clone(),
            study_sessions: study_sessions.clone(),
            tasks: tasks.clone(),
            unshared: Default::default(),
        };
        let mut out = Vec::with_capacity(capacity);
        out.extend_from_slice(head.as_bytes());
        let sum_at = out.len();
        out.extend_from_slice(&[b'0'; 64]);
        out.extend_from_slice(b"\",\n  \"data\": ");
        let data_at = out.len();
        let total = db.democratic_life.len()
            + db.evidence.len()
            + db.items.len()
            + db.meetings.len()
            + revs.len()
            + db.study_plans.len()
            + db.study_sessions.len()
            + db.tasks.len()
            // last_backup, next_id, org and settings: one each.
            + 4;
        FileWriter {
            db,
            revs,
            out,
            sum_at,
            hashed: data_at,
            hasher: Sha256::new(),
            member: 0,
            entry: 0,
            written: 0,
            total,
        }
    }

    /// Write up to `records` more records (at least one); true when the data is complete.
    pub fn step(&mut self, records: usize) -> bool {
        let mut budget = records.max(1);
        while budget > 0 && self.member < MEMBERS.len() {
            let m = MEMBERS[self.member];
            if self.entry == 0 {
                self.open(m);
            }
            let (done, used) = self.write_entries(m, budget);
            budget -= used.min(budget);
            self.written += used;
            if done {
                self.member += 1;
                self.entry = 0;
                if self.member == MEMBERS.len() {
                    self.out.push(b'}');
                }
            }
        }
        codec::sha256_feed(&mut self.hasher, &self.out[self.hashed..]);
        self.hashed = self.out.len();
        self.is_done()
    }

    /// Is the data complete?
    pub fn is_done(&self) -> bool {
        self.member == MEMBERS.len()
    }

    /// Records written, and of how many.
    pub fn progress(&self) -> (usize, usize) {
        (self.written.min(self.total), self.total)
    }

    /// The file, once [`FileWriter::step`] has said the data is complete (what is left is
    /// written first otherwise).
    pub fn finish(mut self) -> Vec<u8> {
        while !self.step(usize::MAX) {}
        let sum = codec::hex(&self.hasher.finalize());
        self.out[self.sum_at..self.sum_at + 64].copy_from_slice(sum.as_bytes());
        self.out.extend_from_slice(b"\n}\n");
        self.out
    }

    /// The member's key, after the object's opening brace or a comma.
    fn open(&mut self, m: Member) {
        self.out.push(if self.member == 0 { b'{' } else { b',' });
        self.out.push(b'"');
        self.out.extend_from_slice(m.key().as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    /// Write up to `budget` entries of member `m` from `self.entry`: whether the member is
    /// complete, and how many records were written.
    fn write_entries(&mut self, m: Member, budget: usize) -> (bool, usize) {
        let FileWriter { db, revs, out, entry, .. } = self;
        match m {
            Member::DemocraticLife => list(out, &db.democratic_life, entry, budget),
            Member::Evidence => list(out, &db.evidence, entry, budget),
            Member::Items => list(out, &db.items, entry, budget),
            Member::Meetings => list(out, &db.meetings, entry, budget),
            Member::StudyPlans => list(out, &db.study_plans, entry, budget),
            Member::StudySessions => list(out, &db.study_sessions, entry, budget),
            Member::Tasks => list(out, &db.tasks, entry, budget),
            Member::Revs => map(out, revs, entry, budget),
            Member::LastBackup => whole(out, &db.last_backup),
            Member::NextId => whole(out, &db.next_id),
            Member::Org => whole(out, &db.org),
            Member::Settings => whole(out, &db.settings),
        }
    }
}

/// A value written in one go.
fn whole<T: Serialize>(out: &mut Vec<u8>, v: &T) -> (bool, usize) {
    write(out, v);
    (true, 1)
}

/// Entries of a list from `*next`, up to `budget`: `[`, the entries with commas, `]`.
fn list<T: Serialize>(out: &mut Vec<u8>, items: &[T], next: &mut usize, budget: usize) -> (bool, usize) {
    entries(out, items, next, budget, *b"[]", |out, v| write(out, v))
}

/// Entries of the sorted revisions from `*next`, up to `budget`, as one object.
fn map(out: &mut Vec<u8>, revs: &[(String, Arc<RevInfo>)], next: &mut usize, budget: usize) -> (bool, usize) {
    entries(out, revs, next, budget, *b"{}", |out, (k, v)| {
        write(out, k);
        out.push(b':');
        write(out, v);
    })
}

/// Entries of `all` from `*next`, up to `budget`, each by `each`, with commas between them and
/// the brackets around them: whether the last is written, and how many were.
fn entries<T>(
    out: &mut Vec<u8>,
    all: &[T],
    next: &mut usize,
    budget: usize,
    [open, close]: [u8; 2],
    each: impl Fn(&mut Vec<u8>, &T),
) -> (bool, usize) {
    if *next == 0 {
        out.push(open);
    }
    let end = all.len().min(next.saturating_add(budget));
    for (i, v) in all.iter().enumerate().take(end).skip(*next) {
        if i > 0 {
            out.push(b',');
        }
        each(out, v);
    }
    let used = end - *next;
    *next = end;
    let done = end == all.len();
    if done {
        out.push(close);
    }
    (done, used)
}

fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) {
    // The records are plain data: the writer fails only on a map key that is not text, which
    // none of them has (the tests write every kind of record).
    let at = out.len();
    if canonical::write(out, v).is_err() {
        out.truncate(at);
        out.extend_from_slice(b"null");
    }
}
