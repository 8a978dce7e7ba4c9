//! Office files: the 纪要 and the annual report as .docx (docx-rs), the 议题台账, 督办台账 and
//! 履职台账 as .xlsx (rust_xlsxwriter). [`model`] holds the files' content as plain serde data,
//! built from the records by [`build`]; [`render`] turns that data into file bytes. The app
//! sends the exporter wasm (src/bin/exporter.rs) a [`build::Job`] (the file and the records) as
//! JSON and receives the bytes: the exporter builds and renders, so the content builders and
//! the two libraries stay out of the main wasm.

pub mod build;
pub mod model;
pub mod render;

pub use model::{Cell, Column, DocBlock, Document, Request, Sheet};
