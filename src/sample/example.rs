//! The example organisation behind the "load example data" button (载入示例数据): the
//! 昌吉州交通运输局 Party group with seven serving members and one former member, six
//! departments, three observers, items in every stage, three featured past meetings with votes
//! and minutes, a planned meeting, follow-up tasks and duty evidence, and the year's routine
//! records from 1 January on (`super::year`). All dates are relative to `today`, so the example
//! always looks current.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::{attendance_at, days_after, days_before, next_summary_number, open_vote, result_of, year};
use crate::domain::{
    category::Category,
    db::{Db, Records},
    evidence::{Evidence, EvidenceKind},
    item::{AgendaItem, DecisionRef, DocRef, ItemStatus, PrepChecklist, Proposer, StatusChange},
    meeting::{
        Ballot, Choice, Distribution, ItemRecord, Meeting, MeetingKind, MeetingStage, SecretTally, SignOff, Speaker,
        SpeechNote, Summary, VoteMethod, WrittenOpinion,
    },
    org::{Department, Member, NonMember, Role, Term},
    settings::RuleSettings,
    task::{Closure, FollowUpTask, ProgressReport},
    Id,
};

/// Full name of the example unit.
pub const UNIT_NAME: &str = "中共昌吉回族自治州交通运输局";
/// Short name used in headings and summaries.
pub const UNIT_SHORT: &str = "昌吉州交通运输局";

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn term(role: Role, start: NaiveDate, end: Option<NaiveDate>) -> Term {
    Term { role, start, end, director: false, main_leader: false }
}

fn note(speaker: Speaker, text: &str) -> SpeechNote {
    SpeechNote { speaker, text: text.to_string() }
}

fn change(to: ItemStatus, date: NaiveDate, note: &str) -> StatusChange {
    StatusChange { to, date, note: note.to_string() }
}

/// The example database as it looks on `today`.
pub fn example_db(today: NaiveDate) -> Db {
    let mut db = Db { settings: RuleSettings::default(), ..Default::default() };
    let y = today.year();

    // ---- Members (党组成员) ------------------------------------------------------------
    let since = ymd(y - 4, 3, 15);
    // The former member left last year; his successor started the next day.
    let former_end = ymd(y - 1, 12, 31).min(days_before(today, 100));
    let successor_start = days_after(former_end, 1);

    let member = |db: &mut Db, name: &str, note: &str, terms: Vec<Term>| -> Id {
        let id = db.new_id();
        db.org.members.push(Member { id, name: name.into(), note: note.into(), terms });
        id
    };
    let secretary =
        member(&mut db, "王振华", "", vec![Term { main_leader: true, ..term(Role::Secretary, since, None) }]);
    let deputy = member(
        &mut db,
        "李明远",
        "",
        vec![
            term(Role::Member, since, Some(ymd(y - 2, 6, 30))),
            Term { director: true, main_leader: true, ..term(Role::DeputySecretary, ymd(y - 2, 7, 1), None) },
        ],
    );
    let zhang = member(&mut db, "张海燕", "", vec![term(Role::Member, since, None)]);
    let abdu = member(&mut db, "阿不都热依木·买买提", "", vec![term(Role::Member, ymd(y - 3, 9, 1), None)]);
    let liu = member(&mut db, "刘志强", "", vec![term(Role::Member, since, None)]);
    let ma = member(&mut db, "马晓军", "", vec![term(Role::Member, ymd(y - 2, 1, 10), None)]);
    let chen = member(&mut db, "陈静", "", vec![term(Role::Member, successor_start, None)]);
    let _former = member(&mut db, "赵国庆", "", vec![term(Role::Member, since, Some(former_end))]);

    // The register is kept from 1 January: the example's year is complete from then on (see
    // `year`), and the featured records that fall in December of last year are not judged.
    db.settings.duties.ledger_start = Some(ymd(y, 1, 1));
    db.org.unit_name = UNIT_NAME.into();
    db.org.superior = "中共昌吉州委员会（州党委）".into();

    // ---- Departments (科室) and observers (列席) --------------------------------------
    let dept = |db: &mut Db, name: &str, head: &str, in_charge: Id| -> Id {
        let id = db.new_id();
        db.org.departments.push(Department { id, name: name.into(), head: head.into(), in_charge: Some(in_charge) });
        id
    };
    let office = dept(&mut db, "办公室", "周丽", deputy);
    let planning = dept(&mut db, "规划建设科", "杨帆（主持工作）", liu);
    let finance = dept(&mut db, "财务审计科", "吴倩", ma);
    let personnel = dept(&mut db, "人事科", "何云", zhang);
    let transport = dept(&mut db, "运输管理科", "阿依古丽·吐尔逊", abdu);
    let safety = dept(&mut db, "安全监督科", "高鹏", chen);

    let observer = |db: &mut Db, name: &str, position: &str| -> Id {
        let id = db.new_id();
        db.org.attendees.push(NonMember { id, name: name.into(), position: position.into() });
        id
    };
    let sun = observer(&mut db, "孙卫东", "副局长（非党组成员）");
    let zhou = observer(&mut db, "周丽", "办公室主任");
    let wu = observer(&mut db, "吴倩", "财务审计科科长");

    // ---- Meeting dates ----------------------------------------------------------------
    let m1_date = days_before(today, 70);
    let m2_date = days_before(today, 40);
    let study_date = days_before(today, 25);
    let m3_date = days_before(today, 12);
    let m4_date = days_after(today, 6);
    let place = "局机关三楼会议室";

    // ---- Agenda items (议题) ------------------------------------------------------------
    let full = PrepChecklist { research: true, consultation: true, risk_assessment: true, legality_review: true };
    let item = |db: &mut Db, it: AgendaItem| -> Id {
        let id = db.new_id();
        db.items.add(AgendaItem { id, ..it });
        id
    };
    let base = |title: &str, category: Category, created: NaiveDate| AgendaItem::proposed(0, title, category, created);

    let c1 = days_before(m1_date, 12);
    let it_directives = item(
        &mut db,
        AgendaItem {
            in_charge: Some(deputy),
            department: Some(office),
            materials: "全区交通运输工作会议提出，要加快构建现代综合交通运输体系，推进农村公路提档升级，\
                    强化道路运输安全监管。办公室梳理形成贯彻落实意见（送审稿），共五个方面十八项具体措施，\
                    明确了责任科室和完成时限，请党组研究。"
                .into(),
            documents: vec![DocRef {
                number: "新交发〔2025〕1号".into(), title: "全区交通运输工作会议报告".into()
            }],
            checklist: full,
            status: ItemStatus::Implementing,
            history: vec![
                change(ItemStatus::Proposed, c1, ""),
                change(ItemStatus::Reviewed, days_before(m1_date, 9), "李明远审核材料"),
                change(ItemStatus::Scheduled, days_before(m1_date, 7), "书记确定上会"),
                change(ItemStatus::OnAgenda, days_before(m1_date, 5), ""),
                change(ItemStatus::Decided, m1_date, "会议审议通过"),
                change(ItemStatus::Implementing, days_after(m1_date, 2), "印发任务分工方案"),
            ],
            ..base("关于传达学习全区交通运输工作会议精神及贯彻落实意见的议题", Category::Directives, c1)
        },
    );
    let it_plan = item(
        &mut db,
        AgendaItem {
            proposer: Proposer::Member(liu),
            in_charge: Some(liu),
            administrative: true,
            department: Some(planning),
            materials: "计划安排农村公路新改建项目12个、里程186公里，危桥改造8座，总投资约3.2亿元，\
                    资金来源为车购税补助、自治区补助和县市配套。项目均已完成前期论证和风险评估。"
                .into(),
            checklist: full,
            status: ItemStatus::Done,
            history: vec![
                change(ItemStatus::Proposed, c1, "刘志强建议"),
                change(ItemStatus::Reviewed, days_before(m1_date, 10), ""),
                change(ItemStatus::DirectorApproved, days_before(m1_date, 8), "局长同意上会"),
                change(ItemStatus::Scheduled, days_before(m1_date, 7), ""),
                change(ItemStatus::OnAgenda, days_before(m1_date, 5), ""),
                change(ItemStatus::Decided, m1_date, ""),
                change(ItemStatus::Implementing, days_after(m1_date, 3), ""),
                change(ItemStatus::Done, days_before(today, 20), "计划已下达各县市"),
            ],
            ..base("关于审定本年度农村公路建设计划的议题", Category::MajorProjects, c1)
        },
    );
    let c2 = days_before(m2_date, 15);
    let it_equipment = item(
        &mut db,
        AgendaItem {
            proposer: Proposer::Member(ma),
            in_charge: Some(ma),
            administrative: true,
            department: Some(finance),
            materials: "为提升农村公路养护管理水平，拟采购多功能路况快速检测车1台及配套软件，\
                    经市场询价预算68万元，从本年度公路养护专项资金列支，采用公开招标方式采购。\
                    本事项属一次性支付5万元以上资金支出，按第六条（六）提请党组会议研究。"
                .into(),
            amount_yuan: Some(680_000),
            checklist: full,
            status: ItemStatus::Implementing,
            history: vec![
                change(ItemStatus::Proposed, c2, "马晓军建议"),
                change(ItemStatus::Reviewed, days_before(m2_date, 12), ""),
                change(ItemStatus::DirectorApproved, days_before(m2_date, 10), "局长同意上会"),
                change(ItemStatus::Scheduled, days_before(m2_date, 8), ""),
                change(ItemStatus::OnAgenda, days_before(m2_date, 5), ""),
                change(ItemStatus::Decided, m2_date, ""),
                change(ItemStatus::Implementing, days_after(m2_date, 5), "启动招标程序"),
            ],
            ..base("关于采购农村公路路况检测设备的议题", Category::Budget, c2)
        },
    );
    let it_deferred = item(
        &mut db,
        AgendaItem {
            proposer: Proposer::Member(deputy),
            in_charge: Some(deputy),
            administrative: true,
            department: Some(office),
            materials: "拟将机关食堂由自营改为委托经营，已征求干部职工意见，赞成与反对意见相当。".into(),
            status: ItemStatus::Deferred,
            history: vec![
                change(ItemStatus::Proposed, c2, ""),
                change(ItemStatus::Reviewed, days_before(m2_date, 11), ""),
                change(ItemStatus::DirectorApproved, days_before(m2_date, 10), ""),
                change(ItemStatus::Scheduled, days_before(m2_date, 8), ""),
                change(ItemStatus::OnAgenda, days_before(m2_date, 5), ""),
                change(ItemStatus::Deferred, m2_date, "意见分歧较大，会后进一步调研后再议"),
            ],
            ..base("关于调整机关食堂经营方式的议题", Category::Other, c2)
        },
    );
    let c3 = days_before(m3_date, 14);
    let it_personnel = item(
        &mut db,
        AgendaItem {
            in_charge: Some(zhang),
            department: Some(personnel),
            materials: "经民主推荐、考察和征求纪检监察机构意见，拟任命杨帆同志为规划建设科科长（试用期一年）。\
                    杨帆同志现任规划建设科副科长，主持工作一年，考察结果为优秀。"
                .into(),
            status: ItemStatus::Decided,
            history: vec![
                change(ItemStatus::Proposed, c3, ""),
                change(ItemStatus::Reviewed, days_before(m3_date, 10), "张海燕审核考察材料"),
                change(ItemStatus::Scheduled, days_before(m3_date, 7), ""),
                change(ItemStatus::OnAgenda, days_before(m3_date, 5), ""),
                change(ItemStatus::Decided, m3_date, "无记名投票通过"),
            ],
            ..base("关于杨帆同志任规划建设科科长的议题", Category::Personnel, c3)
        },
    );
    let it_integrity = item(
        &mut db,
        AgendaItem {
            in_charge: Some(zhang),
            department: Some(personnel),
            materials: "报告总结了党风廉政建设主体责任落实情况、廉政风险防控和作风建设情况，查找问题三个方面，\
                    提出下一步整改措施七条。"
                .into(),
            status: ItemStatus::Decided,
            history: vec![
                change(ItemStatus::Proposed, c3, ""),
                change(ItemStatus::Reviewed, days_before(m3_date, 9), ""),
                change(ItemStatus::Scheduled, days_before(m3_date, 7), ""),
                change(ItemStatus::OnAgenda, days_before(m3_date, 5), ""),
                change(ItemStatus::Decided, m3_date, ""),
            ],
            ..base("关于党风廉政建设工作情况的报告", Category::Integrity, c3)
        },
    );
    let c4 = days_before(today, 10);
    let it_ideology = item(
        &mut db,
        AgendaItem {
            in_charge: Some(deputy),
            department: Some(office),
            materials: "汇报本年度意识形态工作责任制落实情况，分析网络舆情和干部职工思想动态。".into(),
            status: ItemStatus::OnAgenda,
            history: vec![
                change(ItemStatus::Proposed, c4, ""),
                change(ItemStatus::Reviewed, days_before(today, 7), ""),
                change(ItemStatus::Scheduled, days_before(today, 3), ""),
                change(ItemStatus::OnAgenda, days_before(today, 1), ""),
            ],
            ..base("关于意识形态工作责任制落实情况的报告", Category::Ideology, c4)
        },
    );
    let it_safety = item(
        &mut db,
        AgendaItem {
            proposer: Proposer::Member(chen),
            in_charge: Some(chen),
            administrative: true,
            department: Some(safety),
            materials: "针对冬季道路运输安全形势，拟在全州开展为期三个月的道路运输安全生产专项整治行动，\
                    重点整治客运班线、危险货物运输和农村客运安全隐患。"
                .into(),
            checklist: full,
            status: ItemStatus::OnAgenda,
            history: vec![
                change(ItemStatus::Proposed, c4, "陈静建议"),
                change(ItemStatus::Reviewed, days_before(today, 8), ""),
                change(ItemStatus::DirectorApproved, days_before(today, 6), ""),
                change(ItemStatus::Scheduled, days_before(today, 3), ""),
                change(ItemStatus::OnAgenda, days_before(today, 1), ""),
            ],
            ..base("关于开展道路运输安全生产专项整治行动的议题", Category::Directives, c4)
        },
    );
    let it_travel = item(
        &mut db,
        AgendaItem {
            proposer: Proposer::Member(ma),
            in_charge: Some(ma),
            administrative: true,
            department: Some(finance),
            materials: "根据上级最新规定，修订局机关差旅费和公务接待管理办法，调整住宿费标准和审批流程。".into(),
            checklist: PrepChecklist {
                research: true,
                consultation: true,
                risk_assessment: false,
                legality_review: true,
            },
            status: ItemStatus::DirectorApproved,
            history: vec![
                change(ItemStatus::Proposed, days_before(today, 9), ""),
                change(ItemStatus::Reviewed, days_before(today, 5), "马晓军审核"),
                change(ItemStatus::DirectorApproved, days_before(today, 2), "局长同意，待书记确定上会"),
            ],
            ..base("关于修订局机关差旅费和公务接待管理办法的议题", Category::LegalMatters, days_before(today, 9))
        },
    );
    let _it_pilot = item(
        &mut db,
        AgendaItem {
            proposer: Proposer::Member(abdu),
            in_charge: Some(abdu),
            administrative: true,
            department: Some(transport),
            materials: "拟申报自治区智慧交通试点项目，建设全州道路运输综合监管平台。".into(),
            status: ItemStatus::Proposed,
            history: vec![change(ItemStatus::Proposed, days_before(today, 3), "阿不都热依木·买买提建议")],
            ..base("关于申报智慧交通试点项目的议题", Category::MajorProjects, days_before(today, 3))
        },
    );
    let _ = it_travel;

    // ---- Meetings -----------------------------------------------------------------------
    let settings = db.settings.clone();
    let new_meeting = |db: &mut Db, kind: MeetingKind, title: &str, date: NaiveDate, leave: &[(Id, &str)]| {
        let id = db.new_id();
        Meeting {
            id,
            kind,
            title: title.into(),
            date,
            time: "09:30".into(),
            place: place.into(),
            chair: Some(secretary),
            recorder: "周丽".into(),
            observers: vec![],
            attendance: attendance_at(&db.org, date, leave),
            items: vec![],
            notice: Some(Distribution { on: days_before(date, 3), to: "全体党组成员、列席人员".into() }),
            materials: Some(Distribution { on: days_before(date, 2), to: "全体党组成员".into() }),
            stage: MeetingStage::Closed,
            current_item: 0,
            summary: None,
            amendments: vec![],
        }
    };
    let record = |item: Id| ItemRecord {
        item,
        recused: vec![],
        notes: vec![],
        opinions: vec![],
        ballot: None,
        result: None,
        decision: String::new(),
        supersedes: None,
        superseded_by: None,
    };
    let close = |m: &Meeting, r: &mut ItemRecord, ballot: Ballot, special: bool| {
        r.result = Some(result_of(m, &r.recused, &ballot, special, &settings));
        r.ballot = Some(ballot);
    };

    // Meeting 1: regular meeting, everyone present, show of hands and a named vote.
    let mut m1 = new_meeting(&mut db, MeetingKind::Regular, "党组会议", m1_date, &[]);
    m1.observers = vec![zhou];
    let mut r = record(it_directives);
    r.notes = vec![
        note(Speaker::Observer(zhou), "传达了全区交通运输工作会议精神，汇报了贯彻落实意见（送审稿）的起草情况。"),
        note(
            Speaker::Member(deputy),
            "同意贯彻落实意见。建议把农村公路提档升级和安全监管两项任务细化到季度，明确牵头科室。",
        ),
        note(Speaker::Member(liu), "规划建设科牵头的六项任务可以按期完成，请财务审计科提前做好资金保障。"),
        note(Speaker::Member(zhang), "建议将作风建设要求同步纳入任务分工，防止层层加码。"),
        note(Speaker::Member(secretary), "各分管领导要亲自抓、负总责，办公室建立台账，每月调度一次。"),
    ];
    let ballot = open_vote(&m1, &[], VoteMethod::Hands, |_| (Choice::Yes, None));
    close(&m1, &mut r, ballot, false);
    r.decision = "原则同意贯彻落实意见，由办公室修改完善后印发，并制定任务分工方案，一个月内报党组。".into();
    m1.items.push(r);
    let mut r = record(it_plan);
    r.notes = vec![
        note(Speaker::Member(liu), "汇报了农村公路建设计划的编制情况和项目安排。"),
        note(Speaker::Member(ma), "资金来源已落实，县市配套资金需在计划下达时一并明确。"),
        note(Speaker::Member(deputy), "作为局长，同意该计划，行政事务已按程序审核。"),
        note(Speaker::Member(secretary), "同意。项目建设要严格执行基本建设程序，确保质量和安全。"),
    ];
    let ballot =
        open_vote(
            &m1,
            &[],
            VoteMethod::Named,
            |id| {
                if id == abdu {
                    (Choice::Abstain, None)
                } else {
                    (Choice::Yes, None)
                }
            },
        );
    close(&m1, &mut r, ballot, false);
    r.decision = "审定通过本年度农村公路建设计划，由规划建设科会同财务审计科下达。".into();
    m1.items.push(r);
    m1.stage = MeetingStage::Signed;

    // Meeting 2: expanded meeting with observers; one member on leave with a written opinion.
    let leave_reason = "赴乌鲁木齐参加全区交通运输安全生产培训班";
    let mut m2 = new_meeting(&mut db, MeetingKind::Expanded, "党组扩大会议", m2_date, &[(abdu, leave_reason)]);
    m2.observers = vec![sun, zhou, wu];
    let mut r = record(it_equipment);
    r.notes = vec![
        note(Speaker::Observer(wu), "汇报了检测设备采购预算和资金来源，预算68万元已经市场询价。"),
        note(Speaker::Member(ma), "采购事项已经财务审计科审核，符合资金管理规定，建议采用公开招标。"),
        note(Speaker::Member(liu), "设备很有必要，但当年养护资金较紧，建议分两年采购。"),
        note(Speaker::Member(deputy), "作为局长，同意采购；行政事项已审核。"),
        note(Speaker::Member(secretary), "同意采购，财务审计科要全程监督招标，确保程序合规。"),
    ];
    r.opinions = vec![WrittenOpinion {
        member: abdu, text: "同意采购方案，建议同步制定设备使用管理制度。".into()
    }];
    let ballot = open_vote(&m2, &[], VoteMethod::Named, |id| {
        if id == liu {
            (Choice::No, Some("建议分两年采购，减轻当年预算压力。".into()))
        } else {
            (Choice::Yes, None)
        }
    });
    close(&m2, &mut r, ballot, false);
    r.decision = "同意采购农村公路路况检测设备，预算68万元，采用公开招标方式，由财务审计科负责组织实施。".into();
    m2.items.push(r);
    let mut r = record(it_deferred);
    r.notes = vec![
        note(Speaker::Member(deputy), "汇报了食堂经营方式调整的考虑。"),
        note(Speaker::Member(zhang), "干部职工意见分歧较大，建议进一步调研。"),
        note(Speaker::Member(secretary), "此事暂缓，会后再听取意见，下次会议再议。"),
    ];
    r.decision = "缓议。由办公室进一步征求意见后再提交党组会议。".into();
    m2.items.push(r);
    m2.stage = MeetingStage::Signed;

    // Meeting 3: cadre appointment by secret ballot (⅔ quorum), then an integrity report.
    let mut m3 = new_meeting(&mut db, MeetingKind::Regular, "党组会议", m3_date, &[]);
    m3.observers = vec![zhou];
    let mut r = record(it_personnel);
    r.notes = vec![
        note(Speaker::Member(zhang), "介绍了民主推荐、考察和征求意见情况，考察组一致推荐。"),
        note(Speaker::Member(liu), "杨帆同志业务熟练、作风扎实，同意任用。"),
        note(Speaker::Member(secretary), "程序符合规定，请大家无记名投票表决。"),
    ];
    let voters = super::present_members(&m3, &[]).len() as u32;
    let ballot = Ballot::Secret(SecretTally { yes: voters - 1, no: 0, abstain: 1, invalid: 0 });
    close(&m3, &mut r, ballot, true);
    r.decision = "同意任命杨帆同志为规划建设科科长，试用期一年，由人事科按程序办理。".into();
    m3.items.push(r);
    let mut r = record(it_integrity);
    r.notes = vec![
        note(Speaker::Member(zhang), "汇报了党风廉政建设工作情况和下一步整改措施。"),
        note(Speaker::Member(deputy), "廉政风险点排查要覆盖工程建设、资金拨付和行政审批三个重点领域。"),
        note(Speaker::Member(secretary), "同意报告。各位党组成员要落实一岗双责，年内完成对分管科室负责人的廉政谈话。"),
    ];
    let ballot = open_vote(&m3, &[], VoteMethod::Oral, |_| (Choice::Yes, None));
    close(&m3, &mut r, ballot, false);
    r.decision = "原则同意报告，按整改措施逐项落实，年底前报告整改情况。".into();
    m3.items.push(r);

    // Summaries: meetings 1 and 2 signed off, meeting 3 drafted and waiting for sign-off.
    let mut meetings: Vec<Meeting> = Vec::new();
    for (mut m, signed) in [(m1, true), (m2, true), (m3, false)] {
        let year = m.date.year();
        // Numbered once the year's other meetings are in (below).
        let number = 0;
        // The text the 纪要 screen generates from the minutes (按会议记录重新生成).
        let text = crate::domain::summary::draft_text(&db, &m);
        m.summary = Some(Summary {
            year,
            number,
            text,
            signed: signed.then(|| SignOff {
                by: secretary,
                at: days_after(m.date, 2).and_hms_opt(16, 30, 0).expect("valid time"),
            }),
            replaced: None,
        });
        meetings.push(m);
    }

    // The central study group session (中心组学习) counts as study evidence.
    let mut study = new_meeting(
        &mut db,
        MeetingKind::CentralStudy,
        "中心组学习：《中国共产党党组工作条例》专题学习",
        study_date,
        &[(ma, "因公出差")],
    );
    study.observers = vec![sun];
    study.materials = None;
    meetings.push(study);

    // The next regular meeting, planned, with two items on its agenda.
    let mut m4 = new_meeting(&mut db, MeetingKind::Regular, "党组会议", m4_date, &[]);
    m4.observers = vec![zhou];
    m4.items = vec![record(it_safety), record(it_ideology)];
    m4.stage = MeetingStage::Planned;
    m4.materials = None;
    m4.notice = Some(Distribution { on: days_before(today, 1), to: "全体党组成员、列席人员".into() });
    meetings.push(m4);
    let m1_id = meetings[0].id;
    let m2_id = meetings[1].id;
    let m3_id = meetings[2].id;

    // The rest of the year, then every 纪要 numbered in date order within its year.
    let cast = year::Cast { secretary, deputy, zhang, abdu, liu, ma, chen, office, finance, personnel, transport };
    year::fill(
        &mut db,
        &mut meetings,
        &cast,
        &year::Featured { party: [m1_date, m2_date, m3_date], study: study_date },
        today,
    );
    crate::domain::sort::sort_by_key(&mut meetings, |m| m.date);
    let mut numbered: Vec<Meeting> = Vec::with_capacity(meetings.len());
    for mut m in meetings {
        let next = next_summary_number(&numbered, m.date.year());
        if let Some(s) = &mut m.summary {
            s.number = next;
        }
        numbered.push(m);
    }
    db.meetings = numbered.into_iter().map(Arc::new).collect();

    // ---- Follow-up tasks (督办) ------------------------------------------------------------
    let task = |db: &mut Db, t: FollowUpTask| {
        let id = db.new_id();
        db.tasks.add(FollowUpTask { id, ..t });
    };
    task(
        &mut db,
        FollowUpTask {
            id: 0,
            title: "制定贯彻落实全区交通运输工作会议精神任务分工方案".into(),
            source: Some(DecisionRef { meeting: m1_id, item: it_directives }),
            member: Some(deputy),
            department: Some(office),
            deadline: days_after(m1_date, 30),
            created: days_after(m1_date, 1),
            reports: vec![ProgressReport {
                date: days_after(m1_date, 20),
                text: "已形成分工方案初稿，正在征求各科室意见。".into(),
                by: "周丽".into(),
            }],
            closed: None,
            escalated_to: None,
        },
    );
    task(
        &mut db,
        FollowUpTask {
            id: 0,
            title: "下达本年度农村公路建设计划".into(),
            source: Some(DecisionRef { meeting: m1_id, item: it_plan }),
            member: Some(liu),
            department: Some(planning),
            deadline: days_after(m1_date, 45),
            created: days_after(m1_date, 1),
            reports: vec![
                ProgressReport {
                    date: days_after(m1_date, 15),
                    text: "已完成计划文件起草。".into(),
                    by: "杨帆".into(),
                },
                ProgressReport {
                    date: days_before(today, 21),
                    text: "计划已印发各县市交通运输局。".into(),
                    by: "杨帆".into(),
                },
            ],
            closed: Some(Closure {
                date: days_before(today, 20), result: "计划已下达，各县市已分解落实。".into()
            }),
            escalated_to: None,
        },
    );
    task(
        &mut db,
        FollowUpTask {
            id: 0,
            title: "组织路况检测设备公开招标采购".into(),
            source: Some(DecisionRef { meeting: m2_id, item: it_equipment }),
            member: Some(ma),
            department: Some(finance),
            deadline: days_after(today, 20),
            created: days_after(m2_date, 1),
            reports: vec![ProgressReport {
                date: days_before(today, 8),
                text: "招标公告已发布，预计下月开标。".into(),
                by: "吴倩".into(),
            }],
            closed: None,
            escalated_to: None,
        },
    );
    task(
        &mut db,
        FollowUpTask {
            id: 0,
            title: "办理杨帆同志任职手续".into(),
            source: Some(DecisionRef { meeting: m3_id, item: it_personnel }),
            member: Some(zhang),
            department: Some(personnel),
            deadline: days_after(today, 10),
            created: days_after(m3_date, 1),
            reports: vec![],
            closed: None,
            escalated_to: None,
        },
    );
    task(
        &mut db,
        FollowUpTask {
            id: 0,
            title: "完成对分管科室负责人的廉政谈话".into(),
            source: Some(DecisionRef { meeting: m3_id, item: it_integrity }),
            member: Some(zhang),
            department: Some(personnel),
            deadline: days_after(today, 45),
            created: days_after(m3_date, 1),
            reports: vec![ProgressReport {
                date: days_before(today, 5),
                text: "已完成4名科室负责人的廉政谈话。".into(),
                by: "何云".into(),
            }],
            closed: None,
            escalated_to: None,
        },
    );

    // ---- Duty evidence (履职记录) -----------------------------------------------------------
    let evidence = |db: &mut Db, kind: EvidenceKind, date: NaiveDate, member: Option<Id>, f: &dyn Fn(&mut Evidence)| {
        let id = db.new_id();
        let mut e =
            Evidence { id, kind, date, member, counterpart: None, department: None, days: None, note: String::new() };
        f(&mut e);
        db.evidence.add(e);
    };
    evidence(&mut db, EvidenceKind::IntegrityTalk, days_before(today, 30), Some(deputy), &|e| {
        e.counterpart = Some(liu);
        e.note = "副书记与党组成员廉政谈话".into();
    });
    evidence(&mut db, EvidenceKind::IntegrityTalk, days_before(today, 29), Some(deputy), &|e| {
        e.counterpart = Some(chen);
        e.note = "副书记与党组成员廉政谈话".into();
    });
    evidence(&mut db, EvidenceKind::IntegrityTalk, days_before(today, 18), Some(liu), &|e| {
        e.department = Some(planning);
        e.note = "与规划建设科负责人廉政谈话".into();
    });
    evidence(&mut db, EvidenceKind::IntegrityLecture, days_before(today, 35), Some(secretary), &|e| {
        e.note = "书记讲廉政党课：《严守纪律规矩，建设清廉交通》".into();
    });
    evidence(&mut db, EvidenceKind::VillageDays, days_before(today, 50), Some(secretary), &|e| {
        e.days = Some(8);
        e.note = "在呼图壁县五工台镇“访惠聚”驻村点下沉".into();
    });
    evidence(&mut db, EvidenceKind::VillageDays, days_before(today, 22), Some(deputy), &|e| {
        e.days = Some(6);
        e.note = "在呼图壁县五工台镇“访惠聚”驻村点下沉".into();
    });
    db
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::Presence;
    use crate::domain::task::TaskStatus;
    use crate::domain::validate::{validate_org, validate_settings};

    fn today() -> NaiveDate {
        ymd(2026, 5, 20)
    }

    #[test]
    fn the_example_organisation_is_valid_on_any_day_of_the_year() {
        for d in [ymd(2026, 1, 1), ymd(2026, 3, 1), today(), ymd(2026, 12, 31), ymd(2030, 2, 28)] {
            let db = example_db(d);
            assert_eq!(validate_org(&db.org), vec![], "on {d}");
            assert_eq!(validate_settings(&db.settings), vec![]);
        }
    }

    #[test]
    fn seven_members_serve_today_and_one_former_member_left_last_year() {
        let t = today();
        let db = example_db(t);
        let roster = db.org.roster_at(t);
        assert_eq!(roster.len(), 7);
        let sec = roster.iter().find(|r| r.role == Role::Secretary).unwrap();
        assert!(sec.main_leader && !sec.director);
        let dep = roster.iter().find(|r| r.role == Role::DeputySecretary).unwrap();
        assert!(dep.director && dep.main_leader);
        assert_eq!(roster.iter().filter(|r| r.role == Role::Member).count(), 5);
        let former: Vec<_> = db.org.members.iter().filter(|m| !m.serves_on(t)).collect();
        assert_eq!(former.len(), 1);
        assert_eq!(former[0].terms.last().unwrap().end.unwrap().year(), t.year() - 1);
        assert_eq!(db.org.departments.len(), 6);
        assert!(db.org.departments.iter().all(|d| d.in_charge.is_some() && !d.head.is_empty()));
        assert_eq!(db.org.attendees.len(), 3);
    }

    #[test]
    fn ids_are_unique_and_below_next_id() {
        let db = example_db(today());
        let mut ids: Vec<Id> = db.org.members.iter().map(|m| m.id).collect();
        ids.extend(db.org.departments.iter().map(|d| d.id));
        ids.extend(db.org.attendees.iter().map(|a| a.id));
        ids.extend(db.items.iter().map(|i| i.id));
        ids.extend(db.meetings.iter().map(|m| m.id));
        ids.extend(db.tasks.iter().map(|t| t.id));
        ids.extend(db.evidence.iter().map(|e| e.id));
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert!(ids.iter().all(|i| *i < db.next_id && *i > 0));
    }

    #[test]
    fn every_vote_follows_the_rules() {
        let db = example_db(today());
        let mut named = 0;
        let mut secret = 0;
        for m in &db.meetings {
            // Attendance is the roster on the meeting date.
            let roster: Vec<Id> = db.org.roster_at(m.date).iter().map(|r| r.member).collect();
            let att: Vec<Id> = m.attendance.iter().map(|a| a.member).collect();
            assert_eq!(roster, att, "meeting {}", m.date);
            for r in &m.items {
                let item = db.item(r.item).expect("item exists");
                let (Some(ballot), Some(res)) = (&r.ballot, &r.result) else { continue };
                let present: Vec<Id> = m
                    .attendance
                    .iter()
                    .filter(|a| a.presence == Presence::Present && !r.recused.contains(&a.member))
                    .map(|a| a.member)
                    .collect();
                assert_eq!(res.due as usize, m.attendance.len() - r.recused.len());
                assert_eq!(res.present as usize, present.len());
                assert!(res.passed && res.quorum_met, "{}", item.title);
                assert!(res.yes * 2 > res.due);
                if item.category.needs_special_quorum() {
                    assert!(res.present * 3 > res.due * 2);
                }
                match ballot {
                    Ballot::Open { method, votes } => {
                        if *method == VoteMethod::Named {
                            named += 1;
                        }
                        assert_eq!(votes.last().map(|v| v.member), m.chair, "chair votes last");
                        let voters: Vec<Id> = votes.iter().map(|v| v.member).collect();
                        assert!(voters.iter().all(|v| present.contains(v)));
                        assert_eq!(voters.len(), present.len());
                        assert!(votes.iter().all(|v| v.reservation.is_none() || v.choice == Choice::No));
                    }
                    Ballot::Secret(t) => {
                        secret += 1;
                        assert!(t.yes + t.no + t.abstain + t.invalid <= present.len() as u32);
                    }
                }
            }
        }
        assert!(named >= 1 && secret >= 1);
    }

    #[test]
    fn the_example_covers_the_screens() {
        let t = today();
        let db = example_db(t);
        assert!(db.items.len() >= 8);
        assert!(db.items.iter().any(|i| i.amount_yuan.is_some_and(|a| a >= 50_000)));
        assert!(db.items.iter().any(|i| i.category == Category::Personnel));
        assert!(db.items.iter().any(|i| i.administrative && i.status == ItemStatus::DirectorApproved));
        let past: Vec<_> = db.meetings.iter().filter(|m| m.date < t && m.kind.is_party_group_meeting()).collect();
        // The three featured meetings and one a month before them (see `year`).
        assert!(past.len() >= 3 + 2, "{}", past.len());
        assert!(past.iter().any(|m| m.attendance.iter().any(|a| matches!(a.presence, Presence::Leave { .. }))));
        let signed: Vec<_> =
            db.meetings.iter().filter_map(|m| m.summary.as_ref()).filter(|s| s.signed.is_some()).collect();
        assert!(!signed.is_empty());
        // Each year's 纪要 are numbered 1, 2, 3, … in meeting order.
        let mut by_year: std::collections::BTreeMap<i32, Vec<u32>> = Default::default();
        for s in db.meetings.iter().filter_map(|m| m.summary.as_ref()) {
            by_year.entry(s.year).or_default().push(s.number);
        }
        for (year, numbers) in by_year {
            assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>(), "{year}");
        }
        // Each example 纪要 is the text the app itself drafts from that meeting's minutes.
        for m in db.meetings.iter().filter(|m| m.summary.is_some()) {
            assert_eq!(m.summary.as_ref().unwrap().text, crate::domain::summary::draft_text(&db, m));
        }
        // The printed page lists attendance from the record (summary::attendance_lines): the
        // text does not repeat it (it did, so every printed example named everyone twice).
        for s in db.meetings.iter().filter_map(|m| m.summary.as_ref()) {
            let body = crate::domain::summary::body_lines(&s.text);
            // A decision speaks as 会议 once (会议同意… / 会议决定：…).
            assert!(body.iter().any(|l| l.starts_with("会议") && !l.starts_with("会议表决")), "{body:?}");
            for label in ["出席：", "请假：", "列席：", "记录："] {
                assert!(!body.iter().any(|l| l.trim_start().starts_with(label)), "{label} in {body:?}");
            }
        }
        assert!(db.meetings.iter().any(|m| m.stage == MeetingStage::Planned && m.date > t && !m.items.is_empty()));
        assert!(db.tasks.iter().any(|x| x.status(t) == TaskStatus::Overdue));
        assert!(db.tasks.iter().any(|x| x.status(t) == TaskStatus::Done));
        assert!(db.meetings.iter().any(|m| m.kind == MeetingKind::CentralStudy));
        for k in [EvidenceKind::IntegrityTalk, EvidenceKind::VillageDays] {
            assert!(db.evidence.iter().any(|e| e.kind == k));
        }
        // The database survives a JSON round trip unchanged.
        let json = serde_json::to_string(&db).unwrap();
        assert_eq!(serde_json::from_str::<Db>(&json).unwrap(), db);
    }
}
