//! Input flags shared by the verbs that read texts (`align`, `segment`, `qa`,
//! `diff --pairs`): the encoding and the longest sentence. Turns a path into a [`Document`]
//! and tells the user, on standard error, what they should know about how
//! it was read.

use std::num::NonZeroUsize;

use encoding_rs::Encoding;
use tralign::limit::DEFAULT_MAX_SENTENCE_CHARS;
use tralign::{read, Document, Error, Lang};

/// The library's default maximum, as a flag value.
const DEFAULT_MAX: NonZeroUsize = match NonZeroUsize::new(DEFAULT_MAX_SENTENCE_CHARS) {
    Some(n) => n,
    None => panic!("the default maximum sentence length is not zero"),
};

#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Read the inputs in this encoding (utf-8, utf-16le, utf-16be, windows-1252, latin1, ...)
    /// instead of detecting it.
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    encoding: Option<&'static Encoding>,
    /// Cut sentences longer than this many characters, at a space if there is one.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX)]
    max_sentence_chars: NonZeroUsize,
}

fn parse_encoding(label: &str) -> Result<&'static Encoding, String> {
    read::encoding_for_label(label).ok_or_else(|| {
        format!("unknown encoding {label:?}; try utf-8, utf-16le, utf-16be or windows-1252")
    })
}

impl InputArgs {
    /// Reads, decodes, normalises and segments `path` (`-` for standard
    /// input), noting on standard error an encoding other than UTF-8 and
    /// sentences cut for length.
    pub fn load(&self, path: &str, lang: Lang, presplit: bool) -> Result<Document, Error> {
        let decoded = read::read_decoded(path, self.encoding)?;
        if let Some(note) = decoded.note(path) {
            eprintln!("tralign: {note}");
        }
        let max = self.max_sentence_chars.get();
        let doc = Document::from_text_limited(path, &decoded.text, lang, presplit, max);
        if doc.cuts.sentences > 0 {
            eprintln!(
                "tralign: {path}: cut {} sentence(s) longer than {max} characters into {} pieces \
                 (see --max-sentence-chars)",
                doc.cuts.sentences, doc.cuts.pieces
            );
        }
        Ok(doc)
    }

    /// Loads one side of a pair to `verb` (align, check); a side without
    /// text is refused, as working against nothing almost surely means the
    /// wrong file was given.
    pub fn load_side(
        &self,
        path: &str,
        code: &str,
        presplit: bool,
        verb: &str,
    ) -> Result<Document, Error> {
        let doc = self.load(path, Lang::new(code)?, presplit)?;
        if doc.sentences.is_empty() {
            return Err(Error::input(
                path,
                format!("no text to {verb} (the file is empty or only white space)"),
            ));
        }
        Ok(doc)
    }
}

/// The languages of a pair, left first: given with `--langs`, else guessed
/// from the file names. Also refuses reading both sides from standard input.
pub fn pair_langs(
    left: &str,
    right: &str,
    langs: Option<&[String]>,
) -> Result<(String, String), Error> {
    let codes = match langs {
        Some([l, r]) => (l.clone(), r.clone()),
        Some(_) => {
            return Err(Error::Usage(
                "--langs takes two codes, left first, such as de,en".into(),
            ))
        }
        None => {
            let guess = |f: &str| {
                tralign::lang::code_from_file_name(f).ok_or_else(|| {
                    Error::Usage(format!(
                        "{f}: cannot tell its language from the name; use --langs de,en"
                    ))
                })
            };
            (guess(left)?, guess(right)?)
        }
    };
    if left == "-" && right == "-" {
        return Err(Error::Usage("only one input can be standard input".into()));
    }
    Ok(codes)
}
