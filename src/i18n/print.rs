//! Texts of the print screens (the documents themselves are printed in Chinese, as filed):
//! one exhaustive zh table and one en table, generated from a single list.

use super::Text;

macro_rules! texts {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// Texts of the print screens.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum PrintText { $($key,)* }
        impl Text for PrintText {
            fn zh(self) -> &'static str { match self { $(PrintText::$key => $zh,)* } }
            fn en(self) -> &'static str { match self { $(PrintText::$key => $en,)* } }
        }
    };
}

texts! {
    Documents => "打印文书", "Print documents";
    Notice => "会议通知", "Meeting notice";
    SignIn => "签到表", "Sign-in sheet";
    BallotNamed => "表决票（记名）", "Ballots (named)";
    BallotSecret => "表决票（无记名）", "Ballots (secret)";
    Tally => "计票单", "Tally sheet";
    Record => "会议记录（记录本）", "Minutes book page";
    TaskNotice => "督办通知单", "Follow-up notice";
    TaskReminder => "催办单", "Reminder";
    Print => "打印", "Print";
    Back => "返回", "Back";
    NotFound => "找不到该记录。", "Record not found.";
    NoBallotItems => "本次会议没有干部任免议题，无需纸质表决票。", "This meeting has no personnel items: no paper ballots are needed.";
    PrintHint => "在打印对话框中选择 A4 纸，关闭“页眉和页脚”。文书按公文惯例以中文印制。", "Choose A4 paper and turn off “Headers and footers” in the print dialog. Documents print in Chinese, as filed.";
}
