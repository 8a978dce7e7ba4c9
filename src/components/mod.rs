//! Shared widgets.

pub mod article_link;
pub mod backup_reminder;
pub mod banner;
pub mod chart_svg;
pub mod confirm;
pub mod conflict;
pub mod duty_ui;
pub mod field;
pub mod highlight;
pub mod ios_storage_notice;
pub mod office_export;
pub mod offline_status;
pub mod package_export;
pub mod pager;
pub mod quorum_banner;
pub mod task_status;
