//! Reading any text as a ladder (gold or hypothesis file): no panic, and a
//! ladder that reads scores perfectly against itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tralign::eval::score;
use tralign::write::ladder::parse_ladder;

fuzz_target!(|text: &str| {
    let Ok(links) = parse_ladder("fuzz", text) else {
        return;
    };
    let scores = score(&[(links.clone(), links.clone())]);
    if links
        .iter()
        .any(|l| !l.left.is_empty() && !l.right.is_empty())
    {
        assert_eq!(scores.strict.f1, 1.0);
        assert_eq!(scores.lax.f1, 1.0);
    }
});
