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

/// The built site's findings: the files `review/findings/index.json`
/// names, concatenated in its order, as one JSON array.
fn site_findings(public: &Path) -> String {
    let dir = public.join("review/findings");
    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    let mut all: Vec<Value> = Vec::new();
    for file in index["files"].as_array().unwrap() {
        let text = std::fs::read_to_string(dir.join(file.as_str().unwrap())).unwrap();
        let part: Vec<Value> = serde_json::from_str(&text).unwrap();
        assert!(
            !part.is_empty() && part.len() <= 5000,
            "{file}: {}",
            part.len()
        );
        all.extend(part);
    }
    assert_eq!(index["count"].as_u64(), Some(all.len() as u64));
    serde_json::to_string(&all).unwrap()
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
        let built = site_findings(&public);
        let (built, checked) = (keys(&built), keys(&check_json(&corpus)));
        assert!(built.len() > 10, "{name}: {} findings", built.len());
        assert_eq!(
            built, checked,
            "{name}: review/findings/ differs from sxs check"
        );

        // The dashboard counts them the same way.
        // Its table is split in pages of 1,000 rows: index.html, pages-2.html …
        let mut dashboard = std::fs::read_to_string(public.join("review/index.html")).unwrap();
        for n in 2.. {
            match std::fs::read_to_string(public.join(format!("review/pages-{n}.html"))) {
                Ok(more) => dashboard.push_str(&more),
                Err(_) => break,
            }
        }
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
        // No file of the site over 3 MB (issue #10's limit for static hosts
        // and browsers).
        for entry in walkdir::WalkDir::new(&public) {
            let entry = entry.unwrap();
            let size = entry.metadata().unwrap().len();
            assert!(
                size <= 3_000_000,
                "{name}: {:?} is {size} bytes",
                entry.path()
            );
        }
    }
}
