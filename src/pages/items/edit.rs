//! The item form: title, category, proposer, member in charge, administrative flag, department,
//! materials and documents, the 第十七条 checklist, the 5万元 check, and the lifecycle buttons.

use crate::domain::doc::{DocId, DocKind};
use crate::records::Reads;
use leptos::prelude::*;

use super::fix::StepFix;
use super::list::status_class;
use crate::app::{navigate, use_app};
use crate::components::article_link::ArticleLink;
use crate::domain::article::cite;
use crate::domain::category::Category;
use crate::domain::db::Records;
use crate::domain::item::{AgendaItem, DocRef, ItemStatus, PrepChecklist, Proposer};
use crate::domain::rules::{self, expenditure};
use crate::domain::Id;
use crate::i18n::items::ItemsText as It;
use crate::i18n::meetings::MeetingsText as T;
use crate::router::Route;

/// 新建议题: creates an empty proposed item and opens it.
#[component]
pub fn ItemNewPage() -> impl IntoView {
    let state = use_app();
    let title = RwSignal::new(String::new());
    let err = RwSignal::new(false);
    let create = move |_| {
        let t = title.get_untracked();
        if t.trim().is_empty() {
            err.set(true);
            return;
        }
        let today = state.today.get_untracked();
        let mut id = 0;
        state.update_docs(|db| {
            id = db.new_id();
            db.items.add(AgendaItem {
                history: vec![crate::domain::item::StatusChange {
                    to: ItemStatus::Proposed,
                    date: today,
                    note: String::new(),
                }],
                ..AgendaItem::proposed(id, t.trim(), Category::Other, today)
            });
            vec![DocId::Item(id)]
        });
        navigate(&Route::Item(id));
    };
    view! {
        <section class="page">
            <h1>{state.tr(T::NewItem)}</h1>
            <label class="field card" class:has-error=move || err.get()>
                <span class="field-label">{state.tr(T::ItemTitle)}</span>
                <input type="text" data-testid="item-title" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                {move || err.get().then(|| view! { <span class="field-error" role="alert">{state.t(It::TitleRequired)}</span> })}
            </label>
            <button type="button" class="btn btn-primary" data-testid="item-create" on:click=create>{state.tr(T::Create)}</button>
        </section>
    }
}

/// The item page.
#[component]
pub fn ItemPage(
    /// Item id.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    let exists = Memo::new(move |_| state.db.reading(&[Reads::item(id)], |db| db.item(id).is_some()));
    let get = move |f: fn(&AgendaItem) -> String| {
        let m = Memo::new(move |_| state.db.reading(&[Reads::item(id)], |db| db.item(id).map(f).unwrap_or_default()));
        move || m.get()
    };
    let flag = move |f: fn(&AgendaItem) -> bool| {
        let m = Memo::new(move |_| state.db.reading(&[Reads::item(id)], |db| db.item(id).is_some_and(f)));
        move || m.get()
    };
    let edit = move |f: Box<dyn FnOnce(&mut AgendaItem)>| {
        state.update_docs(|db| {
            if let Some(i) = db.item_mut(id) {
                f(i)
            }
            vec![DocId::Item(id)]
        })
    };
    let frozen = Memo::new(move |_| {
        state.db.reading(&[Reads::item(id)], |db| {
            db.item(id).is_some_and(|i| {
                matches!(
                    i.status,
                    ItemStatus::Decided | ItemStatus::Implementing | ItemStatus::Done | ItemStatus::Withdrawn
                )
            })
        })
    });
    let members = Memo::new(move |_| {
        state.db.reading(&[Reads::Org], |db| {
            let today = state.today.get();
            db.org.roster_at(today).into_iter().map(|r| (r.member, db.org.member_name(r.member))).collect::<Vec<_>>()
        })
    });
    let depts = Memo::new(move |_| {
        state
            .db
            .reading(&[Reads::Org], |db| db.org.departments.iter().map(|d| (d.id, d.name.clone())).collect::<Vec<_>>())
    });
    let category = Memo::new(move |_| state.db.reading(&[Reads::item(id)], |db| db.item(id).map(|i| i.category)));
    let in_charge =
        Memo::new(move |_| state.db.reading(&[Reads::item(id)], |db| db.item(id).and_then(|i| i.in_charge)));
    let department =
        Memo::new(move |_| state.db.reading(&[Reads::item(id)], |db| db.item(id).and_then(|i| i.department)));
    let proposer = Memo::new(move |_| state.db.reading(&[Reads::item(id)], |db| db.item(id).map(|i| i.proposer)));
    let docs_n = Memo::new(move |_| {
        state.db.reading(&[Reads::item(id)], |db| db.item(id).map(|i| i.documents.len()).unwrap_or(0))
    });
    let amount = Memo::new(move |_| state.db.reading(&[Reads::item(id)], |db| db.item(id).and_then(|i| i.amount_yuan)));
    let check = move |f: fn(&PrepChecklist) -> bool| {
        let m =
            Memo::new(move |_| state.db.reading(&[Reads::item(id)], |db| db.item(id).is_some_and(|i| f(&i.checklist))));
        move || m.get()
    };
    let steps = Memo::new(move |_| {
        state.db.reading(&[Reads::item(id), Reads::Org], |db| {
            db.item(id).map(|i| rules::next_steps(i, &db.org)).unwrap_or_default()
        })
    });
    let status = Memo::new(move |_| state.db.reading(&[Reads::item(id)], |db| db.item(id).map(|i| i.status)));
    let history = Memo::new(move |_| {
        state.db.reading(&[Reads::item(id)], |db| db.item(id).map(|i| i.history.clone()).unwrap_or_default())
    });
    let meetings = Memo::new(move |_| {
        state.db.reading(&[Reads::Kind(DocKind::Meeting)], |db| {
            db.meetings
                .iter()
                .filter(|m| m.record(id).is_some())
                .map(|m| (m.id, crate::domain::summary::date_zh(m.date), m.kind.zh()))
                .collect::<Vec<_>>()
        })
    });
    // The refusal of the last step tried, shown in that step's row with its fix.
    let step_err = RwSignal::new(None::<(ItemStatus, rules::Blocker)>);
    let note = RwSignal::new(String::new());
    let go = move |to: ItemStatus| {
        let today = state.today.get_untracked();
        let n = note.get_untracked();
        let r = state.try_update_docs(|db| {
            let org = db.org.clone();
            let i = db.item_mut(id).ok_or(rules::Blocker::Finished)?;
            rules::transition(i, to, today, &n, &org).map(|()| ((), vec![DocId::Item(id)]))
        });
        match r {
            Ok(()) => {
                step_err.set(None);
                note.set(String::new())
            }
            Err(e) => step_err.set(Some((to, e))),
        }
    };
    let go_cb = Callback::new(go);
    let check_box = move |label: T,
                          get: fn(&PrepChecklist) -> bool,
                          set: fn(&mut PrepChecklist, bool),
                          testid: &'static str| {
        let on = check(get);
        view! {
            <label class="check">
                <input type="checkbox" data-testid=testid disabled=move || frozen.get() prop:checked=on on:change=move |ev| { let v = event_target_checked(&ev); edit(Box::new(move |i| set(&mut i.checklist, v))) }/>
                <span>{move || state.t(label)}</span>
            </label>
        }
    };
    view! {
        {move || if !exists.get() { view! { <section class="page"><p class="card">{state.t(It::NotFound)}</p></section> }.into_any() } else { view! {
        <section class="page item-page">
            <div class="page-head">
                <h1>{get(|i| i.title.clone())}</h1>
                {move || status.get().map(|s| view! { <span class=status_class(s) data-testid="item-status">{move || state.lang.get().of(&s)}</span> })}
            </div>
            <crate::components::conflict::ConflictNotice doc=crate::domain::doc::DocId::Item(id)/>
            <fieldset class="card lifecycle" data-testid="lifecycle">
                <legend>{state.tr(T::Lifecycle)}" "<ArticleLink article=cite::AGENDA/></legend>
                <label class="field">
                    <span class="field-label">{state.tr(It::StepNote)}</span>
                    <input type="text" data-testid="step-note" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
                </label>
                <div class="steps">
                    {move || steps.get().into_iter().map(|(to, res)| {
                        let label = move || state.lang.get().of(&to);
                        // A step refused when tried (a check that depends on the day) shows why, and
                        // its fix, in its own row.
                        let refused = move || step_err.get().filter(|(t, _)| *t == to).map(|(_, e)| e);
                        match res {
                            Ok(()) => view! {
                                <div class="step" data-to=format!("{to:?}")>
                                    <button type="button" class="btn btn-primary" data-testid="step" data-to=format!("{to:?}") on:click=move |_| go(to)>{"→ "}{label}</button>
                                    {move || refused().map(|e| view! {
                                        <span class="field-error" role="alert" data-testid="step-error">{let e2 = e.clone(); move || state.lang.get().of(&e2)}</span>
                                        <StepFix id=id blocker=e go=go_cb/>
                                    })}
                                </div>
                            }.into_any(),
                            Err(b) => view! {
                                <div class="step step-blocked" data-testid="step-blocked" data-to=format!("{to:?}")>
                                    <button type="button" class="btn" aria-disabled="true" disabled=true>{"→ "}{label}</button>
                                    <span class="step-why"><span class="field-error" data-testid="step-reason">{let b2 = b.clone(); move || state.lang.get().of(&b2)}</span>" "<ArticleLink article=b.article()/></span>
                                    <StepFix id=id blocker=b go=go_cb/>
                                </div>
                            }.into_any(),
                        }
                    }).collect_view()}
                </div>
                <details>
                    <summary>{state.tr(T::History)}</summary>
                    <ul>{move || history.get().into_iter().map(|h| view! { <li>{format!("{} {} {}", h.date, state.lang.get().of(&h.to), h.note)}</li> }).collect_view()}</ul>
                </details>
                <ul>{move || meetings.get().into_iter().map(|(m, d, k)| view! { <li><a href=Route::MeetingMinutes(m).href()>{format!("{d} {k}")}</a></li> }).collect_view()}</ul>
            </fieldset>
            <fieldset class="card" disabled=move || frozen.get()>
                <legend>{state.tr(T::Items)}</legend>
                <div class="grid2">
                    <label class="field field-wide">
                        <span class="field-label">{state.tr(T::ItemTitle)}</span>
                        <input type="text" data-testid="item-title" prop:value=get(|i| i.title.clone()) on:change=move |ev| { let v = event_target_value(&ev); if !v.trim().is_empty() { edit(Box::new(move |i| i.title = v.trim().into())) } }/>
                    </label>
                    <label class="field">
                        <span class="field-label">{state.tr(T::Category)}" "{move || category.get().map(|c| view! { <ArticleLink article=c.article()/> })}</span>
                        <select data-testid="item-category" on:change=move |ev| { if let Ok(c) = event_target_value(&ev).parse::<Category>() { edit(Box::new(move |i| i.category = c)) } }>
                            {Category::ALL.into_iter().map(|c| view! { <option value=c.to_string() selected=move || category.get() == Some(c)>{move || state.lang.get().of(&c)}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span class="field-label">{state.tr(T::Proposer)}</span>
                        <select data-testid="item-proposer" on:change=move |ev| { let v = event_target_value(&ev); let p = v.parse::<Id>().map(Proposer::Member).unwrap_or(Proposer::Secretary); edit(Box::new(move |i| i.proposer = p)) }>
                            <option value="s" selected=move || proposer.get() == Some(Proposer::Secretary)>{state.tr(T::BySecretary)}</option>
                            {move || members.get().into_iter().map(|(m, n)| view! { <option value=m.to_string() selected=move || proposer.get() == Some(Proposer::Member(m))>{format!("{}{}{n}", state.t(T::ByMember), state.colon())}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span class="field-label">{state.tr(T::InCharge)}</span>
                        <select data-testid="item-in-charge" on:change=move |ev| { let v = event_target_value(&ev).parse::<Id>().ok(); edit(Box::new(move |i| i.in_charge = v)) }>
                            <option value="">{state.tr(T::NoneOption)}</option>
                            {move || members.get().into_iter().map(|(m, n)| view! { <option value=m.to_string() selected=move || in_charge.get() == Some(m)>{n}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span class="field-label">{state.tr(T::Department)}</span>
                        <select data-testid="item-department" on:change=move |ev| { let v = event_target_value(&ev).parse::<Id>().ok(); edit(Box::new(move |i| i.department = v)) }>
                            <option value="">{state.tr(T::NoneOption)}</option>
                            {move || depts.get().into_iter().map(|(d, n)| view! { <option value=d.to_string() selected=move || department.get() == Some(d)>{n}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="check">
                        <input type="checkbox" data-testid="item-administrative" prop:checked=flag(|i| i.administrative) on:change=move |ev| { let v = event_target_checked(&ev); edit(Box::new(move |i| i.administrative = v)) }/>
                        <span>{state.tr(T::Administrative)}</span>
                    </label>
                    <label class="check">
                        <input type="checkbox" data-testid="item-branch-report" prop:checked=flag(|i| i.branch_report) on:change=move |ev| { let v = event_target_checked(&ev); edit(Box::new(move |i| i.branch_report = v)) }/>
                        <span>{state.tr(T::BranchReportItem)}</span>
                    </label>
                </div>
                <label class="field">
                    <span class="field-label">{state.tr(T::MaterialsText)}" "<ArticleLink article=cite::MATERIALS/></span>
                    <textarea rows="5" data-testid="item-materials" prop:value=get(|i| i.materials.clone()) on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |i| i.materials = v)) }></textarea>
                </label>
                <div class="docs">
                    <strong>{state.tr(T::Documents)}</strong>
                    {move || (0..docs_n.get()).map(|k| {
                        let num = Memo::new(move |_| state.db.reading(&[Reads::item(id)], |db| db.item(id).and_then(|i| i.documents.get(k)).map(|d| (d.number.clone(), d.title.clone())).unwrap_or_default()));
                        view! {
                            <div class="grid3 doc-row">
                                <label class="field"><span class="field-label">{state.t(T::DocNumber)}</span>
                                    <input type="text" prop:value=move || num.get().0 on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |i| if let Some(d) = i.documents.get_mut(k) { d.number = v })) }/></label>
                                <label class="field"><span class="field-label">{state.t(T::DocTitle)}</span>
                                    <input type="text" prop:value=move || num.get().1 on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |i| if let Some(d) = i.documents.get_mut(k) { d.title = v })) }/></label>
                                <button type="button" class="btn btn-quiet btn-danger" on:click=move |_| edit(Box::new(move |i| { if k < i.documents.len() { i.documents.remove(k); } }))>{state.t(T::Remove)}</button>
                            </div>
                        }
                    }).collect_view()}
                    <button type="button" class="btn btn-small" on:click=move |_| edit(Box::new(|i| i.documents.push(DocRef::default())))>{state.tr(T::AddDocument)}</button>
                </div>
                <fieldset class="subset">
                    <legend>{state.tr(T::Checklist)}" "<ArticleLink article=cite::MAJOR_DECISION/></legend>
                    {move || category.get().filter(|c| c.is_major_decision()).map(|_| view! { <p class="muted">{state.t(It::MajorDecisionNeedsAll)}</p> })}
                    {check_box(T::Research, |c| c.research, |c, v| c.research = v, "chk-research")}
                    {check_box(T::Consultation, |c| c.consultation, |c, v| c.consultation = v, "chk-consultation")}
                    {check_box(T::Risk, |c| c.risk_assessment, |c, v| c.risk_assessment = v, "chk-risk")}
                    {check_box(T::Legality, |c| c.legality_review, |c, v| c.legality_review = v, "chk-legality")}
                </fieldset>
                <label class="field">
                    <span class="field-label">{state.tr(T::Amount)}" "<ArticleLink article=cite::EXPENDITURE/></span>
                    <input type="number" min="0" inputmode="numeric" data-testid="item-amount" prop:value=move || amount.get().map(|a| a.to_string()).unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev).trim().parse::<u64>().ok(); edit(Box::new(move |i| i.amount_yuan = v)) }/>
                    {move || amount.get().map(|a| state.db.reading(&[Reads::SETTINGS], |db| {
                        let must = expenditure::must_go_to_group(a, &db.settings);
                        let text = state.pick(expenditure::explain_zh(a, &db.settings), expenditure::explain_en(a, &db.settings));
                        view! { <span class=if must { "pill pill-warn" } else { "pill" } data-testid="expenditure-check">{text}</span> }
                    }))}
                </label>
            </fieldset>
        </section>
        }.into_any() }}
    }
}
