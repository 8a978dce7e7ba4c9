//! File bytes from [`model`](super::model) data: .docx through docx-rs, .xlsx through
//! rust_xlsxwriter. Only the exporter wasm and the native tests call these.

use std::io::Cursor;

use chrono::Datelike;
use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Table, TableCell,
    TableRow,
};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use super::model::{Cell, DocBlock, Document, Request, Sheet};

/// The MIME type and file bytes of a request.
pub fn render(req: &Request) -> Result<(&'static str, Vec<u8>), String> {
    match req {
        Request::Docx(d) => docx(d).map(|b| (DOCX_MIME, b)),
        Request::Xlsx(s) => xlsx(s).map(|b| (XLSX_MIME, b)),
    }
}

pub const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// 仿宋 三号 (16 pt) for the body, as the printed 纪要 (GB/T 9704-2012 §7.3).
const BODY_FONT: &str = "仿宋_GB2312";
const TITLE_FONT: &str = "方正小标宋简体";
const HEADING_FONT: &str = "黑体";
/// Half-points.
const BODY_SIZE: usize = 32;
const TITLE_SIZE: usize = 44;
const TABLE_SIZE: usize = 24;

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size).fonts(RunFonts::new().east_asia(font).ascii(font).hi_ansi(font))
}

/// One line of body text (16 pt), 28 pt line spacing (22 lines on a page).
fn para(text: &str, font: &str) -> Paragraph {
    Paragraph::new().add_run(run(text, font, BODY_SIZE)).line_spacing(LineSpacing::new().line(560))
}

/// A .docx of `doc`: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
pub fn docx(doc: &Document) -> Result<Vec<u8>, String> {
    // Twips: 1 mm = 56.7 twips.
    let mut d = Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin::new().top(2098).bottom(1984).left(1588).right(1474))
        .default_fonts(RunFonts::new().east_asia(BODY_FONT))
        .default_size(BODY_SIZE);
    for b in &doc.blocks {
        d = match b {
            DocBlock::Title(t) => d.add_paragraph(
                Paragraph::new()
                    .add_run(run(t, TITLE_FONT, TITLE_SIZE))
                    .align(AlignmentType::Center)
                    .line_spacing(LineSpacing::new().line(720)),
            ),
            DocBlock::Centered(t) => d.add_paragraph(para(t, BODY_FONT).align(AlignmentType::Center)),
            DocBlock::Split(l, r) => d.add_paragraph(
                Paragraph::new()
                    .add_run(run(&format!("{l}        {r}"), BODY_FONT, BODY_SIZE))
                    .align(AlignmentType::Center)
                    .line_spacing(LineSpacing::new().line(560)),
            ),
            DocBlock::Heading(t) => {
                d.add_paragraph(para(t, HEADING_FONT).indent(None, Some(SpecialIndentType::FirstLine(640)), None, None))
            }
            DocBlock::Para(t) => {
                d.add_paragraph(para(t, BODY_FONT).indent(None, Some(SpecialIndentType::FirstLine(640)), None, None))
            }
            DocBlock::Plain(t) => d.add_paragraph(para(t, BODY_FONT)),
            DocBlock::Blank => d.add_paragraph(para("", BODY_FONT)),
            DocBlock::Table(rows) => d.add_table(Table::new(
                rows.iter()
                    .map(|r| {
                        TableRow::new(
                            r.iter()
                                .map(|c| {
                                    TableCell::new()
                                        .add_paragraph(Paragraph::new().add_run(run(c, BODY_FONT, TABLE_SIZE)))
                                })
                                .collect(),
                        )
                    })
                    .collect(),
            )),
        };
    }
    let mut out = Cursor::new(Vec::new());
    d.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// A .xlsx of `sheet`: one worksheet, bold header row frozen, dates as Excel dates
/// (`yyyy-mm-dd`), each column as wide as set.
pub fn xlsx(sheet: &Sheet) -> Result<Vec<u8>, String> {
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let name: String = sheet.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    ws.set_name(name).map_err(e)?;
    let head = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, col) in sheet.columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, &col.title, &head).map_err(e)?;
        ws.set_column_width(c, col.width).map_err(e)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) => {
                    ws.write_string(r, c, t).map_err(e)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, c, *n).map_err(e)?;
                }
                Cell::Date(d) => {
                    let x = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).map_err(e)?;
                    ws.write_datetime_with_format(r, c, &x, &date).map_err(e)?;
                }
                Cell::Empty => {}
            }
        }
    }
    ws.set_freeze_panes(1, 0).map_err(e)?;
    wb.save_to_buffer().map_err(e)
}
