//! TMX 1.4b translation memories, for CAT tools (Trados, memoQ, OmegaT).
//!
//! In: [`Unit`]s (a pair of texts with properties and an optional note)
//! and [`TmxOptions`]. Out: a TMX document with one
//! `tu` per unit whose sides are both non-empty, valid against the TMX 1.4
//! DTD. The original's language is the header's `srclang` and comes first in
//! each `tu`; what else is known of a pair (confidence, flags, a reviewer's
//! verdict) goes into `prop`s with types of the form `x-…`, a reviewer's
//! comment into a `note`.

use crate::review::Row;
use crate::write::escape::{attribute, text};
use crate::Error;

/// One translation unit to be.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit<'a> {
    /// The row number, written as `tuid`.
    pub id: usize,
    /// The left text.
    pub left: &'a str,
    /// The right text.
    pub right: &'a str,
    /// Properties as (type, value), such as `("x-confidence", "0.96")`.
    pub props: Vec<(&'static str, String)>,
    /// A reviewer's comment, written as a `note` when not empty.
    pub note: &'a str,
}

/// What the TMX header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmxOptions {
    /// The left language code.
    pub left_lang: String,
    /// The right language code.
    pub right_lang: String,
    /// The language of the original text: one of the two codes.
    pub source_lang: String,
    /// The creation time in seconds since 1970 (UTC).
    pub created: i64,
}

/// The units of review rows, with their confidence and flags as props.
pub fn units_from_rows(rows: &[Row]) -> Vec<Unit<'_>> {
    rows.iter()
        .map(|r| Unit {
            id: r.id,
            left: &r.left_text,
            right: &r.right_text,
            props: std::iter::once(("x-confidence", format!("{:.2}", r.confidence)))
                .chain(r.flags.iter().map(|f| ("x-flag", f.to_string())))
                .collect(),
            note: "",
        })
        .collect()
}

/// Writes the units as a TMX document. A unit with an empty (or blank) side
/// has nothing to translate and is left out. The source language must be
/// one of the two languages.
pub fn to_tmx(units: &[Unit], options: &TmxOptions) -> Result<String, Error> {
    let left_is_source = if options.source_lang == options.left_lang {
        true
    } else if options.source_lang == options.right_lang {
        false
    } else {
        return Err(Error::Usage(format!(
            "the source language '{}' is neither of the two languages {} and {}",
            options.source_lang, options.left_lang, options.right_lang
        )));
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<tmx version=\"1.4\">\n");
    out.push_str(&format!(
        "  <header creationtool=\"tralign\" creationtoolversion=\"{}\" \
         segtype=\"sentence\" o-tmf=\"tralign\" adminlang=\"en\" srclang=\"{}\" \
         datatype=\"plaintext\" creationdate=\"{}\"/>\n",
        attribute(env!("CARGO_PKG_VERSION")),
        attribute(&options.source_lang),
        tmx_date(options.created)
    ));
    out.push_str("  <body>\n");
    for unit in units {
        let (left, right) = (unit.left.trim(), unit.right.trim());
        if left.is_empty() || right.is_empty() {
            continue;
        }
        out.push_str(&format!("    <tu tuid=\"{}\">\n", unit.id));
        if !unit.note.trim().is_empty() {
            out.push_str(&format!("      <note>{}</note>\n", text(unit.note.trim())));
        }
        for (kind, value) in &unit.props {
            out.push_str(&format!(
                "      <prop type=\"{}\">{}</prop>\n",
                attribute(kind),
                text(value)
            ));
        }
        let mut sides = [(&options.left_lang, left), (&options.right_lang, right)];
        if !left_is_source {
            sides.reverse();
        }
        for (lang, seg) in sides {
            out.push_str(&format!(
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n",
                attribute(lang),
                text(seg)
            ));
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    Ok(out)
}

/// A time as TMX writes dates: `YYYYMMDDThhmmssZ`, in UTC.
pub fn tmx_date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let time = seconds.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        time / 3600,
        time / 60 % 60,
        time % 60
    )
}

/// The proleptic Gregorian date of a day counted from 1970-01-01: count in
/// 400-year eras of 146097 days, with years starting in March so that the
/// leap day falls at the end.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(source: &str) -> TmxOptions {
        TmxOptions {
            left_lang: "de".into(),
            right_lang: "en".into(),
            source_lang: source.into(),
            created: 0,
        }
    }

    fn unit<'a>(left: &'a str, right: &'a str) -> Unit<'a> {
        Unit {
            id: 1,
            left,
            right,
            props: vec![("x-confidence", "0.50".into())],
            note: "",
        }
    }

    #[test]
    fn dates_are_utc_in_tmx_form() {
        assert_eq!(tmx_date(0), "19700101T000000Z");
        // 2024-02-29 12:34:56 UTC, a leap day.
        assert_eq!(tmx_date(1_709_210_096), "20240229T123456Z");
        assert_eq!(tmx_date(951_782_400), "20000229T000000Z");
    }

    #[test]
    fn source_side_comes_first_and_empty_sides_are_left_out() {
        let units = [unit("Hallo", "Hello"), unit("", "Only English")];
        let tmx = to_tmx(&units, &options("en")).unwrap();
        let en = tmx.find("xml:lang=\"en\"").unwrap();
        let de = tmx.find("xml:lang=\"de\"").unwrap();
        assert!(en < de);
        assert!(!tmx.contains("Only English"));
        assert_eq!(tmx.matches("<tu ").count(), 1);
        assert!(tmx.contains("srclang=\"en\""));
    }

    #[test]
    fn text_is_escaped_and_forbidden_characters_dropped() {
        let units = [unit("a < b & \u{1}c", "\"x\" > y")];
        let tmx = to_tmx(&units, &options("de")).unwrap();
        assert!(tmx.contains("<seg>a &lt; b &amp; c</seg>"));
        assert!(tmx.contains("<seg>\"x\" &gt; y</seg>"));
    }

    #[test]
    fn a_source_language_outside_the_pair_is_refused() {
        assert!(to_tmx(&[], &options("fr")).is_err());
    }
}
