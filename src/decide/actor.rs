//! Actors: what kind of subject a modal has (nobody, "there", a party, a thing) and how a
//! party is written — determiners dropped, "the" before a singular noun, the reader as "you",
//! the writer as the publisher, the publisher's long forms abbreviated.

use super::clause::is_quarter_or_fiscal_year;
use super::compiled::Lexicon;
use super::lexicon::*;
use super::tokens::{is, Tok};
use super::Cx;

/// The reader, as an actor.
pub(super) const READER: &str = "you";

/// What kind of subject a modal has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Subject {
    /// No subject: a fragment or a heading ("Can view cost data").
    Empty,
    /// Dummy "there": "there can be several reasons" is never a decision.
    There,
    /// A party, with its normalised name.
    Party(String),
    /// A thing: a document, a product, a price, a process.
    Thing,
}

/// Classifies and normalises a subject noun phrase.
pub(super) fn subject(cx: &Cx, s: usize, e: usize, only: &mut bool) -> Subject {
    let toks = cx.toks;
    let lx = cx.lx;
    let mut words: Vec<&Tok> = toks
        .get(s..e.min(toks.len()))
        .unwrap_or_default()
        .iter()
        .collect();
    // A time phrase without its comma ("After that date customers …", "In 2021 partners
    // …"): the subject starts after its last time word.
    if words.first().is_some_and(|t| is(&t.w, TIME_PHRASE_OPENERS)) {
        let is_time = |t: &&Tok| {
            is(&t.w, MONTHS) && t.cap
                || is(&t.w, TIME_NOUNS)
                || t.w == "then"
                || t.w.chars().next().is_some_and(|c| c.is_ascii_digit())
                || is_quarter_or_fiscal_year(&t.w)
        };
        if let Some(last) = words.iter().rposition(is_time) {
            words.drain(..=last);
        }
    }
    // Leading conjunctions and sentence adverbs are not part of the subject.
    while let Some(t) = words.first() {
        if is(&t.w, SUBJECT_LEADERS) || t.punct {
            words.remove(0);
        } else {
            break;
        }
    }
    if words.is_empty() {
        return Subject::Empty;
    }
    if words[0].w == "there" {
        return Subject::There;
    }
    // Cut the post-modifier: the first preposition, relative word or participle after a
    // content word ("A partner in the CSP program", "services bought by the partner").
    let mut cut = words.len();
    let mut content = 0;
    for (k, t) in words.iter().enumerate() {
        if t.punct && t.w != "," {
            if content > 0 {
                cut = k;
                break;
            }
            continue;
        }
        let participle = !t.cap
            && (t.w.ends_with("ed") || is(&t.w, IRREGULAR_PARTICIPLES))
            && !lx.is_party(&t.w);
        // "Partners migrating to …": an -ing word followed by a preposition or article.
        let gerund = !t.cap
            && t.w.ends_with("ing")
            && words
                .get(k + 1)
                .is_some_and(|n| is(&n.w, POSTMODIFIERS) || is(&n.w, DETERMINERS));
        // "Those who fail …": a relative clause is never part of the head, even right after
        // a determiner.
        let relative = t.w == "who" && k > 0;
        if relative || content > 0 && (is(&t.w, POSTMODIFIERS) || participle || gerund) {
            cut = k;
            break;
        }
        if !is(&t.w, DETERMINERS) {
            content += 1;
        }
    }
    words.truncate(cut);
    while words.last().is_some_and(|t| t.punct) {
        words.pop();
    }
    // A subject that still holds a verb is not a noun phrase ("Review the details" before an
    // imperative, "select a specialized industry to see …"): no usable subject.
    if words.iter().any(|t| is(&t.w, NOT_IN_SUBJECT)) {
        return Subject::Thing;
    }
    let lower: Vec<&str> = words.iter().map(|t| t.w.as_ref()).collect();
    let joined = lower.join(" ");
    if is(&joined, READER_FORMS) {
        return Subject::Party(READER.into());
    }
    if lx.speakers.contains(&joined) {
        return Subject::Party(lx.publisher.clone());
    }
    if joined == "only you" {
        *only = true;
        return Subject::Party(READER.into());
    }
    // Drop determiners and quantifiers, remembering "only".
    let mut start = 0;
    while let Some(t) = words.get(start) {
        if is(&t.w, DETERMINERS) {
            *only |= t.w == "only";
            start += 1;
        } else {
            break;
        }
    }
    // "Your company's MPN partner admin": the reader's own company works as a determiner.
    if start > 0
        && words[start - 1].w == "your"
        && words
            .get(start)
            .is_some_and(|t| is(&t.w, READER_POSSESSIVES))
    {
        start += 1;
    }
    let np = &words[start..];
    // "Those who fail … must pay": a demonstrative standing for people.
    if np.is_empty() && start > 0 && words[start - 1].w == "those" {
        return Subject::Party(words[start - 1].w.to_string());
    }
    let Some(head) = np.iter().rev().find(|t| !t.punct) else {
        return Subject::Thing;
    };
    let head_word = head.w.trim_end_matches("'s");
    // "Your company's account" is the account, a thing; "it" is always a thing.
    if !lx.is_party(head_word) {
        return Subject::Thing;
    }
    Subject::Party(actor_name(lx, np, head_word))
}

/// "a target machine with lossy measurement" → "the target machine": a subject whose head is
/// a thing that implements a contract ([`IMPLEMENTER_THINGS`]), named like a party.
pub(super) fn implementer(cx: &Cx, s: usize, e: usize) -> Option<String> {
    let span = cx.toks.get(s..e)?;
    let words: Vec<&Tok> = span
        .iter()
        .skip_while(|t| t.punct || is(&t.w, SUBJECT_LEADERS) || is(&t.w, DETERMINERS))
        .take_while(|t| !t.punct && !is(&t.w, POSTMODIFIERS))
        .collect();
    let head = words.last()?;
    if !is(&head.w, IMPLEMENTER_THINGS) {
        return None;
    }
    let mut parts: Vec<&str> = words.iter().map(|t| t.w.as_ref()).collect();
    let one = head
        .w
        .strip_suffix('s')
        .filter(|w| is(w, IMPLEMENTER_THINGS));
    if let (Some(last), Some(one)) = (parts.last_mut(), one) {
        *last = one;
    }
    Some(format!("the {}", parts.join(" ")))
}

/// "Customer acceptance of the agreement", "Admin consent": the party named before a noun of
/// its own act ([`ACT_NOUNS`]) is the one a requirement on that act binds.
pub(super) fn party_of_act(cx: &Cx, s: usize, e: usize) -> Option<String> {
    let span = cx.toks.get(s..e)?;
    let at = span.iter().position(|t| is(&t.w, ACT_NOUNS))?;
    let party = span.get(at.checked_sub(1)?)?;
    let one = singular(cx.lx, &party.w).unwrap_or_else(|| party.w.to_string());
    cx.lx.is_party(&one).then(|| format!("the {one}"))
}

/// Writes a party's name: casing kept for acronyms and names, "Cloud Solution Provider"
/// shortened to "CSP", "the" before a singular common noun.
fn actor_name(lx: &Lexicon, np: &[&Tok], head: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut k = 0;
    while k < np.len() {
        let t = np[k];
        // "Cloud Solution Provider (CSP) partner" and "Cloud Solution Provider partner" → "CSP
        // partner" (the abbreviations are the publisher's).
        if let Some((len, short)) = abbreviation_at(lx, np, k) {
            parts.push(short.to_owned());
            k += len;
            continue;
        }
        if t.punct {
            if t.w == "," {
                if let Some(last) = parts.last_mut() {
                    last.push(',');
                }
            }
            k += 1;
            continue;
        }
        // "the sometimes people", "the currently assigned admin": adverbs are not the party.
        if is_adverb(&t.w) {
            k += 1;
            continue;
        }
        // "Partners", "admins": the party in the singular (issue 13), so that one actor has
        // one name.
        if let Some(one) = singular(lx, &t.w) {
            parts.push(match t.orig.strip_suffix('s').filter(|_| t.inner_cap) {
                Some(acronym) => acronym.to_owned(),
                None => one,
            });
            k += 1;
            continue;
        }
        let keep_case = t.inner_cap
            || (t.cap && lx.names.contains(t.w.as_ref()))
            || t.w.chars().all(|ch| !ch.is_alphabetic());
        parts.push(
            if keep_case && t.orig.to_lowercase().replace('’', "'") == t.w {
                t.orig.to_owned()
            } else {
                t.w.to_string()
            },
        );
        k += 1;
    }
    let name = parts.join(" ");
    let proper = lx.is_publisher(head)
        || lx.names.contains(head)
        || is(head, SUBJECT_PRONOUNS)
        || is(head, INDEFINITE_PEOPLE);
    if proper {
        if lx.is_publisher(head) {
            lx.publisher.clone()
        } else {
            name
        }
    } else if np
        .first()
        .is_some_and(|t| !t.inner_cap && is(&t.w, PERSONAL_PRONOUNS))
    {
        // Coordinations led by a pronoun ("you and your customer") take no article.
        name
    } else {
        format!("the {name}")
    }
}

/// An adverb inside a noun phrase ("also", "currently", "sometimes").
fn is_adverb(w: &str) -> bool {
    is(w, ADVERBS) && !is(w, &["all", "each", "both"])
        || (w.ends_with("ly") && w.len() > 4 && !is(w, LY_VERBS))
}

/// The singular of a plural party noun ("partners" → "partner", "agencies" → "agency",
/// "people" → "person"), when `w` is one.
fn singular(lx: &Lexicon, w: &str) -> Option<String> {
    if w == "people" {
        return Some("person".to_owned());
    }
    if !w.ends_with('s') || w.ends_with("ss") || w.ends_with("us") || is(w, SINGULAR_IN_S) {
        return None;
    }
    let stem = &w[..w.len() - 1];
    let candidates = [
        w.strip_suffix("ies").map(|s| format!("{s}y")),
        w.strip_suffix("es").map(str::to_owned),
        Some(stem.to_owned()),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|one| lx.is_party(one) && one != w)
}

/// The key under which actors are merged (the decisions index groups by it): lower case,
/// whitespace collapsed, no leading article, each word in the singular by the plain English
/// rule. "CSP partners", "the CSP partner" and "the CSP Partner" are one actor.
pub fn actor_key(actor: &str) -> String {
    let lower = actor.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    words
        .iter()
        .map(|w| {
            let (word, comma) = w.strip_suffix(',').map_or((*w, ""), |x| (x, ","));
            let plural = word.len() > 3
                && word.ends_with('s')
                && !word.ends_with("ss")
                && !word.ends_with("us")
                && !is(word, SINGULAR_IN_S);
            let one = if word == "people" {
                "person".to_owned()
            } else if let Some(stem) = word.strip_suffix("ies").filter(|_| plural) {
                format!("{stem}y")
            } else if plural {
                word[..word.len() - 1].to_owned()
            } else {
                word.to_owned()
            };
            format!("{one}{comma}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A long form of the publisher's abbreviations at `k`, before a noun (its last word may be
/// plural), with a following "(SHORT)" taken along: how many words it spans, and the short form.
fn abbreviation_at<'l>(lx: &'l Lexicon, np: &[&Tok], k: usize) -> Option<(usize, &'l str)> {
    lx.abbreviations.iter().find_map(|(long, short)| {
        let n = long.len();
        let matches = np.get(k..k + n).is_some_and(|span| {
            span.iter().zip(long).enumerate().all(|(j, (t, w))| {
                t.w == w.as_str() || (j + 1 == n && t.w.strip_suffix('s') == Some(w.as_str()))
            })
        });
        if !matches || k + n >= np.len() {
            return None;
        }
        let lower = short.to_lowercase();
        let echoed = np.get(k + n).is_some_and(|t| t.w == "(")
            && np.get(k + n + 1).is_some_and(|t| t.w == lower.as_str())
            && np.get(k + n + 2).is_some_and(|t| t.w == ")");
        Some((if echoed { n + 3 } else { n }, short.as_str()))
    })
}
