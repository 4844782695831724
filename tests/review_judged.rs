//! Noise per check per corpus, recomputed from the judged samples in
//! `tests/fixtures/review-judged/` (first run `<corpus>.tsv`, after the
//! changes `<corpus>.after.tsv`, drawn with seed 20261202; the omission and
//! emphasis-moved checks in `<corpus>.omission.tsv` and
//! `<corpus>.omission.after.tsv`; the third round's fresh findings in
//! `<corpus>.round3.tsv`, seed 20261205; the consistency check's rework in
//! `<corpus>.consistency.tsv` and `<corpus>.consistency2.tsv`; round 4's
//! fresh numbers and untranslated findings in `<corpus>.round4-r4num.tsv`
//! and consistency findings in `<corpus>.round4-r4cons.tsv`, seed 20261210;
//! round 5's fresh untranslated findings in `<corpus>.round5-deunt.tsv`,
//! seed 20261211, and consistency findings in
//! `<corpus>.round5-holocons.tsv`, seed 20261212; round 6's fresh
//! consistency findings in `<corpus>.round6-holocase.tsv`, seed 20261213;
//! see
//! [`JUDGED_ROUNDS`]) and the findings
//! the checks give now: a judged finding that no longer occurs drops out,
//! the rest count (the after-judgment wins where a finding was judged
//! twice). Noise share = noise / judged findings still reported, unclear
//! ones in the denominator.
//!
//! Issue 12 asks for at most 10% everywhere. Where that is not reached yet
//! the test holds the measured share as a ceiling ([`NOT_YET`]), so that no
//! check gets noisier while the rest of the work goes on; every other
//! (corpus, check) with judged findings must stay at or under 10%. Also: a
//! German and a Chinese docset flag at most 8% of their segments.

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use sxs::site::Site;

/// The goal of issue 12.
const MAX_NOISE: f64 = 0.10;

/// (corpus, check, ceiling): measured after the latest round, not yet at 10%.
const NOT_YET: &[(&str, &str, f64)] = &[("hololens-pt-br", "consistency", 0.15)];

/// The judged files of a corpus, `<corpus><suffix>`, in the order they
/// were judged: a later judgment of the same finding wins. The omission
/// and emphasis-moved checks have files of their own (first run, after),
/// and so has the consistency check after its rework (two rounds, seeds
/// 20261206 and 20261207); round 4 drew the numbers, untranslated and
/// consistency findings left unjudged after its changes (seed 20261210);
/// round 5 the untranslated findings left unjudged after its change (seed
/// 20261211) and the consistency findings of hololens-pt-br and
/// partner-center-pt-br after the loanword rule (seed 20261212); round 6
/// the consistency findings of hololens-pt-br and partner-center-de-de
/// (seed 20261213).
const JUDGED_ROUNDS: &[&str] = &[
    ".tsv",
    ".after.tsv",
    ".omission.tsv",
    ".omission.after.tsv",
    ".round3.tsv",
    ".consistency.tsv",
    ".consistency2.tsv",
    ".round4-r4num.tsv",
    ".round4-r4cons.tsv",
    ".round5-deunt.tsv",
    ".round5-holocons.tsv",
    ".round6-holocase.tsv",
];

/// Most segments a German or Chinese docset may flag.
const MAX_FLAGGED: f64 = 0.08;

/// One judged row: (file, id, check) → judgment.
type Judged = HashMap<(String, String, String), String>;

/// Reads a judged TSV (see the fixtures' README: one row per line, no
/// quoting, escaped fields; only file, id, check and judgment are used).
fn read_judged(path: &Path, into: &mut Judged) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 10, "{}: {line}", path.display());
        let (check, file, id, judgment) = (fields[1], fields[2], fields[4], fields[8]);
        assert!(
            ["real", "noise", "unclear"].contains(&judgment),
            "{}: unjudged row {line}",
            path.display()
        );
        into.insert((file.into(), id.into(), check.into()), judgment.into());
    }
}

/// Per check: (noise, judged) among the judged findings still reported.
fn noise(
    judged: &Judged,
    current: &HashSet<(String, String, String)>,
) -> BTreeMap<String, (usize, usize)> {
    let mut out: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (key, judgment) in judged.iter().filter(|(k, _)| current.contains(*k)) {
        let entry = out.entry(key.2.clone()).or_default();
        entry.0 += usize::from(judgment == "noise");
        entry.1 += 1;
    }
    out
}

#[test]
fn judged_noise_per_check_per_corpus_stays_within_bounds() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review-judged");
    for root in common::corpora() {
        let name = root.file_name().unwrap().to_string_lossy().into_owned();
        let mut judged = Judged::new();
        for round in JUDGED_ROUNDS {
            read_judged(&fixtures.join(format!("{name}{round}")), &mut judged);
        }
        let site = Site::open(&root, None).expect("the corpus opens");
        let review = sxs::pipeline::review_site(&site, true);
        let current: HashSet<(String, String, String)> = review
            .findings
            .iter()
            .map(|d| {
                let id = d.id.clone().unwrap_or_default();
                (d.file.clone(), id, d.code.as_str().to_owned())
            })
            .collect();
        for (check, (noisy, of)) in noise(&judged, &current) {
            let share = noisy as f64 / of as f64;
            let ceiling = NOT_YET
                .iter()
                .find(|(c, k, _)| *c == name && *k == check)
                .map_or(MAX_NOISE, |(_, _, ceiling)| *ceiling);
            eprintln!("{name} {check}: noise {noisy}/{of} = {share:.2} (bound {ceiling:.2})");
            assert!(
                share <= ceiling + 1e-9,
                "{name} {check}: {noisy}/{of} noise, over {ceiling}"
            );
        }
        let segments: usize = review.pages.iter().map(|p| p.doc.segments.len()).sum();
        let flagged: HashSet<(&str, &str)> = review
            .findings
            .iter()
            .filter(|d| d.severity >= sxs::Severity::Warning)
            .filter_map(|d| d.id.as_deref().map(|id| (d.file.as_str(), id)))
            .collect();
        let share = flagged.len() as f64 / segments.max(1) as f64;
        eprintln!(
            "{name}: {} of {segments} segments flagged ({share:.3})",
            flagged.len()
        );
        if name.ends_with("de-de") || name.ends_with("zh-cn") {
            assert!(
                share <= MAX_FLAGGED,
                "{name}: {share:.3} of segments flagged"
            );
        }
    }
}
