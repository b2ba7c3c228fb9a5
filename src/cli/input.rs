//! Input flags shared by the verbs that read texts (`align`, `segment`, `qa`,
//! `diff --pairs`): the encoding, the longest sentence and the languages.
//! Turns paths into [`Document`]s and tells the user, on standard error,
//! what they should know about how they were read: an encoding other than
//! UTF-8, sentences cut for length, a language guessed from the words, sides
//! that look swapped.

use std::num::NonZeroUsize;

use encoding_rs::Encoding;
use tralign::lang::{choose, choose_pair, Tag};
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
    /// instead of detecting it; two names, left first, give each side its own (utf-16le,auto),
    /// where auto detects.
    #[arg(long, value_name = "NAME", value_delimiter = ',', value_parser = parse_encoding)]
    encoding: Vec<Named>,
    /// Cut sentences longer than this many characters, at a space if there is one.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX)]
    max_sentence_chars: NonZeroUsize,
}

/// An encoding given with `--encoding`, or `None` for `auto`.
#[derive(Debug, Clone, Copy)]
struct Named(Option<&'static Encoding>);

/// The side of a pair an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// The left input (the translation, as a rule).
    Left,
    /// The right input.
    Right,
}

fn parse_encoding(label: &str) -> Result<Named, String> {
    if label.trim().eq_ignore_ascii_case("auto") {
        return Ok(Named(None));
    }
    read::encoding_for_label(label)
        .map(|e| Named(Some(e)))
        .ok_or_else(|| {
            format!(
                "unknown encoding {label:?}; try utf-8, utf-16le, utf-16be, windows-1252 or auto"
            )
        })
}

impl InputArgs {
    /// The encoding to read the input of `side` in (`None`: the only
    /// input), or `None` to detect it. One name is for every input; two,
    /// left first, are for the two sides of a pair. Keyed by side, not by
    /// language, like --langs: both sides may have one language.
    fn encoding(&self, side: Option<Side>) -> Result<Option<&'static Encoding>, Error> {
        match (&self.encoding[..], side) {
            ([], _) => Ok(None),
            ([one], _) => Ok(one.0),
            ([left, _], Some(Side::Left)) => Ok(left.0),
            ([_, right], Some(Side::Right)) => Ok(right.0),
            ([_, _], None) => Err(Error::Usage(
                "--encoding takes one name here, as there is one input".into(),
            )),
            _ => Err(Error::Usage(
                "--encoding takes one name for both inputs, or two, left first, \
                 such as utf-16le,utf-8"
                    .into(),
            )),
        }
    }

    /// Reads and decodes `path` (`-` for standard input), the only input of
    /// the run, noting on standard error an encoding other than UTF-8.
    pub fn read(&self, path: &str) -> Result<String, Error> {
        self.read_side(path, None)
    }

    /// Reads and decodes `path` as the input of `side` (`None`: the only one).
    fn read_side(&self, path: &str, side: Option<Side>) -> Result<String, Error> {
        let decoded = read::read_decoded(path, self.encoding(side)?)?;
        if let Some(note) = decoded.note(path) {
            super::say(note);
        }
        Ok(decoded.text)
    }

    /// Normalises and segments the text of `path`, noting sentences cut for
    /// length.
    pub fn document(&self, path: &str, text: &str, lang: Lang, presplit: bool) -> Document {
        let max = self.max_sentence_chars.get();
        let doc = Document::from_text_limited(path, text, lang, presplit, max);
        if doc.cuts.sentences > 0 {
            super::say(format!(
                "{path}: cut {} sentence(s) longer than {max} characters into {} pieces \
                 (see --max-sentence-chars)",
                doc.cuts.sentences, doc.cuts.pieces
            ));
        }
        doc
    }

    /// Reads one text whose language is `given`, else told from its file
    /// name or its words (noted on standard error); `flag` is how the user
    /// names it, for the error when nothing tells.
    pub fn load(
        &self,
        path: &str,
        given: Option<&Tag>,
        flag: &str,
        presplit: bool,
    ) -> Result<Document, Error> {
        let text = self.read(path)?;
        let tag = match choose(path, &text, given, flag) {
            Ok(choice) => {
                if let Some(note) = choice.note(path) {
                    super::say(note);
                }
                choice.tag
            }
            // Nothing to split, so no language to tell: "undetermined".
            Err(_) if text.trim().is_empty() => Tag::parse("und")?,
            Err(e) => return Err(e),
        };
        Ok(self.document(path, &text, Lang::of(&tag), presplit))
    }

    /// Reads the two sides of a pair for `verb` (align, check), their
    /// languages given with `--langs` or told from the file names or the
    /// words. A side without text is refused, as working against nothing
    /// almost surely means the wrong file was given.
    pub fn load_pair(
        &self,
        (left, right): (&str, &str),
        langs: Option<&[Tag]>,
        presplit: bool,
        verb: &str,
    ) -> Result<(Document, Document), Error> {
        if left == "-" && right == "-" {
            return Err(Error::Usage("only one input can be standard input".into()));
        }
        let given = given_pair(langs)?;
        // Reading and decoding one side does not wait for the other.
        let (l, r) = rayon::join(
            || self.read_side(left, Some(Side::Left)),
            || self.read_side(right, Some(Side::Right)),
        );
        let (l, r) = (l?, r?);
        let no_text = |path: &str| {
            Error::input(
                path,
                format!("no text to {verb} (the file is empty or only white space)"),
            )
        };
        for (path, text) in [(left, &l), (right, &r)] {
            if text.trim().is_empty() {
                return Err(no_text(path));
            }
        }
        let (lc, rc, warning) = choose_pair((left, &l), (right, &r), given.as_ref())?;
        for note in [lc.note(left), rc.note(right), warning]
            .into_iter()
            .flatten()
        {
            super::say(note);
        }
        let (ld, rd) = rayon::join(
            || self.document(left, &l, Lang::of(&lc.tag), presplit),
            || self.document(right, &r, Lang::of(&rc.tag), presplit),
        );
        for doc in [&ld, &rd] {
            if doc.sentences.is_empty() {
                return Err(no_text(&doc.name));
            }
        }
        Ok((ld, rd))
    }
}

/// Parses a BCP-47 language tag on the command line.
pub fn parse_tag(s: &str) -> Result<Tag, String> {
    Tag::parse(s).map_err(|e| e.to_string())
}

/// The two tags of `--langs`, left first, if given.
pub fn given_pair(langs: Option<&[Tag]>) -> Result<Option<(Tag, Tag)>, Error> {
    langs.map(two_tags).transpose()
}

/// The two tags of `--langs`, left first.
pub fn two_tags(langs: &[Tag]) -> Result<(Tag, Tag), Error> {
    match langs {
        [l, r] => Ok((l.clone(), r.clone())),
        other => Err(Error::Usage(format!(
            "--langs takes two language tags, left first, such as de,en; found {}",
            other.len()
        ))),
    }
}
