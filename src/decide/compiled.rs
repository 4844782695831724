//! The lexicon compiled once per site: markers split into their words and indexed by first
//! word, word classes in hash sets, the publisher's vocabulary merged in. Matching then costs
//! one hash look-up per token and allocates nothing.

use super::lexicon::{self, Marker, MARKERS};
use super::publisher::UNNAMED_PUBLISHER;
use super::tokens::tokenize;
use crate::config::DecisionsConfig;
use std::collections::{HashMap, HashSet};

/// One word of a marker.
#[derive(Debug)]
pub(super) enum Elem {
    /// `not`: also "never" and "no longer".
    Not,
    /// `a|b`: any of these words, or the publisher's name when `publisher`.
    Words {
        alts: Box<[&'static str]>,
        publisher: bool,
    },
}

/// A marker of [`MARKERS`] split into its words.
#[derive(Debug)]
pub(super) struct Compiled {
    pub marker: &'static Marker,
    pub elems: Box<[Elem]>,
}

/// Everything the detector reads, for one publisher. Build it once ([`Lexicon::new`]) and pass
/// it to [`super::detect`].
#[derive(Debug)]
pub struct Lexicon {
    pub(super) markers: Vec<Compiled>,
    /// First word of a marker → the markers starting with it, in [`MARKERS`] order.
    pub(super) index: HashMap<String, Vec<usize>>,
    /// The publisher as the actor is written ("Microsoft", or [`UNNAMED_PUBLISHER`]).
    pub(super) publisher: String,
    /// The publisher's name, lower-case words; empty when it has none.
    pub(super) publisher_words: Vec<String>,
    /// Heads of noun phrases that name a party.
    pub(super) parties: HashSet<String>,
    /// Subjects that name the writer ("we", "microsoft support").
    pub(super) speakers: HashSet<String>,
    /// Lower-case proper names kept as written; a party among them (a company) takes no
    /// article.
    pub(super) names: HashSet<String>,
    /// Long forms (lower-case words) and their short form.
    pub(super) abbreviations: Vec<(Vec<String>, String)>,
}

/// The lower-case words of a configured phrase.
fn words_of(phrase: &str) -> Vec<String> {
    tokenize(phrase)
        .into_iter()
        .filter(|t| !t.punct)
        .map(|t| t.w.into_owned())
        .collect()
}

fn compile(marker: &'static Marker) -> Compiled {
    let elems = marker
        .words
        .split(' ')
        .map(|word| match word {
            "not" => Elem::Not,
            _ => Elem::Words {
                alts: word.split('|').filter(|a| *a != "@publisher").collect(),
                publisher: word.split('|').any(|a| a == "@publisher"),
            },
        })
        .collect();
    Compiled { marker, elems }
}

impl Lexicon {
    /// Compiles the English lexicon with a publisher's vocabulary (see
    /// [`super::publisher::resolve`]).
    pub fn new(config: &DecisionsConfig) -> Lexicon {
        let publisher_words = config
            .publisher
            .as_deref()
            .map(words_of)
            .unwrap_or_default();
        let markers: Vec<Compiled> = MARKERS.iter().map(compile).collect();
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, compiled) in markers.iter().enumerate() {
            let firsts: Vec<&str> = match compiled.elems.first() {
                Some(Elem::Not) => vec!["not", "never", "no"],
                Some(Elem::Words { alts, publisher }) => {
                    let name = publisher_words.first().filter(|_| *publisher);
                    alts.iter()
                        .copied()
                        .chain(name.map(String::as_str))
                        .collect()
                }
                None => Vec::new(),
            };
            for first in firsts {
                let list = index.entry(first.to_owned()).or_default();
                if list.last() != Some(&k) {
                    list.push(k);
                }
            }
        }
        let mut parties: HashSet<String> =
            lexicon::PARTIES.iter().map(|p| (*p).to_owned()).collect();
        let mut speakers: HashSet<String> = lexicon::SPEAKER_FORMS
            .iter()
            .map(|p| (*p).to_owned())
            .collect();
        let mut names: HashSet<String> = config.names.iter().flat_map(|n| words_of(n)).collect();
        if let Some(head) = publisher_words.last() {
            parties.insert(head.clone());
            names.insert(head.clone());
            let name = publisher_words.join(" ");
            speakers.extend(
                lexicon::PUBLISHER_FORMS
                    .iter()
                    .map(|form| form.replace("{}", &name)),
            );
        }
        for party in &config.parties {
            if let Some(head) = words_of(party).pop() {
                parties.insert(format!("{head}s"));
                parties.insert(head);
            }
        }
        let abbreviations = config
            .abbreviations
            .iter()
            .map(|(long, short)| (words_of(long), short.clone()))
            .filter(|(long, _)| !long.is_empty())
            .collect();
        Lexicon {
            markers,
            index,
            publisher: config
                .publisher
                .clone()
                .unwrap_or_else(|| UNNAMED_PUBLISHER.to_owned()),
            publisher_words,
            parties,
            speakers,
            names,
            abbreviations,
        }
    }

    /// The lexicon of a publisher with only its known vocabulary (no `site.yml`): what tests
    /// and tools that read one docset use.
    pub fn for_publisher(name: Option<&str>) -> Lexicon {
        Lexicon::new(&super::publisher::resolve(
            &DecisionsConfig::default(),
            name,
        ))
    }

    /// The publisher as an actor: "Microsoft", or "the publisher" when it has no name.
    pub fn publisher(&self) -> &str {
        &self.publisher
    }

    /// `word` (lower case) is the last word of the publisher's name.
    pub(super) fn is_publisher(&self, word: &str) -> bool {
        self.publisher_words.last().is_some_and(|p| p == word)
    }

    /// `word` (lower case) heads a noun phrase that names a party.
    pub(super) fn is_party(&self, word: &str) -> bool {
        self.parties.contains(word)
    }
}
