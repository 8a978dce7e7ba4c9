//! 首页: first-run welcome, or an overview (upcoming meetings, open and overdue follow-up,
//! the last backup, risk hints).

use crate::domain::doc::DocKind;
use crate::records::Reads;
use chrono::Datelike;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::pager::{Pager, PAGE};
use crate::domain::task::TaskStatus;
use crate::i18n::Ui;

/// The home screen.
#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app();
    // Memos (here and below): an edit elsewhere re-renders only what it changes, not the page.
    let empty = Memo::new(move |_| state.db.with(|db| db.is_empty()));
    view! {
        <section class="page home-page">
            <crate::components::ios_storage_notice::IosStorageNotice/>
            {move || if empty.get() { view! { <Welcome/> }.into_any() } else { view! { <Overview/> }.into_any() }}
            <p class="notice" data-testid="data-notice">{state.tr(Ui::DataLivesHere)}</p>
            <crate::components::offline_status::OfflineStatus/>
        </section>
    }
}

/// First run: set up the unit or load the example.
#[component]
fn Welcome() -> impl IntoView {
    let state = use_app();
    let load_example = move |_| {
        let db = crate::sample::example::example_db(state.today.get_untracked());
        state.replace(db);
    };
    view! {
        <div class="card welcome" data-testid="welcome">
            <h1>{state.tr(Ui::WelcomeTitle)}</h1>
            <p>{state.tr(Ui::WelcomeText)}</p>
            <div class="row gap wrap">
                <a class="btn btn-primary" href="#/settings" data-testid="set-up-unit">{state.tr(Ui::SetUpUnit)}</a>
                <button type="button" class="btn" on:click=load_example data-testid="load-example">{state.tr(Ui::LoadExample)}</button>
            </div>
        </div>
    }
}

/// Overview for a set-up unit.
#[component]
fn Overview() -> impl IntoView {
    let state = use_app();
    let unit = Memo::new(move |_| state.db.reading(&[Reads::Org], |db| db.org.unit_name.clone()));
    let last_backup = move || {
        let today = state.today.get();
        match state.db.with(|db| db.last_backup) {
            Some(d) => format!(
                "{}{}{} {}",
                state.t(Ui::LastBackup),
                state.colon(),
                (today - d).num_days().max(0),
                state.t(Ui::DaysAgo)
            ),
            None => format!("{}{}{}", state.t(Ui::LastBackup), state.colon(), state.t(Ui::NeverBackedUp)),
        }
    };
    let upcoming = Memo::new(move |_| {
        let today = state.today.get();
        state.db.with(|db| {
            let mut v: Vec<_> = db
                .meetings
                .iter()
                .filter(|m| m.date >= today)
                .map(|m| (m.id, m.date, state.lang.get().of(&m.kind), m.title.clone()))
                .collect();
            crate::domain::sort::sort_by_key(&mut v, |x| x.1);
            v.truncate(5);
            v
        })
    });
    // (open, overdue), counted once for both tiles.
    let counts = Memo::new(move |_| {
        let today = state.today.get();
        state.db.reading(&[Reads::Kind(DocKind::Task)], |db| {
            let open: Vec<_> = db.tasks.iter().filter(|t| t.closed.is_none()).collect();
            let overdue = open.iter().filter(|t| t.status(today) == TaskStatus::Overdue).count();
            (open.len(), overdue)
        })
    });
    let tasks = move || counts.get();
    view! {
        <h1>{unit}</h1>
        <div class="tiles">
            <a class="tile" href="#/tasks">
                <span class="tile-num">{move || tasks().0}</span>
                <span class="tile-label">{state.tr(Ui::OpenTasks)}</span>
            </a>
            <a class="tile" class:tile-bad=move || { tasks().1 > 0 } href="#/tasks">
                <span class="tile-num">{move || tasks().1}</span>
                <span class="tile-label">{state.tr(Ui::Overdue)}</span>
            </a>
            <a class="tile" href="#/data" data-testid="last-backup">
                <span class="tile-label">{last_backup}</span>
            </a>
        </div>
        <div class="card">
            <h2>{state.tr(Ui::UpcomingMeetings)}</h2>
            <ul class="list">
                {move || upcoming.get().into_iter().map(|(id, date, kind, title)| view! {
                    <li><a class="list-link" href=format!("#/meetings/{id}")>{date.to_string()}" "{kind}" "{title}</a></li>
                }).collect_view()}
            </ul>
        </div>
        <RiskHints/>
    }
}

/// Risk hints tied to 第二十条 (from the rules engine), each linking to the records behind it;
/// paged as the other lists that grow with the years are (tasks left overdue for years add up).
#[component]
fn RiskHints() -> impl IntoView {
    let state = use_app();
    let hints = Memo::new(move |_| {
        let today = state.today.get();
        state.db.with(|db| crate::domain::rules::risk_hints(db, today))
    });
    let limit = RwSignal::new(PAGE);
    let total = Signal::derive(move || hints.with(Vec::len));
    // The engine links duty gaps as `#/duties?year=Y`; the duties page reads the year from it.
    view! {
        <div class="card risk-hints" data-testid="risk-hints">
            <h2>{state.tr(Ui::RiskHints)}</h2>
            {move || {
                let v = hints.get();
                if v.is_empty() {
                    return view! { <p class="muted">{state.t(Ui::NoRisks)}</p> }.into_any();
                }
                let lang = state.lang.get();
                let year = state.today.get().year();
                let (now, older): (Vec<_>, Vec<_>) = v.into_iter().partition(|h| h.overdue_task || h.year >= year);
                let row = move |h: crate::domain::rules::RiskHint| view! {
                    <li class="risk-hint" data-testid="risk-hint" data-clause=h.clause.zh() data-year=h.year.to_string()>
                        <a class="list-link" href=h.link.clone()>
                            <span class="pill pill-bad">{lang.of(&h.clause)}</span>" "
                            {lang.pick(h.zh.clone(), h.en.clone())}
                        </a>
                    </li>
                };
                let n_older = older.len();
                view! {
                    <ul class="list">
                        {now.into_iter().take(limit.get()).map(row).collect_view()}
                    </ul>
                    // Earlier years fold: this year's risks and overdue follow-up come first.
                    {(n_older > 0).then(|| view! {
                        <details class="older-risks" data-testid="older-risks">
                            <summary>{move || { let (o, c) = state.lang.get().brackets(); format!("{}{o}{n_older}{c}", state.t(Ui::OlderRisks)) }}</summary>
                            <ul class="list">{older.into_iter().take(limit.get()).map(row).collect_view()}</ul>
                        </details>
                    })}
                }.into_any()
            }}
            <Pager total=total limit=limit/>
        </div>
    }
}
