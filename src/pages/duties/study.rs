//! 中心组学习 (第二十二条): the annual plan with topics approved by the secretary, and the
//! sessions of the year with attendance (考勤), department heads who joined, the record
//! (学习档案) and the bulletin (学习通报).

use crate::records::Reads;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::components::duty_ui::{DutyTabs, YearSwitch};
use crate::domain::article::Article;
use crate::domain::doc::DocId;
use crate::domain::meeting::MeetingKind;
use crate::domain::rules::{evaluate_duties, DutyKind};
use crate::domain::study::{
    approve_plan, attendance_count, plan_approval, plan_mut, plan_of, session_mut, session_of, sessions_in_year,
    StudyTopic,
};
use crate::domain::Id;
use crate::i18n::duties::DutiesText as T;
use crate::i18n::phrases::Phrase;
use crate::router::Route;

/// The study screen.
#[component]
pub fn StudyPage(
    /// The year shown.
    year: i32,
) -> impl IntoView {
    let state = use_app();
    view! {
        <section class="page study-page">
            <h1>{state.tr(T::StudyTitle)}" "<ArticleLink article=Article::new(22)/></h1>
            <DutyTabs current=Route::Study(Some(year)) year=year/>
            <YearSwitch year=year to=|y| Route::Study(Some(y))/>
            <Plan year=year/>
            <Cadence year=year/>
            <Sessions year=year/>
        </section>
    }
}

#[component]
fn Plan(year: i32) -> impl IntoView {
    let state = use_app();
    let plan = move || state.db.with(|db| plan_of(db, year).cloned());
    let title = RwSignal::new(String::new());
    let month = RwSignal::new(String::new());
    let seminar = RwSignal::new(false);
    let err = RwSignal::new(None::<T>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked();
        if t.trim().is_empty() {
            err.set(Some(T::ErrNote));
            return;
        }
        let m = month.get_untracked().parse::<u32>().ok().filter(|m| (1..=12).contains(m));
        let s = seminar.get_untracked();
        state.update_docs(|db| {
            plan_mut(db, year).topics.push(StudyTopic { title: t.trim().into(), month: m, seminar: s });
            vec![DocId::StudyPlan(year)]
        });
        title.set(String::new());
        err.set(None);
    };
    let approve_err = RwSignal::new(None::<crate::domain::study::PlanError>);
    let approve = move |_| {
        let today = state.today.get_untracked();
        match state.try_update_docs(|db| {
            approve_plan(db, year, today).map(|ev| (ev, vec![DocId::Evidence(ev), DocId::StudyPlan(year)]))
        }) {
            Ok(_) => approve_err.set(None),
            Err(e) => approve_err.set(Some(e)),
        }
    };
    // The same rule as the duty register's row and the annual report (plan_approval).
    let approved = move || {
        let today = state.today.get();
        state.db.with(|db| {
            plan_approval(db, year, today).map(|a| (a.by.map(|m| db.org.member_name(m)).unwrap_or_default(), a.on))
        })
    };
    view! {
        <div class="card">
            <h2>{state.tr(T::StudyPlan)}" "<ArticleLink article=Article::clause(22, 2)/></h2>
            <p data-testid="plan-approval">
                {move || match approved() {
                    Some((who, when)) => view! { <span class="pill pill-ok" data-approved="true">{state.t(T::ApprovedBy)}" "{who}" "{when.to_string()}</span> }.into_any(),
                    None => view! { <span class="pill pill-warn" data-approved="false">{state.t(T::NotApproved)}</span> }.into_any(),
                }}
            </p>
            <ol class="study-topics" data-testid="study-topics">
                {move || plan().map(|p| p.topics).unwrap_or_default().into_iter().enumerate().map(|(i, t)| {
                    let remove = move |_| state.update_docs(|db| { let p = plan_mut(db, year); if i < p.topics.len() { p.topics.remove(i); } vec![DocId::StudyPlan(year)] });
                    view! {
                        <li>
                            {t.month.map(|m| format!("{m}月 "))}<strong>{t.title}</strong>
                            {t.seminar.then(|| view! { " "<span class="pill">{state.t(T::Seminar)}</span> })}
                            " "<button type="button" class="btn btn-quiet btn-small no-print" on:click=remove>{state.tr(T::Delete)}</button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <form class="grid3 no-print" on:submit=add>
                <label class="field" class:has-error=move || err.get().is_some()><span class="field-label">{state.tr(T::Topic)}</span>
                    <input type="text" data-testid="topic-title" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                    {move || err.get().map(|e| view! { <span class="field-error" role="alert">{move || state.t(e)}</span> })}</label>
                <label class="field"><span class="field-label">{state.tr(T::Month)}</span>
                    <select prop:value=move || month.get() on:change=move |ev| month.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        {(1..=12).map(|m| view! { <option value=m.to_string()>{m}</option> }).collect_view()}
                    </select></label>
                <label class="check"><input type="checkbox" prop:checked=move || seminar.get() on:change=move |ev| seminar.set(event_target_checked(&ev))/><span>{state.tr(T::Seminar)}</span></label>
                <div class="field"><button type="submit" class="btn" data-testid="add-topic">{state.tr(T::AddTopic)}</button></div>
            </form>
            <div class="row gap wrap no-print">
                <button type="button" class="btn btn-primary" on:click=approve data-testid="approve-plan">{state.tr(T::Approve)}</button>
                {move || approve_err.get().map(|e| view! { <span class="field-error" role="alert">{move || state.lang.get().of(&e)}</span> })}
            </div>
        </div>
    }
}

/// Study and seminar figures of the year from the rules engine.
#[component]
fn Cadence(year: i32) -> impl IntoView {
    let state = use_app();
    let rows = move || {
        let today = state.today.get();
        let lang = state.lang.get();
        state.db.with(|db| {
            evaluate_duties(db, year, today)
                .into_iter()
                .filter(|d| matches!(d.duty, DutyKind::CentralStudy | DutyKind::StudySeminar))
                .map(|d| (lang.of(&d.duty), d.done, d.required, d.overdue, lang.pick(d.gaps, d.gaps_en)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="card">
            <p class="muted">{state.tr(T::SeminarEvery)}</p>
            <ul class="list">
                {move || rows().into_iter().map(|(name, done, req, bad, gaps)| view! {
                    <li class:bad=bad><strong>{name}</strong>" "{format!("{done}/{req}")}{(!gaps.is_empty()).then(|| format!(" — {}", gaps.join(&state.lang.get().of(&Phrase::ListSeparator))))}</li>
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn Sessions(year: i32) -> impl IntoView {
    let state = use_app();
    // A memo: the sessions (and what is being typed in their records) are rebuilt only when
    // their list changes, not on every save.
    let sessions = Memo::new(move |_| {
        let today = state.today.get();
        state.db.with(|db| {
            sessions_in_year(db, year)
                .into_iter()
                .map(|m| {
                    (
                        m.id,
                        m.date,
                        m.kind,
                        m.title.clone(),
                        attendance_count(m, today),
                        m.attendance
                            .iter()
                            .filter(|a| a.presence != crate::domain::meeting::Presence::Present)
                            .map(|a| db.org.member_name(a.member))
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="card">
            <h2>{state.tr(T::Sessions)}</h2>
            {move || {
                let s = sessions.get();
                if s.is_empty() {
                    return view! { <p class="muted">{state.t(T::NoSessions)}</p> }.into_any();
                }
                s.into_iter().map(|(id, date, kind, title, count, absent)| view! {
                    <article class="study-session" data-testid="study-session">
                        <h3><a href=Route::Meeting(id).href()>{date.to_string()}" "{if title.is_empty() { kind.zh().to_string() } else { title }}</a>
                            {(kind == MeetingKind::StudySeminar).then(|| view! { " "<span class="pill">{state.t(T::Seminar)}</span> })}</h3>
                        <p data-testid="session-attendance">{state.t(T::Attendance)}{move || state.colon()}{match count {
                            Some((present, roster)) => view! { <strong>{format!("{present}/{roster}")}</strong>{(!absent.is_empty()).then(|| format!("（{}）", absent.join("、")))} }.into_any(),
                            None => view! { <span class="muted" data-testid="session-not-held">{state.t(T::NotYetHeld)}</span> }.into_any(),
                        }}</p>
                        <SessionRecord id=id/>
                    </article>
                }).collect_view().into_any()
            }}
        </div>
    }
}

#[component]
fn SessionRecord(id: Id) -> impl IntoView {
    let state = use_app();
    // A memo: the inputs are written only when the stored record changes, so a save elsewhere
    // does not wipe what is being typed.
    let sess = Memo::new(move |_| state.db.with(|db| session_of(db, id).cloned().unwrap_or_default()));
    let depts = Memo::new(move |_| {
        state.db.reading(&[Reads::Org], |db| {
            db.org
                .departments
                .iter()
                .map(|d| (d.id, if d.head.is_empty() { d.name.clone() } else { format!("{}（{}）", d.name, d.head) }))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="study-heads">
            <legend>{state.tr(T::DeptHeads)}</legend>
            {move || depts.get().into_iter().map(|(did, label)| view! {
                <label class="check">
                    <input type="checkbox" prop:checked=move || sess.with(|s| s.departments.contains(&did))
                        on:change=move |ev| { let on = event_target_checked(&ev); state.update_docs(|db| { let s = session_mut(db, id); s.departments.retain(|d| *d != did); if on { s.departments.push(did) } vec![DocId::StudySession(id)] }) }/>
                    <span>{label}</span>
                </label>
            }).collect_view()}
        </fieldset>
        <div class="grid2">
            <label class="field"><span class="field-label">{state.tr(T::StudyRecord)}</span>
                <textarea prop:value=move || sess.with(|s| s.record.clone()) on:change=move |ev| { let v = event_target_value(&ev); state.update_docs(|db| { session_mut(db, id).record = v; vec![DocId::StudySession(id)] }) }></textarea></label>
            <label class="field"><span class="field-label">{state.tr(T::Bulletin)}</span>
                <textarea prop:value=move || sess.with(|s| s.bulletin.clone()) on:change=move |ev| { let v = event_target_value(&ev); state.update_docs(|db| { session_mut(db, id).bulletin = v; vec![DocId::StudySession(id)] }) }></textarea></label>
        </div>
    }
}
