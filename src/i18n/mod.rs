//! UI text. Chinese first, English available. Each area of the UI has one enum of text keys
//! with one exhaustive `zh` table and one exhaustive `en` table, so a missing translation is
//! a compile error.

pub mod common;
pub mod duties;
pub mod items;
pub mod meetings;
pub mod phrases;
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
    /// The language the switch in the top bar offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
    /// `lang` attribute of the document.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    /// Pick this language's one of a (zh, en) pair of computed values (texts the domain wrote
    /// in both languages). Literal texts belong in the tables instead.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
    /// The end of a sentence followed by another: "。" or ". ".
    pub fn full_stop(self) -> &'static str {
        match self {
            Lang::Zh => "。",
            Lang::En => ". ",
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
            Lang::En => crate::domain::date_format::ymd(d, "-"),
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

/// A value that says itself in either language: domain enums (category, meeting kind, duty) and
/// typed errors. Views keep the value and render it with `lang.of(&value)` inside a reactive
/// closure, so the text follows a language switch and no view branches on the language.
pub trait Localized {
    fn text(&self, lang: Lang) -> String;
}

impl Lang {
    /// `value` said in this language.
    pub fn of<T: Localized + ?Sized>(self, value: &T) -> String {
        value.text(self)
    }
}

/// Every table of texts says itself.
impl<T: Text> Localized for T {
    fn text(&self, lang: Lang) -> String {
        self.get(lang).into()
    }
}

/// A message kept as a value (an error, a notice: a text key or a domain value) and said in the
/// language of the moment, so that it follows a language switch.
#[derive(Clone)]
pub struct Message(std::sync::Arc<dyn Localized + Send + Sync>);

impl Message {
    pub fn new(value: impl Localized + Send + Sync + 'static) -> Self {
        Message(std::sync::Arc::new(value))
    }
}

impl Localized for Message {
    fn text(&self, lang: Lang) -> String {
        self.0.text(lang)
    }
}

/// A message about someone or something named: "name：message".
#[derive(Clone)]
pub struct About {
    pub name: String,
    pub message: Message,
}

impl Localized for About {
    fn text(&self, lang: Lang) -> String {
        format!("{}{}{}", self.name, lang.colon(), self.message.text(lang))
    }
}

/// Types with inherent `zh()` and `en()` methods (returning `&str` or `String`).
macro_rules! localized_by_zh_en {
    ($($t:ty),* $(,)?) => {$(
        impl Localized for $t {
            fn text(&self, lang: Lang) -> String {
                match lang {
                    Lang::Zh => self.zh().into(),
                    Lang::En => self.en().into(),
                }
            }
        }
    )*};
}

impl Localized for crate::domain::item::ItemStatus {
    fn text(&self, lang: Lang) -> String {
        use crate::domain::rules::lifecycle::{status_en, status_zh};
        match lang {
            Lang::Zh => status_zh(*self).into(),
            Lang::En => status_en(*self).into(),
        }
    }
}

localized_by_zh_en!(
    crate::storage::StorageError,
    crate::backup::refs::Kind,
    crate::backup::ImportError,
    crate::domain::article::Article,
    crate::domain::search::HitKind,
    crate::domain::validate::Problem,
    crate::domain::evidence::EvidenceKind,
    crate::domain::evidence_text::EvidenceProblem,
    crate::domain::rules::duty::DutyKind,
    crate::domain::rules::vote::VoteError,
    crate::domain::rules::lifecycle::Blocker,
    crate::domain::summary::SummaryError,
    crate::domain::revision::SettleError,
    crate::domain::followup::FollowUpError,
    crate::domain::conduct::ConductError,
    crate::domain::category::Category,
    crate::domain::study::PlanError,
    crate::domain::meeting::MeetingKind,
);

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
