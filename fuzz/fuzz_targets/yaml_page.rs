//! DocFX YAML pages (Landing, FAQ) to markdown, then aligned.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(md) = sxs::yamlpage::to_markdown(text) {
        let _ = sxs::read_document("fuzz.yml", &md);
    }
});
