//! `tralign batch --jsonl`, one input line at a time: any line gives one
//! output line of JSON, never a panic; it is either an error record with
//! the line number or an alignment whose beads cover every sentence of
//! both texts once, in order, with a confidence from 0 to 1 per bead. A
//! pair made into a JSON line always aligns.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tralign::batch::jsonl::{align_line, AlignmentRecord, ErrorRecord};

fn check(line: &str, number: usize) -> Option<AlignmentRecord> {
    let defaults = ("de".to_string(), "en".to_string());
    let out = align_line(line, number, Some(&defaults));
    assert!(!out.contains('\n'), "{out}");
    if let Ok(record) = serde_json::from_str::<ErrorRecord>(&out) {
        assert_eq!(record.line, number);
        return None;
    }
    let record: AlignmentRecord = serde_json::from_str(&out).expect("an alignment record");
    assert_eq!(record.beads.len(), record.confidence.len());
    assert!(record.confidence.iter().all(|p| (0.0..=1.0).contains(p)));
    let (mut i, mut j) = (0, 0);
    for (l, r) in &record.beads {
        assert!(!l.is_empty() || !r.is_empty());
        for (side, next) in [(l, &mut i), (r, &mut j)] {
            for &k in side {
                assert_eq!(k, *next);
                *next += 1;
            }
        }
    }
    Some(record)
}

fuzz_target!(|input: (&str, &str, &str, bool, u8)| {
    let (raw, left, right, presplit, id) = input;
    check(raw, 7);
    let line = serde_json::json!({"id": id, "left": left, "right": right, "presplit": presplit});
    let record = check(&line.to_string(), 1).expect("a pair made into a line aligns");
    assert_eq!(record.id, serde_json::Value::from(id));
});
