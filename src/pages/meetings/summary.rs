//! The summary (会议纪要): generate the draft from the minutes, edit it, number it per year
//! (〔2026〕3号), print it on A4 in the official layout, and sign it off (签发: the secretary,
//! who and when) which locks the meeting record (存档备查).

use crate::domain::doc::{DocId, DocKind};
use crate::records::Reads;
use leptos::prelude::*;

use super::{now, MeetingHeader, MeetingScreen};
use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::components::confirm::ConfirmPanel;
use crate::components::office_export::OfficeExport;
use crate::domain::article::cite;
use crate::domain::meeting::MeetingStage;
use crate::domain::official::{issue_note, summary_blocks, Block, IssueNote};
use crate::domain::summary::{self, attendance_lines, date_zh, heading, number_label, SummaryError};
use crate::domain::Id;
use crate::i18n::meetings::MeetingsText as T;
use crate::i18n::Text;
use crate::office::build::OfficeFile;

/// Lays out a few hidden characters in the 纪要's fonts (仿宋, 小标宋 and 黑体, or their
/// fallbacks), then removes them after the next frame. Called once the browser is idle after
/// loading, so that the first opening of the 纪要 does not also open those fonts: a CJK serif
/// font is a file of tens of MB, and the browser opens it on first use, inside the layout of the
/// screen that needs it.
#[cfg(target_arch = "wasm32")]
pub fn warm_up_fonts() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Ok(el), Some(body)) = (doc.create_element("div"), doc.body()) else { return };
    el.set_class_name("official font-warmup");
    let _ = el.set_attribute("aria-hidden", "true");
    el.set_inner_html(r#"<p class="official-title">会议纪要</p><div class="official-body"><p>议定事项</p><p class="official-h">一、</p></div>"#);
    if body.append_child(&el).is_ok() {
        // The frame lays it out (opening the fonts); the task after the frame removes it.
        request_animation_frame(move || set_timeout(move || el.remove(), std::time::Duration::ZERO));
    }
}

/// An irreversible step of this screen waiting for its confirmation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ask {
    Regenerate,
    Sign,
}

/// The summary screen.
#[component]
pub fn SummaryPage(
    /// Meeting id.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    let err = RwSignal::new(None::<SummaryError>);
    let show = move |r: Result<(), SummaryError>| match r {
        Ok(()) => err.set(None),
        Err(e) => err.set(Some(e)),
    };
    let stage = Memo::new(move |_| state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).map(|m| m.stage)));
    let has_summary = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).is_some_and(|m| m.summary.is_some()))
    });
    let text = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).and_then(|m| m.summary.as_ref().map(|s| s.text.clone())).unwrap_or_default()
        })
    });
    let signer = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            db.meeting(id).and_then(|m| db.org.secretary_at(m.date).or(m.chair))
        })
    });
    let signed = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            db.meeting(id)
                .and_then(|m| m.summary.as_ref())
                .and_then(|s| s.signed.clone())
                .map(|s| (db.org.member_name(s.by), crate::domain::date_format::stamp(s.at, "-", " ", ":", false)))
        })
    });
    // The irreversible step being asked about, if any.
    let asking = RwSignal::new(None::<Ask>);
    let can_undo = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).and_then(|m| m.summary.as_ref()).is_some_and(|s| s.replaced.is_some())
        })
    });
    let undecided = Signal::derive(move || {
        let lang = state.lang.get();
        state.db.reading(&[Reads::meeting(id), Reads::Kind(DocKind::Item)], |db| {
            db.meeting(id)
                .map(|m| {
                    summary::undecided_items(m)
                        .into_iter()
                        .map(|i| db.item(i).map(|x| x.title.clone()).unwrap_or_default())
                        .map(|t| format!("{t}{}{}", lang.colon(), T::NoValidDecision.get(lang)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <MeetingScreen id=id>
            <section class="page meeting-summary">
                <div class="no-print">
                    <MeetingHeader id=id active=T::TabSummary/>
                    {move || err.get().map(|e| view! { <p class="field-error" role="alert" data-testid="summary-error">{move || state.lang.get().of(&e)}</p> })}
                    <div class="card">
                        <div class="row gap wrap">
                            {move || (stage.get() == Some(MeetingStage::Closed)).then(|| view! {
                                <button type="button" class="btn" data-testid="summary-generate" on:click=move |_| {
                                    // A first draft replaces nothing; a regeneration asks first.
                                    if has_summary.get_untracked() { asking.set(Some(Ask::Regenerate)) } else { show(state.try_update_docs(|db| summary::generate(db, id).map(|()| ((), vec![DocId::Meeting(id)])))) }
                                }>
                                    {move || if has_summary.get() { state.t(T::RegenerateSummary) } else { state.t(T::GenerateSummary) }}
                                </button>
                            })}
                            {move || (stage.get() == Some(MeetingStage::Closed) && can_undo.get()).then(|| view! {
                                <button type="button" class="btn" data-testid="summary-undo" on:click=move |_| {
                                    show(super::try_meeting(state, id, SummaryError::NoSummary, summary::undo_regenerate))
                                }>{state.t(T::UndoRegenerate)}</button>
                            })}
                            {move || (stage.get() == Some(MeetingStage::Closed) && has_summary.get()).then(|| view! {
                                <button type="button" class="btn btn-primary" data-testid="summary-sign" on:click=move |_| asking.set(Some(Ask::Sign))>{move || {
                                    let who = state.db.reading(&[Reads::Org], |db| signer.get().map(|s| db.org.member_name(s)).unwrap_or_default());
                                    format!("{}{}", state.t(T::Sign), state.lang.get().bracketed(&who))
                                }}</button>
                            })}
                            {move || has_summary.get().then(|| view! {
                                <button type="button" class="btn" data-testid="summary-print" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{state.t(T::Print)}</button>
                                <OfficeExport file=OfficeFile::Summary(id) testid="summary-docx"/>
                            })}
                            <ArticleLink article=cite::MINUTES/>
                        </div>
                        {move || matches!(stage.get(), Some(MeetingStage::Planned | MeetingStage::InProgress)).then(|| view! {
                            <p class="muted">{move || state.lang.get().of(&SummaryError::NotClosed)}</p>
                        })}
                        {move || (stage.get() == Some(MeetingStage::Closed)).then(|| asking.get()).flatten().map(|ask| match ask {
                            Ask::Regenerate => {
                                let replaces = state.db.with_untracked(|db| summary::regenerate_replaces(db, id));
                                match replaces {
                                    None => view! { <p class="muted" data-testid="regenerate-same">{state.t(T::RegenerateSame)}</p> }.into_any(),
                                    Some(old) => view! {
                                        <ConfirmPanel message=state.tr_signal(T::RegenerateAsk) points=Signal::derive(Vec::new)
                                            confirm_label=state.tr_signal(T::ConfirmRegenerate) testid="regenerate-confirm"
                                            on_confirm=Callback::new(move |()| { asking.set(None); show(state.try_update_docs(|db| summary::generate(db, id).map(|()| ((), vec![DocId::Meeting(id)])))) })
                                            on_cancel=Callback::new(move |()| asking.set(None))>
                                            <p class="field-label">{state.t(T::CurrentDraft)}</p>
                                            <pre class="draft-preview" data-testid="regenerate-old">{old}</pre>
                                        </ConfirmPanel>
                                    }.into_any(),
                                }
                            }
                            Ask::Sign => view! {
                                <ConfirmPanel message=Signal::derive(move || if undecided.with(Vec::is_empty) { state.t(T::SignAsk).to_string() } else { format!("{}{}{}", state.t(T::SignAsk), state.t(T::SentenceSep), state.t(T::SignUndecided)) }) points=undecided
                                    confirm_label=state.tr_signal(T::ConfirmSign) testid="sign-confirm"
                                    on_confirm=Callback::new(move |()| {
                                        let by = signer.get_untracked().unwrap_or(0);
                                        let at = now();
                                        asking.set(None);
                                        // Signing changes the meeting alone (its 纪要 and stage).
                                        show(state.try_update_docs(|db| summary::sign(db, id, by, at).map(|()| ((), vec![DocId::Meeting(id)]))))
                                    })
                                    on_cancel=Callback::new(move |()| asking.set(None))>
                                    <p class="field-label">{state.t(T::SignPreview)}</p>
                                    <pre class="draft-preview" data-testid="sign-preview">{move || text.get()}</pre>
                                </ConfirmPanel>
                            }.into_any(),
                        })}
                        {move || signed.get().map(|(who, at)| view! {
                            <p class="pill pill-ok" data-testid="signed-line">{format!("{}{c}{who}{}{}{c}{at}", state.t(T::SignedBy), state.t(T::SignedSep), state.t(T::SignedAt), c = state.colon())}</p>
                            <p class="muted">{state.t(T::Locked)}</p>
                        })}
                        {move || (stage.get() == Some(MeetingStage::Closed) && has_summary.get()).then(|| view! {
                            <label class="field">
                                <span class="field-label">{state.t(T::SummaryText)}</span>
                                <textarea rows="14" data-testid="summary-text" prop:value=move || text.get()
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        show(super::try_meeting(state, id, SummaryError::NoSummary, |m| summary::edit_text(m, v)))
                                    }></textarea>
                            </label>
                        })}
                    </div>
                </div>
                <PrintedSummary id=id/>
            </section>
        </MeetingScreen>
    }
}

/// The summary as printed (A4, official layout); also the on-screen preview.
#[component]
fn PrintedSummary(id: Id) -> impl IntoView {
    let state = use_app();
    move || {
        state.db.with(|db| {
        let m = db.meeting(id)?;
        let s = m.summary.as_ref()?;
        // The body exactly as signed; amendments follow it as an annex, never in its place.
        let text = s.text.clone();
        let issued = s.signed.as_ref().map(|x| x.at.date()).unwrap_or(m.date);
        Some(view! {
            <article class="official" data-testid="printed-summary" lang="zh-CN">
                <h1 class="official-title" data-testid="summary-heading">{heading(&db.org.unit_name)}</h1>
                <p class="official-number" data-testid="summary-number">{number_label(s.year, s.number)}</p>
                <div class="official-meta">
                    <span>{format!("{}党组", db.org.unit_name)}</span>
                    <span>{date_zh(m.date)}</span>
                </div>
                <hr class="official-rule"/>
                <div class="official-body">
                    {summary_blocks(&text).into_iter().map(|b| match b {
                        Block::Blank => view! { <p class="blank"></p> }.into_any(),
                        Block::Heading(h) => view! { <p class="official-h">{h}</p> }.into_any(),
                        Block::Para(p) => view! { <p>{p}</p> }.into_any(),
                    }).collect_view()}
                </div>
                <dl class="official-attendance">
                    {attendance_lines(&db.org, m).into_iter().map(|(g, v)| view! { <dt class="att-label">{format!("{}：", g.zh())}</dt><dd>{v}</dd> }).collect_view()}
                </dl>
                {(!m.amendments.is_empty()).then(|| view! {
                    <div class="official-amendments" data-testid="amendment-annex">
                        {summary::amendment_annex(db, m).into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                    </div>
                })}
                <Imprint note=issue_note(&db.settings.issue, &db.org, issued)/>
            </article>
        })
    })
    }
}

/// The 版记 (GB/T 9704-2012 §7.4): 分送, then 印发机关 and 印发日期, between rules.
#[component]
fn Imprint(
    /// What it says.
    note: IssueNote,
) -> impl IntoView {
    view! {
        <div class="official-imprint" data-testid="summary-imprint">
            {(!note.copy_to.is_empty()).then(|| view! { <p class="imprint-copy">{format!("分送：{}", note.copy_to)}</p> })}
            <p class="imprint-issue"><span>{note.issuer}</span><span>{note.date}</span></p>
        </div>
    }
}
