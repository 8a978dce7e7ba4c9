//! Write the ten-year reference data set as a backup file:
//! `cargo run --release --example gen_reference -- <out.json> [seed]`
//! and print its volumes and character counts.

use yishi::domain::db::Db;
use yishi::sample::reference::{reference_db, Stats, DEFAULT_SEED};

/// The backup file text of `db`.
///
/// TODO(lead): switch to `yishi::backup::export_json(db, now)` once the backup format
/// (branch `storage`, src/backup/) is on main; until then this is plain `serde_json` of the
/// `Db`, which the import may not accept as a backup.
fn to_backup_json(db: &Db) -> String {
    serde_json::to_string(db).expect("serialise")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| {
        eprintln!("usage: gen_reference <out.json> [seed]");
        std::process::exit(2)
    });
    let seed = args.next().map(|s| s.parse().expect("seed is a number")).unwrap_or(DEFAULT_SEED);
    let db = reference_db(seed);
    let json = to_backup_json(&db);
    std::fs::write(&out, &json).expect("write the backup file");
    println!("{}", Stats::of(&db));
    println!("backup file {out}: {} bytes, {} UTF-16 units", json.len(), json.encode_utf16().count());
}
