//! Writing: review rows into bytes.
//!
//! In: [`Row`](crate::review::Row)s and the language codes. Out: a CSV for
//! spreadsheets ([`csv`]) or the ladder format of gold files ([`ladder`]).

pub mod csv;
pub mod ladder;
pub mod sink;
