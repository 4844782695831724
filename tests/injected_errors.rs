//! Recall of the review on known errors: real pairs of the corpora, each
//! with one error of a known kind written into its markup, must be flagged
//! with that kind's code (issue 12: every error-severity code fully, at least
//! 0.9 overall).
//!
//! The pairs come from `../shared/corpus` (read from there, copied only into
//! a temporary folder for the run; the test skips when the corpus is absent
//! and fails in CI). For each kind, up to [`PER_KIND`] pairs are drawn with
//! the recorded seed [`SEED`] among the pairs that have no finding before
//! the injection and that can carry the error (a number to change, bold to
//! drop, …). Each drawn pair gets exactly one error; a pair is used once.
//! The errors are written into [`PER_KIND`] / [`PER_ROUND`] copies of the
//! docset, a few of each kind per copy. The expected code is fixed by the
//! kind, not read from sxs.
//!
//! First run (all fifteen of a kind in one copy): overall recall 0.928
//! (pt-BR), 0.928 (de-DE), 0.900 (zh-CN); every error-severity code 15/15;
//! the dropped question marks 3/15, 3/15 and 1/15, because fifteen of them
//! in one class of about 190 question headings are 8% of it, which the
//! habit rule reads as the docset's convention. With three per copy
//! (a realistic density of slips): 0.994, 0.978, 0.994; what is still
//! missed is a digit changed inside a name ("BingSummer2020", "D365"), which
//! the numbers check leaves alone by design, and a German question mark.
//! The omission check (added later, with its own kind, the last sentence of
//! a target dropped) first ran at 12/15 (pt-BR), 12/15 (de-DE), 3/3 (zh-CN:
//! few Chinese pairs hold two sentences of plain prose).

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use sxs::diagnostic::Severity;
use sxs::model::Segment;
use sxs::site::Site;

/// The seed of the draws (one generator per corpus, reseeded per kind).
const SEED: u64 = 20261203;

/// Pairs drawn per kind and corpus.
const PER_KIND: usize = 15;

/// Errors of one kind written into one copy of the docset. Punctuation is
/// judged against the docset's own habits (a change made in 2% of a class
/// of pairs is the docset's convention, `review::habits`), so fifteen
/// dropped question marks in one docset would be a habit, not slips; a
/// few per copy are slips, as real ones are.
const PER_ROUND: usize = 3;

/// Recall over all injections the review must reach.
const MIN_OVERALL: f64 = 0.9;

/// A kind of error: its name, the code that must flag it, and how it is
/// written into a pair's target markup (`None`: the pair cannot carry it).
struct Kind {
    name: &'static str,
    code: &'static str,
    inject: fn(&Segment) -> Option<Injection>,
}

/// What an injection changes in the page's raw text.
enum Injection {
    /// The target markup becomes this.
    Target(String),
    /// The whole pair (both spans, as written) becomes this.
    Pair(String),
}

const KINDS: &[Kind] = &[
    Kind {
        name: "a digit of a number changed",
        code: "numbers",
        inject: digit_changed,
    },
    Kind {
        name: "bold dropped",
        code: "markup",
        inject: bold_dropped,
    },
    Kind {
        name: "a link target changed",
        code: "links",
        inject: link_changed,
    },
    Kind {
        name: "the source copied as the target",
        code: "untranslated",
        inject: source_copied,
    },
    Kind {
        name: "the question mark dropped",
        code: "punctuation",
        inject: question_mark_dropped,
    },
    Kind {
        name: "a word written twice",
        code: "repeated-word",
        inject: word_doubled,
    },
    Kind {
        name: "a closing bracket dropped",
        code: "brackets",
        inject: bracket_dropped,
    },
    Kind {
        name: "a placeholder added",
        code: "placeholders",
        inject: placeholder_added,
    },
    Kind {
        name: "the last sentence dropped",
        code: "omission",
        inject: last_sentence_dropped,
    },
    Kind {
        name: "the target emptied",
        code: "empty",
        inject: target_emptied,
    },
    Kind {
        name: "the source span removed",
        code: "missing-source",
        inject: source_removed,
    },
    Kind {
        name: "the source span given another id",
        code: "id-mismatch",
        inject: id_changed,
    },
    Kind {
        name: "the target tag's closing quote escaped",
        code: "malformed",
        inject: tag_damaged,
    },
];

fn digit_changed(seg: &Segment) -> Option<Injection> {
    // A number of the source written the same way in the target, outside
    // markup (so that the change is a changed value, not a changed link).
    let prose = |s: &str| !s.contains('<') && !s.contains("](") && !s.contains('`');
    if !prose(&seg.target) || !prose(&seg.source) {
        return None;
    }
    let number = seg
        .source
        .split(|c: char| !c.is_ascii_digit())
        .find(|n| n.len() >= 2 && seg.target.contains(n))?;
    let at = seg.target.find(number)?;
    let mut target = seg.target.clone();
    let first = number.as_bytes()[0] - b'0';
    let changed = char::from(b'0' + (first + 1) % 10);
    target.replace_range(at..at + 1, &changed.to_string());
    Some(Injection::Target(target))
}

fn bold_dropped(seg: &Segment) -> Option<Injection> {
    let (start, end) = bold_span(&seg.target)?;
    bold_span(&seg.source)?;
    let mut target = seg.target.clone();
    target.replace_range(end..end + 2, "");
    target.replace_range(start..start + 2, "");
    Some(Injection::Target(target))
}

/// The first `**…**` of a text: the byte offsets of its two markers.
fn bold_span(text: &str) -> Option<(usize, usize)> {
    let start = text.find("**")?;
    let end = start + 2 + text[start + 2..].find("**")?;
    (end > start + 2).then_some((start, end))
}

fn link_changed(seg: &Segment) -> Option<Injection> {
    let url = |text: &str| {
        let at = text.find("](")? + 2;
        let len = text[at..].find(')')?;
        Some((at, text[at..at + len].to_owned()))
    };
    let (at, target_url) = url(&seg.target)?;
    let (_, source_url) = url(&seg.source)?;
    if target_url != source_url || target_url.is_empty() || target_url.starts_with('#') {
        return None;
    }
    let mut target = seg.target.clone();
    let path_end = target_url.find(['#', '?']).unwrap_or(target_url.len());
    target.insert_str(at + path_end, "-old");
    Some(Injection::Target(target))
}

fn source_copied(seg: &Segment) -> Option<Injection> {
    let words = seg.source_text.split_whitespace().count();
    let plain = !seg.source.contains(['<', '[', '`', '*', '|']);
    let lowercase_words = seg
        .source_text
        .split_whitespace()
        .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        .count();
    // An ordinary sentence: several words, most of them common words.
    (plain && words >= 6 && lowercase_words * 2 > words && seg.target != seg.source)
        .then(|| Injection::Target(seg.source.clone()))
}

fn question_mark_dropped(seg: &Segment) -> Option<Injection> {
    let trimmed = seg.target.trim_end();
    let last = trimmed.chars().last()?;
    if !matches!(last, '?' | '？') || !seg.source.trim_end().ends_with('?') {
        return None;
    }
    Some(Injection::Target(
        trimmed[..trimmed.len() - last.len_utf8()].to_owned(),
    ))
}

fn word_doubled(seg: &Segment) -> Option<Injection> {
    if seg.target.contains(['<', '[', '`', '*']) {
        return None;
    }
    // A lowercase word of at least five letters, not the first one.
    let mut at = None;
    let mut pos = 0;
    for (k, word) in seg.target.split(' ').enumerate() {
        if k > 0 && word.chars().count() >= 5 && word.chars().all(char::is_lowercase) {
            at = Some((pos, word));
            break;
        }
        pos += word.len() + 1;
    }
    let (pos, word) = at?;
    let mut target = seg.target.clone();
    target.insert_str(pos, &format!("{word} "));
    Some(Injection::Target(target))
}

fn bracket_dropped(seg: &Segment) -> Option<Injection> {
    let plain = |s: &str| !s.contains(['<', '[', ']', '`']);
    let balanced = |s: &str| s.matches('(').count() == 1 && s.matches(')').count() == 1;
    if !plain(&seg.target) || !balanced(&seg.target) || !balanced(&seg.source) {
        return None;
    }
    Some(Injection::Target(seg.target.replacen(')', "", 1)))
}

fn placeholder_added(seg: &Segment) -> Option<Injection> {
    let plain = !seg.target.contains(['{', '}', '%', '<', '`']) && !seg.source.contains(['{', '}']);
    (plain && seg.target.split_whitespace().count() >= 4)
        .then(|| Injection::Target(format!("{} {{0}}", seg.target.trim_end())))
}

fn last_sentence_dropped(seg: &Segment) -> Option<Injection> {
    // Two or more sentences of ordinary prose on both sides; the target
    // loses its last one (at least a fifth of its text).
    let plain = |s: &str| !s.contains(['<', '[', '`', '*', '|']);
    if !plain(&seg.target) || !plain(&seg.source) || seg.source.matches(". ").count() == 0 {
        return None;
    }
    let target = seg.target.trim_end();
    let cut = target.rfind(". ").or_else(|| target.rfind("。"))?;
    let kept = &target[..cut + target[cut..].chars().next()?.len_utf8()];
    (kept.len() * 5 <= target.len() * 4 && kept.len() * 3 >= target.len())
        .then(|| Injection::Target(kept.to_owned()))
}

fn target_emptied(_: &Segment) -> Option<Injection> {
    Some(Injection::Target(String::new()))
}

fn source_removed(seg: &Segment) -> Option<Injection> {
    Some(Injection::Pair(format!(
        r#"<span data-ttu-id="{}">{}</span>"#,
        seg.id, seg.target
    )))
}

fn id_changed(seg: &Segment) -> Option<Injection> {
    Some(Injection::Pair(format!(
        r#"<span data-ttu-id="{id}">{}</span><span class="sxs-lookup"><span data-stu-id="{id}x">{}</span></span>"#,
        seg.target,
        seg.source,
        id = seg.id
    )))
}

fn tag_damaged(seg: &Segment) -> Option<Injection> {
    Some(Injection::Pair(format!(
        r#"<span data-ttu-id="{id}&quot;>{}</span><span class="sxs-lookup"><span data-stu-id="{id}">{}</span></span>"#,
        seg.target,
        seg.source,
        id = seg.id
    )))
}

/// The pair as the page writes it (the corpus writes every pair this way;
/// a pair written otherwise is not drawn).
fn written_pair(seg: &Segment) -> String {
    format!(
        r#"<span data-ttu-id="{id}">{}</span><span class="sxs-lookup"><span data-stu-id="{id}">{}</span></span>"#,
        seg.target,
        seg.source,
        id = seg.id
    )
}

/// A small seeded generator (SplitMix64), so that the draw is recorded by
/// its seed without a dependency.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Fisher–Yates shuffle.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// One injected error: where, and the code that must flag it.
struct Injected {
    file: String,
    id: String,
    kind: &'static str,
    code: &'static str,
}

/// Draws the pairs and writes the errors into copies of the docset:
/// returns each copy with what was injected into it.
fn inject(corpus: &Path, name: &str) -> Vec<(tempfile::TempDir, Vec<Injected>)> {
    let candidates = clean_pairs(corpus);
    let mut used: HashSet<(String, String)> = HashSet::new();
    // Per round: the file edits (old pair, new pair) and what they inject.
    type Round = (BTreeMap<String, Vec<(String, String)>>, Vec<Injected>);
    let mut rounds: Vec<Round> = Vec::new();
    for (k, kind) in KINDS.iter().enumerate() {
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        Draw(SEED ^ ((k as u64) << 32)).shuffle(&mut order);
        let mut taken = 0;
        for &c in &order {
            let (file, seg) = &candidates[c];
            if taken == PER_KIND || used.contains(&(file.clone(), seg.id.clone())) {
                continue;
            }
            let Some(injection) = (kind.inject)(seg) else {
                continue;
            };
            let new_pair = match injection {
                Injection::Target(target) => written_pair(&Segment {
                    target,
                    ..seg.clone()
                }),
                Injection::Pair(pair) => pair,
            };
            let round = taken / PER_ROUND;
            if rounds.len() <= round {
                rounds.push(Default::default());
            }
            let (edits, injected) = &mut rounds[round];
            edits
                .entry(file.clone())
                .or_default()
                .push((written_pair(seg), new_pair));
            used.insert((file.clone(), seg.id.clone()));
            injected.push(Injected {
                file: file.clone(),
                id: seg.id.clone(),
                kind: kind.name,
                code: kind.code,
            });
            taken += 1;
        }
        assert!(taken > 0, "{name}: no pair can carry {:?}", kind.name);
    }
    rounds
        .into_iter()
        .map(|(edits, injected)| {
            let copy = common::copy_site(corpus);
            for (file, changes) in edits {
                let path = copy.path().join(&file);
                let mut text = std::fs::read_to_string(&path).unwrap();
                for (old, new) in changes {
                    text = text.replacen(&old, &new, 1);
                }
                std::fs::write(&path, text).unwrap();
            }
            (copy, injected)
        })
        .collect()
}

/// The pairs that can be drawn: no finding before the injection, an id
/// used once, both sides with text, and written the way [`written_pair`]
/// writes them (so that the edit finds exactly that pair).
fn clean_pairs(corpus: &Path) -> Vec<(String, Segment)> {
    let site = Site::open(corpus, None).unwrap();
    let review = sxs::pipeline::review_site(&site, true);
    let flagged: HashSet<(String, String)> = review
        .findings
        .iter()
        .filter_map(|f| Some((f.file.clone(), f.id.clone()?)))
        .collect();
    let mut candidates = Vec::new();
    for page in &review.pages {
        let raw = std::fs::read_to_string(corpus.join(&page.doc.rel)).unwrap();
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for seg in &page.doc.segments {
            *ids.entry(seg.id.as_str()).or_default() += 1;
        }
        for seg in &page.doc.segments {
            let clean = !flagged.contains(&(page.doc.rel.clone(), seg.id.clone()))
                && ids[seg.id.as_str()] == 1
                && seg.has_target
                && seg.has_source
                && !seg.target_text.trim().is_empty()
                && raw.matches(&written_pair(seg)).count() == 1;
            if clean {
                candidates.push((page.doc.rel.clone(), seg.clone()));
            }
        }
    }
    candidates
}

/// Injects, reviews each copy, and returns recall per kind: (kind, code,
/// caught, injected).
fn recall(name: &str) -> Option<Vec<(&'static str, &'static str, usize, usize)>> {
    let corpus = common::corpus_named(name)?;
    let mut caught: HashMap<&str, usize> = HashMap::new();
    let mut injected_count: HashMap<&str, usize> = HashMap::new();
    for (copy, injected) in inject(&corpus, name) {
        let site = Site::open(copy.path(), None).unwrap();
        let findings = sxs::pipeline::review_site(&site, false).findings;
        let found: HashSet<(String, String, &str)> = findings
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .filter_map(|f| Some((f.file.clone(), f.id.clone()?, f.code.as_str())))
            .collect();
        for i in &injected {
            *injected_count.entry(i.kind).or_default() += 1;
            if found.contains(&(i.file.clone(), i.id.clone(), i.code)) {
                *caught.entry(i.kind).or_default() += 1;
            } else {
                eprintln!(
                    "{name}: missed {} ({}) at {}#{}",
                    i.kind, i.code, i.file, i.id
                );
            }
        }
    }
    Some(
        KINDS
            .iter()
            .map(|k| {
                let of = |m: &HashMap<&str, usize>| m.get(k.name).copied().unwrap_or(0);
                (k.name, k.code, of(&caught), of(&injected_count))
            })
            .collect(),
    )
}

fn assert_recall(name: &str) {
    let Some(rows) = recall(name) else { return };
    let (mut caught, mut total) = (0, 0);
    for (kind, code, c, n) in &rows {
        eprintln!("{name}: {code:<15} {c:>2}/{n:<2} {kind}");
        caught += c;
        total += n;
    }
    let overall = caught as f64 / total as f64;
    eprintln!("{name}: overall {caught}/{total} = {overall:.3}");
    for (kind, code, c, n) in &rows {
        let error =
            sxs::code::Code::parse(code).is_some_and(|c| c.default_severity() == Severity::Error);
        if error {
            assert_eq!(
                c, n,
                "{name}: {kind} ({code}) is an error and must always be flagged"
            );
        }
    }
    assert!(
        overall >= MIN_OVERALL,
        "{name}: overall recall {overall:.3}"
    );
}

#[test]
fn injected_errors_are_found_in_portuguese() {
    assert_recall("partner-center-pt-br");
}

#[test]
fn injected_errors_are_found_in_german() {
    assert_recall("partner-center-de-de");
}

#[test]
fn injected_errors_are_found_in_chinese() {
    assert_recall("partner-center-zh-cn");
}
