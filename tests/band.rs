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

/// The beads of one search of the pair with the given cell budget.
fn beads(left: &Document, right: &Document, full_cells: usize) -> Vec<String> {
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
    let path = band::search(&f, &lp, &rp, &Model::initial(&f), 1.0, full_cells).unwrap();
    path.beads
        .iter()
        .map(|(l, r)| format!("{l:?}:{r:?}"))
        .collect()
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
    // Three copies, each with its own heading; a block of five English
    // sentences is missing from the middle copy.
    let (de, en) = blinken();
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for copy in 1..=3 {
        left.push(format!("Teil {copy}."));
        right.push(format!("Part {copy}."));
        left.extend(de.iter().cloned());
        let mut en = en.clone();
        if copy == 2 {
            en.drain(6..11);
        }
        right.extend(en);
    }
    assert_band_equals_full(&doc("de", &left, "de"), &doc("en", &right, "en"));
}

#[test]
fn band_keeps_one_side_empty_pairs_and_uneven_lengths() {
    let (de, en) = blinken();
    assert_band_equals_full(&doc("de", &de[..3], "de"), &doc("en", &en, "en"));
    assert_band_equals_full(&doc("de", &[], "de"), &doc("en", &en[..4], "en"));
}
