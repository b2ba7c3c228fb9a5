//! Limits: no sentence longer than a maximum number of characters.
//!
//! In: the normalised text and its [`Sentence`]s, as segmentation (or
//! presplit) made them. Out: the same sentences, except that one longer
//! than the maximum is cut into pieces of at most that many characters, at
//! the last white space that fits (or, in a run without any, anywhere but
//! inside a combining sequence), and [`Cuts`] saying how many were cut.
//!
//! This keeps the work of every later stage bounded per sentence, whatever
//! the input: a 50 MB line without punctuation becomes 25,000 sentences of
//! 2,000 characters instead of one that no cost model can weigh.

use unicode_normalization::char::canonical_combining_class;

use crate::segment::{fold_space, Sentence};

/// The default maximum, far above any real sentence (the longest sentences
/// of legal or literary prose run to about a thousand characters).
pub const DEFAULT_MAX_SENTENCE_CHARS: usize = 2000;

/// What [`cut_long_sentences`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cuts {
    /// Sentences that were too long.
    pub sentences: usize,
    /// The pieces they were cut into.
    pub pieces: usize,
}

/// Cuts every sentence of more than `max_chars` characters (at least 1)
/// into pieces of at most `max_chars`. `text` is the text the spans point into.
pub fn cut_long_sentences(
    text: &str,
    sentences: Vec<Sentence>,
    max_chars: usize,
) -> (Vec<Sentence>, Cuts) {
    let max_chars = max_chars.max(1);
    let mut cuts = Cuts::default();
    if sentences
        .iter()
        .all(|s| !longer_than(&text[s.span.clone()], max_chars))
    {
        return (sentences, cuts);
    }
    let mut out = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        if !longer_than(&text[sentence.span.clone()], max_chars) {
            out.push(sentence);
            continue;
        }
        cuts.sentences += 1;
        let before = out.len();
        let end = sentence.span.end;
        let mut start = end - text[sentence.span.clone()].trim_start().len();
        // Pieces copy the other fields from a template without the long
        // text: cloning that for every piece made the cut quadratic.
        let template = Sentence {
            text: String::new(),
            ..sentence
        };
        while start < end {
            let rest = &text[start..end];
            let (len, next) = piece(rest, max_chars);
            let span = start..start + len;
            out.push(Sentence {
                text: fold_space(&text[span.clone()]),
                span,
                ..template.clone()
            });
            start += next;
        }
        cuts.pieces += out.len() - before;
    }
    (out, cuts)
}

fn longer_than(s: &str, max_chars: usize) -> bool {
    // Bytes bound chars from above: most sentences need no count at all.
    s.len() > max_chars && s.chars().nth(max_chars).is_some()
}

/// The length in bytes of the first piece of `rest` (which starts with a
/// non-space), without trailing space, and the offset where the next starts.
fn piece(rest: &str, max_chars: usize) -> (usize, usize) {
    let Some((limit, _)) = rest.char_indices().nth(max_chars) else {
        return (rest.trim_end().len(), rest.len());
    };
    let cut = if rest[limit..].starts_with(char::is_whitespace) {
        limit
    } else {
        match rest[..limit].rfind(char::is_whitespace) {
            Some(w) if w > 0 => w,
            _ => starter_at_or_before(rest, limit),
        }
    };
    let len = rest[..cut].trim_end().len();
    let next = rest.len() - rest[cut..].trim_start().len();
    (len, next)
}

/// The last offset at or before `limit` (and after 0) where a character
/// without a combining mark starts, so that a cut keeps `u` and its
/// diaeresis together; `limit` itself if every character before it is a mark.
fn starter_at_or_before(rest: &str, limit: usize) -> usize {
    let mark_at = |i: usize| {
        rest[i..]
            .chars()
            .next()
            .is_some_and(|c| canonical_combining_class(c) != 0)
    };
    let mut at = limit;
    while mark_at(at) {
        match rest[..at].char_indices().next_back() {
            Some((i, _)) if i > 0 => at = i,
            _ => return limit,
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::presplit;

    fn cut(text: &str, max: usize) -> (Vec<String>, Cuts) {
        let (sentences, cuts) = cut_long_sentences(text, presplit(text), max);
        for s in &sentences {
            assert_eq!(s.text, fold_space(&text[s.span.clone()]));
            assert!(s.span.clone().count() > 0 && text[s.span.clone()].chars().count() <= max);
        }
        (sentences.into_iter().map(|s| s.text).collect(), cuts)
    }

    #[test]
    fn short_sentences_are_left_alone() {
        let (pieces, cuts) = cut("Ein Satz.\nNoch einer.\n", 20);
        assert_eq!(pieces, ["Ein Satz.", "Noch einer."]);
        assert_eq!(cuts, Cuts::default());
    }

    #[test]
    fn long_sentences_are_cut_at_the_last_space_that_fits() {
        let (pieces, cuts) = cut("eins zwei drei vier fünf\nkurz\n", 10);
        assert_eq!(pieces, ["eins zwei", "drei vier", "fünf", "kurz"]);
        assert_eq!(
            cuts,
            Cuts {
                sentences: 1,
                pieces: 3
            }
        );
    }

    #[test]
    fn a_run_without_space_is_cut_anywhere_but_inside_a_combining_sequence() {
        let (pieces, _) = cut("abcdefghij", 4);
        assert_eq!(pieces, ["abcd", "efgh", "ij"]);
        // "u" + U+0308 must stay together: the cut moves before the "u".
        let (pieces, _) = cut("abcu\u{308}xyz", 4);
        assert_eq!(pieces, ["abc", "u\u{308}xy", "z"]);
    }

    #[test]
    fn pieces_keep_the_paragraph_of_their_sentence() {
        let text = "a\n\nbbbb bbbb\n";
        let (sentences, _) = cut_long_sentences(text, presplit(text), 5);
        let paragraphs: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 1]);
    }
}
