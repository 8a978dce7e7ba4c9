//! Import reads the usual file straight into records and falls back to the general path for
//! anything else; both must agree with the file format: the checksum covers the canonical
//! (key-sorted, compact) text of `data` as the file holds it.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod storage_support;

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;
use storage_support::{ten_years, TextKind};
use yishi::backup::{export_json, parse_backup, ImportError};
use yishi::domain::db::Db;
use yishi::storage::{canonical, codec::sha256_hex};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(15, 30, 0).unwrap()
}

fn sample() -> Db {
    let mut db = ten_years(TextKind::Phrases, 1);
    db.org.unit_name = "昌吉州交通运输局 \"引号\" \\ \u{1} 𠮷😀".into();
    // Records as a store holds them: each with its revision.
    yishi::domain::revision::ensure(&mut db);
    db
}

/// The file with `data` changed by `f` and the checksum recomputed the way the format defines
/// it (over the re-serialised `Value`).
fn resealed(f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&export_json(&sample(), now())).unwrap();
    f(&mut v["data"]);
    let text = serde_json::to_string(&v["data"]).unwrap();
    v["sha256"] = Value::String(sha256_hex(text.as_bytes()));
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn the_exported_data_is_the_value_round_trip_text_and_its_checksum() {
    let db = sample();
    let file = export_json(&db, now());
    let v: Value = serde_json::from_str(&file).unwrap();
    let data_text = serde_json::to_string(&v["data"]).unwrap();
    assert_eq!(canonical::to_string(&db).unwrap(), data_text);
    assert_eq!(v["sha256"], Value::String(sha256_hex(data_text.as_bytes())));
    // The data appears in the file exactly as checksummed.
    assert!(file.contains(&format!("\"data\": {data_text}\n")));
}

#[test]
fn a_file_with_fields_this_build_does_not_know_still_imports() {
    // A newer build of the same schema added a field: the checksum covers it, the fast path's
    // re-serialisation lacks it, the general path verifies the file.
    let text = resealed(|d| {
        d["meetings"][0]["future_field"] = Value::String("x".into());
        d["brand_new"] = Value::Bool(true);
    });
    assert_eq!(parse_backup(&text, None).unwrap(), sample());
}

#[test]
fn a_file_without_defaulted_fields_still_imports() {
    // An older export before `study_plans` existed: the field is filled in by default.
    let text = resealed(|d| {
        d.as_object_mut().unwrap().remove("study_plans");
        d.as_object_mut().unwrap().remove("study_sessions");
    });
    assert_eq!(parse_backup(&text, None).unwrap(), sample());
}

#[test]
fn tampering_is_refused_on_both_paths() {
    let file = export_json(&sample(), now());
    // A changed character inside the data, checksum left as it was.
    let tampered = file.replacen("昌吉州", "昌吉洲", 1);
    assert_ne!(tampered, file);
    assert_eq!(parse_backup(&tampered, None), Err(ImportError::BadChecksum));
    // A wrong checksum on otherwise good data.
    let v: Value = serde_json::from_str(&file).unwrap();
    let sum = v["sha256"].as_str().unwrap().to_string();
    let flipped = file.replace(&sum, &format!("{}{}", if sum.starts_with('0') { '1' } else { '0' }, &sum[1..]));
    assert_eq!(parse_backup(&flipped, None), Err(ImportError::BadChecksum));
    // Upper-case hex is the same checksum.
    assert_eq!(parse_backup(&file.replace(&sum, &sum.to_uppercase()), None).unwrap(), sample());
}

#[test]
fn envelope_oddities_give_the_same_verdicts_as_before() {
    let file = export_json(&sample(), now());
    let mut v: Value = serde_json::from_str(&file).unwrap();
    // No counts: accepted (the counts check is skipped).
    v.as_object_mut().unwrap().remove("counts");
    assert_eq!(parse_backup(&serde_json::to_string(&v).unwrap(), None).unwrap(), sample());
    // Counts null: a bad field.
    v["counts"] = Value::Null;
    assert!(
        matches!(parse_backup(&serde_json::to_string(&v).unwrap(), None), Err(ImportError::BadField { path, .. }) if path == "counts")
    );
    // Wrong counts.
    let mut w: Value = serde_json::from_str(&file).unwrap();
    w["counts"]["items"] = Value::from(1);
    assert!(matches!(parse_backup(&serde_json::to_string(&w).unwrap(), None), Err(ImportError::CountMismatch { .. })));
    // Another format id.
    let mut f: Value = serde_json::from_str(&file).unwrap();
    f["format"] = Value::String("other".into());
    assert!(matches!(parse_backup(&serde_json::to_string(&f).unwrap(), None), Err(ImportError::Foreign(_))));
    // A newer schema.
    let mut n: Value = serde_json::from_str(&file).unwrap();
    n["schema"] = Value::from(99);
    assert!(matches!(
        parse_backup(&serde_json::to_string(&n).unwrap(), None),
        Err(ImportError::NewerVersion { found: 99, .. })
    ));
    // A bad field inside the data keeps its path.
    let bad = resealed(|d| d["meetings"][2]["date"] = Value::String("2026-02-30".into()));
    match parse_backup(&bad, None) {
        Err(ImportError::BadField { path, .. }) => assert_eq!(path, "data.meetings[2].date"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_re_indented_or_compacted_file_still_imports() {
    let file = export_json(&sample(), now());
    let v: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(parse_backup(&serde_json::to_string_pretty(&v).unwrap(), None).unwrap(), sample());
    assert_eq!(parse_backup(&serde_json::to_string(&v).unwrap(), None).unwrap(), sample());
    // Windows line ends and trailing blank lines.
    assert_eq!(parse_backup(&format!("{}\r\n\r\n", file.replace('\n', "\r\n")), None).unwrap(), sample());
}

#[test]
fn a_second_data_member_or_trailing_text_is_not_taken_on_trust() {
    let file = export_json(&sample(), now());
    // A forged `data` inside the header part: serde_json keeps the last member, like the
    // general path; the file as a whole must still be judged by the general path.
    let forged = file.replacen("\"counts\"", "\"data\": {}, \"counts\"", 1);
    assert_eq!(parse_backup(&forged, None).unwrap(), sample());
    // Garbage after the object.
    let trailing = format!("{file}x");
    assert!(matches!(parse_backup(&trailing, None), Err(ImportError::NotJson { .. })));
}

/// The file written a few records at a time, as the export card writes it between frames.
fn in_steps(db: &Db, records: usize) -> Vec<u8> {
    let mut w = yishi::backup::export_writer(db, now(), 0);
    let mut steps = 0;
    let mut last = (0, 0);
    while !w.step(records) {
        steps += 1;
        assert!(w.progress().0 > last.0, "every step writes something");
        last = w.progress();
    }
    assert_eq!(w.progress().0, w.progress().1, "done means every record");
    assert!(records >= w.progress().1 || steps > 0, "a small budget takes several steps");
    w.finish()
}

#[test]
fn a_file_written_a_few_records_at_a_time_is_the_canonical_text_of_the_records() {
    let mut busy = sample();
    // This browser's own bookkeeping never goes into a file.
    busy.unshared = busy.revs.keys().take(3).cloned().collect();
    let mut small = Db::default();
    small.org.unit_name = "空".into();
    for db in [&busy, &small, &Db::default()] {
        let mut shared = db.clone();
        shared.unshared.clear();
        let data = canonical::to_string(&shared).unwrap();
        let at_once = yishi::backup::export_bytes(db, now(), 0);
        let file = String::from_utf8(at_once.clone()).unwrap();
        assert!(file.contains(&format!("\"data\": {data}\n")), "the data is the canonical text");
        assert!(file.contains(&format!("\"sha256\": \"{}\"", sha256_hex(data.as_bytes()))));
        for records in [1, 3, 40, usize::MAX] {
            assert!(in_steps(db, records) == at_once, "{records} records a step");
        }
        assert!(parse_backup(&file, None).is_ok());
    }
    let mut shared = busy.clone();
    shared.unshared.clear();
    assert_eq!(parse_backup(&String::from_utf8(in_steps(&busy, 5)).unwrap(), None).unwrap(), shared);
}
