//! Texts of the duties screens.

use super::Text;

/// Texts of the duties screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DutiesText {
    Title,
}

impl Text for DutiesText {
    fn zh(self) -> &'static str {
        match self {
            DutiesText::Title => "履职",
        }
    }
    fn en(self) -> &'static str {
        match self {
            DutiesText::Title => "Duties",
        }
    }
}
