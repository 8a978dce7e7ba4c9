//! Texts of the meetings, items and search screens: one exhaustive zh table and one en table,
//! generated from a single list so that no key can miss a translation.

use super::Text;

macro_rules! texts {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// Texts of the meetings, items and search screens.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum MeetingsText { $($key,)* }
        impl Text for MeetingsText {
            fn zh(self) -> &'static str { match self { $(MeetingsText::$key => $zh,)* } }
            fn en(self) -> &'static str { match self { $(MeetingsText::$key => $en,)* } }
        }
    };
}

texts! {
    Title => "会议", "Meetings";
    NewMeeting => "新建会议", "New meeting";
    NoMeetings => "尚无会议记录。", "No meetings yet.";
    Kind => "会议类型", "Kind";
    Date => "日期", "Date";
    Time => "时间", "Time";
    Place => "地点", "Place";
    Chair => "主持人", "Chair";
    Recorder => "记录人", "Recorder";
    Observers => "列席人员", "Observers";
    MeetingTitle => "会议名称（可选）", "Title (optional)";
    Create => "创建", "Create";
    StagePlanned => "筹备中", "Planned";
    StageInProgress => "进行中", "In progress";
    StageClosed => "已结束", "Closed";
    StageSigned => "已签发", "Signed";
    TabPrepare => "会前筹备", "Preparation";
    TabLive => "会议进行", "Live";
    GoLive => "会议进行", "Live meeting";
    TabMinutes => "会议记录", "Minutes";
    TabSummary => "会议纪要", "Summary";
    Agenda => "会议议程", "Agenda";
    AddToAgenda => "列入议程", "Add to agenda";
    NoSchedulable => "没有书记确定上会、待列入议程的议题。", "No items scheduled by the secretary are waiting.";
    NoAgenda => "本次会议议程中没有议题。", "There are no items on this meeting's agenda.";
    Up => "上移", "Up";
    Down => "下移", "Down";
    Remove => "移出", "Remove";
    Notice => "会议通知", "Notice";
    Materials => "会议材料分发", "Materials distributed";
    DistributedOn => "分发日期", "Date";
    DistributedTo => "分发对象", "To whom";
    MaterialsLate => "会议材料未在会前分发给与会人员", "Materials were not distributed before the meeting day";
    Leave => "请假", "Leave";
    LeaveReason => "请假理由", "Reason";
    AskedOn => "请假日期", "Asked on";
    WrittenOpinions => "书面意见", "Written opinions";
    OpinionHint => "请假成员的书面意见只记录、不计入票数", "Opinions of members on leave are recorded, never counted";
    OpinionOf => "的书面意见", "'s written opinion";
    Save => "保存", "Save";
    Present => "出席", "Present";
    Absent => "缺席", "Absent";
    NotCounted => "不计入应到会", "Not counted";
    NotCountedReason => "不计入理由", "Reason not counted";
    Attendance => "出席情况", "Attendance";
    OpenMeeting => "宣布开会", "Open the meeting";
    CloseMeeting => "散会", "Close the meeting";
    MeetingQuorum => "会议法定人数", "Meeting quorum";
    ItemQuorum => "本议题法定人数", "Item quorum";
    Recusal => "回避", "Recusal";
    Recused => "已回避", "Recused";
    Notes => "发言记录", "Discussion";
    Speaker => "发言人", "Speaker";
    NoteText => "发言内容", "Remarks";
    AddNote => "添加发言", "Add remarks";
    NotesAfterOpening => "宣布开会后记录发言。", "Remarks are recorded once the meeting is open.";
    NoNotes => "未记录发言。", "No remarks were recorded.";
    VoteAfterOpening => "宣布开会后进行表决。", "The vote is taken once the meeting is open.";
    NoVote => "本议题无表决结果。", "This item has no vote result.";
    Vote => "表决", "Vote";
    Method => "表决方式", "Method";
    MethodOral => "口头表决", "Oral";
    MethodHands => "举手表决", "Show of hands";
    MethodNamed => "记名投票", "Named ballot";
    MethodSecret => "无记名投票", "Secret ballot";
    Yes => "同意", "Yes";
    No => "反对", "No";
    Abstain => "弃权", "Abstain";
    Invalid => "无效", "Invalid";
    Retract => "撤回", "Retract";
    ChairLast => "主持人末位表态", "Chair votes last";
    SecretTotals => "只录入票数，不记录个人表态", "Totals only; no individual choices are recorded";
    SaveTotals => "保存票数", "Save totals";
    CloseVote => "结束表决", "Close the vote";
    RecordInvalid => "记录为无效表决", "Record as invalid";
    PassImpossible => "按当前出席情况，本议题已不可能获得通过", "With this attendance the item cannot pass";
    Reservation => "声明保留", "Reservation";
    ReservationHint => "投反对票的成员可声明保留意见", "A member voting no may declare a reservation";
    Decision => "决定事项", "Decision";
    Supersedes => "取代此前决定", "Supersedes an earlier decision";
    SupersededBy => "已被后续决定取代", "Superseded by";
    NoneOption => "（无）", "(none)";
    Link => "关联", "Link";
    Tasks => "督办事项", "Follow-up tasks";
    TaskTitle => "督办内容", "Task";
    Responsible => "责任党组成员", "Responsible member";
    ResponsibleDept => "责任科室", "Responsible department";
    Deadline => "完成时限", "Deadline";
    AddTask => "添加督办", "Add task";
    Prev => "上一议题", "Previous item";
    Next => "下一议题", "Next item";
    NoItems => "本次会议没有议题。", "No items on this meeting.";
    NotVoted => "未表决", "Not voted";
    Passed => "通过", "Passed";
    NotPassed => "未通过", "Not passed";
    InvalidVote => "表决无效", "Invalid vote";
    Result => "表决结果", "Result";
    GenerateSummary => "生成纪要草稿", "Generate draft";
    RegenerateSummary => "按会议记录重新生成", "Regenerate from minutes";
    SummaryText => "纪要正文", "Summary text";
    Sign => "签发", "Sign off";
    SignedBy => "签发人", "Signed by";
    SignedAt => "签发时间", "Signed at";
    Print => "打印", "Print";
    Locked => "已签发存档，记录已锁定。更正以更正记录追加。", "Signed and archived: the record is locked; corrections are appended.";
    Amendments => "更正记录", "Amendments";
    AddAmendment => "追加更正", "Add amendment";
    AmendTarget => "更正对象", "Corrects";
    AmendText => "更正后内容", "Corrected text";
    AmendReason => "更正理由", "Reason";
    AmendBy => "更正人", "By";
    TargetSummary => "纪要正文", "Summary text";
    TargetAttendance => "出席情况", "Attendance";
    AmendWhy => "理由", "reason";
    Original => "原记录", "Original";
    Corrected => "更正为", "Corrected to";
    Items => "议题", "Agenda items";
    NewItem => "新建议题", "New item";
    AllOption => "全部", "All";
    Status => "状态", "Status";
    Category => "类别", "Category";
    Year => "年度", "Year";
    Count => "条", "items";
    ItemTitle => "议题名称", "Title";
    Proposer => "提出方式", "Proposed by";
    BySecretary => "党组书记提出", "The secretary";
    ByMember => "党组成员建议", "A member";
    InCharge => "分管审核党组成员", "Member in charge";
    Administrative => "涉及行政业务（须局长同意、审核）", "Administrative business (director consents)";
    BranchReportItem => "本议题为听取机关党支部工作汇报（第二十四条，计入履职）", "The branch's work report is heard under this item (Art. 24, counts as that duty)";
    Department => "材料准备科室", "Preparing department";
    MaterialsText => "会议材料", "Materials";
    Documents => "参考文件", "Documents";
    DocNumber => "文号", "Number";
    DocTitle => "标题", "Title";
    AddDocument => "添加文件", "Add document";
    Checklist => "重大决策前置程序", "Major-decision preparation";
    Research => "调查研究", "Research";
    Consultation => "征求意见", "Consultation";
    Risk => "风险评估", "Risk assessment";
    Legality => "合法合规性审查", "Legality review";
    Amount => "一次性支出金额（元）", "One-time expenditure (yuan)";
    Lifecycle => "议题流程", "Lifecycle";
    History => "办理记录", "History";
    Blocked => "不能办理", "Blocked";
    ChangesDecision => "拟调整的原决定", "Decision this item changes";
    Search => "搜索", "Search";
    SearchHint => "检索议题、材料、发言、决定和纪要", "Search items, materials, notes, decisions and summaries";
    NoResults => "没有找到结果。", "No results.";
    Results => "条结果", "results";
    Meeting => "会议", "Meeting";
    Open => "打开", "Open";
    Saved => "已保存", "Saved";
}
