//! Load, parse and align: any bytes as a page file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = sxs::load::decode(data.to_vec(), "fuzz.md") {
        if sxs::load::within_budget(&text, "fuzz.md").is_ok() {
            let doc = sxs::read_document("fuzz.md", &text);
            // Every segment is shown by exactly one row.
            let mut placed = vec![0usize; doc.segments.len()];
            for block in &doc.blocks {
                for i in block.segment_indices() {
                    placed[i] += 1;
                }
            }
            assert!(placed.iter().all(|&n| n == 1));
        }
    }
});
