//! The vote of one agenda item on the live screen (表决, 第十八条（五）): its status before a
//! result (待表决, the yes votes needed, "cannot pass"), the method, one row per member for an
//! open vote (the chair last) or the totals of a secret ballot, closing it, and the result with
//! its arithmetic.
//!
//! Rows are keyed by member: a vote, a recusal or someone leaving touches only that member's row,
//! so a reservation typed in another row stays as typed.

use crate::records::Reads;
use leptos::prelude::*;

use super::method_text;
use crate::app::use_app;
use crate::components::article_link::ArticleLink;
use crate::domain::article::cite;
use crate::domain::category::Category;
use crate::domain::conduct;
use crate::domain::db::Db;
use crate::domain::doc::DocId;
use crate::domain::meeting::{Ballot, Choice, Meeting, MeetingStage, Presence, SecretTally, VoteMethod};
use crate::domain::rules::{self, VoteError};
use crate::domain::Id;
use crate::i18n::meetings::MeetingsText as T;
use crate::i18n::Lang;

/// A change to one meeting's vote, given the rule settings; refused changes leave it as it was.
type VoteChange = dyn FnOnce(&mut Meeting, &crate::domain::settings::RuleSettings) -> Result<(), VoteError>;

/// A refused vote step in the current language; the Chinese names the members concerned.
fn vote_message(e: &VoteError, db: &Db, lang: Lang) -> String {
    match lang {
        Lang::Zh => e.zh_named(&db.org),
        Lang::En => e.en(),
    }
}

/// Why a member casts no vote on this item, if so: recused, not counted, on leave or absent.
fn not_voting(m: &Meeting, item: Id, member: Id) -> Option<T> {
    let a = m.attendance.iter().find(|a| a.member == member)?;
    if m.record(item).is_some_and(|r| r.recused.contains(&member)) {
        Some(T::Recusal)
    } else if a.not_counted.is_some() {
        Some(T::NotCounted)
    } else {
        match a.presence {
            Presence::Present => None,
            Presence::Leave { .. } => Some(T::Leave),
            Presence::Absent => Some(T::Absent),
        }
    }
}

/// The vote of one item.
#[component]
pub fn VoteSection(
    /// The meeting.
    id: Id,
    /// The agenda item voted on.
    item: Id,
    /// The meeting's stage.
    stage: Memo<Option<MeetingStage>>,
    /// Whether the meeting is open (votes can be cast).
    live: Memo<bool>,
    /// The item's category (it decides the quorum and the majority).
    category: Category,
) -> impl IntoView {
    let state = use_app();
    let err = RwSignal::new(None::<VoteError>);
    let fixed_method = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).and_then(|m| m.record(item)).and_then(|r| match &r.ballot {
                Some(Ballot::Secret(_)) => Some(VoteMethod::Secret),
                Some(Ballot::Open { method, votes }) if !votes.is_empty() => Some(*method),
                _ => None,
            })
        })
    });
    let picked = RwSignal::new(VoteMethod::Hands);
    let method = Memo::new(move |_| fixed_method.get().unwrap_or_else(|| picked.get()));
    let closed = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).and_then(|m| m.record(item)).and_then(|r| r.result.clone())
        })
    });
    let outcome = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id), Reads::SETTINGS], |db| {
            db.meeting(id).and_then(|m| {
                m.record(item).map(|r| {
                    let o = rules::evaluate_vote(m, r, category, &db.settings);
                    VoteOutlook {
                        explain: (o.explain_zh(), o.explain_en()),
                        quorum_met: o.quorum.met,
                        impossible: rules::pass_impossible(m, r, category, &db.settings),
                        needed: o.needed,
                        cast: o.yes + o.no + o.abstain + o.invalid > 0,
                        eligible: o.eligible,
                    }
                })
            })
        })
    });
    let members = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).map(|m| m.attendance.iter().map(|a| a.member).collect::<Vec<_>>()).unwrap_or_default()
        })
    });
    let run = Callback::new(move |f: Box<VoteChange>| {
        let res = state.try_update_docs(|db| {
            let s = db.settings.clone();
            let m = db.meeting_mut(id).ok_or(VoteError::UnknownItem)?;
            let had_result = m.record(item).is_some_and(|r| r.result.is_some());
            f(m, &s)?;
            let mut changed = vec![DocId::Meeting(id)];
            // A change that closed the vote moves the item on (已决定, or 缓议 without quorum).
            if !had_result && m.record(item).is_some_and(|r| r.result.is_some()) {
                changed.extend(conduct::after_close(db, id, item));
            }
            Ok::<_, VoteError>(((), changed))
        });
        err.set(res.err());
    });
    let close = move |_| run.run(Box::new(move |m, s| rules::close_vote(m, item, category, s).map(drop)));
    view! {
        <fieldset class="subset vote-section" data-testid="vote-section">
            <legend>{state.tr(T::Vote)}" "<ArticleLink article=cite::VOTE/></legend>
            {move || err.get().map(|e| view! {
                <p class="field-error vote-error" role="alert" data-testid="vote-error">{move || state.db.with_untracked(|db| vote_message(&e, db, state.lang.get()))}</p>
            })}
            {move || closed.get().map(|r| {
                let (cls, label) = if !r.quorum_met { ("result result-invalid", T::InvalidVote) } else if r.passed { ("result result-pass", T::Passed) } else { ("result result-fail", T::NotPassed) };
                let (zh, en) = (r.explanation_for(true).to_string(), r.explanation_for(false).to_string());
                view! {
                    <div class=cls data-testid="vote-result" data-passed=r.passed.to_string() data-valid=r.quorum_met.to_string()>
                        <strong>{state.t(T::Result)}{move || state.colon()}{state.t(label)}</strong>
                        <p data-testid="vote-arithmetic">{move || state.lang.get().pick(zh.clone(), en.clone())}</p>
                    </div>
                }
            })}
            // Before a result: 待表决 (or 表决中) and the yes votes needed, with the warning that
            // the item cannot pass as soon as attendance makes it so, also before 宣布开会.
            {move || (closed.with(Option::is_none) && matches!(stage.get(), Some(MeetingStage::Planned | MeetingStage::InProgress))).then(|| {
                outcome.get().map(|o| view! {
                    <p class="vote-status" data-testid="vote-status" data-cast=o.cast.to_string()>
                        <strong>{state.t(if o.cast { T::VotingNow } else { T::PendingVote })}</strong>
                        {format!(" · {} ≥ {}", state.t(T::NeedYes), o.needed)}
                    </p>
                    {o.impossible.then(|| view! { <p class="pill pill-warn warn-line" role="alert" data-testid="pass-impossible">{state.t(T::PassImpossible)}{move || state.lang.get().brackets().0}<ArticleLink article=cite::VOTE/>{move || state.lang.get().brackets().1}</p> })}
                    {o.cast.then(|| { let (zh, en) = o.explain.clone(); view! { <p class="vote-explain" data-testid="vote-live-arithmetic">{move || state.lang.get().pick(zh.clone(), en.clone())}</p> } })}
                })
            })}
            // Not open and no result: say why there is no ballot (before the meeting) or that
            // the item has no result (no vote, or a ballot left unfinished when the meeting ended).
            {move || (!live.get() && closed.with(Option::is_none)).then(|| view! {
                <p class="muted" data-testid="vote-waiting">{move || state.t(if stage.get() == Some(MeetingStage::Planned) { T::VoteAfterOpening } else { T::NoVote })}</p>
            })}
            {move || (live.get() && closed.with(Option::is_none)).then(|| view! {
                <div class="vote-live">
                    <MethodField method=method fixed=fixed_method picked=picked/>
                    {move || if method.get() == VoteMethod::Secret {
                        view! { <SecretTallyForm item=item category=category outcome=outcome run=run/> }.into_any()
                    } else {
                        view! {
                            <div class="vote-rows">
                                <For each=move || members.get() key=|mid| *mid let:mid>
                                    <VoteRow id=id item=item member=mid method=method category=category run=run/>
                                </For>
                            </div>
                        }.into_any()
                    }}
                    <div class="row gap wrap">
                        {move || {
                            let met = outcome.with(|o| o.as_ref().is_some_and(|o| o.quorum_met));
                            if met && method.get() == VoteMethod::Secret {
                                ().into_any()
                            } else if met {
                                view! { <button type="button" class="btn btn-primary" data-testid="close-vote" on:click=close>{state.t(T::CloseVote)}</button> }.into_any()
                            } else {
                                view! { <button type="button" class="btn btn-danger" data-testid="record-invalid" on:click=close>{state.t(T::RecordInvalid)}</button> }.into_any()
                            }
                        }}
                    </div>
                </div>
            })}
        </fieldset>
    }
}

/// What the rules say about an item's vote before its result.
#[derive(Clone, Debug, PartialEq)]
struct VoteOutlook {
    /// The arithmetic so far, in Chinese and English.
    explain: (String, String),
    /// 到会人数 meets the quorum.
    quorum_met: bool,
    /// The item can no longer pass, whatever the remaining votes.
    impossible: bool,
    /// 需同意票: the yes votes needed.
    needed: u32,
    /// Any vote (or total) is recorded.
    cast: bool,
    /// Members entitled to vote.
    eligible: u32,
}

/// The method select; locked, with the reason, once votes are cast or totals entered.
#[component]
fn MethodField(
    /// The method in force.
    method: Memo<VoteMethod>,
    /// The method fixed by the votes cast, if any.
    fixed: Memo<Option<VoteMethod>>,
    /// The method chosen while nothing is cast.
    picked: RwSignal<VoteMethod>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="field method-field">
            <span class="field-label">{state.tr(T::Method)}</span>
            <select data-testid="vote-method" disabled=move || fixed.get().is_some()
                on:change=move |ev| { if let Ok(m) = event_target_value(&ev).parse::<VoteMethod>() { picked.set(m) } }>
                {[VoteMethod::Oral, VoteMethod::Hands, VoteMethod::Named, VoteMethod::Secret].into_iter().map(|vm| view! {
                    <option value=vm.to_string() selected=move || method.get() == vm>{move || state.t(method_text(vm))}</option>
                }).collect_view()}
            </select>
        </label>
        // Why the method cannot change: votes are cast (撤回 unlocks it) or totals entered.
        {move || fixed.get().map(|fm| view! {
            <p class="muted method-locked" data-testid="method-locked">{move || state.t(if fm == VoteMethod::Secret { T::MethodLockedSecret } else { T::MethodLocked })}</p>
        })}
    }
}

/// A secret ballot's totals (无记名投票: totals only, never who voted how): counted as typed,
/// saved and closed in one step.
#[component]
fn SecretTallyForm(
    /// The agenda item.
    item: Id,
    /// The item's category.
    category: Category,
    /// The rules' outlook (the quorum, the members entitled to vote).
    outcome: Memo<Option<VoteOutlook>>,
    /// Runs a vote change and shows its refusal.
    run: Callback<Box<VoteChange>>,
) -> impl IntoView {
    let state = use_app();
    let tally = [RwSignal::new(0u32), RwSignal::new(0u32), RwSignal::new(0u32), RwSignal::new(0u32)];
    let labels = [T::Yes, T::No, T::Abstain, T::Invalid];
    let ids = ["tally-yes", "tally-no", "tally-abstain", "tally-invalid"];
    let confirm = move |_| {
        let t = SecretTally {
            yes: tally[0].get_untracked(),
            no: tally[1].get_untracked(),
            abstain: tally[2].get_untracked(),
            invalid: tally[3].get_untracked(),
        };
        run.run(Box::new(move |m, s| {
            rules::set_secret_tally(m, item, t, category, s)?;
            rules::close_vote(m, item, category, s).map(drop)
        }))
    };
    view! {
        <p class="muted">{state.tr(T::SecretTotals)}</p>
        <div class="tally-grid">
            {(0..4).map(|i| view! {
                <label class="field">
                    <span class="field-label">{move || state.t(labels[i])}</span>
                    <input type="number" min="0" inputmode="numeric" data-testid=ids[i] prop:value=move || tally[i].get().to_string()
                        on:input=move |ev| tally[i].set(event_target_value(&ev).trim().parse().unwrap_or(0))/>
                </label>
            }).collect_view()}
        </div>
        <p class="tally-count" data-testid="tally-count">{move || {
            let sum: u32 = tally.iter().map(|t| t.get()).sum();
            let eligible = outcome.with(|o| o.as_ref().map_or(0, |o| o.eligible));
            format!("{}{}{sum} / {}{}{eligible}", state.t(T::SecretCounted), state.colon(), state.t(T::SecretEligible), state.colon())
        }}</p>
        {move || outcome.with(|o| o.as_ref().is_some_and(|o| o.quorum_met)).then(|| view! {
            <button type="button" class="btn btn-primary" data-testid="tally-confirm" on:click=confirm>{state.tr(T::ConfirmTally)}</button>
        })}
    }
}

/// One member's row of an open vote: 赞成 / 反对 / 弃权, 撤回, and a reservation after 反对
/// (保留意见, 第十八条). The chair votes last (末位表态).
#[component]
fn VoteRow(
    /// The meeting.
    id: Id,
    /// The agenda item.
    item: Id,
    /// The member.
    member: Id,
    /// The method in force.
    method: Memo<VoteMethod>,
    /// The item's category.
    category: Category,
    /// Runs a vote change and shows its refusal.
    run: Callback<Box<VoteChange>>,
) -> impl IntoView {
    let state = use_app();
    let name = Memo::new(move |_| state.db.reading(&[Reads::Org], |db| db.org.member_name(member)));
    let why = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).and_then(|m| not_voting(m, item, member)))
    });
    let is_chair = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| db.meeting(id).and_then(rules::chair_of)) == Some(member)
    });
    let cast = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id).and_then(|m| m.record(item)).and_then(|r| match &r.ballot {
                Some(Ballot::Open { votes, .. }) => {
                    votes.iter().find(|v| v.member == member).map(|v| (v.choice, v.reservation.clone()))
                }
                _ => None,
            })
        })
    });
    let others_pending = Memo::new(move |_| {
        state.db.reading(&[Reads::meeting(id)], |db| {
            db.meeting(id)
                .and_then(|m| {
                    m.record(item).map(|r| {
                        let voted: Vec<Id> = match &r.ballot {
                            Some(Ballot::Open { votes, .. }) => votes.iter().map(|v| v.member).collect(),
                            _ => vec![],
                        };
                        rules::eligible_voters(m, r).into_iter().any(|x| x != member && !voted.contains(&x))
                    })
                })
                .unwrap_or(false)
        })
    });
    let chosen = move || cast.with(|c| c.as_ref().map(|x| x.0));
    // A memo, so that saving the reservation (which changes `cast`) keeps the field as it is.
    let voted_no = Memo::new(move |_| chosen() == Some(Choice::No));
    let btn = move |label: T, c: Choice, testid: &'static str| {
        view! {
            <button type="button" class="btn toggle vote-btn" data-testid=testid
                class:on=move || chosen() == Some(c)
                aria-pressed=move || (chosen() == Some(c)).to_string()
                aria-disabled=move || (is_chair.get() && others_pending.get()).then_some("true")
                on:click=move |_| run.run(Box::new(move |m, s| rules::cast_vote(m, item, member, c, method.get_untracked(), category, s)))>
                {move || state.t(label)}
            </button>
        }
    };
    view! {
        <div class="vote-row" data-testid="vote-row" data-member=member.to_string() data-chair=move || is_chair.get().to_string() class:vote-row-out=move || why.get().is_some()>
            <div class="vote-name">
                <strong>{move || name.get()}</strong>
                {move || is_chair.get().then(|| view! {
                    <span class="pill" class:pill-warn=move || others_pending.get()>{move || if others_pending.get() { format!("🔒 {}", state.t(T::ChairLast)) } else { state.t(T::ChairLast).to_string() }}</span>
                })}
                {move || why.get().map(|w| view! { <span class="pill">{move || state.t(w)}</span> })}
            </div>
            {move || why.with(Option::is_none).then(|| view! {
                <div class="vote-btns" role="group">
                    {btn(T::Yes, Choice::Yes, "vote-yes")}
                    {btn(T::No, Choice::No, "vote-no")}
                    {btn(T::Abstain, Choice::Abstain, "vote-abstain")}
                    {move || cast.with(Option::is_some).then(|| view! {
                        <button type="button" class="btn btn-quiet btn-small" data-testid="vote-retract"
                            on:click=move |_| run.run(Box::new(move |m, _| rules::retract_vote(m, item, member)))>{state.tr(T::Retract)}</button>
                    })}
                </div>
            })}
            {move || voted_no.get().then(|| view! { <Reservation item=item member=member saved=Signal::derive(move || cast.get().and_then(|x| x.1)) run=run/> })}
        </div>
    }
}

/// A member's reservation after voting 反对: the one saved, and a field to write or change it.
#[component]
fn Reservation(
    /// The agenda item.
    item: Id,
    /// The member.
    member: Id,
    /// The reservation saved, if any.
    saved: Signal<Option<String>>,
    /// Runs a vote change and shows its refusal.
    run: Callback<Box<VoteChange>>,
) -> impl IntoView {
    let state = use_app();
    let typed = RwSignal::new(String::new());
    let save = move |_| {
        let t = typed.get_untracked();
        run.run(Box::new(move |m, _| rules::declare_reservation(m, item, member, t)))
    };
    view! {
        <div class="reservation">
            {move || saved.get().map(|r| view! { <span class="pill pill-warn" data-testid="reservation-shown">{format!("{}{}{r}", state.t(T::Reservation), state.colon())}</span> })}
            <label class="field">
                <span class="field-label">{state.tr(T::Reservation)}" "<ArticleLink article=cite::COLLECTIVE/></span>
                <input type="text" data-testid="reservation-text" placeholder=state.tr(T::ReservationHint) prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
            </label>
            <button type="button" class="btn btn-small" data-testid="reservation-save" on:click=save>{state.tr(T::Save)}</button>
        </div>
    }
}
