//! The rules engine (规则引擎): the 党组工作规则 as pure functions over the domain records.
//!
//! - [`roster`]: who serves at a meeting and who chairs it (第九、十八条（四）).
//! - [`quorum`]: members due to attend (应到会), present, needed; quorum to open and per item
//!   (第十八条（四）).
//! - [`vote`]: the pass rule (第十八条（五）), 末位表态制, secret ballots, reservations (第十四条).
//! - [`lifecycle`]: what blocks an agenda item's next step (第十七条, 第十八条（二）（三）（七）).
//! - [`expenditure`]: the 5万元 check (第六条（六）).
//! - [`duty`]: recurring duties and their evidence (第十二、十八、十九、二十二至二十八条).
//! - [`risk`]: hints tied to 第二十条.
//!
//! All arithmetic on fractions is integer arithmetic (no floats): "more than `due × num/den`"
//! is `n × den > due × num`.

pub mod duty;
pub mod expenditure;
pub mod lifecycle;
pub mod quorum;
pub mod risk;
pub mod roster;
pub mod vote;

pub use duty::{
    democratic_life_evidence, democratic_life_report_due, democratic_life_report_state, evaluate_duties, is_held,
    DutyKind, DutyStatus, EvidenceRef, ReportState,
};
pub use expenditure::must_go_to_group;
pub use lifecycle::{next_steps, transition, Blocker};
pub use quorum::{item_quorum, meeting_quorum, needed_for_quorum, DueCount, QuorumCheck};
pub use risk::{risk_hints, RiskHint};
pub use roster::{chair_of, follow_roster, roster_for_meeting};
pub use vote::{
    cast_vote, close_vote, declare_reservation, eligible_voters, evaluate_vote, pass_impossible, retract_vote,
    set_secret_tally, votes_needed, VoteError, VoteOutcome,
};

/// `x / den` as a short decimal for explanations: 9/2 → "4.5", 18/3 → "6", 20/3 → "6.67".
/// Integer arithmetic only; rounded to two decimals, trailing zeros dropped.
pub(crate) fn decimal(x: u64, den: u64) -> String {
    if den == 0 {
        return "∞".into();
    }
    let hundredths = (x * 200 + den) / (2 * den); // rounded half up
    let (q, r) = (hundredths / 100, hundredths % 100);
    if r == 0 {
        format!("{q}")
    } else if r % 10 == 0 {
        format!("{q}.{}", r / 10)
    } else {
        format!("{q}.{r:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn decimals_render_halves_thirds_and_integers() {
        assert_eq!(decimal(9, 2), "4.5");
        assert_eq!(decimal(18, 3), "6");
        assert_eq!(decimal(20, 3), "6.67");
        assert_eq!(decimal(16, 3), "5.33");
        assert_eq!(decimal(7, 2), "3.5");
        assert_eq!(decimal(0, 2), "0");
        assert_eq!(decimal(1, 20), "0.05");
    }
}
