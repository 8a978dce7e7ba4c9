//! Backups: export, validation, preview, merge/replace, migration, encryption and the year
//! archive. Pure logic (no web types), tested natively.
//!
//! # File format
//! ```text
//! {
//!   "format": "yishi-backup",
//!   "schema": 1,
//!   "app_version": "0.1.0",
//!   "exported_at": "2026-11-27T15:30:00",
//!   "counts": { "members": 7, … },
//!   "sha256": "<hex SHA-256 of the compact JSON text of `data`>",
//!   "data": { …the Db… }
//! }
//! ```
//! The checksum covers `data` exactly as written, so export → import → export gives the same
//! `data` and `sha256`.
//!
//! # Merge
//! A three-way merge by revision: see [`merge`]. Replace takes the file as it is. Both run
//! after a safety snapshot (see [`crate::storage::Store::snapshot`]) and can be undone in one
//! step.

mod crypto;
mod json_path;
pub mod merge;
pub mod refs;
mod writer;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crypto::{
    begin_decrypt, begin_encrypt, decrypt, encrypt, is_encrypted, DecryptJob, EncryptJob, KeyDerivation, OpenJob,
    SealJob, ENCRYPTED_FORMAT, ITERATIONS,
};
use refs::{label, visit_ids, visit_refs, Kind};
pub use writer::FileWriter;

use crate::domain::{
    db::Db,
    doc::{has_doc, DocId},
    revision, Id,
};
use crate::storage::{canonical, codec::sha256_hex, migrate_value, APP_VERSION, MIGRATIONS, SCHEMA};

/// The format id of a backup file.
pub const FORMAT: &str = "yishi-backup";
/// Larger files are refused before parsing (ten years are about 8 MB).
pub const MAX_BACKUP_BYTES: usize = 32 * 1024 * 1024;

/// Number of records of each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub members: u32,
    pub departments: u32,
    pub attendees: u32,
    pub items: u32,
    pub meetings: u32,
    pub tasks: u32,
    pub evidence: u32,
}

impl Counts {
    pub fn of(db: &Db) -> Counts {
        Counts {
            members: db.org.members.len() as u32,
            departments: db.org.departments.len() as u32,
            attendees: db.org.attendees.len() as u32,
            items: db.items.len() as u32,
            meetings: db.meetings.len() as u32,
            tasks: db.tasks.len() as u32,
            evidence: db.evidence.len() as u32,
        }
    }
    pub fn total(&self) -> u32 {
        self.members + self.departments + self.attendees + self.items + self.meetings + self.tasks + self.evidence
    }
    fn get(&self, kind: Kind) -> u32 {
        match kind {
            Kind::Member => self.members,
            Kind::Department => self.departments,
            Kind::Attendee => self.attendees,
            Kind::Item => self.items,
            Kind::Meeting => self.meetings,
            Kind::Task => self.tasks,
            Kind::Evidence => self.evidence,
        }
    }
    /// "会议 3，议题 12" (kinds with a non-zero count).
    pub fn zh(&self) -> String {
        let parts: Vec<String> =
            ALL_KINDS.iter().filter(|k| self.get(**k) > 0).map(|k| format!("{} {}", k.zh(), self.get(*k))).collect();
        if parts.is_empty() {
            "无".into()
        } else {
            parts.join("，")
        }
    }
    pub fn en(&self) -> String {
        // Every kind's English name takes a plain "s" in the plural.
        let parts: Vec<String> = ALL_KINDS
            .iter()
            .filter(|k| self.get(**k) > 0)
            .map(|k| format!("{} {}{}", self.get(*k), k.en(), if self.get(*k) == 1 { "" } else { "s" }))
            .collect();
        if parts.is_empty() {
            "none".into()
        } else {
            parts.join(", ")
        }
    }
}

const ALL_KINDS: [Kind; 7] =
    [Kind::Member, Kind::Department, Kind::Attendee, Kind::Item, Kind::Meeting, Kind::Task, Kind::Evidence];

/// Why a backup file cannot be imported. Each names the problem; nothing is changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    Truncated,
    /// JSON, but not a Yishi backup (another app's file).
    Foreign(Foreign),
    NewerVersion {
        found: u32,
        supported: u32,
    },
    /// The content does not match its SHA-256: damaged or edited.
    BadChecksum,
    /// A field has the wrong type or value: `path` like `meetings[3].date`.
    BadField {
        path: String,
        detail: String,
    },
    /// Two records share an id.
    DuplicateId {
        id: Id,
        first: String,
        second: String,
    },
    /// A reference to a record that does not exist.
    DanglingRef {
        record: String,
        field: &'static str,
        target: String,
    },
    /// The stated counts differ from the records.
    CountMismatch {
        kind: String,
        stated: u32,
        actual: u32,
    },
    Migration(String),
    /// The file is encrypted and no passphrase was given.
    NeedPassphrase,
    /// Wrong passphrase, or the encrypted file was modified.
    WrongPassphrase,
    /// The encryption envelope is damaged or unsupported.
    Encryption(String),
}

/// Why a JSON file is not a Yishi backup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Foreign {
    /// The top level is not an object.
    NotAnObject,
    /// It names no format.
    NoFormatId,
    /// It names another format (the first characters of its name).
    OtherFormat(String),
}

impl Foreign {
    pub fn zh(&self) -> String {
        match self {
            Foreign::NotAnObject => "最外层不是对象".into(),
            Foreign::NoFormatId => "没有格式标识".into(),
            Foreign::OtherFormat(f) => format!("格式为“{f}”"),
        }
    }
    pub fn en(&self) -> String {
        match self {
            Foreign::NotAnObject => "the top level is not an object".into(),
            Foreign::NoFormatId => "no format id".into(),
            Foreign::OtherFormat(f) => format!("format “{f}”"),
        }
    }
}

impl ImportError {
    pub fn zh(&self) -> String {
        match self {
            ImportError::Empty => "文件是空的。".into(),
            ImportError::TooLarge { bytes, limit } => format!(
                "文件过大（{} MB，上限 {} MB），不是议事备份或已损坏。",
                crate::i18n::one_decimal(*bytes as f64 / 1048576.0),
                limit / 1048576
            ),
            // The parser's and the decoder's details are English: the Chinese says where and
            // what, and leaves them to the English message.
            ImportError::NotJson { line, column, .. } => format!("文件不是有效的 JSON（第 {line} 行第 {column} 列）。"),
            ImportError::Truncated => "文件不完整（在中途截断），请使用完整的备份文件。".into(),
            ImportError::Foreign(f) => format!("这不是议事的备份文件（{}）。", f.zh()),
            ImportError::NewerVersion { found, supported } => {
                format!("备份由更新版本的议事导出（数据格式 {found}，本版本支持 {supported}），请先更新应用。")
            }
            ImportError::BadChecksum => "备份内容与校验值（SHA-256）不符：文件已损坏或被改动。".into(),
            ImportError::BadField { path, .. } => format!("字段 {path} 缺失或格式不符。"),
            ImportError::DuplicateId { id, first, second } => format!("编号 #{id} 重复：{first} 与 {second}。"),
            ImportError::DanglingRef { record, field, target } => {
                format!("{record} 的字段 {field} 引用了不存在的{target}。")
            }
            ImportError::CountMismatch { kind, stated, actual } => {
                format!("{kind}数量不符：文件声明 {stated}，实际 {actual}。")
            }
            ImportError::Migration(d) => format!("旧版本备份无法升级：{d}"),
            ImportError::NeedPassphrase => "此备份已加密，请输入口令。".into(),
            ImportError::WrongPassphrase => "口令错误，或加密文件已被改动。未做任何更改。".into(),
            ImportError::Encryption(_) => "加密文件无法读取：文件已损坏或格式不符。".into(),
        }
    }
    pub fn en(&self) -> String {
        match self {
            ImportError::Empty => "The file is empty.".into(),
            ImportError::TooLarge { bytes, limit } => format!("The file is too large ({} MB, limit {} MB): not a Yishi backup, or damaged.", crate::i18n::one_decimal(*bytes as f64 / 1048576.0), limit / 1048576),
            ImportError::NotJson { line, column, detail } => format!("The file is not valid JSON (line {line}, column {column}: {detail})."),
            ImportError::Truncated => "The file is incomplete (cut off): use the whole backup file.".into(),
            ImportError::Foreign(f) => format!("This is not a Yishi backup ({}).", f.en()),
            ImportError::NewerVersion { found, supported } => format!("The backup comes from a newer Yishi (format {found}; this version supports {supported}): update the app first."),
            ImportError::BadChecksum => "The content does not match its SHA-256 checksum: the file is damaged or was edited.".into(),
            ImportError::BadField { path, detail } => format!("Field {path} is wrong: {detail}"),
            ImportError::DuplicateId { id, first, second } => format!("Id #{id} is used twice: {first} and {second}."),
            ImportError::DanglingRef { record, field, target } => format!("{record}: field {field} refers to a missing {target}."),
            ImportError::CountMismatch { kind, stated, actual } => format!("Count of {kind} differs: the file says {stated}, it holds {actual}."),
            ImportError::Migration(d) => format!("The older backup cannot be upgraded: {d}"),
            ImportError::NeedPassphrase => "This backup is encrypted: enter the passphrase.".into(),
            ImportError::WrongPassphrase => "Wrong passphrase, or the encrypted file was modified. Nothing was changed.".into(),
            ImportError::Encryption(d) => format!("The encrypted file cannot be read: {d}"),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en())
    }
}

/// Export the whole database as one JSON backup file.
pub fn export_json(db: &Db, now: NaiveDateTime) -> String {
    // The head and the canonical writer are UTF-8 only (were it ever otherwise, the file's
    // checksum would not match on import: nothing is dropped silently).
    String::from_utf8(export_bytes(db, now, 0)).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// [`export_json`]'s file as UTF-8 bytes, written into one buffer: what the download is made
/// from (ten years of records make megabytes of text; this skips re-checking it as UTF-8,
/// and copying the data after its head).
///
/// `expected_data_len` is about how long the records' JSON will be (the storage layer's
/// [`crate::storage::Store::records_text_len`], or 0 when not known). The buffer is reserved
/// for it at once, with a little to spare, rather than grown by doubling: fewer copies and
/// about half the memory. Only a hint: the file is the same whatever it says.
pub fn export_bytes(db: &Db, now: NaiveDateTime, expected_data_len: usize) -> Vec<u8> {
    write_file(db, now, expected_data_len, Scope::All)
}

/// A file of `db`, stamped `now`, saying what it holds.
fn write_file(db: &Db, now: NaiveDateTime, expected_data_len: usize, scope: Scope) -> Vec<u8> {
    file_writer(db, now, expected_data_len, scope).finish()
}

/// [`export_bytes`]'s file, to be written a slice at a time ([`FileWriter::step`]).
pub fn export_writer(db: &Db, now: NaiveDateTime, expected_data_len: usize) -> FileWriter {
    file_writer(db, now, expected_data_len, Scope::All)
}

fn file_writer(db: &Db, now: NaiveDateTime, expected_data_len: usize, scope: Scope) -> FileWriter {
    // The head names the checksum of the data written after it: the writer holds its place
    // with 64 zeros and overwrites them once the data is there. Which revisions this browser
    // may still amend (`unshared`) is its own business, not the file's: the writer leaves it out.
    let counts = serde_json::to_string(&Counts::of(db)).unwrap_or_default();
    let scope = match scope {
        Scope::All => String::new(),
        Scope::Meeting(id) => format!("\n  \"scope\": \"meeting:{id}\","),
    };
    let head = format!(
        "{{\n  \"format\": \"{FORMAT}\",\n  \"schema\": {SCHEMA},\n  \"app_version\": \"{APP_VERSION}\",\n  \"exported_at\": \"{}\",{scope}\n  \"counts\": {counts},\n  \"sha256\": \"",
        crate::domain::date_format::stamp(now, "-", "T", ":", true),
    );
    // The head, the checksum, the data's separator and end, and the data with 1/64 to spare.
    FileWriter::new(db, &head, head.len() + 96 + expected_data_len + expected_data_len / 64)
}

/// A file name like `议事备份-昌吉州交通运输局-20261127-1530.json`.
pub fn file_name(unit: &str, now: NaiveDateTime) -> String {
    let unit: String = unit
        .chars()
        .filter(|c| !c.is_control() && !"/\\:*?\"<>|".contains(*c))
        .collect::<String>()
        .trim()
        .chars()
        .take(40)
        .collect();
    let stamp = crate::domain::date_format::stamp(now, "", "-", "", false);
    if unit.is_empty() {
        format!("议事备份-{stamp}.json")
    } else {
        format!("议事备份-{unit}-{stamp}.json")
    }
}

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every record: a backup.
    All,
    /// One meeting with what it needs (会议包): it can only be merged.
    Meeting(Id),
}

impl Scope {
    fn parse(text: Option<&str>) -> Result<Scope, ImportError> {
        match text {
            None => Ok(Scope::All),
            Some(t) => t.strip_prefix("meeting:").and_then(|n| n.parse().ok()).map(Scope::Meeting).ok_or_else(|| {
                ImportError::BadField { path: "scope".into(), detail: format!("unknown scope “{t}”") }
            }),
        }
    }
}

/// A file read and checked: its records and what they are.
#[derive(Clone, Debug, PartialEq)]
pub struct BackupFile {
    pub db: Db,
    pub scope: Scope,
}

/// Parse, check and migrate a backup file. `passphrase` is needed for encrypted files.
pub fn parse_backup(text: &str, passphrase: Option<&str>) -> Result<Db, ImportError> {
    read_file(text, passphrase).map(|f| f.db)
}

/// [`parse_backup`], with what the file holds (a whole backup or a meeting package).
pub fn read_file(text: &str, passphrase: Option<&str>) -> Result<BackupFile, ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len(), limit: MAX_BACKUP_BYTES });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // The usual plain file first: its fast path reads it once. An encrypted envelope never
    // passes it (its format id differs), and checking for one parses the whole text.
    if let Some(db) = parse_current(text) {
        return db;
    }
    if is_encrypted(text) {
        let pass = passphrase.filter(|p| !p.is_empty()).ok_or(ImportError::NeedPassphrase)?;
        let inner = decrypt(text, pass)?;
        if is_encrypted(&inner) {
            return Err(ImportError::Encryption("nested encryption".into()));
        }
        return read_file(&inner, None);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            ImportError::Truncated
        } else {
            ImportError::NotJson { line: e.line(), column: e.column(), detail: e.to_string() }
        }
    })?;
    let Some(obj) = value.as_object() else {
        return Err(ImportError::Foreign(Foreign::NotAnObject));
    };
    match obj.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(other) => return Err(ImportError::Foreign(Foreign::OtherFormat(other.chars().take(40).collect()))),
        None => return Err(ImportError::Foreign(Foreign::NoFormatId)),
    }
    let schema = obj
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| ImportError::BadField { path: "schema".into(), detail: "missing or not a number".into() })?;
    if schema > SCHEMA as u64 {
        return Err(ImportError::NewerVersion { found: schema.min(u32::MAX as u64) as u32, supported: SCHEMA });
    }
    let mut data = obj
        .get("data")
        .cloned()
        .ok_or_else(|| ImportError::BadField { path: "data".into(), detail: "missing".into() })?;
    let stated = obj
        .get("sha256")
        .and_then(Value::as_str)
        .ok_or_else(|| ImportError::BadField { path: "sha256".into(), detail: "missing".into() })?;
    let mut data_text = serde_json::to_string(&data).unwrap_or_default();
    if !stated.eq_ignore_ascii_case(&sha256_hex(data_text.as_bytes())) {
        return Err(ImportError::BadChecksum);
    }
    if schema < SCHEMA as u64 {
        migrate_value(&mut data, schema as u32, MIGRATIONS).map_err(ImportError::Migration)?;
        data_text = serde_json::to_string(&data).unwrap_or_default();
    }
    // The records are read from text by the one deserializer the app uses everywhere (wasm
    // size); an error's position in that text gives the field's path.
    let db: Db = serde_json::from_str(&data_text).map_err(|e| {
        let detail = json_path::message(&e);
        let at = json_path::offset_of(&data_text, e.line(), e.column());
        let path = json_path::path_at(&data_text, at, detail.starts_with("missing field"));
        ImportError::BadField { path: if path.is_empty() { "data".into() } else { format!("data.{path}") }, detail }
    })?;
    let counts = match obj.get("counts") {
        Some(c) => Some(
            serde_json::from_str::<Counts>(&c.to_string())
                .map_err(|e| ImportError::BadField { path: "counts".into(), detail: json_path::message(&e) })?,
        ),
        None => None,
    };
    let scope = Scope::parse(obj.get("scope").and_then(Value::as_str))?;
    check_records(db, counts, scope)
}

/// The fast paths of [`parse_backup`] for the usual file: the current schema, every envelope
/// field present and well-typed, and `data` a valid [`Db`] with the stated checksum. They read
/// the records straight from the text (no `serde_json::Value` of everything). `None` for
/// anything else (damage, older schemas, unknown fields in `data`, …): then the general path
/// decides, with its precise error.
fn parse_current(text: &str) -> Option<Result<BackupFile, ImportError>> {
    parse_as_exported(text).or_else(|| parse_reserialised(text))
}

/// A file as [`export_json`] writes it: `data` is the last member, on its own line, in its
/// canonical form, so the checksum can be checked on the text itself.
fn parse_as_exported(text: &str) -> Option<Result<BackupFile, ImportError>> {
    #[derive(Deserialize)]
    struct Header {
        format: String,
        schema: u64,
        scope: Option<String>,
        sha256: String,
        counts: Counts,
        data: Option<serde::de::IgnoredAny>,
    }
    const DATA: &str = "\n  \"data\": ";
    // Compact JSON holds no raw line break, so this is the envelope's own `data` member.
    let at = text.rfind(DATA)?;
    let head = format!("{}\n}}", text[..at].trim_end().strip_suffix(',')?);
    let header: Header = serde_json::from_str(&head).ok()?;
    if header.format != FORMAT || header.schema != SCHEMA as u64 || header.data.is_some() {
        return None;
    }
    let data = text[at + DATA.len()..].trim_end().strip_suffix('}')?.trim_end();
    // The text hashes to the stated sum: it is the canonical text the exporter checksummed.
    if !header.sha256.eq_ignore_ascii_case(&sha256_hex(data.as_bytes())) {
        return None;
    }
    let db: Db = serde_json::from_str(data).ok()?;
    let scope = match Scope::parse(header.scope.as_deref()) {
        Ok(s) => s,
        Err(e) => return Some(Err(e)),
    };
    Some(check_records(db, Some(header.counts), scope))
}

/// Any layout (a file re-indented by an editor, …): the records' canonical text must have the
/// stated checksum.
fn parse_reserialised(text: &str) -> Option<Result<BackupFile, ImportError>> {
    #[derive(Deserialize)]
    struct Envelope {
        format: String,
        schema: u64,
        scope: Option<String>,
        sha256: String,
        counts: Counts,
        data: Db,
    }
    let env: Envelope = serde_json::from_str(text).ok()?;
    if env.format != FORMAT || env.schema != SCHEMA as u64 {
        return None;
    }
    // The data's canonical text is what the general path hashes when `data` holds exactly the
    // fields of a Db (a file with fields this build drops or fills in falls through to it).
    let actual = sha256_hex(&canonical::to_vec(&env.data).ok()?);
    if !env.sha256.eq_ignore_ascii_case(&actual) {
        return None;
    }
    let scope = match Scope::parse(env.scope.as_deref()) {
        Ok(s) => s,
        Err(e) => return Some(Err(e)),
    };
    Some(check_records(env.data, Some(env.counts), scope))
}

/// The checks after the data was read: stated counts, unique ids, resolved references (a
/// meeting package may name other meetings and items it does not carry), revisions that match
/// the records; the id counter repaired, and records from before revisions given their first.
fn check_records(mut db: Db, counts: Option<Counts>, scope: Scope) -> Result<BackupFile, ImportError> {
    if let Some(stated) = counts {
        let actual = Counts::of(&db);
        for k in ALL_KINDS {
            if stated.get(k) != actual.get(k) {
                return Err(ImportError::CountMismatch {
                    kind: k.zh().into(),
                    stated: stated.get(k),
                    actual: actual.get(k),
                });
            }
        }
    }
    check_refs(&mut db, scope == Scope::All)?;
    check_revisions(&db)?;
    // Which revisions were this browser's own to amend is not the file's to say.
    db.unshared.clear();
    revision::ensure(&mut db);
    // Repair the id counter if it lags behind (never an error: it only affects new records).
    let max = max_id(&mut db);
    if db.next_id <= max {
        db.next_id = max + 1;
    }
    Ok(BackupFile { db, scope })
}

/// Every revision entry is of a record the file holds, or a tombstone of one it does not.
fn check_revisions(db: &Db) -> Result<(), ImportError> {
    for (d, r) in &db.revs {
        let held = has_doc(db, *d);
        if r.deleted == held || r.ids.is_empty() || r.start == 0 {
            let detail = if r.ids.is_empty() || r.start == 0 {
                "no revision"
            } else if held {
                "the record is marked deleted but the file holds it"
            } else {
                "a revision of a record the file does not hold"
            };
            return Err(ImportError::BadField { path: format!("data.revs.{d}"), detail: detail.into() });
        }
    }
    Ok(())
}

/// One meeting and what it needs, as a file to take to another browser and back (会议包):
/// the meeting, its agenda items, the follow-up tasks of its decisions, its study or
/// 民主生活会 records, the whole roster (members, departments, attendees) and the settings,
/// each with its revision. `None` when there is no such meeting.
pub fn meeting_package(db: &Db, meeting: Id) -> Option<Db> {
    let m = db.meeting(meeting)?;
    let items: HashSet<Id> = m.items.iter().map(|r| r.item).collect();
    let mut tasks: HashSet<Id> =
        db.tasks.iter().filter(|t| t.source.is_some_and(|s| s.meeting == meeting)).map(|t| t.id).collect();
    let cycles: Vec<_> = db.democratic_life.iter().filter(|c| c.meeting == meeting).cloned().collect();
    tasks.extend(cycles.iter().flat_map(|c| c.rectification_tasks.iter().copied()));
    let mut out = Db {
        democratic_life: cycles,
        evidence: Vec::new(),
        items: db.items.iter().filter(|i| items.contains(&i.id)).cloned().collect(),
        last_backup: None,
        meetings: db.meetings.iter().filter(|x| x.id == meeting).cloned().collect(),
        next_id: db.next_id,
        org: db.org.clone(),
        revs: db.revs.clone(),
        settings: db.settings.clone(),
        study_plans: Vec::new(),
        study_sessions: db.study_sessions.iter().filter(|s| s.meeting == meeting).cloned().collect(),
        tasks: db.tasks.iter().filter(|t| tasks.contains(&t.id)).cloned().collect(),
        unshared: Default::default(),
    };
    revision::ensure(&mut out);
    // Only the carried records' revisions: a tombstone is news for a whole backup to carry.
    revision::prune(&mut out);
    out.revs.retain(|_, r| !r.deleted);
    Some(out)
}

/// [`meeting_package`]'s file (see [`export_bytes`]).
pub fn export_package(db: &Db, meeting: Id, now: NaiveDateTime) -> Option<Vec<u8>> {
    meeting_package(db, meeting).map(|p| write_file(&p, now, 0, Scope::Meeting(meeting)))
}

/// A package's file name: `议事会议包-2026-12-11-党组会议-20261205-1530.json`.
pub fn package_file_name(db: &Db, meeting: Id, now: NaiveDateTime) -> String {
    let m = db.meeting(meeting);
    let what =
        m.map(|m| format!("{}-{}", m.date, if m.title.trim().is_empty() { m.kind.zh() } else { m.title.trim() }));
    let safe: String =
        what.unwrap_or_default().chars().filter(|c| !c.is_control() && !"/\\:*?\"<>| ".contains(*c)).take(40).collect();
    format!("议事会议包-{safe}-{}.json", crate::domain::date_format::stamp(now, "", "-", "", false))
}

fn max_id(db: &mut Db) -> Id {
    let mut max = 0;
    visit_ids(db, &mut |_, id| max = max.max(*id));
    max
}

/// Ids unique across all kinds, and every reference resolves to a record of the right kind.
pub fn check_references(db: &mut Db) -> Result<(), ImportError> {
    check_refs(db, true)
}

/// [`check_references`]; with `whole` false (a meeting package) a reference to a meeting,
/// item, task or duty record the file does not carry is allowed (it is in the browser the
/// package came from), but never one to a person or department.
fn check_refs(db: &mut Db, whole: bool) -> Result<(), ImportError> {
    let mut owner: HashMap<Id, Kind> = HashMap::new();
    let mut dup: Option<(Id, Kind, Kind)> = None;
    visit_ids(db, &mut |kind, id| {
        if let Some(k) = owner.insert(*id, kind) {
            dup.get_or_insert((*id, k, kind));
        }
    });
    if let Some((id, a, b)) = dup {
        return Err(ImportError::DuplicateId {
            id,
            first: format!("{}{}", a.zh(), label(db, a, id)),
            second: format!("{}{}", b.zh(), if a == b { format!("#{id}") } else { label(db, b, id) }),
        });
    }
    let mut bad: Option<(refs::Site, Kind, Id)> = None;
    visit_refs(db, &mut |site, kind, id| {
        let outside = !whole
            && !owner.contains_key(id)
            && matches!(kind, Kind::Item | Kind::Meeting | Kind::Task | Kind::Evidence);
        if bad.is_none() && owner.get(id) != Some(&kind) && !outside {
            bad = Some((site, kind, *id));
        }
    });
    if let Some((site, kind, id)) = bad {
        return Err(ImportError::DanglingRef {
            record: format!("{}{}", site.kind.zh(), label(db, site.kind, site.id)),
            field: site.field,
            target: format!("{} #{id}", kind.zh()),
        });
    }
    Ok(())
}

/// Merge or replace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    Merge,
    Replace,
}

/// Apply an import: a three-way merge by revision with every conflict's versions both kept
/// (see [`merge`]), or a replace that takes the file as it is. `incoming` must come from
/// [`parse_backup`] (ids unique, references resolved).
pub fn apply(current: &Db, incoming: Db, mode: ImportMode) -> Db {
    apply_chosen(current, incoming, mode, &HashMap::new())
}

/// [`apply`], with the choices made in the preview for records both sides changed (a merge).
/// Afterwards planned meetings take the members serving on their dates, as the imported
/// organisation has them: until a meeting opens its roster follows the members (第十八条（四）).
pub fn apply_chosen(current: &Db, incoming: Db, mode: ImportMode, choices: &HashMap<DocId, merge::Choice>) -> Db {
    let mut incoming = incoming;
    let mut out = match mode {
        ImportMode::Replace => {
            let max = max_id(&mut incoming);
            incoming.next_id = incoming.next_id.max(max + 1);
            // Not this browser's revisions to amend: a change after this makes a new revision.
            incoming.unshared.clear();
            incoming
        }
        ImportMode::Merge => merge::merge(current, &merge::plan(current, &incoming), choices),
    };
    crate::domain::conduct::follow_rosters(&mut out);
    out
}

/// Split off a closed year: `(the year's records, the database without them)`. Records that
/// refer to each other stay together (a meeting, its items, the tasks from its decisions, …);
/// a group goes to the archive when the latest year it touches is `year`, so both halves keep
/// every reference. The archive carries the organisation and settings and imports back with a
/// merge (its ids stay reserved: `next_id` is unchanged).
pub fn archive_year(db: &Db, year: i32) -> (Db, Db) {
    let plan = plan_archive(db, year);
    (plan.archive, plan.rest)
}

/// Why a record dated in the archived year stays in the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeptWhy {
    /// It is a follow-up task (督办) still open: it belongs to the present until it is closed.
    StillOpen,
    /// It is linked (a meeting, its items, the tasks from its decisions) to a follow-up task
    /// (督办) that is still open: an open task belongs to the present until it is closed.
    OpenTask,
    /// It is linked to records of this later year, which go with that year's archive.
    LaterYear(i32),
}

/// A record dated in the archived year that stays in the browser, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    pub kind: Kind,
    pub id: Id,
    pub date: NaiveDate,
    /// Its title (a meeting's, an item's, a task's; empty for a duty record).
    pub title: String,
    pub why: KeptWhy,
}

/// A year's archive: the records it takes, the database without them, and the records of
/// the year that stay (with the reason), so the user sees both before removing anything.
#[derive(Clone, Debug, PartialEq)]
pub struct ArchivePlan {
    pub archive: Db,
    pub rest: Db,
    /// Records dated in the year that are not in the archive, in date order.
    pub kept: Vec<Kept>,
}

impl ArchivePlan {
    /// What removing the archive takes out of the browser: the archived records only (the
    /// organisation and settings are copied into the file, not removed).
    pub fn removed(&self) -> Counts {
        Counts { members: 0, departments: 0, attendees: 0, ..Counts::of(&self.archive) }
    }
}

/// [`archive_year`], with the records of the year that stay.
pub fn plan_archive(db: &Db, year: i32) -> ArchivePlan {
    let mut work = db.clone();
    // Union-find over record ids.
    let mut parent: HashMap<Id, Id> = HashMap::new();
    fn find(p: &mut HashMap<Id, Id>, x: Id) -> Id {
        let mut r = x;
        while let Some(&q) = p.get(&r) {
            if q == r {
                break;
            }
            r = q;
        }
        p.insert(x, r);
        r
    }
    let record_kinds = [Kind::Item, Kind::Meeting, Kind::Task, Kind::Evidence];
    visit_ids(&mut work, &mut |k, id| {
        if record_kinds.contains(&k) {
            parent.insert(*id, *id);
        }
    });
    let mut links: Vec<(Id, Id)> = Vec::new();
    visit_refs(&mut work, &mut |site, kind, id| {
        if record_kinds.contains(&site.kind) && record_kinds.contains(&kind) {
            links.push((site.id, *id));
        }
    });
    for (a, b) in links {
        if parent.contains_key(&a) && parent.contains_key(&b) {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent.insert(ra, rb);
        }
    }
    // The latest year each group touches.
    let mut years: Vec<(Id, i32)> = Vec::new();
    for i in &db.items {
        years.push((i.id, i.created.year()));
    }
    for m in &db.meetings {
        years.push((m.id, m.date.year()));
    }
    for t in &db.tasks {
        let last = t
            .reports
            .iter()
            .map(|r| r.date)
            .chain(t.closed.as_ref().map(|c| c.date))
            .chain([t.created])
            .max()
            .unwrap_or(t.created);
        // An open task belongs to the present until it is closed.
        let y = if t.closed.is_some() { last.year() } else { i32::MAX };
        years.push((t.id, y));
    }
    for e in &db.evidence {
        years.push((e.id, e.date.year()));
    }
    let mut group_year: BTreeMap<Id, i32> = BTreeMap::new();
    for (id, y) in &years {
        let r = find(&mut parent, *id);
        let e = group_year.entry(r).or_insert(*y);
        *e = (*e).max(*y);
    }
    let archived: HashSet<Id> =
        years.iter().map(|(id, _)| *id).filter(|id| group_year[&find(&mut parent, *id)] == year).collect();
    let take = |id: Id| archived.contains(&id);
    let archive = Db {
        org: db.org.clone(),
        settings: db.settings.clone(),
        items: db.items.iter().filter(|r| take(r.id)).cloned().collect(),
        meetings: db.meetings.iter().filter(|r| take(r.id)).cloned().collect(),
        tasks: db.tasks.iter().filter(|r| take(r.id)).cloned().collect(),
        evidence: db.evidence.iter().filter(|r| take(r.id)).cloned().collect(),
        democratic_life: db.democratic_life.iter().filter(|r| take(r.meeting)).cloned().collect(),
        study_plans: db.study_plans.iter().filter(|p| p.year == year).cloned().collect(),
        study_sessions: db.study_sessions.iter().filter(|r| take(r.meeting)).cloned().collect(),
        next_id: db.next_id,
        last_backup: db.last_backup,
        revs: db.revs.clone(),
        unshared: Default::default(),
    };
    let rest = Db {
        items: db.items.iter().filter(|r| !take(r.id)).cloned().collect(),
        meetings: db.meetings.iter().filter(|r| !take(r.id)).cloned().collect(),
        tasks: db.tasks.iter().filter(|r| !take(r.id)).cloned().collect(),
        evidence: db.evidence.iter().filter(|r| !take(r.id)).cloned().collect(),
        democratic_life: db.democratic_life.iter().filter(|r| !take(r.meeting)).cloned().collect(),
        study_plans: db.study_plans.iter().filter(|p| p.year != year).cloned().collect(),
        study_sessions: db.study_sessions.iter().filter(|r| !take(r.meeting)).cloned().collect(),
        ..db.clone()
    };
    // Each half keeps the revisions of its own records: the year leaves this browser without
    // a tombstone (an archive is not a deletion that should travel to other copies).
    let (mut archive, mut rest) = (archive, rest);
    crate::domain::revision::prune(&mut archive);
    crate::domain::revision::prune(&mut rest);
    let open: HashSet<Id> = db.tasks.iter().filter(|t| t.closed.is_none()).map(|t| t.id).collect();
    let mut kept: Vec<Kept> = Vec::new();
    let mut keep = |kind: Kind, id: Id, date: NaiveDate, title: &str| {
        if date.year() == year && !take(id) {
            let why = match group_year[&find(&mut parent, id)] {
                i32::MAX if open.contains(&id) => KeptWhy::StillOpen,
                i32::MAX => KeptWhy::OpenTask,
                y => KeptWhy::LaterYear(y),
            };
            kept.push(Kept { kind, id, date, title: title.to_string(), why });
        }
    };
    for m in &db.meetings {
        keep(Kind::Meeting, m.id, m.date, &m.title);
    }
    for i in &db.items {
        keep(Kind::Item, i.id, i.created, &i.title);
    }
    for t in &db.tasks {
        keep(Kind::Task, t.id, t.created, &t.title);
    }
    for e in &db.evidence {
        keep(Kind::Evidence, e.id, e.date, "");
    }
    crate::domain::sort::sort_by_key(&mut kept, |k| (k.date, k.kind, k.id));
    ArchivePlan { archive, rest, kept }
}

/// Years that have records, oldest first (for the archive picker).
pub fn years_with_records(db: &Db) -> Vec<i32> {
    let mut ys: Vec<i32> = db
        .meetings
        .iter()
        .map(|m| m.date.year())
        .chain(db.items.iter().map(|i| i.created.year()))
        .chain(db.tasks.iter().map(|t| t.created.year()))
        .chain(db.evidence.iter().map(|e| e.date.year()))
        .collect();
    crate::domain::sort::sort(&mut ys);
    ys.dedup();
    ys
}
