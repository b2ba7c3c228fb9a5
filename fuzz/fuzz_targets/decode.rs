//! Decoding any bytes, detected or in a named encoding: no panic, an error
//! names the file, and decoded text holds no NUL.
#![no_main]

use encoding_rs::{UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use libfuzzer_sys::fuzz_target;
use tralign::read::decode;

fuzz_target!(|input: (u8, &[u8])| {
    let (choice, bytes) = input;
    let forced = [
        None,
        Some(UTF_8),
        Some(UTF_16LE),
        Some(UTF_16BE),
        Some(WINDOWS_1252),
    ][usize::from(choice % 5)];
    match decode("in.txt", bytes, forced) {
        Ok(decoded) => assert!(!decoded.text.contains('\0')),
        Err(e) => assert!(e.to_string().starts_with("in.txt: ")),
    }
});
