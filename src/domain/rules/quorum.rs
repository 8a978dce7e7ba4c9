//! Members due to attend (应到会), present (实到) and the quorum (法定人数), 第十八条（四）.
//!
//! # Interpretation (第十八条（四）)
//! - **Due to attend** for an item = serving members on the meeting's roster snapshot
//!   − members recused from the item (回避, when `settings.subtract_recused`)
//!   − members marked 不计入应到会人数 (when `settings.subtract_not_counted`).
//!   To open the meeting nobody is recused yet: due = serving − not counted.
//! - **Present** = members with [`Presence::Present`], not recused from the item, and not marked
//!   not counted. A member marked not counted who attends anyway is *not* counted as present and
//!   may not vote: the mark says the member cannot take part (detention, suspended membership,
//!   long secondment…). To let such a member count and vote, clear the mark; then they are due
//!   again. This keeps `present ≤ due` under every setting (the present set is a subset of the
//!   due set), so quorum can never be reached by people outside the denominator.
//! - **半数以上 / 三分之二以上**: read strictly by default ("more than": the smallest `n` with
//!   `n > due × f`, i.e. `floor(due × num / den) + 1`), which is valid under either reading of
//!   the text. [`Reading::Inclusive`] ("以上包括本数") needs `n ≥ due × f`, i.e.
//!   `ceil(due × num / den)`, and at least 1 when anyone is due.
//! - With nobody due the quorum is never met (a meeting of nobody decides nothing).

use crate::domain::{
    article::{cite, Article},
    category::Category,
    meeting::{ItemRecord, Meeting, Presence},
    settings::{Fraction, Reading, RuleSettings},
};

use super::decimal;

/// How the members due to attend were counted. 应到会人数
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DueCount {
    /// Members on the meeting's roster (在任党组成员).
    pub serving: u32,
    /// Recused members subtracted (回避; 0 when the setting is off).
    pub recused: u32,
    /// Members marked not counted and subtracted (不计入应到会; 0 when the setting is off).
    pub not_counted: u32,
    /// `serving − recused − not_counted`.
    pub due: u32,
    /// Recused members kept in `due` because `subtract_recused` is off.
    pub recused_kept: u32,
    /// Members marked not counted but kept in `due` because `subtract_not_counted` is off.
    pub not_counted_kept: u32,
}

impl DueCount {
    /// "应到会9人（在任10人，减回避1人）"
    pub fn explain_zh(&self) -> String {
        let mut parts = Vec::new();
        if self.recused > 0 {
            parts.push(format!("减回避{}人", self.recused));
        }
        if self.not_counted > 0 {
            parts.push(format!("减不计入应到会{}人", self.not_counted));
        }
        if self.recused_kept > 0 {
            parts.push(format!("回避{}人仍计入", self.recused_kept));
        }
        if self.not_counted_kept > 0 {
            parts.push(format!("标记不计入{}人仍计入", self.not_counted_kept));
        }
        if parts.is_empty() {
            format!("应到会{}人", self.due)
        } else {
            format!("应到会{}人（在任{}人，{}）", self.due, self.serving, parts.join("，"))
        }
    }

    pub fn explain_en(&self) -> String {
        let mut parts = Vec::new();
        if self.recused > 0 {
            parts.push(format!("minus {} recused", self.recused));
        }
        if self.not_counted > 0 {
            parts.push(format!("minus {} not counted", self.not_counted));
        }
        if self.recused_kept > 0 {
            parts.push(format!("{} recused still counted", self.recused_kept));
        }
        if self.not_counted_kept > 0 {
            parts.push(format!("{} marked not counted still counted", self.not_counted_kept));
        }
        if parts.is_empty() {
            format!("{} due to attend", self.due)
        } else {
            format!("{} due to attend ({} serving, {})", self.due, self.serving, parts.join(", "))
        }
    }
}

/// A quorum check with everything needed to explain it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuorumCheck {
    pub due: DueCount,
    pub present: u32,
    pub needed: u32,
    pub met: bool,
    /// The ⅔ quorum of 干部任免 and 处分党员 items.
    pub special: bool,
    pub reading: Reading,
    /// The fraction applied.
    pub fraction: Fraction,
    /// 第十八条（四）
    pub article: Article,
}

impl QuorumCheck {
    /// e.g. "应到会9人，实到5人，须超过半数（4.5）即至少5人，已达到法定人数（第十八条（四））"
    pub fn explain_zh(&self) -> String {
        let f = self.fraction.zh();
        let x = decimal(self.due.due as u64 * self.fraction.num as u64, self.fraction.den as u64);
        let rule = match self.reading {
            Reading::Strict => format!("须超过{f}（{x}）即至少{}人", self.needed),
            Reading::Inclusive => format!("须{f}以上（含本数，{x}）即至少{}人", self.needed),
        };
        let head = if self.special {
            "干部任免、处分党员事项须三分之二以上党组成员到会："
        } else {
            ""
        };
        let verdict = if self.met { "已达到法定人数" } else { "未达到法定人数" };
        format!("{head}{}，实到{}人，{rule}，{verdict}（{}）", self.due.explain_zh(), self.present, self.article.zh())
    }

    pub fn explain_en(&self) -> String {
        let f = self.fraction.en();
        let x = decimal(self.due.due as u64 * self.fraction.num as u64, self.fraction.den as u64);
        let rule = match self.reading {
            Reading::Strict => format!("more than {f} ({x}) is needed, i.e. at least {}", self.needed),
            Reading::Inclusive => format!("at least {f} ({x}, inclusive) is needed, i.e. at least {}", self.needed),
        };
        let head = if self.special { "Appointments and discipline need two thirds: " } else { "" };
        let verdict = if self.met { "quorum met" } else { "no quorum" };
        format!("{head}{}, {} present; {rule}: {verdict} ({})", self.due.explain_en(), self.present, self.article.en())
    }
}

/// Members needed for a quorum of `f` of `due` (第十八条（四）).
/// Strict: the smallest `n` with `n > due × f` = `floor(due·num/den) + 1`.
/// Inclusive: `ceil(due·num/den)`, at least 1 when `due > 0`. Integer arithmetic only.
pub fn needed_for_quorum(due: u32, f: Fraction, reading: Reading) -> u32 {
    let x = due as u64 * f.num as u64;
    let den = f.den.max(1) as u64;
    let n = match reading {
        Reading::Strict => x / den + 1,
        Reading::Inclusive => x.div_ceil(den).max(if due > 0 { 1 } else { 0 }),
    };
    n.min(u32::MAX as u64) as u32
}

/// Count due and present for the meeting, optionally for one item's recusals.
fn count(m: &Meeting, rec: Option<&ItemRecord>, s: &RuleSettings) -> (DueCount, u32) {
    let mut d = DueCount::default();
    let mut present = 0;
    for a in &m.attendance {
        d.serving += 1;
        let recused = rec.is_some_and(|r| r.recused.contains(&a.member));
        let marked = a.not_counted.is_some();
        // A member both marked and recused is subtracted once, as not counted.
        if marked {
            if s.subtract_not_counted {
                d.not_counted += 1;
            } else {
                d.not_counted_kept += 1;
            }
        } else if recused {
            if s.subtract_recused {
                d.recused += 1;
            } else {
                d.recused_kept += 1;
            }
        }
        if a.presence == Presence::Present && !recused && !marked {
            present += 1;
        }
    }
    d.due = d.serving - d.recused - d.not_counted;
    (d, present)
}

fn check(due: DueCount, present: u32, f: Fraction, special: bool, s: &RuleSettings) -> QuorumCheck {
    let needed = needed_for_quorum(due.due, f, s.reading);
    QuorumCheck {
        due,
        present,
        needed,
        met: due.due > 0 && present >= needed,
        special,
        reading: s.reading,
        fraction: f,
        article: cite::QUORUM,
    }
}

/// The quorum to open the meeting (第十八条（四）: 半数以上党组成员到会方可召开).
pub fn meeting_quorum(m: &Meeting, s: &RuleSettings) -> QuorumCheck {
    let (due, present) = count(m, None, s);
    check(due, present, s.open_quorum, false, s)
}

/// The quorum for one item: recused members leave the room (never present) and are subtracted
/// from the members due when `subtract_recused`; 干部任免 and 处分党员 need the special (⅔)
/// quorum ([`Category::needs_special_quorum`]).
pub fn item_quorum(m: &Meeting, rec: &ItemRecord, category: Category, s: &RuleSettings) -> QuorumCheck {
    let (due, present) = count(m, Some(rec), s);
    let special = category.needs_special_quorum();
    check(due, present, if special { s.special_quorum } else { s.open_quorum }, special, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needed_for_the_known_traps() {
        use Reading::*;
        assert_eq!(needed_for_quorum(9, Fraction::HALF, Strict), 5);
        assert_eq!(needed_for_quorum(9, Fraction::HALF, Inclusive), 5);
        assert_eq!(needed_for_quorum(9, Fraction::TWO_THIRDS, Strict), 7);
        assert_eq!(needed_for_quorum(9, Fraction::TWO_THIRDS, Inclusive), 6);
        assert_eq!(needed_for_quorum(10, Fraction::HALF, Strict), 6);
        assert_eq!(needed_for_quorum(10, Fraction::HALF, Inclusive), 5);
        assert_eq!(needed_for_quorum(8, Fraction::HALF, Strict), 5);
        assert_eq!(needed_for_quorum(8, Fraction::HALF, Inclusive), 4);
        assert_eq!(needed_for_quorum(1, Fraction::HALF, Inclusive), 1);
        assert_eq!(needed_for_quorum(0, Fraction::HALF, Inclusive), 0);
        assert_eq!(needed_for_quorum(0, Fraction::HALF, Strict), 1);
    }
}
