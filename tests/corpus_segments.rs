//! Nothing lost: on every real corpus, every `data-ttu-id` pair is a
//! segment exactly once, with target and source byte-identical to the text
//! between the tags. The expected pairs come from a regular expression over
//! the raw file, independent of the parser under test.

mod common;

use regex::Regex;
use std::collections::BTreeMap;

/// Markdown files and pairs each corpus holds at least (its README's figures).
const FLOORS: [(&str, usize, usize); 5] = [
    ("partner-center-pt-br", 368, 30_000),
    ("partner-center-de-de", 350, 30_000),
    ("partner-center-zh-cn", 352, 30_000),
    ("quantum-pt-br", 1_197, 15_000),
    ("hololens-pt-br", 104, 9_500),
];

#[test]
fn every_pair_of_partner_center_pt_br_is_read_exactly_once_and_intact() {
    check_corpus(0);
}

#[test]
fn every_pair_of_partner_center_de_de_is_read_exactly_once_and_intact() {
    check_corpus(1);
}

#[test]
fn every_pair_of_partner_center_zh_cn_is_read_exactly_once_and_intact() {
    check_corpus(2);
}

#[test]
fn every_pair_of_quantum_pt_br_is_read_exactly_once_and_intact() {
    check_corpus(3);
}

#[test]
fn every_pair_of_hololens_pt_br_is_read_exactly_once_and_intact() {
    check_corpus(4);
}

/// Files whose pair markup is damaged in the corpus itself (read by eye:
/// half-escaped tags such as `<span data-ttu-id="ab4f5-510&quot;>`). There
/// the parser must report each damaged pair and keep every intact one.
const DAMAGED: [(&str, &str); 1] = [("hololens-pt-br", "hololens/hololens-kiosk.md")];

fn check_corpus(which: usize) {
    let (name, min_files, min_pairs) = FLOORS[which];
    let Some(root) = common::corpus_named(name) else {
        return;
    };
    let pair = Regex::new(
        r#"(?s)<span data-ttu-id="([^"]+)">(.*?)</span><span class="sxs-lookup"><span data-stu-id="([^"]+)">(.*?)</span></span>"#,
    )
    .unwrap();
    let opener = Regex::new(r#"data-ttu-id=""#).unwrap();
    let mut files = 0;
    let mut total = 0;
    for (rel, path) in common::markdown_files(&root) {
        let text = std::fs::read_to_string(&path).unwrap();
        let expected: BTreeMap<String, (String, String)> = pair
            .captures_iter(&text)
            .map(|c| (c[1].to_owned(), (c[2].to_owned(), c[4].to_owned())))
            .collect();
        let doc = sxs::read_document(&rel, &text);
        let got: BTreeMap<String, (String, String)> = doc
            .segments
            .iter()
            .map(|s| (s.id.clone(), (s.target.clone(), s.source.clone())))
            .collect();
        assert_eq!(doc.segments.len(), got.len(), "{rel}: an id came out twice");
        let errors: Vec<_> = doc
            .diagnostics
            .iter()
            .filter(|d| d.severity == sxs::Severity::Error)
            .collect();
        if DAMAGED.contains(&(name, rel.as_str())) {
            assert!(!errors.is_empty(), "{rel}: the damaged tags are reported");
            assert!(errors.iter().all(|d| d.code == "malformed"), "{errors:#?}");
            for (id, pair) in &expected {
                assert_eq!(got.get(id), Some(pair), "{rel}: intact pair {id}");
            }
        } else {
            // The file is well-formed: the regex sees every opener.
            assert_eq!(opener.find_iter(&text).count(), expected.len(), "{rel}");
            assert_eq!(got, expected, "{rel}");
            assert!(errors.is_empty(), "{rel}: {errors:#?}");
        }
        // Each segment is shown by exactly one row, once.
        let mut placed = vec![0usize; doc.segments.len()];
        for block in &doc.blocks {
            for i in block.segment_indices() {
                placed[i] += 1;
            }
        }
        assert!(placed.iter().all(|&n| n == 1), "{rel}: {placed:?}");
        files += 1;
        total += expected.len();
    }
    eprintln!("{name}: {files} files, {total} pairs checked");
    assert!(
        files >= min_files && total > min_pairs,
        "{name}: {files} files, {total} pairs"
    );
}
