//! What the verbs that write review files share: the output formats and how
//! one is chosen from `--format` and the extension of `-o`, the creation
//! time stamped into TMX and XLSX files, and the refusal to pour a binary
//! file onto a terminal.

use std::io::IsTerminal;
use std::path::Path;

use clap::ValueEnum;
use tralign::write::sink::Sink;
use tralign::Error;

/// The formats `align` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The bilingual review CSV.
    Csv,
    /// One bead a line as [i, j]:[k], 0-based, like gold files.
    Ladder,
    /// A TMX 1.4b translation memory, for CAT tools.
    Tmx,
    /// An Excel workbook with the CSV's columns, coloured by confidence.
    Xlsx,
    /// One JSON document with the files and every bead.
    Json,
    /// One JSON object a line, a bead each.
    Jsonl,
    /// A self-contained side-by-side HTML report.
    #[value(alias = "htm")]
    Html,
}

impl Format {
    /// The format to write: `given` (`--format`), else the one the
    /// extension of `output` names (`-o review.xlsx`), else CSV.
    pub fn settle(given: Option<Format>, output: Option<&str>) -> Result<Format, Error> {
        settle(given, output, Format::Csv)
    }
}

/// The format of a verb's output: `given`, else the one the extension of
/// `output` names, else `default`. A `given` format that the extension
/// contradicts is an error, since one of the two is a slip: a CSV in a file
/// named `.xlsx` opens nowhere.
pub fn settle<F: ValueEnum + Copy + PartialEq>(
    given: Option<F>,
    output: Option<&str>,
    default: F,
) -> Result<F, Error> {
    let named = output.and_then(|path| {
        let ext = Path::new(path).extension()?.to_str()?;
        let format = F::from_str(ext, true).ok()?;
        Some((path, ext, format))
    });
    match (given, named) {
        (Some(f), Some((path, ext, named))) if f != named => Err(Error::Usage(format!(
            "-o {path} names a .{ext} file, but --format {} was given; \
             change the extension or leave out --format",
            name(f)
        ))),
        (Some(f), _) => Ok(f),
        (None, Some((_, _, named))) => Ok(named),
        (None, None) => Ok(default),
    }
}

/// The name a format has on the command line.
fn name<F: ValueEnum>(format: F) -> String {
    format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

/// The last second of the year 9999: TMX dates have four-digit years, and
/// Excel's dates end there.
const LAST_SECOND: i64 = 253_402_300_799;

/// Seconds since 1970 to stamp into files: `SOURCE_DATE_EPOCH` if set (for
/// reproducible output), else now.
pub fn creation_time() -> Result<i64, Error> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => {
            let seconds: i64 = value.trim().parse().map_err(|_| {
                Error::Usage(format!(
                    "SOURCE_DATE_EPOCH={value} is not a number of seconds since 1970"
                ))
            })?;
            if !(0..=LAST_SECOND).contains(&seconds) {
                return Err(Error::Usage(format!(
                    "SOURCE_DATE_EPOCH={value} is out of range: give seconds from 0 \
                     (1970) to {LAST_SECOND} (the end of 9999)"
                )));
            }
            Ok(seconds)
        }
        Err(_) => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)),
    }
}

/// Refuses to write XLSX bytes to a terminal, where they would be garbage.
pub fn check_binary_sink(format: Format, sink: &Sink) -> Result<(), Error> {
    if format == Format::Xlsx && *sink == Sink::Stdout && std::io::stdout().is_terminal() {
        return Err(Error::Usage(
            "XLSX is a binary format: write it to a file with -o FILE.xlsx, or into a pipe".into(),
        ));
    }
    Ok(())
}
