//! YAML frontmatter, including the locale check.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (meta, body_start, _) = sxs::yaml::parse_frontmatter(text, "fuzz.md");
    assert!(body_start <= text.len());
    if let Some(locale) = meta.content_locale {
        // A locale that passed can never hold a path.
        assert!(!locale.contains(['/', '\\', '.']));
    }
});
