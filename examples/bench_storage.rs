//! Native timings of the storage and backup layers with the ten-year reference data set on an
//! in-memory backend (issue 7): `cargo run --release --example bench_storage [runs]`.
//!
//! Prints the full load (`Store::open`), a save after a one-field edit in the current month
//! (median of 21), a save after an edit in an old month, backup export and import (parse +
//! replace + save). Figures, not assertions: compare before/after on the same machine.

use std::sync::Arc;
use std::time::{Duration, Instant};

use yishi::backup::{apply, export_json, parse_backup, ImportMode};
use yishi::domain::db::Db;
use yishi::sample::reference::{reference_db, DEFAULT_SEED};
use yishi::storage::{MemoryBackend, Store};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:8.2} ms", d.as_secs_f64() * 1000.0)
}

/// Median of `runs` timings of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn toggle(text: &mut String) {
    if text.ends_with("。。") {
        text.pop();
    } else {
        text.push('。');
    }
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(21);
    let t = Instant::now();
    let mut db: Db = reference_db(DEFAULT_SEED);
    println!("reference data set built in {}", ms(t.elapsed()));

    let backend = MemoryBackend::new();
    {
        let (mut s, _, _) = Store::open(Box::new(backend.clone()));
        let t = Instant::now();
        s.save(&mut db).expect("first save");
        println!("first full save           {}", ms(t.elapsed()));
    }
    println!("stored: {} keys, {} UTF-16 units", backend.raw_keys().len(), backend.used());

    let load = time(runs.min(7), || Store::open(Box::new(backend.clone())));
    println!("full load (Store::open)   {}  (median of {})", ms(load), runs.min(7));

    let (mut store, mut work, _) = Store::open(Box::new(backend.clone()));
    assert_eq!(work, db, "load gives back the saved records");
    let no_change = time(runs, || store.save(&mut work).expect("save"));
    println!("save, nothing changed     {}  (median of {runs})", ms(no_change));
    let edit_new = time(runs, || {
        // The edit the bench hook makes: the newest item's materials.
        toggle(&mut Arc::make_mut(work.items.last_mut().expect("items")).materials);
        store.save(&mut work).expect("save")
    });
    println!("save after a small edit   {}  (median of {runs}, newest item)", ms(edit_new));
    let edit_old = time(runs, || {
        toggle(&mut Arc::make_mut(&mut work.items[0]).materials);
        store.save(&mut work).expect("save")
    });
    println!("save, edit in an old month{}  (median of {runs}, oldest item)", ms(edit_old));
    let edit_core = time(runs, || {
        toggle(&mut work.org.superior);
        store.save(&mut work).expect("save")
    });
    println!("save, edit in core        {}  (median of {runs})", ms(edit_core));

    let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(18, 0, 0)).expect("valid");
    let export_runs = runs.min(7);
    let export = time(export_runs, || export_json(&db, at));
    let text = export_json(&db, at);
    let plain = time(export_runs, || serde_json::to_string(&db).expect("json"));
    println!(
        "export                    {}  (median of {export_runs}; {} bytes; plain serde_json::to_string {} = {:.1}×)",
        ms(export),
        text.len(),
        ms(plain),
        export.as_secs_f64() / plain.as_secs_f64()
    );
    let parse = time(export_runs, || parse_backup(&text, None).expect("valid backup"));
    let plain_parse = time(export_runs, || serde_json::from_str::<serde_json::Value>(&text).expect("json"));
    println!(
        "import: parse_backup      {}  (median of {export_runs}; plain serde_json Value parse {} = {:.1}×)",
        ms(parse),
        ms(plain_parse),
        parse.as_secs_f64() / plain_parse.as_secs_f64()
    );
    let import = time(export_runs, || {
        let b = MemoryBackend::new();
        let (mut s, mut current, _) = Store::open(Box::new(b.clone()));
        let incoming = parse_backup(&text, None).expect("valid backup");
        s.snapshot(&mut current).expect("snapshot");
        let mut next = apply(&current, incoming, ImportMode::Replace);
        s.save(&mut next).expect("save");
    });
    println!("import: parse+replace+save{}  (median of {export_runs}, into an empty store)", ms(import));
}
