//! A button that makes an office file (the 纪要 or the annual report as .docx, a register as
//! .xlsx) and offers it as a download. The records go to the exporter worker ([`worker`],
//! loaded on the first click only), which builds the content ([`crate::office::build::request`])
//! and renders the file, so the main wasm holds neither the builders nor docx-rs and
//! rust_xlsxwriter. While the file is made the button says so and waits.

use leptos::prelude::*;

use crate::app::use_app;
use crate::i18n::office::OfficeText as T;
use crate::i18n::Text;
use crate::office::build::{file_name, Job, OfficeFile};

pub mod worker;

use worker::ExportError;

/// Where a click stands.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Working,
    Saved(String),
    Failed(ExportError),
}

/// The button's label for a file.
fn label(file: OfficeFile) -> T {
    match file {
        OfficeFile::Summary(_) => T::SummaryDocx,
        OfficeFile::Report(_) => T::ReportDocx,
        OfficeFile::Items => T::ItemsXlsx,
        OfficeFile::Tasks => T::TasksXlsx,
        OfficeFile::Duties(_) => T::DutiesXlsx,
    }
}

/// The button, with a line after it saying what happened.
#[component]
pub fn OfficeExport(
    /// The file offered (a year's file follows the year shown).
    #[prop(into)]
    file: Signal<OfficeFile>,
    /// The button's `data-testid`.
    testid: &'static str,
) -> impl IntoView {
    let state = use_app();
    let status = RwSignal::new(None::<Status>);
    let working = move || status.with(|s| s == &Some(Status::Working));
    let make = move |_| {
        if working() {
            return;
        }
        let today = state.today.get_untracked();
        let file = file.get_untracked();
        let Some(name) = state.with_all_records(|db| file_name(db, file, today)) else {
            status.set(Some(Status::Failed(ExportError::NoRecord)));
            return;
        };
        // The records as the canonical writer writes them (the one serialiser in this wasm).
        let job = Job { file, today, db: state.all_records() };
        let json = crate::canonical::to_vec(&job).ok().and_then(|b| String::from_utf8(b).ok()).unwrap_or_default();
        drop(job);
        status.set(Some(Status::Working));
        leptos::task::spawn_local(async move {
            let done = match worker::render(json).await {
                Ok((mime, bytes)) => worker::save(&name, &mime, &bytes).map(|()| Status::Saved(name)),
                Err(e) => Err(e),
            };
            status.set(Some(done.unwrap_or_else(Status::Failed)));
        });
    };
    view! {
        <span class="office-export no-print">
            <button type="button" class="btn btn-quiet" data-testid=testid on:click=make
                title=move || state.t(T::Hint) aria-busy=move || working().to_string() disabled=working>
                {move || state.t(label(file.get()))}
            </button>
            {move || status.get().map(|s| {
                let lang = state.lang.get();
                match s {
                    Status::Working => view! { <span class="muted" role="status" data-testid="office-status">{T::Working.get(lang)}</span> }.into_any(),
                    Status::Saved(name) => view! { <span class="muted" role="status" data-testid="office-status">{format!("{}{name}", T::Saved.get(lang))}</span> }.into_any(),
                    Status::Failed(e) => view! { <span class="field-error" role="alert" data-testid="office-error">{lang.of(&e)}</span> }.into_any(),
                }
            })}
        </span>
    }
}
