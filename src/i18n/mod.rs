//! UI text. Chinese first, English available. Each area of the UI has one enum of text keys
//! with one exhaustive `zh` table and one exhaustive `en` table, so a missing translation is
//! a compile error.

pub mod common;
pub mod duties;
pub mod meetings;
pub mod print;
pub mod records;

pub use common::{role_label, role_short_label, Ui};

/// UI language. 界面语言
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
    pub fn from_code(s: &str) -> Lang {
        if s == "en" {
            Lang::En
        } else {
            Lang::Zh
        }
    }
    /// `lang` attribute of the document.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    /// Pick the text for this language from a (zh, en) pair of computed strings.
    pub fn pick(self, zh: String, en: String) -> String {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
    /// The colon after a label: full width in Chinese, ": " in English.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Zh => "：",
            Lang::En => ": ",
        }
    }
    /// The opening and closing brackets around an aside: full width in Chinese, " (" and ")" in
    /// English. For text; where the aside is a component, put the two halves around it.
    pub fn brackets(self) -> (&'static str, &'static str) {
        match self {
            Lang::Zh => ("（", "）"),
            Lang::En => (" (", ")"),
        }
    }
    /// `text` in this language's brackets: "（…）" or " (…)".
    pub fn bracketed(self, text: &str) -> String {
        let (open, close) = self.brackets();
        format!("{open}{text}{close}")
    }
    /// A date on screen: 2026年11月3日 in Chinese, 2026-11-03 in English. (The printed
    /// minutes and 纪要 are Chinese documents and keep the Chinese form.)
    pub fn date(self, d: chrono::NaiveDate) -> String {
        match self {
            Lang::Zh => crate::domain::summary::date_zh(d),
            Lang::En => d.format("%Y-%m-%d").to_string(),
        }
    }
}

/// A table of UI texts: one exhaustive match per language.
pub trait Text: Copy {
    fn zh(self) -> &'static str;
    fn en(self) -> &'static str;
    fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;
    use chrono::NaiveDate;

    #[test]
    fn dates_on_screen_follow_the_language() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(Lang::Zh.date(d), "2026年3月9日");
        assert_eq!(Lang::En.date(d), "2026-03-09");
        assert_eq!(format!("标签{}值", Lang::Zh.colon()), "标签：值");
        assert_eq!(format!("Label{}value", Lang::En.colon()), "Label: value");
    }

    #[test]
    fn asides_are_bracketed_in_the_language_of_the_text() {
        assert_eq!(format!("会议{}", Lang::Zh.bracketed("3")), "会议（3）");
        assert_eq!(format!("Meetings{}", Lang::En.bracketed("3")), "Meetings (3)");
        let (open, close) = Lang::En.brackets();
        assert_eq!(format!("cannot pass{open}Art. 20{close}"), "cannot pass (Art. 20)");
    }
}
