//! Voting: 末位表态制 over every order of votes, secret ballots, reservations, closing
//! (第十四条, 第十八条（四）（五）).
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

mod rules_support;

use rules_support::*;
use yishi::domain::{
    category::Category,
    meeting::{Ballot, Choice, MeetingStage, SecretTally, VoteMethod, WrittenOpinion},
    rules::{
        cast_vote, close_vote, declare_reservation, eligible_voters, evaluate_vote, retract_vote, set_secret_tally,
        VoteError,
    },
    settings::RuleSettings,
};

const ITEM: u32 = 100;

/// Heap's algorithm: call `f` with every permutation of `v`.
fn for_each_permutation(v: &mut [u32], f: &mut impl FnMut(&[u32])) {
    let n = v.len();
    let mut c = vec![0usize; n];
    f(v);
    let mut i = 0;
    while i < n {
        if c[i] < i {
            if i % 2 == 0 {
                v.swap(0, i);
            } else {
                v.swap(c[i], i);
            }
            f(v);
            c[i] += 1;
            i = 0;
        } else {
            c[i] = 0;
            i += 1;
        }
    }
}

/// Cast in `order`; the chair's attempt is refused while others wait and retried at the end.
fn run_order(n: u32, chair: u32, order: &[u32], s: &RuleSettings) {
    let mut m = meeting(n);
    m.chair = Some(chair);
    let mut chair_refused = false;
    for (pos, &member) in order.iter().enumerate() {
        let r = cast_vote(&mut m, ITEM, member, Choice::Yes, VoteMethod::Oral, Category::Budget, s);
        if member == chair && pos + 1 < order.len() {
            let waiting: Vec<u32> = (1..=n).filter(|id| *id != chair && !order[..pos].contains(id)).collect();
            assert_eq!(r, Err(VoteError::ChairNotLast { waiting }), "order {order:?}");
            chair_refused = true;
        } else {
            assert_eq!(r, Ok(()), "order {order:?} member {member}");
        }
    }
    if chair_refused {
        assert_eq!(cast_vote(&mut m, ITEM, chair, Choice::Yes, VoteMethod::Oral, Category::Budget, s), Ok(()));
    }
    let Some(Ballot::Open { votes, .. }) = &m.items[0].ballot else { panic!() };
    assert_eq!(votes.len() as u32, n);
    assert_eq!(votes.last().unwrap().member, chair, "the chair is always last");
}

#[test]
fn chair_last_for_every_order_of_three_to_nine_members() {
    let s = RuleSettings::default();
    let mut total = 0u64;
    for n in 3..=9u32 {
        let mut ids: Vec<u32> = (1..=n).collect();
        // The chair is the secretary (member 1) by default; for odd n use another presiding member.
        let chair = if n % 2 == 0 { 1 } else { n };
        for_each_permutation(&mut ids, &mut |order| {
            run_order(n, chair, order, &s);
            total += 1;
        });
    }
    assert_eq!(total, 6 + 24 + 120 + 720 + 5040 + 40320 + 362880);
}

#[test]
fn the_secretary_chairs_by_default_and_a_recused_or_absent_chair_does_not_block() {
    let s = RuleSettings::default();
    let mut m = meeting(5);
    assert!(matches!(
        cast_vote(&mut m, ITEM, 1, Choice::Yes, VoteMethod::Hands, Category::Budget, &s),
        Err(VoteError::ChairNotLast { .. })
    ));
    // Recused chair: cannot vote, does not block the others.
    let mut r = meeting(5);
    r.items[0].recused = vec![1];
    assert_eq!(
        cast_vote(&mut r, ITEM, 1, Choice::Yes, VoteMethod::Hands, Category::Budget, &s),
        Err(VoteError::Recused)
    );
    for id in 2..=5 {
        assert_eq!(cast_vote(&mut r, ITEM, id, Choice::Yes, VoteMethod::Hands, Category::Budget, &s), Ok(()));
    }
    assert!(evaluate_vote(&r, &r.items[0], Category::Budget, &s).complete);
    // Absent members are not waited for.
    let mut a = meeting(5);
    absent(&mut a, 5);
    for id in [2, 3, 4, 1] {
        assert_eq!(cast_vote(&mut a, ITEM, id, Choice::Yes, VoteMethod::Named, Category::Budget, &s), Ok(()));
    }
    assert_eq!(
        cast_vote(&mut a, ITEM, 5, Choice::Yes, VoteMethod::Named, Category::Budget, &s),
        Err(VoteError::NotPresent)
    );
}

#[test]
fn refusals_each_have_their_reason() {
    let s = RuleSettings::default();
    let mut m = meeting(7);
    on_leave(&mut m, 7);
    not_counted(&mut m, 6);
    m.items[0].recused = vec![5];
    let cv = |m: &mut _, id, method| cast_vote(m, ITEM, id, Choice::Yes, method, Category::Budget, &s);
    assert_eq!(cv(&mut m, 7, VoteMethod::Oral), Err(VoteError::NotPresent));
    assert_eq!(cv(&mut m, 6, VoteMethod::Oral), Err(VoteError::NotCounted));
    assert_eq!(cv(&mut m, 5, VoteMethod::Oral), Err(VoteError::Recused));
    assert_eq!(cv(&mut m, 42, VoteMethod::Oral), Err(VoteError::NotOnRoster));
    assert_eq!(cv(&mut m, 2, VoteMethod::Secret), Err(VoteError::SecretHasNoNames));
    assert_eq!(
        cast_vote(&mut m, 999, 2, Choice::Yes, VoteMethod::Oral, Category::Budget, &s),
        Err(VoteError::UnknownItem)
    );
    assert_eq!(cv(&mut m, 2, VoteMethod::Oral), Ok(()));
    assert_eq!(cv(&mut m, 2, VoteMethod::Oral), Err(VoteError::AlreadyVoted));
    assert_eq!(cv(&mut m, 3, VoteMethod::Hands), Err(VoteError::MethodChanged { current: VoteMethod::Oral }));
    assert_eq!(
        set_secret_tally(&mut m, ITEM, SecretTally::default(), Category::Budget, &s),
        Err(VoteError::NamedHasNoTotals)
    );
    let e = cv(&mut m, 1, VoteMethod::Oral).unwrap_err();
    assert_eq!(e, VoteError::ChairNotLast { waiting: vec![3, 4] });
    assert_eq!(e.zh(), "会议主持人末位表态：还有2人未表态（第十八条（五））");
    m.stage = MeetingStage::Signed;
    assert_eq!(cv(&mut m, 3, VoteMethod::Oral), Err(VoteError::Locked));
}

#[test]
fn no_vote_without_quorum_and_a_vote_closed_without_quorum_is_visibly_invalid() {
    let s = RuleSettings::default();
    let mut m = meeting(9);
    for id in 6..=9 {
        absent(&mut m, id);
    }
    // 5 of 9 open an ordinary item but not a personnel item (⅔ strict needs 7).
    assert_eq!(cast_vote(&mut m, ITEM, 2, Choice::Yes, VoteMethod::Hands, Category::Budget, &s), Ok(()));
    let e = cast_vote(&mut m, ITEM, 3, Choice::Yes, VoteMethod::Hands, Category::Personnel, &s).unwrap_err();
    let VoteError::NoQuorum(q) = &e else { panic!("{e:?}") };
    assert_eq!((q.due.due, q.present, q.needed, q.special), (9, 5, 7, true));
    assert!(e.zh().contains("未达到法定人数"));
    // Someone leaves after a vote was cast: closing records the vote as invalid.
    for id in 3..=5 {
        absent(&mut m, id);
    }
    let r = close_vote(&mut m, ITEM, Category::Budget, &s).unwrap();
    assert!(!r.quorum_met && !r.passed);
    assert_eq!(r.explanation, "应到会9人，实到2人，未达到法定人数（至少5人），表决无效（第十八条（四））");
    assert_eq!(m.items[0].result, Some(r));
    assert_eq!(close_vote(&mut m, ITEM, Category::Budget, &s), Err(VoteError::Closed));
}

#[test]
fn the_pass_arithmetic_sentence() {
    let s = RuleSettings::default();
    let mut m = meeting(7);
    for id in 5..=7 {
        on_leave(&mut m, id);
    }
    for id in [2, 3, 4, 1] {
        cast_vote(&mut m, ITEM, id, Choice::Yes, VoteMethod::Hands, Category::Budget, &s).unwrap();
    }
    let r = close_vote(&mut m, ITEM, Category::Budget, &s).unwrap();
    assert_eq!(r.explanation, "应到会7人，赞成4票，超过半数3.5，通过（第十八条（五））");
    // The English sentence is fixed at the same moment, for the English UI.
    assert_eq!(r.explanation_en, "7 due to attend, 4 yes: more than half (3.5), passed (Art. 18(5))");
    assert_eq!(r.explanation_for(false), r.explanation_en);
    assert_eq!(r.explanation_for(true), r.explanation);
    assert!(r.passed && r.quorum_met);
    assert_eq!((r.due, r.present, r.yes), (7, 4, 4));

    // 3 yes of 7 due is not more than half even though it is a majority of those present.
    let mut m = meeting(7);
    for id in 5..=7 {
        on_leave(&mut m, id);
    }
    m.items[0].opinions.push(WrittenOpinion { member: 5, text: "同意".into() });
    m.items[0].opinions.push(WrittenOpinion { member: 6, text: "同意".into() });
    for (id, c) in [(2, Choice::Yes), (3, Choice::Yes), (4, Choice::No), (1, Choice::Yes)] {
        cast_vote(&mut m, ITEM, id, c, VoteMethod::Named, Category::Budget, &s).unwrap();
    }
    let o = evaluate_vote(&m, &m.items[0], Category::Budget, &s);
    assert_eq!((o.yes, o.no, o.needed, o.passed), (3, 1, 4, false), "written opinions never count");
    assert_eq!(
        o.explain_zh(),
        "应到会7人，赞成3票，反对1票，未超过半数3.5，未通过（第十八条（五））；书面意见2份，不计入票数"
    );
    assert!(o.explain_en().contains("not passed"));
}

#[test]
fn closing_an_open_vote_needs_everyone_and_a_ballot() {
    let s = RuleSettings::default();
    let mut m = meeting(5);
    assert_eq!(close_vote(&mut m, ITEM, Category::Budget, &s), Err(VoteError::NoBallot));
    cast_vote(&mut m, ITEM, 3, Choice::Abstain, VoteMethod::Oral, Category::Budget, &s).unwrap();
    assert_eq!(
        close_vote(&mut m, ITEM, Category::Budget, &s),
        Err(VoteError::Incomplete { waiting: vec![1, 2, 4, 5] })
    );
    let o = evaluate_vote(&m, &m.items[0], Category::Budget, &s);
    assert!(o.explain_zh().ends_with("；尚有4人未表态"), "{}", o.explain_zh());
}

#[test]
fn retracting_is_refused_once_the_chair_has_spoken() {
    let s = RuleSettings::default();
    let mut m = meeting(3);
    cast_vote(&mut m, ITEM, 2, Choice::No, VoteMethod::Oral, Category::Budget, &s).unwrap();
    assert_eq!(retract_vote(&mut m, ITEM, 2), Ok(()));
    assert_eq!(retract_vote(&mut m, ITEM, 2), Err(VoteError::NotVoted));
    for id in [2, 3, 1] {
        cast_vote(&mut m, ITEM, id, Choice::Yes, VoteMethod::Oral, Category::Budget, &s).unwrap();
    }
    assert_eq!(retract_vote(&mut m, ITEM, 2), Err(VoteError::ChairHasVoted));
    assert_eq!(retract_vote(&mut m, ITEM, 1), Ok(()), "the chair may correct their own");
}

#[test]
fn reservations_follow_a_no_vote_only() {
    let s = RuleSettings::default();
    let mut m = meeting(3);
    for (id, c) in [(2, Choice::No), (3, Choice::Yes), (1, Choice::Yes)] {
        cast_vote(&mut m, ITEM, id, c, VoteMethod::Named, Category::Budget, &s).unwrap();
    }
    assert_eq!(declare_reservation(&mut m, ITEM, 3, "x".into()), Err(VoteError::ReservationNeedsNo));
    assert_eq!(declare_reservation(&mut m, ITEM, 9, "x".into()), Err(VoteError::NotVoted));
    close_vote(&mut m, ITEM, Category::Budget, &s).unwrap();
    assert_eq!(declare_reservation(&mut m, ITEM, 2, " 保留意见：预算偏高 ".into()), Ok(()));
    let Some(Ballot::Open { votes, .. }) = &m.items[0].ballot else { panic!() };
    assert_eq!(votes[0].reservation.as_deref(), Some("保留意见：预算偏高"));
    assert_eq!(VoteError::ReservationNeedsNo.article().zh(), "第十四条");
    let mut secret = meeting(3);
    set_secret_tally(&mut secret, ITEM, SecretTally { yes: 2, no: 1, abstain: 0, invalid: 0 }, Category::Budget, &s)
        .unwrap();
    assert_eq!(declare_reservation(&mut secret, ITEM, 2, "x".into()), Err(VoteError::SecretHasNoNames));
}

#[test]
fn secret_ballot_stores_totals_only_and_validates_them() {
    let s = RuleSettings::default();
    let mut m = meeting(9);
    m.items[0].recused = vec![9];
    absent(&mut m, 8);
    // 7 eligible voters.
    assert_eq!(eligible_voters(&m, &m.items[0]).len(), 7);
    assert_eq!(
        set_secret_tally(&mut m, ITEM, SecretTally { yes: 5, no: 2, abstain: 0, invalid: 1 }, Category::Personnel, &s),
        Err(VoteError::TallyTooLarge { total: 8, eligible: 7 })
    );
    assert_eq!(
        set_secret_tally(&mut m, ITEM, SecretTally { yes: 4, no: 2, abstain: 0, invalid: 1 }, Category::Personnel, &s),
        Ok(())
    );
    assert_eq!(
        cast_vote(&mut m, ITEM, 2, Choice::Yes, VoteMethod::Named, Category::Personnel, &s),
        Err(VoteError::SecretHasNoNames)
    );
    let r = close_vote(&mut m, ITEM, Category::Personnel, &s).unwrap();
    // due 8 (9 minus 1 recused); ⅔ strict needs 6, 7 present; pass needs 5: 4 yes fails.
    assert!(r.quorum_met && !r.passed);
    assert_eq!(
        r.explanation,
        "应到会8人（在任9人，减回避1人），赞成4票，反对2票，无效1票，未超过半数4，未通过（第十八条（五））"
    );
    // Nothing in storage names a voter: the serialised ballot has totals only.
    let json = serde_json::to_string(&m.items[0].ballot).unwrap();
    assert_eq!(json, r#"{"Secret":{"yes":4,"no":2,"abstain":0,"invalid":1}}"#);
}

/// A result recorded before the English sentence was kept reads (no `explanation_en` in the
/// stored JSON) and shows its Chinese sentence in both languages; one with it round-trips.
#[test]
fn a_result_recorded_without_its_english_sentence_still_reads() {
    let old = r#"{"due":7,"present":7,"yes":4,"no":3,"abstain":0,"quorum_met":true,"passed":true,"explanation":"应到会7人，赞成4票"}"#;
    let r: yishi::domain::meeting::RecordedResult = serde_json::from_str(old).unwrap();
    assert_eq!(r.explanation_en, "");
    assert_eq!(r.explanation_for(false), "应到会7人，赞成4票");
    // Written back, it holds the same fields and values (no empty field added to old records).
    let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(value(&serde_json::to_string(&r).unwrap()), value(old));
    let mut r2 = r.clone();
    r2.explanation_en = "7 due, 4 yes".into();
    let back: yishi::domain::meeting::RecordedResult =
        serde_json::from_str(&serde_json::to_string(&r2).unwrap()).unwrap();
    assert_eq!(back, r2);
    assert_eq!(back.explanation_for(false), "7 due, 4 yes");
}
