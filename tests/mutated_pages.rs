//! Property test over mutated real pages (issue 17): after a line of a page
//! is swapped, deleted, duplicated, or a fence or comment opener inserted,
//! every pair away from the mutation is still a segment with the same text,
//! or is reported by id (a pair hidden in an HTML comment); none is silently
//! gone. Pages and mutations are drawn from a seeded generator (printed).

mod common;

use regex::Regex;
use std::collections::{HashMap, HashSet};

const SEED: u64 = 0x5eed_1717;
const PAGES: usize = 250;
const MUTATIONS_PER_PAGE: usize = 6;
/// Lines either side of a mutation whose pairs may legitimately change.
const NEAR: usize = 2;

struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// A mutated copy of `lines` and the range of original lines it touched.
fn mutate(lines: &[&str], rng: &mut Lcg) -> (Vec<String>, usize, usize) {
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    let at = rng.below(lines.len().saturating_sub(1));
    match rng.below(5) {
        0 => {
            out.swap(at, at + 1);
            (out, at, at + 1)
        }
        1 => {
            out.remove(at);
            (out, at, at)
        }
        2 => {
            out.insert(at, lines[at].to_owned());
            (out, at, at)
        }
        3 => {
            out.insert(at, "```".to_owned());
            (out, at, at)
        }
        _ => {
            out.insert(at, "<!--".to_owned());
            (out, at, at)
        }
    }
}

#[test]
fn pairs_away_from_a_mutation_survive_or_are_reported() {
    let Some(root) = common::corpus() else { return };
    let pair = Regex::new(
        r#"(?s)<span data-ttu-id="([^"]+)">(.*?)</span><span class="sxs-lookup"><span data-stu-id="([^"]+)">(.*?)</span></span>"#,
    )
    .unwrap();
    let files = common::markdown_files(&root);
    let mut rng = Lcg(SEED);
    let (mut mutated, mut checked, mut lost) = (0, 0, Vec::new());
    for _ in 0..PAGES {
        let (rel, path) = &files[rng.below(files.len())];
        let text = std::fs::read_to_string(path).unwrap();
        let lines: Vec<&str> = text.split('\n').collect();
        if lines.len() < 3 {
            continue;
        }
        for _ in 0..MUTATIONS_PER_PAGE {
            let (new_lines, first, last) = mutate(&lines, &mut rng);
            let new_text = new_lines.join("\n");
            let doc = sxs::read_document(rel, &new_text);
            mutated += 1;
            let segments: HashMap<&str, (&str, &str)> = doc
                .segments
                .iter()
                .map(|s| (s.id.as_str(), (s.target.as_str(), s.source.as_str())))
                .collect();
            let reported: HashSet<&str> = doc
                .diagnostics
                .iter()
                .filter_map(|d| d.id.as_deref())
                .collect();
            for c in pair.captures_iter(&new_text) {
                let start = new_text[..c.get(0).unwrap().start()].matches('\n').count();
                let end = start + c[0].matches('\n').count();
                // Lines of the mutated text near the mutation (inserted
                // lines shift the rest by one at most).
                if end + NEAR >= first && start <= last + NEAR + 1 {
                    continue;
                }
                checked += 1;
                let same = segments.get(&c[1]) == Some(&(&c[2], &c[4]));
                if !same && !reported.contains(&c[1]) {
                    lost.push(format!("{rel} (mutated at line {}): {}", first + 1, &c[1]));
                }
            }
        }
    }
    eprintln!(
        "seed {SEED:#x}: {mutated} mutated pages, {checked} pairs away from the mutation checked, {} lost",
        lost.len()
    );
    assert!(
        mutated > 1000 && checked > 50_000,
        "{mutated} pages, {checked} pairs"
    );
    assert!(
        lost.is_empty(),
        "{} lost: {:#?}",
        lost.len(),
        &lost[..lost.len().min(20)]
    );
}
