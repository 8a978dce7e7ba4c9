//! Texts of the meetings screens.

use super::Text;

/// Texts of the meetings screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingsText {
    Title,
}

impl Text for MeetingsText {
    fn zh(self) -> &'static str {
        match self {
            MeetingsText::Title => "会议",
        }
    }
    fn en(self) -> &'static str {
        match self {
            MeetingsText::Title => "Meetings",
        }
    }
}
