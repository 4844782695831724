//! Nothing lost: on the whole real corpus, every `data-ttu-id` pair is a
//! segment exactly once, with target and source byte-identical to the text
//! between the tags. The expected pairs come from a regular expression over
//! the raw file, independent of the parser under test.

mod common;

use regex::Regex;
use std::collections::BTreeMap;

#[test]
fn every_pair_of_the_corpus_is_read_exactly_once_and_intact() {
    let Some(root) = common::corpus() else { return };
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
        // The corpus is well-formed: the regex sees every opener.
        assert_eq!(opener.find_iter(&text).count(), expected.len(), "{rel}");
        let doc = sxs::read_document(&rel, &text);
        let got: BTreeMap<String, (String, String)> = doc
            .segments
            .iter()
            .map(|s| (s.id.clone(), (s.target.clone(), s.source.clone())))
            .collect();
        assert_eq!(doc.segments.len(), got.len(), "{rel}: an id came out twice");
        assert_eq!(got, expected, "{rel}");
        // Each segment is shown by exactly one row, once.
        let mut placed = vec![0usize; doc.segments.len()];
        for block in &doc.blocks {
            for i in block.segment_indices() {
                placed[i] += 1;
            }
        }
        assert!(placed.iter().all(|&n| n == 1), "{rel}: {placed:?}");
        let errors: Vec<_> = doc
            .diagnostics
            .iter()
            .filter(|d| d.severity == sxs::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{rel}: {errors:#?}");
        files += 1;
        total += expected.len();
    }
    eprintln!("{files} files, {total} pairs checked");
    assert!(
        files >= 368 && total > 30_000,
        "{files} files, {total} pairs"
    );
}
