//! Voting (表决, 第十八条（五）), 末位表态制, secret ballots and reservations (第十四条).
//!
//! # Interpretation
//! - **Pass** (第十八条（五）: 赞成票超过应到会党组成员半数为通过): yes votes must *exceed*
//!   `pass_threshold × due` (always strict, whatever the quorum reading): `yes × den > due × num`.
//!   The base is the members due for the item ([`super::quorum`]), never those present.
//!   A vote without the item's quorum is invalid and never passes.
//! - **Written opinions** (书面意见) of absent members are shown, never counted (第十八条（五）).
//! - **Eligible voters**: present, not recused, not marked 不计入应到会 — in roster order.
//!   Votes of anyone else (e.g. after attendance was edited) are ignored when counting.
//! - **末位表态制**: for oral, show-of-hands and named votes the chair ([`chair_of`]) is refused
//!   while another eligible member has not voted. A chair who is recused or absent does not vote.
//! - **Changing a vote**: a cast vote is not overwritten ([`VoteError::AlreadyVoted`]). A recorder's
//!   slip is corrected with [`retract_vote`], which is refused once the chair has stated a
//!   position (except for the chair's own vote), so nobody changes position after hearing the
//!   chair. Nothing can change after [`close_vote`].
//! - **Closing**: with quorum, an open vote closes only when every eligible member has voted
//!   (a member who will not choose votes 弃权); a secret ballot closes once its totals are
//!   entered. Without quorum the vote closes as visibly invalid (`quorum_met = false`).
//! - **Secret ballot** (无记名投票): only totals exist; totals are u32 (no negatives) and
//!   `yes + no + abstain + invalid ≤ eligible voters`. A reservation cannot be attached to a
//!   secret ballot (it would reveal the vote); the member states it in the minutes instead.
//! - **Reservation** (声明保留, 第十四条): only on one's own 反对 vote; may be declared until the
//!   record is signed, also after the vote was closed.

use crate::domain::{
    article::{cite, Article},
    category::Category,
    meeting::{Ballot, CastVote, Choice, ItemRecord, Meeting, Presence, RecordedResult, SecretTally, VoteMethod},
    org::Organisation,
    settings::{Fraction, RuleSettings},
    Id,
};

use super::{
    decimal,
    quorum::{item_quorum, QuorumCheck},
    roster::chair_of,
};

/// Yes votes needed: the smallest `n` with `n > due × pass_threshold` (第十八条（五）: 超过…半数).
/// Always strict. With nobody due this is 1 and nothing can pass.
pub fn votes_needed(due: u32, s: &RuleSettings) -> u32 {
    let f = s.pass_threshold;
    ((due as u64 * f.num as u64) / f.den.max(1) as u64 + 1) as u32
}

/// Members who may vote on the item: present, not recused, not marked not counted; roster order.
pub fn eligible_voters(m: &Meeting, rec: &ItemRecord) -> Vec<Id> {
    m.attendance
        .iter()
        .filter(|a| a.presence == Presence::Present && a.not_counted.is_none() && !rec.recused.contains(&a.member))
        .map(|a| a.member)
        .collect()
}

/// The result of an item's vote so far, with its arithmetic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteOutcome {
    pub quorum: QuorumCheck,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    /// Invalid ballots (secret ballots only).
    pub invalid: u32,
    /// Yes votes needed to pass.
    pub needed: u32,
    pub passed: bool,
    /// Every eligible member has voted (open vote) or the totals are entered (secret ballot).
    pub complete: bool,
    /// Eligible voters.
    pub eligible: u32,
    /// Eligible voters who have not voted yet (open votes; all of them before a secret tally).
    pub remaining: u32,
    /// The method, once a ballot exists.
    pub method: Option<VoteMethod>,
    /// Written opinions on file (shown, never counted).
    pub written_opinions: u32,
    pub pass_threshold: Fraction,
    /// 第十八条（五）
    pub article: Article,
}

impl VoteOutcome {
    fn tally_zh(&self) -> String {
        let mut s = format!("赞成{}票", self.yes);
        if self.no > 0 {
            s += &format!("，反对{}票", self.no);
        }
        if self.abstain > 0 {
            s += &format!("，弃权{}票", self.abstain);
        }
        if self.invalid > 0 {
            s += &format!("，无效{}票", self.invalid);
        }
        s
    }

    /// e.g. "应到会7人，赞成4票，超过半数3.5，通过（第十八条（五））";
    /// without quorum "…未达到法定人数，表决无效（第十八条（四））".
    pub fn explain_zh(&self) -> String {
        let due = self.quorum.due.explain_zh();
        let mut s = if !self.quorum.met {
            format!(
                "{due}，实到{}人，未达到法定人数（至少{}人），表决无效（{}）",
                self.quorum.present,
                self.quorum.needed,
                self.quorum.article.zh()
            )
        } else {
            let f = self.pass_threshold;
            let x = decimal(self.quorum.due.due as u64 * f.num as u64, f.den as u64);
            let (over, verdict) = if self.passed { ("超过", "通过") } else { ("未超过", "未通过") };
            format!("{due}，{}，{over}{}{x}，{verdict}（{}）", self.tally_zh(), f.zh(), self.article.zh())
        };
        if self.quorum.met && self.method.is_some() && !self.complete {
            s += &format!("；尚有{}人未表态", self.remaining);
        }
        if self.written_opinions > 0 {
            s += &format!("；书面意见{}份，不计入票数", self.written_opinions);
        }
        s
    }

    pub fn explain_en(&self) -> String {
        let due = self.quorum.due.explain_en();
        let mut s = if !self.quorum.met {
            format!(
                "{due}, {} present: no quorum (at least {} needed), the vote is invalid ({})",
                self.quorum.present,
                self.quorum.needed,
                self.quorum.article.en()
            )
        } else {
            let f = self.pass_threshold;
            let x = decimal(self.quorum.due.due as u64 * f.num as u64, f.den as u64);
            let mut t = format!("{} yes", self.yes);
            if self.no > 0 {
                t += &format!(", {} no", self.no);
            }
            if self.abstain > 0 {
                t += &format!(", {} abstaining", self.abstain);
            }
            if self.invalid > 0 {
                t += &format!(", {} invalid", self.invalid);
            }
            let (over, verdict) = if self.passed { ("more than", "passed") } else { ("not more than", "not passed") };
            format!("{due}, {t}: {over} {} ({x}), {verdict} ({})", f.en(), self.article.en())
        };
        if self.quorum.met && self.method.is_some() && !self.complete {
            s += &format!("; {} still to vote", self.remaining);
        }
        if self.written_opinions > 0 {
            s += &format!("; {} written opinion(s), not counted", self.written_opinions);
        }
        s
    }

    /// The result to fix in [`ItemRecord::result`].
    pub fn to_recorded(&self) -> RecordedResult {
        RecordedResult {
            due: self.quorum.due.due,
            present: self.quorum.present,
            yes: self.yes,
            no: self.no,
            abstain: self.abstain,
            quorum_met: self.quorum.met,
            passed: self.passed,
            explanation: self.explain_zh(),
            explanation_en: self.explain_en(),
        }
    }
}

/// Evaluate the item's vote as it stands (live), by the rules above.
pub fn evaluate_vote(m: &Meeting, rec: &ItemRecord, category: Category, s: &RuleSettings) -> VoteOutcome {
    let quorum = item_quorum(m, rec, category, s);
    let eligible = eligible_voters(m, rec);
    let (mut yes, mut no, mut abstain, mut invalid) = (0u32, 0u32, 0u32, 0u32);
    let (method, complete, remaining) = match &rec.ballot {
        None => (None, false, eligible.len() as u32),
        Some(Ballot::Secret(t)) => {
            (yes, no, abstain, invalid) = (t.yes, t.no, t.abstain, t.invalid);
            (Some(VoteMethod::Secret), true, 0)
        }
        Some(Ballot::Open { method, votes }) => {
            let mut voted = 0u32;
            for v in votes.iter().filter(|v| eligible.contains(&v.member)) {
                voted += 1;
                match v.choice {
                    Choice::Yes => yes += 1,
                    Choice::No => no += 1,
                    Choice::Abstain => abstain += 1,
                }
            }
            let remaining = eligible.len() as u32 - voted.min(eligible.len() as u32);
            (Some(*method), remaining == 0, remaining)
        }
    };
    let f = s.pass_threshold;
    let passed = quorum.met && yes as u64 * f.den as u64 > quorum.due.due as u64 * f.num as u64;
    VoteOutcome {
        needed: votes_needed(quorum.due.due, s),
        quorum,
        yes,
        no,
        abstain,
        invalid,
        passed,
        complete,
        eligible: eligible.len() as u32,
        remaining,
        method,
        written_opinions: rec.opinions.len() as u32,
        pass_threshold: f,
        article: cite::VOTE,
    }
}

/// The item can no longer pass: the yes votes so far plus the eligible members still to vote
/// are fewer than the votes needed. Before the vote this is "eligible present < needed".
pub fn pass_impossible(m: &Meeting, rec: &ItemRecord, category: Category, s: &RuleSettings) -> bool {
    let o = evaluate_vote(m, rec, category, s);
    o.yes + o.remaining < o.needed
}

/// Why a vote operation was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoteError {
    /// The item is not on this meeting's agenda.
    UnknownItem,
    /// The person is not on the meeting's roster.
    NotOnRoster,
    /// The member is on leave or absent.
    NotPresent,
    /// The member is recused from this item (回避).
    Recused,
    /// The member is marked 不计入应到会 and cannot vote.
    NotCounted,
    AlreadyVoted,
    /// The member has no vote to retract or qualify.
    NotVoted,
    /// 末位表态制: these eligible members must vote before the chair.
    ChairNotLast {
        waiting: Vec<Id>,
    },
    /// The chair has stated a position: earlier votes can no longer be retracted.
    ChairHasVoted,
    /// A secret ballot has no named votes.
    SecretHasNoNames,
    /// An open vote has no totals to enter.
    NamedHasNoTotals,
    /// Votes were already cast with another method.
    MethodChanged {
        current: VoteMethod,
    },
    /// A reservation (声明保留) follows a 反对 vote only.
    ReservationNeedsNo,
    TallyTooLarge {
        total: u32,
        eligible: u32,
    },
    NoQuorum(QuorumCheck),
    /// Closing needs every eligible member's vote.
    Incomplete {
        waiting: Vec<Id>,
    },
    /// Closing needs a ballot.
    NoBallot,
    /// The vote is closed.
    Closed,
    /// The meeting record is signed (存档备查).
    Locked,
}

impl VoteError {
    pub fn article(&self) -> Article {
        match self {
            VoteError::NotPresent | VoteError::Recused | VoteError::NotCounted | VoteError::NoQuorum(_) => cite::QUORUM,
            VoteError::ReservationNeedsNo => cite::COLLECTIVE,
            VoteError::Locked => cite::MINUTES,
            _ => cite::VOTE,
        }
    }

    pub fn zh(&self) -> String {
        let a = self.article().zh();
        match self {
            VoteError::UnknownItem => "该议题不在本次会议议程中".into(),
            VoteError::NotOnRoster => "不是本次会议的党组成员".into(),
            VoteError::NotPresent => format!("未出席会议，不能表决（{a}）"),
            VoteError::Recused => format!("已回避本议题，不能表决（{a}）"),
            VoteError::NotCounted => format!("已标记为不计入应到会人数，不能表决（{a}）"),
            VoteError::AlreadyVoted => "已经表态，不能重复表决".into(),
            VoteError::NotVoted => "尚未表态".into(),
            VoteError::ChairNotLast { waiting } => {
                format!("会议主持人末位表态：还有{}人未表态（{a}）", waiting.len())
            }
            VoteError::ChairHasVoted => format!("主持人已表态，其他成员的表态不能再撤回（{a}）"),
            VoteError::SecretHasNoNames => format!("无记名投票只记录票数，不记录个人表态（{a}）"),
            VoteError::NamedHasNoTotals => format!("已按记名方式表决，不能录入无记名票数（{a}）"),
            VoteError::MethodChanged { .. } => format!("已有成员按另一种方式表决，不能更换表决方式（{a}）"),
            VoteError::ReservationNeedsNo => format!("只有投反对票的成员可以声明保留（{a}）"),
            VoteError::TallyTooLarge { total, eligible } => {
                format!("票数合计{total}张，超过可参加表决的{eligible}人（{a}）")
            }
            VoteError::NoQuorum(q) => format!("{}，不能表决", q.explain_zh()),
            VoteError::Incomplete { waiting } => format!("还有{}人未表态，不能结束表决（{a}）", waiting.len()),
            VoteError::NoBallot => "尚未表决".into(),
            VoteError::Closed => "本议题表决已结束".into(),
            VoteError::Locked => format!("会议记录已签发存档，不能修改（{a}）"),
        }
    }

    /// Like [`VoteError::zh`], naming the members still to vote.
    pub fn zh_named(&self, org: &Organisation) -> String {
        match self {
            VoteError::ChairNotLast { waiting } | VoteError::Incomplete { waiting } => {
                let names: Vec<String> = waiting.iter().map(|&id| org.member_name(id)).collect();
                format!("{}：{}", self.zh(), names.join("、"))
            }
            _ => self.zh(),
        }
    }

    pub fn en(&self) -> String {
        let a = self.article().en();
        match self {
            VoteError::UnknownItem => "This item is not on the meeting's agenda".into(),
            VoteError::NotOnRoster => "Not a member on this meeting's roster".into(),
            VoteError::NotPresent => format!("Not present, cannot vote ({a})"),
            VoteError::Recused => format!("Recused from this item, cannot vote ({a})"),
            VoteError::NotCounted => format!("Marked as not counted, cannot vote ({a})"),
            VoteError::AlreadyVoted => "Has already voted".into(),
            VoteError::NotVoted => "Has not voted".into(),
            VoteError::ChairNotLast { waiting } => {
                format!("The chair states a position last: {} still to vote ({a})", waiting.len())
            }
            VoteError::ChairHasVoted => format!("The chair has voted: other votes can no longer be retracted ({a})"),
            VoteError::SecretHasNoNames => format!("A secret ballot records totals only ({a})"),
            VoteError::NamedHasNoTotals => format!("Votes were cast by name; totals cannot be entered ({a})"),
            VoteError::MethodChanged { .. } => format!("Votes were cast with another method ({a})"),
            VoteError::ReservationNeedsNo => format!("Only a member who voted no can declare a reservation ({a})"),
            VoteError::TallyTooLarge { total, eligible } => {
                format!("{total} ballots exceed the {eligible} eligible voters ({a})")
            }
            VoteError::NoQuorum(q) => format!("{}: cannot vote", q.explain_en()),
            VoteError::Incomplete { waiting } => {
                format!("{} still to vote; the vote cannot be closed ({a})", waiting.len())
            }
            VoteError::NoBallot => "No vote has been taken".into(),
            VoteError::Closed => "The vote on this item is closed".into(),
            VoteError::Locked => format!("The record is signed and locked ({a})"),
        }
    }
}

fn record_mut(m: &mut Meeting, item: Id) -> Result<&mut ItemRecord, VoteError> {
    if m.is_locked() {
        return Err(VoteError::Locked);
    }
    m.items.iter_mut().find(|r| r.item == item).ok_or(VoteError::UnknownItem)
}

fn voters_waiting(eligible: &[Id], votes: &[CastVote], except: Option<Id>) -> Vec<Id> {
    eligible.iter().copied().filter(|id| Some(*id) != except && !votes.iter().any(|v| v.member == *id)).collect()
}

/// Record `member`'s open vote (口头、举手、记名) on `item`. See the module doc for the rules.
pub fn cast_vote(
    m: &mut Meeting,
    item: Id,
    member: Id,
    choice: Choice,
    method: VoteMethod,
    category: Category,
    s: &RuleSettings,
) -> Result<(), VoteError> {
    let chair = chair_of(m);
    let rec = record_mut(m, item)?;
    if rec.result.is_some() {
        return Err(VoteError::Closed);
    }
    if method == VoteMethod::Secret {
        return Err(VoteError::SecretHasNoNames);
    }
    let m_ro: &Meeting = &*m;
    let rec = m_ro.record(item).expect("found above");
    let a = m_ro.attendance_of(member).ok_or(VoteError::NotOnRoster)?;
    if a.presence != Presence::Present {
        return Err(VoteError::NotPresent);
    }
    if a.not_counted.is_some() {
        return Err(VoteError::NotCounted);
    }
    if rec.recused.contains(&member) {
        return Err(VoteError::Recused);
    }
    let q = item_quorum(m_ro, rec, category, s);
    if !q.met {
        return Err(VoteError::NoQuorum(q));
    }
    let empty = Vec::new();
    let votes = match &rec.ballot {
        None => &empty,
        Some(Ballot::Secret(_)) => return Err(VoteError::SecretHasNoNames),
        Some(Ballot::Open { method: current, votes }) => {
            if *current != method && !votes.is_empty() {
                return Err(VoteError::MethodChanged { current: *current });
            }
            votes
        }
    };
    if votes.iter().any(|v| v.member == member) {
        return Err(VoteError::AlreadyVoted);
    }
    if chair == Some(member) {
        let waiting = voters_waiting(&eligible_voters(m_ro, rec), votes, Some(member));
        if !waiting.is_empty() {
            return Err(VoteError::ChairNotLast { waiting });
        }
    }
    let rec = record_mut(m, item)?;
    let mut votes = match rec.ballot.take() {
        Some(Ballot::Open { votes, .. }) => votes,
        _ => Vec::new(),
    };
    votes.push(CastVote { member, choice, reservation: None });
    rec.ballot = Some(Ballot::Open { method, votes });
    Ok(())
}

/// Undo a recorder's slip: remove `member`'s open vote. Refused once the chair has voted
/// (except the chair's own vote) and after the vote is closed.
pub fn retract_vote(m: &mut Meeting, item: Id, member: Id) -> Result<(), VoteError> {
    let chair = chair_of(m);
    let rec = record_mut(m, item)?;
    if rec.result.is_some() {
        return Err(VoteError::Closed);
    }
    let Some(Ballot::Open { votes, .. }) = &mut rec.ballot else {
        return Err(if matches!(rec.ballot, Some(Ballot::Secret(_))) {
            VoteError::SecretHasNoNames
        } else {
            VoteError::NotVoted
        });
    };
    let Some(pos) = votes.iter().position(|v| v.member == member) else {
        return Err(VoteError::NotVoted);
    };
    if chair != Some(member) && chair.is_some_and(|c| votes.iter().any(|v| v.member == c)) {
        return Err(VoteError::ChairHasVoted);
    }
    votes.remove(pos);
    Ok(())
}

/// Enter (or correct, until closed) the totals of a secret ballot (无记名投票).
pub fn set_secret_tally(
    m: &mut Meeting,
    item: Id,
    tally: SecretTally,
    category: Category,
    s: &RuleSettings,
) -> Result<(), VoteError> {
    let rec = record_mut(m, item)?;
    if rec.result.is_some() {
        return Err(VoteError::Closed);
    }
    if matches!(&rec.ballot, Some(Ballot::Open { votes, .. }) if !votes.is_empty()) {
        return Err(VoteError::NamedHasNoTotals);
    }
    let m_ro: &Meeting = &*m;
    let rec = m_ro.record(item).expect("found above");
    let q = item_quorum(m_ro, rec, category, s);
    if !q.met {
        return Err(VoteError::NoQuorum(q));
    }
    let eligible = eligible_voters(m_ro, rec).len() as u32;
    let total = tally.yes as u64 + tally.no as u64 + tally.abstain as u64 + tally.invalid as u64;
    if total > eligible as u64 {
        return Err(VoteError::TallyTooLarge { total: total.min(u32::MAX as u64) as u32, eligible });
    }
    record_mut(m, item)?.ballot = Some(Ballot::Secret(tally));
    Ok(())
}

/// Record a reservation (声明保留, 第十四条) on `member`'s 反对 vote.
pub fn declare_reservation(m: &mut Meeting, item: Id, member: Id, text: String) -> Result<(), VoteError> {
    let rec = record_mut(m, item)?;
    match &mut rec.ballot {
        None => Err(VoteError::NotVoted),
        Some(Ballot::Secret(_)) => Err(VoteError::SecretHasNoNames),
        Some(Ballot::Open { votes, .. }) => {
            let v = votes.iter_mut().find(|v| v.member == member).ok_or(VoteError::NotVoted)?;
            if v.choice != Choice::No {
                return Err(VoteError::ReservationNeedsNo);
            }
            v.reservation = Some(text.trim().to_string());
            Ok(())
        }
    }
}

/// Close the vote and fix the result in `rec.result`. Without quorum the vote is recorded as
/// invalid (`quorum_met = false, passed = false`), visibly, never silently.
pub fn close_vote(
    m: &mut Meeting,
    item: Id,
    category: Category,
    s: &RuleSettings,
) -> Result<RecordedResult, VoteError> {
    let rec = record_mut(m, item)?;
    if rec.result.is_some() {
        return Err(VoteError::Closed);
    }
    let m_ro: &Meeting = &*m;
    let rec = m_ro.record(item).expect("found above");
    let o = evaluate_vote(m_ro, rec, category, s);
    if o.quorum.met {
        match &rec.ballot {
            None => return Err(VoteError::NoBallot),
            Some(Ballot::Open { votes, .. }) if !o.complete => {
                return Err(VoteError::Incomplete { waiting: voters_waiting(&eligible_voters(m_ro, rec), votes, None) })
            }
            _ => {}
        }
    }
    let result = o.to_recorded();
    record_mut(m, item)?.result = Some(result.clone());
    Ok(result)
}
