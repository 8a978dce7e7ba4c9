//! Meeting preparation (会前筹备, 第十八条（一）至（四）): details, observers, the agenda from
//! items the secretary scheduled (touch-friendly up/down), notice and materials distribution
//! with a warning when materials were late, leave requests and written opinions.

use crate::domain::doc::{DocId, DocKind};
use crate::records::Reads;
use chrono::NaiveDate;
use leptos::prelude::*;

use super::{MeetingHeader, MeetingScreen};
use crate::app::{navigate, use_app};
use crate::components::article_link::ArticleLink;
use crate::domain::article::cite;
use crate::domain::conduct::{self, ConductError};
use crate::domain::meeting::{Distribution, Meeting, MeetingKind, MeetingStage, Presence};
use crate::domain::Id;
use crate::i18n::meetings::MeetingsText as T;
use crate::i18n::{About, Message};
use crate::router::Route;

fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::domain::date_format::parse_date(s.trim())
}

fn kind_value(k: MeetingKind) -> String {
    format!("{k:?}")
}

fn kind_from(s: &str) -> MeetingKind {
    MeetingKind::ALL.into_iter().find(|k| kind_value(*k) == s).unwrap_or(MeetingKind::Regular)
}

/// A kind selector.
#[component]
fn KindSelect(
    /// Current kind.
    #[prop(into)]
    value: Signal<MeetingKind>,
    /// On change.
    on_pick: Callback<MeetingKind>,
    /// Disabled.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="field">
            <span class="field-label">{state.tr(T::Kind)}</span>
            <select data-testid="meeting-kind" disabled=move || disabled.get() on:change=move |ev| on_pick.run(kind_from(&event_target_value(&ev)))>
                {MeetingKind::ALL.into_iter().map(|k| view! {
                    <option value=kind_value(k) selected=move || value.get() == k>
                        {move || state.lang.get().of(&k)}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// 新建会议: kind and date; the roster of that date is taken as the attendance snapshot.
#[component]
pub fn NewMeetingPage() -> impl IntoView {
    let state = use_app();
    let kind = RwSignal::new(MeetingKind::Regular);
    let date = RwSignal::new(state.today.get_untracked().to_string());
    let err = RwSignal::new(None::<Message>);
    let create = move |_| {
        let Some(d) = parse_date(&date.get_untracked()) else {
            err.set(Some(Message::new(T::EnterValidDate)));
            return;
        };
        let mut new_id = 0;
        state.update_docs(|db| {
            new_id = conduct::create_meeting(db, kind.get_untracked(), d);
            vec![DocId::Meeting(new_id)]
        });
        navigate(&Route::Meeting(new_id));
    };
    view! {
        <section class="page meeting-new">
            <h1>{state.tr(T::NewMeeting)}</h1>
            <div class="card grid2">
                <KindSelect value=kind on_pick=Callback::new(move |k| kind.set(k))/>
                <label class="field" class:has-error=move || err.get().is_some()>
                    <span class="field-label">{state.tr(T::Date)}</span>
                    <input type="date" data-testid="meeting-date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                    {move || err.get().map(|e| view! { <span class="field-error" role="alert">{move || state.lang.get().of(&e)}</span> })}
                </label>
            </div>
            <button type="button" class="btn btn-primary" on:click=create data-testid="create-meeting">{state.tr(T::Create)}</button>
        </section>
    }
}

/// The preparation screen of a meeting.
#[component]
pub fn PreparePage(
    /// Meeting id.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    view! {
        <MeetingScreen id=id>
            <section class="page meeting-prepare">
                <MeetingHeader id=id active=T::TabPrepare/>
                <Details id=id/>
                <AgendaSection id=id/>
                <Distributions id=id/>
                <LeaveSection id=id/>
                <div class="savebar">
                    <a class="btn btn-primary" href=Route::MeetingLive(id).href() data-testid="go-live">{state.tr(T::GoLive)}" →"</a>
                </div>
            </section>
        </MeetingScreen>
    }
}

/// Read a field of the meeting reactively.
fn field<R: PartialEq + Clone + Send + Sync + 'static>(
    id: Id,
    f: impl Fn(&Meeting) -> R + Send + Sync + 'static,
) -> Memo<Option<R>> {
    let state = use_app();
    Memo::new(move |_| state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).map(&f)))
}

/// Change the meeting unless it is signed.
fn edit(id: Id, f: impl FnOnce(&mut Meeting)) {
    let state = use_app();
    state.update_docs(|db| {
        if let Some(m) = db.meeting_mut(id) {
            if !m.is_locked() {
                f(m)
            }
        }
        vec![DocId::Meeting(id)]
    });
}

#[component]
fn Details(id: Id) -> impl IntoView {
    let state = use_app();
    let locked = field(id, |m| m.is_locked());
    let locked = Signal::derive(move || locked.get().unwrap_or(true));
    let planned = field(id, |m| m.stage == MeetingStage::Planned);
    let kind = field(id, |m| m.kind);
    let date_err = RwSignal::new(None::<Message>);
    let text = move |f: fn(&Meeting) -> String| {
        let v = field(id, f);
        move || v.get().unwrap_or_default()
    };
    let members = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            db.meeting(id)
                .map(|m| m.attendance.iter().map(|a| (a.member, db.org.member_name(a.member))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let chair = field(id, |m| m.chair);
    let observers = Memo::new(move |_| {
        state.db.reading(&[Reads::Org], |db| {
            db.org.attendees.iter().map(|a| (a.id, format!("{}（{}）", a.name, a.position))).collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="card">
            <legend>{state.tr(T::MeetingDetails)}" "<ArticleLink article=cite::FREQUENCY/></legend>
            <div class="grid3">
                <KindSelect value=Signal::derive(move || kind.get().unwrap_or(MeetingKind::Regular)) disabled=locked on_pick=Callback::new(move |k| edit(id, |m| m.kind = k))/>
                <label class="field" class:has-error=move || date_err.get().is_some()>
                    <span class="field-label">{state.tr(T::Date)}</span>
                    <input type="date" data-testid="meeting-date" disabled=move || !planned.get().unwrap_or(false)
                        prop:value=text(|m| m.date.to_string())
                        on:change=move |ev| {
                            match parse_date(&event_target_value(&ev)) {
                                Some(d) => {
                                    date_err.set(None);
                                    if let Err(e) = state.try_update_docs(|db| conduct::set_date(db, id, d).map(|()| ((), vec![DocId::Meeting(id)]))) {
                                        date_err.set(Some(Message::new(e)));
                                    }
                                }
                                None => date_err.set(Some(Message::new(T::EnterValidDate))),
                            }
                        }/>
                    {move || date_err.get().map(|e| view! { <span class="field-error" role="alert">{move || state.lang.get().of(&e)}</span> })}
                </label>
                <label class="field">
                    <span class="field-label">{state.tr(T::Time)}</span>
                    <input type="time" data-testid="meeting-time" disabled=move || locked.get() prop:value=text(|m| m.time.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); edit(id, |m| m.time = v) }/>
                </label>
                <label class="field">
                    <span class="field-label">{state.tr(T::Place)}</span>
                    <input type="text" data-testid="meeting-place" disabled=move || locked.get() prop:value=text(|m| m.place.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); edit(id, |m| m.place = v) }/>
                </label>
                <label class="field">
                    <span class="field-label">{state.tr(T::Chair)}</span>
                    <select data-testid="meeting-chair" disabled=move || locked.get() on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<Id>().ok();
                        edit(id, |m| m.chair = v)
                    }>
                        {move || members.get().into_iter().map(|(mid, name)| view! {
                            <option value=mid.to_string() selected=move || chair.get().flatten() == Some(mid)>{name}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{state.tr(T::Recorder)}</span>
                    <input type="text" data-testid="meeting-recorder" disabled=move || locked.get() prop:value=text(|m| m.recorder.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); edit(id, |m| m.recorder = v) }/>
                </label>
                <label class="field field-wide">
                    <span class="field-label">{state.tr(T::MeetingTitle)}</span>
                    <input type="text" data-testid="meeting-title" disabled=move || locked.get() prop:value=text(|m| m.title.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); edit(id, |m| m.title = v) }/>
                </label>
            </div>
            <fieldset class="subset">
                <legend>{state.tr(T::Observers)}</legend>
                {move || observers.get().into_iter().map(|(oid, name)| {
                    let on = field(id, move |m| m.observers.contains(&oid));
                    view! {
                        <label class="check">
                            <input type="checkbox" data-testid="observer" disabled=move || locked.get() prop:checked=move || on.get().unwrap_or(false)
                                on:change=move |ev| {
                                    let v = event_target_checked(&ev);
                                    edit(id, |m| { m.observers.retain(|o| *o != oid); if v { m.observers.push(oid) } })
                                }/>
                            <span>{name}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        </fieldset>
    }
}

#[component]
fn AgendaSection(id: Id) -> impl IntoView {
    let state = use_app();
    let err = RwSignal::new(None::<Message>);
    let agenda = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Kind(DocKind::Item)], |db| {
            db.meeting(id)
                .map(|m| {
                    m.items
                        .iter()
                        .map(|r| (r.item, db.item(r.item).map(|i| i.title.clone()).unwrap_or_default()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let planned = field(id, |m| m.stage == MeetingStage::Planned);
    let planned = move || planned.get().unwrap_or(false);
    let waiting = Memo::new(move |_| {
        state.db.with(|db| {
            conduct::schedulable_items(db)
                .into_iter()
                .filter_map(|i| db.item(i).map(|it| (i, it.title.clone())))
                .collect::<Vec<_>>()
        })
    });
    // Each agenda change is a change of this meeting alone.
    let run = move |f: Box<DbChange>| match state.try_update_docs(|db| f(db).map(|()| ((), vec![DocId::Meeting(id)]))) {
        Ok(()) => err.set(None),
        Err(e) => err.set(Some(Message::new(e))),
    };
    view! {
        <fieldset class="card">
            <legend>{state.tr(T::Agenda)}" "<ArticleLink article=cite::AGENDA/></legend>
            {move || err.get().map(|e| view! { <p class="field-error" role="alert">{move || state.lang.get().of(&e)}</p> })}
            // An empty agenda says so (a central study session usually has no items).
            {move || agenda.with(|a| a.is_empty()).then(|| view! { <p class="muted" data-testid="agenda-empty">{state.t(T::NoAgenda)}</p> })}
            <ol class="agenda-list" data-testid="agenda">
                {move || {
                    let items = agenda.get();
                    let n = items.len();
                    items.into_iter().enumerate().map(|(i, (item, title))| view! {
                        <li class="agenda-row" data-testid="agenda-row">
                            <a class="agenda-title" href=Route::Item(item).href()>{title}</a>
                            {planned().then(|| view! {
                                <span class="agenda-tools">
                                    <button type="button" class="btn btn-small" disabled=i == 0 data-testid="agenda-up"
                                        aria-label=move || format!("{} {}", state.t(T::Up), i + 1)
                                        on:click=move |_| run(Box::new(move |db| conduct::move_item(db, id, i, true)))>"↑"</button>
                                    <button type="button" class="btn btn-small" disabled=i + 1 == n data-testid="agenda-down"
                                        aria-label=move || format!("{} {}", state.t(T::Down), i + 1)
                                        on:click=move |_| run(Box::new(move |db| conduct::move_item(db, id, i, false)))>"↓"</button>
                                    <button type="button" class="btn btn-small btn-quiet btn-danger" data-testid="agenda-remove"
                                        on:click=move |_| run(Box::new(move |db| conduct::remove_from_agenda(db, id, item)))>{state.tr(T::Remove)}</button>
                                </span>
                            })}
                        </li>
                    }).collect_view()
                }}
            </ol>
            {move || planned().then(|| {
                let w = waiting.get();
                if w.is_empty() {
                    view! { <NearlyReady/> }.into_any()
                } else {
                    view! {
                        <ul class="list">
                            {w.into_iter().map(|(item, title)| view! {
                                <li class="agenda-candidate">
                                    <span>{title}</span>
                                    <button type="button" class="btn btn-small" data-testid="agenda-add"
                                        on:click=move |_| run(Box::new(move |db| conduct::add_to_agenda(db, id, item)))>{state.t(T::AddToAgenda)}</button>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
        </fieldset>
    }
}

#[component]
fn Distributions(id: Id) -> impl IntoView {
    let state = use_app();
    let late = field(id, conduct::materials_late);
    let row = move |label: T,
                    get: fn(&Meeting) -> &Option<Distribution>,
                    set: fn(&mut Meeting, Option<Distribution>),
                    testid: &'static str| {
        let on = field(id, move |m| get(m).as_ref().map(|d| d.on.to_string()).unwrap_or_default());
        let to = field(id, move |m| get(m).as_ref().map(|d| d.to.clone()).unwrap_or_default());
        let save = move |on_s: String, to_s: String| {
            let d = parse_date(&on_s).map(|on| Distribution { on, to: to_s });
            edit(id, |m| set(m, d));
        };
        view! {
            <div class="grid2 dist-row">
                <label class="field">
                    <span class="field-label">{move || format!("{} · {}", state.t(label), state.t(T::DistributedOn))}</span>
                    <input type="date" data-testid=format!("{testid}-on") prop:value=move || on.get().unwrap_or_default()
                        on:change=move |ev| save(event_target_value(&ev), to.get_untracked().unwrap_or_default())/>
                </label>
                <label class="field">
                    <span class="field-label">{move || format!("{} · {}", state.t(label), state.t(T::DistributedTo))}</span>
                    <input type="text" data-testid=format!("{testid}-to") prop:value=move || to.get().unwrap_or_default()
                        on:change=move |ev| save(on.get_untracked().unwrap_or_default(), event_target_value(&ev))/>
                </label>
            </div>
        }
    };
    view! {
        <fieldset class="card">
            <legend>{move || format!("{} / {}", state.t(T::Notice), state.t(T::Materials))}" "<ArticleLink article=cite::MATERIALS/></legend>
            {row(T::Notice, |m| &m.notice, |m, d| m.notice = d, "notice")}
            {row(T::Materials, |m| &m.materials, |m, d| m.materials = d, "materials")}
            {move || late.get().unwrap_or(false).then(|| view! {
                <p class="pill pill-warn warn-line" role="alert" data-testid="materials-late">
                    {state.t(T::MaterialsLate)}{move || state.lang.get().brackets().0}<ArticleLink article=cite::MATERIALS/>{move || state.lang.get().brackets().1}
                </p>
            })}
        </fieldset>
    }
}

#[component]
fn LeaveSection(id: Id) -> impl IntoView {
    let state = use_app();
    let err = RwSignal::new(None::<Message>);
    let members = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            db.meeting(id)
                .map(|m| m.attendance.iter().map(|a| (a.member, db.org.member_name(a.member))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let items = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Kind(DocKind::Item)], |db| {
            db.meeting(id)
                .map(|m| {
                    m.items
                        .iter()
                        .map(|r| (r.item, db.item(r.item).map(|i| i.title.clone()).unwrap_or_default()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <fieldset class="card">
            <legend>{move || format!("{} / {}", state.t(T::Leave), state.t(T::WrittenOpinions))}" "<ArticleLink article=cite::QUORUM/></legend>
            <p class="muted">{state.tr(T::OpinionHint)}</p>
            {move || err.get().map(|e| view! { <p class="field-error" role="alert">{move || state.lang.get().of(&e)}</p> })}
            {move || members.get().into_iter().map(|(mid, name)| {
                let on_leave = field(id, move |m| m.attendance_of(mid).and_then(|a| match &a.presence { Presence::Leave { reason, .. } => Some(reason.clone()), _ => None }));
                let reason = RwSignal::new(String::new());
                let ask = move |_| {
                    let today = state.today.get_untracked();
                    let r = reason.get_untracked();
                    match super::try_meeting(state, id, ConductError::UnknownMeeting, |m| conduct::request_leave(m, mid, &r, today)) {
                        Ok(()) => err.set(None),
                        Err(e) => err.set(Some(Message::new(About { name: state.db.with_untracked(|db| db.org.member_name(mid)), message: Message::new(e) }))),
                    }
                };
                let cancel = move |_| edit(id, |m| if let Some(a) = m.attendance.iter_mut().find(|a| a.member == mid) { a.presence = Presence::Present });
                let name2 = name.clone();
                view! {
                    <div class="leave-row" data-testid="leave-row">
                        <strong class="leave-name">{name.clone()}</strong>
                        {move || match on_leave.get().flatten() {
                            Some(r) => view! {
                                <span class="pill pill-warn">{format!("{}{}{r}", state.t(T::Leave), state.colon())}</span>
                                <button type="button" class="btn btn-small btn-quiet" on:click=cancel>{state.tr(T::CancelLeave)}</button>
                                <div class="opinions">
                                    {items.get().into_iter().map(|(item, title)| {
                                        let text = field(id, move |m| m.record(item).and_then(|r| r.opinions.iter().find(|o| o.member == mid)).map(|o| o.text.clone()).unwrap_or_default());
                                        let label = format!("{}{} · {}", name2, state.t(T::OpinionOf), title);
                                        view! {
                                            <label class="field">
                                                <span class="field-label">{label}</span>
                                                <textarea rows="2" data-testid="opinion" prop:value=move || text.get().unwrap_or_default()
                                                    on:change=move |ev| {
                                                        let v = event_target_value(&ev);
                                                        let _ = super::try_meeting(state, id, ConductError::UnknownMeeting, |m| conduct::set_opinion(m, item, mid, &v));
                                                    }></textarea>
                                            </label>
                                        }
                                    }).collect_view()}
                                </div>
                            }.into_any(),
                            None => view! {
                                <label class="field leave-reason">
                                    <span class="field-label">{state.t(T::LeaveReason)}</span>
                                    <input type="text" data-testid="leave-reason" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                                </label>
                                <button type="button" class="btn btn-small" data-testid="leave-ask" on:click=ask>{state.t(T::Leave)}</button>
                            }.into_any(),
                        }}
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// A change to the records that the rules may refuse (then nothing changes).
type DbChange = dyn FnOnce(&mut crate::domain::db::Db) -> Result<(), ConductError>;

/// When no item is ready for the agenda: the items that are close and what each still needs,
/// each linking to its screen (第十八条（二）（三）).
#[component]
fn NearlyReady() -> impl IntoView {
    let state = use_app();
    let close = Memo::new(move |_| {
        state.db.with(|db| {
            conduct::nearly_ready(db)
                .into_iter()
                .take(8)
                .filter_map(|(i, needs)| db.item(i).map(|it| (i, it.title.clone(), needs)))
                .collect::<Vec<_>>()
        })
    });
    let need_text = |n: conduct::Need| match n {
        conduct::Need::InCharge => T::NeedsInCharge,
        conduct::Need::Materials => T::NeedsMaterials,
        conduct::Need::Review => T::NeedsReview,
        conduct::Need::DirectorApproval => T::NeedsDirector,
        conduct::Need::Scheduling => T::NeedsScheduling,
    };
    view! {
        {move || if close.with(Vec::is_empty) {
            view! { <p class="muted">{state.t(T::NoSchedulable)}</p> }.into_any()
        } else {
            view! {
                <p class="muted">{state.t(T::NearlyReady)}</p>
                <ul class="list" data-testid="nearly-ready">
                    {close.get().into_iter().map(|(i, title, needs)| view! {
                        <li data-testid="nearly-ready-item">
                            <a href=Route::Item(i).href()>{title}</a>
                            {format!(" — {}", needs.into_iter().map(|n| state.t(need_text(n))).collect::<Vec<_>>().join(state.t(T::ListSep)))}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
