//! The items list with filters (status, category, year) and counts; the first `PAGE` matches
//! shown, more on request (components::pager).

use crate::domain::doc::DocKind;
use crate::records::Reads;
use chrono::Datelike;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::office_export::OfficeExport;
use crate::components::pager::{Pager, PAGE};
use crate::domain::category::Category;
use crate::domain::item::ItemStatus;
use crate::i18n::meetings::MeetingsText as T;
use crate::office::build::OfficeFile;
use crate::router::Route;

/// All statuses in lifecycle order.
pub const STATUSES: [ItemStatus; 10] = [
    ItemStatus::Proposed,
    ItemStatus::Reviewed,
    ItemStatus::DirectorApproved,
    ItemStatus::Scheduled,
    ItemStatus::OnAgenda,
    ItemStatus::Decided,
    ItemStatus::Implementing,
    ItemStatus::Done,
    ItemStatus::Deferred,
    ItemStatus::Withdrawn,
];

/// Pill class of a status.
pub fn status_class(s: ItemStatus) -> &'static str {
    match s {
        ItemStatus::Decided | ItemStatus::Done => "pill pill-ok",
        ItemStatus::Scheduled | ItemStatus::OnAgenda | ItemStatus::Implementing => "pill pill-warn",
        ItemStatus::Withdrawn => "pill pill-bad",
        _ => "pill",
    }
}

/// 议题列表
#[component]
pub fn ItemsList() -> impl IntoView {
    let state = use_app();
    let status = RwSignal::new(None::<ItemStatus>);
    let category = RwSignal::new(None::<Category>);
    let year = RwSignal::new(None::<i32>);
    // Rows rendered at most (newest first); back to one page when a filter changes.
    let limit = RwSignal::new(PAGE);
    Effect::new(move |_| {
        status.track();
        category.track();
        year.track();
        limit.set(PAGE);
    });
    let years = Memo::new(move |_| {
        state.db.reading(&[Reads::Kind(DocKind::Item)], |db| {
            let mut v: Vec<i32> = db.items.iter().map(|i| i.created.year()).collect();
            crate::domain::sort::sort_by(&mut v, |a, b| b.cmp(a));
            v.dedup();
            v
        })
    });
    let rows = Memo::new(move |_| {
        state.db.with(|db| {
            let (s, c, y) = (status.get(), category.get(), year.get());
            let mut v: Vec<_> = db
                .items
                .iter()
                .filter(|i| {
                    s.is_none_or(|s| i.status == s)
                        && c.is_none_or(|c| i.category == c)
                        && y.is_none_or(|y| i.created.year() == y)
                })
                .map(|i| (i.id, i.title.clone(), i.category, i.status, i.created))
                .collect();
            crate::domain::sort::sort_by(&mut v, |a, b| b.4.cmp(&a.4).then(b.0.cmp(&a.0)));
            v
        })
    });
    let total = Signal::derive(move || rows.with(|r| r.len()));
    // Counts per status under the category/year filters.
    let counts = Memo::new(move |_| {
        state.db.reading(&[Reads::Kind(DocKind::Item)], |db| {
            let (c, y) = (category.get(), year.get());
            STATUSES
                .iter()
                .map(|s| {
                    db.items
                        .iter()
                        .filter(|i| {
                            i.status == *s
                                && c.is_none_or(|c| i.category == c)
                                && y.is_none_or(|y| i.created.year() == y)
                        })
                        .count()
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page items-page">
            <div class="page-head">
                <h1>{state.tr(T::Items)}</h1>
                <div class="row gap wrap">
                    <OfficeExport file=OfficeFile::Items testid="items-xlsx"/>
                    <a class="btn btn-primary" href=Route::ItemNew.href() data-testid="new-item">{state.tr(T::NewItem)}</a>
                </div>
            </div>
            <div class="status-chips" role="group" aria-label=state.tr(T::Status)>
                <button type="button" class="btn btn-small toggle" class:on=move || status.get().is_none() aria-pressed=move || status.get().is_none().to_string()
                    on:click=move |_| status.set(None)>{state.tr(T::AllOption)}</button>
                {STATUSES.into_iter().enumerate().map(|(i, s)| view! {
                    <button type="button" class="btn btn-small toggle" data-testid="status-filter" class:on=move || status.get() == Some(s)
                        aria-pressed=move || (status.get() == Some(s)).to_string()
                        on:click=move |_| status.set(Some(s))>
                        {move || state.lang.get().of(&s)}" "
                        <span class="count">{move || counts.get().get(i).copied().unwrap_or(0)}</span>
                    </button>
                }).collect_view()}
            </div>
            <div class="grid2">
                <label class="field">
                    <span class="field-label">{state.tr(T::Category)}</span>
                    <select data-testid="category-filter" on:change=move |ev| category.set(event_target_value(&ev).parse::<Category>().ok())>
                        <option value="">{state.tr(T::AllOption)}</option>
                        {Category::ALL.into_iter().map(|c| view! { <option value=c.to_string()>{move || state.lang.get().of(&c)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{state.tr(T::Year)}</span>
                    <select data-testid="year-filter" on:change=move |ev| year.set(event_target_value(&ev).parse().ok())>
                        <option value="">{state.tr(T::AllOption)}</option>
                        {move || years.get().into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <p class="muted" data-testid="item-count">{move || format!("{} {}", rows.get().len(), state.t(T::Count))}</p>
            <ul class="list card" data-testid="item-list">
                {move || rows.get().into_iter().take(limit.get()).map(|(id, title, c, s, created)| view! {
                    <li>
                        <a class="list-link item-row" href=Route::Item(id).href() data-testid="item-row">
                            <span class="item-row-title">{title}</span>
                            <span class="muted">{state.lang.get().of(&c)}</span>
                            <span class="muted">{created.to_string()}</span>
                            <span class=status_class(s)>{state.lang.get().of(&s)}</span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
            <Pager total=total limit=limit/>
        </section>
    }
}
