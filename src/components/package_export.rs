//! 导出会议包: one meeting and what it needs as a file, to take to the meeting tablet and
//! back (see [`crate::backup::meeting_package`]).

use leptos::prelude::*;

use crate::app::use_app;
use crate::backup;
use crate::domain::Id;
use crate::i18n::records::Rt;
use crate::i18n::Text;

#[component]
pub fn PackageExport(
    /// The meeting.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    let r = move |k: Rt| k.get(state.lang.get());
    let msg = RwSignal::new(None::<String>);
    let export = move |_| {
        let at = crate::pages::data::files::now();
        let file = state.with_all_records(|db| {
            backup::export_package(db, id, at).map(|bytes| (bytes, backup::package_file_name(db, id, at)))
        });
        let Some((bytes, name)) = file else { return };
        match crate::pages::data::files::download_bytes(&name, &bytes) {
            Ok(()) => {
                // The revisions in the file have left this browser: the next change makes a new one.
                state.update_docs(|db| {
                    db.unshared.clear();
                    Vec::new()
                });
                msg.set(Some(format!("{}{name}", r(Rt::PackageExported))));
            }
            Err(e) => msg.set(Some(e)),
        }
    };
    view! {
        <div class="package-export no-print">
            <button type="button" class="btn btn-quiet" on:click=export title=state.tr(Rt::PackageHint) data-testid="package-export">
                {state.tr(Rt::PackageExport)}
            </button>
            {move || msg.get().map(|m| view! { <span role="status" class="muted" data-testid="package-msg">" "{m}</span> })}
        </div>
    }
}
