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
