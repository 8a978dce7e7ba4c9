//! Quorum and pass rule: table-driven for N = 3…15, both readings, recusals and members not
//! counted; the known traps; property tests (第十八条（四）（五）).
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod rules_support;

use proptest::prelude::*;
use rules_support::*;
use yishi::domain::{
    category::Category,
    meeting::{Ballot, CastVote, Choice, Meeting, Presence, VoteMethod},
    rules::{
        evaluate_vote, item_quorum, meeting_quorum, needed_for_quorum, pass_impossible, set_secret_tally, votes_needed,
        VoteError,
    },
    settings::{Fraction, Reading, RuleSettings},
};

fn settings(reading: Reading) -> RuleSettings {
    RuleSettings { reading, ..RuleSettings::default() }
}

/// Oracle by search: the smallest n ≥ 1 with n > due·f (strict) or n ≥ due·f (inclusive).
fn oracle_needed(due: u32, f: Fraction, reading: Reading) -> u32 {
    (1..=due + 1)
        .find(|&n| match reading {
            Reading::Strict => n * f.den > due * f.num,
            Reading::Inclusive => n * f.den >= due * f.num,
        })
        .unwrap()
}

#[test]
fn known_traps_nine_members() {
    let m = meeting(9);
    for reading in [Reading::Strict, Reading::Inclusive] {
        let s = settings(reading);
        let q = meeting_quorum(&m, &s);
        assert_eq!((q.due.due, q.needed), (9, 5), "{reading:?}");
        assert_eq!(votes_needed(9, &s), 5);
    }
    let strict = item_quorum(&m, &m.items[0], Category::Personnel, &settings(Reading::Strict));
    assert!(strict.special);
    assert_eq!(strict.needed, 7);
    let inclusive = item_quorum(&m, &m.items[0], Category::PartyDiscipline, &settings(Reading::Inclusive));
    assert_eq!(inclusive.needed, 6);
    // 6 present: ⅔ met only under the inclusive reading.
    let mut six = meeting(9);
    for id in 7..=9 {
        absent(&mut six, id);
    }
    assert!(!item_quorum(&six, &six.items[0], Category::Personnel, &settings(Reading::Strict)).met);
    assert!(item_quorum(&six, &six.items[0], Category::Personnel, &settings(Reading::Inclusive)).met);
    // …but an ordinary item opens under both.
    assert!(item_quorum(&six, &six.items[0], Category::Budget, &settings(Reading::Strict)).met);
}

#[test]
fn known_traps_ten_members() {
    let s = RuleSettings::default();
    let mut m = meeting(10);
    assert_eq!(meeting_quorum(&m, &s).needed, 6);
    assert_eq!(votes_needed(10, &s), 6);
    for id in 6..=10 {
        absent(&mut m, id);
    }
    let q = meeting_quorum(&m, &s);
    assert_eq!((q.present, q.met), (5, false), "exactly half is not more than half");
    assert!(meeting_quorum(&m, &settings(Reading::Inclusive)).met);
}

#[test]
fn known_traps_eight_members_four_present() {
    let mut m = meeting(8);
    for id in 5..=8 {
        on_leave(&mut m, id);
    }
    let strict = settings(Reading::Strict);
    let q = meeting_quorum(&m, &strict);
    assert_eq!((q.due.due, q.present, q.needed, q.met), (8, 4, 5, false));
    let inclusive = settings(Reading::Inclusive);
    let q = meeting_quorum(&m, &inclusive);
    assert_eq!((q.needed, q.met), (4, true));
    // It opens, but no item can pass: 5 yes votes are needed and only 4 can vote.
    assert!(pass_impossible(&m, &m.items[0], Category::Budget, &inclusive));
    assert_eq!(evaluate_vote(&m, &m.items[0], Category::Budget, &inclusive).needed, 5);
    let mut nine = meeting(9);
    for id in 6..=9 {
        absent(&mut nine, id);
    }
    assert!(!pass_impossible(&nine, &nine.items[0], Category::Budget, &strict));
}

/// Build a meeting of `n` with `r` recused from the item (ids 2..), `k` marked not counted
/// (the last ids) and exactly `p` of the remaining members present.
fn scenario(n: u32, r: u32, k: u32, p: u32) -> Meeting {
    let mut m = meeting(n);
    m.items[0].recused = (2..2 + r).collect();
    for id in n + 1 - k..=n {
        not_counted(&mut m, id);
    }
    let mut others: Vec<u32> = (1..=n).filter(|id| !m.items[0].recused.contains(id) && *id <= n - k).collect();
    others.reverse();
    for id in others.into_iter().skip(p as usize) {
        absent(&mut m, id);
    }
    m
}

#[test]
fn table_quorum_and_pass_for_three_to_fifteen_members() {
    let mut cases = 0;
    for n in 3..=15u32 {
        for reading in [Reading::Strict, Reading::Inclusive] {
            for r in 0..=2u32 {
                for k in 0..=2u32 {
                    if r + k > n - 1 {
                        continue; // the secretary plus disjoint recused and not-counted members
                    }
                    let eligible = n - r - k;
                    for p in 0..=eligible {
                        let m = scenario(n, r, k, p);
                        let s = settings(reading);
                        let due = n - r - k;
                        for cat in [Category::Budget, Category::Personnel] {
                            let q = item_quorum(&m, &m.items[0], cat, &s);
                            let f = if cat == Category::Personnel { Fraction::TWO_THIRDS } else { Fraction::HALF };
                            let needed = oracle_needed(due, f, reading);
                            assert_eq!((q.due.serving, q.due.recused, q.due.not_counted), (n, r, k));
                            assert_eq!(
                                (q.due.due, q.present, q.needed),
                                (due, p, needed),
                                "n={n} r={r} k={k} p={p} {reading:?} {cat:?}"
                            );
                            assert_eq!(q.met, p >= needed, "n={n} r={r} k={k} p={p}");
                            assert!(q.present <= q.due.due);
                            // Pass: all present vote yes.
                            let mut v = m.clone();
                            let votes = yishi::domain::rules::eligible_voters(&v, &v.items[0])
                                .into_iter()
                                .map(|member| CastVote { member, choice: Choice::Yes, reservation: None })
                                .collect();
                            v.items[0].ballot = Some(Ballot::Open { method: VoteMethod::Hands, votes });
                            let o = evaluate_vote(&v, &v.items[0], cat, &s);
                            let pass_needed = (1..).find(|y| 2 * y > due).unwrap();
                            assert_eq!(o.needed, pass_needed);
                            assert_eq!(o.yes, p);
                            assert_eq!(
                                o.passed,
                                q.met && p >= pass_needed,
                                "n={n} r={r} k={k} p={p} {reading:?} {cat:?}"
                            );
                            assert_eq!(pass_impossible(&m, &m.items[0], cat, &s), p < pass_needed);
                            cases += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(cases > 2000);
}

#[test]
fn switching_off_subtractions_keeps_members_due_but_never_present() {
    let mut m = scenario(9, 2, 1, 6);
    let mut s = RuleSettings { subtract_recused: false, subtract_not_counted: false, ..RuleSettings::default() };
    let q = item_quorum(&m, &m.items[0], Category::Budget, &s);
    assert_eq!((q.due.due, q.due.recused_kept, q.due.not_counted_kept, q.present), (9, 2, 1, 6));
    assert!(q.due.explain_zh().contains("回避2人仍计入"));
    // A not-counted member who attends anyway is not present (and cannot vote).
    let last = m.attendance.last_mut().unwrap();
    last.presence = Presence::Present;
    assert_eq!(item_quorum(&m, &m.items[0], Category::Budget, &s).present, 6);
    s.subtract_not_counted = true;
    let q = item_quorum(&m, &m.items[0], Category::Budget, &s);
    assert_eq!((q.due.due, q.present), (8, 6));
}

#[test]
fn a_member_both_recused_and_not_counted_is_subtracted_once() {
    let mut m = meeting(7);
    not_counted(&mut m, 7);
    m.items[0].recused = vec![7];
    let q = item_quorum(&m, &m.items[0], Category::Budget, &RuleSettings::default());
    assert_eq!((q.due.recused, q.due.not_counted, q.due.due), (0, 1, 6));
}

#[test]
fn nobody_due_never_meets_quorum() {
    let mut m = meeting(3);
    for id in 1..=3 {
        not_counted(&mut m, id);
    }
    for reading in [Reading::Strict, Reading::Inclusive] {
        let q = meeting_quorum(&m, &settings(reading));
        assert_eq!(q.due.due, 0);
        assert!(!q.met);
    }
    assert_eq!(needed_for_quorum(0, Fraction::HALF, Reading::Inclusive), 0);
}

#[test]
fn explanations_name_the_figures_reading_and_article() {
    let mut m = meeting(9);
    m.items[0].recused = vec![9];
    let q = item_quorum(&m, &m.items[0], Category::Budget, &RuleSettings::default());
    assert_eq!(
        q.explain_zh(),
        "应到会8人（在任9人，减回避1人），实到8人，须超过半数（4）即至少5人，已达到法定人数（第十八条（四））"
    );
    let q = item_quorum(&meeting(9), &m.items[0], Category::Personnel, &settings(Reading::Inclusive));
    assert!(q.explain_zh().starts_with("干部任免、处分党员事项须三分之二以上党组成员到会："), "{}", q.explain_zh());
    assert!(q.explain_zh().contains("须三分之二以上（含本数，5.33）即至少6人"), "{}", q.explain_zh());
    assert!(q.explain_en().contains("Art. 18(4)"));
}

fn arb_meeting() -> impl Strategy<Value = (Meeting, RuleSettings)> {
    (1u32..=20, any::<u64>(), prop::bool::ANY, prop::bool::ANY, prop::bool::ANY).prop_map(
        |(n, bits, inclusive, sr, snc)| {
            let mut m = meeting(n);
            for id in 1..=n {
                let b = (bits >> ((id * 3) % 61)) & 7;
                match b {
                    0 => absent(&mut m, id),
                    1 => on_leave(&mut m, id),
                    2 => m.items[0].recused.push(id),
                    3 => not_counted(&mut m, id),
                    _ => {}
                }
            }
            let s = RuleSettings {
                reading: if inclusive { Reading::Inclusive } else { Reading::Strict },
                subtract_recused: sr,
                subtract_not_counted: snc,
                ..RuleSettings::default()
            };
            (m, s)
        },
    )
}

fn with_votes(mut m: Meeting, choices: &[u8]) -> Meeting {
    let votes = yishi::domain::rules::eligible_voters(&m, &m.items[0])
        .into_iter()
        .zip(choices.iter().cycle())
        .map(|(member, c)| CastVote {
            member,
            choice: match c % 3 {
                0 => Choice::Yes,
                1 => Choice::No,
                _ => Choice::Abstain,
            },
            reservation: None,
        })
        .collect();
    m.items[0].ballot = Some(Ballot::Open { method: VoteMethod::Named, votes });
    m
}

proptest! {
    #[test]
    fn pass_implies_yes_exceeds_half_of_due((m, s) in arb_meeting(), choices in prop::collection::vec(0u8..3, 1..20), personnel in prop::bool::ANY) {
        let cat = if personnel { Category::Personnel } else { Category::Budget };
        let m = with_votes(m, &choices);
        let o = evaluate_vote(&m, &m.items[0], cat, &s);
        prop_assert!(o.quorum.present <= o.quorum.due.due);
        prop_assert!(o.yes + o.no + o.abstain <= o.quorum.present);
        if o.passed {
            prop_assert!(2 * o.yes > o.quorum.due.due);
            prop_assert!(o.quorum.met);
        }
    }

    #[test]
    fn recusing_a_member_never_raises_votes_needed((m, s) in arb_meeting(), pick in 0usize..20) {
        let before = evaluate_vote(&m, &m.items[0], Category::Budget, &s).needed;
        let mut after = m.clone();
        let id = after.attendance[pick % after.attendance.len()].member;
        if !after.items[0].recused.contains(&id) {
            after.items[0].recused.push(id);
        }
        prop_assert!(evaluate_vote(&after, &after.items[0], Category::Budget, &s).needed <= before);
    }

    #[test]
    fn adding_a_present_member_never_breaks_a_met_quorum((m, s) in arb_meeting(), pick in 0usize..20, personnel in prop::bool::ANY) {
        let cat = if personnel { Category::Personnel } else { Category::Budget };
        let mut after = m.clone();
        let i = pick % after.attendance.len();
        after.attendance[i].presence = Presence::Present;
        if meeting_quorum(&m, &s).met {
            prop_assert!(meeting_quorum(&after, &s).met);
        }
        if item_quorum(&m, &m.items[0], cat, &s).met {
            prop_assert!(item_quorum(&after, &after.items[0], cat, &s).met);
        }
    }

    #[test]
    fn secret_tallies_never_exceed_eligible_voters((m, s) in arb_meeting(), t in (0u32..12, 0u32..12, 0u32..12, 0u32..4)) {
        let mut m = m;
        let tally = yishi::domain::meeting::SecretTally { yes: t.0, no: t.1, abstain: t.2, invalid: t.3 };
        let eligible = yishi::domain::rules::eligible_voters(&m, &m.items[0]).len() as u32;
        let total = t.0 + t.1 + t.2 + t.3;
        let met = item_quorum(&m, &m.items[0], Category::Budget, &s).met;
        match set_secret_tally(&mut m, 100, tally, Category::Budget, &s) {
            Ok(()) => prop_assert!(met && total <= eligible),
            Err(VoteError::TallyTooLarge { total: t2, eligible: e2 }) => prop_assert!(met && t2 == total && e2 == eligible && total > eligible),
            Err(VoteError::NoQuorum(_)) => prop_assert!(!met),
            Err(e) => prop_assert!(false, "unexpected {e:?}"),
        }
    }

    #[test]
    fn strict_needed_is_never_below_inclusive(due in 0u32..200, num in 1u32..9, den in 2u32..10) {
        prop_assume!(num < den);
        let f = Fraction { num, den };
        let st = needed_for_quorum(due, f, Reading::Strict);
        let inc = needed_for_quorum(due, f, Reading::Inclusive);
        prop_assert!(st >= inc);
        prop_assert_eq!(st, oracle_needed(due, f, Reading::Strict));
        prop_assert_eq!(inc, if due == 0 { 0 } else { oracle_needed(due, f, Reading::Inclusive) });
    }
}
