//! A record's versions kept from a conflict (an import or another tab): what differs, and
//! settling it by keeping the record as it is or taking the other version. Shown on the
//! record's own screen and in the data page's list of records in conflict.

use leptos::prelude::*;
use serde_json::Value;

use crate::app::use_app;
use crate::backup::merge::differing_fields;
use crate::domain::doc::{doc_value, DocId};
use crate::domain::revision::{self, ConflictVersion, SettleError};
use crate::i18n::phrases::Phrase;
use crate::i18n::records::{field_list, field_name, Rt};
use crate::i18n::Text;
use crate::records::Reads;

/// The conflict notice of one record; nothing while it has no kept version.
#[component]
pub fn ConflictNotice(
    /// The record.
    doc: DocId,
    /// A heading naming the record (for lists of several records); none on the record's own
    /// screen.
    #[prop(optional)]
    label: Option<(String, String)>,
) -> impl IntoView {
    let state = use_app();
    let kept = Memo::new(move |_| {
        // The versions kept live in the record's revision entry, which changes with the record.
        state
            .db
            .reading(&[Reads::Doc(doc)], |db| db.revs.get(&doc).map(|r| r.conflicts.clone()).filter(|c| !c.is_empty()))
    });
    move || {
        let label = label.clone();
        kept.get().map(|versions| {
            view! {
                <div class="card banner-warn conflict-notice no-print" role="status" data-testid="conflict-notice" data-doc=doc.to_string()>
                    {label.map(|(zh, en)| view! { <h3>{move || state.lang.get().pick(zh.clone(), en.clone())}</h3> })}
                    {versions.into_iter().enumerate().map(|(i, v)| view! { <KeptVersion doc=doc index=i version=v/> }).collect_view()}
                </div>
            }
        })
    }
}

/// One kept version: what differs, and the two ways to settle it.
#[component]
fn KeptVersion(
    /// The record.
    doc: DocId,
    /// Its place among the record's kept versions.
    index: usize,
    /// The version.
    version: ConflictVersion,
) -> impl IntoView {
    let state = use_app();
    let r = move |k: Rt| k.get(state.lang.get());
    let error = RwSignal::new(None::<SettleError>);
    let deleted = version.body.is_none();
    let protected = version.protected;
    let here = state.db.with_untracked(|db| doc_value(db, doc));
    let fields = differing_fields(here.as_ref(), version.body.as_ref());
    let values = scalar_values(here.as_ref(), version.body.as_ref(), &fields);
    let settle = move |take: bool| {
        let out = state.try_update_docs(|db| {
            if take { revision::settle_take(db, doc, index) } else { revision::settle_keep(db, doc, index) }
                .map(|()| ((), vec![doc]))
        });
        error.set(out.err());
    };
    view! {
        <div class="kept-version">
            <p><strong>{state.tr(Rt::NoticeTitle)}</strong></p>
            <p>{state.tr(Rt::NoticeText)}</p>
            {(!fields.is_empty()).then(|| {
                let fields = fields.clone();
                view! { <p data-testid="conflict-fields">{move || format!("{}{}", r(Rt::DiffersIn), field_list(&fields, state.lang.get()))}</p> }
            })}
            {(!values.is_empty()).then(|| view! {
                <ul class="conflict-values" data-testid="conflict-values">
                    {values.into_iter().map(|(key, a, b)| view! {
                        <li>{move || format!("{}：{}「{a}」 · {}「{b}」", field_name(&key, state.lang.get()), r(Rt::ValueHere), r(Rt::ValueThere))}</li>
                    }).collect_view()}
                </ul>
            })}
            {deleted.then(|| view! { <p>{state.tr(Rt::NoticeDeleted)}</p> })}
            {protected.then(|| view! { <p>{state.tr(Rt::NoticeProtected)}</p> })}
            <div class="actions">
                <button type="button" class="btn" on:click=move |_| settle(false) data-testid="settle-keep">{state.tr(Rt::SettleKeep)}</button>
                {(!protected).then(|| view! {
                    <button type="button" class="btn" on:click=move |_| settle(true) data-testid="settle-take">{state.tr(Rt::SettleTake)}</button>
                })}
            </div>
            {move || error.get().map(|e| view! {
                <p class="field-error" role="alert">{move || format!("{}{}", r(Rt::SettleFailed), state.lang.get().of(&e))}</p>
            })}
        </div>
    }
}

/// The differing `fields` whose values are plain text, numbers or dates, as (field, value shown
/// now, the other version's value): what a user needs to choose, without reading JSON.
fn scalar_values(here: Option<&Value>, there: Option<&Value>, fields: &[String]) -> Vec<(String, String, String)> {
    fn text(v: Option<&Value>) -> Option<String> {
        match v {
            None | Some(Value::Null) => Some(String::new()),
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(Value::Bool(b)) => Some(b.to_string()),
            _ => None,
        }
    }
    fields
        .iter()
        .filter(|f| !f.contains('.'))
        .filter_map(|f| {
            let a = text(here.and_then(|v| v.get(f)))?;
            let b = text(there.and_then(|v| v.get(f)))?;
            Some((f.clone(), a, b))
        })
        .collect()
}

/// This tab and another changed the same records at once: both versions were kept; the
/// records are named until the banner is dismissed.
#[component]
pub fn TabConflictBanner() -> impl IntoView {
    let state = use_app();
    move || {
        let docs = state.tab_conflicts.get();
        (!docs.is_empty()).then(|| {
            let names = move || {
                let lang = state.lang.get();
                state.db.with(|db| {
                    docs.iter()
                        .map(|d| {
                            let (a, b) = crate::backup::merge::labels(db, db, *d);
                            lang.pick(a, b)
                        })
                        .collect::<Vec<_>>()
                        .join(&lang.of(&Phrase::ListSeparator))
                })
            };
            view! {
                <div class="banner banner-warn" role="alert" data-testid="tab-conflict">
                    <strong>{state.tr(Rt::TabConflictTitle)}</strong>
                    <p>{state.tr(Rt::TabConflictText)}{names}</p>
                    <button type="button" class="btn btn-quiet" on:click=move |_| state.tab_conflicts.set(Vec::new())>{state.tr(Rt::Dismiss)}</button>
                </div>
            }
        })
    }
}
