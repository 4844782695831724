//! The marker matcher: which entry of the lexicon stands at a token, longest first.

use super::compiled::{Compiled, Elem, Lexicon};
use super::lexicon::{Marker, ADVERBS};
use super::tokens::{is, Tok};

/// A marker found at some position: the tokens it spans and whether "only" sat inside it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub marker: &'static Marker,
    /// How many words the marker has (the first tie-break between markers).
    pub words: usize,
    pub start: usize,
    /// One past the last matched token.
    pub end: usize,
    pub only: bool,
}

/// Matches one marker word against the tokens at `i`; returns how many tokens it consumed.
fn match_elem(elem: &Elem, toks: &[Tok], i: usize, lx: &Lexicon) -> Option<usize> {
    let t = toks.get(i)?;
    if t.punct {
        return None;
    }
    match elem {
        Elem::Not => {
            if t.w == "not" || t.w == "never" {
                return Some(1);
            }
            if t.w == "no" && toks.get(i + 1).is_some_and(|n| n.w == "longer") {
                return Some(2);
            }
            None
        }
        Elem::Words { alts, publisher } => {
            if alts.contains(&t.w.as_ref()) {
                return Some(1);
            }
            let name = &lx.publisher_words;
            let is_name = *publisher
                && !name.is_empty()
                && toks.get(i..i + name.len()).is_some_and(|span| {
                    span.iter()
                        .zip(name)
                        .all(|(t, w)| !t.punct && t.w == w.as_str())
                });
            is_name.then_some(name.len())
        }
    }
}

/// Tries one marker at token `i`: its words in order, adverbs allowed between them.
fn match_marker(compiled: &Compiled, toks: &[Tok], i: usize, lx: &Lexicon) -> Option<Found> {
    let mut pos = i;
    let mut only = false;
    for (k, elem) in compiled.elems.iter().enumerate() {
        if k > 0 {
            while let Some(t) = toks.get(pos) {
                if is(&t.w, ADVERBS) && match_elem(elem, toks, pos, lx).is_none() {
                    only |= t.w == "only";
                    pos += 1;
                } else {
                    break;
                }
            }
        }
        pos += match_elem(elem, toks, pos, lx)?;
    }
    Some(Found {
        marker: compiled.marker,
        words: compiled.elems.len(),
        start: i,
        end: pos,
        only,
    })
}

/// The longest marker matching at `i` (by words matched, then tokens spanned; the last of
/// equals in lexicon order).
pub(super) fn longest_marker(toks: &[Tok], i: usize, lx: &Lexicon) -> Option<Found> {
    let first = toks.get(i)?;
    lx.index
        .get(first.w.as_ref())?
        .iter()
        .filter_map(|&k| match_marker(&lx.markers[k], toks, i, lx))
        .max_by_key(|f| (f.words, f.end - f.start))
}
