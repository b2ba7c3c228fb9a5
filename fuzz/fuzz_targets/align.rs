//! Aligning any two texts: no panic, and every sentence of both sides is in
//! exactly one bead, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tralign::{align_documents, AlignOptions, Document, Lang};

fuzz_target!(|input: (bool, &str, &str)| {
    let (presplit, left, right) = input;
    let (Ok(de), Ok(en)) = (Lang::new("de"), Lang::new("en")) else {
        return;
    };
    let left = Document::from_text("l", left, de, presplit);
    let right = Document::from_text("r", right, en, presplit);
    let alignment = align_documents(&left, &right, &AlignOptions::default());
    let (mut i, mut j) = (0, 0);
    for bead in &alignment.beads {
        assert_eq!((bead.left.start, bead.right.start), (i, j));
        assert!(!bead.left.is_empty() || !bead.right.is_empty());
        (i, j) = (bead.left.end, bead.right.end);
    }
    assert_eq!((i, j), (left.sentences.len(), right.sentences.len()));
    assert!(alignment.posteriors.iter().all(|p| (0.0..=1.0).contains(p)));
});
