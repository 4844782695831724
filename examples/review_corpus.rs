//! Runs the review on a site (the real corpus by default) and prints the
//! findings per check; with `--sample N`, also N findings per check picked
//! at random (fixed seed), each with both texts, to read and judge.
//!
//! `cargo run --release --example review_corpus -- [PATH] [--sample N] [--seed S]`

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use sxs::site::Site;

fn main() -> Result<(), sxs::Error> {
    let mut path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/partner-center-pt-br");
    let mut sample = 0usize;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sample" => sample = args.next().and_then(|n| n.parse().ok()).unwrap_or(20),
            "--seed" => seed = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            _ => path = PathBuf::from(arg),
        }
    }
    let started = std::time::Instant::now();
    let site = Site::open(&path, None)?;
    let review = sxs::pipeline::review_site(&site, true);
    let findings = &review.findings;
    let pairs: usize = review.pages.iter().map(|p| p.doc.segments.len()).sum();
    println!(
        "{} pages, {pairs} pairs, {} findings in {:.2?}",
        review.pages.len(),
        findings.len(),
        started.elapsed()
    );
    let mut by_code: BTreeMap<&str, Vec<&sxs::Diagnostic>> = BTreeMap::new();
    for finding in findings {
        by_code
            .entry(finding.code.as_str())
            .or_default()
            .push(finding);
    }
    for (code, list) in &by_code {
        println!("{code:>20} {:>6}  ({})", list.len(), list[0].severity);
    }
    if sample > 0 {
        let segments: HashMap<(&str, &str), &sxs::Segment> = review
            .pages
            .iter()
            .map(|p| &p.doc)
            .flat_map(|d| {
                d.segments
                    .iter()
                    .map(move |s| ((d.rel.as_str(), s.id.as_str()), s))
            })
            .collect();
        for (code, list) in &by_code {
            println!("\n=== {code}: {sample} of {}", list.len());
            for finding in pick(list, sample, seed) {
                println!("\n{finding}");
                let key = (
                    finding.file.as_str(),
                    finding.id.as_deref().unwrap_or_default(),
                );
                if let Some(seg) = segments.get(&key) {
                    println!("  T: {}\n  S: {}", seg.target, seg.source);
                }
            }
        }
    }
    Ok(())
}

/// `n` items picked at random without repetition (a fixed-seed generator,
/// so a reading can be repeated).
fn pick<T>(items: &[T], n: usize, seed: u64) -> Vec<&T> {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut indices: Vec<usize> = (0..items.len()).collect();
    let n = n.min(items.len());
    for i in 0..n {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = i + (state >> 33) as usize % (items.len() - i);
        indices.swap(i, j);
    }
    indices[..n].iter().map(|&i| &items[i]).collect()
}
