//! Texts of merges, conflicts and meeting packages: what a file would change, versions kept
//! side by side, and settling them.

use super::{Lang, Text};

/// Text keys for merges and conflicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rt {
    PreviewSummary,
    TakeFile,
    Add,
    Delete,
    KeepHere,
    Conflict,
    Unchanged,
    Renumbered,
    NothingChanges,
    ConflictsTitle,
    ConflictsHint,
    ChangesTitle,
    NewerHereTitle,
    DiffersIn,
    /// Label of this browser's value of a differing field.
    ValueHere,
    /// Label of the kept version's value of a differing field.
    ValueThere,
    ChoiceKeepBoth,
    ChoiceKeepHere,
    ChoiceTakeFile,
    ProtectedHint,
    PackageNote,
    ReplaceBlockedForPackage,
    ConfirmReplace,
    ConfirmReplaceText,
    Merged,
    MergedConflicts,
    NoticeTitle,
    NoticeText,
    NoticeDeleted,
    NoticeProtected,
    SettleKeep,
    SettleTake,
    SettleFailed,
    TabConflictTitle,
    TabConflictText,
    Dismiss,
    ConflictListTitle,
    ConflictListHint,
    ConflictListEmpty,
    PackageExport,
    PackageExported,
    PackageHint,
}

impl Text for Rt {
    fn zh(self) -> &'static str {
        match self {
            Rt::PreviewSummary => "与本浏览器的记录逐条比对（按版本）：",
            Rt::TakeFile => "文件中较新，将采用",
            Rt::Add => "新增",
            Rt::Delete => "已在文件中删除，将删除",
            Rt::KeepHere => "本浏览器较新，保留",
            Rt::Conflict => "两边都改过（冲突）",
            Rt::Unchanged => "相同",
            Rt::Renumbered => "编号已被本浏览器的其他记录占用，以新编号加入",
            Rt::NothingChanges => "文件中的记录本浏览器都已有（或更新）：合并不会改变任何数据。",
            Rt::ConflictsTitle => "冲突：请逐条选择",
            Rt::ConflictsHint => {
                "默认两个版本都保留：本浏览器的版本照常显示，文件中的版本附在该记录上，待以后在该记录处选择。"
            }
            Rt::ChangesTitle => "将要改变的记录",
            Rt::NewerHereTitle => "本浏览器较新、保留不变的记录",
            Rt::DiffersIn => "不同之处：",
            Rt::ValueHere => "当前显示",
            Rt::ValueThere => "另一个版本",
            Rt::ChoiceKeepBoth => "两个版本都保留（以后再选）",
            Rt::ChoiceKeepHere => "保留本浏览器的",
            Rt::ChoiceTakeFile => "采用文件中的",
            Rt::ProtectedHint => "已签发的会议不能被导入更改：文件中的版本附在该会议上备查，如需更正请记录修正。",
            Rt::PackageNote => "这是一个会议包（一次会议及其所需记录），只能合并导入。",
            Rt::ReplaceBlockedForPackage => "会议包不能替换全部数据。",
            Rt::ConfirmReplace => "确认替换",
            Rt::ConfirmReplaceText => {
                "本浏览器的全部数据将被文件内容取代，文件中没有的记录将被移除。导入前会保存安全快照，可一步撤销。"
            }
            Rt::Merged => "已合并。",
            Rt::MergedConflicts => "有冲突的记录保留了两个版本，请在“有冲突的记录”中或在该记录处选择。",
            Rt::NoticeTitle => "此记录有另一个版本",
            Rt::NoticeText => "导入文件或另一个标签页带来了不同的版本，两个版本都已保留。当前显示的是本浏览器的版本。",
            Rt::NoticeDeleted => "另一个版本删除了此记录。",
            Rt::NoticeProtected => "此会议已签发，另一个版本不能取代它；如需更正，请记录修正后保留已签发的版本。",
            Rt::SettleKeep => "保留当前版本",
            Rt::SettleTake => "改用另一个版本",
            Rt::SettleFailed => "未能处理：",
            Rt::TabConflictTitle => "另一个标签页同时修改了相同的记录",
            Rt::TabConflictText => "两个版本都已保留，当前显示本页的修改。请在该记录处选择：",
            Rt::Dismiss => "知道了",
            Rt::ConflictListTitle => "有冲突的记录",
            Rt::ConflictListHint => "这些记录有两个版本（来自导入的文件或另一个标签页），请逐条选择保留哪一个。",
            Rt::ConflictListEmpty => "没有冲突的记录。",
            Rt::PackageExport => "导出会议包",
            Rt::PackageExported => "已导出会议包：",
            Rt::PackageHint => {
                "会议包只含本次会议、其议题、督办事项、全部党组成员和设置，用于带到平板开会后再合并回来。"
            }
        }
    }
    fn en(self) -> &'static str {
        match self {
            Rt::PreviewSummary => "Compared record by record with this browser's (by revision): ",
            Rt::TakeFile => "newer in the file, taken",
            Rt::Add => "new",
            Rt::Delete => "deleted in the file, deleted here",
            Rt::KeepHere => "newer here, kept",
            Rt::Conflict => "changed on both sides (conflict)",
            Rt::Unchanged => "the same",
            Rt::Renumbered => "their id is another record's here: added under a new id",
            Rt::NothingChanges => "This browser already has every record of the file (or a newer version): a merge changes nothing.",
            Rt::ConflictsTitle => "Conflicts: choose for each",
            Rt::ConflictsHint => "By default both versions are kept: this browser's stays on show and the file's is attached to the record, to choose later on the record's screen.",
            Rt::ChangesTitle => "Records that change",
            Rt::NewerHereTitle => "Records newer here, kept as they are",
            Rt::DiffersIn => "Differs in: ",
            Rt::ValueHere => "shown now",
            Rt::ValueThere => "other version",
            Rt::ChoiceKeepBoth => "Keep both (choose later)",
            Rt::ChoiceKeepHere => "Keep this browser's",
            Rt::ChoiceTakeFile => "Take the file's",
            Rt::ProtectedHint => "A signed meeting cannot be changed by an import: the file's version is attached for reference; record an amendment to correct it.",
            Rt::PackageNote => "This is a meeting package (one meeting and the records it needs): it can only be merged.",
            Rt::ReplaceBlockedForPackage => "A meeting package cannot replace all data.",
            Rt::ConfirmReplace => "Replace now",
            Rt::ConfirmReplaceText => "All of this browser's data will be replaced by the file; records the file lacks are removed. A safety snapshot is taken first and the step can be undone.",
            Rt::Merged => "Merged.",
            Rt::MergedConflicts => "Records in conflict kept both versions: choose under \u{201c}Records in conflict\u{201d} or on each record.",
            Rt::NoticeTitle => "This record has another version",
            Rt::NoticeText => "An imported file or another tab brought a different version; both are kept. The one on show is this browser's.",
            Rt::NoticeDeleted => "The other version deletes this record.",
            Rt::NoticeProtected => "This meeting is signed and the other version cannot replace it; record an amendment to correct it, then keep the signed version.",
            Rt::SettleKeep => "Keep this version",
            Rt::SettleTake => "Use the other version",
            Rt::SettleFailed => "Not done: ",
            Rt::TabConflictTitle => "Another tab changed the same records at the same time",
            Rt::TabConflictText => "Both versions are kept and this tab's change is on show. Choose on each record: ",
            Rt::Dismiss => "Dismiss",
            Rt::ConflictListTitle => "Records in conflict",
            Rt::ConflictListHint => "These records have two versions (from an imported file or another tab): choose which to keep.",
            Rt::ConflictListEmpty => "No record is in conflict.",
            Rt::PackageExport => "Export meeting package",
            Rt::PackageExported => "Meeting package exported: ",
            Rt::PackageHint => "A meeting package holds this meeting, its items and follow-up tasks, every member and the settings: take it to the tablet for the meeting, then merge it back.",
        }
    }
}

/// The name of a record's field (a JSON member name of the record) in `lang`; a name not in
/// the table is shown as it is.
pub fn field_name(key: &str, lang: Lang) -> String {
    let (zh, en) = match key.strip_prefix("settings.").unwrap_or(key) {
        "title" => ("标题", "title"),
        "place" => ("地点", "place"),
        "time" => ("时间", "time"),
        "date" => ("日期", "date"),
        "chair" => ("主持人", "chair"),
        "recorder" => ("记录人", "recorder"),
        "attendance" => ("出席情况", "attendance"),
        "observers" => ("列席", "observers"),
        "items" => ("议题记录", "agenda records"),
        "stage" => ("状态", "stage"),
        "summary" => ("纪要", "summary"),
        "amendments" => ("修正", "amendments"),
        "notice" => ("会议通知", "notice"),
        "materials" => ("会议材料", "materials"),
        "current_item" => ("当前议题", "current item"),
        "kind" => ("类型", "kind"),
        "name" => ("姓名/名称", "name"),
        "note" => ("区分备注", "note"),
        "terms" => ("任职", "terms"),
        "position" => ("职务", "position"),
        "head" => ("负责人", "head"),
        "in_charge" => ("分管领导", "in charge"),
        "category" => ("类别", "category"),
        "status" => ("状态", "status"),
        "history" => ("状态记录", "history"),
        "checklist" => ("前置程序", "preparation"),
        "documents" => ("文件", "documents"),
        "department" => ("科室", "department"),
        "proposer" => ("提议人", "proposer"),
        "amount_yuan" => ("金额", "amount"),
        "deadline" => ("期限", "deadline"),
        "reports" => ("进展报告", "progress reports"),
        "closed" => ("办结", "closure"),
        "member" => ("党组成员", "member"),
        "escalated_to" => ("提请党组研究", "escalated to"),
        "topics" => ("学习专题", "topics"),
        "approved_by" | "approved_on" => ("审定", "approval"),
        "record" => ("学习档案", "study record"),
        "bulletin" => ("学习通报", "bulletin"),
        "theme" => ("主题", "theme"),
        "talks" => ("谈心谈话", "heart-to-heart talks"),
        "criticism" => ("批评与自我批评", "criticism"),
        "unit_name" => ("单位名称", "unit name"),
        "superior" => ("上级党委", "superior committee"),
        "open_quorum" => ("开会人数要求", "meeting quorum"),
        "pass_threshold" => ("通过票数要求", "pass threshold"),
        "duties" => ("履职频次", "duty frequencies"),
        "issue" => ("纪要版记", "summary imprint"),
        _ => return key.to_string(),
    };
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

/// Field names of `keys` in `lang`, joined ("地点、时间" / "place, time").
pub fn field_list(keys: &[String], lang: Lang) -> String {
    let names: Vec<String> = keys.iter().map(|k| field_name(k, lang)).collect();
    names.join(if lang == Lang::Zh { "、" } else { ", " })
}
