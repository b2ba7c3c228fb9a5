//! Rendering QA findings: a report grouped by check for people, CSV and
//! JSON for machines.
//!
//! In: [`Finding`]s and the two documents they are about. Out: text or bytes.
//! The CSV and JSON name their columns after the language codes, as the
//! review CSV does (`de_lines`, `en`, ...).

use std::ops::Range;

use serde_json::{Map, Value};

use super::{Check, Finding, Severity};
use crate::write::csv::{line_numbers, neutralise};
use crate::{Document, Error};

/// How many characters of a side the text report shows.
const SHOWN: usize = 110;

/// Findings with what is needed to show them.
pub struct Report<'a> {
    /// The findings, in row order.
    pub findings: &'a [Finding],
    /// The left document.
    pub left: &'a Document,
    /// The right document.
    pub right: &'a Document,
    /// How many rows (beads) were checked.
    pub rows: usize,
}

impl Report<'_> {
    /// A report for the terminal: findings grouped by check with a count
    /// per check, each with its row, line numbers, message and the texts.
    /// With `colour`, ANSI colours mark severities and headings.
    pub fn text(&self, colour: bool) -> String {
        let paint = |code: &str, s: &str| {
            if colour {
                format!("\x1b[{code}m{s}\x1b[0m")
            } else {
                s.to_string()
            }
        };
        let (lc, rc) = (&self.left.lang.code, &self.right.lang.code);
        let mut out = String::new();
        for check in Check::ALL {
            let group: Vec<&Finding> = self.findings.iter().filter(|f| f.check == check).collect();
            if group.is_empty() {
                continue;
            }
            out.push_str(&paint("1", &format!("{check} ({})", group.len())));
            out.push('\n');
            for f in group {
                let severity = match f.severity {
                    Severity::Error => paint("31", "error  "),
                    Severity::Warning => paint("33", "warning"),
                    Severity::Info => paint("36", "info   "),
                };
                out.push_str(&format!(
                    "  {severity} row {} ({lc} {}, {rc} {}): {}\n",
                    f.row,
                    lines(&f.bead.left),
                    lines(&f.bead.right),
                    f.message
                ));
                for (code, doc, range) in [
                    (lc, self.left, &f.bead.left),
                    (rc, self.right, &f.bead.right),
                ] {
                    if !range.is_empty() {
                        out.push_str(&format!(
                            "      {code}: {}\n",
                            shorten(&side_text(doc, range))
                        ));
                    }
                }
            }
            out.push('\n');
        }
        out.push_str(&self.summary());
        out
    }

    /// One line: how many findings, by severity and by check.
    pub fn summary(&self) -> String {
        if self.findings.is_empty() {
            return format!("no findings in {}\n", plural(self.rows, "row"));
        }
        let count = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        let per_check: Vec<String> = Check::ALL
            .iter()
            .filter_map(|&c| {
                let n = self.findings.iter().filter(|f| f.check == c).count();
                (n > 0).then(|| format!("{c} {n}"))
            })
            .collect();
        format!(
            "{} in {}: {}, {}, {} info ({})\n",
            plural(self.findings.len(), "finding"),
            plural(self.rows, "row"),
            plural(count(Severity::Error), "error"),
            plural(count(Severity::Warning), "warning"),
            count(Severity::Info),
            per_check.join(", ")
        )
    }

    fn columns(&self) -> [String; 8] {
        let (lc, rc) = (&self.left.lang.code, &self.right.lang.code);
        [
            "check".into(),
            "severity".into(),
            "row".into(),
            format!("{lc}_lines"),
            format!("{rc}_lines"),
            "message".into(),
            lc.clone(),
            rc.clone(),
        ]
    }

    fn cells(&self, f: &Finding) -> [String; 8] {
        [
            f.check.name().into(),
            f.severity.name().into(),
            f.row.to_string(),
            line_numbers(&f.bead.left),
            line_numbers(&f.bead.right),
            f.message.clone(),
            side_text(self.left, &f.bead.left),
            side_text(self.right, &f.bead.right),
        ]
    }

    /// One finding a row, under a header row; formula-like cells are
    /// neutralised as in the review CSV.
    pub fn csv(&self) -> Result<Vec<u8>, Error> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let fail = |e: csv::Error| Error::Usage(format!("writing CSV: {e}"));
        writer.write_record(self.columns()).map_err(fail)?;
        for f in self.findings {
            writer
                .write_record(self.cells(f).iter().map(|c| neutralise(c)))
                .map_err(fail)?;
        }
        writer
            .into_inner()
            .map_err(|e| Error::Usage(format!("writing CSV: {e}")))
    }

    /// A JSON array with one object a finding, keyed like the CSV columns.
    pub fn json(&self) -> String {
        let columns = self.columns();
        let items: Vec<Value> = self
            .findings
            .iter()
            .map(|f| {
                let mut object = Map::new();
                for (key, cell) in columns.iter().zip(self.cells(f)) {
                    let value = if key == "row" {
                        Value::from(f.row)
                    } else {
                        Value::from(cell)
                    };
                    object.insert(key.clone(), value);
                }
                Value::Object(object)
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&Value::Array(items)).unwrap_or_default();
        text.push('\n');
        text
    }
}

fn lines(range: &Range<usize>) -> String {
    match line_numbers(range) {
        s if s.is_empty() => "-".into(),
        s => s,
    }
}

fn side_text(doc: &Document, range: &Range<usize>) -> String {
    doc.sentences[range.clone()]
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= SHOWN {
        return text.to_string();
    }
    let cut: String = text.chars().take(SHOWN - 1).collect();
    format!("{cut}…")
}

/// `1 row`, `2 rows`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::docs;
    use super::super::{check_beads, Options};
    use super::*;
    use crate::Bead;

    fn report_of(de: &str, en: &str, f: impl Fn(&Report) -> String) -> String {
        let (l, r) = docs(de, en);
        let bead = Bead {
            left: 0..1,
            right: 0..1,
        };
        let findings = check_beads(&l, &r, &[bead], &Options::default());
        f(&Report {
            findings: &findings,
            left: &l,
            right: &r,
            rows: 1,
        })
    }

    #[test]
    fn text_groups_by_check_and_counts() {
        let text = report_of("Er kam 2023.", "Did he come in 2024?", |r| r.text(false));
        assert!(
            text.starts_with(
                "numbers (1)\n  error   row 1 (de 1, en 1): de has 2023, en has 2024\n"
            ),
            "{text}"
        );
        assert!(text.contains("punctuation (1)"), "{text}");
        assert!(
            text.ends_with(
                "2 findings in 1 row: 1 error, 1 warning, 0 info (numbers 1, punctuation 1)\n"
            ),
            "{text}"
        );
        assert!(!text.contains('\x1b'));
        assert!(
            report_of("Er kam 2023.", "He came in 2024.", |r| r.text(true)).contains("\x1b[31m")
        );
    }

    #[test]
    fn csv_and_json_name_columns_by_language() {
        let csv = report_of("Er kam 2023.", "He came in 2024.", |r| {
            String::from_utf8(r.csv().unwrap()).unwrap()
        });
        assert_eq!(
            csv,
            "check,severity,row,de_lines,en_lines,message,de,en\n\
             numbers,error,1,1,1,\"de has 2023, en has 2024\",Er kam 2023.,He came in 2024.\n"
        );
        let json = report_of("Er kam 2023.", "He came in 2024.", |r| r.json());
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v[0]["row"], 1);
        assert_eq!(v[0]["en"], "He came in 2024.");
    }
}
