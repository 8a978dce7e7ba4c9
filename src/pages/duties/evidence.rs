//! Evidence records that are not meetings (履职记录): reports, assessment, lectures, integrity
//! talks (who with whom), ideology briefings, the study plan, contact points and 访惠聚 village
//! days (accumulating towards the yearly figure per main leader).

use chrono::Datelike;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::components::duty_ui::{
    department_options, id_from_hash, member_options, parse_date, DutyTabs, FieldError, IdSelect,
};
use crate::components::pager::{limit_showing, Pager};
use crate::domain::db::Records;
use crate::domain::doc::DocId;
use crate::domain::evidence::{Evidence, EvidenceKind};
use crate::domain::evidence_text::check_evidence;
use crate::domain::rules::{evaluate_duties, DutyKind};
use crate::domain::Id;
use crate::i18n::duties::DutiesText as T;
use crate::i18n::phrases::Phrase;
use crate::router::Route;

/// The evidence screen.
#[component]
pub fn EvidencePage() -> impl IntoView {
    let state = use_app();
    let year = state.today.get_untracked().year();
    let focus = id_from_hash();
    let village = move || {
        let today = state.today.get();
        state.db.with(|db| {
            evaluate_duties(db, today.year(), today)
                .into_iter()
                .find(|d| d.duty == DutyKind::VillageDays)
                .map(|d| {
                    d.per_member
                        .iter()
                        .map(|(m, done, req)| (*m, db.org.member_name(*m), *done, *req))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let records = Memo::new(move |_| {
        let lang = state.lang.get();
        state.db.with(|db| {
            let mut v: Vec<_> = db
                .evidence
                .iter()
                .map(|e| {
                    let who = e.member.map(|m| db.org.member_name(m)).unwrap_or_default();
                    let with = e.counterpart.map(|m| db.org.member_name(m)).or_else(|| {
                        e.department.and_then(|d| db.org.department(d)).map(|d| {
                            if d.head.is_empty() {
                                d.name.clone()
                            } else {
                                format!("{}（{}）", d.name, d.head)
                            }
                        })
                    });
                    let kind = lang.of(&e.kind);
                    (e.id, e.date, kind, e.kind, who, with, e.days, e.note.clone())
                })
                .collect();
            crate::domain::sort::sort_by(&mut v, |a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
            v
        })
    });
    let total = Signal::derive(move || records.with(|r| r.len()));
    // Newest first, one page at a time; a record linked from elsewhere (#/duties/evidence?id=…)
    // is always within the rows shown.
    let limit =
        RwSignal::new(limit_showing(focus.and_then(|f| records.with_untracked(|r| r.iter().position(|x| x.0 == f)))));
    view! {
        <section class="page evidence-page">
            <h1>{state.tr(T::EvidenceTitle)}</h1>
            <DutyTabs current=Route::Evidence year=year/>
            <p class="muted">{state.tr(T::EvidenceIntro)}</p>
            <EvidenceForm/>
            <div class="card">
                <h2>{state.tr(T::VillageDays)}" "<ArticleLink article=DutyKind::VillageDays.article()/></h2>
                <ul class="list" data-testid="village-summary">
                    {move || village().into_iter().map(|(id, name, done, req)| view! {
                        <li class="duty-village" data-testid="village-member" data-member=id.to_string() data-done=done.to_string() data-required=req.to_string()>
                            <span>{name}</span>" "
                            <span class={if done >= req { "pill pill-ok" } else { "pill pill-warn" }}>{state.tr(T::DaysSoFar)}" "{format!("{done}/{req}")}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
            <div class="card">
                <ul class="list evidence-list" data-testid="evidence-list">
                    {move || {
                        let rows = records.get();
                        if rows.is_empty() {
                            return view! { <li class="muted">{state.t(T::NoEvidence)}</li> }.into_any();
                        }
                        rows.into_iter().take(limit.get()).map(|(id, date, kind, k, who, with, days, note)| {
                            let remove = move |_| state.update_docs(|db| { db.evidence.retain(|e| e.id != id); vec![DocId::Evidence(id)] });
                            view! {
                                <li class="evidence-row" class:focused=focus == Some(id) data-testid="evidence-row" id=format!("evidence-{id}")>
                                    <div>
                                        <strong>{date.to_string()}" "{kind}</strong>" "<ArticleLink article=k.article()/>
                                        <div class="muted">
                                            {who}
                                            {with.map(|w| format!(" ↔ {w}"))}
                                            {days.map(|d| format!(" {}", state.lang.get_untracked().of(&Phrase::Days(d as i64))))}
                                            {(!note.is_empty()).then(|| format!(" · {note}"))}
                                        </div>
                                    </div>
                                    <button type="button" class="btn btn-quiet btn-danger no-print" on:click=remove>{state.tr(T::Delete)}</button>
                                </li>
                            }
                        }).collect_view().into_any()
                    }}
                </ul>
                <Pager total=total limit=limit/>
            </div>
        </section>
    }
}

#[component]
fn EvidenceForm() -> impl IntoView {
    let state = use_app();
    let kind = RwSignal::new(EvidenceKind::IntegrityTalk);
    let date = RwSignal::new(state.today.get_untracked().to_string());
    let member = RwSignal::new(None::<Id>);
    let counterpart = RwSignal::new(None::<Id>);
    let department = RwSignal::new(None::<Id>);
    let days = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(u8, FieldError)>);
    let saved = RwSignal::new(false);
    let members = Signal::derive(move || member_options(state.today.get()));
    let departments = Signal::derive(department_options);
    let err_of =
        move |k: u8| Signal::derive(move || error.get().filter(|e| e.0 == k).map(|e| state.lang.get().of(&e.1)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let Some(d) = parse_date(&date.get_untracked()) else {
            error.set(Some((1, FieldError::Text(T::ErrDate))));
            return;
        };
        let k = kind.get_untracked();
        let days_v = if k.has_days() {
            match days.get_untracked().trim().parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => Some(0),
            }
        } else {
            None
        };
        let mut e = Evidence {
            id: 0,
            kind: k,
            date: d,
            member: member.get_untracked(),
            counterpart: if k.has_counterpart() { counterpart.get_untracked() } else { None },
            department: if k.has_counterpart() { department.get_untracked() } else { None },
            days: days_v,
            note: note.get_untracked().trim().to_string(),
        };
        if let Some(p) = check_evidence(&e) {
            use crate::domain::evidence_text::EvidenceProblem as P;
            let slot = match p {
                P::MemberNeeded => 2,
                P::CounterpartNeeded | P::SelfTalk => 3,
                P::DaysOutOfRange => 4,
                P::NoteNeeded => 5,
            };
            error.set(Some((slot, FieldError::Evidence(p))));
            return;
        }
        state.update_docs(|db| {
            e.id = db.new_id();
            let id = e.id;
            db.evidence.add(e);
            vec![DocId::Evidence(id)]
        });
        error.set(None);
        note.set(String::new());
        days.set(String::new());
        saved.set(true);
    };
    view! {
        <form class="card no-print" on:submit=submit data-testid="evidence-form">
            <h2>{state.tr(T::Add)}" "{state.tr(T::EvidenceTitle)}</h2>
            <div class="grid3">
                <label class="field">
                    <span class="field-label">{state.tr(T::Kind)}</span>
                    <select data-testid="evidence-kind" on:change=move |ev| { if let Some(k) = EvidenceKind::from_key(&event_target_value(&ev)) { kind.set(k) } }>
                        {EvidenceKind::ALL.into_iter().map(|k| view! {
                            <option value=k.key() selected=move || kind.get() == k>{move || state.lang.get().of(&k)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field" class:has-error=move || err_of(1).get().is_some()>
                    <span class="field-label">{state.tr(T::Date)}</span>
                    <input type="date" data-testid="evidence-date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                    {move || err_of(1).get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
                </label>
                <IdSelect label=state.tr_signal(T::Member) options=members value=member empty=state.tr_signal(T::None_) testid="evidence-member" error=err_of(2)/>
                <Show when=move || kind.get().has_counterpart()>
                    <IdSelect label=state.tr_signal(T::Counterpart) options=members value=counterpart empty=state.tr_signal(T::None_) testid="evidence-counterpart" error=err_of(3)/>
                    <IdSelect label=state.tr_signal(T::CounterpartDept) options=departments value=department empty=state.tr_signal(T::None_) testid="evidence-department"/>
                </Show>
                <Show when=move || kind.get().has_days()>
                    <label class="field" class:has-error=move || err_of(4).get().is_some()>
                        <span class="field-label">{state.tr(T::Days)}</span>
                        <input type="number" inputmode="numeric" data-testid="evidence-days" prop:value=move || days.get() on:input=move |ev| days.set(event_target_value(&ev))/>
                        {move || err_of(4).get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
                    </label>
                </Show>
            </div>
            <label class="field" class:has-error=move || err_of(5).get().is_some()>
                <span class="field-label">{state.tr(T::NoteText)}</span>
                <input type="text" data-testid="evidence-note" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
                {move || err_of(5).get().map(|e| view! { <span class="field-error" role="alert">{e}</span> })}
            </label>
            <div class="row gap">
                <button type="submit" class="btn btn-primary" data-testid="evidence-add">{state.tr(T::Add)}</button>
                {move || saved.get().then(|| view! { <span class="ok" role="status">{state.t(T::SavedOk)}</span> })}
            </div>
        </form>
    }
}
