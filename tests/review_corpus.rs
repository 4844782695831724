//! The review on the whole real corpus: every finding is placed and named,
//! and each check stays within the volume measured when it was calibrated
//! (see the README of `examples/review_corpus.rs` for reading samples). A
//! check whose count jumps has started to report noise.

mod common;

use std::collections::BTreeMap;
use sxs::site::Site;

/// Upper bounds per check: about 1.5× the counts measured on the corpus.
const BOUNDS: &[(&str, usize)] = &[
    ("untranslated", 280),
    ("numbers", 20),
    ("markup", 110),
    ("links", 5),
    ("placeholders", 55),
    ("length", 5),
    ("punctuation", 35),
    ("repeated-word", 15),
    ("brackets", 5),
    ("consistency", 1250),
];

#[test]
fn the_checks_report_little_noise_on_the_real_corpus() {
    let Some(root) = common::corpus() else { return };
    let site = Site::open(&root, None).expect("the corpus opens");
    let findings = sxs::pipeline::review_site(&site, false).findings;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for finding in &findings {
        *counts.entry(finding.code.as_str()).or_default() += 1;
        assert!(finding.line >= 1 && finding.column >= 1, "{finding}");
        // Page-level findings (MT, links, images, includes) have no segment.
        let page_level = [
            "machine-translated",
            "broken-link",
            "broken-anchor",
            "missing-image",
            "include",
            "root-link",
            "unresolved-xref",
            "unsafe-html",
        ];
        if !page_level.contains(&finding.code.as_str()) {
            assert!(finding.id.is_some(), "{finding}");
        }
    }
    eprintln!("{counts:#?}");
    for (code, bound) in BOUNDS {
        let count = counts.get(code).copied().unwrap_or(0);
        assert!(
            count <= *bound,
            "{code}: {count} findings, more than {bound}"
        );
    }
}
