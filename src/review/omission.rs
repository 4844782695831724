//! The omission check: a translation that leaves out a clause or a
//! sentence, or stops short.
//!
//! Length alone cannot tell an omission from a concise translation ("Make
//! sure to do the following:" → "Faça o seguinte:"), and a fixed ratio
//! cannot fit every language. So the check measures what was *translated*:
//! words written the same on both sides (names, codes, acronyms such as
//! "Skype for Business", "Outlook", "CSP") are taken out of both texts,
//! and the letters left (any script: a Chinese character is one) are
//! compared. A translation that keeps the names and drops the words around
//! them ("The Skype for Business plugin will no longer be available in
//! Outlook." → "O Skype for Business plug-in do Outlook.") keeps a third of
//! the usual share, while its plain length looks ordinary.
//!
//! The ratio of the translated letters is weighed against the docset's own
//! distribution, per target language and per size of the source (short
//! texts swing more), with the robust statistics of the length check
//! ([`super::length::spread`]): the median and the scaled MAD of the log
//! ratios. A pair is reported when it lies far below and at least a least
//! factor below the median, and either
//!
//! - the loss shows in the text itself: a word the translation must copy
//!   (an acronym `CSP`, a compound name `AppSource`, a code such as `E5`:
//!   [`must_survive`]) is not in the target, or the source has more
//!   sentences than the target ([`EVIDENCE_MADS`], [`EVIDENCE_FACTOR`]); or
//! - the translation kept some of the source's words as they are, so the
//!   source was read, and its translated part is very short ([`ALONE_MADS`],
//!   [`ALONE_FACTOR`]).
//!
//! Numbers are left to the numbers check, and a target that is the source
//! again to the untranslated check.

use super::length::{self, PageSamples};
use super::locale::Locale;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Document;
use std::collections::BTreeSet;

/// Sources with fewer translated letters than this are not read: one word
/// more or less swings their ratio.
pub const MIN_LETTERS: usize = 15;
/// The size classes (translated letters of the source) calibrated apart:
/// the spread of the ratio narrows as the source grows.
const CLASSES: &[usize] = &[MIN_LETTERS, 30, 60, 120];
/// With evidence in the text: at least this many scaled MADs below the median…
pub const EVIDENCE_MADS: f64 = 3.0;
/// …and at least this factor below the median ratio.
pub const EVIDENCE_FACTOR: f64 = 1.5;
/// Without evidence in the text: this many scaled MADs below the median…
pub const ALONE_MADS: f64 = 4.5;
/// …and this factor below the median ratio (the length check's).
pub const ALONE_FACTOR: f64 = length::MIN_FACTOR;

/// What the site pass needs of one pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    /// 1-based line of the pair, for the finding.
    pub line: usize,
    /// 1-based column of the pair, for the finding.
    pub column: usize,
    /// The segment's id, for the finding.
    pub id: String,
    /// Letters of the source that are not written the same in the target.
    pub source: usize,
    /// Letters of the target that are not written the same in the source.
    pub target: usize,
    /// Does the target keep some word of the source as it is?
    pub kept: bool,
    /// Words the target must copy from the source and does not have.
    pub lost: Vec<String>,
    /// Sentences of the source and of the target.
    pub sentences: (usize, usize),
}

impl Sample {
    /// The pair's translated letters: what the source's words, less those
    /// the target writes the same, became. Words are the Latin-script runs
    /// of the texts, compared without case.
    pub fn of(source: &str, target: &str) -> Sample {
        let source_words = lowercase_words(source);
        let target_words = lowercase_words(target);
        let shared: BTreeSet<String> = source_words.intersection(&target_words).cloned().collect();
        let lost = words(source)
            .filter(|w| must_survive(w) && !target_words.contains(&w.to_lowercase()))
            .fold(Vec::new(), |mut lost: Vec<String>, w| {
                if !lost.iter().any(|l| l == w) {
                    lost.push(w.to_owned());
                }
                lost
            });
        Sample {
            line: 0,
            column: 0,
            id: String::new(),
            source: translated_letters(source, &shared),
            target: translated_letters(target, &shared),
            kept: !shared.is_empty(),
            lost,
            sentences: (sentences(source), sentences(target)),
        }
    }

    /// The log of the translated letters' ratio; a target with none left
    /// counts one, so that it is the lowest ratio and still finite.
    fn log_ratio(&self) -> f64 {
        (self.target.max(1) as f64 / self.source as f64).ln()
    }

    /// The size class the pair is calibrated in.
    fn class(&self) -> usize {
        CLASSES.iter().rposition(|&c| self.source >= c).unwrap_or(0)
    }

    /// Is there a sign of loss in the texts themselves?
    fn evidence(&self) -> bool {
        !self.lost.is_empty() || self.sentences.0 > self.sentences.1
    }
}

/// Is `c` a letter of the Latin script or a digit: what names and codes
/// kept in any translation are written in?
pub(crate) fn latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c.is_alphabetic() && ('\u{C0}'..='\u{24F}').contains(&c))
}

/// The Latin-script words of a text: runs of Latin letters and digits,
/// joined by `.`, `-`, `+`, `#`, `_` or an apostrophe inside them (`Office365`,
/// `C#`, `Add-on`, `ID's`); a run never spans a character of another script.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(latin(c) || ".-+#_'’".contains(c)))
        .map(|w| w.trim_matches(|c: char| !latin(c) && c != '+' && c != '#'))
        .filter(|w| !w.is_empty())
}

fn lowercase_words(text: &str) -> BTreeSet<String> {
    words(text).map(str::to_lowercase).collect()
}

/// Letters of `text` outside the words of `shared` (lowercase): Latin
/// letters of the other words and letters of every other script.
fn translated_letters(text: &str, shared: &BTreeSet<String>) -> usize {
    let in_words: usize = words(text)
        .filter(|w| !shared.contains(&w.to_lowercase()))
        .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let other_scripts = text
        .chars()
        .filter(|&c| c.is_alphabetic() && !latin(c))
        .count();
    in_words + other_scripts
}

/// Must a translation copy this word? Acronyms (`CSP`, `SKUs`), names with
/// a capital inside (`AppSource`, `eDiscovery`) and codes mixing letters
/// and digits (`E5`, `M365`): no language translates them. Numbers and
/// ordinals (`1st`) are the numbers check's; capitalized words are not
/// here, since most of them are labels a translation translates.
pub fn must_survive(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let acronym = upper >= 2
        && word
            .trim_end_matches('s')
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit());
    let inner_capital = word
        .chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| {
        word.strip_suffix(s)
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    });
    let code = letters > 0 && digits > 0 && !ordinal;
    acronym || inner_capital || code
}

/// The sentences of a text: one, and one more after each sentence mark
/// that is followed by more text. An ASCII mark ends a sentence only before
/// a space and a capital, after a word of three letters or more without a
/// dot (not `U.S.`, `e.g.`, `1.`, `A.`); a full-width mark (`。`) before
/// anything.
pub fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let breaks = (0..chars.len())
        .filter(|&i| match Locale::mark(chars[i]) {
            Some('.' | '?' | '!') if chars[i].is_ascii() => ascii_break(&chars, i),
            Some('.' | '?' | '!') => i + 1 < chars.len(),
            _ => false,
        })
        .count();
    1 + breaks
}

/// Does the ASCII mark at `i` end a sentence (see [`sentences`])?
fn ascii_break(chars: &[char], i: usize) -> bool {
    let next_is_capital = chars.get(i + 1).is_some_and(|c| c.is_whitespace())
        && chars[i + 1..]
            .iter()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| c.is_uppercase());
    let word: Vec<char> = chars[..i]
        .iter()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .copied()
        .collect();
    let plain_word = word.len() >= 3 && word.iter().all(|c| c.is_alphabetic());
    next_is_capital && plain_word
}

/// The samples of a page's complete, translated pairs whose source has
/// enough translated letters, less the pairs the page accepts inline for
/// `omission`.
pub fn samples(doc: &Document) -> Vec<Sample> {
    let accepted = super::accept::inline_acceptances(doc).accepted;
    doc.segments
        .iter()
        .filter(|s| super::checks::comparable(s) && !super::untranslated::same_text(s))
        .filter(|s| {
            !accepted
                .iter()
                .any(|a| a.code == Code::Omission && a.id == s.id)
        })
        .map(|s| Sample {
            line: s.line,
            column: s.column,
            id: s.id.clone(),
            ..Sample::of(&s.source_text, &s.target_text)
        })
        .filter(|s| s.source >= MIN_LETTERS)
        .collect()
}

/// Where a language's translations lie, per size class: the median log
/// ratio and its scaled MAD, or `None` where the docset is too small.
fn calibrate(samples: &[&Sample]) -> Vec<Option<(f64, f64)>> {
    let all: Vec<f64> = samples.iter().map(|s| s.log_ratio()).collect();
    if all.len() < length::MIN_SAMPLES {
        return vec![None; CLASSES.len()];
    }
    (0..CLASSES.len())
        .map(|class| {
            let mut logs: Vec<f64> = samples
                .iter()
                .filter(|s| s.class() == class)
                .map(|s| s.log_ratio())
                .collect();
            if logs.len() < length::MIN_SAMPLES {
                logs = all.clone();
            }
            Some(length::spread(&mut logs))
        })
        .collect()
}

/// The omission findings of a docset, each language calibrated on its own
/// pages' samples.
pub fn findings(pages: &[PageSamples<'_, Sample>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for samples in length::by_language(pages).values() {
        let bare: Vec<&Sample> = samples.iter().map(|(_, s)| *s).collect();
        let classes = calibrate(&bare);
        for (rel, sample) in samples {
            if let Some(Some(spread)) = classes.get(sample.class()) {
                out.extend(flag(rel, sample, *spread));
            }
        }
    }
    out
}

/// The finding of one pair, if it is an omission by the rules of the
/// module docs.
fn flag(rel: &str, sample: &Sample, (median, sigma): (f64, f64)) -> Option<Diagnostic> {
    let below = median - sample.log_ratio();
    let far = |mads: f64, factor: f64| below >= mads * sigma && below >= f64::ln(factor);
    let omitted = (sample.evidence() && far(EVIDENCE_MADS, EVIDENCE_FACTOR))
        || (sample.kept && far(ALONE_MADS, ALONE_FACTOR));
    if !omitted {
        return None;
    }
    let mut signs = vec![format!(
        "its translated words are {:.2} times as long as the source's ({} vs {} letters, names kept as they are left out), where this docset's run at {:.2}",
        sample.target as f64 / sample.source as f64,
        sample.target,
        sample.source,
        median.exp()
    )];
    if !sample.lost.is_empty() {
        let quoted: Vec<String> = sample.lost.iter().map(|w| format!("“{w}”")).collect();
        signs.push(format!("the source's {} not in it", quoted.join(", ")));
    }
    if sample.sentences.0 > sample.sentences.1 {
        signs.push(format!(
            "the source has {} sentences, the translation {}",
            sample.sentences.0, sample.sentences.1
        ));
    }
    let message = format!(
        "the translation seems to leave part of the source out ({}); check that no clause, sentence or name was dropped",
        signs.join("; ")
    );
    Some(
        Diagnostic::new(
            rel,
            (sample.line, sample.column),
            Code::Omission,
            Code::Omission.default_severity(),
            message,
        )
        .with_id(&sample.id)
        .with_tokens(sample.lost.clone()),
    )
}
