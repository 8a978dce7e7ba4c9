//! Texts of the follow-up (督办) and duties (履职台账) screens. One line per key: Chinese,
//! English; the macro builds the enum and both exhaustive tables.

use super::Text;

macro_rules! texts {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// Texts of the follow-up and duties screens.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum DutiesText { $($key,)* }
        impl Text for DutiesText {
            fn zh(self) -> &'static str { match self { $(DutiesText::$key => $zh,)* } }
            fn en(self) -> &'static str { match self { $(DutiesText::$key => $en,)* } }
        }
    };
}

texts! {
    Title => "履职台账", "Duty register";
    FiguresCaption => "履职数据", "Figures";
    Total => "合计", "Total";
    // follow-up
    TasksTitle => "督办", "Follow-up";
    TasksIntro => "党组决定事项的落实情况", "Carrying out the group's decisions";
    CountOpen => "未办结", "Open";
    CountNotStarted => "未开始", "Not started";
    CountInProgress => "进行中", "In progress";
    CountOverdue => "逾期", "Overdue";
    CountDone => "已完成", "Done";
    FilterMember => "责任党组成员", "Responsible member";
    FilterDepartment => "责任科室", "Department";
    FilterMeeting => "来源会议", "From meeting";
    FilterOverdue => "只看逾期", "Overdue only";
    FilterClosed => "包括已办结", "Include closed";
    All => "全部", "All";
    None_ => "（无）", "(none)";
    NewTask => "新建督办事项", "New follow-up task";
    TaskWhat => "督办事项", "What";
    Deadline => "办结期限", "Deadline";
    Created => "立项日期", "Created";
    Source => "来源决定", "From decision";
    Standalone => "单独交办", "Standalone";
    Create => "创建", "Create";
    Cancel => "取消", "Cancel";
    NoTasks => "没有符合条件的督办事项", "No tasks match";
    Status => "状态", "Status";
    Reports => "进展反馈", "Progress reports";
    NoReports => "尚无反馈", "No reports yet";
    ReportDate => "反馈日期", "Date";
    ReportText => "反馈内容", "Report";
    ReportBy => "反馈人", "By";
    AddReport => "添加反馈", "Add report";
    CloseTask => "办结", "Close";
    CloseDate => "办结日期", "Closed on";
    Result => "办理结果", "Result";
    ClosedWith => "已办结", "Closed";
    Escalate => "提请党组会议研究", "Escalate to a meeting";
    EscalateHint => "落实中需要变更原决定的，须提交党组会议重新研究决定", "A change of the decision needs a new meeting decision";
    EscalateReason => "需调整的原因", "Why the decision must change";
    EscalatedTo => "已提请议题", "Escalated to item";
    BackToTasks => "返回督办列表", "Back to follow-up";
    TaskNotFound => "找不到该督办事项", "No such task";
    DaysOverdue => "天逾期", "days overdue";
    Meeting => "会议", "Meeting";
    // duties dashboard
    Year => "年度", "Year";
    PrevYear => "上一年", "Previous year";
    NextYear => "下一年", "Next year";
    Duty => "履职事项", "Duty";
    Frequency => "频次", "How often";
    Required => "应完成", "Required";
    Done => "已完成", "Done";
    NextDue => "下次到期", "Next due";
    Evidence => "履职记录", "Evidence";
    Gaps => "缺项", "Gaps";
    Fulfilled => "已完成", "Fulfilled";
    IsOverdue => "逾期", "Overdue";
    Pending => "进行中", "Pending";
    NotApplicable => "不适用", "N/A";
    TabDashboard => "年度台账", "Dashboard";
    TabMembers => "成员履职", "Members";
    TabEvidence => "履职记录", "Evidence";
    TabCalendar => "日历", "Calendar";
    TabStudy => "中心组学习", "Central study";
    TabReport => "年度统计", "Annual report";
    AutoCounted => "会议自动计入", "Held meetings count automatically";
    // members
    MembersTitle => "成员履职（一岗双责）", "Members' duties (one post, two responsibilities)";
    InCharge => "分管科室", "Departments in charge";
    OpenTasksOf => "未办结督办事项", "Open follow-up tasks";
    Attendance => "出勤", "Attendance";
    VillageDays => "驻村天数", "Village days";
    ContactPoint => "基层联系点", "Contact point";
    IntegrityTalks => "廉政谈话", "Integrity talks";
    Outstanding => "待办", "Outstanding";
    NothingOutstanding => "无待办事项", "Nothing outstanding";
    // evidence
    EvidenceTitle => "履职记录", "Evidence records";
    EvidenceIntro => "会议之外的履职记录：报告、考核、党课、谈话、通报、学习计划、联系点、驻村", "Evidence that is not a meeting: reports, assessment, lectures, talks, briefings, study plan, contact points, village days";
    Kind => "类别", "Kind";
    Date => "日期", "Date";
    Member => "党组成员", "Member";
    Counterpart => "谈话对象（党组成员）", "Talk with (member)";
    CounterpartDept => "谈话对象（科室负责人）", "Talk with (department head)";
    Days => "天数", "Days";
    NoteText => "内容摘要", "Summary";
    Add => "添加", "Add";
    Delete => "删除", "Delete";
    NoEvidence => "尚无记录", "No records yet";
    ErrDate => "请输入有效日期", "Enter a valid date";
    ErrDays => "请输入1–366之间的天数", "Enter 1–366 days";
    ErrMember => "请选择党组成员", "Choose a member";
    ErrCounterpart => "请选择谈话对象（成员或科室）", "Choose who the talk was with";
    ErrNote => "请填写内容", "Please enter the text";
    ErrSelf => "不能与自己谈话", "A talk needs two people";
    DaysSoFar => "本年累计", "This year so far";
    // calendar
    CalendarTitle => "履职日历", "Duty calendar";
    PrevMonth => "上月", "Previous month";
    NextMonth => "下月", "Next month";
    ExportIcs => "导出到期事项（.ics）", "Export due dates (.ics)";
    ExportIcsHint => "未来一年的会议和到期事项，可导入桌面日历", "Meetings and due dates of the coming year, for a desktop calendar";
    Exported => "已生成日历文件", "Calendar file created";
    NothingThisMonth => "本月无事项", "Nothing this month";
    Mon => "一", "Mon"; Tue => "二", "Tue"; Wed => "三", "Wed"; Thu => "四", "Thu"; Fri => "五", "Fri"; Sat => "六", "Sat"; Sun => "日", "Sun";
    // democratic life
    DlTitle => "民主生活会", "Democratic life meeting";
    DlBefore => "会前", "Before";
    DlDuring => "会中", "During";
    DlAfter => "会后", "After";
    DlTheme => "会议主题", "Theme";
    DlThemeSource => "主题确定单位", "Theme set by";
    DlOpinions => "征求意见", "Opinions solicited";
    DlOpinionFrom => "征求对象", "From whom";
    DlOpinionSummary => "意见摘要", "Summary";
    DlTalks => "谈心谈话", "Heart-to-heart talks";
    DlTalkA => "成员甲", "Member A";
    DlTalkB => "成员乙", "Member B";
    DlTalksMissing => "尚未谈心谈话的成员", "Pairs without a talk yet";
    DlAttendance => "出席情况", "Attendance";
    DlStatements => "缺席成员书面发言", "Written statements of absentees";
    DlStatementMissing => "缺席，尚未提交书面发言", "absent, no written statement";
    DlReadOut => "已在会上宣读", "Read out at the meeting";
    DlCriticism => "批评与自我批评记录", "Criticism and self-criticism";
    DlInformed => "会后已向缺席成员通报", "Absentee informed on";
    DlNoAbsentees => "全体成员出席，没有需要通报的缺席成员。", "Every member attended: no absentee to inform.";
    DlRectification => "整改措施", "Rectification measures";
    DlMeasure => "整改措施", "Measure";
    DlOwner => "责任人", "Owner";
    DlReport => "向州纪委监委、州党委组织部报送", "Report to the discipline commission and organisation department";
    DlReportDue => "报送期限", "Due";
    DlDaysLeft => "剩余天数", "Days left";
    DlReportFiled => "已报送", "Filed";
    DlReportNotHeld => "会议尚未召开，报送期限自会议召开之日起计算", "The meeting is still to come: the deadline runs from the day it is held";
    DlReportOverdue => "已逾期", "Overdue";
    DlFileReport => "登记报送", "Record the report";
    DlNotice => "向群众通报", "Notice to the masses";
    DlRecordNotice => "登记通报", "Record the notice";
    DlNotDl => "该会议不是民主生活会", "This meeting is not a democratic life meeting";
    DlList => "民主生活会", "Democratic life meetings";
    Save => "保存", "Save";
    SavedOk => "已保存", "Saved";
    Present => "出席", "Present";
    ToAttend => "应出席", "Expected";
    NotYetHeld => "尚未召开", "Still to come";
    Absent => "缺席", "Absent";
    OnLeave => "请假", "On leave";
    // study
    StudyTitle => "中心组学习", "Central group study";
    StudyPlan => "年度学习计划", "Annual study plan";
    Topic => "专题", "Topic";
    Month => "月份", "Month";
    Seminar => "专题研讨", "Seminar";
    AddTopic => "添加专题", "Add topic";
    Approve => "书记审定", "Approve (secretary)";
    ApprovedBy => "审定", "Approved by";
    NotApproved => "尚未审定", "Not approved yet";
    Sessions => "学习记录", "Sessions";
    NoSessions => "本年尚无学习记录（在“会议”中新建中心组学习）", "No sessions this year (create a central-study meeting under Meetings)";
    DeptHeads => "参加的科室负责人", "Department heads who joined";
    StudyRecord => "学习档案", "Study record";
    Bulletin => "学习通报", "Bulletin";
    SeminarEvery => "每两个月开展一次专题研讨", "A thematic seminar every two months";
    // charts and report
    ChartFulfilment => "各项履职完成情况", "Duty fulfilment";
    ChartMeetings => "每月党组会议次数（要求每月至少1次）", "Party-group meetings per month (at least 1 required)";
    ChartFollowUp => "决定事项与督办完成率", "Decisions and follow-up completion";
    ChartCategories => "议题类别", "Items by category";
    ReportTitle => "年度履职情况统计", "Annual statistics of duty performance";
    ReportFor => "供第十二条全面报告、第十九条履职报告使用", "For the Art. 12 comprehensive report and the Art. 19 performance report";
    Print => "打印", "Print";
    MeetingsByKind => "会议召开情况", "Meetings held";
    Count => "次数", "Count";
    ItemsByCategory => "议题情况", "Agenda items";
    ItemsDiscussed => "上会议题", "Items dealt with";
    Decisions => "作出决定", "Decisions";
    FollowUp => "督办落实", "Follow-up";
    Completion => "办结率", "Completion";
    OnTime => "按期办结", "Closed on time";
    DutyFulfilment => "履职事项完成情况", "Duty fulfilment";
    GapsListed => "存在的缺项", "Gaps";
    NoGaps => "无缺项", "No gaps";
    AsOf => "统计截至", "As of";
    MonthShort => "月", "";
    MissingMonths => "未召开党组会议的月份", "Months without a Party-group meeting";
}
