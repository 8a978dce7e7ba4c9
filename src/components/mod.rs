//! Shared widgets.

pub mod article_link;
pub mod banner;
pub mod field;
pub mod quorum_banner;
