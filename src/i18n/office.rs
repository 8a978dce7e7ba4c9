//! Texts of the office-file buttons (.docx and .xlsx made in the exporter worker): one
//! exhaustive zh table and one en table, generated from a single list. The files themselves
//! are in Chinese, as filed.

use super::Text;

macro_rules! texts {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// Texts of the office-file buttons.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum OfficeText { $($key,)* }
        impl Text for OfficeText {
            fn zh(self) -> &'static str { match self { $(OfficeText::$key => $zh,)* } }
            fn en(self) -> &'static str { match self { $(OfficeText::$key => $en,)* } }
        }
    };
}

texts! {
    // The buttons, one per file.
    SummaryDocx => "纪要 .docx", "Summary .docx";
    ReportDocx => "年度报告 .docx", "Annual report .docx";
    ItemsXlsx => "议题台账 .xlsx", "Item register .xlsx";
    TasksXlsx => "督办台账 .xlsx", "Follow-up register .xlsx";
    DutiesXlsx => "履职台账 .xlsx", "Duty register .xlsx";
    Hint => "在本机生成 Word / Excel 文件，不上传任何数据。", "Made on this device as a Word / Excel file; nothing is uploaded.";
    // While the file is made, and after.
    Working => "正在生成…", "Generating…";
    Saved => "已下载：", "Downloaded: ";
    // Why no file came.
    ErrUnavailable => "此版本不含文件导出组件（开发服务器不构建它；请使用 ./dev dist 构建的版本）。", "This build has no file exporter (the development server does not build it; use the build from ./dev dist).";
    ErrBusy => "另一个文件正在生成，请稍候再试。", "Another file is being made; try again in a moment.";
    ErrStart => "文件导出组件未能启动：", "The file exporter did not start: ";
    ErrRender => "文件未能生成：", "The file could not be made: ";
    ErrNoRecord => "没有可导出的内容：该会议尚无纪要。", "Nothing to export: this meeting has no summary yet.";
    ErrSave => "文件已生成，但浏览器未能保存：", "The file was made, but the browser could not save it: ";
}
