//! One pipeline: every command starts from the same per-page result, so a
//! built site's findings are `sxs check`'s, page for page, and a build runs
//! each per-page stage exactly once. On every corpus in `../shared/corpus`
//! (skipped when absent, required in CI).

mod common;

use regex::Regex;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// A finding as the multiset comparison sees it.
type Key = (String, u64, String, String, String);

fn keys(json: &str) -> BTreeMap<Key, usize> {
    let findings: Vec<Value> = serde_json::from_str(json).unwrap();
    let mut out = BTreeMap::new();
    for f in findings {
        let field = |name: &str| f[name].as_str().unwrap_or_default().to_owned();
        let key = (
            field("file"),
            f["line"].as_u64().unwrap_or_default(),
            field("id"),
            field("code"),
            field("severity"),
        );
        *out.entry(key).or_default() += 1;
    }
    out
}

fn check_json(corpus: &Path) -> String {
    let output = Command::new(common::sxs_bin())
        .args(["check", "--format", "json"])
        .arg(corpus)
        .output()
        .unwrap();
    assert!(output.status.code().is_some_and(|c| c <= 1), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// (errors, warnings) per page, as the review dashboard's table shows them.
fn dashboard_counts(html: &str) -> BTreeMap<String, (usize, usize)> {
    let row = Regex::new(
        r"<small>([^<]+)</small></td><td>.*?</td><td>\d+</td><td>\d+</td><td>(\d+)</td><td>(\d+)</td>",
    )
    .unwrap();
    row.captures_iter(html)
        .map(|c| {
            let rel = c[1].replace("&amp;", "&");
            (rel, (c[2].parse().unwrap(), c[3].parse().unwrap()))
        })
        .collect()
}

#[test]
fn a_built_site_holds_the_findings_of_sxs_check_and_each_stage_runs_once_per_page() {
    for corpus in common::corpora() {
        let name = corpus.file_name().unwrap().to_string_lossy().into_owned();
        let out = tempfile::tempdir().unwrap();
        let public = out.path().join("public");
        let site = sxs::site::Site::open(&corpus, Some(&public)).unwrap();
        let outcome = sxs::build::build(&site, None).unwrap();

        // Each per-page stage ran once for every page (none re-read).
        let pages = outcome.pages;
        assert!(pages > 50, "{name}: {pages} pages");
        assert_eq!(
            site.trace.counts(),
            [pages; 4],
            "{name}: load, align, decide, review"
        );

        // The site's findings are check's, as multisets.
        let built = std::fs::read_to_string(public.join("review/findings.json")).unwrap();
        let (built, checked) = (keys(&built), keys(&check_json(&corpus)));
        assert!(built.len() > 10, "{name}: {} findings", built.len());
        assert_eq!(
            built, checked,
            "{name}: review/findings.json differs from sxs check"
        );

        // The dashboard counts them the same way.
        let dashboard = std::fs::read_to_string(public.join("review/index.html")).unwrap();
        let shown = dashboard_counts(&dashboard);
        assert_eq!(shown.len(), pages, "{name}: dashboard rows");
        let mut expected: BTreeMap<String, (usize, usize)> =
            shown.keys().map(|rel| (rel.clone(), (0, 0))).collect();
        for ((file, _, _, _, severity), n) in &built {
            if let Some(counts) = expected.get_mut(file) {
                match severity.as_str() {
                    "error" => counts.0 += n,
                    "warning" => counts.1 += n,
                    _ => {}
                }
            }
        }
        assert_eq!(shown, expected, "{name}: dashboard counts");

        // The decisions index is split by actor and page: no page over 1 MB.
        for entry in std::fs::read_dir(public.join("decisions")).unwrap() {
            let entry = entry.unwrap();
            let size = entry.metadata().unwrap().len();
            assert!(size < 1 << 20, "{name}: {:?} is {size} bytes", entry.path());
        }
    }
}
