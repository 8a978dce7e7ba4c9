//! The 民主生活会 cycle of one meeting (第二十三条): before (theme, opinions solicited, heart-to-
//! heart talks), during (attendance, written statements of absentees, criticism notes), after
//! (informing absentees, rectification measures as follow-up tasks, the report due within 15
//! days counting down, the notice to the masses).

use crate::records::Reads;
use leptos::prelude::*;

use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::components::duty_ui::{member_options, parse_date, DutyTabs, FieldError, IdSelect};
use crate::components::task_status::TaskStatusPill;
use crate::domain::article::Article;
use crate::domain::db::Records;
use crate::domain::democratic_life::{
    cycle_mut, cycle_of, missing_talk_pairs, AbsentStatement, HeartTalk, OpinionSolicited,
};
use crate::domain::doc::DocId;
use crate::domain::evidence::{Evidence, EvidenceKind};
use crate::domain::followup::create_task;
use crate::domain::meeting::{MeetingKind, Presence};
use crate::domain::rules::{democratic_life_evidence, democratic_life_report_state, ReportState};
use crate::domain::Id;
use crate::i18n::duties::DutiesText as T;
use crate::i18n::phrases::Phrase;
use crate::router::Route;

/// The record of `kind` that answers this meeting as of `today`, as the duty register reads it.
fn filed(
    db: &crate::domain::db::Db,
    meeting: Id,
    kind: EvidenceKind,
    today: chrono::NaiveDate,
) -> Option<(Id, chrono::NaiveDate)> {
    let m = db.meeting(meeting)?;
    democratic_life_evidence(db, m, kind, today).map(|e| (e.id, e.date))
}

/// Change the 民主生活会 cycle of meeting `id` (made when it has none yet) and save it at once.
fn edit_cycle(id: Id, f: impl FnOnce(&mut crate::domain::democratic_life::DemocraticLifeCycle)) {
    use_app().update_docs(|db| {
        f(cycle_mut(db, id));
        vec![DocId::DemocraticLife(id)]
    });
}

/// The 民主生活会 screen.
#[component]
pub fn DemocraticLifePage(
    /// The meeting's id.
    id: Id,
) -> impl IntoView {
    let state = use_app();
    // A memo: the sections (and what is typed in their forms) are rebuilt only when the meeting
    // itself changes, not each time a field of the cycle is saved.
    let meeting = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).map(|m| (m.kind, m.date, m.title.clone())))
    });
    let year = state
        .db
        .with_untracked(|db| db.meeting(id).map(|m| chrono::Datelike::year(&m.date)))
        .unwrap_or_else(|| chrono::Datelike::year(&state.today.get_untracked()));
    view! {
        <section class="page dl-page">
            <h1>{state.tr(T::DlTitle)}" "<ArticleLink article=Article::new(23)/></h1>
            <DutyTabs current=Route::DemocraticLife(id) year=year/>
            {move || match meeting.get() {
                Some((MeetingKind::DemocraticLife, date, title)) => view! {
                    <p class="dl-meeting"><a href=Route::Meeting(id).href()>{date.to_string()}" "{title}</a></p>
                    <ReportBox id=id/>
                    <Before id=id/>
                    <During id=id/>
                    <After id=id/>
                }.into_any(),
                _ => view! { <p class="field-error" role="alert">{state.t(T::DlNotDl)}</p> }.into_any(),
            }}
        </section>
    }
}

/// The report to 州纪委监委 and 州党委组织部: due date, countdown, overdue in red.
#[component]
fn ReportBox(id: Id) -> impl IntoView {
    let state = use_app();
    let info = move || {
        let today = state.today.get();
        state.db.with(|db| db.meeting(id).map(|m| democratic_life_report_state(db, m, today)))
    };
    let file = move |_| {
        let today = state.today.get_untracked();
        state.update_docs(|db| {
            let note = db.meeting(id).map(|m| format!("{}民主生活会情况报告", m.date)).unwrap_or_default();
            let nid = db.new_id();
            db.evidence.add(Evidence {
                id: nid,
                kind: EvidenceKind::DemocraticLifeReport,
                date: today,
                member: None,
                counterpart: None,
                department: None,
                days: None,
                note,
            });
            vec![DocId::Evidence(nid)]
        });
    };
    view! {
        {move || info().map(|st| {
            let (status, class) = match st {
                ReportState::NotHeld => ("not-held", "dl-report"),
                ReportState::Filed { .. } => ("filed", "dl-report ok-box"),
                ReportState::Overdue { .. } => ("overdue", "dl-report bad-box"),
                ReportState::Pending { .. } => ("pending", "dl-report warn-box"),
            };
            let lang = state.lang.get();
            let due = match st {
                ReportState::Filed { due, .. } | ReportState::Pending { due, .. } | ReportState::Overdue { due, .. } => Some(due),
                ReportState::NotHeld => None,
            };
            view! {
                <div class=class data-testid="dl-report" data-status=status>
                    <h2>{state.t(T::DlReport)}" "<ArticleLink article=Article::clause(23, 4)/></h2>
                    {due.map(|due| view! { <p class="dl-due">{state.t(T::DlReportDue)}{move || state.colon()}<strong data-testid="dl-report-due">{due.to_string()}</strong></p> })}
                    {match st {
                        ReportState::NotHeld => view! { <p class="muted" data-testid="dl-report-status">{state.t(T::DlReportNotHeld)}</p> }.into_any(),
                        ReportState::Filed { on, .. } => view! { <p class="ok" data-testid="dl-report-status">{state.t(T::DlReportFiled)}" "{on.to_string()}</p> }.into_any(),
                        ReportState::Overdue { days, .. } => view! {
                            <p class="dl-countdown bad" data-testid="dl-report-status">
                                {state.t(T::DlReportOverdue)}" "{lang.of(&Phrase::Days(days))}
                            </p>
                        }.into_any(),
                        ReportState::Pending { days_left, .. } => view! {
                            <p class="dl-countdown" data-testid="dl-report-status">
                                {state.t(T::DlDaysLeft)}{move || state.colon()}<strong data-testid="dl-days-left">{days_left}</strong>{lang.of(&Phrase::DayUnit)}
                            </p>
                        }.into_any(),
                    }}
                    {matches!(st, ReportState::Pending { .. } | ReportState::Overdue { .. }).then(|| view! {
                        <button type="button" class="btn btn-primary no-print" on:click=file data-testid="dl-file-report">{state.t(T::DlFileReport)}</button>
                    })}
                </div>
            }
        })}
    }
}

#[component]
fn Before(id: Id) -> impl IntoView {
    let state = use_app();
    // Memos: a field's value is written back into its input only when the stored value changes,
    // so a save elsewhere does not wipe what is being typed.
    let cyc = Memo::new(move |_| state.db.with(|db| cycle_of(db, id).cloned().unwrap_or_default()));
    let theme = Memo::new(move |_| cyc.with(|c| c.theme.clone()));
    let theme_source = Memo::new(move |_| cyc.with(|c| c.theme_source.clone()));
    let set_theme = move |v: String| edit_cycle(id, |c| c.theme = v);
    let set_source = move |v: String| edit_cycle(id, |c| c.theme_source = v);
    let op_from = RwSignal::new(String::new());
    let op_summary = RwSignal::new(String::new());
    let op_err = RwSignal::new(None::<T>);
    let add_opinion = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let from = op_from.get_untracked();
        if from.trim().is_empty() {
            op_err.set(Some(T::ErrNote));
            return;
        }
        let summary = op_summary.get_untracked();
        let today = state.today.get_untracked();
        edit_cycle(id, |c| {
            c.opinions.push(OpinionSolicited {
                date: Some(today),
                from: from.trim().into(),
                summary: summary.trim().into(),
            })
        });
        op_from.set(String::new());
        op_summary.set(String::new());
        op_err.set(None);
    };
    let a = RwSignal::new(None::<Id>);
    let b = RwSignal::new(None::<Id>);
    let talk_date = RwSignal::new(state.today.get_untracked().to_string());
    let talk_err = RwSignal::new(None::<T>);
    let members = Signal::derive(move || member_options(state.today.get()));
    let add_talk = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(x), Some(y)) = (a.get_untracked(), b.get_untracked()) else {
            talk_err.set(Some(T::ErrMember));
            return;
        };
        if x == y {
            talk_err.set(Some(T::ErrSelf));
            return;
        }
        let Some(d) = parse_date(&talk_date.get_untracked()) else {
            talk_err.set(Some(T::ErrDate));
            return;
        };
        state.update_docs(|db| {
            cycle_mut(db, id).talks.push(HeartTalk { a: x, b: y, date: d });
            vec![DocId::DemocraticLife(id)]
        });
        talk_err.set(None);
    };
    let missing = move || {
        state.db.with(|db| {
            let Some(m) = db.meeting(id) else { return Vec::new() };
            let ids: Vec<Id> = m.attendance.iter().map(|a| a.member).collect();
            let ids =
                if ids.is_empty() { db.org.roster_at(m.date).into_iter().map(|r| r.member).collect() } else { ids };
            let talks = cycle_of(db, id).map(|c| c.talks.clone()).unwrap_or_default();
            missing_talk_pairs(&ids, &talks)
                .into_iter()
                .map(|(x, y)| format!("{}—{}", db.org.member_name(x), db.org.member_name(y)))
                .collect::<Vec<_>>()
        })
    };
    let name = move |m: Id| state.db.with_untracked(|db| db.org.member_name(m));
    view! {
        <fieldset class="card dl-stage">
            <legend>{state.tr(T::DlBefore)}</legend>
            <div class="grid2">
                <label class="field"><span class="field-label">{state.tr(T::DlTheme)}</span>
                    <input type="text" data-testid="dl-theme" prop:value=theme on:change=move |ev| set_theme(event_target_value(&ev))/></label>
                <label class="field"><span class="field-label">{state.tr(T::DlThemeSource)}</span>
                    <input type="text" placeholder="州纪委监委、州党委组织部" prop:value=theme_source on:change=move |ev| set_source(event_target_value(&ev))/></label>
            </div>
            <h3>{state.tr(T::DlOpinions)}</h3>
            <ul class="list">
                {move || cyc.with(|c| c.opinions.clone()).into_iter().map(|o| view! {
                    <li>{o.date.map(|d| d.to_string()).unwrap_or_default()}" "<strong>{o.from}</strong>{move || state.colon()}{o.summary}</li>
                }).collect_view()}
            </ul>
            <form class="grid3 no-print" on:submit=add_opinion>
                <label class="field" class:has-error=move || op_err.get().is_some()><span class="field-label">{state.tr(T::DlOpinionFrom)}</span>
                    <input type="text" data-testid="dl-opinion-from" prop:value=move || op_from.get() on:input=move |ev| op_from.set(event_target_value(&ev))/>
                    {move || op_err.get().map(|e| view! { <span class="field-error" role="alert">{move || state.t(e)}</span> })}</label>
                <label class="field"><span class="field-label">{state.tr(T::DlOpinionSummary)}</span>
                    <input type="text" prop:value=move || op_summary.get() on:input=move |ev| op_summary.set(event_target_value(&ev))/></label>
                <div class="field"><button type="submit" class="btn" data-testid="dl-add-opinion">{state.tr(T::Add)}</button></div>
            </form>
            <h3>{state.tr(T::DlTalks)}</h3>
            <ul class="list">
                {move || cyc.with(|c| c.talks.clone()).into_iter().map(|t| view! { <li>{t.date.to_string()}" "{name(t.a)}" — "{name(t.b)}</li> }).collect_view()}
            </ul>
            {move || {
                let m = missing();
                (!m.is_empty()).then(|| view! { <p class="pill pill-warn warn-line">{state.t(T::DlTalksMissing)}{move || state.colon()}{m.join("、")}</p> })
            }}
            <form class="grid3 no-print" on:submit=add_talk>
                <IdSelect label=state.tr_signal(T::DlTalkA) options=members value=a empty=state.tr_signal(T::None_) error=Signal::derive(move || talk_err.get().map(|e| state.t(e).to_string()))/>
                <IdSelect label=state.tr_signal(T::DlTalkB) options=members value=b empty=state.tr_signal(T::None_)/>
                <label class="field"><span class="field-label">{state.tr(T::Date)}</span>
                    <input type="date" prop:value=move || talk_date.get() on:input=move |ev| talk_date.set(event_target_value(&ev))/></label>
                <div class="field"><button type="submit" class="btn" data-testid="dl-add-talk">{state.tr(T::Add)}</button></div>
            </form>
        </fieldset>
    }
}

#[component]
fn During(id: Id) -> impl IntoView {
    let state = use_app();
    // The list's rows change only with the attendance; each row reads its own statement, so saving
    // one statement neither rebuilds the list (focus stays) nor rewrites the other inputs.
    let roster = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::Org], |db| {
            let Some(m) = db.meeting(id) else { return Vec::new() };
            m.attendance
                .iter()
                .map(|a| (a.member, db.org.member_name(a.member), a.presence.clone()))
                .collect::<Vec<_>>()
        })
    });
    // Until the meeting is held the roster says who is expected: a member not on leave shows as
    // still to attend, not as present.
    let held = Memo::new(move |_| {
        let today = state.today.get();
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).is_some_and(|m| crate::domain::rules::is_held(m, today))
        })
    });
    let criticism =
        Memo::new(move |_| state.db.with(|db| cycle_of(db, id).map(|c| c.criticism.clone()).unwrap_or_default()));
    let set_statement = move |member: Id, f: Box<dyn FnOnce(&mut AbsentStatement)>| {
        edit_cycle(id, |c| {
            let i = match c.statements.iter().position(|s| s.member == member) {
                Some(i) => i,
                None => {
                    c.statements.push(AbsentStatement {
                        member,
                        text: String::new(),
                        read_out: false,
                        informed_on: None,
                    });
                    c.statements.len() - 1
                }
            };
            f(&mut c.statements[i]);
        })
    };
    view! {
        <fieldset class="card dl-stage">
            <legend>{state.tr(T::DlDuring)}</legend>
            <h3>{state.tr(T::DlAttendance)}</h3>
            <ul class="list dl-attendance">
                {move || roster.get().into_iter().map(|(member, name, presence)| {
                    let absent = presence != Presence::Present;
                    let p = match presence { Presence::Present if !held.get() => T::ToAttend, Presence::Present => T::Present, Presence::Leave { .. } => T::OnLeave, Presence::Absent => T::Absent };
                    let st = Memo::new(move |_| state.db.with(|db| cycle_of(db, id).and_then(|c| c.statements.iter().find(|s| s.member == member).cloned())));
                    let has_text = move || st.with(|s| s.as_ref().is_some_and(|s| !s.text.trim().is_empty()));
                    view! {
                        <li class="dl-member" data-testid="dl-member">
                            <span>{name}" "</span><span class=if absent { "pill pill-warn" } else if p == T::ToAttend { "pill" } else { "pill pill-ok" } data-testid="dl-presence">{state.t(p)}</span>
                            {move || (absent && !has_text()).then(|| view! { <span class="field-error">" "{state.t(T::DlStatementMissing)}</span> })}
                            {absent.then(|| {
                                let text = move || st.with(|s| s.as_ref().map(|s| s.text.clone()).unwrap_or_default());
                                let read = move || st.with(|s| s.as_ref().is_some_and(|s| s.read_out));
                                view! {
                                    <label class="field"><span class="field-label">{state.t(T::DlStatements)}</span>
                                        <textarea data-testid="dl-statement" prop:value=text on:change=move |ev| { let v = event_target_value(&ev); set_statement(member, Box::new(move |s| s.text = v)) }></textarea></label>
                                    <label class="check"><input type="checkbox" prop:checked=read on:change=move |ev| { let v = event_target_checked(&ev); set_statement(member, Box::new(move |s| s.read_out = v)) }/>
                                        <span>{state.t(T::DlReadOut)}</span></label>
                                }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <label class="field"><span class="field-label">{state.tr(T::DlCriticism)}</span>
                <textarea data-testid="dl-criticism" prop:value=criticism on:change=move |ev| { let v = event_target_value(&ev); state.update_docs(|db| { cycle_mut(db, id).criticism = v; vec![DocId::DemocraticLife(id)] }) }></textarea></label>
        </fieldset>
    }
}

#[component]
fn After(id: Id) -> impl IntoView {
    let state = use_app();
    let absentees = move || {
        state.db.with(|db| {
            let Some(m) = db.meeting(id) else { return Vec::new() };
            let cyc = cycle_of(db, id);
            m.attendance
                .iter()
                .filter(|a| a.presence != Presence::Present)
                .map(|a| {
                    (
                        a.member,
                        db.org.member_name(a.member),
                        cyc.and_then(|c| c.statements.iter().find(|s| s.member == a.member))
                            .and_then(|s| s.informed_on),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let measures = move || {
        let today = state.today.get();
        state.db.with(|db| {
            cycle_of(db, id)
                .map(|c| {
                    c.rectification_tasks
                        .iter()
                        .filter_map(|t| db.task(*t))
                        .map(|t| {
                            (
                                t.id,
                                t.title.clone(),
                                t.member.map(|m| db.org.member_name(m)),
                                t.deadline,
                                t.status(today),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let measure = RwSignal::new(String::new());
    let owner = RwSignal::new(None::<Id>);
    let deadline = RwSignal::new(String::new());
    let err = RwSignal::new(None::<FieldError>);
    let members = Signal::derive(move || member_options(state.today.get()));
    let add_measure = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(dl) = parse_date(&deadline.get_untracked()) else {
            err.set(Some(FieldError::Text(T::ErrDate)));
            return;
        };
        let text = measure.get_untracked();
        let title =
            if text.trim().is_empty() { String::new() } else { format!("民主生活会整改：{}", text.trim()) };
        let o = owner.get_untracked();
        let today = state.today.get_untracked();
        match state.try_update_docs(|db| {
            let tid = create_task(db, &title, None, o, None, dl, today)?;
            cycle_mut(db, id).rectification_tasks.push(tid);
            Ok::<_, crate::domain::followup::FollowUpError>((tid, vec![DocId::Task(tid), DocId::DemocraticLife(id)]))
        }) {
            Ok(_) => {
                measure.set(String::new());
                err.set(None);
            }
            Err(e) => err.set(Some(FieldError::Refused(e))),
        }
    };
    let notice = move || {
        let today = state.today.get();
        state.db.with(|db| filed(db, id, EvidenceKind::DemocraticLifeNotice, today))
    };
    let record_notice = move |_| {
        let today = state.today.get_untracked();
        state.update_docs(|db| {
            let note = db.meeting(id).map(|m| format!("{}民主生活会及整改情况通报", m.date)).unwrap_or_default();
            let nid = db.new_id();
            db.evidence.add(Evidence {
                id: nid,
                kind: EvidenceKind::DemocraticLifeNotice,
                date: today,
                member: None,
                counterpart: None,
                department: None,
                days: None,
                note,
            });
            vec![DocId::Evidence(nid)]
        })
    };
    view! {
        <fieldset class="card dl-stage">
            <legend>{state.tr(T::DlAfter)}</legend>
            <h3>{state.tr(T::DlInformed)}</h3>
            {move || absentees().is_empty().then(|| view! { <p class="muted" data-testid="dl-no-absentees">{state.t(T::DlNoAbsentees)}</p> })}
            <ul class="list">
                {move || absentees().into_iter().map(|(member, name, informed)| view! {
                    <li class="row gap wrap">
                        <span>{name.clone()}</span>
                        <label class="field"><span class="field-label">{state.t(T::DlInformed)}" · "{name}</span>
                            <input type="date" prop:value=informed.map(|d| d.to_string()).unwrap_or_default()
                                on:change=move |ev| {
                                    let d = parse_date(&event_target_value(&ev));
                                    edit_cycle(id, |c| match c.statements.iter_mut().find(|s| s.member == member) {
                                        Some(s) => s.informed_on = d,
                                        None => c.statements.push(AbsentStatement { member, text: String::new(), read_out: false, informed_on: d }),
                                    })
                                }/></label>
                    </li>
                }).collect_view()}
            </ul>
            <h3>{state.tr(T::DlRectification)}</h3>
            <ul class="list" data-testid="dl-measures">
                {move || measures().into_iter().map(|(tid, title, owner, deadline, status)| view! {
                    <li class="task-row" class:task-overdue=status == crate::domain::task::TaskStatus::Overdue>
                        <a class="task-link" href=Route::Task(tid).href()>{title}" · "{owner.unwrap_or_default()}" · "{deadline.to_string()}</a>
                        <TaskStatusPill status=status/>
                    </li>
                }).collect_view()}
            </ul>
            <form class="grid3 no-print" on:submit=add_measure>
                <label class="field" class:has-error=move || err.get().is_some()><span class="field-label">{state.tr(T::DlMeasure)}</span>
                    <input type="text" data-testid="dl-measure" prop:value=move || measure.get() on:input=move |ev| measure.set(event_target_value(&ev))/>
                    {move || err.get().map(|e| view! { <span class="field-error" role="alert">{move || state.lang.get().of(&e)}</span> })}</label>
                <IdSelect label=state.tr_signal(T::DlOwner) options=members value=owner empty=state.tr_signal(T::None_)/>
                <label class="field"><span class="field-label">{state.tr(T::Deadline)}</span>
                    <input type="date" data-testid="dl-measure-deadline" prop:value=move || deadline.get() on:input=move |ev| deadline.set(event_target_value(&ev))/></label>
                <div class="field"><button type="submit" class="btn" data-testid="dl-add-measure">{state.tr(T::Add)}</button></div>
            </form>
            <h3>{state.tr(T::DlNotice)}" "<ArticleLink article=Article::clause(23, 5)/></h3>
            {move || match notice() {
                Some((_, d)) => view! { <p class="ok" data-testid="dl-notice">{state.t(T::DlReportFiled)}" "{d.to_string()}</p> }.into_any(),
                None => view! { <button type="button" class="btn no-print" on:click=record_notice data-testid="dl-record-notice">{state.t(T::DlRecordNotice)}</button> }.into_any(),
            }}
        </fieldset>
    }
}
