//! Findings the docset decides about: a difference that the docset's
//! translations make again and again is the target language's habit (or
//! its grammar), not a slip, and is not reported.
//!
//! Three checks hold their findings for this ([`super::checks::Held`]):
//!
//! - **punctuation** (final marks): per class of pairs — block kind and
//!   source ending, `table-cell ends none` — the share of the docset's
//!   pairs whose translation ends in a given other way. German translators
//!   finish table descriptions with a period the English leaves off, in
//!   one cell out of five: a convention of the docset, whatever the
//!   language, while a heading that gains a period or a question that
//!   loses its `?` stays rare, and is reported. A change is a habit when
//!   it occurs in at least [`HABIT_SHARE`] of its class, in a class of at
//!   least [`MIN_CLASS`] pairs (smaller classes say nothing).
//! - **repeated-word**: a doubled word that the docset's translations
//!   double on [`GRAMMAR_PAGES`] pages or more is grammar (German "die
//!   die", relative pronoun + article; "Sie sie"), learnt without a word
//!   list; a slip is rarely made the same way on three pages (a
//!   translation memory may repeat one down a page: pt-BR "clientes
//!   clientes" in three rows of one table stays reported).
//!
//! - **untranslated**: a text left in English whose every word the
//!   docset's own translations use (in pairs whose target is not the
//!   source) is written so in the target language ("Optional", "Version"
//!   in German), not left untranslated; so is one whose every pair of
//!   adjacent words they use, a term the docset keeps inside its own
//!   sentences ("mit dem Status Co-Sell Ready", "zu Microsoft 365 Apps for
//!   Business": a name's connectors count), while a
//!   label translated elsewhere ("Invoice Date", Rechnungsdatum) is not.
//!
//! Calibrated on Partner Center de-DE, confirmed on pt-BR (see the README's
//! check table for the measured figures).

use super::checks::Held;
use super::pair::Basis;
use crate::diagnostic::Diagnostic;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The least share of its class at which a change is a habit.
pub const HABIT_SHARE: f64 = 0.02;
/// The least pairs in a class for its shares to mean anything.
pub const MIN_CLASS: usize = 50;
/// The least letters of a word the target language may be taken to write
/// as English does.
pub const MIN_WORD: usize = 4;
/// The least pages doubling a word for the doubling to be grammar.
pub const GRAMMAR_PAGES: usize = 3;

/// One page's held findings, in its target language.
pub struct PageHeld<'a> {
    /// The page's target language: habits are counted per language.
    pub locale: &'a str,
    /// The page's held findings.
    pub held: &'a [Held],
    /// The page's pairs per habit class (the shares' denominators).
    pub classes: &'a BTreeMap<String, usize>,
    /// The lowercase words of the page's translations, hashed ([`word_hashes`]).
    pub vocabulary: &'a [u64],
}

/// The words of a page's translations as the site pass keeps them
/// ([`PageHeld::vocabulary`]): 64-bit hashes, not the words (the pages of a
/// large docset hold millions of words, of which only the union per
/// language is read). Two words that collide would let a word left in
/// English pass as the docset's: at 64 bits, never seen.
pub fn word_hashes(words: &BTreeSet<String>) -> Vec<u64> {
    words.iter().map(|w| crate::hash64(w.as_str())).collect()
}

/// A word (hashed) in a language: the union of the pages' vocabularies is
/// per language.
fn in_language(locale: &str, word: u64) -> u64 {
    crate::hash64(&(locale.to_ascii_lowercase(), word))
}

/// The held findings that are not habits of their language's pages.
pub fn findings(pages: &[PageHeld<'_>]) -> Vec<Diagnostic> {
    let key = |locale: &str, k: &str| format!("{} {k}", locale.to_ascii_lowercase());
    let mut classes: HashMap<String, usize> = HashMap::new();
    // The words are hashes already: hashed again only by FNV, not SipHash
    // (a docset has millions; `serve` makes this set on every save). Not
    // sized from the pages' counts: the union is far smaller than their sum.
    let mut vocabulary: fnv::FnvHashSet<u64> = fnv::FnvHashSet::default();
    let mut changes: HashMap<String, usize> = HashMap::new();
    for page in pages {
        vocabulary.extend(page.vocabulary.iter().map(|w| in_language(page.locale, *w)));
        for (class, n) in page.classes {
            *classes.entry(key(page.locale, class)).or_default() += n;
        }
        // A doubled word counts once per page: a translation memory repeats
        // a slip down one page ("clientes clientes" for "leads" in three
        // rows of a table), while grammar turns up on page after page.
        let mut on_page: HashSet<&str> = HashSet::new();
        for held in page.held {
            for change in &held.habit.changes {
                let once_per_page = held.habit.basis == Basis::Pages;
                if !once_per_page || on_page.insert(change) {
                    *changes.entry(key(page.locale, change)).or_default() += 1;
                }
            }
        }
    }
    let habit = |locale: &str, held: &Held| {
        let seen = |change: &String| changes.get(&key(locale, change)).copied().unwrap_or(0);
        let all = |test: &dyn Fn(&String) -> bool| held.habit.changes.iter().all(test);
        match &held.habit.basis {
            Basis::Share(class) => {
                let of = classes.get(&key(locale, class)).copied().unwrap_or(0);
                all(&|c| of >= MIN_CLASS && seen(c) as f64 >= HABIT_SHARE * of as f64)
            }
            Basis::Pages => all(&|c| seen(c) >= GRAMMAR_PAGES),
            // Short words collide across languages (English "No", Portuguese
            // "no" = "in the"): only words of MIN_WORD letters or more count.
            Basis::Vocabulary(pairs) => {
                let known = |w: &String| {
                    vocabulary.contains(&in_language(locale, crate::hash64(w.as_str())))
                };
                let words = !held.habit.changes.is_empty()
                    && all(&|w| w.chars().count() >= MIN_WORD && known(w));
                words || (!pairs.is_empty() && pairs.iter().all(known))
            }
        }
    };
    pages
        .iter()
        .flat_map(|page| {
            page.held
                .iter()
                .filter(move |h| !habit(page.locale, h))
                .map(|h| h.finding.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::checks::{segment_findings, Segments};

    fn pair(id: &str, t: &str, s: &str) -> String {
        format!("<span data-ttu-id=\"{id}\">{t}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{s}</span></span>\n\n")
    }

    /// The ids of the findings of a docset of these pages, in `locale`.
    fn docset(pages: &[String], locale: &str) -> Vec<String> {
        let reviewed: Vec<Segments> = pages
            .iter()
            .enumerate()
            .map(|(i, page)| {
                segment_findings(&crate::read_document(&format!("{i}.md"), page), locale)
            })
            .collect();
        let words: Vec<Vec<u64>> = reviewed
            .iter()
            .map(|s| word_hashes(&s.vocabulary))
            .collect();
        let held: Vec<PageHeld<'_>> = reviewed
            .iter()
            .zip(&words)
            .map(|(s, words)| PageHeld {
                locale,
                held: &s.held,
                classes: &s.classes,
                vocabulary: words,
            })
            .collect();
        let mut ids: Vec<String> = findings(&held).into_iter().filter_map(|d| d.id).collect();
        ids.sort();
        ids
    }

    #[test]
    fn a_doubled_word_of_many_pages_is_grammar() {
        let mut pages: Vec<String> = (0..3)
            .map(|i| {
                pair(
                    &format!("g-{i}"),
                    "Partner, die die Option nutzen",
                    "Partners who use the option",
                )
            })
            .collect();
        pages[0].push_str(&pair(
            "t-1",
            "Wählen Sie Sie die Option",
            "Select the option",
        ));
        // Grammar and a slip in one segment: the slip is reported.
        pages[1].push_str(&pair(
            "t-2",
            "Partner, die die Option Option nutzen",
            "Partners who use the option",
        ));
        assert_eq!(docset(&pages, "de-DE"), ["t-1", "t-2"]);
        // Three times on one page is a repeated slip, not grammar.
        let one_page: String = (0..3)
            .map(|i| {
                pair(
                    &format!("s-{i}"),
                    "esses são clientes clientes",
                    "these are leads",
                )
            })
            .collect();
        assert_eq!(docset(&[one_page], "pt-BR"), ["s-0", "s-1", "s-2"]);
    }

    #[test]
    fn words_the_docset_s_translations_use_are_not_untranslated() {
        let page = format!(
            "{}{}{}{}",
            pair(
                "v-1",
                "Optional: Wählen Sie eine Version aus.",
                "Optional: select a version."
            ),
            pair("u-1", "Optional", "Optional"),
            pair("u-2", "Amount", "Amount"),
            pair("u-3", "No", "No"),
        );
        assert_eq!(docset(&[page], "de-DE"), ["u-2", "u-3"]);
        // Portuguese writes "no" (in the), but a two-letter word proves nothing.
        let pt = format!(
            "{}{}",
            pair("v-1", "Veja no portal.", "See the portal."),
            pair("u-3", "No", "No")
        );
        assert_eq!(docset(&[pt], "pt-BR"), ["u-3"]);
    }

    #[test]
    fn a_phrase_the_translations_use_in_their_sentences_is_a_kept_term() {
        let page = format!(
            "{}{}{}{}",
            pair(
                "s-1",
                "Fügen Sie eine Lösung mit dem Status Co-Sell Ready hinzu.",
                "Add at least one co-sell ready solution."
            ),
            pair("u-1", "Co-Sell Ready", "Co-sell ready"),
            pair("u-2", "Invoice Date", "Invoice date"),
            // One pair of the phrase is the docset's, the other is not.
            pair("u-3", "Ready Date", "Ready date"),
        );
        assert_eq!(docset(&[page], "de-DE"), ["u-2", "u-3"]);
    }

    #[test]
    fn an_ending_the_docset_often_changes_is_its_convention() {
        // 60 headings, 10 of which gain a period: the docset's habit.
        let mut page = String::new();
        for i in 0..60 {
            let (t, s) = if i < 10 {
                ("Visão geral.", "Overview")
            } else {
                ("Visão geral", "Overview")
            };
            page.push_str(&format!("# {}", pair(&format!("c-{i}"), t, s)));
        }
        assert!(docset(&[page], "pt-BR").is_empty());
        // A class too small to judge keeps its findings.
        let small = format!("# {}", pair("h-1", "Visão geral.", "Overview"));
        assert_eq!(docset(&[small], "pt-BR"), ["h-1"]);
    }
}
