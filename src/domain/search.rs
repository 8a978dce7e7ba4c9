//! Full-text search (存档备查) across items, materials and documents, speaker notes, written
//! opinions, decisions, summaries and amendments. Chinese substring search: the query is split
//! on whitespace and every term must occur in the same record (case-insensitive for Latin).

use super::{db::Db, meeting::AmendTarget, Id};

/// Where a hit points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The item's page.
    Item(Id),
    /// The meeting's minutes (会议记录), at an item.
    Minutes(Id),
    /// The meeting's summary (纪要).
    Summary(Id),
}

/// What kind of text matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitKind {
    /// 议题
    Item,
    /// 会议材料 / 参考文件
    Materials,
    /// 发言记录
    Note,
    /// 书面意见
    Opinion,
    /// 决定事项
    Decision,
    /// 纪要
    Summary,
    /// 更正记录
    Amendment,
}

impl HitKind {
    pub fn zh(self) -> &'static str {
        match self {
            HitKind::Item => "议题",
            HitKind::Materials => "会议材料",
            HitKind::Note => "发言记录",
            HitKind::Opinion => "书面意见",
            HitKind::Decision => "决定事项",
            HitKind::Summary => "纪要",
            HitKind::Amendment => "更正记录",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            HitKind::Item => "Item",
            HitKind::Materials => "Materials",
            HitKind::Note => "Discussion",
            HitKind::Opinion => "Written opinion",
            HitKind::Decision => "Decision",
            HitKind::Summary => "Summary",
            HitKind::Amendment => "Amendment",
        }
    }
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    pub target: Target,
    /// The record's title (item title, or meeting date and kind).
    pub title: String,
    /// Text around the first match.
    pub snippet: String,
}

/// The query terms (whitespace separated, lower-cased; empty terms dropped).
pub fn terms(query: &str) -> Vec<String> {
    query.split_whitespace().map(|t| t.to_lowercase()).collect()
}

fn all_in(text: &str, terms: &[String]) -> bool {
    let lower = text.to_lowercase();
    !terms.is_empty() && terms.iter().all(|t| lower.contains(t.as_str()))
}

/// About `radius` characters either side of the first term's first occurrence, with … marks.
pub fn snippet(text: &str, terms: &[String], radius: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = text.to_lowercase().chars().collect();
    // to_lowercase can change lengths for rare characters; fall back to the start then.
    let pos = if lower.len() == chars.len() {
        terms
            .iter()
            .filter_map(|t| {
                let tc: Vec<char> = t.chars().collect();
                (0..=lower.len().saturating_sub(tc.len())).find(|&i| lower[i..].starts_with(&tc))
            })
            .min()
            .unwrap_or(0)
    } else {
        0
    };
    let start = pos.saturating_sub(radius);
    let end = (pos + radius * 2).min(chars.len());
    let mut s = String::new();
    if start > 0 {
        s.push('…');
    }
    s.extend(chars[start..end].iter().map(|c| if *c == '\n' { ' ' } else { *c }));
    if end < chars.len() {
        s.push('…');
    }
    s
}

/// Search the whole database. Results: items first (in entry order), then meetings newest
/// first, each meeting's hits in agenda order.
pub fn search(db: &Db, query: &str) -> Vec<Hit> {
    let terms = terms(query);
    if terms.is_empty() {
        return vec![];
    }
    let mut out = Vec::new();
    let mut push = |kind, target, title: &str, text: &str, context: &str| {
        // The text itself must contain a term; the context (the item title) may supply the rest.
        let lower = text.to_lowercase();
        if terms.iter().any(|t| lower.contains(t.as_str())) && all_in(&format!("{context}\n{text}"), &terms) {
            out.push(Hit { kind, target, title: title.to_string(), snippet: snippet(text, &terms, 30) });
        }
    };
    for it in &db.items {
        let docs: Vec<String> = it.documents.iter().map(|d| format!("{} {}", d.number, d.title)).collect();
        let materials = format!("{}\n{}", it.materials, docs.join("\n"));
        if all_in(&it.title, &terms) {
            push(HitKind::Item, Target::Item(it.id), &it.title, &it.title, "");
        } else {
            push(HitKind::Materials, Target::Item(it.id), &it.title, &materials, &it.title);
        }
    }
    let mut meetings: Vec<_> = db.meetings.iter().collect();
    meetings.sort_by(|a, b| b.date.cmp(&a.date));
    for m in meetings {
        let mtitle = format!("{} {}", super::summary::date_zh(m.date), m.kind.zh());
        for r in &m.items {
            let ititle = db.item(r.item).map(|i| i.title.clone()).unwrap_or_default();
            let title = format!("{mtitle} · {ititle}");
            let notes: Vec<String> = r.notes.iter().map(|n| n.text.clone()).collect();
            push(HitKind::Note, Target::Minutes(m.id), &title, &notes.join("\n"), &ititle);
            let ops: Vec<String> = r.opinions.iter().map(|o| o.text.clone()).collect();
            push(HitKind::Opinion, Target::Minutes(m.id), &title, &ops.join("\n"), &ititle);
            push(HitKind::Decision, Target::Minutes(m.id), &title, &r.decision, &ititle);
        }
        if let Some(s) = &m.summary {
            let title = format!("{mtitle} {}", super::summary::number_label(s.year, s.number));
            push(HitKind::Summary, Target::Summary(m.id), &title, &s.text, "");
        }
        for a in &m.amendments {
            let target = match a.target {
                Some(AmendTarget::Summary) => Target::Summary(m.id),
                _ => Target::Minutes(m.id),
            };
            push(HitKind::Amendment, target, &mtitle, &format!("{}\n{}", a.text, a.reason), "");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        category::Category,
        item::{AgendaItem, DocRef, ItemStatus, Proposer},
        meeting::{ItemRecord, MeetingStage, SpeechNote, Speaker, Summary},
    };
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn db() -> Db {
        let mut db = Db::default();
        db.items.push(AgendaItem {
            id: 1,
            title: "关于干部任免的议题".into(),
            category: Category::Personnel,
            proposer: Proposer::Secretary,
            in_charge: None,
            administrative: false,
            department: None,
            materials: "拟任命张三为人事科科长".into(),
            documents: vec![DocRef { number: "昌交发〔2026〕5号".into(), title: "Road Plan".into() }],
            amount_yuan: None,
            checklist: Default::default(),
            status: ItemStatus::Decided,
            created: d("2026-01-01"),
            history: vec![],
            changes_decision: None,
        });
        let mut m = crate::domain::summary::test_support::meeting(2, "2026-03-05");
        m.stage = MeetingStage::Signed;
        m.items.push(ItemRecord {
            item: 1,
            recused: vec![],
            notes: vec![SpeechNote { speaker: Speaker::Other("某".into()), text: "建议加强考察".into() }],
            opinions: vec![],
            ballot: None,
            result: None,
            decision: "同意任命张三同志为人事科科长".into(),
            supersedes: None,
            superseded_by: None,
        });
        m.summary = Some(Summary { year: 2026, number: 3, text: "会议研究了道路养护资金".into(), signed: None });
        db.meetings.push(m);
        db
    }

    #[test]
    fn finds_each_kind_of_text_and_links_to_the_record() {
        let db = db();
        let hits = search(&db, "人事科科长");
        let kinds: Vec<_> = hits.iter().map(|h| (h.kind, h.target)).collect();
        assert!(kinds.contains(&(HitKind::Materials, Target::Item(1))), "{kinds:?}");
        assert!(kinds.contains(&(HitKind::Decision, Target::Minutes(2))), "{kinds:?}");
        assert!(!kinds.iter().any(|k| k.0 == HitKind::Note), "the note does not mention it");
        assert_eq!(search(&db, "加强考察")[0].kind, HitKind::Note);
        assert_eq!(search(&db, "养护资金")[0].target, Target::Summary(2));
        assert_eq!(search(&db, "养护资金")[0].title, "2026年3月5日 党组例会 〔2026〕3号");
        assert_eq!(search(&db, "干部任免")[0], Hit { kind: HitKind::Item, target: Target::Item(1), title: "关于干部任免的议题".into(), snippet: "关于干部任免的议题".into() });
    }

    #[test]
    fn terms_must_all_occur_and_latin_is_case_insensitive() {
        let db = db();
        assert!(search(&db, "road plan").iter().any(|h| h.target == Target::Item(1)));
        assert!(search(&db, "干部任免 张三").iter().any(|h| h.kind == HitKind::Materials || h.kind == HitKind::Item));
        assert!(search(&db, "张三 不存在的词").is_empty());
        assert!(search(&db, "   ").is_empty());
        assert!(search(&db, "").is_empty());
    }

    #[test]
    fn snippets_centre_on_the_match() {
        let text = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸";
        assert_eq!(snippet(text, &terms("甲乙"), 3), "…八九十甲乙丙丁戊己…");
        assert_eq!(snippet("甲乙", &terms("甲"), 3), "甲乙");
    }
}
