//! Office files: the 纪要 and the annual report as .docx (docx-rs), the 议题台账, 督办台账 and
//! 履职台账 as .xlsx (rust_xlsxwriter). [`model`] holds the files' content as plain serde data,
//! built from the records by [`build`]; [`render`] turns that data into file bytes. The main app
//! only builds the data: rendering runs in the separate exporter wasm (src/bin/exporter.rs), so
//! the two libraries never reach the main wasm.

pub mod build;
pub mod model;
pub mod render;

pub use model::{Cell, Column, DocBlock, Document, Request, Sheet};
