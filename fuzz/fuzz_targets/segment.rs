//! Segmenting (rules or presplit) and cutting any UTF-8 text: no panic, and
//! sentences are non-empty, in order, within the limit and true to their span.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tralign::{Document, Lang};

fuzz_target!(|input: (u8, u8, &str)| {
    let (mode, max, text) = input;
    let code = ["de", "en", "fr"][usize::from(mode % 3)];
    let presplit = mode & 4 != 0;
    let max = usize::from(max) + 1;
    let Ok(lang) = Lang::new(code) else { return };
    let doc = Document::from_text_limited("fuzz", text, lang, presplit, max);
    let source = &doc.normalized.text;
    let mut end = 0;
    for s in &doc.sentences {
        assert!(end <= s.span.start && s.span.start < s.span.end);
        let piece = &source[s.span.clone()];
        assert!(piece.chars().count() <= max);
        assert_eq!(
            s.text,
            piece.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        end = s.span.end;
    }
});
