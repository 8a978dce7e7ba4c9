//! The pure domain layer: the organisation, agenda items, meetings, votes, follow-up and
//! duties, and the rules of the 党组工作规则 that decide them. No web types, no storage:
//! plain structs and functions, tested natively with `cargo test`.
//!
//! The records that make up most of a backup (a meeting, its item records, votes and
//! attendance, an agenda item, a task and its reports, evidence) declare their fields in name
//! order: the order of the canonical text of backups and stored partitions, so an export or a
//! save writes them without reordering (`storage::canonical`; a test there fails when one is
//! declared out of order).

pub mod article;
pub mod category;
pub mod conduct;
pub mod date_format;
pub mod db;
pub mod democratic_life;
pub mod doc;
pub mod evidence;
pub mod evidence_text;
pub mod followup;
pub mod ics;
pub mod item;
pub mod meeting;
pub mod official;
pub mod org;
pub mod revision;
pub mod rules;
pub mod rules_text;
pub mod search;
pub mod settings;
pub mod sort;
pub mod stats;
pub mod study;
pub mod summary;
pub mod task;
pub mod validate;

/// Record ids: small integers, unique within one database.
pub type Id = u32;
