//! Must a payment go to the Party group? (第六条（六）: 单笔5万元以上资金支出)
//!
//! Interpretation: "5万元以上" includes 5万元 itself (`amount ≥ threshold`), the usual reading
//! of 以上 for amounts and the safer one here (it sends the boundary case to the group).

use crate::domain::{
    article::{cite, Article},
    settings::RuleSettings,
};

/// True when a one-time expenditure of `amount_yuan` must be decided by the group (第六条（六）).
pub fn must_go_to_group(amount_yuan: u64, s: &RuleSettings) -> bool {
    amount_yuan >= s.expenditure_threshold_yuan
}

/// The article of the expenditure rule.
pub const ARTICLE: Article = cite::EXPENDITURE;

/// A sentence for the item form, e.g. "单笔支出50000元，达到5万元，须提交党组会议研究决定（第六条（六））".
pub fn explain_zh(amount_yuan: u64, s: &RuleSettings) -> String {
    let t = yuan_zh(s.expenditure_threshold_yuan);
    if must_go_to_group(amount_yuan, s) {
        format!("单笔支出{amount_yuan}元，达到{t}，须提交党组会议研究决定（{}）", ARTICLE.zh())
    } else {
        format!("单笔支出{amount_yuan}元，低于{t}，不必提交党组会议（{}）", ARTICLE.zh())
    }
}

pub fn explain_en(amount_yuan: u64, s: &RuleSettings) -> String {
    let t = s.expenditure_threshold_yuan;
    if must_go_to_group(amount_yuan, s) {
        format!(
            "A one-time payment of {amount_yuan} yuan reaches {t} yuan: the Party group must decide it ({})",
            ARTICLE.en()
        )
    } else {
        format!(
            "A one-time payment of {amount_yuan} yuan is below {t} yuan: no Party-group decision needed ({})",
            ARTICLE.en()
        )
    }
}

/// 50000 → "5万元", 12345 → "12345元".
fn yuan_zh(y: u64) -> String {
    if y >= 10_000 && y.is_multiple_of(10_000) {
        format!("{}万元", y / 10_000)
    } else {
        format!("{y}元")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifty_thousand_is_the_boundary_and_is_included() {
        let s = RuleSettings::default();
        assert!(!must_go_to_group(49_999, &s));
        assert!(must_go_to_group(50_000, &s));
        assert!(must_go_to_group(50_001, &s));
        assert!(!must_go_to_group(0, &s));
        assert_eq!(explain_zh(50_000, &s), "单笔支出50000元，达到5万元，须提交党组会议研究决定（第六条（六））");
        let mut t = s.clone();
        t.expenditure_threshold_yuan = 30_000;
        assert!(must_go_to_group(30_000, &t) && !must_go_to_group(29_999, &t));
    }
}
