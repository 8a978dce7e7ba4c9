//! The office files' content from the records: the same domain data the printed documents use
//! (`domain::official`, `domain::summary`, `domain::stats`), in Chinese as an office files them.

use chrono::NaiveDate;

use super::model::{Cell, Column, DocBlock, Document, Request, Sheet};
use crate::domain::{
    db::Db,
    official::{issue_note, summary_blocks, task_sheet, Block},
    rules::{evaluate_duties, lifecycle::status_zh},
    stats::annual_stats,
    summary::{amendment_annex, attendance_lines, date_zh, heading, number_label},
    Id,
};

fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

fn cols(spec: &[(&str, f64)]) -> Vec<Column> {
    spec.iter().map(|(t, w)| Column { title: (*t).to_string(), width: *w }).collect()
}

/// An office file the app offers, named by what it is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum OfficeFile {
    /// The 纪要 of a meeting, .docx.
    Summary(Id),
    /// The annual report of a year, .docx.
    Report(i32),
    /// The 议题台账, .xlsx.
    Items,
    /// The 督办台账, .xlsx.
    Tasks,
    /// The 履职台账 of a year, .xlsx.
    Duties(i32),
}

/// What the exporter is asked to render for `file` on `today`, and the file's name: in Chinese
/// with its number or date, as an office files it (`纪要〔2026〕3号.docx`,
/// `督办台账-2026-12-06.xlsx`). `None` for a meeting without a 纪要.
pub fn request(db: &Db, file: OfficeFile, today: NaiveDate) -> Option<(Request, String)> {
    let name = file_name(db, file, today)?;
    let req = match file {
        OfficeFile::Summary(id) => Request::Docx(summary_document(db, id)?),
        OfficeFile::Report(year) => Request::Docx(report_document(db, year, today)),
        OfficeFile::Items => Request::Xlsx(items_sheet(db)),
        OfficeFile::Tasks => Request::Xlsx(tasks_sheet(db, today)),
        OfficeFile::Duties(year) => Request::Xlsx(duties_sheet(db, year, today)),
    };
    Some((req, name))
}

/// The name of `file` made on `today` (see [`request`]); `None` when its record is missing (a
/// meeting without a 纪要).
pub fn file_name(db: &Db, file: OfficeFile, today: NaiveDate) -> Option<String> {
    let day = crate::domain::date_format::ymd(today, "-");
    Some(match file {
        OfficeFile::Summary(id) => {
            let s = db.meeting(id)?.summary.as_ref()?;
            format!("纪要{}.docx", number_label(s.year, s.number))
        }
        OfficeFile::Report(year) => format!("{year}年度履职情况统计-{day}.docx"),
        OfficeFile::Items => format!("议题台账-{day}.xlsx"),
        OfficeFile::Tasks => format!("督办台账-{day}.xlsx"),
        OfficeFile::Duties(year) => format!("{year}年履职台账-{day}.xlsx"),
    })
}

/// What the app sends the exporter: the file, the day, and the records it is made from. The
/// exporter builds the content ([`request`]) and renders it, so that neither the content
/// builders nor the two libraries are in the app's wasm.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Job {
    pub file: OfficeFile,
    pub today: NaiveDate,
    pub db: Db,
}

/// The 纪要 of meeting `id` as printed: heading, number, unit and date, the body exactly as
/// signed, attendance, the amendment annex, and the 版记. `None` without a summary.
pub fn summary_document(db: &Db, id: Id) -> Option<Document> {
    let m = db.meeting(id)?;
    let s = m.summary.as_ref()?;
    let issued = s.signed.as_ref().map(|x| x.at.date()).unwrap_or(m.date);
    let mut blocks = vec![
        DocBlock::Title(heading(&db.org.unit_name)),
        DocBlock::Centered(number_label(s.year, s.number)),
        DocBlock::Split(format!("{}党组", db.org.unit_name), date_zh(m.date)),
        DocBlock::Blank,
    ];
    blocks.extend(summary_blocks(&s.text).into_iter().map(|b| match b {
        Block::Heading(h) => DocBlock::Heading(h),
        Block::Para(p) => DocBlock::Para(p),
        Block::Blank => DocBlock::Blank,
    }));
    blocks.push(DocBlock::Blank);
    blocks.extend(attendance_lines(&db.org, m).into_iter().map(|(g, v)| DocBlock::Plain(format!("{}：{v}", g.zh()))));
    if !m.amendments.is_empty() {
        blocks.push(DocBlock::Blank);
        blocks.extend(amendment_annex(db, m).into_iter().map(DocBlock::Plain));
    }
    let note = issue_note(&db.settings.issue, &db.org, issued);
    blocks.push(DocBlock::Imprint { copy_to: note.copy_to, issuer: note.issuer, date: note.date });
    Some(Document { blocks, page_numbers: true })
}

/// The annual report (年度履职情况统计) of `year` as of `today`, in the sections of the screen.
pub fn report_document(db: &Db, year: i32, today: NaiveDate) -> Document {
    let s = annual_stats(db, year, today);
    let short = s.short_months(today);
    let mut kinds = vec![vec!["会议".to_string(), "次数".to_string()]];
    kinds.extend(s.meetings_by_kind.iter().map(|(k, n)| vec![k.zh().to_string(), n.to_string()]));
    kinds.push(vec!["合计".into(), s.meetings_held().to_string()]);
    let mut cats = vec![vec!["类别".to_string(), "议题数".to_string()]];
    cats.extend(s.items_by_category.iter().map(|(c, n)| vec![c.zh().to_string(), n.to_string()]));
    let mut duties = vec![vec!["职责".to_string(), "已完成/应完成".to_string(), "缺项".to_string()]];
    duties.extend(s.duties.iter().filter(|d| d.required > 0 || !d.gaps.is_empty()).map(|d| {
        vec![
            format!("{}（{}）", d.duty.zh(), d.duty.article().zh()),
            format!("{}/{}", d.done, d.required),
            if d.gaps.is_empty() { "无".into() } else { d.gaps.join("；") },
        ]
    }));
    let t = &s.tasks;
    Document {
        blocks: vec![
            DocBlock::Title(format!("{}{year}年度履职情况统计", db.org.unit_name)),
            DocBlock::Centered(format!("截至{}", date_zh(today))),
            DocBlock::Heading("一、会议召开情况".into()),
            DocBlock::Table(kinds),
            DocBlock::Para(format!(
                "未按要求召开党组会议的月份：{}",
                if short.is_empty() {
                    "无".to_string()
                } else {
                    short.iter().map(|m| format!("{m}月")).collect::<Vec<_>>().join("、")
                }
            )),
            DocBlock::Heading("二、议题情况".into()),
            DocBlock::Para(format!("研究议题{}个，作出决定{}项。", s.items_discussed, s.decisions)),
            DocBlock::Table(cats),
            DocBlock::Heading("三、决策督办情况".into()),
            DocBlock::Para(format!(
                "督办事项{}项，其中办结{}项（按期办结{}项），未办结{}项，逾期{}项，办结率{}。",
                t.total,
                t.done,
                t.done_on_time,
                t.total - t.done,
                t.overdue,
                s.completion_pct().map(|p| format!("{p}%")).unwrap_or_else(|| "—".into())
            )),
            DocBlock::Heading("四、履职情况".into()),
            DocBlock::Para(format!("应履行职责{}项，已全部履行{}项。", s.duties_applicable(), s.duties_fulfilled())),
            DocBlock::Table(duties),
        ],
        page_numbers: true,
    }
}

/// 议题台账: every agenda item, oldest first.
pub fn items_sheet(db: &Db) -> Sheet {
    let mut items: Vec<_> = db.items.iter().collect();
    items.sort_by_key(|i| (i.created, i.id));
    Sheet {
        name: "议题台账".into(),
        columns: cols(&[
            ("编号", 8.0),
            ("议题", 48.0),
            ("类别", 16.0),
            ("状态", 14.0),
            ("提出日期", 12.0),
            ("责任科室", 18.0),
            ("分管领导", 12.0),
        ]),
        rows: items
            .iter()
            .map(|i| {
                vec![
                    Cell::Number(i.id.into()),
                    text(i.title.trim()),
                    text(i.category.zh()),
                    text(status_zh(i.status)),
                    Cell::Date(i.created),
                    text(i.department.and_then(|d| db.org.department(d)).map(|d| d.name.clone()).unwrap_or_default()),
                    text(i.in_charge.map(|m| db.org.member_name(m)).unwrap_or_default()),
                ]
            })
            .collect(),
    }
}

/// 督办台账: every follow-up task with its status on `today`, earliest deadline first.
pub fn tasks_sheet(db: &Db, today: NaiveDate) -> Sheet {
    let mut tasks: Vec<_> = db.tasks.iter().collect();
    tasks.sort_by_key(|t| (t.deadline, t.id));
    Sheet {
        name: "督办台账".into(),
        columns: cols(&[
            ("督办事项", 40.0),
            ("决策来源", 36.0),
            ("责任科室", 16.0),
            ("责任领导", 12.0),
            ("交办日期", 12.0),
            ("完成时限", 12.0),
            ("状态", 10.0),
            ("逾期天数", 10.0),
            ("最新进展", 48.0),
        ]),
        rows: tasks
            .iter()
            .map(|t| {
                let s = task_sheet(db, t, today);
                vec![
                    text(s.title),
                    text(s.source),
                    text(s.department),
                    text(s.member),
                    Cell::Date(t.created),
                    Cell::Date(t.deadline),
                    text(s.status),
                    Cell::Number(s.overdue_days),
                    text(s.latest),
                ]
            })
            .collect(),
    }
}

/// 履职台账 of `year` as of `today`: one row per duty of the rules.
pub fn duties_sheet(db: &Db, year: i32, today: NaiveDate) -> Sheet {
    Sheet {
        name: format!("{year}年履职台账"),
        columns: cols(&[
            ("职责", 36.0),
            ("依据", 16.0),
            ("应完成", 8.0),
            ("已完成", 8.0),
            ("下次期限", 12.0),
            ("是否逾期", 10.0),
            ("缺项", 60.0),
        ]),
        rows: evaluate_duties(db, year, today)
            .iter()
            .map(|d| {
                vec![
                    text(d.duty.zh()),
                    text(d.duty.article().zh()),
                    Cell::Number(d.required.into()),
                    Cell::Number(d.done.into()),
                    d.next_due.map(Cell::Date).unwrap_or(Cell::Empty),
                    text(if d.overdue { "是" } else { "否" }),
                    text(d.gaps.join("；")),
                ]
            })
            .collect(),
    }
}
