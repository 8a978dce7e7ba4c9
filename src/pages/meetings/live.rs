//! The live meeting screen (tablet first): attendance with big toggles, 不计入应到会, observers,
//! the live quorum banners, and per item recusals, speaker notes, the vote (open votes one row
//! per member with the chair last; secret ballots as totals only), the result with arithmetic,
//! reservations, the decision, superseding an earlier decision and follow-up tasks.
//! Every action is saved at once; the screen resumes at `Meeting::current_item`.

use crate::domain::doc::{DocId, DocKind};
use crate::records::Reads;
use leptos::prelude::*;

use super::{now, MeetingHeader, MeetingScreen};
use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::components::confirm::ConfirmPanel;
use crate::components::quorum_banner::QuorumBanner;
use crate::domain::article::cite;
use crate::domain::conduct::{self, ConductError};
use crate::domain::db::Db;
use crate::domain::item::DecisionRef;
use crate::domain::meeting::{Ballot, MeetingStage, Presence, Speaker, SpeechNote};
use crate::domain::rules;
use crate::domain::Id;
use crate::i18n::meetings::MeetingsText as T;
use crate::i18n::{role_short_label, Message, Text};
use crate::router::Route;

/// The live screen.
#[component]
pub fn LivePage(
    /// Meeting id.
    id: Id,
) -> impl IntoView {
    view! {
        <MeetingScreen id=id>
            <section class="page meeting-live">
                <MeetingHeader id=id active=T::TabLive/>
                <StageBar id=id/>
                <div class="live-grid">
                    <AttendancePanel id=id/>
                    <ItemArea id=id/>
                </div>
                <EndMeeting id=id/>
            </section>
        </MeetingScreen>
    }
}

/// Bring the current item's top into view (below the app's pinned top bar: see the item area's
/// `scroll-margin-top`), after the frame that shows it.
fn scroll_to_item() {
    request_animation_frame(|| {
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("current-item"))
        {
            el.scroll_into_view();
        }
    });
}

fn stage_of(id: Id) -> Memo<Option<MeetingStage>> {
    let state = use_app();
    Memo::new(move |_| state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).map(|m| m.stage)))
}

/// The step at the top of the screen: 宣布开会 before the meeting, 恢复会议 after 散会 (until
/// 签发), links to the minutes and the summary afterwards. 散会 is never here: it sits apart, below
/// the agenda ([`EndMeeting`]), so a second tap on 宣布开会 cannot end the meeting.
#[component]
fn StageBar(id: Id) -> impl IntoView {
    let state = use_app();
    let stage = stage_of(id);
    let err = RwSignal::new(None::<Message>);
    let run = move |f: fn(&mut Db, Id) -> Result<Vec<DocId>, ConductError>| match state
        .try_update_docs(|db| f(db, id).map(|docs| ((), docs)))
    {
        Ok(()) => err.set(None),
        Err(e) => err.set(Some(Message::new(e))),
    };
    let links = move || {
        view! {
            <a class="btn" href=Route::MeetingMinutes(id).href()>{state.t(T::TabMinutes)}</a>
            <a class="btn" href=Route::MeetingSummary(id).href()>{state.t(T::TabSummary)}</a>
        }
    };
    view! {
        <div class="stage-bar no-print">
            {move || match stage.get() {
                Some(MeetingStage::Planned) => view! {
                    <button type="button" class="btn btn-primary" data-testid="open-meeting" on:click=move |_| {
                        run(conduct::start);
                        // Opened: the current item comes to the top of the screen.
                        if err.get_untracked().is_none() {
                            scroll_to_item();
                        }
                    }>{state.t(T::OpenMeeting)}</button>
                }.into_any(),
                Some(MeetingStage::InProgress) => view! {
                    <p class="muted stage-note" data-testid="in-progress-note">{state.t(T::InProgressHint)}</p>
                }.into_any(),
                Some(MeetingStage::Closed) => view! {
                    <p class="muted" data-testid="resume-hint">{state.t(T::ResumeHint)}</p>
                    <button type="button" class="btn" data-testid="resume-meeting" on:click=move |_| run(|db, id| conduct::reopen(db, id).map(|()| vec![DocId::Meeting(id)]))>{state.t(T::ResumeMeeting)}</button>
                    {links()}
                }.into_any(),
                _ => links().into_any(),
            }}
            {move || err.get().map(|e| view! { <span class="field-error" role="alert" data-testid="stage-error">{move || state.lang.get().of(&e)}</span> })}
        </div>
    }
}

/// 散会, apart from 宣布开会 at the foot of the screen: it asks first and lists the items not
/// voted on and the votes not closed (see [`conduct::unfinished`]).
#[component]
fn EndMeeting(id: Id) -> impl IntoView {
    let state = use_app();
    let stage = stage_of(id);
    let asking = RwSignal::new(false);
    let err = RwSignal::new(None::<Message>);
    let points = Signal::derive(move || {
        let lang = state.lang.get();
        state.db.reading(&[Reads::meeting(id), Reads::Kind(DocKind::Item)], |db| {
            let Some(m) = db.meeting(id) else { return vec![] };
            conduct::unfinished(m)
                .into_iter()
                .map(|u| {
                    let (item, what) = match u {
                        conduct::Unfinished::NotVoted(i) => (i, T::UnfinishedNotVoted),
                        conduct::Unfinished::VoteOpen(i) => (i, T::UnfinishedVoteOpen),
                    };
                    let title = db.item(item).map(|x| x.title.clone()).unwrap_or_default();
                    format!("{title}{}{}", lang.colon(), what.get(lang))
                })
                .collect()
        })
    });
    let message = Signal::derive(move || {
        let done = points.with(Vec::is_empty);
        format!(
            "{}{}{}",
            state.t(T::CloseMeetingAsk),
            state.t(T::SentenceSep),
            state.t(if done { T::CloseMeetingAllDone } else { T::CloseMeetingUnfinished })
        )
    });
    let confirm = Callback::new(move |()| {
        match state.try_update_docs(|db| conduct::close(db, id).map(|()| ((), vec![DocId::Meeting(id)]))) {
            Ok(()) => {
                asking.set(false);
                err.set(None);
            }
            Err(e) => err.set(Some(Message::new(e))),
        }
    });
    view! {
        {move || (stage.get() == Some(MeetingStage::InProgress)).then(|| view! {
            <section class="card end-meeting no-print" aria-labelledby="end-h" data-testid="end-meeting">
                <h2 id="end-h">{state.t(T::EndOfMeeting)}</h2>
                {move || if asking.get() {
                    view! {
                        <ConfirmPanel message=message points=points confirm_label=state.tr_signal(T::ConfirmClose)
                            testid="close-confirm" on_confirm=confirm on_cancel=Callback::new(move |()| asking.set(false))/>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="btn" data-testid="close-meeting" on:click=move |_| asking.set(true)>{state.t(T::CloseMeeting)}</button>
                    }.into_any()
                }}
                {move || err.get().map(|e| view! { <p class="field-error" role="alert">{move || state.lang.get().of(&e)}</p> })}
            </section>
        })}
    }
}

/// Attendance: one row per member with 出席/请假/缺席 toggles and 不计入应到会; observers.
#[component]
fn AttendancePanel(id: Id) -> impl IntoView {
    let state = use_app();
    let members = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            db.meeting(id)
                .map(|m| {
                    m.attendance.iter().map(|a| (a.member, db.org.member_name(a.member), a.role)).collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let observers = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            db.meeting(id)
                .map(|m| {
                    m.observers
                        .iter()
                        .filter_map(|o| db.org.attendee(*o))
                        .map(|a| format!("{}（{}）", a.name, crate::domain::summary::flat_brackets(&a.position)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let editable = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).is_some_and(|m| matches!(m.stage, MeetingStage::Planned | MeetingStage::InProgress))
        })
    });
    // One line (出席 4/7 · 请假 1 · 缺席 2) that opens in place: open before the meeting, when
    // attendance is being settled; folded once it is open, so the current item comes first.
    let counts = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).map(|m| {
                let n = |f: fn(&Presence) -> bool| m.attendance.iter().filter(|a| f(&a.presence)).count();
                (
                    n(|p| *p == Presence::Present),
                    m.attendance.len(),
                    n(|p| matches!(p, Presence::Leave { .. })),
                    n(|p| *p == Presence::Absent),
                )
            })
        })
    });
    let line = move || {
        counts.get().map(|(p, all, l, a)| {
            let mut s = format!("{} {p}/{all}", state.t(T::Present));
            if l > 0 {
                s += &format!(" · {} {l}", state.t(T::Leave));
            }
            if a > 0 {
                s += &format!(" · {} {a}", state.t(T::Absent));
            }
            s
        })
    };
    let planned = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).is_some_and(|m| m.stage == MeetingStage::Planned))
    });
    view! {
        <details class="card attendance-panel" prop:open=move || planned.get() data-testid="attendance-panel">
            <summary data-testid="att-summary"><span id="att-h" class="att-summary-title">{state.tr(T::Attendance)}</span>" "
                <span class="att-line" data-testid="att-line">{line}</span></summary>
            <QuorumBanner label=state.tr_signal(T::MeetingQuorum)
                check=Signal::derive(move || state.db.reading(&[Reads::meeting(id), Reads::SETTINGS], |db| db.meeting(id).map(|m| rules::meeting_quorum(m, &db.settings))))
                testid="meeting-quorum"/>
            {move || members.get().into_iter().map(|(mid, name, role)| {
                let presence = Memo::new(move |_| state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).and_then(|m| m.attendance_of(mid)).map(|a| a.presence.clone())));
                let kind = Memo::new(move |_| match presence.get() { Some(Presence::Present) => 0, Some(Presence::Leave { .. }) => 1, _ => 2 });
                let not_counted = Memo::new(move |_| state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).and_then(|m| m.attendance_of(mid)).and_then(|a| a.not_counted.clone())));
                let set = move |p: Presence| {
                    edit_attendance(state, id, mid, move |a| {
                        // Keep the reason of an earlier leave request when toggling back to 请假.
                        if !(matches!(p, Presence::Leave { .. }) && matches!(a.presence, Presence::Leave { .. })) {
                            a.presence = p;
                        }
                    })
                };
                let toggle = move |label: T, k: u8, p: fn() -> Presence, testid: &'static str| view! {
                    <button type="button" class="btn toggle" data-testid=testid
                        class:on=move || kind.get() == k
                        aria-pressed=move || (kind.get() == k).to_string()
                        disabled=move || !editable.get()
                        on:click=move |_| set(p())>{move || state.t(label)}</button>
                };
                let role_label = move || role_short_label(role).map(|k| k.get(state.lang.get()));
                view! {
                    <div class="att-row" data-testid="att-row" data-member=mid.to_string()>
                        <div class="att-name"><strong>{name.clone()}</strong>" "<span class="muted">{role_label}</span></div>
                        <div class="att-toggles" role="group" aria-label=name.clone()>
                            {toggle(T::Present, 0, || Presence::Present, "att-present")}
                            {toggle(T::Leave, 1, || Presence::Leave { reason: String::new(), asked_on: None }, "att-leave")}
                            {toggle(T::Absent, 2, || Presence::Absent, "att-absent")}
                        </div>
                        {move || match presence.get() {
                            Some(Presence::Leave { reason, .. }) => Some(view! {
                                <label class="field att-extra">
                                    <span class="field-label">{state.t(T::LeaveReason)}</span>
                                    <input type="text" data-testid="att-leave-reason" prop:value=reason.clone() disabled=move || !editable.get()
                                        on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            edit_attendance(state, id, mid, move |a| {
                                                if let Presence::Leave { reason, .. } = &mut a.presence { *reason = v }
                                            })
                                        }/>
                                </label>
                            }),
                            _ => None,
                        }}
                        <label class="check att-extra">
                            <input type="checkbox" data-testid="att-not-counted" disabled=move || !editable.get() prop:checked=move || not_counted.get().is_some()
                                on:change=move |ev| {
                                    let v = event_target_checked(&ev);
                                    edit_attendance(state, id, mid, move |a| {
                                        a.not_counted = if v { Some(String::new()) } else { None }
                                    })
                                }/>
                            <span>{state.tr(T::NotCounted)}</span>
                        </label>
                        {move || not_counted.get().map(|r| view! {
                            <label class="field att-extra">
                                <span class="field-label">{state.t(T::NotCountedReason)}</span>
                                <input type="text" data-testid="att-not-counted-reason" prop:value=r disabled=move || !editable.get()
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        edit_attendance(state, id, mid, move |a| {
                                            a.not_counted = Some(v)
                                        })
                                    }/>
                            </label>
                        })}
                    </div>
                }
            }).collect_view()}
            <p class="observers"><strong>{state.tr(T::Observers)}{move || state.colon()}</strong>{move || observers.get().join("、")}</p>
        </details>
    }
}

/// The agenda tabs and the current item.
#[component]
fn ItemArea(id: Id) -> impl IntoView {
    let state = use_app();
    let agenda = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Kind(DocKind::Item)], |db| {
            db.meeting(id)
                .map(|m| {
                    m.items
                        .iter()
                        .map(|r| {
                            (
                                r.item,
                                db.item(r.item).map(|i| i.title.clone()).unwrap_or_default(),
                                r.result.as_ref().map(|x| x.passed),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let current = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).and_then(|m| {
                m.items
                    .get(m.current_item.min(m.items.len().saturating_sub(1)))
                    .map(|r| (m.current_item.min(m.items.len() - 1), r.item))
            })
        })
    });
    // Another item: saved as the item the screen is on, and its top brought into view under the
    // sticky bar.
    let go = move |i: usize| {
        state.update_docs(|db| {
            if let Some(m) = db.meeting_mut(id) {
                if i < m.items.len() {
                    m.current_item = i
                }
            }
            vec![DocId::Meeting(id)]
        });
        scroll_to_item();
    };
    let position = move || {
        let n = agenda.with(Vec::len);
        current
            .get()
            .map(|(i, _)| state.t(T::ItemPosition).replace("{i}", &(i + 1).to_string()).replace("{n}", &n.to_string()))
    };
    view! {
        <section class="card item-area" id="current-item">
            <nav class="item-tabs" aria-label=state.tr(T::Agenda)>
                {move || agenda.get().into_iter().enumerate().map(|(i, (_, title, res))| {
                    let mark = match res { Some(true) => " ✓", Some(false) => " ✗", None => "" };
                    view! {
                        <button type="button" class="btn item-tab" data-testid="item-tab"
                            class:on=move || current.get().map(|c| c.0) == Some(i)
                            aria-pressed=move || (current.get().map(|c| c.0) == Some(i)).to_string()
                            on:click=move |_| go(i)>{format!("{}. {title}{mark}", i + 1)}</button>
                    }
                }).collect_view()}
            </nav>
            {move || match current.get() {
                None => view! { <p>{state.t(T::NoItems)}</p> }.into_any(),
                Some((_, item)) => view! { <ItemPanel id=id item=item/> }.into_any(),
            }}
            // Below the item in the page, pinned to the foot of the screen while the item scrolls.
            {move || current.get().map(|(index, _)| view! {
                <div class="item-bar" data-testid="item-bar">
                    <button type="button" class="btn" disabled=index == 0 data-testid="prev-item" on:click=move |_| go(index.saturating_sub(1))>"← "{state.t(T::Prev)}</button>
                    <strong class="item-position" data-testid="item-position">{position}</strong>
                    <button type="button" class="btn" disabled=move || { index + 1 >= agenda.get().len() } data-testid="next-item" on:click=move |_| go(index + 1)>{state.t(T::Next)}" →"</button>
                </div>
            })}
        </section>
    }
}

/// One item: quorum, recusals, opinions, notes, vote, result, decision, tasks.
#[component]
fn ItemPanel(id: Id, item: Id) -> impl IntoView {
    let state = use_app();
    let info = Memo::new(move |_| {
        state.db.reading(&[Reads::item(item)], |db| db.item(item).map(|i| (i.title.clone(), i.category)))
    });
    let category = move || info.get_untracked().map(|i| i.1).unwrap_or(crate::domain::category::Category::Other);
    let stage = stage_of(id);
    let live = Memo::new(move |_| stage.get() == Some(MeetingStage::InProgress));
    let closed = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).and_then(|m| m.record(item)).is_some_and(|r| r.result.is_some())
        })
    });
    let quorum = Signal::derive(move || {
        state.db.reading(&[Reads::Kind(DocKind::Item), Reads::Kind(DocKind::Meeting), Reads::SETTINGS], |db| {
            let cat = db.item(item).map(|i| i.category)?;
            db.meeting(id).and_then(|m| m.record(item).map(|r| rules::item_quorum(m, r, cat, &db.settings)))
        })
    });
    let members = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            db.meeting(id)
                .map(|m| m.attendance.iter().map(|a| (a.member, db.org.member_name(a.member))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let recused_names = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            let names: Vec<String> = db
                .meeting(id)
                .and_then(|m| m.record(item))
                .map(|r| r.recused.iter().map(|x| db.org.member_name(*x)).collect())
                .unwrap_or_default();
            if names.is_empty() {
                state.t(T::NoneRecused).to_string()
            } else {
                names.join(state.t(T::ListSep))
            }
        })
    });
    let opinions = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            db.meeting(id)
                .and_then(|m| m.record(item))
                .map(|r| r.opinions.iter().map(|o| (db.org.member_name(o.member), o.text.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <div class="item-panel" data-testid="item-panel" data-item=item.to_string()>
            <h2>{move || info.get().map(|i| i.0)}" "
                <span class="pill">{move || info.get().map(|(_, c)| state.lang.get().of(&c))}</span>
                {move || info.get().filter(|i| i.1.needs_special_quorum()).map(|_| view! { <span class="pill pill-warn">{state.tr(T::TwoThirdsQuorum)}</span> })}
            </h2>
            <QuorumBanner label=state.tr_signal(T::ItemQuorum) check=quorum testid="item-quorum"/>
            <div class="item-cols">
            <div class="item-col">
            // Recusals fold into one line once the meeting is open (回避：none / the names).
            <details class="subset recusal-fold" prop:open=move || stage.get() == Some(MeetingStage::Planned) data-testid="recusal-fold">
                <summary data-testid="recusal-summary">{move || format!("{}{}{}", state.t(T::Recusal), state.colon(), recused_names.get())}</summary>

                {move || members.get().into_iter().map(|(mid, name)| {
                    let on = Memo::new(move |_| state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).and_then(|m| m.record(item)).is_some_and(|r| r.recused.contains(&mid))));
                    view! {
                        <button type="button" class="btn toggle recuse" data-testid="recuse" class:on=move || on.get()
                            aria-pressed=move || on.get().to_string()
                            disabled=move || !matches!(stage.get(), Some(MeetingStage::Planned | MeetingStage::InProgress)) || closed.get()
                            on:click=move |_| state.update_docs(|db| {
                                if let Some(r) = db.meeting_mut(id).filter(|m| matches!(m.stage, MeetingStage::Planned | MeetingStage::InProgress)).and_then(|m| m.items.iter_mut().find(|r| r.item == item)) {
                                    if r.result.is_none() && !matches!(&r.ballot, Some(Ballot::Open { votes, .. }) if votes.iter().any(|v| v.member == mid)) {
                                        if let Some(p) = r.recused.iter().position(|x| *x == mid) { r.recused.remove(p); } else { r.recused.push(mid); }
                                    }
                                }
                                vec![DocId::Meeting(id)]
                            })>{name}</button>
                    }
                }).collect_view()}
            </details>
            {move || { let o = opinions.get(); (!o.is_empty()).then(|| view! {
                <div class="opinions-shown" data-testid="opinions-shown">
                    <strong>{state.t(T::WrittenOpinions)}</strong>" "<span class="muted">{state.t(T::OpinionHint)}</span>
                    <ul>{o.into_iter().map(|(n, t)| view! { <li>{format!("{n}：{t}")}</li> }).collect_view()}</ul>
                </div>
            }) }}
            <super::vote::VoteSection id=id item=item stage=stage live=live category=category()/>
            </div>
            <div class="item-col">
            <NotesSection id=id item=item stage=stage live=live/>
            <DecisionSection id=id item=item/>
            </div>
            </div>
        </div>
    }
}

#[component]
fn NotesSection(id: Id, item: Id, stage: Memo<Option<MeetingStage>>, live: Memo<bool>) -> impl IntoView {
    let state = use_app();
    let speakers = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            let Some(m) = db.meeting(id) else { return vec![] };
            let mut v: Vec<(String, String)> = m
                .attendance
                .iter()
                .map(|a| (Speaker::Member(a.member).to_string(), db.org.member_name(a.member)))
                .collect();
            v.extend(
                m.observers
                    .iter()
                    .filter_map(|o| db.org.attendee(*o))
                    .map(|a| (Speaker::Observer(a.id).to_string(), a.name.clone())),
            );
            v
        })
    });
    let notes = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            db.meeting(id)
                .and_then(|m| m.record(item))
                .map(|r| {
                    r.notes
                        .iter()
                        .map(|n| {
                            let who = match &n.speaker {
                                Speaker::Member(x) => db.org.member_name(*x),
                                Speaker::Observer(x) => db.org.attendee(*x).map(|a| a.name.clone()).unwrap_or_default(),
                                Speaker::Other(s) => s.clone(),
                            };
                            (who, n.text.clone())
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let speaker = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let add = move |_| {
        let t = text.get_untracked();
        if t.trim().is_empty() {
            return;
        }
        let s = speaker.get_untracked();
        let first = speakers.get_untracked().first().map(|x| x.0.clone()).unwrap_or_default();
        let s = if s.is_empty() { first } else { s };
        let who = s.parse::<Speaker>().unwrap_or_else(|_| Speaker::Other(s.clone()));
        state.update_docs(|db| {
            if let Some(r) =
                db.meeting_mut(id).filter(|m| !m.is_locked()).and_then(|m| m.items.iter_mut().find(|r| r.item == item))
            {
                r.notes.push(SpeechNote { speaker: who, text: t.trim().to_string() })
            }
            vec![DocId::Meeting(id)]
        });
        text.set(String::new());
    };
    view! {
        <fieldset class="subset">
            <legend>{state.tr(T::Notes)}</legend>
            // After 散会 (until 签发) each remark stays editable as the minutes are finished.
            <ol class="notes-list" data-testid="notes">
                {move || {
                    let after = stage.get() == Some(MeetingStage::Closed);
                    notes.get().into_iter().enumerate().map(|(i, (w, t))| if after {
                        view! {
                            <li><label class="field"><span class="field-label">{w}</span>
                                <textarea rows="2" data-testid="note-edit" prop:value=t on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    state.update_docs(|db| {
                                        if let Some(n) = db.meeting_mut(id).filter(|m| m.stage == MeetingStage::Closed)
                                            .and_then(|m| m.items.iter_mut().find(|r| r.item == item)).and_then(|r| r.notes.get_mut(i)) {
                                            n.text = v.trim().to_string()
                                        }
                                        vec![DocId::Meeting(id)]
                                    })
                                }></textarea></label></li>
                        }.into_any()
                    } else {
                        view! { <li><strong>{w}{move || state.colon()}</strong>{t}</li> }.into_any()
                    }).collect_view()
                }}
            </ol>
            // Not open: say why there is no form (before the meeting) or that nothing was said.
            {move || (!live.get() && notes.with(Vec::is_empty)).then(|| view! {
                <p class="muted" data-testid="notes-waiting">{move || state.t(if stage.get() == Some(MeetingStage::Planned) { T::NotesAfterOpening } else { T::NoNotes })}</p>
            })}
            {move || matches!(stage.get(), Some(MeetingStage::InProgress | MeetingStage::Closed)).then(|| view! {
                <div class="note-form">
                    <label class="field">
                        <span class="field-label">{state.t(T::Speaker)}</span>
                        <select data-testid="note-speaker" on:change=move |ev| speaker.set(event_target_value(&ev))>
                            {speakers.get().into_iter().map(|(v, n)| view! { <option value=v.clone() selected=move || speaker.get() == v>{n}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field note-text">
                        <span class="field-label">{state.t(T::NoteText)}</span>
                        <textarea rows="2" data-testid="note-text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    </label>
                    <button type="button" class="btn" data-testid="note-add" on:click=add>{state.t(T::AddNote)}</button>
                </div>
            })}
        </fieldset>
    }
}

#[component]
fn DecisionSection(id: Id, item: Id) -> impl IntoView {
    let state = use_app();
    let err = RwSignal::new(None::<Message>);
    let editable = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).is_some_and(|m| matches!(m.stage, MeetingStage::InProgress | MeetingStage::Closed))
        })
    });
    let passed = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).and_then(|m| m.record(item)).is_some_and(|r| r.result.as_ref().is_some_and(|x| x.passed))
        })
    });
    let decision = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).and_then(|m| m.record(item)).map(|r| r.decision.clone()).unwrap_or_default()
        })
    });
    let date = Memo::new(move |_| state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).map(|m| m.date)));
    let supersedes = Memo::new(move |_| {
        state
            .db
            .reading(&[Reads::meeting(id)], |db| db.meeting(id).and_then(|m| m.record(item)).and_then(|r| r.supersedes))
    });
    // The decisions this one may supersede, then their labels: a vote in this meeting changes
    // a meeting, which recomputes the list (cheap) but not the labels while the list stays the
    // same; a label follows its own meeting and item.
    let refs = Memo::new(move |_| {
        let Some(d) = date.get() else { return vec![] };
        state.db.reading(&[Reads::Kind(DocKind::Meeting)], |db| {
            let mut v: Vec<DecisionRef> = conduct::supersedable_decisions(db, d);
            if let Some(s) = supersedes.get() {
                if !v.contains(&s) {
                    v.insert(0, s)
                }
            }
            v
        })
    });
    let options = Memo::new(move |_| {
        let refs = refs.get();
        let reads: Vec<Reads> = refs.iter().flat_map(|r| [Reads::meeting(r.meeting), Reads::item(r.item)]).collect();
        state.db.reading(&reads, |db| {
            refs.into_iter().map(|r| (r, crate::domain::summary::decision_label(db, r))).collect::<Vec<_>>()
        })
    });
    let tasks = Memo::new(move |_| {
        state.db.reading(&[Reads::Kind(DocKind::Task), Reads::Org], |db| {
            db.tasks
                .iter()
                .filter(|t| t.source == Some(DecisionRef { meeting: id, item }))
                .map(|t| {
                    let who = t
                        .member
                        .map(|m| db.org.member_name(m))
                        .or_else(|| t.department.and_then(|d| db.org.department(d)).map(|d| d.name.clone()))
                        .unwrap_or_default();
                    (t.id, t.title.clone(), who, t.deadline)
                })
                .collect::<Vec<_>>()
        })
    });
    let members = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            db.meeting(id)
                .map(|m| m.attendance.iter().map(|a| (a.member, db.org.member_name(a.member))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let depts = Memo::new(move |_| {
        state
            .db
            .reading(&[Reads::Org], |db| db.org.departments.iter().map(|d| (d.id, d.name.clone())).collect::<Vec<_>>())
    });
    let t_title = RwSignal::new(String::new());
    let t_member = RwSignal::new(None::<Id>);
    let t_dept = RwSignal::new(None::<Id>);
    let t_deadline = RwSignal::new(String::new());
    let add_task = move |_| {
        let deadline = crate::domain::date_format::parse_date(&t_deadline.get_untracked());
        let today = state.today.get_untracked();
        let (ti, me, de) = (t_title.get_untracked(), t_member.get_untracked(), t_dept.get_untracked());
        match state.try_update_docs(|db| {
            conduct::add_task(db, DecisionRef { meeting: id, item }, &ti, me, de, deadline, today)
        }) {
            Ok(_) => {
                err.set(None);
                t_title.set(String::new());
            }
            Err(e) => err.set(Some(Message::new(e))),
        }
    };
    view! {
        <fieldset class="subset">
            <legend>{state.tr(T::Decision)}</legend>
            <label class="field">
                <span class="field-label">{state.tr(T::Decision)}</span>
                <textarea rows="3" data-testid="decision-text" disabled=move || !editable.get() prop:value=move || decision.get()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.update_docs(|db| { if let Some(r) = db.meeting_mut(id).filter(|m| !m.is_locked()).and_then(|m| m.items.iter_mut().find(|r| r.item == item)) { r.decision = v } vec![DocId::Meeting(id)] })
                    }></textarea>
            </label>
            {move || (!options.get().is_empty()).then(|| view! {
                <label class="field">
                    <span class="field-label">{state.t(T::Supersedes)}" "<ArticleLink article=cite::FOLLOW_UP/></span>
                    <select data-testid="supersede" disabled=move || !editable.get() on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let Some((mm, ii)) = v.split_once('-').and_then(|(a, b)| Some((a.parse::<Id>().ok()?, b.parse::<Id>().ok()?))) else { return };
                        let by = state.db.with_untracked(|db| db.meeting(id).map(|m| m.recorder.clone()).unwrap_or_default());
                        let at = now();
                        match state.try_update_docs(|db| conduct::supersede(db, DecisionRef { meeting: id, item }, DecisionRef { meeting: mm, item: ii }, &by, at).map(|docs| ((), docs))) {
                            Ok(()) => err.set(None),
                            Err(e) => err.set(Some(Message::new(e))),
                        }
                    }>
                        <option value="" selected=move || supersedes.get().is_none()>{state.t(T::NoneOption)}</option>
                        {options.get().into_iter().map(|(r, label)| view! {
                            <option value=format!("{}-{}", r.meeting, r.item) selected=move || supersedes.get() == Some(r)>{label}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
            {move || err.get().map(|e| view! { <p class="field-error" role="alert" data-testid="decision-error">{move || state.lang.get().of(&e)}</p> })}
            <div class="tasks">
                <strong>{state.tr(T::Tasks)}</strong>" "<ArticleLink article=cite::FOLLOW_UP/>
                <ul data-testid="task-list">
                    {move || tasks.get().into_iter().map(|(tid, title, who, dl)| view! {
                        <li><a href=Route::Task(tid).href()>{title}</a>{format!(" — {who}{}{}", state.t(T::ListComma), state.lang.get().date(dl))}</li>
                    }).collect_view()}
                </ul>
                {move || (passed.get() && editable.get()).then(|| view! {
                    <div class="task-form grid3">
                        <label class="field">
                            <span class="field-label">{state.t(T::TaskTitle)}</span>
                            <input type="text" data-testid="task-title" prop:value=move || t_title.get() on:input=move |ev| t_title.set(event_target_value(&ev))/>
                        </label>
                        <label class="field">
                            <span class="field-label">{state.t(T::Responsible)}</span>
                            <select data-testid="task-member" on:change=move |ev| t_member.set(event_target_value(&ev).parse().ok())>
                                <option value="">{state.t(T::NoneOption)}</option>
                                {members.get().into_iter().map(|(m, n)| view! { <option value=m.to_string()>{n}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="field">
                            <span class="field-label">{state.t(T::ResponsibleDept)}</span>
                            <select data-testid="task-dept" on:change=move |ev| t_dept.set(event_target_value(&ev).parse().ok())>
                                <option value="">{state.t(T::NoneOption)}</option>
                                {depts.get().into_iter().map(|(d, n)| view! { <option value=d.to_string()>{n}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="field">
                            <span class="field-label">{state.t(T::Deadline)}</span>
                            <input type="date" data-testid="task-deadline" prop:value=move || t_deadline.get() on:input=move |ev| t_deadline.set(event_target_value(&ev))/>
                        </label>
                        <button type="button" class="btn" data-testid="task-add" on:click=add_task>{state.t(T::AddTask)}</button>
                    </div>
                })}
            </div>
        </fieldset>
    }
}

/// Change member `mid`'s attendance record of meeting `id`, and save the meeting.
fn edit_attendance(
    state: crate::app::AppState,
    id: Id,
    mid: Id,
    f: impl FnOnce(&mut crate::domain::meeting::Attendance),
) {
    state.update_docs(|db| {
        if let Some(a) = db.meeting_mut(id).and_then(|m| m.attendance.iter_mut().find(|a| a.member == mid)) {
            f(a)
        }
        vec![DocId::Meeting(id)]
    })
}
