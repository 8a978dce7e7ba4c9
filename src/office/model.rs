//! The content of an office file as plain data, sent to the exporter as JSON.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One spreadsheet cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Text(String),
    /// A date, stored as an Excel date (a number with a date format), not as text.
    Date(NaiveDate),
    /// A whole number (an id, a count, days): the registers hold no fractions.
    Number(i64),
    Empty,
}

/// A column: its header and its width in characters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub title: String,
    pub width: f64,
}

/// A one-sheet workbook: the header row (frozen), then one row per record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// The sheet's name (at most 31 characters, Excel's limit).
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

/// One block of a Word document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DocBlock {
    /// The document's title: centred, 二号 方正小标宋简体.
    Title(String),
    /// A centred line (a document number).
    Centered(String),
    /// A line with text at the left and at the right (the issuing unit and the date).
    Split(String, String),
    /// A first-level heading `一、…` in 黑体.
    Heading(String),
    /// A body paragraph, first line indented two characters.
    Para(String),
    /// A paragraph without indent (attendance lines, the 版记).
    Plain(String),
    /// An empty line.
    Blank,
    /// A table; its first row is the header.
    Table(Vec<Vec<String>>),
    /// The 版记 (GB/T 9704-2012 §7.4), kept at the foot of the last page: 分送 (left out when
    /// empty), then 印发机关 at the left and 印发日期 at the right, between rules.
    Imprint { copy_to: String, issuer: String, date: String },
}

/// A Word document on A4 (GB/T 9704-2012 margins).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub blocks: Vec<DocBlock>,
    /// Page numbers `— N —` in the footer, outside (right on odd pages, left on even ones), as
    /// GB/T 9704-2012 §7.5 numbers an official document's pages.
    #[serde(default)]
    pub page_numbers: bool,
}

/// What the exporter is asked to render.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    Docx(Document),
    Xlsx(Sheet),
}
