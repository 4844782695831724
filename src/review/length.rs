//! The length check, calibrated from the docset itself.
//!
//! How long a translation of English runs depends on the language (Chinese
//! about a third of the English characters, German a fifth longer), on the
//! kind of text and on the translator: a fixed band fits one docset and
//! floods another (the 0.50–2.50 band flagged 9,142 complete Chinese
//! translations). So each page leaves the lengths of its pairs
//! ([`Sample`]), and the site pass reads, per target language, the
//! distribution of log(target/source): its median and its median absolute
//! deviation (MAD), robust to the very outliers it looks for. A pair is
//! reported when its log ratio lies more than [`MADS`] scaled MADs from the
//! median *and* more than a factor [`MIN_FACTOR`] from the median ratio, so
//! that a tight distribution does not turn ordinary wordiness into findings.
//!
//! Calibrated on Partner Center pt-BR (17,945 pairs of 40+ source
//! characters: median ratio 1.12, MAD 0.105 in log units), confirmed on
//! de-DE (1.18, 0.131) and zh-CN (0.34, 0.263). At 5 MADs from 40
//! characters up, 15 of the 16 pt-BR pairs flagged were complete
//! translations (labels and short sentences said more concisely), so only
//! sources of [`MIN_SOURCE_CHARS`] or more are read, at 6 MADs and a factor
//! of 2: pt-BR keeps the one real addition (a sentence from elsewhere, 2.27).
//!
//! A docset with fewer than [`MIN_SAMPLES`] such pairs for a language has no
//! distribution to speak of: it falls back to a fixed band around a ratio
//! of 1 (spaced languages) or 0.4 (languages written without spaces).

use super::narrow;
use super::places::Places;
use crate::diagnostic::{Code, Diagnostic};
use std::collections::{BTreeMap, HashSet};

/// Sources shorter than this are not read: their ratio swings with a word.
pub const MIN_SOURCE_CHARS: usize = 80;
/// Distance from the median, in scaled MADs, beyond which a ratio is odd.
pub const MADS: f64 = 6.0;
/// …and the least factor from the median ratio that is reported.
pub const MIN_FACTOR: f64 = 2.0;
/// Fewer pairs than this: the fixed fallback band.
pub const MIN_SAMPLES: usize = 200;
/// The MAD of a normal distribution is 0.6745 σ; scaled, it estimates σ.
const MAD_SCALE: f64 = 1.4826;

/// The lengths of one pair, in characters of readable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    /// The pair's number on its page (see [`Places`]), for the finding.
    pub seg: u32,
    /// Characters of the source's readable text.
    pub source: u32,
    /// Characters of the target's readable text.
    pub target: u32,
}

impl Sample {
    fn log_ratio(&self) -> f64 {
        (self.target as f64 / self.source as f64).ln()
    }
}

/// The expected range of one language pair, in ratios (target/source).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    /// The least target/source ratio that is not odd.
    pub low: f64,
    /// The greatest target/source ratio that is not odd.
    pub high: f64,
    /// The docset's median ratio, or `None` for the fallback band.
    pub median: Option<f64>,
}

/// The band for a language's samples (sources long enough only).
pub fn calibrate(samples: &[&Sample], unspaced: bool) -> Band {
    let mut logs: Vec<f64> = samples.iter().map(|s| s.log_ratio()).collect();
    if logs.len() < MIN_SAMPLES {
        let centre: f64 = if unspaced { 0.4 } else { 1.0 };
        return Band {
            low: centre / 2.5,
            high: centre * 2.5,
            median: None,
        };
    }
    let (median, sigma) = spread(&mut logs);
    let spread = (MADS * sigma).max(MIN_FACTOR.ln());
    Band {
        low: (median - spread).exp(),
        high: (median + spread).exp(),
        median: Some(median.exp()),
    }
}

/// The median of log ratios and their scaled MAD (an estimate of σ that
/// the outliers looked for do not inflate): what both this check and the
/// omission check ([`super::omission`]) measure a pair against.
pub fn spread(logs: &mut [f64]) -> (f64, f64) {
    let median = median(logs);
    let mut deviations: Vec<f64> = logs.iter().map(|l| (l - median).abs()).collect();
    (median, MAD_SCALE * self::median(&mut deviations))
}

/// The median of a non-empty list (sorted in place).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => values[n / 2],
        _ => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// One page's samples, for the site pass: the lengths of its pairs, or
/// (for the omission check) what else a calibrated check keeps of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSamples<'a, S = Sample> {
    /// The page, relative to the content folder: the findings' file.
    pub rel: &'a str,
    /// Where the page's segments are: the findings' places.
    pub places: &'a Places,
    /// The page's target language tag.
    pub locale: &'a str,
    /// The samples of the page's pairs.
    pub samples: &'a [S],
}

/// A sample with its page's file and places.
pub type Placed<'a, S> = (&'a str, &'a Places, &'a S);

/// The pages' samples per target language (lowercase tag), each with its
/// page: a docset is calibrated language by language.
pub fn by_language<'a, S>(pages: &[PageSamples<'a, S>]) -> BTreeMap<String, Vec<Placed<'a, S>>> {
    let mut out: BTreeMap<String, Vec<Placed<'a, S>>> = BTreeMap::new();
    for page in pages {
        let entry = out.entry(page.locale.to_ascii_lowercase()).or_default();
        entry.extend(page.samples.iter().map(|s| (page.rel, page.places, s)));
    }
    out
}

/// A finding of a calibrated check at its sample's segment (none if the
/// page has no such segment, which its own samples never name).
pub fn finding_at(
    (rel, places, seg): (&str, &Places, u32),
    code: Code,
    message: String,
) -> Option<Diagnostic> {
    let place = places.get(seg)?;
    Some(
        Diagnostic::new(
            rel,
            (place.line, place.column),
            code,
            code.default_severity(),
            message,
        )
        .with_id(place.id),
    )
}

/// The length findings of a docset: each language calibrated on its own
/// pages' samples.
pub fn findings(pages: &[PageSamples<'_>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (language, samples) in &by_language(pages) {
        let long: Vec<&Sample> = samples.iter().map(|(_, _, s)| *s).collect();
        let unspaced = super::locale::Locale::of(language).unspaced;
        let band = calibrate(&long, unspaced);
        for &(rel, places, sample) in samples {
            out.extend(flag((rel, places, sample.seg), sample, &band));
        }
    }
    out
}

/// The finding of one pair outside its band.
fn flag(at: (&str, &Places, u32), sample: &Sample, band: &Band) -> Option<Diagnostic> {
    let ratio = sample.target as f64 / sample.source as f64;
    if (band.low..=band.high).contains(&ratio) {
        return None;
    }
    let hint = if ratio < band.low {
        "check that no part of the sentence was left out"
    } else {
        "check that nothing was added or repeated"
    };
    let basis = match band.median {
        Some(median) => format!("this docset's translations in this language run at {median:.2} (usual range {:.2}–{:.2})", band.low, band.high),
        None => format!("{:.2}–{:.2} is expected; the docset is too small to calibrate", band.low, band.high),
    };
    let message = format!(
        "the translation is {ratio:.2} times as long as the source ({} vs {} characters; {basis}); {hint}",
        sample.target, sample.source
    );
    finding_at(at, Code::Length, message)
}

/// The samples of a page's complete pairs whose source is long enough,
/// less the pairs the page accepts inline for `length`.
pub fn samples(doc: &crate::model::Document) -> Vec<Sample> {
    let accepted = super::accept::inline_acceptances(doc).accepted;
    doc.segments
        .iter()
        .zip(0..)
        .filter(|(s, _)| super::checks::comparable(s))
        .filter(|(s, _)| {
            !accepted
                .iter()
                .any(|a| a.code == Code::Length && a.id == s.id)
        })
        .map(|(s, seg)| Sample {
            seg,
            source: narrow(
                s.source_text
                    .trim()
                    .chars()
                    .count()
                    .saturating_sub(gloss_chars(s.source_text.trim(), &s.target_text)),
            ),
            target: narrow(s.target_text.trim().chars().count()),
        })
        .filter(|s| s.source as usize >= MIN_SOURCE_CHARS && s.target > 0)
        .collect()
}

/// The characters of an English gloss in the source that the target need
/// not say: the source names something in the target's own language and
/// explains the name to the English reader, `X, or Y` or `X (Y)`
/// ("Cadastro Nacional da Pessoa Jurídica, or National Registry of Legal
/// Entities"). Read so when the last two words before the gloss are in
/// the target (the name is kept), and the gloss is a name of two words or
/// more (capitalized words and connectors) none of whose words the target
/// has. An explanation that is not a name ("Partner Center (the portal
/// where …)") is content, and counts.
fn gloss_chars(source: &str, target: &str) -> usize {
    // The target's words are read only for a source with a gloss (few).
    let in_target: std::cell::OnceCell<HashSet<String>> = std::cell::OnceCell::new();
    let kept = |w: &&str| {
        in_target
            .get_or_init(|| {
                super::omission::words(target)
                    .map(str::to_lowercase)
                    .collect()
            })
            .contains(&w.to_lowercase())
    };
    for (at, _) in source.match_indices([',', '(']) {
        let rest = &source[at..];
        let Some(gloss) = rest
            .strip_prefix(", or ")
            .or_else(|| rest.strip_prefix('('))
        else {
            continue;
        };
        let gloss = gloss.split(')').next().unwrap_or_default();
        let before: Vec<&str> = super::omission::words(&source[..at]).collect();
        let glossed: Vec<&str> = super::omission::words(gloss).collect();
        let name_kept = before.len() >= 2 && before[before.len() - 2..].iter().all(kept);
        let english_name = glossed.len() >= 2
            && !super::untranslated::should_translate(gloss)
            && !glossed.iter().any(|w| w.chars().count() >= 3 && kept(w));
        if name_kept && english_name {
            let end = gloss.as_ptr() as usize - source.as_ptr() as usize + gloss.len();
            let end = end + usize::from(source[end..].starts_with(')'));
            return source[at..end].chars().count();
        }
    }
    0
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn sample(i: u32, source: u32, target: u32) -> Sample {
        Sample {
            seg: i,
            source,
            target,
        }
    }

    /// A page whose segment `n` has the id `a-n`, up to the last of
    /// `samples`.
    pub(crate) fn places_of<'s>(segs: impl Iterator<Item = &'s u32>) -> Places {
        let ids: Vec<String> = (0..=segs.max().copied().unwrap_or(0))
            .map(|n| format!("a-{n}"))
            .collect();
        Places::from_segments(ids.iter().zip(1..).map(|(id, line)| (id.as_str(), line, 1)))
    }

    /// A docset of `n` pairs whose ratios spread evenly around `centre`.
    fn docset(n: u32, centre: f64) -> Vec<Sample> {
        (0..n)
            .map(|i| {
                let wobble = 0.85 + 0.3 * (i % 10) as f64 / 9.0;
                sample(i, 100, (100.0 * centre * wobble).round() as u32)
            })
            .collect()
    }

    fn flagged(samples: &[Sample], locale: &str) -> Vec<String> {
        let places = places_of(samples.iter().map(|s| &s.seg));
        let page = PageSamples {
            rel: "a.md",
            places: &places,
            locale,
            samples,
        };
        findings(&[page]).into_iter().filter_map(|d| d.id).collect()
    }

    #[test]
    fn a_chinese_docset_sets_its_own_band() {
        // Complete Chinese translations run at about a third of the English.
        let mut samples = docset(400, 0.34);
        assert!(flagged(&samples, "zh-CN").is_empty());
        samples.push(sample(900, 200, 20)); // a tenth: most of it dropped
        samples.push(sample(901, 100, 90)); // over twice the usual: something added
        assert_eq!(flagged(&samples, "zh-CN"), ["a-900", "a-901"]);
        // The same pairs in a Portuguese docset would all be far too short.
        let pt: Vec<Sample> = docset(400, 1.1);
        assert!(flagged(&pt, "pt-BR").is_empty());
    }

    #[test]
    fn languages_are_calibrated_apart() {
        let mut pages = docset(300, 1.1);
        let zh = docset(300, 0.34);
        let odd = sample(999, 100, 35); // normal in Chinese, not in Portuguese
        pages.push(odd.clone());
        let zh = [zh, vec![odd]].concat();
        let places = places_of(pages.iter().chain(&zh).map(|s| &s.seg));
        let found = findings(&[
            PageSamples {
                rel: "pt.md",
                places: &places,
                locale: "pt-BR",
                samples: &pages,
            },
            PageSamples {
                rel: "zh.md",
                places: &places,
                locale: "zh-CN",
                samples: &zh,
            },
        ]);
        let files: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|d| (d.file.as_str(), d.id.as_deref()))
            .collect();
        assert_eq!(files, [("pt.md", Some("a-999"))]);
    }

    #[test]
    fn a_tiny_docset_falls_back_to_a_fixed_band() {
        let samples = [sample(0, 100, 110), sample(1, 100, 30), sample(2, 100, 260)];
        assert_eq!(flagged(&samples, "pt-BR"), ["a-1", "a-2"]);
        let band = calibrate(&samples.iter().collect::<Vec<_>>(), false);
        assert_eq!(band.median, None);
        assert!(flagged(&[sample(0, 100, 30)], "ja-JP").is_empty());
    }

    #[test]
    fn a_tight_distribution_keeps_a_least_factor() {
        // Every pair at exactly 1.1: the MAD is 0, the band still 2× wide.
        let mut samples: Vec<Sample> = (0..300).map(|i| sample(i, 100, 110)).collect();
        samples.push(sample(500, 100, 70));
        samples.push(sample(501, 100, 50));
        assert_eq!(flagged(&samples, "de-DE"), ["a-501"]);
    }

    #[test]
    fn an_english_gloss_of_a_name_the_target_keeps_is_not_counted() {
        let gloss = |source: &str, target: &str| gloss_chars(source, target);
        let cnpj = "CNPJ – (Cadastro Nacional da Pessoa Jurídica, or National Registry of Legal Entities).";
        assert_eq!(
            gloss(cnpj, "CNPJ – Cadastro Nacional de Pessoa Jurídica."),
            ", or National Registry of Legal Entities)".chars().count()
        );
        assert_eq!(
            gloss(
                "Enter the Handelsregisternummer (Commercial Register Number) of the company.",
                "Geben Sie die Handelsregisternummer des Unternehmens ein."
            ),
            0,
            "the words before the gloss are not both kept"
        );
        for (source, target) in [
            // An explanation that is not a name is content.
            (
                "Sign in to Partner Center (the portal where you manage your customers) first.",
                "Entre no Partner Center primeiro.",
            ),
            // The target says the gloss: nothing was left out.
            (
                "Open Cadastro Nacional (National Registry) now.",
                "Abra o Cadastro Nacional (National Registry) agora.",
            ),
            // The name before the gloss is not kept.
            (
                "Open the Cadastro Nacional, or National Registry.",
                "Abra o registro.",
            ),
        ] {
            assert_eq!(gloss(source, target), 0, "{source}");
        }
    }

    #[test]
    fn short_sources_and_accepted_pairs_give_no_sample() {
        let pair = |id: &str, t: &str, s: &str| {
            format!("<span data-ttu-id=\"{id}\">{t}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{s}</span></span>\n\n")
        };
        let long = "This sentence is long enough to be read by the length check of sxs.";
        let long = format!("{long} {long}");
        let page = format!(
            "<!-- sxs:accept a-3 length -->\n\n{}{}{}",
            pair("a-1", "Sim", "Yes"),
            pair("a-2", "Curto.", &long),
            pair("a-3", "Curto.", &long),
        );
        let doc = crate::read_document("a.md", &page);
        let segs = samples(&doc).iter().map(|s| s.seg).collect::<Vec<_>>();
        assert_eq!(Places::of(&doc).ids(segs), ["a-2"]);
    }
}
