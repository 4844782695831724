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
//! Outlook." → "O Skype for Business plug-in do Outlook.") keeps a fifth of
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
//! Numbers are left to the numbers check, a target that is the source
//! again to the untranslated check, and sources that are names (every word
//! capitalized: "Heard Island and McDonald Islands" → "Ilhas Heard e
//! McDonald") are not read: a name's translation is a convention.

use super::length::{self, PageSamples};
use super::locale::Locale;
use super::places::Places;
use super::text::lowercase;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Document;
use fnv::FnvHashSet;
use std::borrow::Cow;
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
/// Without evidence in the text: as many scaled MADs below the median as
/// the length check asks…
pub const ALONE_MADS: f64 = length::MADS;
/// …and this factor below the median ratio (the length check's).
pub const ALONE_FACTOR: f64 = length::MIN_FACTOR;

/// What the site pass needs of one pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    /// The pair's number on its page (see [`Places`]), for the finding.
    /// (A number, narrow fields and boxed texts: a 50,000-page docset
    /// keeps millions of samples.)
    pub seg: u32,
    /// Letters of the source that are not written the same in the target.
    pub source: usize,
    /// Letters of the target that are not written the same in the source.
    pub target: usize,
    /// Does the target keep some word of the source as it is?
    pub kept: bool,
    /// Words the target must copy from the source and does not have.
    pub lost: Box<[String]>,
    /// Sentences of the source and of the target.
    pub sentences: (u16, u16),
}

impl Sample {
    /// The pair's translated letters: what the source's words, less those
    /// the target writes the same, became. Words are the Latin-script runs
    /// of the texts, compared without case. The words of an acronym's
    /// expansion ("Cloud Solution Provider" for `CSP`) count as said when
    /// the target has the acronym: a translation may give only the acronym.
    pub fn of(source: &str, target: &str) -> Sample {
        let source_words: Vec<&str> = words(source).collect();
        let target_words: Vec<&str> = words(target).collect();
        // Each word lowercased once (a copy only when it has a capital):
        // every pair of the docset is sampled.
        let source_lower: Vec<Cow<'_, str>> = source_words.iter().map(|w| lowercase(w)).collect();
        let target_lower: Vec<Cow<'_, str>> = target_words.iter().map(|w| lowercase(w)).collect();
        let in_target: FnvHashSet<&str> = target_lower.iter().map(|w| &**w).collect();
        let shared: FnvHashSet<&str> = source_lower
            .iter()
            .map(|w| &**w)
            .filter(|w| in_target.contains(w))
            .collect();
        let expanded = expansions(&source_words, &target_words);
        let mut lost: Vec<String> = Vec::new();
        for (w, lower) in source_words.iter().zip(&source_lower) {
            if must_survive(w) && !in_target.contains(&**lower) && !lost.iter().any(|l| l == w) {
                lost.push((*w).to_owned());
            }
        }
        let translated =
            |words: &[&str], lower: &[Cow<'_, str>], skip: &dyn Fn(usize) -> bool| -> usize {
                (0..words.len())
                    .filter(|&i| !skip(i) && !shared.contains(&*lower[i]))
                    .map(|i| words[i].chars().filter(|c| c.is_alphabetic()).count())
                    .sum()
            };
        Sample {
            seg: 0,
            source: translated(&source_words, &source_lower, &|i| expanded.contains(&i))
                + other_letters(source),
            target: translated(&target_words, &target_lower, &|_| false) + other_letters(target),
            kept: !shared.is_empty(),
            lost: lost.into_boxed_slice(),
            sentences: (few(sentences(source)), few(sentences(target))),
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
/// with `+`, `#` or an apostrophe inside or after them (`C#`, `C++`,
/// `ID's`). Hyphens, dots and underscores part words, so that the parts of
/// a compound (`CSP-Programm`), of a dotted name (`Microsoft.HoloLensTips`)
/// or of an id a translation spaced apart are found on their own; a run
/// never spans a character of another script.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(latin(c) || "+#'’".contains(c)))
        .map(|w| w.trim_matches(|c: char| !latin(c) && c != '+' && c != '#'))
        .filter(|w| !w.is_empty())
}

/// Letters of the scripts other than Latin (a Chinese character is one).
fn other_letters(text: &str) -> usize {
    if text.is_ascii() {
        return 0;
    }
    text.chars()
        .filter(|&c| c.is_alphabetic() && !latin(c))
        .count()
}

/// Is this word an acronym: two to five capitals (and digits), a plural `s`
/// allowed (`CSP`, `SKUs`, `VMs`)? Longer words in capitals are mostly
/// words written in capitals for emphasis (`UPDATE`), which are translated.
pub(crate) fn acronym(word: &str) -> bool {
    let stem = word.strip_suffix('s').unwrap_or(word);
    let capitals = stem.chars().filter(char::is_ascii_uppercase).count();
    (2..=5).contains(&capitals)
        && stem
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// The indices of the source words that spell out an acronym the target
/// writes (`Cloud Solution Provider` for `CSP`, `Virtual Machines` for
/// `VMs`): consecutive words whose initials are the acronym's capitals.
fn expansions(source: &[&str], target: &[&str]) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for word in target.iter().filter(|w| acronym(w)) {
        let n = word.chars().filter(char::is_ascii_uppercase).count();
        for start in 0..source.len().saturating_sub(n - 1) {
            if spells(word, &source[start..start + n]) {
                out.extend(start..start + n);
            }
        }
    }
    out
}

/// Do these words spell out the acronym: one word per capital, each
/// starting with it, not all acronyms themselves?
pub(crate) fn spells(acronym: &str, words: &[&str]) -> bool {
    let capitals: Vec<char> = acronym.chars().filter(char::is_ascii_uppercase).collect();
    capitals.len() == words.len()
        && words.iter().any(|w| !self::acronym(w))
        && words.iter().zip(&capitals).all(|(w, c)| {
            w.chars()
                .next()
                .is_some_and(|f| f.to_ascii_uppercase() == *c)
        })
}

/// Must a translation copy this word? Acronyms (`CSP`, `SKUs`), names with
/// a capital inside (`AppSource`, `eDiscovery`) and codes mixing letters
/// and digits (`E5`, `M365`): no language translates them. Numbers and
/// ordinals (`1st`) are the numbers check's; capitalized words are not
/// here, since most of them are labels a translation translates.
pub fn must_survive(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let inner_capital = word
        .chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| {
        word.strip_suffix(s)
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    });
    let code = letters > 0 && digits > 0 && !ordinal;
    acronym(word) || inner_capital || code
}

/// A count kept in 16 bits (a pair of more than 65,535 sentences is read as
/// that many).
fn few(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
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
    // The word before the mark, read back to the space before it.
    let word = || chars[..i].iter().rev().take_while(|c| !c.is_whitespace());
    next_is_capital && word().count() >= 3 && word().all(|c| c.is_alphabetic())
}

/// The samples of a page's complete, translated pairs whose source has
/// enough translated letters, less the pairs the page accepts inline for
/// `omission`.
pub fn samples(doc: &Document) -> Vec<Sample> {
    let accepted = super::accept::inline_acceptances(doc).accepted;
    doc.segments
        .iter()
        .zip(0..)
        .filter(|(s, _)| super::checks::comparable(s) && !super::untranslated::same_text(s))
        // A sample's letters are some of its source's letters: a source
        // with fewer than the least a sample has is not read further.
        .filter(|(s, _)| s.source_text.chars().filter(|c| c.is_alphabetic()).count() >= MIN_LETTERS)
        // A name ("Heard Island and McDonald Islands") has its conventional
        // translation, whose length says nothing of what was left out.
        .filter(|(s, _)| super::untranslated::should_translate(&s.source_text))
        .filter(|(s, _)| {
            !accepted
                .iter()
                .any(|a| a.code == Code::Omission && a.id == s.id)
        })
        .map(|(s, seg)| Sample {
            seg,
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
        let bare: Vec<&Sample> = samples.iter().map(|(_, _, s)| *s).collect();
        let classes = calibrate(&bare);
        for &(rel, places, sample) in samples {
            if let Some(Some(spread)) = classes.get(sample.class()) {
                out.extend(flag((rel, places, sample.seg), sample, *spread));
            }
        }
    }
    out
}

/// The finding of one pair, if it is an omission by the rules of the
/// module docs.
fn flag(
    at: (&str, &Places, u32),
    sample: &Sample,
    (median, sigma): (f64, f64),
) -> Option<Diagnostic> {
    let below = median - sample.log_ratio();
    let far = |mads: f64, factor: f64| below >= mads * sigma && below >= f64::ln(factor);
    let omitted = (sample.evidence() && far(EVIDENCE_MADS, EVIDENCE_FACTOR))
        || (sample.kept && far(ALONE_MADS, ALONE_FACTOR));
    if !omitted {
        return None;
    }
    let mut signs = vec![format!(
        "its translated words are {:.2} times as long as the source's ({} vs {} letters, not counting the words both sides write the same), where this docset's translations run at {:.2}",
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
    length::finding_at(at, Code::Omission, message).map(|d| d.with_tokens(sample.lost.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKYPE_SOURCE: &str =
        "The Skype for Business plugin will no longer be available in Outlook.";

    /// A sample with these translated letters and no evidence of loss.
    fn sample(i: usize, source: usize, target: usize) -> Sample {
        Sample {
            seg: i as u32,
            source,
            target,
            kept: true,
            lost: Box::default(),
            sentences: (1, 1),
        }
    }

    /// A docset of `n` pairs of 32 translated source letters (the class of
    /// the examples) whose ratios spread evenly around `centre`.
    fn docset(n: usize, centre: f64) -> Vec<Sample> {
        (0..n)
            .map(|i| {
                let wobble = 0.9 + 0.2 * (i % 10) as f64 / 9.0;
                sample(i, 32, (32.0 * centre * wobble).round() as usize)
            })
            .collect()
    }

    fn found(samples: &[Sample], locale: &str) -> Vec<Diagnostic> {
        let places = length::tests::places_of(samples.iter().map(|s| &s.seg));
        let page = PageSamples {
            rel: "a.md",
            places: &places,
            locale,
            samples,
        };
        findings(&[page])
    }

    fn flagged(samples: &[Sample], locale: &str) -> Vec<String> {
        found(samples, locale)
            .into_iter()
            .filter_map(|d| d.id)
            .collect()
    }

    /// `s` as the pair numbered `seg` (id `a-<seg>`).
    fn numbered(mut s: Sample, seg: u32) -> Sample {
        s.seg = seg;
        s
    }

    #[test]
    fn counts_the_letters_of_what_was_translated() {
        let s = Sample::of(SKYPE_SOURCE, "O Skype for Business plug-in do Outlook.");
        // The, plugin, will, no, longer, be, available; O, plug, do: the
        // names (and "in", written the same) are on both sides.
        assert_eq!((s.source, s.target), (32, 7));
        assert!(s.kept && s.lost.is_empty());
        assert_eq!(s.sentences, (1, 1));
    }

    #[test]
    fn the_skype_example_is_an_omission_in_a_portuguese_docset() {
        let mut samples = docset(300, 1.15);
        assert!(flagged(&samples, "pt-BR").is_empty());
        let cut = Sample::of(SKYPE_SOURCE, "O Skype for Business plug-in do Outlook.");
        let whole = Sample::of(
            SKYPE_SOURCE,
            "O plug-in do Skype for Business não estará mais disponível no Outlook.",
        );
        samples.push(numbered(cut, 1000));
        samples.push(numbered(whole, 1001));
        assert_eq!(flagged(&samples, "pt-BR"), ["a-1000"], "the cut one");
        let message = found(&samples, "pt-BR")
            .into_iter()
            .map(|d| d.message)
            .next()
            .unwrap_or_default();
        assert!(
            message.contains("0.22 times as long as the source's (7 vs 32 letters")
                // The docset's median target: 36 of 32 letters (33 to 40 in
                // equal numbers, 36 and 40 twice as often, by rounding).
                && message.contains("run at 1.12"),
            "{message}"
        );
    }

    #[test]
    fn a_concise_translation_needs_evidence_to_be_reported() {
        let mut samples = docset(300, 1.15);
        // 0.6 of the usual share: short, but a concise wording can be.
        samples.push(sample(900, 32, 22));
        let mut lost = sample(901, 32, 22);
        lost.lost = vec!["CSP".to_owned()].into_boxed_slice();
        let mut fewer = sample(902, 32, 22);
        fewer.sentences = (2, 1);
        samples.extend([lost, fewer]);
        assert_eq!(flagged(&samples, "de-DE"), ["a-901", "a-902"]);
        let finding = found(&samples, "de-DE")
            .into_iter()
            .find(|d| d.id.as_deref() == Some("a-901"));
        assert_eq!(finding.map(|d| d.tokens.to_vec()), Some(vec!["CSP".into()]));
    }

    #[test]
    fn chinese_is_read_by_characters_against_its_own_distribution() {
        let s = Sample::of("Open a recon file in Power BI", "在 Power BI");
        assert_eq!((s.source, s.target), (16, 1));
        let whole = Sample::of(
            "Open a recon file in Power BI",
            "在 Power BI 中打开对帐文件",
        );
        assert_eq!(whole.target, 8);
        // Chinese runs at about a third of the English letters: a whole
        // translation is not short there, the cut one is.
        let mut samples = docset(300, 0.33);
        samples.push(numbered(
            Sample {
                source: 32,
                target: 1,
                ..s
            },
            1000,
        ));
        samples.push(numbered(
            Sample {
                source: 32,
                target: 12,
                ..whole
            },
            1001,
        ));
        assert_eq!(flagged(&samples, "zh-CN"), ["a-1000"], "the cut one");
        // The same whole translation would be far too short in Portuguese.
        let mut pt = docset(300, 1.15);
        pt.push(numbered(sample(0, 32, 12), 1000));
        pt[300].sentences = (2, 1);
        assert_eq!(flagged(&pt, "pt-BR"), ["a-1000"]);
    }

    #[test]
    fn german_compounds_and_acronyms_keep_what_they_contain() {
        let source = "All partners participating in the Cloud Solution Provider (CSP) program";
        let s = Sample::of(source, "Alle Partner im CSP-Programm");
        // CSP is in the compound; its expansion counts as said.
        assert!(s.lost.is_empty(), "{:?}", s.lost);
        assert_eq!(s.source, "Allpartnersparticipatingintheprogram".len());
        let s = Sample::of("Azure Spot Virtual Machines", "Azure Spot-VMs");
        assert_eq!(s.source, 0);
    }

    #[test]
    fn words_that_must_survive_are_acronyms_inner_capitals_and_codes() {
        for word in [
            "CSP",
            "SKUs",
            "AppSource",
            "eDiscovery",
            "E5",
            "M365",
            "21Vianet",
        ] {
            assert!(must_survive(word), "{word}");
        }
        for word in ["1st", "12", "Update", "UPDATE", "Partner", "a"] {
            assert!(!must_survive(word), "{word}");
        }
        let s = Sample::of("Buy Office 365 E5 from a CSP.", "Compre o Office 365 e5.");
        assert_eq!(&*s.lost, ["CSP"]);
    }

    #[test]
    fn sentences_end_at_marks_before_a_capital_not_at_abbreviations() {
        assert_eq!(sentences("Select Save. Then close the page."), 2);
        assert_eq!(sentences("Use the U.S. version. It works!"), 2);
        assert_eq!(sentences("1. Join the network"), 1);
        assert_eq!(sentences("See e.g. Partner Center."), 1);
        assert_eq!(sentences("选择保存。然后关闭页面。"), 2);
    }

    #[test]
    fn names_untranslated_and_accepted_pairs_give_no_sample() {
        let pair = |id: &str, t: &str, s: &str| {
            format!("<span data-ttu-id=\"{id}\">{t}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{s}</span></span>\n\n")
        };
        let page = format!(
            "<!-- sxs:accept a-4 omission -->\n\n{}{}{}{}",
            pair(
                "a-1",
                "Ilhas Heard e McDonald",
                "Heard Island and McDonald Islands"
            ),
            pair("a-2", SKYPE_SOURCE, SKYPE_SOURCE),
            pair(
                "a-3",
                "O Skype for Business plug-in do Outlook.",
                SKYPE_SOURCE
            ),
            pair(
                "a-4",
                "O Skype for Business plug-in do Outlook.",
                SKYPE_SOURCE
            ),
        );
        let doc = crate::read_document("a.md", &page);
        let segs = samples(&doc).iter().map(|s| s.seg).collect::<Vec<_>>();
        assert_eq!(Places::of(&doc).ids(segs), ["a-3"]);
    }

    #[test]
    fn a_small_docset_is_not_calibrated() {
        let samples = [sample(0, 32, 1)];
        assert!(flagged(&samples, "pt-BR").is_empty());
    }
}
