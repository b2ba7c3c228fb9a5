//! The library's one error type. Every variant renders as one line that names
//! the file (and the row, for a CSV) it is about.

use std::io;

/// Everything that can go wrong in tralign.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned, or `-` for standard input/output.
        path: String,
        /// What the operating system said.
        source: io::Error,
    },
    /// A file was read but its content is not usable.
    #[error("{path}: {message}")]
    Input {
        /// The file concerned.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A cell of a CSV file is not usable.
    #[error("{path}: row {row}, column {column}: {message}")]
    Cell {
        /// The file concerned.
        path: String,
        /// The 1-based row number as a spreadsheet shows it (the header is row 1).
        row: u64,
        /// The column name.
        column: String,
        /// What is wrong with the cell.
        message: String,
    },
    /// The options given do not make sense together.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// An [`Error::Input`] for `path`.
    pub fn input(path: &str, message: impl Into<String>) -> Error {
        Error::Input {
            path: path.to_string(),
            message: message.into(),
        }
    }

    /// An [`Error::Io`] for `path`.
    pub fn io(path: &str, source: io::Error) -> Error {
        Error::Io {
            path: path.to_string(),
            source,
        }
    }
}

/// `text` with the characters that could drive a terminal or hide what a
/// message says written as escapes: control characters (ESC, CR, line
/// feed, C1 controls), line and paragraph separators, and the marks that
/// reorder text on screen (bidirectional overrides and isolates). Messages
/// quote file names and file content, which a crafted file controls.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        c.is_control()
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{061C}' | '\u{200E}' | '\u{200F}'
            )
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    if !text.contains(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if hidden(c) && (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if hidden(c) => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("de.txt: Grüße"), "de.txt: Grüße");
        assert_eq!(
            printable("a\u{1b}[2Jb\rc\nd\u{2028}e\u{202E}f\u{85}"),
            "a\\x1b[2Jb\\rc\\nd\\u{2028}e\\u{202e}f\\x85"
        );
    }
}
