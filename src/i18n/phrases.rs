//! Texts built around a number or a state: a typed value per phrase, said in either language by
//! [`Localized`], so a view keeps the value and the words follow a language switch.

use super::meetings::MeetingsText;
use super::{Lang, Localized, Text};
use crate::domain::meeting::Choice;

/// A phrase with its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phrase {
    /// 上次备份：N 天前
    LastBackupDaysAgo(i64),
    /// 显示 N / 共 M 条 (the counts already grouped into thousands)
    Showing { shown: String, total: String },
    /// 显示更多（再显示 N 条）
    ShowMore(usize),
    /// N 天 after a label, e.g. the days left before a report is due.
    Days(i64),
    /// 逾期N天
    DaysOverdue(i64),
    /// The unit after a number of days shown on its own: "天" or " days".
    DayUnit,
    /// The separator between items of a run-on list: "；" or "; ".
    ListSeparator,
    /// N项履职事项中M项已完成
    DutiesFulfilled { fulfilled: u32, applicable: u32 },
    /// 每月均召开了党组会议, or the months (1–12) that fell short.
    MonthsShort(Vec<u32>),
    /// 上会议题N项，作出决定N项；督办事项N项，办结N项，逾期N项
    FollowUpSummary { items: u32, decisions: u32, tasks: u32, closed: u32, overdue: u32 },
    /// 本年没有上会议题
    NoItemsThisYear,
    /// N 项议题
    ItemCount(usize),
    /// A report section's number: 一、 / 1.
    SectionNumber(u32),
    /// A year and a title: 2026年度… / 2026 …
    YearTitle { year: i32, title: &'static str },
    /// Months of a year: 3月、5月 / 3, 5 (— when there are none).
    Months(Vec<u32>),
    /// 姓名：不计入应到会人数（理由）
    NotCounted { name: String, reason: String },
    /// The item's heading in the minutes: 一、议题 / 1. Item.
    ItemHeading { number: u32, title: String },
    /// An open vote as recorded: the method, then each member's choice (and reservation) in the
    /// order stated.
    OpenVotes { method: MeetingsText, votes: Vec<(String, Choice, Option<String>)> },
    /// A secret ballot's totals.
    SecretTotals { yes: u32, no: u32, abstain: u32, invalid: u32 },
}

fn choice_word(c: Choice, zh: bool) -> &'static str {
    match (c, zh) {
        (Choice::Yes, true) => "同意",
        (Choice::No, true) => "反对",
        (Choice::Abstain, true) => "弃权",
        (Choice::Yes, false) => "yes",
        (Choice::No, false) => "no",
        (Choice::Abstain, false) => "abstain",
    }
}

impl Localized for Phrase {
    fn text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Phrase::LastBackupDaysAgo(n) if zh => format!("上次备份：{n} 天前"),
            Phrase::LastBackupDaysAgo(n) => format!("Last backup: {n} days ago"),
            Phrase::Showing { shown, total } if zh => format!("显示 {shown} / 共 {total} 条"),
            Phrase::Showing { shown, total } => format!("Showing {shown} of {total}"),
            Phrase::ShowMore(n) if zh => format!("显示更多（再显示 {n} 条）"),
            Phrase::ShowMore(n) => format!("Show more ({n} more)"),
            Phrase::Days(n) if zh => format!("{n}天"),
            Phrase::Days(n) => format!("{n} days"),
            Phrase::DaysOverdue(n) if zh => format!("逾期{n}天"),
            Phrase::DaysOverdue(n) => format!("{n} days overdue"),
            Phrase::DayUnit if zh => "天".into(),
            Phrase::DayUnit => " days".into(),
            Phrase::ListSeparator if zh => "；".into(),
            Phrase::ListSeparator => "; ".into(),
            Phrase::DutiesFulfilled { fulfilled, applicable } if zh => {
                format!("{applicable}项履职事项中{fulfilled}项已完成")
            }
            Phrase::DutiesFulfilled { fulfilled, applicable } => {
                format!("{fulfilled} of {applicable} duties fulfilled")
            }
            Phrase::MonthsShort(m) if m.is_empty() && zh => "每月均召开了党组会议".into(),
            Phrase::MonthsShort(m) if m.is_empty() => "A meeting was held every month".into(),
            Phrase::MonthsShort(m) if zh => {
                format!("未达到要求的月份：{}", m.iter().map(|m| format!("{m}月")).collect::<Vec<_>>().join("、"))
            }
            Phrase::MonthsShort(m) => {
                format!(
                    "Months short of the requirement: {}",
                    m.iter().map(|m| m.to_string()).collect::<Vec<_>>().join(", ")
                )
            }
            Phrase::FollowUpSummary { items, decisions, tasks, closed, overdue } if zh => {
                format!("上会议题{items}项，作出决定{decisions}项；督办事项{tasks}项，办结{closed}项，逾期{overdue}项")
            }
            Phrase::FollowUpSummary { items, decisions, tasks, closed, overdue } => {
                format!("{items} items, {decisions} decisions; {tasks} tasks, {closed} closed, {overdue} overdue")
            }
            Phrase::NoItemsThisYear if zh => "本年没有上会议题".into(),
            Phrase::NoItemsThisYear => "No items discussed this year".into(),
            Phrase::SectionNumber(n) if zh => format!("{}、", crate::domain::article::chinese_number(*n)),
            Phrase::SectionNumber(n) => format!("{n}. "),
            Phrase::YearTitle { year, title } if zh => format!("{year}{title}"),
            Phrase::YearTitle { year, title } => format!("{year} {title}"),
            Phrase::Months(m) if m.is_empty() => "—".into(),
            Phrase::Months(m) if zh => m.iter().map(|m| format!("{m}月")).collect::<Vec<_>>().join("、"),
            Phrase::Months(m) => m.iter().map(|m| m.to_string()).collect::<Vec<_>>().join(", "),
            Phrase::ItemCount(n) if zh => format!("{n} 项议题"),
            Phrase::ItemCount(n) => format!("{n} items"),
            Phrase::NotCounted { name, reason } if zh => format!("{name}：不计入应到会人数（{reason}）"),
            Phrase::NotCounted { name, reason } => format!("{name}: not counted among those due to attend ({reason})"),
            Phrase::ItemHeading { number, title } if zh => {
                format!("{}、{title}", crate::domain::article::chinese_number(*number))
            }
            Phrase::ItemHeading { number, title } => format!("{number}. {title}"),
            Phrase::OpenVotes { method, votes } => {
                let rows: Vec<String> = votes
                    .iter()
                    .map(|(name, c, reservation)| {
                        let r = reservation.as_deref().filter(|r| !r.is_empty());
                        match (zh, r) {
                            (true, Some(r)) => format!("{name}：{}（声明保留：{r}）", choice_word(*c, zh)),
                            (true, None) => format!("{name}：{}", choice_word(*c, zh)),
                            (false, Some(r)) => format!("{name}: {} (reservation: {r})", choice_word(*c, zh)),
                            (false, None) => format!("{name}: {}", choice_word(*c, zh)),
                        }
                    })
                    .collect();
                let method = method.get(lang);
                if zh {
                    format!("{method}（按表态顺序）：{}", rows.join("；"))
                } else {
                    format!("{method} (in order of statement): {}", rows.join("; "))
                }
            }
            Phrase::SecretTotals { yes, no, abstain, invalid } => {
                let method = MeetingsText::MethodSecret.get(lang);
                if zh {
                    format!("{method}：同意{yes}票，反对{no}票，弃权{abstain}票，无效{invalid}票")
                } else {
                    format!("{method}: {yes} yes, {no} no, {abstain} abstaining, {invalid} invalid")
                }
            }
        }
    }
}

/// The offline status line: what the service worker (or the single file) makes possible here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfflineText {
    Ready,
    Installing,
    SingleFile,
    UpdateAvailable,
    UpdateBlockedByUnsaved,
    UpdateAndReopen,
    /// Service workers need https or localhost.
    Insecure,
    /// Opened from a local file without the single-file edition.
    FromFile,
    Unsupported,
    Persisted,
    NotPersisted,
}

impl super::Text for OfflineText {
    fn zh(self) -> &'static str {
        match self {
            OfflineText::Ready => "已可离线使用：断网后刷新本页仍可打开。",
            OfflineText::Installing => "正在准备离线使用……",
            OfflineText::SingleFile => {
                "单文件版（yishi.html）：数据保存在本浏览器的本地文件存储中，与网址版互不相通；请定期导出备份。"
            }
            OfflineText::UpdateAvailable => "有新版本可用。",
            OfflineText::UpdateBlockedByUnsaved => "有未保存的修改，暂不能更新",
            OfflineText::UpdateAndReopen => "更新并重新打开",
            OfflineText::Insecure => {
                "离线缓存不可用（需要 https 或本机地址）。需要离线使用时，请使用单文件版 yishi.html。"
            }
            OfflineText::FromFile => "从本地文件打开：请使用单文件版 yishi.html。",
            OfflineText::Unsupported => "此浏览器或地址不支持离线缓存。",
            OfflineText::Persisted => " 浏览器已同意长期保存本站数据。",
            OfflineText::NotPersisted => " 浏览器未同意长期保存本站数据，存储紧张时可能被清除：请定期备份。",
        }
    }
    fn en(self) -> &'static str {
        match self {
            OfflineText::Ready => "Works offline: this page reopens without the network.",
            OfflineText::Installing => "Preparing offline use…",
            OfflineText::SingleFile => "Single-file edition (yishi.html): data is kept in this browser's storage for local files, separate from the web address; export backups regularly.",
            OfflineText::UpdateAvailable => "A new version is available.",
            OfflineText::UpdateBlockedByUnsaved => "Unsaved changes: update later",
            OfflineText::UpdateAndReopen => "Update and reopen",
            OfflineText::Insecure => "Offline caching is unavailable here (it needs https or localhost). For offline use, take the single file yishi.html.",
            OfflineText::FromFile => "Opened from a local file: use the single file yishi.html.",
            OfflineText::Unsupported => "Offline caching is not available in this browser or at this address.",
            OfflineText::Persisted => " The browser keeps this site's data persistently.",
            OfflineText::NotPersisted => " The browser did not grant persistent storage; data may be evicted under pressure: back up regularly.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_carry_their_numbers_in_both_languages() {
        assert_eq!(Lang::Zh.of(&Phrase::DaysOverdue(3)), "逾期3天");
        assert_eq!(Lang::En.of(&Phrase::DaysOverdue(3)), "3 days overdue");
        let showing = Phrase::Showing { shown: "50".into(), total: "1,500".into() };
        assert_eq!(Lang::Zh.of(&showing), "显示 50 / 共 1,500 条");
        assert_eq!(Lang::En.of(&showing), "Showing 50 of 1,500");
    }
}
