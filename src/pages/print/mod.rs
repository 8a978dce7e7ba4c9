//! The printable documents of a meeting (会议通知, 签到表, 表决票, 计票单, 会议记录) and of a
//! follow-up task (督办通知单, 催办单): each on a screen of its own, with a back link and a
//! print button that do not print. The content comes from [`html`]; the page size,
//! margins and page numbers of each document are its named `@page` in style/print.css.

use crate::domain::doc::DocKind;
use crate::records::Reads;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::office_export::OfficeExport;
use crate::domain::Id;
use crate::i18n::print::PrintText as T;
use crate::office::build::OfficeFile;
use crate::router::{PrintDoc, Route};

pub mod html;

/// The screen of one printable document.
#[component]
pub fn PrintPage(
    /// The document.
    doc: PrintDoc,
) -> impl IntoView {
    let state = use_app();
    let exists = Memo::new(move |_| {
        state.db.reading(&[Reads::Kind(DocKind::Task), Reads::Kind(DocKind::Meeting)], |db| match doc.back() {
            Route::Task(n) => db.task(n).is_some(),
            Route::Meeting(n) => db.meeting(n).is_some(),
            _ => false,
        })
    });
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="page print-page">
            <div class="no-print print-bar">
                <a class="btn btn-quiet" href=doc.back().href() data-testid="print-back">"‹ "{state.tr(T::Back)}</a>
                <h1>{move || state.t(title(doc))}</h1>
                <button type="button" class="btn btn-primary" data-testid="print-doc" on:click=print>{state.tr(T::Print)}</button>
                <p class="muted">{state.tr(T::PrintHint)}</p>
            </div>
            {move || if exists.get() { body(doc) } else {
                view! { <p class="field-error" role="alert">{state.t(T::NotFound)}</p> }.into_any()
            }}
        </section>
    }
}

fn title(doc: PrintDoc) -> T {
    match doc {
        PrintDoc::Notice(_) => T::Notice,
        PrintDoc::SignIn(_) => T::SignIn,
        PrintDoc::BallotNamed(_) => T::BallotNamed,
        PrintDoc::BallotSecret(_) => T::BallotSecret,
        PrintDoc::Tally(_) => T::Tally,
        PrintDoc::Record(_) => T::Record,
        PrintDoc::TaskNotice(_) => T::TaskNotice,
        PrintDoc::TaskReminder(_) => T::TaskReminder,
    }
}

/// The document's sheet: one block of markup from [`html`], rebuilt when the records change.
fn body(doc: PrintDoc) -> AnyView {
    let state = use_app();
    let markup = Memo::new(move |_| {
        let today = state.today.get();
        state
            .db
            .with(|db| {
                let meeting = |n: Id| db.meeting(n);
                Some(match doc {
                    PrintDoc::Notice(n) => {
                        let m = meeting(n)?;
                        html::notice(db, m, m.notice.as_ref().map(|x| x.on).unwrap_or(today))
                    }
                    PrintDoc::SignIn(n) => html::sign_in(db, meeting(n)?),
                    PrintDoc::BallotNamed(n) => html::ballots(db, meeting(n)?, true),
                    PrintDoc::BallotSecret(n) => html::ballots(db, meeting(n)?, false),
                    PrintDoc::Tally(n) => html::tally(db, meeting(n)?),
                    PrintDoc::Record(n) => html::record(db, meeting(n)?),
                    PrintDoc::TaskNotice(n) => html::task_sheet_html(db, db.task(n)?, n, today, false),
                    PrintDoc::TaskReminder(n) => html::task_sheet_html(db, db.task(n)?, n, today, true),
                })
            })
            .unwrap_or_default()
    });
    if matches!(doc, PrintDoc::BallotNamed(_) | PrintDoc::BallotSecret(_)) {
        view! {
            {move || markup.with(String::is_empty).then(|| view! { <p class="card" data-testid="no-ballots">{state.t(T::NoBallotItems)}</p> })}
            <div class="doc doc-ballots" lang="zh-CN" data-testid="doc-ballots" inner_html=move || markup.get()></div>
        }
        .into_any()
    } else {
        view! { <article class="doc doc-a4" lang="zh-CN" data-testid="doc-sheet" inner_html=move || markup.get()></article> }
            .into_any()
    }
}

/// Links to the printable documents of a meeting (on its preparation screen).
#[component]
pub fn MeetingDocLinks(
    /// The meeting.
    id: Id,
) -> impl IntoView {
    let docs = [
        PrintDoc::Notice(id),
        PrintDoc::SignIn(id),
        PrintDoc::BallotNamed(id),
        PrintDoc::BallotSecret(id),
        PrintDoc::Tally(id),
        PrintDoc::Record(id),
    ];
    view! { <DocLinks docs=docs.to_vec() summary=id/> }
}

/// Links to the printable documents of a follow-up task (on its screen).
#[component]
pub fn TaskDocLinks(
    /// The task.
    id: Id,
) -> impl IntoView {
    view! { <DocLinks docs=vec![PrintDoc::TaskNotice(id), PrintDoc::TaskReminder(id)]/> }
}

/// The links, one per document, folded under "打印文书" (the meeting screens carry them on
/// every tab, the live tablet screen included), and the 纪要 as .docx once the meeting has one.
#[component]
fn DocLinks(
    /// The documents linked.
    docs: Vec<PrintDoc>,
    /// The meeting whose 纪要 is offered as .docx, if any.
    #[prop(optional)]
    summary: Option<Id>,
) -> impl IntoView {
    let state = use_app();
    let has_summary = Memo::new(move |_| {
        summary.is_some_and(|id| {
            state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).is_some_and(|m| m.summary.is_some()))
        })
    });
    view! {
        <details class="doc-links no-print" data-testid="doc-links">
            <summary class="btn btn-quiet" data-testid="doc-links-open">{state.tr(T::Documents)}</summary>
            <div class="doc-links-list">
                {docs.into_iter().map(|d| view! {
                    <a class="btn btn-quiet" href=Route::Print(d).href()>{move || state.t(title(d))}</a>
                }).collect_view()}
                {move || has_summary.get().then(|| summary.map(|id| view! {
                    <OfficeExport file=OfficeFile::Summary(id) testid="doc-links-docx"/>
                }))}
            </div>
        </details>
    }
}
