//! Backup files: export → import round trips, and every kind of bad file is refused with a
//! message that names the problem.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod storage_support;

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;
use storage_support::{ten_years, TextKind};
use yishi::backup::{export_json, file_name, parse_backup, ImportError, MAX_BACKUP_BYTES};
use yishi::domain::db::Db;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(15, 30, 0).unwrap()
}

fn sample() -> Db {
    let mut db = ten_years(TextKind::Phrases, 1);
    db.org.members[2].name = "<img src=x onerror=alert(1)>".into();
    db.org.unit_name = "昌吉州交通运输局".into();
    // Records as a store holds them: each with its revision.
    yishi::domain::revision::ensure(&mut db);
    db
}

/// Re-export a modified data object with a correct checksum (to test checks past the checksum).
fn with_data(f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&export_json(&sample(), now())).unwrap();
    f(&mut v["data"]);
    let text = serde_json::to_string(&v["data"]).unwrap();
    v["sha256"] = Value::String(yishi::storage::codec::sha256_hex(text.as_bytes()));
    serde_json::to_string(&v).unwrap()
}

#[test]
fn export_import_export_gives_identical_content() {
    let db = sample();
    let first = export_json(&db, now());
    let back = parse_backup(&first, None).unwrap();
    assert_eq!(back, db);
    let second = export_json(&back, now());
    assert_eq!(first, second);
    let v: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["format"], "yishi-backup");
    assert_eq!(v["schema"], 2);
    assert_eq!(v["exported_at"], "2026-11-27T15:30:00");
    assert_eq!(v["counts"]["meetings"], 15);
    assert_eq!(v["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn ten_years_round_trip() {
    let mut db = ten_years(TextKind::Phrases, 10);
    yishi::domain::revision::ensure(&mut db);
    let text = export_json(&db, now());
    assert!(text.len() < MAX_BACKUP_BYTES / 2, "{} bytes", text.len());
    assert_eq!(parse_backup(&text, None).unwrap(), db);
}

#[test]
fn file_names_are_timestamped_and_safe() {
    assert_eq!(file_name("昌吉州交通运输局", now()), "议事备份-昌吉州交通运输局-20261127-1530.json");
    assert_eq!(file_name("a/b:c*?", now()), "议事备份-abc-20261127-1530.json");
    assert_eq!(file_name("  ", now()), "议事备份-20261127-1530.json");
}

#[test]
fn an_empty_backup_of_an_empty_database_round_trips() {
    let db = Db::default();
    let back = parse_backup(&export_json(&db, now()), None).unwrap();
    assert_eq!(Db { revs: Default::default(), ..back.clone() }, Db { next_id: 1, ..db });
    assert_eq!(back.revs.keys().copied().collect::<Vec<_>>(), vec![yishi::domain::doc::DocId::Settings]);
}

#[test]
fn bad_files_are_refused_with_a_named_problem() {
    let good = export_json(&sample(), now());
    type Case = (&'static str, String, fn(&ImportError) -> bool);
    let cases: Vec<Case> = vec![
        ("empty", String::new(), |e| *e == ImportError::Empty),
        ("whitespace", " \n ".into(), |e| *e == ImportError::Empty),
        ("not JSON", "议事 hello".into(), |e| matches!(e, ImportError::NotJson { line: 1, .. })),
        ("truncated", good.chars().take(good.chars().count() / 2).collect(), |e| *e == ImportError::Truncated),
        ("another app's JSON", r#"{"type":"excalidraw","version":2,"elements":[]}"#.into(), |e| {
            matches!(e, ImportError::Foreign(_))
        }),
        ("a JSON array", "[1,2,3]".into(), |e| matches!(e, ImportError::Foreign(_))),
        ("newer version", good.replacen("\"schema\": 2", "\"schema\": 7", 1), |e| {
            *e == ImportError::NewerVersion { found: 7, supported: 2 }
        }),
        ("50 MB", format!("{{\"format\":\"yishi-backup\",\"pad\":\"{}\"}}", "x".repeat(50 * 1024 * 1024)), |e| {
            matches!(e, ImportError::TooLarge { .. })
        }),
        ("bad checksum", good.replacen("三楼会议室", "四楼会议室", 1), |e| *e == ImportError::BadChecksum),
        (
            "no checksum",
            good.replacen("\"sha256\"", "\"sha\"", 1),
            |e| matches!(e, ImportError::BadField { path, .. } if path == "sha256"),
        ),
        (
            "wrong type",
            with_data(|d| d["meetings"][3]["date"] = Value::from(5)),
            |e| matches!(e, ImportError::BadField { path, .. } if path == "data.meetings[3].date"),
        ),
        (
            "missing field",
            with_data(|d| {
                d["tasks"][0].as_object_mut().unwrap().remove("deadline");
            }),
            |e| matches!(e, ImportError::BadField { path, detail } if path == "data.tasks[0]" && detail.contains("deadline")),
        ),
        ("duplicate ids", with_data(|d| d["items"][1]["id"] = d["items"][0]["id"].clone()), |e| {
            matches!(e, ImportError::DuplicateId { id: 101, .. })
        }),
        (
            "duplicate id across kinds",
            with_data(|d| d["meetings"][0]["id"] = Value::from(1)),
            |e| matches!(e, ImportError::DuplicateId { id: 1, first, .. } if first.contains("党组成员")),
        ),
        (
            "dangling member",
            with_data(|d| d["meetings"][2]["chair"] = Value::from(999)),
            |e| matches!(e, ImportError::DanglingRef { field: "chair", target, record } if target.contains("#999") && record.contains("会议")),
        ),
        ("dangling item on a meeting", with_data(|d| d["meetings"][0]["items"][0]["item"] = Value::from(998)), |e| {
            matches!(e, ImportError::DanglingRef { field: "items.item", .. })
        }),
        ("reference to the wrong kind", with_data(|d| d["tasks"][0]["member"] = Value::from(20)), |e| {
            matches!(e, ImportError::DanglingRef { field: "member", .. })
        }),
        ("counts that lie", good.replacen("\"meetings\":15", "\"meetings\":16", 1), |e| {
            matches!(e, ImportError::CountMismatch { stated: 16, actual: 15, .. })
        }),
        ("encrypted without passphrase", r#"{"format":"yishi-backup-encrypted","version":1}"#.into(), |e| {
            *e == ImportError::NeedPassphrase
        }),
    ];
    for (name, text, ok) in cases {
        let err = parse_backup(&text, None).expect_err(name);
        assert!(ok(&err), "{name}: got {err:?}");
        assert!(!err.zh().is_empty() && !err.en().is_empty());
    }
    assert!(parse_backup(&good, None).is_ok(), "the unmodified file is fine");
}

#[test]
fn xss_payloads_are_kept_as_plain_text() {
    let db = sample();
    let back = parse_backup(&export_json(&db, now()), None).unwrap();
    assert_eq!(back.org.members[2].name, "<img src=x onerror=alert(1)>");
}

#[test]
fn a_bom_is_accepted_and_a_lagging_id_counter_is_repaired() {
    let text = with_data(|d| d["next_id"] = Value::from(3));
    let db = parse_backup(&format!("\u{feff}{text}"), None).unwrap();
    assert!(db.next_id > db.items.iter().map(|i| i.id).max().unwrap());
}

#[test]
fn import_error_messages_name_record_and_field() {
    let text = with_data(|d| d["meetings"][2]["chair"] = Value::from(999));
    let e = parse_backup(&text, None).unwrap_err();
    let zh = e.zh();
    assert!(zh.contains("会议") && zh.contains("chair") && zh.contains("#999"), "{zh}");
}

// The record counts a message gives (import preview, Data page, year archive): "1 meeting",
// "12 agenda items" in English, "会议 1，议题 12" in Chinese; kinds without records are left out.
#[test]
fn record_counts_read_as_words_in_both_languages() {
    let mut db = sample();
    db.org.departments.clear();
    db.org.attendees.clear();
    db.tasks.clear();
    db.evidence.clear();
    db.meetings.truncate(1);
    db.items.truncate(2);
    let members = db.org.members.len();
    assert!(members > 1);
    let c = yishi::backup::Counts::of(&db);
    assert_eq!(c.en(), format!("{members} members, 2 agenda items, 1 meeting"));
    assert_eq!(c.zh(), format!("党组成员 {members}，议题 2，会议 1"));
    assert_eq!(yishi::backup::Counts::of(&Db::default()).en(), "none");
}

/// A Chinese message names the problem in Chinese: the parser's and decoder's English details
/// stay in the English message (field paths and the names JSON, SHA-256, MB are kept as they are).
#[test]
fn chinese_import_messages_carry_no_english_words() {
    use yishi::backup::{Foreign, ImportError};
    let cases = [
        ImportError::NotJson { line: 3, column: 7, detail: "expected value".into() },
        ImportError::Foreign(Foreign::NoFormatId),
        ImportError::Foreign(Foreign::NotAnObject),
        ImportError::BadField { path: "data.meetings".into(), detail: "invalid type: string, expected u32".into() },
        ImportError::Encryption("salt is not base64".into()),
        ImportError::BadChecksum,
        ImportError::TooLarge { bytes: 30 << 20, limit: 20 << 20 },
    ];
    for e in cases {
        let zh = e.zh().replace("data.meetings", "");
        let words: Vec<&str> = zh
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1 && !["JSON", "SHA", "MB"].contains(w))
            .collect();
        assert!(words.is_empty(), "{zh}: {words:?}");
        assert!(e.en().is_ascii() || e.en().contains('“'), "{}", e.en());
    }
}
