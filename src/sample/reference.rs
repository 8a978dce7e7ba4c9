//! The ten-year reference data set (基准数据): a deterministic database of a typical Party
//! group from 2017 to 2026, used by `./dev bench` to measure load, save, search, export and
//! import with realistic volumes. Not part of the wasm build.
//!
//! Volumes: 9 members with roster changes and two secretary successions, 7 departments,
//! 15 meetings a year of every [`MeetingKind`], 10 agenda items per meeting with ~300
//! characters of materials and ~400 characters of minutes notes, named votes on most items
//! and secret ballots on personnel items, a ~1,500-character 纪要 per meeting, ~80 follow-up
//! tasks a year with 3 progress reports each, and each year's duty evidence.
//!
//! The Chinese text is recombined from the sentences of the rules text with varied names,
//! places, numbers and dates, so that it compresses like real minutes rather than like a
//! tiny repeated vocabulary.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, Weekday};

use super::{attendance_at, next_summary_number, open_vote, present_members, result_of};
use crate::domain::{
    article::chinese_number,
    category::Category,
    db::{Db, Records},
    evidence::{Evidence, EvidenceKind},
    item::{AgendaItem, DecisionRef, DocRef, ItemStatus, PrepChecklist, Proposer, StatusChange},
    meeting::{
        Ballot, Choice, Distribution, ItemRecord, Meeting, MeetingKind, MeetingStage, Presence, SecretTally, SignOff,
        Speaker, SpeechNote, Summary, VoteMethod, WrittenOpinion,
    },
    org::{Department, Member, NonMember, Role, Term},
    rules_text::RULES_TEXT,
    settings::RuleSettings,
    task::{Closure, FollowUpTask, ProgressReport},
    Id,
};

/// The seed used by the benchmarks and `examples/gen_reference.rs`.
pub const DEFAULT_SEED: u64 = 2017;
/// The data set is complete up to this day; meetings after it are still being planned.
pub const AS_OF: (i32, u32, u32) = (2026, 11, 27);
/// First and last year covered.
pub const YEARS: std::ops::RangeInclusive<i32> = 2017..=2026;

/// A small deterministic PRNG (SplitMix64): the same seed gives the same data everywhere.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn as_of() -> NaiveDate {
    ymd(AS_OF.0, AS_OF.1, AS_OF.2)
}

fn plus(d: NaiveDate, n: i64) -> NaiveDate {
    d + chrono::Duration::days(n)
}

fn zh_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// Sentences of the rules text, without article numbers and clause markers.
fn rule_sentences() -> Vec<&'static str> {
    let mut out = Vec::new();
    for line in RULES_TEXT.lines() {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if line.starts_with('第') && line.contains('章') && line.chars().count() < 16 {
            continue;
        }
        for s in line.split(['。', '；', ':', '：']) {
            let mut s = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
            // Drop a leading 第N条 and a leading （N）.
            if let Some(rest) = s.strip_prefix('第') {
                if let Some(p) = rest.find('条') {
                    if rest[..p].chars().count() <= 3 {
                        s = rest[p + '条'.len_utf8()..].trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
                    }
                }
            }
            if s.starts_with('（') {
                if let Some(p) = s.find('）') {
                    if s[..p].chars().count() <= 4 {
                        s = &s[p + '）'.len_utf8()..];
                    }
                }
            }
            let n = s.chars().count();
            if (10..=90).contains(&n) && !s.contains("本规则") && !s.starts_with('（') {
                out.push(s);
            }
        }
    }
    out
}

const COUNTIES: &[&str] =
    &["昌吉市", "阜康市", "呼图壁县", "玛纳斯县", "奇台县", "吉木萨尔县", "木垒县", "准东开发区", "昌吉高新区"];
const ROADS: &[&str] = &[
    "G216线",
    "G335线",
    "S303线",
    "S101线",
    "S228线",
    "S237线",
    "X171线",
    "X205线",
    "Y032线",
    "乡道C118线",
    "昌吉至五家渠快速路",
    "阜康至北塔山公路",
    "奇台至江布拉克公路",
    "木垒至大石头公路",
];
const WORKS: &[&str] = &[
    "改扩建工程",
    "大中修工程",
    "危桥改造工程",
    "安全生命防护工程",
    "路面提质工程",
    "养护示范路创建",
    "客运站改造工程",
    "物流园区配套道路",
    "农村客运候车亭建设",
    "治超检测站建设",
];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马",
    "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
];
const GIVEN: &[&str] = &[
    "建国", "志强", "丽", "静", "海燕", "伟", "军", "红梅", "晓东", "鹏", "磊", "芳", "勇", "娜", "涛", "明", "超",
    "霞", "斌", "秀兰", "国庆", "文博", "婷", "浩然", "雪", "子豪", "新华", "春燕", "玉珍", "振宇",
];
const UYGHUR: &[&str] = &[
    "阿不都热依木·买买提",
    "古丽巴哈尔·吐尔逊",
    "买合木提·艾力",
    "热依拉·阿不都",
    "艾合买提·沙吾提",
    "努尔古丽·卡德尔",
    "吐尔洪·依明",
    "迪丽努尔·买买提",
    "哈力克·牙生",
    "阿依努尔·托合提",
];
const POSTS: &[&str] = &["科长", "副科长", "主任", "副主任", "四级调研员", "一级主任科员"];
const LEAVE_REASONS: &[&str] = &[
    "赴乌鲁木齐参加全区交通运输工作会议",
    "参加州党委党校中青年干部培训班",
    "因病住院治疗",
    "带队赴县市督导农村公路建设",
    "参加自治区交通运输厅专题培训",
    "在“访惠聚”驻村点开展工作",
    "赴北京参加交通运输部业务培训",
    "因公出差",
];
const OPENERS: &[&str] = &[
    "同意该议题。",
    "原则同意，提几点意见。",
    "我补充两点。",
    "同意提交的方案，有一点建议。",
    "总体同意，但要注意以下问题。",
    "完全赞成，分管科室准备比较充分。",
    "同意，再强调一下落实要求。",
    "从我分管的工作看，",
];
const FUNDS: &[&str] = &[
    "车购税补助资金",
    "自治区交通专项资金",
    "州本级财政预算",
    "公路养护专项资金",
    "成品油税费改革转移支付资金",
    "地方政府专项债券",
];

/// Text generator: recombines rule sentences with names, places, numbers and dates.
struct Writer {
    rng: Rng,
    /// Clauses of the rules text (split at ，).
    clauses: Vec<&'static str>,
    /// Character bigram successors in the rules text, for free text with the statistics of
    /// the rules' language but without its long repeated strings.
    chain: HashMap<char, Vec<char>>,
    /// Characters that begin a clause in the rules text.
    starts: Vec<char>,
}

fn is_break(c: char) -> bool {
    "，。；：、（）《》“”！？,.;:()!? \u{3000}·".contains(c) || c.is_ascii_digit() || c.is_whitespace()
}

impl Writer {
    fn new(seed: u64) -> Self {
        let mut clauses = Vec::new();
        for s in rule_sentences() {
            for c in s.split('，') {
                let n = c.chars().count();
                if (4..=30).contains(&n) && !c.contains(['（', '）', '“', '”', '《', '》']) {
                    clauses.push(c);
                }
            }
        }
        let chars: Vec<char> = RULES_TEXT.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect();
        let mut chain: HashMap<char, Vec<char>> = HashMap::new();
        let mut starts = Vec::new();
        for w in chars.windows(2) {
            chain.entry(w[0]).or_default().push(w[1]);
            if is_break(w[0]) && !is_break(w[1]) {
                starts.push(w[1]);
            }
        }
        Writer { rng: Rng::new(seed), clauses, chain, starts }
    }

    /// A clause of free text of about `len` characters, walking the character bigrams of the
    /// rules text.
    fn babble(&mut self, len: usize) -> String {
        let mut out = String::new();
        let mut n = 0;
        let mut c = *self.rng.pick(&self.starts);
        while n < len {
            out.push(c);
            n += 1;
            let next = self.chain.get(&c).map(|v| v[self.rng.below(v.len() as u64) as usize]);
            c = match next {
                Some(x) if !is_break(x) => x,
                _ if n >= 4 => break,
                _ => *self.rng.pick(&self.starts),
            };
        }
        out
    }

    /// A sentence (without the final 。): clauses of the rules text mixed with free text.
    fn sentence(&mut self) -> String {
        let parts = self.rng.range(2, 4);
        let mut out: Vec<String> = Vec::new();
        for _ in 0..parts {
            if self.rng.chance(30) {
                let i = self.rng.below(self.clauses.len() as u64) as usize;
                out.push(self.clauses[i].to_string());
            } else {
                let len = self.rng.range(6, 16) as usize;
                out.push(self.babble(len));
            }
        }
        out.join("，")
    }
    fn person(&mut self) -> String {
        if self.rng.chance(15) {
            self.rng.pick(UYGHUR).to_string()
        } else {
            format!("{}{}", self.rng.pick(SURNAMES), self.rng.pick(GIVEN))
        }
    }
    fn amount_wan(&mut self) -> u64 {
        match self.rng.below(4) {
            0 => self.rng.range(5, 49),
            1 => self.rng.range(50, 400),
            2 => self.rng.range(400, 3000),
            _ => self.rng.range(3000, 60000),
        }
    }
    fn fact(&mut self, cat: Category, date: NaiveDate, dept: &str) -> String {
        let county = *self.rng.pick(COUNTIES);
        let road = *self.rng.pick(ROADS);
        let work = *self.rng.pick(WORKS);
        match cat {
            Category::MajorProjects | Category::Reform => format!(
                "{county}{road}{work}全长{}.{}公里，估算总投资{}万元，计划于{}开工，工期{}个月",
                self.rng.range(3, 120),
                self.rng.below(10),
                self.amount_wan(),
                zh_date(plus(date, self.rng.range(30, 200) as i64)),
                self.rng.range(6, 30)
            ),
            Category::Budget => format!(
                "{dept}拟支出{}万元用于{county}{road}{work}，资金从{}列支，已经财务审计科审核",
                self.amount_wan().max(5),
                self.rng.pick(FUNDS)
            ),
            Category::Personnel => format!(
                "经民主推荐、组织考察，拟任命{}同志为{dept}{}，{}同志任现职已满{}年",
                self.person(),
                self.rng.pick(POSTS),
                self.person(),
                self.rng.range(2, 9)
            ),
            Category::PartyDiscipline => {
                format!("{dept}党员{}同志在{}项目监管中履职不力，经调查核实，拟给予党内警告处分", self.person(), county)
            }
            Category::AuditInspection => format!(
                "{}对{county}{road}{work}开展审计，发现问题{}个，涉及资金{}万元，已整改{}个",
                zh_date(plus(date, -(self.rng.range(20, 120) as i64))),
                self.rng.range(3, 25),
                self.amount_wan(),
                self.rng.range(1, 3)
            ),
            _ => format!(
                "截至{}，全州完成交通固定资产投资{}亿元，同比增长{}.{}%，{county}{road}等{}个项目按计划推进",
                zh_date(plus(date, -(self.rng.range(5, 40) as i64))),
                self.rng.range(8, 95),
                self.rng.range(1, 30),
                self.rng.below(10),
                self.rng.range(3, 40)
            ),
        }
    }
    /// Materials of about `target` characters.
    fn materials(&mut self, title: &str, cat: Category, date: NaiveDate, dept: &str, target: usize) -> String {
        let mut t = format!("{dept}关于{}的说明。", title.trim_start_matches("关于").trim_end_matches("的议题"));
        t.push_str(&self.fact(cat, date, dept));
        t.push('。');
        while t.chars().count() < target - 40 {
            match self.rng.below(5) {
                0 => {
                    let f = self.fact(cat, date, dept);
                    t.push_str(&f);
                }
                1 => {
                    let p = self.person();
                    let n = self.rng.range(2, 12);
                    t.push_str(&format!("{p}同志牵头，会同{n}个县市交通运输局，{}", self.sentence()))
                }
                _ => t.push_str(&self.sentence()),
            }
            t.push('。');
        }
        t.push_str("以上意见妥否，请党组研究。");
        t
    }
    fn speech(&mut self, dept: &str, date: NaiveDate, target: usize) -> String {
        let mut t = self.rng.pick(OPENERS).to_string();
        let mut first = true;
        while t.chars().count() < target {
            // The first clause always carries a date, a place or a number.
            let k = if first { self.rng.below(3) } else { self.rng.below(5) };
            first = false;
            match k {
                2 => {
                    let p = self.person();
                    let n = self.rng.range(3, 60);
                    t.push_str(&format!("{p}同志反映的{n}个问题要逐一回应，{}", self.sentence()));
                }
                0 => {
                    let d = zh_date(plus(date, self.rng.range(10, 90) as i64));
                    let s = self.sentence();
                    t.push_str(&format!("建议{dept}在{d}前{s}"));
                }
                1 => {
                    let c = self.rng.pick(COUNTIES);
                    let n = self.rng.range(2, 40);
                    t.push_str(&format!("{c}还有{n}处隐患没有整改到位，{}", self.sentence()));
                }
                _ => t.push_str(&self.sentence()),
            }
            t.push('。');
        }
        t
    }
    fn decision(&mut self, title: &str, dept: &str, date: NaiveDate) -> String {
        let subject = title.trim_start_matches("关于").trim_end_matches("的议题").trim_end_matches("的报告");
        let d = zh_date(plus(date, self.rng.range(20, 120) as i64));
        format!("原则同意{subject}。由{dept}牵头组织实施，{}，{d}前将落实情况报党组。", self.sentence())
    }
}

/// The title of an item of `cat`.
fn title(w: &mut Writer, cat: Category, year: i32) -> String {
    let county = *w.rng.pick(COUNTIES);
    let road = *w.rng.pick(ROADS);
    let work = *w.rng.pick(WORKS);
    match cat {
        Category::Directives => format!(
            "关于贯彻落实{}精神的议题",
            w.rng.pick(&[
                "州党委全会",
                "全区交通运输工作会议",
                "自治区党委决策部署",
                "州党委常委会议",
                "交通运输部工作要求"
            ])
        ),
        Category::LegalMatters => format!(
            "关于修订{}的议题",
            w.rng.pick(&[
                "局机关差旅费管理办法",
                "公路路政管理实施细则",
                "道路运输行政处罚裁量基准",
                "政府采购内部控制制度",
                "重大行政决策程序规定"
            ])
        ),
        Category::MajorProjects => format!("关于{county}{road}{work}建设方案的议题"),
        Category::Reform => format!(
            "关于{}改革实施方案的议题",
            w.rng.pick(&[
                "交通运输综合行政执法",
                "农村公路管理养护体制",
                "道路运输“放管服”",
                "出租汽车行业",
                "公路建设市场信用体系"
            ])
        ),
        Category::Personnel => format!("关于{}同志职务任免的议题", w.person()),
        Category::ReportToSuperior => format!(
            "关于向州党委报告{year}年{}的议题",
            w.rng.pick(&["交通建设进展情况", "安全生产工作情况", "重大项目推进情况", "意识形态工作情况"])
        ),
        Category::Budget => format!("关于{county}{work}资金安排的议题"),
        Category::Establishment => format!(
            "关于{}的议题",
            w.rng.pick(&["调整内设机构职责", "局属事业单位编制调整", "设立综合执法支队", "规范编外用工管理"])
        ),
        Category::AuditInspection => format!(
            "关于{}整改情况的报告",
            w.rng.pick(&["州党委巡察反馈问题", "审计发现问题", "安全生产督查问题", "年度目标责任考核"])
        ),
        Category::Ideology => {
            format!("关于{year}年意识形态工作{}的报告", w.rng.pick(&["责任制落实情况", "形势分析", "阵地管理情况"]))
        }
        Category::Integrity => format!(
            "关于{year}年党风廉政建设{}的议题",
            w.rng.pick(&["主体责任清单", "工作要点", "风险防控情况", "专题研究"])
        ),
        Category::BranchAffairs => format!(
            "关于{}的议题",
            w.rng.pick(&["机关党支部换届选举", "发展党员工作", "党员教育培训计划", "党费收缴使用情况"])
        ),
        Category::PartyDiscipline => format!("关于给予{}同志党内处分的议题", w.person()),
        Category::TheoryStudy => format!(
            "关于{}的学习研讨",
            w.rng.pick(&[
                "《中国共产党党组工作条例》",
                "《中国共产党章程》",
                "党的二十大精神",
                "习近平总书记关于交通运输工作的重要论述",
                "《中国共产党纪律处分条例》",
                "自治区党委全会精神"
            ])
        ),
        Category::Talent => format!(
            "关于{year}年{}的议题",
            w.rng.pick(&["干部教育培训计划", "专业技术人才培养方案", "年轻干部培养计划", "公开遴选工作方案"])
        ),
        Category::WorkStyle => format!(
            "关于{}的议题",
            w.rng.pick(&["深化作风建设专项整治", "整治形式主义为基层减负", "落实中央八项规定精神", "改进调查研究"])
        ),
        Category::Other => format!(
            "关于{county}{}的议题",
            w.rng.pick(&["交通运输服务保障", "冬季道路保通", "春运工作安排", "防汛应急预案"])
        ),
    }
}

/// The roster of the ten years: (name, terms). Exactly one secretary on every date.
fn roster() -> Vec<(&'static str, Vec<Term>)> {
    let t = |role, s: (i32, u32, u32), e: Option<(i32, u32, u32)>, director, main_leader| Term {
        role,
        start: ymd(s.0, s.1, s.2),
        end: e.map(|e| ymd(e.0, e.1, e.2)),
        director,
        main_leader,
    };
    use Role::*;
    let start = (2017, 1, 1);
    let s1 = (2020, 8, 15);
    let s2 = (2020, 8, 16);
    let s3 = (2024, 3, 31);
    let s4 = (2024, 4, 1);
    vec![
        ("刘建军", vec![t(Secretary, start, Some(s1), false, true)]),
        ("王立新", vec![t(DeputySecretary, start, Some(s1), true, true), t(Secretary, s2, Some(s3), false, true)]),
        (
            "马志刚",
            vec![
                t(Member, start, Some(s1), false, false),
                t(DeputySecretary, s2, Some(s3), true, true),
                t(Secretary, s4, None, false, true),
            ],
        ),
        ("张丽萍", vec![t(Member, start, Some((2022, 12, 31)), false, false)]),
        ("孙浩", vec![t(Member, start, Some((2019, 6, 30)), false, false)]),
        ("周文斌", vec![t(Member, start, Some((2021, 2, 28)), false, false)]),
        ("何永刚", vec![t(Member, start, None, false, false)]),
        ("古丽娜尔·买买提", vec![t(Member, start, Some((2025, 6, 30)), false, false)]),
        ("陈国栋", vec![t(Member, start, None, false, false)]),
        ("李娜", vec![t(Member, (2019, 7, 1), None, false, false)]),
        ("高建华", vec![t(Member, s2, None, false, false)]),
        (
            "艾尔肯·吐尔洪",
            vec![t(Member, (2021, 3, 1), Some(s3), false, false), t(DeputySecretary, s4, None, true, true)],
        ),
        ("赵红梅", vec![t(Member, (2023, 1, 1), None, false, false)]),
        ("吴晓东", vec![t(Member, s4, None, false, false)]),
        ("杨帆", vec![t(Member, (2025, 7, 1), None, false, false)]),
    ]
}

/// The meetings of a year: (month, day, kind). Fifteen, of every kind.
const SCHEDULE: [(u32, u32, MeetingKind); 15] = [
    (1, 12, MeetingKind::Regular),
    (1, 25, MeetingKind::DemocraticLife),
    (2, 20, MeetingKind::CentralStudy),
    (3, 10, MeetingKind::Regular),
    (3, 28, MeetingKind::IntegrityMeeting),
    (4, 15, MeetingKind::Regular),
    (5, 12, MeetingKind::IdeologyMeeting),
    (6, 18, MeetingKind::BranchReport),
    (7, 8, MeetingKind::Regular),
    (7, 25, MeetingKind::AdHoc),
    (8, 20, MeetingKind::StudySeminar),
    (9, 10, MeetingKind::Regular),
    (10, 15, MeetingKind::Expanded),
    (11, 12, MeetingKind::Regular),
    (12, 8, MeetingKind::Regular),
];

/// Categories of the items of a meeting of `kind`.
fn categories(rng: &mut Rng, kind: MeetingKind) -> Vec<Category> {
    use Category::*;
    let pool: &[Category] = match kind {
        MeetingKind::CentralStudy | MeetingKind::StudySeminar => &[TheoryStudy, TheoryStudy, Ideology, WorkStyle],
        MeetingKind::DemocraticLife => &[WorkStyle, TheoryStudy, Integrity],
        MeetingKind::IntegrityMeeting => &[Integrity, Integrity, WorkStyle, AuditInspection, PartyDiscipline, Budget],
        MeetingKind::IdeologyMeeting => &[Ideology, Ideology, TheoryStudy, Directives, Talent],
        MeetingKind::BranchReport => &[BranchAffairs, BranchAffairs, Talent, Personnel, WorkStyle],
        _ => &[
            Directives,
            Directives,
            LegalMatters,
            MajorProjects,
            MajorProjects,
            MajorProjects,
            Reform,
            Personnel,
            Personnel,
            ReportToSuperior,
            Budget,
            Budget,
            Budget,
            Establishment,
            AuditInspection,
            Talent,
            Other,
            Other,
        ],
    };
    (0..10).map(|_| *rng.pick(pool)).collect()
}

/// Build the ten-year reference database for `seed`.
pub fn reference_db(seed: u64) -> Db {
    let mut rng = Rng::new(seed);
    let mut w = Writer::new(seed.wrapping_mul(31).wrapping_add(7));
    let end = as_of();
    let mut db = Db { settings: RuleSettings::default(), ..Default::default() };
    db.org.unit_name = "中共昌吉回族自治州交通运输局".into();
    db.org.superior = "中共昌吉州委员会（州党委）".into();
    let unit_short = "昌吉州交通运输局";

    for (name, terms) in roster() {
        let id = db.new_id();
        db.org.members.push(Member { id, name: name.into(), note: String::new(), terms });
    }
    let member_id = |name: &str, db: &Db| db.org.members.iter().find(|m| m.name == name).map(|m| m.id).unwrap();
    let dept_specs = [
        ("办公室", "艾尔肯·吐尔洪"),
        ("规划建设科", "何永刚"),
        ("财务审计科", "陈国栋"),
        ("人事科", "李娜"),
        ("运输管理科", "高建华"),
        ("安全监督科", "赵红梅"),
        ("政策法规科", "吴晓东"),
    ];
    for (name, in_charge) in dept_specs {
        let id = db.new_id();
        let head = w.person();
        let in_charge = Some(member_id(in_charge, &db));
        db.org.departments.push(Department { id, name: name.into(), head, in_charge });
    }
    for (name, position) in [
        ("孙卫东", "副局长（非党组成员）"),
        ("周丽", "办公室主任"),
        ("吴倩", "财务审计科科长"),
        ("郑海波", "机关党支部书记"),
    ] {
        let id = db.new_id();
        db.org.attendees.push(NonMember { id, name: name.into(), position: position.into() });
    }
    let dept_ids: Vec<(Id, String)> = db.org.departments.iter().map(|d| (d.id, d.name.clone())).collect();
    let observer_ids: Vec<Id> = db.org.attendees.iter().map(|a| a.id).collect();
    let office_director = observer_ids[1];
    let settings = db.settings.clone();
    let not_counted_member = member_id("孙浩", &db);

    let mut meetings: Vec<Meeting> = Vec::new();
    for year in YEARS {
        for (slot, &(month, day, kind)) in SCHEDULE.iter().enumerate() {
            let mut date = ymd(year, month, (day as i64 + rng.range(0, 4) as i64 - 2) as u32);
            while matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                date = plus(date, 1);
            }
            let planned = date > end;
            let roster = db.org.roster_at(date);
            let chair = db.org.secretary_at(date);
            // Up to two members on leave, never the chair.
            let mut leave: Vec<(Id, &str)> = Vec::new();
            let n_leave = match rng.below(10) {
                0..=4 => 0,
                5..=8 => 1,
                _ => 2,
            };
            while !planned && leave.len() < n_leave {
                let m = rng.pick(&roster).member;
                if Some(m) != chair && !leave.iter().any(|(x, _)| *x == m) {
                    let reason: &str = LEAVE_REASONS[rng.below(LEAVE_REASONS.len() as u64) as usize];
                    leave.push((m, reason));
                }
            }
            let id = db.new_id();
            let mut m = Meeting {
                id,
                kind,
                title: format!("{year}年第{}次{}", chinese_number(slot as u32 + 1), kind.zh()),
                date,
                time: if rng.chance(70) { "09:30".into() } else { "15:30".into() },
                place: (*rng.pick(&["局机关三楼会议室", "局机关五楼会议室", "州交通运输综合服务中心会议室"])).into(),
                chair,
                recorder: "周丽".into(),
                observers: match kind {
                    MeetingKind::Expanded | MeetingKind::BranchReport => observer_ids.clone(),
                    _ => vec![office_director],
                },
                attendance: attendance_at(&db.org, date, &leave),
                items: vec![],
                notice: Some(Distribution { on: plus(date, -3), to: "全体党组成员、列席人员".into() }),
                materials: Some(Distribution { on: plus(date, -2), to: "全体党组成员".into() }),
                stage: if planned { MeetingStage::Planned } else { MeetingStage::Signed },
                current_item: 0,
                summary: None,
                amendments: vec![],
            };
            // A member on long sick leave in the first half of 2019 is not counted as due.
            if year == 2019 && date < ymd(2019, 7, 1) {
                if let Some(a) = m.attendance.iter_mut().find(|a| a.member == not_counted_member) {
                    a.presence = Presence::Absent;
                    a.not_counted = Some("长期病休".into());
                }
            }
            let votes = kind.is_party_group_meeting();
            for cat in categories(&mut rng, kind) {
                let (dept, dept_name) = rng.pick(&dept_ids).clone();
                // The member in charge: a serving member other than the chair.
                let others: Vec<Id> = roster.iter().map(|r| r.member).filter(|x| Some(*x) != chair).collect();
                let in_charge = *rng.pick(&others);
                let title = title(&mut w, cat, year);
                let created = plus(date, -(rng.range(8, 25) as i64));
                let administrative = !matches!(
                    cat,
                    Category::Personnel
                        | Category::PartyDiscipline
                        | Category::TheoryStudy
                        | Category::Ideology
                        | Category::Integrity
                        | Category::BranchAffairs
                        | Category::WorkStyle
                ) && rng.chance(70);
                let amount_yuan = (cat == Category::Budget).then(|| w.amount_wan() * 10_000);
                let materials = w.materials(&title, cat, date, &dept_name, 300);
                let item_id = db.new_id();
                let mut history = vec![
                    StatusChange { to: ItemStatus::Proposed, date: created, note: String::new() },
                    StatusChange {
                        to: ItemStatus::Reviewed,
                        date: plus(created, 2),
                        note: format!("{}审核", db.org.member_name(in_charge)),
                    },
                ];
                if administrative {
                    history.push(StatusChange {
                        to: ItemStatus::DirectorApproved,
                        date: plus(created, 3),
                        note: "局长同意".into(),
                    });
                }
                history.push(StatusChange {
                    to: ItemStatus::Scheduled,
                    date: plus(date, -6),
                    note: "书记确定上会".into(),
                });
                history.push(StatusChange { to: ItemStatus::OnAgenda, date: plus(date, -3), note: String::new() });
                let mut item = AgendaItem {
                    id: item_id,
                    title: title.clone(),
                    category: cat,
                    proposer: if rng.chance(60) { Proposer::Secretary } else { Proposer::Member(in_charge) },
                    in_charge: Some(in_charge),
                    administrative,
                    department: Some(dept),
                    materials,
                    documents: if rng.chance(40) {
                        vec![DocRef {
                            number: format!("昌州交发〔{year}〕{}号", rng.range(1, 160)),
                            title: format!("{}（送审稿）", title.trim_start_matches("关于").trim_end_matches("的议题")),
                        }]
                    } else {
                        vec![]
                    },
                    amount_yuan,
                    checklist: if cat.is_major_decision() {
                        PrepChecklist {
                            research: true,
                            consultation: true,
                            risk_assessment: rng.chance(95),
                            legality_review: true,
                        }
                    } else {
                        PrepChecklist::default()
                    },
                    status: ItemStatus::OnAgenda,
                    created,
                    history: vec![],
                    changes_decision: None,
                    branch_report: false,
                };
                let mut rec = ItemRecord {
                    item: item_id,
                    recused: vec![],
                    notes: vec![],
                    opinions: vec![],
                    ballot: None,
                    result: None,
                    decision: String::new(),
                    supersedes: None,
                    superseded_by: None,
                };
                if !planned {
                    if cat == Category::Personnel && rng.chance(15) {
                        rec.recused.push(*rng.pick(&others));
                    }
                    let present = present_members(&m, &rec.recused);
                    // Several speakers, ~400 characters, the chair last.
                    let n_notes = rng.range(3, 5) as usize;
                    let per = (400 / (n_notes + 1)).saturating_sub(12);
                    if rng.chance(20) {
                        rec.notes.push(SpeechNote {
                            speaker: Speaker::Observer(*rng.pick(&m.observers)),
                            text: w.speech(&dept_name, date, per / 2),
                        });
                    }
                    for _ in 0..n_notes {
                        let s = *rng.pick(&present);
                        if Some(s) == chair {
                            continue;
                        }
                        rec.notes
                            .push(SpeechNote { speaker: Speaker::Member(s), text: w.speech(&dept_name, date, per) });
                    }
                    if let Some(c) = chair {
                        rec.notes
                            .push(SpeechNote { speaker: Speaker::Member(c), text: w.speech(&dept_name, date, per) });
                    }
                    for (lm, _) in &leave {
                        if rng.chance(30) && !rec.recused.contains(lm) {
                            rec.opinions
                                .push(WrittenOpinion { member: *lm, text: format!("同意。{}", w.sentence()) });
                        }
                    }
                    if votes {
                        let ballot = if cat.needs_special_quorum() {
                            let n = present.len() as u32;
                            let abstain = rng.below(2) as u32;
                            let no = if rng.chance(10) { 1 } else { 0 };
                            Ballot::Secret(SecretTally { yes: n - abstain - no, no, abstain, invalid: 0 })
                        } else {
                            let method = match rng.below(10) {
                                0 => VoteMethod::Hands,
                                1 => VoteMethod::Oral,
                                _ => VoteMethod::Named,
                            };
                            let dissent = rng.chance(3);
                            open_vote(&m, &rec.recused, method, |v| {
                                if Some(v) == chair {
                                    (Choice::Yes, None)
                                } else if dissent || rng.chance(4) {
                                    if rng.chance(50) {
                                        (Choice::No, Some(format!("保留意见：{}", w.sentence())))
                                    } else {
                                        (Choice::Abstain, None)
                                    }
                                } else {
                                    (Choice::Yes, None)
                                }
                            })
                        };
                        let res = result_of(&m, &rec.recused, &ballot, cat.needs_special_quorum(), &settings);
                        rec.ballot = Some(ballot);
                        let passed = res.passed;
                        rec.result = Some(res);
                        if passed {
                            rec.decision = w.decision(&title, &dept_name, date);
                            history.push(StatusChange { to: ItemStatus::Decided, date, note: String::new() });
                        } else {
                            rec.decision = "表决未通过，暂缓实施，由分管党组成员进一步调研后再议。".into();
                            history
                                .push(StatusChange { to: ItemStatus::Deferred, date, note: "表决未通过".into() });
                        }
                    } else {
                        rec.decision = format!("会议进行了集体学习研讨，{}。", w.sentence());
                        history.push(StatusChange { to: ItemStatus::Decided, date, note: String::new() });
                    }
                }
                item.status = history.last().map(|h| h.to).unwrap_or(ItemStatus::Proposed);
                item.history = history;
                db.items.add(item);
                m.items.push(rec);
            }
            if !planned {
                let number = next_summary_number(&meetings, year);
                // An older draft's layout: heading and number lines (the printed page drops
                // them: summary::body_lines) above the text the app drafts from the minutes.
                let mut text = format!(
                    "{unit_short}党组会议纪要\n〔{year}〕{number}号\n\n{}",
                    crate::domain::summary::draft_text(&db, &m)
                );
                while text.chars().count() < 1400 {
                    text.push_str(&format!("会议强调，{}。", w.sentence()));
                }
                m.summary = Some(Summary {
                    year,
                    number,
                    text,
                    signed: chair.map(|c| SignOff { by: c, at: plus(date, 2).and_hms_opt(17, 0, 0).expect("time") }),
                    replaced: None,
                });
            }
            // Follow-up tasks for decided items of party-group meetings (~80 a year).
            if votes && !planned {
                let decided: Vec<(Id, String, Option<Id>)> = m
                    .items
                    .iter()
                    .filter(|r| r.result.as_ref().is_some_and(|x| x.passed))
                    .map(|r| {
                        let it = db.item(r.item).expect("item");
                        (it.id, it.title.clone(), it.department)
                    })
                    .collect();
                for (item_id, title, dept) in decided {
                    if !rng.chance(67) {
                        continue;
                    }
                    let tid = db.new_id();
                    let created = plus(date, 1);
                    let deadline = plus(date, rng.range(30, 150) as i64);
                    let dept_name = dept.and_then(|d| db.org.department(d)).map(|d| d.name.clone()).unwrap_or_default();
                    let responsible = db.item(item_id).and_then(|i| i.in_charge);
                    let closed_on = plus(deadline, rng.range(0, 40) as i64 - 25);
                    let closed = closed_on < end && rng.chance(96);
                    let span = (if closed { closed_on } else { end.min(deadline) } - created).num_days().max(3);
                    let by = w.person();
                    let reports = (1..=3)
                        .map(|k| {
                            let d = plus(created, span * k / 4);
                            let done = 25 * k as u64 + rng.range(0, 15);
                            ProgressReport {
                                date: d,
                                text: format!("已完成{}%。{}。{}", done.min(100), w.sentence(), w.sentence()),
                                by: by.clone(),
                            }
                        })
                        .collect();
                    let subject =
                        title.trim_start_matches("关于").trim_end_matches("的议题").trim_end_matches("的报告");
                    db.tasks.add(FollowUpTask {
                        id: tid,
                        title: format!("落实{subject}"),
                        source: Some(DecisionRef { meeting: m.id, item: item_id }),
                        member: responsible,
                        department: dept,
                        deadline,
                        created,
                        reports,
                        closed: closed.then(|| Closure {
                            date: closed_on,
                            result: format!("{dept_name}已按要求完成，{}。", w.sentence()),
                        }),
                        escalated_to: None,
                    });
                    if let Some(it) = db.item_mut(item_id) {
                        it.history.push(StatusChange {
                            to: ItemStatus::Implementing,
                            date: created,
                            note: String::new(),
                        });
                        it.status = ItemStatus::Implementing;
                        if closed {
                            it.history.push(StatusChange {
                                to: ItemStatus::Done,
                                date: closed_on,
                                note: "督办事项办结".into(),
                            });
                            it.status = ItemStatus::Done;
                        }
                    }
                }
            }
            meetings.push(m);
        }
        // The latest meeting before the as-of day waits for sign-off.
    }
    if let Some(m) = meetings.iter_mut().rev().find(|m| m.stage == MeetingStage::Signed) {
        m.stage = MeetingStage::Closed;
        if let Some(s) = m.summary.as_mut() {
            s.signed = None;
        }
    }
    db.meetings = meetings.into_iter().map(Arc::new).collect();
    add_evidence(&mut db, &mut rng, &mut w, end);
    db
}

/// Each year's duty evidence: reports, assessments, study plans, talks, lectures, briefings,
/// contact points and village days (第十二、十九、二十二至二十八条).
fn add_evidence(db: &mut Db, rng: &mut Rng, w: &mut Writer, end: NaiveDate) {
    let mut out: Vec<Evidence> = Vec::new();
    let push =
        |db: &mut Db, out: &mut Vec<Evidence>, kind, date: NaiveDate, member, f: &mut dyn FnMut(&mut Evidence)| {
            if date > end {
                return;
            }
            let mut e = Evidence {
                id: db.new_id(),
                kind,
                date,
                member,
                counterpart: None,
                department: None,
                days: None,
                note: String::new(),
            };
            f(&mut e);
            out.push(e);
        };
    for year in YEARS {
        let d = |m, day| ymd(year, m, day);
        let sec = db.org.secretary_at(d(6, 1));
        let dl =
            db.meetings.iter().find(|m| m.kind == MeetingKind::DemocraticLife && m.date.year() == year).map(|m| m.date);
        push(db, &mut out, EvidenceKind::StudyPlan, d(1, 20), sec, &mut |e| {
            e.note = format!("印发{year}年党组理论学习中心组学习计划，确定{}个专题。{}", rng.range(8, 12), w.sentence())
        });
        push(db, &mut out, EvidenceKind::PerformanceReport, d(1, 28), db.org.secretary_at(d(1, 28)), &mut |e| {
            e.note = format!("向州党委报告{}年度履行全面从严治党责任情况。", year - 1)
        });
        push(db, &mut out, EvidenceKind::PerformanceAssessment, d(2, 16), db.org.secretary_at(d(2, 16)), &mut |e| {
            e.note = format!("{}年度党组书记履职考核，结果为优秀。", year - 1)
        });
        if let Some(dl) = dl {
            push(db, &mut out, EvidenceKind::DemocraticLifeReport, plus(dl, rng.range(5, 14) as i64), sec, &mut |e| {
                e.note = "民主生活会情况报送州纪委监委、州党委组织部。".into()
            });
            push(db, &mut out, EvidenceKind::DemocraticLifeNotice, plus(dl, rng.range(15, 30) as i64), sec, &mut |e| {
                e.note = "在机关干部职工大会上通报民主生活会及整改措施。".into()
            });
        }
        push(db, &mut out, EvidenceKind::AntiCorruptionStudy, d(6, 10), sec, &mut |e| {
            e.note = format!("反腐倡廉专题学习：{}", w.sentence())
        });
        push(db, &mut out, EvidenceKind::IntegrityLecture, d(7, 1), db.org.secretary_at(d(7, 1)), &mut |e| {
            e.note = format!("书记讲廉政党课：{}", w.sentence())
        });
        push(db, &mut out, EvidenceKind::IdeologyBriefing, d(8, 5), sec, &mut |e| {
            e.note = format!("党内通报{year}年上半年意识形态领域情况。")
        });
        push(db, &mut out, EvidenceKind::ComprehensiveReport, d(12, 20), db.org.secretary_at(d(12, 20)), &mut |e| {
            e.note = format!("向州党委全面报告{year}年度工作。")
        });
        // Talks: the deputy with each member; each member with the head of a department.
        let talk_day = d(9, 15);
        let roster = db.org.roster_at(talk_day);
        let deputy = roster.iter().find(|r| r.role == Role::DeputySecretary).map(|r| r.member);
        let depts: Vec<Id> = db.org.departments.iter().map(|x| x.id).collect();
        for (k, r) in roster.iter().enumerate() {
            if r.role != Role::Member {
                continue;
            }
            let day = plus(talk_day, k as i64);
            push(db, &mut out, EvidenceKind::IntegrityTalk, day, deputy, &mut |e| {
                e.counterpart = Some(r.member);
                e.note = "副书记与党组成员廉政谈话".into();
            });
            push(db, &mut out, EvidenceKind::IntegrityTalk, plus(day, 7), Some(r.member), &mut |e| {
                e.department = Some(depts[k % depts.len()]);
                e.note = "与分管科室负责人廉政谈话".into();
            });
        }
        for (k, r) in db.org.roster_at(d(3, 1)).iter().enumerate() {
            let county = COUNTIES[k % COUNTIES.len()];
            push(db, &mut out, EvidenceKind::ContactPoint, d(3, 1), Some(r.member), &mut |e| {
                e.note = format!("基层联系点：{county}，{}", w.sentence())
            });
        }
        for (k, month) in [4u32, 7, 10].into_iter().enumerate() {
            let day = d(month, 6 + k as u32);
            for r in db.org.roster_at(day).iter().filter(|r| r.main_leader) {
                let days = rng.range(4, 7) as u32;
                push(db, &mut out, EvidenceKind::VillageDays, day, Some(r.member), &mut |e| {
                    e.days = Some(days);
                    e.note = format!("在{}“访惠聚”驻村点下沉。", COUNTIES[(year as usize + k) % COUNTIES.len()]);
                });
            }
        }
    }
    db.evidence = out.into_iter().map(Arc::new).collect();
}

/// Character counts of the reference data, for the generator's report and the tests.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub members: usize,
    pub departments: usize,
    pub meetings: usize,
    pub items: usize,
    pub named_votes: usize,
    pub secret_ballots: usize,
    pub tasks: usize,
    pub reports: usize,
    pub evidence: usize,
    pub materials_chars: usize,
    pub notes_chars: usize,
    pub summary_chars: usize,
    pub task_chars: usize,
    /// `serde_json::to_string(&db)` length in UTF-16 code units (what localStorage counts).
    pub json_utf16: usize,
    pub json_bytes: usize,
}

impl Stats {
    pub fn of(db: &Db) -> Stats {
        let json = serde_json::to_string(db).expect("serialise");
        let recs = db.meetings.iter().flat_map(|m| m.items.iter());
        let mut s = Stats {
            members: db.org.members.len(),
            departments: db.org.departments.len(),
            meetings: db.meetings.len(),
            items: db.items.len(),
            tasks: db.tasks.len(),
            reports: db.tasks.iter().map(|t| t.reports.len()).sum(),
            evidence: db.evidence.len(),
            materials_chars: db.items.iter().map(|i| i.materials.chars().count()).sum(),
            summary_chars: db.meetings.iter().filter_map(|m| m.summary.as_ref()).map(|s| s.text.chars().count()).sum(),
            task_chars: db
                .tasks
                .iter()
                .map(|t| t.title.chars().count() + t.reports.iter().map(|r| r.text.chars().count()).sum::<usize>())
                .sum(),
            json_utf16: json.encode_utf16().count(),
            json_bytes: json.len(),
            ..Default::default()
        };
        for r in recs {
            s.notes_chars += r.notes.iter().map(|n| n.text.chars().count()).sum::<usize>();
            match &r.ballot {
                Some(Ballot::Open { method: VoteMethod::Named, .. }) => s.named_votes += 1,
                Some(Ballot::Secret(_)) => s.secret_ballots += 1,
                _ => {}
            }
        }
        s
    }
}

impl std::fmt::Display for Stats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "members {}  departments {}  meetings {}  items {}",
            self.members, self.departments, self.meetings, self.items
        )?;
        writeln!(
            f,
            "named votes {}  secret ballots {}  tasks {}  progress reports {}  evidence {}",
            self.named_votes, self.secret_ballots, self.tasks, self.reports, self.evidence
        )?;
        writeln!(
            f,
            "chars: materials {} ({}/item)  notes {} ({}/item)  summaries {} ({}/meeting)  tasks {}",
            self.materials_chars,
            self.materials_chars / self.items.max(1),
            self.notes_chars,
            self.notes_chars / self.items.max(1),
            self.summary_chars,
            self.summary_chars / self.meetings.max(1),
            self.task_chars
        )?;
        write!(
            f,
            "plain serde JSON: {} UTF-16 units ({:.1}% of the 5,234,688 quota), {} bytes UTF-8",
            self.json_utf16,
            self.json_utf16 as f64 * 100.0 / 5_234_688.0,
            self.json_bytes
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_in_range() {
        let mut a = Rng::new(1);
        let mut b = Rng::new(1);
        let xs: Vec<u64> = (0..100).map(|_| a.range(3, 7)).collect();
        let ys: Vec<u64> = (0..100).map(|_| b.range(3, 7)).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|x| (3..=7).contains(x)));
        assert!((3..=7).all(|v| xs.contains(&v)));
        assert_ne!(Rng::new(2).next_u64(), Rng::new(1).next_u64());
    }

    #[test]
    fn rule_sentences_are_many_and_clean() {
        let s = rule_sentences();
        assert!(s.len() > 100, "{}", s.len());
        assert!(s.iter().all(|x| !x.starts_with('第') || !x.contains('条') || x.chars().count() > 20));
        assert!(s.iter().all(|x| !x.starts_with('（')));
    }
}
