//! Sample data (示例数据): the example organisation behind the "load example data" button
//! ([`example::example_db`]) and, natively, the deterministic ten-year reference data set used
//! by the benchmarks ([`reference::reference_db`]).
//!
//! The helpers here build records the way the meeting screens would: attendance snapshots
//! of the roster, open votes with the chair last (末位表态制, 第十八条（五）) and results whose
//! arithmetic is the rules engine's own (`crate::domain::rules`).

use chrono::{Days, NaiveDate};

use crate::domain::{
    category::Category,
    meeting::{Attendance, Ballot, CastVote, Choice, ItemRecord, Meeting, Presence, RecordedResult, VoteMethod},
    org::Organisation,
    rules,
    settings::RuleSettings,
    Id,
};

#[cfg(target_arch = "wasm32")]
pub mod bench_hook;
pub mod example;
pub use example::example_db;
pub mod reference;
mod year;

/// `today` minus `n` days.
pub(crate) fn days_before(today: NaiveDate, n: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(n)).expect("date in range")
}

/// `today` plus `n` days.
pub(crate) fn days_after(today: NaiveDate, n: u64) -> NaiveDate {
    today.checked_add_days(Days::new(n)).expect("date in range")
}

/// The attendance snapshot of the roster on `date`: everyone present except those in `leave`
/// (member, reason).
pub(crate) fn attendance_at(org: &Organisation, date: NaiveDate, leave: &[(Id, &str)]) -> Vec<Attendance> {
    org.roster_at(date)
        .into_iter()
        .map(|r| Attendance {
            member: r.member,
            role: r.role,
            presence: match leave.iter().find(|(m, _)| *m == r.member) {
                Some((_, reason)) => {
                    Presence::Leave { reason: (*reason).to_string(), asked_on: Some(days_before(date, 2)) }
                }
                None => Presence::Present,
            },
            not_counted: None,
        })
        .collect()
}

/// A record of one item with these recusals and ballot, for asking the rules engine.
fn record(recused: &[Id], ballot: Option<&Ballot>) -> ItemRecord {
    ItemRecord {
        item: 0,
        recused: recused.to_vec(),
        notes: vec![],
        opinions: vec![],
        ballot: ballot.cloned(),
        result: None,
        decision: String::new(),
        supersedes: None,
        superseded_by: None,
    }
}

/// Members due and present for an item (the engine's eligible voters).
pub(crate) fn present_members(m: &Meeting, recused: &[Id]) -> Vec<Id> {
    rules::eligible_voters(m, &record(recused, None))
}

/// An open vote of every present member, `choice_of` deciding each choice; the chair (if
/// present) is moved to the end (末位表态制).
pub(crate) fn open_vote(
    m: &Meeting,
    recused: &[Id],
    method: VoteMethod,
    mut choice_of: impl FnMut(Id) -> (Choice, Option<String>),
) -> Ballot {
    let mut voters = present_members(m, recused);
    if let Some(chair) = m.chair {
        if let Some(pos) = voters.iter().position(|v| *v == chair) {
            let c = voters.remove(pos);
            voters.push(c);
        }
    }
    let votes = voters
        .into_iter()
        .map(|member| {
            let (choice, reservation) = choice_of(member);
            CastVote { member, choice, reservation: if choice == Choice::No { reservation } else { None } }
        })
        .collect();
    Ballot::Open { method, votes }
}

/// The result of a closed vote, as the rules engine records it (第十八条（四）（五）). `special`
/// asks for the ⅔ quorum of 干部任免 / 处分党员 items.
pub(crate) fn result_of(
    m: &Meeting,
    recused: &[Id],
    ballot: &Ballot,
    special: bool,
    s: &RuleSettings,
) -> RecordedResult {
    let category = if special { Category::Personnel } else { Category::Other };
    rules::evaluate_vote(m, &record(recused, Some(ballot)), category, s).to_recorded()
}

/// The number of the next summary (纪要) of `year`: one more than the summaries of that year
/// already in `meetings`.
pub(crate) fn next_summary_number(meetings: &[Meeting], year: i32) -> u32 {
    meetings.iter().filter_map(|m| m.summary.as_ref()).filter(|s| s.year == year).map(|s| s.number).max().unwrap_or(0)
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::{MeetingKind, MeetingStage, SecretTally};
    use crate::domain::org::Role;

    fn meeting(n: u32, present: u32) -> Meeting {
        Meeting {
            id: 100,
            kind: MeetingKind::Regular,
            title: String::new(),
            date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            time: String::new(),
            place: String::new(),
            chair: Some(1),
            recorder: String::new(),
            observers: vec![],
            attendance: (1..=n)
                .map(|i| Attendance {
                    member: i,
                    role: if i == 1 { Role::Secretary } else { Role::Member },
                    presence: if i <= present { Presence::Present } else { Presence::Absent },
                    not_counted: None,
                })
                .collect(),
            items: vec![],
            notice: None,
            materials: None,
            stage: MeetingStage::Closed,
            current_item: 0,
            summary: None,
            amendments: vec![],
        }
    }

    #[test]
    fn chair_votes_last_and_yes_must_exceed_half_of_due_not_of_present() {
        let m = meeting(7, 5);
        let b =
            open_vote(
                &m,
                &[],
                VoteMethod::Named,
                |id| if id <= 3 { (Choice::Yes, None) } else { (Choice::Abstain, None) },
            );
        let Ballot::Open { votes, .. } = &b else { panic!() };
        assert_eq!(votes.last().unwrap().member, 1);
        assert_eq!(votes.len(), 5);
        // 3 yes of 7 due: a majority of those present, but not more than half of 7.
        let r = result_of(&m, &[], &b, false, &RuleSettings::default());
        assert!(r.quorum_met);
        assert!(!r.passed);
        let b4 =
            open_vote(&m, &[], VoteMethod::Named, |id| if id <= 4 { (Choice::Yes, None) } else { (Choice::No, None) });
        assert!(result_of(&m, &[], &b4, false, &RuleSettings::default()).passed);
    }

    #[test]
    fn special_quorum_needs_more_than_two_thirds_present() {
        let tally = Ballot::Secret(SecretTally { yes: 4, no: 0, abstain: 0, invalid: 0 });
        // 6 due, 4 present: exactly two thirds is not "more than" under the strict reading.
        let r = result_of(&meeting(6, 4), &[], &tally, true, &RuleSettings::default());
        assert!(!r.quorum_met && !r.passed);
        let r = result_of(&meeting(6, 5), &[], &tally, true, &RuleSettings::default());
        assert!(r.quorum_met && r.passed);
    }
}
