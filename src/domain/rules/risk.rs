//! Risk hints tied to 第二十条 (责任追究): what the records show that could lead to
//! accountability, each with the clause and a link to the record.
//!
//! - (一) a decision's follow-up task is overdue (决策落实不及时、不得力);
//! - (二) a vote recorded without quorum, a decision text on an item that did not pass, or a
//!   major decision taken without the 第十七条 preparation (违反决策程序);
//! - (三) a 干部任免 item voted without the ⅔ quorum (干部选拔任用方面出现问题);
//! - (四) missed Party-building duties (党组会议, 学习, 民主生活会, 支部汇报, 意识形态…):
//!   从严治党责任; (五) missed 党风廉政 duties: 党风廉政建设主体责任.
//!
//! Duties are checked for the year of `today` and the year before (a December meeting's report
//! is due in January).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::domain::{
    article::Article,
    category::Category,
    db::Db,
    item::{AgendaItem, ItemStatus},
    task::TaskStatus,
    Id,
};

use super::{duty::evaluate_duties, quorum::needed_for_quorum};

/// One hint. 风险提示. The texts do not repeat the clause: the screen shows it beside them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RiskHint {
    /// e.g. 第二十条（一）
    pub clause: Article,
    pub zh: String,
    pub en: String,
    /// Hash route of the record: "#/tasks/12", "#/meetings/3", "#/duties".
    pub link: String,
    /// The year the hint belongs to (a meeting's, a duty's, an overdue task's deadline).
    pub year: i32,
    /// An overdue follow-up task (督办逾期): always listed first.
    pub overdue_task: bool,
}

/// All hints as of `today`: overdue follow-up tasks first, then this year's hints, then older
/// ones, each group in clause order. Nothing dated before the register's start
/// ([`super::duty::ledger_start`]) is flagged.
pub fn risk_hints(db: &Db, today: NaiveDate) -> Vec<RiskHint> {
    let mut out = Vec::new();
    let c1 = Article::clause(20, 1);
    for t in db.tasks.iter().filter(|t| t.status(today) == TaskStatus::Overdue) {
        out.push(RiskHint {
            clause: c1,
            zh: format!("督办事项“{}”已逾期（期限{}），决策落实不及时", t.title, t.deadline),
            en: format!(
                "Follow-up “{}” is overdue (deadline {}): a decision is not carried out on time",
                t.title, t.deadline
            ),
            link: format!("#/tasks/{}", t.id),
            year: t.deadline.year(),
            overdue_task: true,
        });
    }
    let (c2, c3) = (Article::clause(20, 2), Article::clause(20, 3));
    let items: HashMap<Id, &AgendaItem> = db.items.iter().map(|i| (i.id, i.as_ref())).collect();
    let start = super::duty::ledger_start(db);
    for m in db.meetings.iter().filter(|m| start.is_none_or(|s| m.date >= s)) {
        for rec in &m.items {
            let item = items.get(&rec.item).copied();
            // Titles and links are made only for the records that raise a hint.
            let title = || item.map_or_else(|| format!("#{}", rec.item), |i| i.title.clone());
            let category = item.map(|i| i.category);
            let link = || format!("#/meetings/{}", m.id);
            if let Some(r) = &rec.result {
                let personnel = category == Some(Category::Personnel);
                let two_thirds = needed_for_quorum(r.due, db.settings.special_quorum, db.settings.reading);
                if personnel && (!r.quorum_met || r.present < two_thirds) {
                    out.push(RiskHint {
                        clause: c3,
                        zh: format!("{}会议干部任免议题“{title}”表决时到会{}人，未达到三分之二以上（至少{two_thirds}人）", m.date, r.present, title = title()),
                        en: format!("{}: appointment item “{title}” was voted with {} present, short of two thirds ({two_thirds})", m.date, r.present, title = title()),
                        link: link(),
                        year: m.date.year(),
                        overdue_task: false,
                    });
                } else if !r.quorum_met {
                    out.push(RiskHint {
                        clause: c2,
                        zh: format!("{}会议议题“{title}”表决时未达到法定人数，表决无效", m.date, title = title()),
                        en: format!(
                            "{}: item “{title}” was voted without quorum; the vote is invalid",
                            m.date,
                            title = title()
                        ),
                        link: link(),
                        year: m.date.year(),
                        overdue_task: false,
                    });
                }
                if !r.passed && !rec.decision.trim().is_empty() {
                    out.push(RiskHint {
                        clause: c2,
                        zh: format!("{}会议议题“{title}”未获通过，却记录了决定事项", m.date, title = title()),
                        en: format!(
                            "{}: item “{title}” did not pass but a decision is recorded",
                            m.date,
                            title = title()
                        ),
                        link: link(),
                        year: m.date.year(),
                        overdue_task: false,
                    });
                }
            }
            if let Some(i) = item {
                let decided = rec.result.as_ref().is_some_and(|r| r.passed)
                    || matches!(i.status, ItemStatus::Decided | ItemStatus::Implementing | ItemStatus::Done);
                if decided && rec.result.is_some() && i.category.is_major_decision() && !i.checklist.complete() {
                    out.push(RiskHint {
                        clause: c2,
                        // Dated as the other hints of a meeting are: items of the same title in
                        // different years read apart.
                        zh: format!("{}会议重大决策“{title}”未完成调查研究、征求意见、风险评估、合法合规性审查等程序（第十七条）", m.date, title = title()),
                        en: format!("{}: major decision “{title}” was taken without the full Art. 17 preparation", m.date, title = title()),
                        link: format!("#/items/{}", i.id),
                        year: m.date.year(),
                        overdue_task: false,
                    });
                }
            }
        }
    }
    for year in [today.year() - 1, today.year()] {
        for st in evaluate_duties(db, year, today) {
            if !st.overdue {
                continue;
            }
            let clause = st.duty.risk_clause();
            let what = if clause.clause == Some(5) { "党风廉政建设主体责任" } else { "从严治党责任" };
            out.push(RiskHint {
                clause,
                zh: format!("{}年{}未按要求完成：{}（{}）", year, st.duty.zh(), abridge(&st.gaps, "；", true), what),
                en: format!("{}: {} not fulfilled: {}", year, st.duty.en(), abridge(&st.gaps_en, "; ", false)),
                link: format!("#/duties/{year}"),
                year,
                overdue_task: false,
            });
        }
    }
    let this_year = today.year();
    crate::domain::sort::sort_by_key(&mut out, |h| (!h.overdue_task, h.year != this_year, h.clause));
    out
}

/// At most three gaps in a hint, then how many more: the dashboard lists them all.
fn abridge(gaps: &[String], sep: &str, zh: bool) -> String {
    const SHOWN: usize = 3;
    if gaps.len() <= SHOWN {
        return gaps.join(sep);
    }
    let more = gaps.len() - SHOWN;
    let head = gaps[..SHOWN].join(sep);
    if zh {
        format!("{head}等，共{}项", gaps.len())
    } else {
        format!("{head} and {more} more")
    }
}

#[cfg(test)]
mod abridge_tests {
    use super::abridge;

    #[test]
    fn lists_three_gaps_then_the_total() {
        let g: Vec<String> = (1..=5).map(|m| format!("{m}月")).collect();
        assert_eq!(abridge(&g[..3], "；", true), "1月；2月；3月");
        assert_eq!(abridge(&g, "；", true), "1月；2月；3月等，共5项");
        assert_eq!(abridge(&g, "; ", false), "1月; 2月; 3月 and 2 more");
    }
}
