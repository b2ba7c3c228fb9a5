//! The band search gives the same beads as the full dynamic program.
//!
//! The aligner searches pairs above `FULL_DP_CELLS` cells on a band around a
//! coarse path. These tests force the band on short pairs (a cell budget of
//! zero, or a few hundred cells) and compare with the whole grid.

use tralign::align::band;
use tralign::align::cost::Model;
use tralign::anchors::Features;
use tralign::{Document, Lang, Lexicon};

fn doc(name: &str, lines: &[String], code: &str) -> Document {
    Document::from_text(name, &lines.join("\n"), Lang::new(code).unwrap(), true)
}

fn lines(path: &str) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The anchors of a pair and the paragraph number of each sentence.
fn features(left: &Document, right: &Document) -> (Features, Vec<usize>, Vec<usize>) {
    let lexicon = Lexicon::builtin(&left.lang, &right.lang);
    let f = Features::extract(
        &left.sentences,
        &left.lang,
        &right.sentences,
        &right.lang,
        &lexicon,
        &Lexicon::default(),
    );
    let lp: Vec<usize> = left.sentences.iter().map(|s| s.paragraph).collect();
    let rp: Vec<usize> = right.sentences.iter().map(|s| s.paragraph).collect();
    (f, lp, rp)
}

/// Beads as `0..1:0..2`, for comparing.
fn spelled(beads: &[(std::ops::Range<usize>, std::ops::Range<usize>)]) -> Vec<String> {
    beads.iter().map(|(l, r)| format!("{l:?}:{r:?}")).collect()
}

/// The beads of one search of the pair with the given cell budget.
fn beads(left: &Document, right: &Document, full_cells: usize) -> Vec<String> {
    let (f, lp, rp) = features(left, right);
    let pair = band::Pair {
        features: &f,
        left_paragraphs: &lp,
        right_paragraphs: &rp,
    };
    let path = band::search(pair, &Model::initial(&f), 1.0, full_cells).unwrap();
    spelled(&path.beads)
}

fn assert_band_equals_full(left: &Document, right: &Document) {
    let full = beads(left, right, usize::MAX);
    for budget in [0, 40, 120, 600] {
        assert_eq!(
            beads(left, right, budget),
            full,
            "band with a budget of {budget} cells differs from the full grid"
        );
    }
}

fn blinken() -> (Vec<String>, Vec<String>) {
    (
        lines("data/news-blinken/de.sentences.txt"),
        lines("data/news-blinken/en.sentences.txt"),
    )
}

#[test]
fn band_equals_full_on_news_blinken() {
    let (de, en) = blinken();
    assert_band_equals_full(&doc("de", &de, "de"), &doc("en", &en, "en"));
}

#[test]
fn band_equals_full_with_merges_and_deletions() {
    let (mut de, mut en) = blinken();
    // Two German sentences become one; an English sentence and a German one go missing.
    let joined = format!("{} {}", de[3], de[4]);
    de.splice(3..5, [joined]);
    en.remove(10);
    de.remove(12);
    assert_band_equals_full(&doc("de", &de, "de"), &doc("en", &en, "en"));
}

#[test]
fn band_equals_full_on_a_repeated_text_with_a_missing_block() {
    let (left, right) = repeated_with_a_missing_block();
    assert_band_equals_full(&doc("de", &left, "de"), &doc("en", &right, "en"));
}

/// Three copies of news-blinken, each with its own heading; a block of five
/// English sentences is missing from the middle copy.
fn repeated_with_a_missing_block() -> (Vec<String>, Vec<String>) {
    copies(3, |copy, _, en| {
        if copy == 2 {
            en.drain(6..11);
        }
    })
}

/// `count` copies of news-blinken, each with its own heading, the German and
/// English sentences of copy `c` (from 1) changed by `edit(c, de, en)`.
fn copies(
    count: usize,
    edit: impl Fn(usize, &mut Vec<String>, &mut Vec<String>),
) -> (Vec<String>, Vec<String>) {
    let (de, en) = blinken();
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for copy in 1..=count {
        left.push(format!("Teil {copy}."));
        right.push(format!("Part {copy}."));
        let (mut de, mut en) = (de.clone(), en.clone());
        edit(copy, &mut de, &mut en);
        left.extend(de);
        right.extend(en);
    }
    (left, right)
}

#[test]
fn band_equals_full_with_long_gaps_on_both_sides() {
    // Three copies of news-blinken: the second lacks its last nine English
    // sentences, the third seven German ones. A band that trusted the
    // coarse path's 1-1 beads beside those gaps too far once missed the
    // path here (a finest band drawn with every 1-1 bead as a diagonal).
    let (left, right) = copies(3, |copy, de, en| match copy {
        2 => drop(en.drain(6..)),
        3 => drop(de.drain(6..13)),
        _ => {}
    });
    assert_band_equals_full(&doc("de", &left, "de"), &doc("en", &right, "en"));
}

#[test]
fn band_equals_full_where_the_path_nears_the_edge_of_the_band() {
    // Four copies of news-blinken: the first and fourth lack thirteen
    // English sentences, the second four German ones. The first path found
    // comes near the edge of the band, which is widened there and the
    // stretch of the path around it searched again and put back in place.
    let (left, right) = copies(4, |copy, de, en| match copy {
        1 | 4 => drop(en.drain(1..14)),
        2 => drop(de.drain(4..8)),
        _ => {}
    });
    let (left, right) = (doc("de", &left, "de"), doc("en", &right, "en"));
    assert_band_equals_full(&left, &right);
    let full = beads(&left, &right, usize::MAX);
    assert_eq!(two_pass_beads(&left, &right, 0), full);
}

#[test]
fn band_keeps_one_side_empty_pairs_and_uneven_lengths() {
    let (de, en) = blinken();
    assert_band_equals_full(&doc("de", &de[..3], "de"), &doc("en", &en, "en"));
    assert_band_equals_full(&doc("de", &[], "de"), &doc("en", &en[..4], "en"));
}

/// The beads of the two passes a long pair gets (a cheapest path, then a
/// search around it), forced on a short pair by a cell budget.
fn two_pass_beads(left: &Document, right: &Document, full_cells: usize) -> Vec<String> {
    let (f, lp, rp) = features(left, right);
    let model = Model::initial(&f);
    let pair = band::Pair {
        features: &f,
        left_paragraphs: &lp,
        right_paragraphs: &rp,
    };
    let first = band::cheapest(pair, &model, full_cells).unwrap();
    // The first pass covers every sentence once, in order.
    let (mut i, mut j) = (0, 0);
    for (l, r) in &first {
        assert_eq!((l.start, r.start), (i, j), "first pass leaves a gap");
        (i, j) = (l.end, r.end);
    }
    assert_eq!((i, j), (lp.len(), rp.len()), "first pass stops short");
    let path = band::search_near(pair, &model, 1.0, full_cells, &first).unwrap();
    spelled(&path.beads)
}

#[test]
fn the_two_passes_of_a_long_pair_give_the_beads_of_the_full_grid() {
    // Forced on short pairs: a first pass with fewer shapes (met in the
    // middle on the longer pair), then a band of two cells around its path,
    // widened where the path nears an edge, find what the whole grid finds.
    let (de, en) = blinken();
    let (mut de2, mut en2) = (de.clone(), en.clone());
    let joined = format!("{} {}", de2[3], de2[4]);
    de2.splice(3..5, [joined]);
    en2.remove(10);
    de2.remove(12);
    let (de3, en3) = repeated_with_a_missing_block();
    for (l, r) in [(&de, &en), (&de2, &en2), (&de3, &en3)] {
        let (left, right) = (doc("de", l, "de"), doc("en", r, "en"));
        let full = beads(&left, &right, usize::MAX);
        for budget in [0, 40, 120, 600] {
            assert_eq!(
                two_pass_beads(&left, &right, budget),
                full,
                "two passes with a budget of {budget} cells differ from the full grid"
            );
        }
    }
}
