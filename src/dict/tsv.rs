//! The TSV lexicon: `left<TAB>right` a line; more renderings of the same
//! left word follow after further tabs or `;`. Lines that are blank or start
//! with `#` are skipped.

use super::Entries;
use crate::{read, Error};

/// Adds the entries of a TSV lexicon file.
pub(super) fn read(path: &str, entries: &mut Entries) -> Result<(), Error> {
    let text = read::read_text(path)?;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let head = fields.next().unwrap_or_default().trim();
        let renderings: Vec<&str> = fields
            .flat_map(|f| f.split(';'))
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .collect();
        if head.is_empty() || renderings.is_empty() {
            return Err(Error::input(
                path,
                format!("line {}: expected left<TAB>right, got: {line}", n + 1),
            ));
        }
        entries.add(head, renderings);
    }
    Ok(())
}
