//! Full-text search (存档备查) across items, materials and documents, speaker notes, written
//! opinions, decisions, summaries and amendments. Chinese substring search: the query is split
//! on whitespace and every term must occur in the same record (case-insensitive for Latin).

use memchr::memmem;

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

/// A query term compiled once per search: every record's texts are searched for it, and
/// building a substring searcher per text was a fifth of a search's time with ten years of
/// records.
struct Term {
    /// Finds the term (lower-cased; its `needle()` is the term).
    finder: memmem::Finder<'static>,
    /// How a text's capitals can make it match.
    fold: Fold,
}

/// How case is ignored for a term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fold {
    /// Lower-casing a text can never make it match (see [`caseless`]): found as it is, or not.
    None,
    /// Its only letters with case are ASCII (road numbers such as S101, X205线): compared with
    /// ASCII letters in either case, without lower-casing the text. Lower-casing the texts was
    /// nearly all of such a search.
    Ascii,
    /// Any other: the text lower-cased, where it has capitals.
    Full,
}

impl Term {
    fn new(text: &str) -> Self {
        let fold = if caseless(text) {
            Fold::None
        } else if text.chars().all(|c| c.is_ascii() || NO_CASE.contains(&c)) {
            Fold::Ascii
        } else {
            Fold::Full
        };
        Term { finder: memmem::Finder::new(text.as_bytes()).into_owned(), fold }
    }

    /// The term occurs in `text`, ignoring case. Found as it is, it matches; only text with
    /// capitals can match otherwise (lower-casing every record on every search was most of a
    /// search's time with ten years of records).
    fn in_text(&self, text: &str) -> bool {
        if self.finder.find(text.as_bytes()).is_some() {
            return true;
        }
        match self.fold {
            Fold::None => false,
            Fold::Ascii if !self.lower_case_adds_ascii(text) => {
                contains_ascii_fold(text.as_bytes(), self.finder.needle())
            }
            _ => text.chars().any(has_capital_form) && self.finder.find(text.to_lowercase().as_bytes()).is_some(),
        }
    }

    /// `text` has one of the two characters whose lower case has an ASCII letter (the Kelvin
    /// sign: k; the dotted capital I: i), and the term has that letter: such a text is left to
    /// the full comparison.
    fn lower_case_adds_ascii(&self, text: &str) -> bool {
        let term = self.finder.needle();
        (term.contains(&b'k') && text.contains('\u{212A}')) || (term.contains(&b'i') && text.contains('\u{130}'))
    }
}

/// `needle` (lower-case) occurs in `hay` with ASCII letters in either case and every other byte
/// as it is. A match starts at a character boundary: the needle's first byte is ASCII or a
/// UTF-8 lead byte.
fn contains_ascii_fold(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else { return true };
    let Some(last) = hay.len().checked_sub(needle.len()) else { return false };
    let (lo, up) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut from = 0;
    while from <= last {
        let Some(i) = memchr::memchr2(lo, up, &hay[from..=last]) else { return false };
        let at = from + i;
        if hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            return true;
        }
        from = at + 1;
    }
    false
}

fn compile(terms: &[String]) -> Vec<Term> {
    terms.iter().map(|t| Term::new(t)).collect()
}

fn all_in(text: &str, terms: &[Term]) -> bool {
    !terms.is_empty() && terms.iter().all(|t| t.in_text(text))
}

/// Chinese characters and punctuation (U+3000..U+9FFF): no case.
const NO_CASE: std::ops::RangeInclusive<char> = '\u{3000}'..='\u{9FFF}';

/// A term of Chinese characters, digits and ASCII punctuation only: lower-casing never
/// produces these from other characters, so it can only match as it is written.
fn caseless(term: &str) -> bool {
    term.chars().all(|c| NO_CASE.contains(&c) || (c.is_ascii() && !c.is_ascii_alphabetic()))
}

/// True when lower-casing changes `c`. Chinese characters and punctuation (U+3000..U+9FFF) have
/// no case; checking them by range skips the case tables for nearly every character.
fn has_capital_form(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else if NO_CASE.contains(&c) {
        false
    } else {
        c.to_lowercase().next() != Some(c)
    }
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

/// `text` cut into runs, each marked `true` where a query term occurs in it (ignoring case, as
/// the search does): what a result list highlights. Overlapping and adjacent matches merge
/// into one run; the runs joined give `text` back.
pub fn marked(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    // One lower-case char per char (a char whose lower case is longer is compared as it is).
    let lower: Vec<char> = chars
        .iter()
        .map(|&c| {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => x,
                _ => c,
            }
        })
        .collect();
    let terms: Vec<Vec<char>> =
        terms.iter().map(|t| t.chars().collect()).filter(|t: &Vec<char>| !t.is_empty()).collect();
    let mut hit = vec![false; chars.len()];
    for t in &terms {
        for i in 0..=lower.len().saturating_sub(t.len()) {
            if lower.len() >= t.len() && lower[i..i + t.len()] == t[..] {
                hit[i..i + t.len()].iter_mut().for_each(|h| *h = true);
            }
        }
    }
    let mut runs: Vec<(String, bool)> = Vec::new();
    for (c, h) in chars.into_iter().zip(hit) {
        match runs.last_mut() {
            Some((s, m)) if *m == h => s.push(c),
            _ => runs.push((c.to_string(), h)),
        }
    }
    runs
}

/// Search the whole database. Results: items first (in entry order), then meetings newest
/// first, each meeting's hits in agenda order.
pub fn search(db: &Db, query: &str) -> Vec<Hit> {
    search_first(db, query, usize::MAX).hits
}

/// What a search found: how many hits in all, and the first of them in full.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// Every hit's count.
    pub total: usize,
    /// The first hits (in [`search`]'s order), with title and snippet.
    pub hits: Vec<Hit>,
}

/// [`search`], with a title and snippet made only for the first `first` hits; the others are
/// counted. A list shows a page of hits (components::pager), and making every hit's snippet was
/// most of a search for a common word (thousands of hits in ten years of records).
pub fn search_first(db: &Db, query: &str, first: usize) -> Found {
    let terms = terms(query);
    if terms.is_empty() {
        return Found::default();
    }
    let compiled = compile(&terms);
    let mut out = Vec::new();
    let mut total = 0;
    // `texts` are the record's texts (searched as one, without building it unless it is a
    // hit); `context` (the item title) may supply terms the texts lack; titles are made only
    // for hits.
    let mut push = |kind, target, title: &dyn Fn() -> String, texts: &[&str], context: &str| {
        let in_texts = |t: &Term| texts.iter().any(|x| t.in_text(x));
        if compiled.iter().any(in_texts) && compiled.iter().all(|t| in_texts(t) || t.in_text(context)) {
            total += 1;
            if out.len() < first {
                let joined = texts.join("\n");
                out.push(Hit { kind, target, title: title(), snippet: snippet(&joined, &terms, 30) });
            }
        }
    };
    for it in &db.items {
        let title = || it.title.clone();
        if all_in(&it.title, &compiled) {
            push(HitKind::Item, Target::Item(it.id), &title, &[it.title.as_str()], "");
        } else {
            let docs: Vec<String> = it.documents.iter().map(|d| format!("{} {}", d.number, d.title)).collect();
            let mut texts = vec![it.materials.as_str()];
            texts.extend(docs.iter().map(String::as_str));
            push(HitKind::Materials, Target::Item(it.id), &title, &texts, &it.title);
        }
    }
    let titles: std::collections::HashMap<_, _> = db.items.iter().map(|i| (i.id, i.title.as_str())).collect();
    let mut meetings: Vec<_> = db.meetings.iter().collect();
    crate::domain::sort::sort_by(&mut meetings, |a, b| b.date.cmp(&a.date));
    for m in meetings {
        let mtitle = || format!("{} {}", super::summary::date_zh(m.date), m.kind.zh());
        for r in &m.items {
            let ititle = titles.get(&r.item).copied().unwrap_or_default();
            let title = || format!("{} · {ititle}", mtitle());
            let notes: Vec<&str> = r.notes.iter().map(|n| n.text.as_str()).collect();
            push(HitKind::Note, Target::Minutes(m.id), &title, &notes, ititle);
            let ops: Vec<&str> = r.opinions.iter().map(|o| o.text.as_str()).collect();
            push(HitKind::Opinion, Target::Minutes(m.id), &title, &ops, ititle);
            push(HitKind::Decision, Target::Minutes(m.id), &title, &[r.decision.as_str()], ititle);
        }
        if let Some(s) = &m.summary {
            let title = || format!("{} {}", mtitle(), super::summary::number_label(s.year, s.number));
            push(HitKind::Summary, Target::Summary(m.id), &title, &[s.text.as_str()], "");
        }
        for a in &m.amendments {
            let target = match a.target {
                Some(AmendTarget::Summary) => Target::Summary(m.id),
                _ => Target::Minutes(m.id),
            };
            push(HitKind::Amendment, target, &mtitle, &[a.text.as_str(), a.reason.as_str()], "");
        }
    }
    Found { total, hits: out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::db::Records;
    use crate::domain::{
        category::Category,
        item::{AgendaItem, DocRef, ItemStatus},
        meeting::{ItemRecord, MeetingStage, Speaker, SpeechNote, Summary},
    };
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn db() -> Db {
        let mut db = Db::default();
        db.items.add(AgendaItem {
            materials: "拟任命张三为人事科科长".into(),
            documents: vec![DocRef { number: "昌交发〔2026〕5号".into(), title: "Road Plan".into() }],
            status: ItemStatus::Decided,
            ..AgendaItem::proposed(1, "关于干部任免的议题", Category::Personnel, d("2026-01-01"))
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
        m.summary = Some(Summary {
            year: 2026,
            number: 3,
            text: "会议研究了道路养护资金".into(),
            signed: None,
            replaced: None,
        });
        db.meetings.add(m);
        db
    }

    #[test]
    fn ascii_folding_finds_exactly_what_lower_casing_finds() {
        // Texts of characters with and without case, including the two whose lower case has an
        // ASCII letter (the Kelvin sign, the dotted capital I), long s, fullwidth and German
        // letters, Chinese, digits and punctuation; terms as terms() makes them.
        let alphabet = [
            'a', 'A', 'k', 'K', '\u{212A}', 'i', 'I', '\u{130}', 's', 'S', 'ſ', 'x', 'X', '1', '0', '线', '路', 'Ä',
            'ä', 'ß', 'Ａ', 'ａ', ' ', '-', '…',
        ];
        let queries = ["s101", "X205线", "k", "Ki", "i", "is", "a-1", "路a", "ss", "SX", "x1", "a"];
        for q in queries {
            assert_eq!(Term::new(&q.to_lowercase()).fold, Fold::Ascii, "{q}");
        }
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..30_000 {
            let len = next(10);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            for q in queries {
                let t = q.to_lowercase();
                let expected = text.contains(&t) || text.to_lowercase().contains(&t);
                assert_eq!(Term::new(&t).in_text(&text), expected, "{t:?} in {text:?}");
            }
        }
    }

    #[test]
    fn only_the_first_hits_are_made_in_full_and_every_hit_is_counted() {
        let db = crate::sample::reference::reference_db(crate::sample::reference::DEFAULT_SEED);
        let all = search(&db, "党组");
        assert!(all.len() > 1000, "a common word: {} hits", all.len());
        for first in [0, 1, 50, 51, all.len() - 1, all.len(), all.len() + 7, usize::MAX] {
            let found = search_first(&db, "党组", first);
            assert_eq!(found.total, all.len(), "first {first}");
            assert_eq!(found.hits[..], all[..first.min(all.len())], "first {first}");
        }
        // Two terms, and a term found nowhere.
        let both = search(&db, "党组 会议");
        assert!(!both.is_empty() && both.len() < all.len());
        assert_eq!(search_first(&db, "党组 会议", 3), Found { total: both.len(), hits: both[..3].to_vec() });
        assert_eq!(search_first(&db, "党组 不存在的词语", 50), Found::default());
        assert_eq!(search_first(&db, "   ", 50), Found::default());
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
        assert_eq!(
            search(&db, "干部任免")[0],
            Hit {
                kind: HitKind::Item,
                target: Target::Item(1),
                title: "关于干部任免的议题".into(),
                snippet: "关于干部任免的议题".into()
            }
        );
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
    fn case_folding_covers_capitals_anywhere_and_leaves_chinese_alone() {
        let t = |q: &str| compile(&terms(q));
        assert!(all_in("G30连霍高速 PPP项目", &t("ppp 连霍")));
        assert!(all_in("G30连霍高速", &t("g30")), "capital in the text");
        assert!(all_in("g30连霍高速", &t("G30")), "capital in the query");
        assert!(all_in("ＰＰＰ项目", &t("ｐｐｐ")), "full-width Latin has case too");
        assert!(all_in("ÉCOLE", &t("école")));
        assert!(!all_in("连霍高速", &t("连霍 g30")), "every term must occur");
        assert!(!all_in("连霍高速公路", &t("霍高速路")));
        assert!(!all_in("任何文字", &[]));
        assert!(all_in("关于G30连霍高速2026年养护", &t("连霍高速 2026")), "caseless terms in text with capitals");
        assert!(!all_in("关于G30连霍高速", &t("连霍公路")));
        assert!(caseless("农村公路〔2026〕3号") && !caseless("ppp") && !caseless("ｐｐｐ") && !caseless("é"));
        assert!(has_capital_form('A') && has_capital_form('Ａ') && has_capital_form('É'));
        assert!(!has_capital_form('a') && !has_capital_form('党') && !has_capital_form('〔') && !has_capital_form('1'));
    }

    #[test]
    fn snippets_centre_on_the_match() {
        let text = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸";
        assert_eq!(snippet(text, &terms("甲乙"), 3), "…八九十甲乙丙丁戊己…");
        assert_eq!(snippet("甲乙", &terms("甲"), 3), "甲乙");
    }

    #[test]
    fn marked_runs_highlight_every_term_and_give_the_text_back() {
        let runs = |text: &str, q: &str| marked(text, &terms(q));
        let own = |v: &[(&str, bool)]| v.iter().map(|(s, m)| (s.to_string(), *m)).collect::<Vec<_>>();
        // Every occurrence of every term, ignoring case; the text is unchanged.
        assert_eq!(
            runs("…党组会议，PPP项目党组研究…", "党组 ppp"),
            own(&[
                ("…", false),
                ("党组", true),
                ("会议，", false),
                ("PPP", true),
                ("项目", false),
                ("党组", true),
                ("研究…", false)
            ])
        );
        // Overlapping and adjacent matches are one run; a match at either end.
        assert_eq!(runs("甲乙丙丁", "甲乙 乙丙"), own(&[("甲乙丙", true), ("丁", false)]));
        assert_eq!(runs("甲乙丙丁", "甲 乙"), own(&[("甲乙", true), ("丙丁", false)]));
        assert_eq!(runs("甲乙丙丁", "丁"), own(&[("甲乙丙", false), ("丁", true)]));
        // No match, a term longer than the text, no terms: one unmarked run (none for "").
        assert_eq!(runs("甲乙", "丙"), own(&[("甲乙", false)]));
        assert_eq!(runs("甲", "甲乙丙"), own(&[("甲", false)]));
        assert_eq!(runs("甲乙", ""), own(&[("甲乙", false)]));
        assert_eq!(runs("", "甲"), own(&[]));
        // A character whose lower case is two characters (İ) keeps the others aligned.
        assert_eq!(runs("İstanbul abc", "abc"), own(&[("İstanbul ", false), ("abc", true)]));
    }
}
