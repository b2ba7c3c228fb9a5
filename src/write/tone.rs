//! How alarming a row looks: the one judgement the coloured formats (XLSX,
//! HTML) share, so that a row has the same colour in both.
//!
//! In: a review [`Row`]. Out: a [`Tone`].

use crate::qa::Severity;
use crate::review::{Flag, Row};

/// Below this confidence a row is worth a second look even without a flag.
pub const DOUBTFUL_CONFIDENCE: f64 = 0.8;

/// How much attention a row asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tone {
    /// Confident and without flags.
    Good,
    /// Flagged with a warning or an error, or only fairly confident: check it.
    Doubtful,
    /// An empty side or a low confidence: most likely wrong or incomplete.
    Bad,
}

impl Tone {
    /// The tone of `row`. A finding of severity info (a cosmetic matter)
    /// never colours a row.
    pub fn of(row: &Row) -> Tone {
        if row
            .flags
            .iter()
            .any(|f| matches!(f, Flag::Unaligned | Flag::LowConfidence))
        {
            Tone::Bad
        } else if row
            .flags
            .iter()
            .any(|f| f.severity().is_some_and(|s| s < Severity::Info))
            || row.confidence < DOUBTFUL_CONFIDENCE
        {
            Tone::Doubtful
        } else {
            Tone::Good
        }
    }

    /// A lower-case name, used as a CSS class.
    pub fn name(self) -> &'static str {
        match self {
            Tone::Good => "good",
            Tone::Doubtful => "doubtful",
            Tone::Bad => "bad",
        }
    }

    /// A light background colour as `0xRRGGBB`, readable under black text.
    pub fn background(self) -> u32 {
        match self {
            Tone::Good => 0xE8F5E9,
            Tone::Doubtful => 0xFFF4CC,
            Tone::Bad => 0xFDDCDC,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qa::Check;
    use crate::Bead;

    fn row(confidence: f64, flags: Vec<Flag>) -> Row {
        Row {
            id: 1,
            bead: Bead {
                left: 0..1,
                right: 0..1,
            },
            left_text: "a".into(),
            right_text: "b".into(),
            confidence,
            anchors: vec![],
            flags,
        }
    }

    #[test]
    fn flags_and_confidence_set_the_tone() {
        assert_eq!(Tone::of(&row(0.99, vec![])), Tone::Good);
        assert_eq!(Tone::of(&row(0.7, vec![])), Tone::Doubtful);
        let mismatch = Flag::Qa {
            check: Check::Numbers,
            severity: Severity::Error,
            detail: "de has 2022, en has 2023".into(),
        };
        assert_eq!(Tone::of(&row(0.99, vec![mismatch])), Tone::Doubtful);
        let cosmetic = Flag::Qa {
            check: Check::Whitespace,
            severity: Severity::Info,
            detail: "de has a doubled space after 'kam'".into(),
        };
        assert_eq!(Tone::of(&row(0.99, vec![cosmetic.clone()])), Tone::Good);
        assert_eq!(Tone::of(&row(0.7, vec![cosmetic])), Tone::Doubtful);
        assert_eq!(Tone::of(&row(0.99, vec![Flag::Unaligned])), Tone::Bad);
        assert_eq!(Tone::of(&row(0.3, vec![Flag::LowConfidence])), Tone::Bad);
    }
}
