//! Shared widgets.

pub mod article_link;
pub mod banner;
pub mod field;
pub mod chart_svg;
pub mod duty_ui;
pub mod task_status;
