//! File bytes from [`model`](super::model) data: .docx through docx-rs, .xlsx through
//! rust_xlsxwriter. Only the exporter wasm and the native tests call these.

use std::io::Cursor;

use chrono::Datelike;
use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Run,
    RunFonts, SpecialIndentType, Table, TableCell, TableCellBorder, TableCellBorderPosition, TableCellBorders,
    TableLayoutType, TablePositionProperty, TableRow, WidthType,
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
/// 4号 (14 pt): the 版记 and the page numbers.
const IMPRINT_SIZE: usize = 28;
/// One character of 4号, in twips.
const IMPRINT_INDENT: i32 = 280;
/// 宋体 for the page numbers (§7.5).
const NUMBER_FONT: &str = "宋体";
/// The type area's width, 156 mm, and the left margin, 28 mm, in twips.
const TYPE_WIDTH: usize = 8845;
const LEFT_MARGIN: usize = 1588;
/// The 版记's column of the date `2026年11月24日印发`; the 印发机关 has the rest of the line.
const DATE_WIDTH: usize = 3800;

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size).fonts(RunFonts::new().east_asia(font).ascii(font).hi_ansi(font))
}

/// One line of body text (16 pt), 28 pt line spacing (22 lines on a page).
fn para(text: &str, font: &str) -> Paragraph {
    Paragraph::new().add_run(run(text, font, BODY_SIZE)).line_spacing(LineSpacing::new().line(560))
}

/// A .docx of `doc`: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
pub fn docx(doc: &Document) -> Result<Vec<u8>, String> {
    // Twips: 1 mm = 56.7 twips. The footer's distance from the page's edge puts the page
    // number's dash line 7 mm below the type area (GB/T 9704-2012 §7.5).
    let mut d = Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin::new().top(2098).bottom(1984).left(LEFT_MARGIN as i32).right(1474).footer(1440))
        .default_fonts(RunFonts::new().east_asia(BODY_FONT))
        .default_size(BODY_SIZE);
    if doc.page_numbers {
        d = d.footer(page_number_footer(true)).even_footer(page_number_footer(false));
    }
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
            // The table floats to the foot of the page of the paragraph that follows it (its
            // anchor, a hairline-high empty one): the last page, as the document ends there.
            DocBlock::Imprint { copy_to, issuer, date } => d
                .add_table(imprint(copy_to, issuer, date))
                .add_paragraph(Paragraph::new().add_run(Run::new().size(2)).line_spacing(exact(20))),
        };
    }
    let mut out = Cursor::new(Vec::new());
    d.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// Line spacing of exactly `twips`.
fn exact(twips: i32) -> LineSpacing {
    LineSpacing::new().line_rule(LineSpacingType::Exact).line(twips)
}

/// Left and right indents of one 4号 character on the `right` or the left.
fn one_char_in(right: bool) -> (Option<i32>, Option<i32>) {
    if right {
        (None, Some(IMPRINT_INDENT))
    } else {
        (Some(IMPRINT_INDENT), None)
    }
}

fn side(right: bool) -> AlignmentType {
    if right {
        AlignmentType::Right
    } else {
        AlignmentType::Left
    }
}

/// The footer with the page number `— N —` in 4号 宋体, one character in from the outer edge:
/// the `right` one for odd pages, the left one for even pages.
fn page_number_footer(right: bool) -> Footer {
    let (left, end) = one_char_in(right);
    let dash = |t: &str| run(t, NUMBER_FONT, IMPRINT_SIZE);
    Footer::new().add_paragraph(
        Paragraph::new()
            .add_run(dash("— "))
            .add_page_num(PageNum::new())
            .add_run(dash(" —"))
            .size(IMPRINT_SIZE)
            .fonts(RunFonts::new().east_asia(NUMBER_FONT).ascii(NUMBER_FONT).hi_ansi(NUMBER_FONT))
            .align(side(right))
            .indent(left, None, end, None),
    )
}

/// The 版记 as a table as wide as the type area, floating at the foot of the type area: 分送
/// (if any) in a row of its own, then 印发机关 at the left and 印发日期 at the right, 4号 仿宋
/// indented one character, under a thick first rule and over a thick last rule with thin
/// rules between (GB/T 9704-2012 §7.4).
fn imprint(copy_to: &str, issuer: &str, date: &str) -> Table {
    // Border sizes in eighths of a point: 0.35 mm and 0.25 mm.
    let rule = |at: TableCellBorderPosition, size: usize| {
        TableCellBorder::new(at).size(size).color("000000").border_type(BorderType::Single)
    };
    let cell = |text: &str, right: bool, top: usize, bottom: usize| {
        let (left, end) = one_char_in(right);
        TableCell::new()
            .add_paragraph(
                Paragraph::new()
                    .add_run(run(text, BODY_FONT, IMPRINT_SIZE))
                    .align(side(right))
                    .indent(left, None, end, None)
                    .line_spacing(exact(560)),
            )
            .set_borders(
                TableCellBorders::with_empty()
                    .set(rule(TableCellBorderPosition::Top, top))
                    .set(rule(TableCellBorderPosition::Bottom, bottom)),
            )
    };
    const THICK: usize = 8;
    const THIN: usize = 6;
    let mut rows = Vec::new();
    if !copy_to.is_empty() {
        rows.push(TableRow::new(vec![cell(&format!("分送：{copy_to}"), false, THICK, THIN).grid_span(2)]));
    }
    let top = if rows.is_empty() { THICK } else { THIN };
    rows.push(TableRow::new(vec![
        cell(issuer, false, top, THICK).width(TYPE_WIDTH - DATE_WIDTH, WidthType::Dxa),
        cell(date, true, top, THICK).width(DATE_WIDTH, WidthType::Dxa),
    ]));
    // Placed from the page's left edge at the left margin rather than centred in the margins:
    // LibreOffice floats a table as wide as the type area only when it is placed on the page.
    Table::without_borders(rows)
        .set_grid(vec![TYPE_WIDTH - DATE_WIDTH, DATE_WIDTH])
        .width(TYPE_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .position(
            TablePositionProperty::new()
                .vertical_anchor("margin")
                .position_y_alignment("bottom")
                .horizontal_anchor("page")
                .position_x(LEFT_MARGIN as i32),
        )
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
                    ws.write_number(r, c, *n as f64).map_err(e)?;
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
