//! The ladder format of gold files: one bead a line as `[i, j]:[k]`,
//! 0-based, left indices before the colon, `[]` for an empty side.

use std::ops::Range;

use crate::{Bead, Error};

/// A bead as gold files write it: any sets of indices, not only runs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Link {
    /// Left sentence indices, ascending.
    pub left: Vec<usize>,
    /// Right sentence indices, ascending.
    pub right: Vec<usize>,
}

impl From<&Bead> for Link {
    fn from(b: &Bead) -> Link {
        Link {
            left: b.left.clone().collect(),
            right: b.right.clone().collect(),
        }
    }
}

/// Writes beads as ladder lines.
pub fn to_ladder(beads: &[Bead]) -> String {
    let mut out = String::with_capacity(beads.len() * 16);
    for bead in beads {
        side(&mut out, &bead.left);
        out.push(':');
        side(&mut out, &bead.right);
        out.push('\n');
    }
    out
}

/// Appends `[i, j, …]` for the indices of `r`.
fn side(out: &mut String, r: &Range<usize>) {
    use std::fmt::Write;
    out.push('[');
    for (n, i) in r.clone().enumerate() {
        let sep = if n == 0 { "" } else { ", " };
        // Writing to a String cannot fail.
        let _ = write!(out, "{sep}{i}");
    }
    out.push(']');
}

/// The largest sentence index a ladder may hold: a document tralign reads
/// (at most [`MAX_INPUT_BYTES`](crate::read::MAX_INPUT_BYTES)) has fewer
/// sentences than bytes.
pub const MAX_INDEX: usize = crate::read::MAX_INPUT_BYTES as usize;

/// Reads ladder lines; `name` is used in errors. Blank lines are skipped.
///
/// The beads must make an alignment: each has a sentence on at least one
/// side, and on each side the sentences of a bead come after those of the
/// beads before it, so that no sentence is in two beads and no bead goes
/// back. (A bead may skip an index, as gold files of Text+Berg do.) An
/// error names the line.
pub fn parse_ladder(name: &str, text: &str) -> Result<Vec<Link>, Error> {
    let mut beads = Vec::new();
    // Per side: the last index so far and the line it is on.
    let mut last: [Option<(usize, usize)>; 2] = [None, None];
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let bad = |why: &str| Error::input(name, format!("line {}: {why}: {line}", n + 1));
        let (l, r) = line
            .split_once("]:[")
            .ok_or_else(|| bad("expected [i, ...]:[j, ...]"))?;
        let l = l
            .strip_prefix('[')
            .ok_or_else(|| bad("expected '[' at the start"))?;
        let r = r
            .strip_suffix(']')
            .ok_or_else(|| bad("expected ']' at the end"))?;
        let link = Link {
            left: indices(l).ok_or_else(|| bad("indices must be ascending numbers"))?,
            right: indices(r).ok_or_else(|| bad("indices must be ascending numbers"))?,
        };
        if link.left.is_empty() && link.right.is_empty() {
            return Err(bad("a bead with no sentence on either side"));
        }
        for (k, (side, indices)) in [("left", &link.left), ("right", &link.right)]
            .into_iter()
            .enumerate()
        {
            let (Some(&first), Some(&end)) = (indices.first(), indices.last()) else {
                continue;
            };
            if end > MAX_INDEX {
                return Err(bad(&format!(
                    "{side} index {end} is beyond any document (at most {MAX_INDEX})"
                )));
            }
            match last[k] {
                Some((before, at)) if first == before => {
                    return Err(bad(&format!(
                        "{side} sentence {first} is also in the bead of line {at}"
                    )))
                }
                Some((before, at)) if first < before => {
                    return Err(bad(&format!(
                        "{side} sentence {first} is not after sentence {before} of line {at}: \
                         beads must be in order and must not overlap"
                    )))
                }
                _ => last[k] = Some((end, n + 1)),
            }
        }
        beads.push(link);
    }
    Ok(beads)
}

fn indices(list: &str) -> Option<Vec<usize>> {
    let list = list.trim();
    if list.is_empty() {
        return Some(Vec::new());
    }
    let nums: Vec<usize> = list
        .split(',')
        .map(|x| x.trim().parse().ok())
        .collect::<Option<_>>()?;
    nums.windows(2).all(|w| w[0] < w[1]).then_some(nums)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let text = "[0]:[0]\n[1]:[1, 2]\n[]:[3]\n[2, 3]:[]\n";
        let links = parse_ladder("g", text).unwrap();
        assert_eq!(links[1].right, vec![1, 2]);
        assert!(links[2].left.is_empty());
        let beads: Vec<Bead> = links
            .iter()
            .map(|l| Bead {
                left: l.left.first().map_or(0..0, |&s| s..s + l.left.len()),
                right: l.right.first().map_or(0..0, |&s| s..s + l.right.len()),
            })
            .collect();
        assert_eq!(to_ladder(&beads), text);
    }

    #[test]
    fn bad_lines_are_errors_with_line_numbers() {
        let err = parse_ladder("gold.txt", "[0]:[0]\n[3, 1]:[1]\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "gold.txt: line 2: indices must be ascending numbers: [3, 1]:[1]"
        );
        // Gold files may skip an index inside a bead (Text+Berg does).
        assert_eq!(
            parse_ladder("g", "[1]:[2, 4]").unwrap()[0].right,
            vec![2, 4]
        );
    }
}
