//! The office files (src/office) built from the example data: the 纪要 and the annual report as
//! .docx, the 议题台账, 督办台账 and 履职台账 as .xlsx. The files are opened as the zip archives
//! they are and their parts read: text, frozen header row, dates stored as dates, column widths.
#![cfg(not(target_arch = "wasm32"))] // native tests: the wasm32 build runs tests/web_*.rs

use std::io::{Cursor, Read};

use chrono::NaiveDate;
use yishi::domain::summary::number_label;
use yishi::office::{
    build::{duties_sheet, items_sheet, report_document, request, summary_document, tasks_sheet, OfficeFile},
    render::{docx, render, xlsx, DOCX_MIME, XLSX_MIME},
    Cell, Request,
};
use yishi::sample::example::example_db;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

/// The text of one part of a zip archive.
fn part(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut s = String::new();
    z.by_name(name).unwrap_or_else(|_| panic!("part {name}")).read_to_string(&mut s).unwrap();
    s
}

/// The text runs of a part, joined (XML tags dropped).
fn runs(xml: &str) -> String {
    xml.split("<w:t")
        .skip(1)
        .filter_map(|s| s.split_once('>').and_then(|(_, r)| r.split_once("</w:t>")))
        .map(|(t, _)| t)
        .collect()
}

#[test]
fn the_summary_docx_carries_heading_number_body_and_imprint_on_a4() {
    let db = example_db(today());
    let (id, m) =
        db.meetings.iter().find_map(|m| m.summary.as_ref().map(|_| (m.id, m))).expect("a meeting with a 纪要");
    let s = m.summary.as_ref().unwrap();
    let bytes = docx(&summary_document(&db, id).unwrap()).unwrap();
    let xml = part(&bytes, "word/document.xml");
    let text = runs(&xml);
    assert!(text.contains("党组会议纪要"), "{text}");
    assert!(text.contains(&number_label(s.year, s.number)), "{text}");
    let first_body_line = s.text.lines().map(str::trim).find(|l| l.contains("会议") && !l.contains("纪要")).unwrap();
    assert!(text.contains(first_body_line), "body line {first_body_line} missing");
    assert!(text.contains("印发"), "the 版记 is missing: {text}");
    assert!(xml.contains(r#"w:w="11906""#) && xml.contains(r#"w:h="16838""#), "A4 page size");
    assert!(xml.contains("方正小标宋简体") && xml.contains("仿宋_GB2312"), "official fonts");
}

#[test]
fn the_summary_docx_floats_its_imprint_to_the_foot_and_numbers_pages_outside() {
    let db = example_db(today());
    let id = db.meetings.iter().find(|m| m.summary.is_some()).unwrap().id;
    let bytes = docx(&summary_document(&db, id).unwrap()).unwrap();
    let xml = part(&bytes, "word/document.xml");
    // The 版记 is the last table, floating at the bottom of the type area.
    let table = &xml[xml.rfind("<w:tbl>").expect("the 版记 table")..];
    let pos = &table[table.find("<w:tblpPr").expect("a floating table")..];
    let pos = &pos[..pos.find("/>").unwrap()];
    assert!(pos.contains(r#"w:vertAnchor="margin""#) && pos.contains(r#"w:tblpYSpec="bottom""#), "{pos}");
    assert!(runs(table).contains("印发"), "the 版记 is in the floating table");
    // Odd pages number at the right, even pages at the left, `— N —`.
    assert!(part(&bytes, "word/settings.xml").contains("evenAndOddHeaders"), "even and odd footers");
    let footers: Vec<String> = ["word/footer1.xml", "word/footer2.xml"].iter().map(|f| part(&bytes, f)).collect();
    for f in &footers {
        assert!(f.contains("PAGE") && runs(f).starts_with("— ") && runs(f).ends_with(" —"), "{f}");
    }
    assert!(footers[0].contains(r#"w:val="right""#) && footers[1].contains(r#"w:val="left""#), "{footers:?}");
    assert!(xml.contains(r#"w:type="even""#), "the even footer is referenced");
}

#[test]
fn the_files_are_named_in_chinese_with_their_number_or_date() {
    let db = example_db(today());
    let m = db.meetings.iter().find(|m| m.summary.is_some()).unwrap();
    let s = m.summary.as_ref().unwrap();
    let name = |f| request(&db, f, today()).map(|(_, n)| n);
    assert_eq!(name(OfficeFile::Summary(m.id)).unwrap(), format!("纪要〔{}〕{}号.docx", s.year, s.number));
    assert_eq!(name(OfficeFile::Tasks).unwrap(), "督办台账-2026-06-15.xlsx");
    assert_eq!(name(OfficeFile::Items).unwrap(), "议题台账-2026-06-15.xlsx");
    assert_eq!(name(OfficeFile::Duties(2026)).unwrap(), "2026年履职台账-2026-06-15.xlsx");
    assert_eq!(name(OfficeFile::Report(2026)).unwrap(), "2026年度履职情况统计-2026-06-15.docx");
    let bare = db.meetings.iter().find(|m| m.summary.is_none()).unwrap();
    assert_eq!(name(OfficeFile::Summary(bare.id)), None, "no 纪要, no file");
    assert!(matches!(request(&db, OfficeFile::Duties(2026), today()), Some((Request::Xlsx(_), _))));
}

#[test]
fn a_meeting_without_a_summary_has_no_document() {
    let db = example_db(today());
    let m = db.meetings.iter().find(|m| m.summary.is_none()).expect("a meeting without 纪要");
    assert!(summary_document(&db, m.id).is_none());
}

#[test]
fn the_report_docx_has_the_four_sections_and_the_totals() {
    let db = example_db(today());
    let doc = report_document(&db, 2026, today());
    let text = runs(&part(&docx(&doc).unwrap(), "word/document.xml"));
    for h in ["年度履职情况统计", "一、会议召开情况", "二、议题情况", "三、决策督办情况", "四、履职情况", "合计"]
    {
        assert!(text.contains(h), "{h} missing");
    }
    let held = yishi::domain::stats::annual_stats(&db, 2026, today()).meetings_held();
    assert!(text.contains(&format!("合计{held}")), "total {held} missing: {text}");
}

#[test]
fn the_item_register_has_one_row_per_item_a_frozen_header_and_real_dates() {
    let db = example_db(today());
    let sheet = items_sheet(&db);
    assert_eq!(sheet.rows.len(), db.items.len());
    assert!(sheet.rows.iter().all(|r| matches!(r[4], Cell::Date(_))));
    let bytes = xlsx(&sheet).unwrap();
    let ws = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(ws.contains(r#"ySplit="1""#) && ws.contains(r#"state="frozen""#), "header row frozen: {ws}");
    assert_eq!(ws.matches("<row ").count(), db.items.len() + 1, "header + one row per item");
    assert!(ws.contains(r#"width="48.7109375""#) || ws.contains("customWidth=\"1\""), "column widths set");
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("yyyy-mm-dd"), "a date number format");
    let wb = part(&bytes, "xl/workbook.xml");
    assert!(wb.contains("议题台账"), "sheet name");
    assert_eq!(wb.matches("<sheet ").count(), 1, "one sheet");
    let shared = part(&bytes, "xl/sharedStrings.xml");
    for i in db.items.iter().take(3) {
        assert!(shared.contains(i.title.trim()), "{} missing", i.title);
    }
}

#[test]
fn the_follow_up_register_lists_every_task_with_created_and_deadline_as_dates() {
    let db = example_db(today());
    let sheet = tasks_sheet(&db, today());
    assert_eq!(sheet.rows.len(), db.tasks.len());
    let t = db.tasks.iter().min_by_key(|t| (t.deadline, t.id)).unwrap();
    assert_eq!(sheet.rows[0][4], Cell::Date(t.created));
    assert_eq!(sheet.rows[0][5], Cell::Date(t.deadline));
    let ws = part(&xlsx(&sheet).unwrap(), "xl/worksheets/sheet1.xml");
    // Excel's serial number of the first deadline, stored as a number in a date style.
    let serial = (t.deadline - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days();
    assert!(ws.contains(&format!("<v>{serial}</v>")), "deadline serial {serial} missing");
}

#[test]
fn the_duty_register_has_a_row_per_duty_and_the_exporter_request_round_trips() {
    let db = example_db(today());
    let sheet = duties_sheet(&db, 2026, today());
    assert_eq!(sheet.rows.len(), yishi::domain::rules::evaluate_duties(&db, 2026, today()).len());
    let req = Request::Xlsx(sheet);
    let back: Request = serde_json::from_str(&serde_json::to_string(&req).unwrap()).unwrap();
    assert_eq!(back, req);
    let (mime, bytes) = render(&back).unwrap();
    assert_eq!(mime, XLSX_MIME);
    assert!(part(&bytes, "xl/workbook.xml").contains("2026年履职台账"));
    let (mime, _) = render(&Request::Docx(report_document(&db, 2026, today()))).unwrap();
    assert_eq!(mime, DOCX_MIME);
}

/// Converts `bytes` (a file named `name`) with LibreOffice headless to `to` (`csv` or `txt`) and
/// returns the text. LibreOffice is installed by `./dev test`; missing, the test fails.
fn libreoffice(name: &str, bytes: &[u8], to: &str) -> String {
    let dir = std::env::temp_dir().join(format!("yishi-office-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join(name);
    std::fs::write(&src, bytes).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let filter = match to {
        "csv" => "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false",
        "pdf" => "pdf",
        _ => "txt:Text",
    };
    let out = std::process::Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", filter, "--outdir"])
        .arg(&dir)
        .arg(&src)
        .output()
        .expect("soffice (LibreOffice) is needed: ./dev test installs it");
    let stem = name.rsplit_once('.').unwrap().0;
    let converted = dir.join(format!("{stem}.{to}"));
    if !converted.exists() {
        panic!("LibreOffice did not convert {name}: {}", String::from_utf8_lossy(&out.stderr));
    }
    // A PDF is read back as text by poppler's pdftotext: unlike LibreOffice's own text export,
    // it keeps what sits in floating frames, such as the 版记 at the foot of the page.
    let text = if to == "pdf" {
        let pdf = std::process::Command::new("pdftotext")
            .arg(&converted)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is needed: ./dev test installs it");
        String::from_utf8_lossy(&pdf.stdout).into_owned()
    } else {
        std::fs::read_to_string(&converted).unwrap()
    };
    std::fs::remove_dir_all(&dir).ok();
    text
}

#[test]
fn libreoffice_reads_the_follow_up_register_with_its_dates_and_the_summary_text() {
    let db = example_db(today());
    let sheet = tasks_sheet(&db, today());
    let csv = libreoffice("tasks.xlsx", &xlsx(&sheet).unwrap(), "csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), db.tasks.len() + 1, "header + one line per task:\n{csv}");
    assert!(lines[0].starts_with("督办事项,决策来源"), "{}", lines[0]);
    let t = db.tasks.iter().min_by_key(|t| (t.deadline, t.id)).unwrap();
    assert!(lines[1].contains(&t.deadline.format("%Y-%m-%d").to_string()), "deadline as a date: {}", lines[1]);
    assert!(lines[1].contains(t.title.trim()), "{}", lines[1]);

    let (id, s) = db.meetings.iter().find_map(|m| m.summary.as_ref().map(|s| (m.id, s))).unwrap();
    let txt = libreoffice("summary.docx", &docx(&summary_document(&db, id).unwrap()).unwrap(), "pdf");
    // pdftotext spaces Latin digits from CJK characters: compare without white space.
    let flat: String = txt.split_whitespace().collect();
    assert!(flat.contains(&number_label(s.year, s.number)), "{txt}");
    assert!(flat.contains("印发"), "{txt}");
}
