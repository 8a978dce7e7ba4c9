//! Texts of the agenda item screens (议题) that the meeting texts do not already hold. One line
//! per key: Chinese, English; the macro builds the enum and both exhaustive tables.

use super::Text;

macro_rules! texts {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// Texts of the item screens.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum ItemsText { $($key,)* }
        impl Text for ItemsText {
            fn zh(self) -> &'static str { match self { $(ItemsText::$key => $zh,)* } }
            fn en(self) -> &'static str { match self { $(ItemsText::$key => $en,)* } }
        }
    };
}

texts! {
    TitleRequired => "请填写议题名称", "Enter a title";
    NotFound => "找不到该议题。", "Item not found.";
    StepNote => "办理说明（可选）", "Note (optional)";
    MajorDecisionNeedsAll => "重大决策须完成以下程序方可确定上会", "A major decision needs all four before scheduling";
    // The fix shown next to a blocked step
    FixWriteMaterials => "填写会议材料", "Write the materials";
    FixChooseInCharge => "指定分管审核党组成员", "Choose the member in charge";
    FixReviewFirst => "先完成分管审核", "Review it first";
    FixDirectorFirst => "先取得局长同意", "Get the director's consent first";
    FixNameDirector => "到设置中指定局长", "Name the director in Settings";
    FixComplete => "补充完成", "Complete";
}
