//! What a check sees and says: one aligned pair read once ([`Pair`]), and
//! a check's finding ([`Flag`]). Kept apart from the table of checks
//! ([`super::checks`]) so that the checks depend on these values, not on the
//! table that runs them.

use super::locale::Locale;
use super::profile::Profile;
use crate::model::Segment;

/// One pair as the checks see it: the segment and both sides read once.
#[derive(Debug)]
pub struct Pair<'a> {
    /// The segment as aligned, for its id, place and raw text.
    pub segment: &'a Segment,
    /// The target side, read once for every check.
    pub target: Profile,
    /// The source side, read once for every check.
    pub source: Profile,
    /// How the target language writes what the checks compare (numbers,
    /// punctuation, quotes).
    pub locale: Locale,
    /// The target language tag (`pt-BR`), to recognise localized URLs.
    pub target_locale: &'a str,
    /// Does text touch the segment, without a space, before and after it?
    pub touching: (bool, bool),
    /// Is the pair a list item next to another item (the row before or
    /// after) that the translation also keeps as is? Two items kept in a
    /// list the page translates around them are names, as a list of
    /// products or programs is ([`super::untranslated::kept_item`]).
    pub kept_beside: bool,
}

/// What a check found in one pair.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flag {
    /// For people: what differs and what to do.
    pub message: String,
    /// The offending tokens as written in either language (numbers, code,
    /// link targets …), so that a reader sees them marked in both columns
    /// instead of searching the sentence for them.
    pub tokens: Vec<String>,
    /// For a finding the docset decides about ([`super::habits`]): what
    /// kind of difference it is, so that the site pass can tell a habit of
    /// the docset's translations (German doubles "die die" on many pages)
    /// from a slip. `None`: reported as it is.
    pub habit: Option<Habit>,
}

/// What a held finding is an instance of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Habit {
    /// How the docset decides about it.
    pub basis: Basis,
    /// The differences (`heading ends . > none`; `doubled die`,
    /// `doubled sie`; the words left in English): the finding is a habit
    /// when every one of them is.
    pub changes: Vec<String>,
}

/// How the site pass decides whether a held finding is a habit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// A change made in a large enough share of this class of pairs
    /// (`heading ends .`), counted over the docset.
    Share(String),
    /// A change found on enough pages.
    Pages,
    /// Words the docset's own translations use (in pairs whose target is
    /// not the source): the target language writes them so. Also when
    /// these adjacent word pairs (`co-sell ready`) are all the
    /// translations' own: the docset keeps the phrase inside its
    /// sentences, as a term.
    Vocabulary(Vec<String>),
}

impl Flag {
    /// A finding with this message, no tokens, reported as it is (not held).
    pub fn new(message: impl Into<String>) -> Flag {
        Flag {
            message: message.into(),
            tokens: Vec::new(),
            habit: None,
        }
    }

    /// Holds the finding for the docset to decide ([`super::habits`]).
    pub fn held(mut self, basis: Basis, changes: Vec<String>) -> Flag {
        self.habit = Some(Habit { basis, changes });
        self
    }

    /// Adds tokens, each once, empty ones left out (they would mark nothing).
    pub fn with_tokens<S: AsRef<str>>(mut self, tokens: impl IntoIterator<Item = S>) -> Flag {
        for token in tokens {
            let token = token.as_ref();
            if !token.is_empty() && !self.tokens.iter().any(|t| t == token) {
                self.tokens.push(token.to_owned());
            }
        }
        self
    }
}
