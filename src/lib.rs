//! # tralign
//!
//! Sentence alignment for translators, reviewers and corpus builders: which
//! sentences of one text render which sentences of the other, found from
//! sentence lengths (in the manner of Gale & Church) and anchors that both
//! languages share (numbers, dates, names, cognates, dictionary words).
//!
//! The pipeline, one module a stage:
//! [`read`] bytes → [`normalize`]d text → [`segment`]ed sentences →
//! [`anchors`] (features) → [`align`]ment (cost model + dynamic program) →
//! [`review`]ed rows (confidence, flags) → [`write`](mod@write) (CSV, XLSX, TMX, JSON,
//! HTML, ladder). [`apply`] reads a review CSV back once a reviewer has
//! marked its rows. [`eval`] scores an alignment against a gold one.
//!
//! ```
//! use tralign::{align_documents, AlignOptions, Document, Lang};
//!
//! let de = Document::from_text("de.txt", "Er kam 2022 nach Berlin. Es regnete.", Lang::new("de")?, false);
//! let en = Document::from_text("en.txt", "He came to Berlin in 2022. It rained.", Lang::new("en")?, false);
//! let alignment = align_documents(&de, &en, &AlignOptions::default());
//! assert_eq!(alignment.beads.len(), 2);
//! assert_eq!(alignment.beads[0].left, 0..1);
//! # Ok::<(), tralign::Error>(())
//! ```

pub mod align;
pub mod anchors;
pub mod apply;
pub mod batch;
pub mod dict;
pub mod diff;
pub mod error;
pub mod eval;
pub mod lang;
pub mod limit;
pub mod normalize;
pub mod pair;
pub mod qa;
pub mod read;
pub mod review;
pub mod segment;
pub mod timing;
pub mod write;

pub use align::{align_documents, AlignOptions, Alignment, Bead};
pub use error::Error;
pub use lang::{Lang, Lexicon};
pub use normalize::Normalized;
pub use segment::Sentence;

/// One side of a document pair: its text, language and sentences.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where the text came from (a path, or `-`), for messages.
    pub name: String,
    /// The language of the text.
    pub lang: Lang,
    /// The normalised text that sentence spans point into.
    pub normalized: Normalized,
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
    /// The sentences cut because they were too long (see [`limit`]).
    pub cuts: limit::Cuts,
}

impl Document {
    /// Normalises and segments decoded text. With `presplit`, every non-blank
    /// line is one sentence; otherwise the rules of `lang` split it. A
    /// sentence longer than [`limit::DEFAULT_MAX_SENTENCE_CHARS`] is cut.
    pub fn from_text(name: &str, text: &str, lang: Lang, presplit: bool) -> Document {
        Document::from_text_limited(
            name,
            text,
            lang,
            presplit,
            limit::DEFAULT_MAX_SENTENCE_CHARS,
        )
    }

    /// [`Document::from_text`] with another maximum sentence length, in characters.
    pub fn from_text_limited(
        name: &str,
        text: &str,
        lang: Lang,
        presplit: bool,
        max_sentence_chars: usize,
    ) -> Document {
        let normalized = normalize::normalize(text);
        let sentences = if presplit {
            segment::presplit(&normalized.text)
        } else {
            segment::segment(&normalized.text, &lang)
        };
        let (sentences, cuts) =
            limit::cut_long_sentences(&normalized.text, sentences, max_sentence_chars);
        Document {
            name: name.to_string(),
            lang,
            normalized,
            sentences,
            cuts,
        }
    }
}
