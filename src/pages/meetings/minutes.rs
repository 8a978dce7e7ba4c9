//! The minutes (会议记录, 第十八条（六）): attendees, leave with reasons, observers, recorder; per
//! item the recusals, discussion, written opinions, the vote with arithmetic and the decision;
//! links to superseded/superseding decisions; after sign-off, amendments (who/when/why).

use crate::records::Reads;
use leptos::prelude::*;

use super::{now, MeetingHeader, MeetingScreen};
use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::domain::article::cite;
use crate::domain::meeting::{AmendTarget, Ballot, Speaker};
use crate::domain::summary::{self, attendance_lines, decision_label, AttendanceGroup};
use crate::domain::Id;
use crate::i18n::meetings::MeetingsText as T;
use crate::i18n::phrases::Phrase;
use crate::i18n::{Lang, Text};
use crate::router::Route;

/// An attendance line's label on screen: the 纪要's own in Chinese.
fn attendance_label(group: AttendanceGroup, lang: Lang) -> &'static str {
    let key = match group {
        AttendanceGroup::Present => T::Present,
        AttendanceGroup::Leave => T::Leave,
        AttendanceGroup::Absent => T::Absent,
        AttendanceGroup::Observers => T::Observers,
        AttendanceGroup::Recorder => T::Recorder,
    };
    lang.pick(group.zh(), key.en())
}

/// The minutes screen.
#[component]
pub fn MinutesPage(
    /// Meeting id.
    id: Id,
) -> impl IntoView {
    view! {
        <MeetingScreen id=id>
            <section class="page meeting-minutes">
                <MeetingHeader id=id active=T::TabMinutes/>
                <crate::components::backup_reminder::BackupReminder/>
                <EditHint id=id/>
                <MinutesBody id=id/>
                <AmendmentsSection id=id/>
            </section>
        </MeetingScreen>
    }
}

/// After 散会 and until 签发: where remarks and decisions are still edited.
#[component]
fn EditHint(
    /// Meeting id.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    let closed = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).is_some_and(|m| m.stage == crate::domain::meeting::MeetingStage::Closed)
        })
    });
    move || {
        closed.get().then(|| {
            view! {
                <p class="no-print">
                    <a href=Route::MeetingLive(id).href() data-testid="minutes-edit-hint">{state.t(T::EditAfterClose)}</a>
                </p>
            }
        })
    }
}

/// Agenda items drawn in the first frame of the minutes; the others follow in the task after
/// that frame is painted (otherwise every item's notes and votes are built and styled before
/// the first paint of a meeting, for text below the first screen). Below the first screen they are `content-visibility: auto`.
const FIRST_ITEMS: usize = 1;

#[component]
fn MinutesBody(id: Id) -> impl IntoView {
    let state = use_app();
    let shown = RwSignal::new(FIRST_ITEMS);
    request_animation_frame(move || {
        set_timeout(
            move || {
                // The screen may have been left already: then there is nothing to show.
                let _ = shown.try_set(usize::MAX);
            },
            std::time::Duration::ZERO,
        )
    });
    move || {
        state.db.with(|db| {
        let m = db.meeting(id)?;
        let org = &db.org;
        let lines = attendance_lines(org, m);
        let chair = crate::domain::rules::chair_of(m).map(|c| org.member_name(c)).unwrap_or_default();
        let head = view! {
            <div class="card minutes-head" data-testid="minutes-head">
                <p><strong>{state.t(T::Time)}{move || state.colon()}</strong>{format!("{} {}", state.lang.get().date(m.date), m.time)}" "<strong>{state.t(T::Place)}{move || state.colon()}</strong>{m.place.clone()}</p>
                <p><strong>{state.t(T::Chair)}{move || state.colon()}</strong>{chair}</p>
                {lines.into_iter().map(|(l, v)| view! { <p><strong>{move || attendance_label(l, state.lang.get())}{move || state.colon()}</strong>{v}</p> }).collect_view()}
                {m.attendance.iter().filter_map(|a| a.not_counted.as_ref().map(|r| view! {
                    <p class="muted">{state.lang.get().of(&Phrase::NotCounted { name: org.member_name(a.member), reason: r.clone() })}</p>
                })).collect_view()}
            </div>
        };
        let items = m.items.iter().take(shown.get()).enumerate().map(|(i, r)| {
            let title = db.item(r.item).map(|it| it.title.clone()).unwrap_or_default();
            let recused: Vec<String> = r.recused.iter().map(|x| org.member_name(*x)).collect();
            let notes_t = AmendTarget::Notes(r.item);
            let dec_t = AmendTarget::Decision(r.item);
            // The decision as signed; its amendments follow it (who, when, why, what changes).
            let decision = r.decision.clone();
            let dec_amends: Vec<String> = m.amendments.iter().filter(|a| a.target.as_ref() == Some(&dec_t)).map(|a| {
                let (open, close) = state.lang.get().brackets();
                format!("{} {}{open}{}{c}{}{close}{c}{}", crate::domain::date_format::stamp(a.at, "-", " ", ":", false), a.by, state.t(T::AmendWhy), a.reason, a.text, c = state.colon())
            }).collect();
            let votes = match &r.ballot {
                Some(Ballot::Open { method, votes }) => {
                    let votes = votes.iter().map(|v| (org.member_name(v.member), v.choice, v.reservation.clone())).collect();
                    Some(state.lang.get().of(&Phrase::OpenVotes { method: super::method_text(*method), votes }))
                }
                Some(Ballot::Secret(t)) => {
                    Some(state.lang.get().of(&Phrase::SecretTotals { yes: t.yes, no: t.no, abstain: t.abstain, invalid: t.invalid }))
                }
                None => None,
            };
            let note_amends: Vec<String> = m.amendments.iter().filter(|a| a.target.as_ref() == Some(&notes_t)).map(|a| a.text.clone()).collect();
            view! {
                <article class="card minutes-item" data-testid="minutes-item">
                    <h2>{state.lang.get().of(&Phrase::ItemHeading { number: i as u32 + 1, title })}</h2>
                    {(!recused.is_empty()).then(|| view! { <p><strong>{state.t(T::Recusal)}{move || state.colon()}</strong>{recused.join("、")}</p> })}
                    <div><strong>{state.t(T::Notes)}{move || state.colon()}</strong>
                        <ol>{r.notes.iter().map(|n| {
                            let who = match &n.speaker { Speaker::Member(x) => org.member_name(*x), Speaker::Observer(x) => org.attendee(*x).map(|a| a.name.clone()).unwrap_or_default(), Speaker::Other(s) => s.clone() };
                            view! { <li>{format!("{who}：{}", n.text)}</li> }
                        }).collect_view()}
                        {note_amends.into_iter().map(|t| view! { <li class="amended"><span class="pill pill-warn">{state.t(T::AmendmentLabel)}</span>" "{t}</li> }).collect_view()}</ol>
                    </div>
                    {(!r.opinions.is_empty()).then(|| view! {
                        <div><strong>{state.t(T::WrittenOpinions)}{move || state.colon()}</strong><span class="muted">{state.t(T::OpinionHint)}</span>
                            <ul>{r.opinions.iter().map(|o| view! { <li>{format!("{}：{}", org.member_name(o.member), o.text)}</li> }).collect_view()}</ul>
                        </div>
                    })}
                    {votes.map(|v| view! { <p data-testid="minutes-votes">{v}</p> })}
                    <p data-testid="minutes-result"><strong>{state.t(T::Result)}{move || state.colon()}</strong>{match &r.result {
                        Some(res) => state.lang.get().pick(res.explanation_for(true), res.explanation_for(false)).to_string(),
                        None => state.t(T::NotVoted).to_string(),
                    }}</p>
                    <p data-testid="minutes-decision"><strong>{state.t(T::Decision)}{move || state.colon()}</strong>{decision}</p>
                    {(!dec_amends.is_empty()).then(|| view! {
                        <ol class="amended" data-testid="decision-amendments">
                            {dec_amends.into_iter().map(|t| view! { <li><span class="pill pill-warn">{state.t(T::AmendmentLabel)}</span>" "{t}</li> }).collect_view()}
                        </ol>
                    })}
                    {r.supersedes.map(|s| view! {
                        <p data-testid="supersedes-link">{state.t(T::Supersedes)}{move || state.colon()}<a href=Route::MeetingMinutes(s.meeting).href()>{decision_label(db, s)}</a>" "<ArticleLink article=cite::FOLLOW_UP/></p>
                    })}
                    {r.superseded_by.map(|s| view! {
                        <p class="pill pill-bad" data-testid="superseded-by">{state.t(T::SupersededBy)}{move || state.colon()}<a href=Route::MeetingMinutes(s.meeting).href()>{decision_label(db, s)}</a></p>
                    })}
                </article>
            }
        }).collect_view();
        Some(view! { {head}{items} })
    })
    }
}

#[component]
fn AmendmentsSection(id: Id) -> impl IntoView {
    let state = use_app();
    let locked =
        Memo::new(move |_| state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).is_some_and(|m| m.is_locked())));
    // What an amendment corrects, in the UI's language ("决定事项：<item title>").
    let target_label = move |db: &crate::domain::db::Db, target: &AmendTarget| {
        let item = |i: &Id| db.item(*i).map(|x| x.title.clone()).unwrap_or_default();
        match target {
            AmendTarget::Summary => state.t(T::TargetSummary).to_string(),
            AmendTarget::Attendance => state.t(T::TargetAttendance).to_string(),
            AmendTarget::Decision(i) => format!("{}{}{}", state.t(T::Decision), state.colon(), item(i)),
            AmendTarget::Notes(i) => format!("{}{}{}", state.t(T::Notes), state.colon(), item(i)),
        }
    };
    let list = Memo::new(move |_| {
        state.db.with(|db| {
            db.meeting(id)
                .map(|m| {
                    m.amendments
                        .iter()
                        .map(|a| {
                            let target = a.target.as_ref().map(|t| target_label(db, t)).unwrap_or_default();
                            (
                                crate::domain::date_format::stamp(a.at, "-", " ", ":", false),
                                a.by.clone(),
                                target,
                                a.reason.clone(),
                                a.text.clone(),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let targets = Memo::new(move |_| {
        state.db.with(|db| {
            let mut v = vec![
                (AmendTarget::Summary.to_string(), target_label(db, &AmendTarget::Summary)),
                (AmendTarget::Attendance.to_string(), target_label(db, &AmendTarget::Attendance)),
            ];
            if let Some(m) = db.meeting(id) {
                for r in &m.items {
                    for t in [AmendTarget::Decision(r.item), AmendTarget::Notes(r.item)] {
                        v.push((t.to_string(), target_label(db, &t)));
                    }
                }
            }
            v
        })
    });
    let target = RwSignal::new("summary".to_string());
    let text = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    // 更正人 starts as the meeting's recorder and keeps what was typed after each amendment.
    let by =
        RwSignal::new(state.db.with_untracked(|db| db.meeting(id).map(|m| m.recorder.clone()).unwrap_or_default()));
    let err = RwSignal::new(None::<summary::SummaryError>);
    let add = move |_| {
        let tgt = target.get_untracked().parse::<AmendTarget>().unwrap_or(AmendTarget::Summary);
        let at = now();
        let (b, r, x) = (by.get_untracked(), reason.get_untracked(), text.get_untracked());
        let res =
            super::try_meeting(state, id, summary::SummaryError::NoSummary, |m| summary::amend(m, tgt, &b, at, &r, &x));
        match res {
            Ok(()) => {
                err.set(None);
                text.set(String::new());
                reason.set(String::new());
            }
            Err(e) => err.set(Some(e)),
        }
    };
    view! {
        {move || (locked.get() || !list.get().is_empty()).then(|| view! {
            <section class="card amendments" data-testid="amendments">
                <h2>{state.t(T::Amendments)}" "<ArticleLink article=cite::MINUTES/></h2>
                <p class="muted">{state.t(T::Locked)}</p>
                <ol>
                    {list.get().into_iter().map(|(at, who, target, why, text)| view! {
                        <li data-testid="amendment"><strong>{format!("{at} {who}")}</strong>{format!(" · {target} · {}{}{why}", state.t(T::AmendWhy), state.colon())}<br/>{text}</li>
                    }).collect_view()}
                </ol>
                {locked.get().then(|| view! {
                    <div class="amend-form no-print">
                        <h3>{state.t(T::AddAmendment)}</h3>
                        <div class="grid2">
                            <label class="field">
                                <span class="field-label">{state.t(T::AmendTarget)}</span>
                                <select data-testid="amend-target" on:change=move |ev| target.set(event_target_value(&ev))>
                                    {targets.get().into_iter().map(|(v, l)| view! { <option value=v.clone() selected=move || target.get() == v>{l}</option> }).collect_view()}
                                </select>
                            </label>
                            <label class="field">
                                <span class="field-label">{state.t(T::AmendBy)}</span>
                                <input type="text" data-testid="amend-by" prop:value=move || by.get() on:input=move |ev| by.set(event_target_value(&ev))/>
                            </label>
                        </div>
                        <label class="field">
                            <span class="field-label">{state.t(T::AmendText)}</span>
                            <textarea rows="3" data-testid="amend-text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                        </label>
                        <label class="field">
                            <span class="field-label">{state.t(T::AmendReason)}</span>
                            <input type="text" data-testid="amend-reason" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                        </label>
                        {move || err.get().map(|e| view! { <p class="field-error" role="alert" data-testid="amend-error">{move || state.lang.get().of(&e)}</p> })}
                        <button type="button" class="btn btn-primary" data-testid="amend-add" on:click=add>{state.t(T::AddAmendment)}</button>
                    </div>
                })}
            </section>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attendance_line_label_has_an_english_form() {
        use AttendanceGroup::*;
        for g in [Present, Leave, Absent, Observers, Recorder] {
            assert_eq!(attendance_label(g, Lang::Zh), g.zh());
            let en = attendance_label(g, Lang::En);
            assert!(en.is_ascii() && !en.is_empty(), "{g:?} → {en}");
        }
    }
}
