//! The full text of the 党组工作规则 (the seed), split into chapters and articles for the
//! rules screen. The text ships inside the app; nothing is fetched.

/// The rules text as adopted on 2020-06-28.
pub const RULES_TEXT: &str = include_str!("rules_text.txt");

/// A chapter (章) with its articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chapter {
    /// `第一章  总  则` with inner spacing collapsed: `第一章 总则`
    pub heading: String,
    pub articles: Vec<RuleArticle>,
}

/// One article (条): its number and paragraphs (the first starts with 第N条).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleArticle {
    pub number: u8,
    pub paragraphs: Vec<String>,
}

impl RuleArticle {
    /// Whole text of the article, paragraphs joined by newlines.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n")
    }
}

/// The document title lines and the chapters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RulesDocument {
    pub title: Vec<String>,
    pub chapters: Vec<Chapter>,
}

impl RulesDocument {
    pub fn article(&self, number: u8) -> Option<&RuleArticle> {
        self.chapters.iter().flat_map(|c| c.articles.iter()).find(|a| a.number == number)
    }
    pub fn articles(&self) -> impl Iterator<Item = &RuleArticle> {
        self.chapters.iter().flat_map(|c| c.articles.iter())
    }
}

/// Parse a Chinese numeral of 1..=99 (一, 十八, 二十三).
pub fn parse_chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => digit(*u).map(|u| 10 + u),
        [t, '十'] => digit(*t).map(|t| t * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// If `line` starts with `第X<unit>` (unit 章 or 条), the number X.
fn leading_number(line: &str, unit: char) -> Option<u32> {
    let rest = line.strip_prefix('第')?;
    let end = rest.find(unit)?;
    let num = &rest[..end];
    if num.chars().count() > 3 {
        return None;
    }
    parse_chinese_number(num)
}

fn collapse_spaces(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{3000}').filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Split the rules text into title, chapters and articles.
pub fn parse(text: &str) -> RulesDocument {
    let mut doc = RulesDocument { title: Vec::new(), chapters: Vec::new() };
    for raw in text.lines() {
        let line = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if line.is_empty() {
            continue;
        }
        if leading_number(line, '章').is_some() {
            let words: Vec<&str> =
                line.split(|c: char| c.is_whitespace() || c == '\u{3000}').filter(|p| !p.is_empty()).collect();
            let heading = match words.split_first() {
                Some((first, rest)) => format!("{} {}", first, rest.concat()),
                None => line.to_string(),
            };
            doc.chapters.push(Chapter { heading, articles: Vec::new() });
        } else if let (Some(n), Some(ch)) = (leading_number(line, '条'), doc.chapters.last_mut()) {
            ch.articles.push(RuleArticle { number: n as u8, paragraphs: vec![collapse_spaces(line)] });
        } else if let Some(a) = doc.chapters.last_mut().and_then(|c| c.articles.last_mut()) {
            a.paragraphs.push(line.to_string());
        } else if let Some(ch) = doc.chapters.last_mut() {
            // Text after a chapter heading but before its first article.
            let _ = ch;
        } else {
            doc.title.push(line.to_string());
        }
    }
    doc
}

/// The bundled rules, parsed.
pub fn document() -> RulesDocument {
    parse(RULES_TEXT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_rules_have_seven_chapters_and_thirty_articles_in_order() {
        let doc = document();
        assert_eq!(doc.chapters.len(), 7);
        let numbers: Vec<u8> = doc.articles().map(|a| a.number).collect();
        assert_eq!(numbers, (1..=30).collect::<Vec<u8>>());
        assert_eq!(doc.chapters[3].heading, "第四章 议事决策");
        assert!(doc.title.iter().any(|t| t.contains("党组工作规则")));
    }

    #[test]
    fn article_18_holds_all_seven_clauses() {
        let doc = document();
        let a = doc.article(18).unwrap();
        let text = a.text();
        for clause in ["（一）会议频次", "（四）会议召开", "（五）讨论表决", "（七）会议落实"]
        {
            assert!(text.contains(clause), "missing {clause}");
        }
        assert!(text.contains("三分之二以上党组成员到会"));
        // The paragraph after (七) belongs to article 18, not 19.
        assert!(text.contains("办公室要对落实情况及时进行督促检查"));
        assert!(!doc.article(19).unwrap().text().contains("办公室要对落实情况"));
    }

    #[test]
    fn parses_chinese_numbers() {
        assert_eq!(parse_chinese_number("一"), Some(1));
        assert_eq!(parse_chinese_number("十"), Some(10));
        assert_eq!(parse_chinese_number("十八"), Some(18));
        assert_eq!(parse_chinese_number("二十"), Some(20));
        assert_eq!(parse_chinese_number("二十三"), Some(23));
        assert_eq!(parse_chinese_number("三十"), Some(30));
        assert_eq!(parse_chinese_number("x"), None);
    }
}
