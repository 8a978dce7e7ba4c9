//! Write the ten-year reference data set as a backup file:
//! `cargo run --release --example gen_reference -- <out.json> [seed]`
//! and print its volumes and character counts. Every record carries its first revision, as in
//! a backup the app writes (a file from before revisions gets them on import instead).

use yishi::domain::db::Db;
use yishi::sample::reference::{reference_db, Stats, AS_OF, DEFAULT_SEED};

/// The backup file text of `db`, exported as of the data set's last day.
fn to_backup_json(db: &Db) -> String {
    let (y, m, d) = AS_OF;
    let now = chrono::NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(18, 0, 0)).expect("valid");
    yishi::backup::export_json(db, now)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| {
        eprintln!("usage: gen_reference <out.json> [seed]");
        std::process::exit(2)
    });
    let seed = args.next().map(|s| s.parse().expect("seed is a number")).unwrap_or(DEFAULT_SEED);
    let mut db = reference_db(seed);
    yishi::domain::revision::ensure(&mut db);
    let json = to_backup_json(&db);
    std::fs::write(&out, &json).expect("write the backup file");
    println!("{}", Stats::of(&db));
    println!("backup file {out}: {} bytes, {} UTF-16 units", json.len(), json.encode_utf16().count());
}
