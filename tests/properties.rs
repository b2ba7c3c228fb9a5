//! Invariants over arbitrary input: decoding, segmenting, cutting and
//! aligning never panic; sentences are in order and cover only text; every
//! sentence of both sides is in exactly one bead, in order.

use proptest::prelude::*;
use tralign::align::band;
use tralign::align::cost::Model;
use tralign::anchors::Features;
use tralign::limit::cut_long_sentences;
use tralign::{align_documents, read, AlignOptions, Document, Lang, Lexicon};

/// Text that looks like prose (words, sentence ends, quotes, line ends,
/// combining marks) or any string at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "([A-Za-zÄÖÜäöüß0-9]{1,9}[ .!?,;:\"„“»«()\\-]{0,3}[ \n\r\t]?|\u{308}|\n\n|\r\n){0,40}",
        any::<String>(),
    ]
}

fn document(text: &str, code: &str, presplit: bool) -> Document {
    Document::from_text("t", text, Lang::new(code).unwrap(), presplit)
}

/// Sentences are non-empty, in order, do not overlap, and their text is the
/// text of their span with white space folded.
fn check_sentences(doc: &Document) -> Result<(), TestCaseError> {
    let text = &doc.normalized.text;
    let mut end = 0;
    for s in &doc.sentences {
        prop_assert!(s.span.start >= end && s.span.start < s.span.end);
        prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        let words: Vec<&str> = text[s.span.clone()].split_whitespace().collect();
        prop_assert_eq!(&s.text, &words.join(" "));
        end = s.span.end;
    }
    Ok(())
}

/// Every sentence of both sides in exactly one bead, in order.
fn check_covers(
    beads: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
    (n, m): (usize, usize),
) -> Result<(), TestCaseError> {
    let (mut i, mut j) = (0, 0);
    for (l, r) in beads {
        prop_assert_eq!((l.start, r.start), (i, j));
        prop_assert!(!l.is_empty() || !r.is_empty());
        (i, j) = (l.end, r.end);
    }
    prop_assert_eq!((i, j), (n, m));
    Ok(())
}

/// Sentences of data/news-blinken picked by index, one a line.
fn picked(path: &str, picks: &[usize]) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let picked: Vec<&str> = picks.iter().map(|&k| lines[k % lines.len()]).collect();
    picked.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The band searches of a long pair, forced on short ones by tiny cell
    /// budgets (coarse levels, widenings, stretches searched again), give
    /// paths that take every sentence once, in order, whatever the pair.
    #[test]
    fn band_searches_cover_every_sentence_once_and_in_order(
        left in proptest::collection::vec(0..15usize, 0..70),
        right in proptest::collection::vec(0..15usize, 0..70),
        budget in prop_oneof![Just(0usize), 0..400usize],
    ) {
        let de = document(&picked("data/news-blinken/de.sentences.txt", &left), "de", true);
        let en = document(&picked("data/news-blinken/en.sentences.txt", &right), "en", true);
        let features = Features::extract(
            &de.sentences,
            &de.lang,
            &en.sentences,
            &en.lang,
            &Lexicon::builtin(&de.lang, &en.lang),
            &Lexicon::default(),
        );
        let lp: Vec<usize> = de.sentences.iter().map(|s| s.paragraph).collect();
        let rp: Vec<usize> = en.sentences.iter().map(|s| s.paragraph).collect();
        let pair = band::Pair { features: &features, left_paragraphs: &lp, right_paragraphs: &rp };
        let model = Model::initial(&features);
        let size = (lp.len(), rp.len());
        let path = band::search(pair, &model, 1.0, budget).unwrap();
        check_covers(&path.beads, size)?;
        let first = band::cheapest(pair, &model, budget).unwrap();
        check_covers(&first, size)?;
        let near = band::search_near(pair, &model, 1.0, budget, &first).unwrap();
        check_covers(&near.beads, size)?;
    }

    /// The fast paths of white-space folding and word folding spell what
    /// the plain definitions spell.
    #[test]
    fn fast_folds_agree_with_the_plain_ones(text in text()) {
        let words: Vec<&str> = text.split_whitespace().collect();
        prop_assert_eq!(tralign::segment::fold_space(&text), words.join(" "));
        let mut out = String::new();
        for word in words {
            prop_assert_eq!(tralign::anchors::fold_into(word, &mut out), tralign::anchors::fold(word));
        }
    }

    #[test]
    fn any_text_aligns_with_every_sentence_once_and_in_order(
        left in text(),
        right in text(),
        presplit in any::<bool>(),
    ) {
        let de = document(&left, "de", presplit);
        let en = document(&right, "en", presplit);
        check_sentences(&de)?;
        check_sentences(&en)?;
        let alignment = align_documents(&de, &en, &AlignOptions::default());
        let beads: Vec<_> = alignment.beads.iter().map(|b| (b.left.clone(), b.right.clone())).collect();
        check_covers(&beads, (de.sentences.len(), en.sentences.len()))?;
        prop_assert_eq!(alignment.posteriors.len(), alignment.beads.len());
        prop_assert!(alignment.posteriors.iter().all(|p| (0.0..=1.0).contains(p)));
    }

    #[test]
    fn cut_pieces_fit_the_limit_and_keep_every_word(
        text in text(),
        max in 1usize..40,
        presplit in any::<bool>(),
    ) {
        let whole = document(&text, "de", presplit);
        let source = &whole.normalized.text;
        let (pieces, cuts) = cut_long_sentences(source, whole.sentences.clone(), max);
        let doc = Document { sentences: pieces, ..whole.clone() };
        check_sentences(&doc)?;
        prop_assert!(doc.sentences.iter().all(|s| source[s.span.clone()].chars().count() <= max));
        let letters = |ss: &[tralign::Sentence]| -> String {
            ss.iter().flat_map(|s| s.text.chars().filter(|c| !c.is_whitespace())).collect()
        };
        prop_assert_eq!(letters(&doc.sentences), letters(&whole.sentences));
        prop_assert_eq!(doc.sentences.len(), whole.sentences.len() - cuts.sentences + cuts.pieces);
    }

    #[test]
    fn any_bytes_decode_or_give_an_error_naming_the_file(bytes in any::<Vec<u8>>()) {
        match read::decode("in.txt", &bytes, None) {
            Ok(decoded) => prop_assert!(!decoded.text.contains('\0')),
            Err(e) => prop_assert!(e.to_string().starts_with("in.txt: ")),
        }
    }

    #[test]
    fn utf8_text_decodes_to_itself(text in "[^\u{0}-\u{8}\u{b}\u{e}-\u{1f}\u{7f}-\u{9f}]*") {
        let decoded = read::decode("in.txt", text.as_bytes(), None).unwrap();
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        prop_assert_eq!(decoded.text, body);
    }
}
