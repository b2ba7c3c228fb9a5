//! Diff: what changed between two alignments of a document pair, such as
//! before and after a revision of the translation.
//!
//! In: two [`Table`]s of aligned pairs, read from `align` output (the review
//! CSV, the JSON or JSON Lines, or the ladder format, told apart by their
//! content) or made from review rows. Out: a [`Diff`]: the pairs whose source text stayed and
//! whose translation changed, the pairs added and the pairs removed, in
//! document order, rendered as a table for the terminal or as CSV.
//!
//! Pairs are matched by their source text (white space folded) with a
//! longest common subsequence, so repeated sentences and moved pairs are
//! handled as a diff of the source would handle them. It is found by Myers'
//! algorithm (the `similar` crate, its exact search) in memory linear in the
//! number of pairs; the plain quadratic table it replaces is kept in the
//! tests as the reference it must agree with.

mod read;

use std::collections::HashMap;

use similar::algorithms::{myers, Capture};
use similar::DiffOp;

pub use read::{from_rows, read_table};

use crate::segment::fold_space;
use crate::write::csv::neutralise;
use crate::Error;

/// One aligned pair of an alignment file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 1-based row number.
    pub row: usize,
    /// The left sentence numbers, such as `3-4` (empty for none).
    pub left_lines: String,
    /// The right sentence numbers.
    pub right_lines: String,
    /// The left text (for a ladder file, the left indices).
    pub left: String,
    /// The right text (for a ladder file, the right indices).
    pub right: String,
}

/// The pairs of one alignment, with the names of its two sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The left language code, or `left` when the file does not say.
    pub left_code: String,
    /// The right language code, or `right`.
    pub right_code: String,
    /// The pairs, in order.
    pub entries: Vec<Entry>,
}

/// Which side holds the source text, the one that pairs are matched by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Source {
    /// The left side.
    Left,
    /// The right side, as in `tralign align DE EN` with the English source right.
    #[default]
    Right,
}

/// What happened to a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The source text stayed, its translation changed.
    Changed,
    /// The pair is new.
    Added,
    /// The pair is gone.
    Removed,
}

impl Kind {
    /// The lower-case name used in tables.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Changed => "changed",
            Kind::Added => "added",
            Kind::Removed => "removed",
        }
    }
}

/// One difference between the alignments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What happened.
    pub kind: Kind,
    /// The pair in the old alignment (none if added).
    pub old: Option<Entry>,
    /// The pair in the new alignment (none if removed).
    pub new: Option<Entry>,
}

/// The differences between two alignments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    /// The side matched on.
    pub source: Source,
    /// The side names, from the new table.
    pub codes: (String, String),
    /// The differences, in document order.
    pub changes: Vec<Change>,
    /// How many pairs stayed as they were.
    pub unchanged: usize,
}

impl Entry {
    fn source(&self, source: Source) -> &str {
        match source {
            Source::Left => &self.left,
            Source::Right => &self.right,
        }
    }

    fn target(&self, source: Source) -> &str {
        match source {
            Source::Left => &self.right,
            Source::Right => &self.left,
        }
    }

    /// What pairs are matched by: the source text, or for a pair with no
    /// source (an addition of the translator) the translation.
    fn key(&self, source: Source) -> String {
        match fold_space(self.source(source)) {
            s if s.is_empty() => format!("\u{0}{}", fold_space(self.target(source))),
            s => s,
        }
    }
}

/// Compares an old alignment with a new one.
pub fn diff(old: &Table, new: &Table, source: Source) -> Diff {
    let a: Vec<String> = old.entries.iter().map(|e| e.key(source)).collect();
    let b: Vec<String> = new.entries.iter().map(|e| e.key(source)).collect();
    let mut changes = Vec::new();
    let mut unchanged = 0;
    let (mut i, mut j) = (0, 0);
    for (x, y) in common(&a, &b) {
        for e in &old.entries[i..x] {
            changes.push(change(Kind::Removed, Some(e), None));
        }
        for e in &new.entries[j..y] {
            changes.push(change(Kind::Added, None, Some(e)));
        }
        let (o, n) = (&old.entries[x], &new.entries[y]);
        if fold_space(o.target(source)) == fold_space(n.target(source)) {
            unchanged += 1;
        } else {
            changes.push(change(Kind::Changed, Some(o), Some(n)));
        }
        (i, j) = (x + 1, y + 1);
    }
    for e in &old.entries[i..] {
        changes.push(change(Kind::Removed, Some(e), None));
    }
    for e in &new.entries[j..] {
        changes.push(change(Kind::Added, None, Some(e)));
    }
    Diff {
        source,
        codes: (new.left_code.clone(), new.right_code.clone()),
        changes,
        unchanged,
    }
}

fn change(kind: Kind, old: Option<&Entry>, new: Option<&Entry>) -> Change {
    Change {
        kind,
        old: old.cloned(),
        new: new.cloned(),
    }
}

/// The index pairs of a longest common subsequence of `a` and `b`.
fn common(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    // Equal texts become equal numbers, so that the search compares numbers.
    fn numbers<'a>(texts: &'a [String], ids: &mut HashMap<&'a str, u32>) -> Vec<u32> {
        texts
            .iter()
            .map(|s| {
                let next = ids.len() as u32;
                *ids.entry(s.as_str()).or_insert(next)
            })
            .collect()
    }
    let mut ids = HashMap::new();
    let (a, b) = (numbers(a, &mut ids), numbers(b, &mut ids));
    let mut capture = Capture::new();
    // The exact search: the heuristics of the default one may give up a
    // shorter script, and a diff of a few thousand pairs needs none.
    let Ok(()) = myers::diff_deadline_raw(&mut capture, &a, 0..a.len(), &b, 0..b.len(), None);
    capture
        .into_ops()
        .into_iter()
        .flat_map(|op| match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => (0..len).map(|k| (old_index + k, new_index + k)).collect(),
            _ => Vec::new(),
        })
        .collect()
}

impl Diff {
    /// The source and target side names.
    fn names(&self) -> (&str, &str) {
        match self.source {
            Source::Left => (&self.codes.0, &self.codes.1),
            Source::Right => (&self.codes.1, &self.codes.0),
        }
    }

    /// The cells of a change: kind, old row, new row, source, old and new target.
    fn cells(&self, c: &Change) -> [String; 6] {
        let row = |e: &Option<Entry>| e.as_ref().map_or(String::new(), |e| e.row.to_string());
        let target = |e: &Option<Entry>| {
            e.as_ref()
                .map_or(String::new(), |e| e.target(self.source).to_string())
        };
        let source = c
            .new
            .as_ref()
            .or(c.old.as_ref())
            .map_or(String::new(), |e| e.source(self.source).to_string());
        [
            c.kind.name().to_string(),
            row(&c.old),
            row(&c.new),
            source,
            target(&c.old),
            target(&c.new),
        ]
    }

    /// One line of counts.
    pub fn summary(&self) -> String {
        let count = |k: Kind| self.changes.iter().filter(|c| c.kind == k).count();
        format!(
            "{} changed, {} added, {} removed, {} unchanged\n",
            count(Kind::Changed),
            count(Kind::Added),
            count(Kind::Removed),
            self.unchanged
        )
    }

    /// A table for the terminal, texts cut to `width` characters, and the
    /// counts. Of a changed translation both versions show the stretch
    /// where they first differ, not their common start.
    pub fn to_table(&self, width: usize) -> String {
        let (src, tgt) = self.names();
        let mut out = String::new();
        if !self.changes.is_empty() {
            let head = [
                "change".to_string(),
                "old".into(),
                "new".into(),
                src.to_string(),
                format!("old {tgt}"),
                format!("new {tgt}"),
            ];
            let line = |c: &[String; 6], at: usize| {
                format!(
                    "{:<8} {:>4} {:>4}  {}  {}  {}\n",
                    c[0],
                    c[1],
                    c[2],
                    window(&c[3], 0, width),
                    window(&c[4], at, width),
                    window(&c[5], at, width)
                )
            };
            out.push_str(line(&head, 0).trim_end());
            out.push('\n');
            for c in &self.changes {
                let cells = self.cells(c);
                let at = first_difference(&fold_space(&cells[4]), &fold_space(&cells[5]));
                out.push_str(line(&cells, at).trim_end());
                out.push('\n');
            }
        }
        out.push_str(&self.summary());
        out
    }

    /// One change a row under a header row: `change, old_row, new_row,
    /// <source>, old_<target>, new_<target>`; formula-like cells neutralised.
    pub fn to_csv(&self) -> Result<Vec<u8>, Error> {
        let (src, tgt) = self.names();
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let fail = |e: csv::Error| Error::Usage(format!("writing CSV: {e}"));
        writer
            .write_record([
                "change".to_string(),
                "old_row".into(),
                "new_row".into(),
                src.to_string(),
                format!("old_{tgt}"),
                format!("new_{tgt}"),
            ])
            .map_err(fail)?;
        for c in &self.changes {
            writer
                .write_record(self.cells(c).iter().map(|s| neutralise(s)))
                .map_err(fail)?;
        }
        writer
            .into_inner()
            .map_err(|e| Error::Usage(format!("writing CSV: {e}")))
    }
}

/// The index of the first character where `a` and `b` differ.
fn first_difference(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// `text` (white space folded) in exactly `width` characters, showing the
/// character at index `at` with some context before it: the start of the
/// text if that fits, else a cut-out between ellipses.
fn window(text: &str, at: usize, width: usize) -> String {
    let chars: Vec<char> = fold_space(text).chars().collect();
    if chars.len() <= width {
        let s: String = chars.iter().collect();
        return format!("{s:width$}");
    }
    // A third of the width shows what comes before the difference.
    let start = at.saturating_sub(width / 3);
    if start == 0 {
        let head: String = chars[..width - 1].iter().collect();
        return format!("{head}…");
    }
    // At the end, "…" and the last width - 1 characters; else a cut-out
    // with an ellipsis on either side.
    let start = start.min(chars.len() + 1 - width);
    let (end, tail) = if start + width > chars.len() {
        (chars.len(), "")
    } else {
        (start + width - 2, "…")
    };
    let middle: String = chars[start..end].iter().collect();
    format!("…{middle}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain longest common subsequence: a table of all pairs of
    /// positions, quadratic in memory. [`common`] must find one as long.
    fn reference_lcs_len(a: &[String], b: &[String]) -> usize {
        let (n, m) = (a.len(), b.len());
        let mut lcs = vec![0usize; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if a[i] == b[j] {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        lcs[0]
    }

    proptest! {
        #[test]
        fn common_is_a_longest_common_subsequence(
            a in proptest::collection::vec(0u8..4, 0..40),
            b in proptest::collection::vec(0u8..4, 0..40),
        ) {
            let (a, b): (Vec<String>, Vec<String>) = (
                a.iter().map(|x| x.to_string()).collect(),
                b.iter().map(|x| x.to_string()).collect(),
            );
            let pairs = common(&a, &b);
            prop_assert_eq!(pairs.len(), reference_lcs_len(&a, &b));
            for w in pairs.windows(2) {
                prop_assert!(w[0].0 < w[1].0 && w[0].1 < w[1].1);
            }
            for &(i, j) in &pairs {
                prop_assert_eq!(&a[i], &b[j]);
            }
        }
    }

    #[test]
    fn a_change_late_in_a_long_text_is_shown() {
        let old =
            "Der Winterdienst war mit 300 Fahrzeugen und viel Streugut die ganze Nacht unterwegs.";
        let new =
            "Der Winterdienst war mit 300 Fahrzeugen und viel Streugut die ganze Woche unterwegs.";
        let at = first_difference(old, new);
        let (o, n) = (window(old, at, 38), window(new, at, 38));
        assert_eq!(o.chars().count(), 38);
        assert!(o.contains("Nacht") && n.contains("Woche"), "{o} | {n}");
        assert!(o.starts_with('…'));
        // A change near the start shows the start, as before.
        assert_eq!(
            window("Eins zwei drei vier fünf sechs sieben acht neun", 2, 20),
            "Eins zwei drei vier…"
        );
        assert_eq!(window("kurz", 0, 6), "kurz  ");
        // A change at the very end shows the end.
        let end = window("abcdefghijklmnopqrstuvwxyz", 25, 10);
        assert_eq!(end, "…rstuvwxyz");
    }

    fn table(pairs: &[(&str, &str)]) -> Table {
        Table {
            left_code: "de".into(),
            right_code: "en".into(),
            entries: pairs
                .iter()
                .enumerate()
                .map(|(k, (l, r))| Entry {
                    row: k + 1,
                    left_lines: String::new(),
                    right_lines: String::new(),
                    left: l.to_string(),
                    right: r.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn changes_additions_and_removals_are_told_apart() {
        let old = table(&[("Eins.", "One."), ("Zwei.", "Two."), ("Drei.", "Three.")]);
        let new = table(&[("Eins!", "One."), ("Drei.", "Three."), ("Vier.", "Four.")]);
        let d = diff(&old, &new, Source::Right);
        let kinds: Vec<(Kind, Option<usize>, Option<usize>)> = d
            .changes
            .iter()
            .map(|c| {
                (
                    c.kind,
                    c.old.as_ref().map(|e| e.row),
                    c.new.as_ref().map(|e| e.row),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [
                (Kind::Changed, Some(1), Some(1)),
                (Kind::Removed, Some(2), None),
                (Kind::Added, None, Some(3)),
            ]
        );
        assert_eq!(d.unchanged, 1);
        assert_eq!(d.summary(), "1 changed, 1 added, 1 removed, 1 unchanged\n");
    }

    #[test]
    fn white_space_alone_is_no_change() {
        let old = table(&[("Eins  zwei.", "One two.")]);
        let new = table(&[("Eins zwei.", "One  two.")]);
        assert!(diff(&old, &new, Source::Right).changes.is_empty());
    }

    #[test]
    fn repeated_sources_are_matched_in_order() {
        let old = table(&[("Ja.", "Yes."), ("Nein.", "No."), ("Ja.", "Yes.")]);
        let new = table(&[("Ja.", "Yes."), ("Ja!", "Yes.")]);
        let d = diff(&old, &new, Source::Right);
        let kinds: Vec<Kind> = d.changes.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [Kind::Removed, Kind::Changed]);
    }

    #[test]
    fn csv_has_one_change_a_row() {
        let old = table(&[("Eins.", "One.")]);
        let new = table(&[("Eins!", "One.")]);
        let csv = String::from_utf8(diff(&old, &new, Source::Right).to_csv().unwrap()).unwrap();
        assert_eq!(
            csv,
            "change,old_row,new_row,en,old_de,new_de\nchanged,1,1,One.,Eins.,Eins!\n"
        );
    }
}
