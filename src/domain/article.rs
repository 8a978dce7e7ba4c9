//! Typed references to articles of the rules text (党组工作规则).
//!
//! Every rule the app enforces names the article it comes from; the UI renders an
//! [`Article`] in Chinese or English and links to `#/rules/N`.

use serde::{Deserialize, Serialize};

/// A reference to 第N条, optionally to one of its numbered clauses (（一）…).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Article {
    /// Article number, 1..=30.
    pub number: u8,
    /// Clause number within the article, e.g. 4 for （四）.
    pub clause: Option<u8>,
}

impl Article {
    pub const fn new(number: u8) -> Self {
        Self { number, clause: None }
    }
    pub const fn clause(number: u8, clause: u8) -> Self {
        Self { number, clause: Some(clause) }
    }

    /// `第十八条（四）`
    pub fn zh(&self) -> String {
        let mut s = format!("第{}条", chinese_number(self.number as u32));
        if let Some(c) = self.clause {
            s.push('（');
            s.push_str(&chinese_number(c as u32));
            s.push('）');
        }
        s
    }

    /// `Art. 18(4)`
    pub fn en(&self) -> String {
        match self.clause {
            Some(c) => format!("Art. {}({})", self.number, c),
            None => format!("Art. {}", self.number),
        }
    }

    /// Hash route of the rules screen showing this article.
    pub fn href(&self) -> String {
        format!("#/rules/{}", self.number)
    }
}

/// Chinese numerals for 0..=99 as used in article numbers (十八, 二十三).
pub fn chinese_number(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n.is_multiple_of(10) { "" } else { D[(n % 10) as usize] }),
        20..=99 => {
            format!("{}十{}", D[(n / 10) as usize], if n.is_multiple_of(10) { "" } else { D[(n % 10) as usize] })
        }
        _ => n.to_string(),
    }
}

/// Articles cited across the app.
pub mod cite {
    use super::Article;
    /// 第三条: leadership of the superior committee.
    pub const SUPERIOR: Article = Article::new(3);
    /// 第六条（六）: one-time expenditures of 5万元 or more.
    pub const EXPENDITURE: Article = Article::clause(6, 6);
    /// 第九条: the secretary convenes and chairs, signs documents.
    pub const SECRETARY: Article = Article::new(9);
    /// 第十二条: at least one comprehensive report a year.
    pub const ANNUAL_REPORT: Article = Article::new(12);
    /// 第十四条: collective leadership; reservations.
    pub const COLLECTIVE: Article = Article::new(14);
    /// 第十七条: preparation of major decisions.
    pub const MAJOR_DECISION: Article = Article::new(17);
    /// 第十八条（一）: meeting frequency.
    pub const FREQUENCY: Article = Article::clause(18, 1);
    /// 第十八条（二）: setting the agenda.
    pub const AGENDA: Article = Article::clause(18, 2);
    /// 第十八条（三）: preparing materials.
    pub const MATERIALS: Article = Article::clause(18, 3);
    /// 第十八条（四）: quorum, leave, recusal.
    pub const QUORUM: Article = Article::clause(18, 4);
    /// 第十八条（五）: discussion and vote.
    pub const VOTE: Article = Article::clause(18, 5);
    /// 第十八条（六）: minutes and summary.
    pub const MINUTES: Article = Article::clause(18, 6);
    /// 第十八条（七）: implementation and follow-up.
    pub const FOLLOW_UP: Article = Article::clause(18, 7);
    /// 第十九条: yearly performance report and assessment.
    pub const PERFORMANCE: Article = Article::new(19);
    /// 第二十条: accountability.
    pub const ACCOUNTABILITY: Article = Article::new(20);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_chinese_article_numbers() {
        assert_eq!(Article::new(3).zh(), "第三条");
        assert_eq!(Article::new(10).zh(), "第十条");
        assert_eq!(Article::clause(18, 4).zh(), "第十八条（四）");
        assert_eq!(Article::new(20).zh(), "第二十条");
        assert_eq!(Article::clause(23, 4).zh(), "第二十三条（四）");
        assert_eq!(Article::new(30).zh(), "第三十条");
        assert_eq!(Article::clause(6, 11).zh(), "第六条（十一）");
        assert_eq!(Article::clause(18, 4).en(), "Art. 18(4)");
        assert_eq!(Article::new(18).href(), "#/rules/18");
    }
}
