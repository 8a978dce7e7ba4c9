//! Month calendar of due dates and meetings, with the .ics export of upcoming due dates
//! (a file download made from a Blob; no network).

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::use_app;
use crate::components::duty_ui::DutyTabs;
use crate::domain::ics::{calendar_entries, month_grid, to_ics, upcoming, EntryKind};
use crate::i18n::duties::DutiesText as T;
use crate::router::Route;

/// Offer `text` as a file download (Blob + object URL + a temporary link).
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::new();
    parts.push(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|e| format!("{e:?}"))?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    let body = document.body().ok_or("no body")?;
    let _ = body.append_child(&a);
    a.click();
    let _ = body.remove_child(&a);
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn shift(year: i32, month: u32, by: i32) -> (i32, u32) {
    let idx = year * 12 + month as i32 - 1 + by;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// The calendar screen.
#[component]
pub fn CalendarPage(
    /// Year shown.
    year: i32,
    /// Month shown (1–12).
    month: u32,
) -> impl IntoView {
    let state = use_app();
    let exported = RwSignal::new(None::<Result<usize, String>>);
    let first = NaiveDate::from_ymd_opt(year, month, 1);
    let (py, pm) = shift(year, month, -1);
    let (ny, nm) = shift(year, month, 1);
    let entries = move || {
        let today = state.today.get();
        let Some(first) = first else { return Vec::new() };
        let last = NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt()).unwrap_or(first);
        state.db.with(|db| calendar_entries(db, today, first, last))
    };
    let export = move |_| {
        let today = state.today.get_untracked();
        let (ics, n) = state.db.with_untracked(|db| {
            let up = upcoming(db, today, 366);
            let stamp = today.and_hms_opt(0, 0, 0).unwrap_or_default();
            (to_ics(&up, &db.org.unit_name, stamp), up.len())
        });
        let name = format!("yishi-due-{today}.ics");
        exported.set(Some(download_text(&name, "text/calendar;charset=utf-8", &ics).map(|_| n)));
    };
    let weekdays = [T::Mon, T::Tue, T::Wed, T::Thu, T::Fri, T::Sat, T::Sun];
    view! {
        <section class="page calendar-page">
            <h1>{state.tr(T::CalendarTitle)}</h1>
            <DutyTabs current=Route::Calendar(None) year=year/>
            <div class="duty-yearswitch no-print">
                <a class="btn btn-quiet" href=Route::Calendar(Some((py, pm))).href() data-testid="prev-month">"‹ "{state.tr(T::PrevMonth)}</a>
                <strong data-testid="month-shown">{format!("{year}-{month:02}")}</strong>
                <a class="btn btn-quiet" href=Route::Calendar(Some((ny, nm))).href() data-testid="next-month">{state.tr(T::NextMonth)}" ›"</a>
            </div>
            <div class="row gap wrap no-print">
                <button type="button" class="btn" on:click=export data-testid="export-ics">{state.tr(T::ExportIcs)}</button>
                <span class="muted">{state.tr(T::ExportIcsHint)}</span>
                {move || exported.get().map(|r| match r {
                    Ok(n) => view! { <span class="ok" role="status" data-testid="ics-status">{state.t(T::Exported)}" ("{n}")"</span> }.into_any(),
                    Err(e) => view! { <span class="field-error" role="alert">{e}</span> }.into_any(),
                })}
            </div>
            <table class="duty-calendar" data-testid="calendar">
                <caption class="sr-only">{format!("{year}-{month:02}")}</caption>
                <thead><tr>{weekdays.into_iter().map(|w| view! { <th scope="col">{move || state.t(w)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {move || {
                        let all = entries();
                        let today = state.today.get();
                        let lang = state.lang.get();
                        month_grid(year, month).into_iter().map(|week| view! {
                            <tr>
                                {week.into_iter().map(|cell| match cell {
                                    None => view! { <td class="cal-empty"></td> }.into_any(),
                                    Some(d) => {
                                        let todays: Vec<_> = all.iter().filter(|e| e.date == d).cloned().collect();
                                        view! {
                                            <td class="cal-day" class:cal-today=d == today data-date=d.to_string()>
                                                <span class="cal-num">{d.day()}</span>
                                                {todays.into_iter().map(|e| {
                                                    let class = match e.kind {
                                                        EntryKind::Meeting => "cal-entry cal-meeting",
                                                        EntryKind::TaskDeadline => "cal-entry cal-task",
                                                        EntryKind::DutyDue => "cal-entry cal-duty",
                                                        EntryKind::ReportDue => "cal-entry cal-report",
                                                    };
                                                    view! { <a class=class class:bad=e.overdue href=e.link.clone() data-testid="cal-entry">{lang.pick(e.zh.clone(), e.en.clone())}</a> }
                                                }).collect_view()}
                                            </td>
                                        }.into_any()
                                    }
                                }).collect_view()}
                            </tr>
                        }).collect_view()
                    }}
                </tbody>
            </table>
            <div class="card cal-agenda">
                <ul class="list" data-testid="cal-agenda">
                    {move || {
                        let all = entries();
                        let lang = state.lang.get();
                        if all.is_empty() {
                            return view! { <li class="muted">{state.t(T::NothingThisMonth)}</li> }.into_any();
                        }
                        all.into_iter().map(|e| view! {
                            <li class:bad=e.overdue><a class="list-link" href=e.link.clone()>{e.date.to_string()}" "{lang.pick(e.zh.clone(), e.en.clone())}</a></li>
                        }).collect_view().into_any()
                    }}
                </ul>
            </div>
        </section>
    }
}
