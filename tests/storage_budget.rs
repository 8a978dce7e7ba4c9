//! Storage budget: ten years of a typical Party group must take at most 40% of the
//! 5,234,688-character quota, and a save after a small edit must be cheap. Prints figures
//! (run with `cargo test --release --test storage_budget -- --nocapture` for timings);
//! asserts only sizes, never times.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod storage_support;

use std::sync::Arc;
use std::time::Instant;

use storage_support::{ten_years, text_chars, TextKind};
use yishi::storage::{codec, MemoryBackend, Store};

fn measure(kind: TextKind, label: &str) -> u64 {
    let mut db = ten_years(kind, 10);
    let chars = text_chars(&db);
    let json = serde_json::to_string(&db).unwrap();
    let b = MemoryBackend::new();
    let (mut s, _, _) = Store::open(Box::new(b.clone()));
    let t = Instant::now();
    s.save(&mut db).unwrap();
    let first = t.elapsed();
    let used = b.used();
    // A small edit in the current year.
    // A small edit in the current year, repeated: the median save time.
    let mut edited = db.clone();
    let mut times = Vec::new();
    for i in 0..21 {
        let last = Arc::make_mut(edited.meetings.last_mut().unwrap());
        last.items[3].notes[0].text.push_str(&format!("补充发言{i}：同意。"));
        let t = Instant::now();
        s.save(&mut edited).unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    let small = times[times.len() / 2];
    let mut noop = Vec::new();
    for _ in 0..11 {
        let t = Instant::now();
        s.save(&mut edited).unwrap();
        noop.push(t.elapsed());
    }
    noop.sort();
    let t = Instant::now();
    let (_, loaded, _) = Store::open(Box::new(b.clone()));
    let load = t.elapsed();
    assert_eq!(loaded, edited);
    let json_units = codec::utf16_len(&json);
    println!(
        "[{label}] meetings {} items {} tasks {} votes {} text {} chars; JSON {} UTF-16 units ({:.1}% of quota); \
         stored {} units = {:.1}% of quota (after edit, with last-good copy: {:.1}%); \
         first save {:?}, small-edit save (median of 21) {:?}, unchanged save {:?}, load {:?}",
        db.meetings.len(),
        db.items.len(),
        db.tasks.len(),
        db.meetings
            .iter()
            .flat_map(|m| &m.items)
            .filter_map(|r| match &r.ballot {
                Some(yishi::domain::meeting::Ballot::Open { votes, .. }) => Some(votes.len()),
                _ => None,
            })
            .sum::<usize>(),
        chars,
        json_units,
        json_units as f64 * 100.0 / 5_234_688.0,
        used,
        used as f64 * 100.0 / 5_234_688.0,
        b.used() as f64 * 100.0 / 5_234_688.0,
        first,
        small,
        noop[5],
        load,
    );
    used
}

#[test]
fn ten_years_fit_in_40_percent_of_the_quota() {
    let used = measure(TextKind::Phrases, "phrases");
    assert!(used * 100 <= 5_234_688 * 40, "{used}");
}

#[test]
fn ten_years_of_incompressible_text_still_fit_in_half_the_quota() {
    // Characters drawn one by one: far less compressible than real prose (a worst case).
    let used = measure(TextKind::Chars, "random chars");
    assert!(used * 100 <= 5_234_688 * 50, "{used}");
}

#[test]
fn the_generator_hits_the_reference_volume() {
    let db = ten_years(TextKind::Phrases, 10);
    let chars = text_chars(&db);
    assert!((1_700_000..2_100_000).contains(&chars), "{chars}");
    assert_eq!(db.meetings.len(), 150);
    assert_eq!(db.items.len(), 1500);
    assert_eq!(db.tasks.len(), 800);
}
