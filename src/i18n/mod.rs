//! UI text. Chinese first, English available. Each area of the UI has one enum of text keys
//! with one exhaustive `zh` table and one exhaustive `en` table, so a missing translation is
//! a compile error.

pub mod common;
pub mod duties;
pub mod items;
pub mod meetings;
pub mod office;
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

/// `x` with one decimal, the same text as `format!("{:.1}", x)`: its exact binary value rounded
/// to tenths, a tie to the even tenth. Written with integer arithmetic because the standard
/// float formatter (two digit-generation algorithms and their tables) is among the larger
/// pieces of the wasm and would be there only for a size and a percentage on the data page.
/// For sizes and shares: `x` above 0 and below 2^53; anything else is written as 0.0.
pub fn one_decimal(x: f64) -> String {
    let tenths = if x > 0.0 && x < 9_007_199_254_740_992.0 {
        let bits = x.to_bits();
        let (exp, frac) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
        // x = m × 2^e, so 10x = 10m × 2^e exactly (10m < 2^57).
        let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | 1 << 52, exp as i32 - 1075) };
        let ten_m = u128::from(m) * 10;
        if e >= 0 {
            ten_m << e
        } else if e > -120 {
            let s = -e as u32;
            let (q, r, half) = (ten_m >> s, ten_m & ((1u128 << s) - 1), 1u128 << (s - 1));
            q + u128::from(r > half || (r == half && q % 2 == 1))
        } else {
            0 // below 2^-60: rounds to zero
        }
    } else {
        0
    };
    let tenths = tenths as u64; // below 10 × 2^53
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn one_decimal_is_what_the_float_formatter_writes() {
        let mut values =
            vec![0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.75, 0.95, 1.25, 2.5, 12.25, 99.95, 100.0, 1e-300, 4.9e-324];
        values.extend([1e6, 123456789.123, 4_503_599_627_370_495.5, 9_007_199_254_740_991.0]);
        // Shares of a quota and sizes, as the data page computes them, and every tie near them.
        for used in (0..5_300_000u64).step_by(997) {
            values.push(used as f64 * 100.0 / 5_234_688.0);
            values.push(used as f64 * 2.0 / 1_000_000.0);
            values.push(used as f64 * 2.0 / 1_000.0);
            values.push(used as f64 / 1_048_576.0);
            values.push(used as f64 / 20.0);
        }
        for x in values {
            assert_eq!(super::one_decimal(x), format!("{x:.1}"), "{x:e}");
        }
    }
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
