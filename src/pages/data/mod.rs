//! The data page (`#/data`, 数据): where the records live, the storage meter, backups
//! (export with an optional passphrase, import with validation → preview → merge/replace →
//! safety snapshot → one-step undo), the safety snapshots, the raw-data download for recovery,
//! and the year archive. One card a section: [`storage_meter`], [`snapshots`], [`export`],
//! [`import`], [`archive`], [`recovery`].

mod archive;
mod conflicts;
mod export;
pub(crate) mod files;
mod import;
mod merge_preview;
mod recovery;
mod snapshots;
mod storage_meter;
mod texts;

use leptos::prelude::*;

use crate::app::use_app;
use crate::i18n::Text;
#[cfg(target_arch = "wasm32")]
pub(crate) use files::{backup_writer, json_blob, now};
pub use texts::Dt;

/// What the cards of the page share.
#[derive(Clone, Copy)]
pub(crate) struct DataSignals {
    /// Bumped after every action that changes storage, so the meter reads it again.
    pub tick: RwSignal<u32>,
    /// The one-step undo of the last import is on offer.
    pub can_undo: RwSignal<bool>,
}

impl DataSignals {
    /// Storage changed: the meter reads it again.
    pub fn changed(&self) {
        self.tick.update(|n| *n += 1);
    }
}

#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_app();
    // What other tabs or pages of this address stored since is counted too.
    state.with_store(|s| s.measure_again());
    // Still offered when the page is opened again, as long as nothing was saved since.
    let signals = DataSignals { tick: RwSignal::new(0), can_undo: RwSignal::new(state.undo_on_offer()) };
    view! {
        <section class="page data-page">
            <h1>{state.tr(Dt::Title)}</h1>
            <recovery::RecoveryCard/>
            <crate::components::ios_storage_notice::IosStorageNotice/>
            <WhereCard/>
            <storage_meter::StorageMeter signals=signals/>
            <snapshots::SnapshotsCard signals=signals/>
            <export::ExportCard signals=signals/>
            <import::ImportCard signals=signals/>
            <conflicts::ConflictsCard/>
            <archive::ArchiveCard signals=signals/>
        </section>
    }
}

/// Where the records live, and when the last backup was made.
#[component]
fn WhereCard() -> impl IntoView {
    let state = use_app();
    let t = move |k: Dt| k.get(state.lang.get());
    view! {
        <div class="card" data-testid="data-notice">
            <h2>{state.tr(Dt::WhereTitle)}</h2>
            <p>{state.tr(Dt::WhereText)}</p>
            <p class="muted"><code>{files::page_address()}</code></p>
            <p data-testid="last-backup">
                {state.tr(Dt::LastBackup)}
                {move || match state.db.with(|db| db.last_backup) {
                    None => t(Dt::Never).to_string(),
                    Some(d) => format!("{} {}{}", d, (state.today.get() - d).num_days().max(0), t(Dt::DaysAgo)),
                }}
            </p>
        </div>
    }
}
