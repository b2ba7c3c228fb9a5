//! Reading any bytes as a reviewed CSV (`tralign apply`): no panic; a file
//! that reads has its rows sorted by id, and its accepted pairs write out as
//! CSV and TMX units without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tralign::apply::read_review;

fuzz_target!(|bytes: &[u8]| {
    let Ok(review) = read_review("fuzz.csv", bytes) else {
        return;
    };
    assert!(review.rows.windows(2).all(|w| w[0].id <= w[1].id));
    let _ = review.units(true);
    let _ = review.to_csv(true);
});
