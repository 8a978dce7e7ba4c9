//! Office files: the 纪要 and the annual report as .docx (docx-rs), the 议题台账, 督办台账 and
//! 履职台账 as .xlsx (rust_xlsxwriter). [`model`] holds the files' content as plain serde data,
//! built from the records by [`build`]; [`render`] turns that data into file bytes. Only the
//! exporter wasm (src/bin/exporter.rs) calls [`render`], so the two libraries stay out of the
//! main wasm: it would send the data as JSON and receive the bytes.

pub mod build;
pub mod model;
pub mod render;

pub use model::{Cell, Column, DocBlock, Document, Request, Sheet};
