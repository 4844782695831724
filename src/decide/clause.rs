//! Clauses: where the clause holding a modal starts, whether the modal is in the main clause
//! or an embedded one, what its subject is, and the verb and agent that follow it.

use super::actor::{subject, Subject};
use super::lexicon::*;
use super::tokens::{is, is_boundary, Tok};
use super::Cx;

/// Start of the clause that holds token `i`: after the last boundary (comma, colon, …), except
/// that a list of short items joined by commas stays one subject ("Your global admin, admin
/// agent, or billing admin can install …").
pub(super) fn clause_start(toks: &[Tok], i: usize) -> usize {
    let mut cur = i;
    let mut extended = false;
    loop {
        let Some(p) = (0..cur).rev().find(|&k| is_boundary(&toks[k])) else {
            // "Once a voucher is created, voucher reservation, training sessions, and voucher
            // redemption must …": the list may reach back to a clause before its first item.
            let before_list = &toks[..cur];
            return if extended && before_list.iter().any(|t| is(&t.w, SUBORDINATORS)) {
                cur + 1
            } else {
                0
            };
        };
        // "Partners using … a control panel vendor (CPV) for billing must …": a parenthesis
        // sits inside its clause.
        if toks[p].w == ")" {
            if let Some(open) = (0..p).rev().find(|&k| toks[k].w == "(") {
                cur = open;
                continue;
            }
        }
        let seg = &toks[p + 1..cur];
        let words = seg.iter().filter(|t| !t.punct).count();
        let starts_list = seg.first().is_some_and(|t| t.w == "and" || t.w == "or");
        let has_pronoun = seg.iter().any(|t| is(&t.w, SUBJECT_PRONOUNS));
        let has_sub = seg.iter().any(|t| is(&t.w, SUBORDINATORS));
        // The last item ("…, or billing admin who installed the app") may be long; the ones
        // before it are short.
        // The previous item must be short for this to be a list at all.
        let prev_short = || {
            let q = (0..p)
                .rev()
                .find(|&k| is_boundary(&toks[k]))
                .map_or(0, |k| k + 1);
            let prev = &toks[q..p];
            // A clause ("the procedure failed") is not an item of a list of names.
            let ends_in_verb = prev
                .last()
                .is_some_and(|t| is(&t.w, FINITE) || (t.w.ends_with("ed") && !t.cap));
            prev.iter().filter(|t| !t.punct).count() <= 4
                && !ends_in_verb
                && !prev
                    .iter()
                    .any(|t| is(&t.w, SUBJECT_PRONOUNS) || is(&t.w, SUBORDINATORS))
        };
        if toks[p].w == ","
            && !has_pronoun
            && !has_sub
            && ((starts_list && !extended && prev_short()) || (extended && words <= 4))
        {
            extended = true;
            cur = p;
            continue;
        }
        return if extended {
            cur_start_after_list(toks, p, cur)
        } else {
            p + 1
        };
    }
}

/// When a comma list was absorbed, the clause starts after the boundary before its first item,
/// provided that item is short too; otherwise at the first item.
fn cur_start_after_list(toks: &[Tok], p: usize, cur: usize) -> usize {
    let seg = &toks[p + 1..cur];
    if seg.iter().filter(|t| !t.punct).count() <= 4 && !seg.iter().any(|t| is(&t.w, SUBORDINATORS))
    {
        p + 1
    } else {
        cur + 1
    }
}

/// Why a marker does not count where it stands.
pub(super) enum Placement {
    /// In a subordinate or content clause.
    Embedded,
    /// In the main clause (or a relative clause with its own subject); subject tokens given.
    Subject(usize, usize, bool),
}

/// Finds the subject of the modal at `i`, or says the modal is embedded.
pub(super) fn place(cx: &Cx, i: usize) -> Placement {
    let toks = cx.toks;
    let cs = clause_start(toks, i);
    let span = &toks[cs..i];
    // The last clause-opening word before the modal decides which clause it is in.
    let last_open = (0..span.len()).rposition(|k| {
        let w = span[k].w.as_ref();
        let prev = k.checked_sub(1).map(|p| span[p].w.as_ref());
        let next = span.get(k + 1).map(|t| t.w.as_ref()).unwrap_or_default();
        let after_next = span.get(k + 2).map(|t| t.w.as_ref()).unwrap_or_default();
        if is(w, TIME_CONJUNCTIONS) {
            // "After that date customers can no longer …": a preposition before a time.
            let time = is(next, MONTHS)
                || next.chars().next().is_some_and(|c| c.is_ascii_digit())
                || next == "then"
                || (is(next, TIME_DETERMINERS) && is(after_next, TIME_NOUNS));
            return !time;
        }
        if w == "that" && prev == Some("such") {
            return true; // "…, such that X cannot …": a clause of result
        }
        if w == "that" {
            // A determiner, not a relative pronoun, at the start of the clause ("then that
            // tenant will receive …") or after a preposition ("in that case").
            let clause_initial = span[..k]
                .iter()
                .all(|t| t.punct || is(&t.w, CLAUSE_OPENERS));
            let after_preposition =
                prev.is_some_and(|p| is(p, POSTMODIFIERS) || is(p, TIME_CONJUNCTIONS));
            return !(clause_initial || after_preposition);
        }
        is(w, SUBORDINATORS) || is(w, RELATIVES)
    });
    let mut only = false;
    let (mut s, e) = match last_open {
        None => (cs, i),
        Some(off) => {
            let k = cs + off;
            let word = toks[k].w.as_ref();
            if is(word, SUBORDINATORS) {
                // "as" and "so" are also adverbs/prepositions: only "as long as", "so that"
                // and a sentence-initial "As"/"So" open a clause.
                let opens = match word {
                    "as" => k == cs || toks.get(k + 1).is_some_and(|n| is(&n.w, AS_CLAUSE_NEXT)),
                    "so" => toks.get(k + 1).is_some_and(|n| n.w == "that") || k == cs,
                    _ => true,
                };
                if opens {
                    return Placement::Embedded;
                }
                (cs, i)
            } else {
                // "that/which/who": content clause after a verb of saying, else relative.
                let before = k
                    .checked_sub(1)
                    .and_then(|b| toks.get(b))
                    .map(|t| t.w.as_ref());
                if before.is_some_and(|b| is(b, THAT_VERBS)) {
                    return Placement::Embedded;
                }
                // "…, such that probabilities cannot be measured", "so that …": a clause of
                // result or purpose, subordinate like "if".
                if word == "that" && before.is_some_and(|b| matches!(b, "such" | "so")) {
                    return Placement::Embedded;
                }
                if word == "that" && before.is_some_and(|b| is(b, ASSERTING_VERBS)) {
                    // "we announce that we will …", "note that … will be enforced": the
                    // asserted clause is the decision, with its own subject.
                    return Placement::Subject(k + 1, i, false);
                }
                let inner = &toks[k + 1..i];
                // "the array from which an element should be chosen": a relative clause with
                // its own subject, describing its antecedent, unless it closed before the
                // modal ("the tenant to which the offer applies must …").
                if word != "that"
                    && before.is_some_and(|b| is(b, PIED_PIPING))
                    && !inner.iter().any(|t| is(&t.w, FINITE))
                {
                    return Placement::Embedded;
                }
                let inner_words: Vec<&Tok> = inner.iter().filter(|t| !is(&t.w, ADVERBS)).collect();
                // "earnings that have been paid and will be paid next month": the relative
                // pronoun is the subject (a verb follows it), and the modal is coordinated with
                // that verb, so it is in the relative clause. ("… keep in mind that Device
                // Portal is intended … and should not be enabled" has its own subject.)
                let subject_relative = inner_words
                    .first()
                    .is_some_and(|t| is(&t.w, FINITE) || is_participle(&t.w));
                if subject_relative
                    && inner_words
                        .last()
                        .is_some_and(|t| matches!(t.w.as_ref(), "and" | "or" | "but"))
                {
                    return Placement::Embedded;
                }
                if inner_words.is_empty() && word == "which" && before == Some(",") {
                    // "…into result, which must be zero initially": a non-restrictive clause
                    // asserts of its antecedent, the subject of the clause before.
                    let ps = clause_start(toks, k - 1);
                    return Placement::Subject(ps, k - 1, false);
                }
                if inner_words.is_empty() {
                    // "enhancements that will impact partners": the relative clause describes
                    // its antecedent; such clauses are not the point of the sentence.
                    return Placement::Embedded;
                }
                let mut ignore = false;
                if inner_words.len() <= 2 && is(&inner_words[0].w, SUBJECT_PRONOUNS) {
                    // "issues that you will need to hand off": the pronoun is the subject,
                    // and the reader is told what to do.
                    (k + 1, i)
                } else if matches!(subject(cx, k + 1, i, &mut ignore), Subject::Party(_)) {
                    // "the contact who Microsoft will contact", "the costs that partners have
                    // to spend": an object relative describing its antecedent.
                    return Placement::Embedded;
                } else {
                    // The relative clause closed before the modal: the antecedent is the
                    // subject ("Requests that are flagged as Completed should …",
                    // "Customers who purchase X must …").
                    (cs, k)
                }
            }
        }
    };
    // A reduced relative: "the special offers you can sell" — the pronoun right before the
    // modal is its subject.
    let mut e = e;
    while e > s && toks.get(e - 1).is_some_and(|t| is(&t.w, ADVERBS)) {
        only |= toks[e - 1].w == "only";
        e -= 1;
    }
    if e > s + 1 && is(&toks[e - 1].w, SUBJECT_PRONOUNS) && e == i {
        s = e - 1;
        // "Only you can change …": keep the restriction.
        if toks.get(e - 2).is_some_and(|t| t.w == "only") {
            only = true;
        }
    }
    Placement::Subject(s, e, only)
}

/// The subject of a clause; when a coordinated clause has none ("This field was previously
/// optional, but is now required …"), the subject of the clause before it.
pub(super) fn clause_subject(cx: &Cx, s: usize, e: usize, only: &mut bool) -> Subject {
    let toks = cx.toks;
    // "Partners can view the report but must not share it": the modal right after "but"
    // shares the subject of the verb before it.
    if e > s + 1
        && toks
            .get(e - 1)
            .is_some_and(|t| matches!(t.w.as_ref(), "but" | "and" | "or"))
    {
        if let Some(verb) = (s..e - 1).find(|&k| is(&toks[k].w, SHARED_SUBJECT_VERBS)) {
            if let Placement::Subject(s2, e2, o2) = place(cx, verb) {
                *only |= o2;
                return subject(cx, s2, e2, only);
            }
        }
    }
    let subj = subject(cx, s, e, only);
    let coordinated = toks
        .get(s..e)
        .and_then(|span| span.iter().find(|t| !t.punct))
        .is_some_and(|t| matches!(t.w.as_ref(), "but" | "and" | "or"));
    if subj != Subject::Empty || !coordinated || s == 0 {
        return subj;
    }
    let Some(boundary) = (0..s).rev().find(|&k| is_boundary(&toks[k])) else {
        return subj;
    };
    let ps = clause_start(toks, boundary);
    let Some(verb) = (ps..boundary).find(|&k| is(&toks[k].w, SHARED_SUBJECT_VERBS)) else {
        return subj;
    };
    match place(cx, verb) {
        Placement::Subject(s2, e2, o2) => {
            *only |= o2;
            subject(cx, s2, e2, only)
        }
        Placement::Embedded => subj,
    }
}

/// The verb after a modal, with adverbs and "-ly" words skipped.
pub(super) struct Verb<'a> {
    /// Index of the verb (or of "be").
    pub at: usize,
    pub word: &'a str,
}

pub(super) fn verb_after<'a>(toks: &'a [Tok], mut j: usize) -> Option<Verb<'a>> {
    while let Some(t) = toks.get(j) {
        if t.punct {
            return None;
        }
        if is(&t.w, ADVERBS) || (t.w.ends_with("ly") && t.w.len() > 4 && !is(&t.w, LY_VERBS)) {
            j += 1;
            continue;
        }
        // "choose to enable": the act is the second verb.
        if t.w == "choose" && toks.get(j + 1).is_some_and(|n| n.w == "to") {
            j += 2;
            continue;
        }
        return Some(Verb {
            at: j,
            word: t.w.as_ref(),
        });
    }
    None
}

/// The word after `at`, adverbs skipped ("will be **directly** reaching out"), with its index.
pub(super) fn word_after<'a>(toks: &'a [Tok], at: usize) -> (&'a str, usize) {
    match verb_after(toks, at + 1) {
        Some(v) => (
            toks.get(v.at).map(|t| t.w.as_ref()).unwrap_or_default(),
            v.at,
        ),
        None => ("", at + 1),
    }
}

pub(super) fn is_participle(w: &str) -> bool {
    (w.ends_with("ed") && w.len() > 3) || is(w, IRREGULAR_PARTICIPLES)
}

/// The party named by a "by …" agent phrase within a few words after `j`.
pub(super) fn by_agent(cx: &Cx, j: usize) -> Option<String> {
    let toks = cx.toks;
    let k = (j..toks.len().min(j + 6)).find(|&k| toks[k].w == "by")?;
    let mut e = k + 1;
    while e < toks.len()
        && !toks[e].punct
        && !is(&toks[e].w, POSTMODIFIERS)
        && !is(&toks[e].w, AGENT_ENDS)
    {
        e += 1;
    }
    let mut only = false;
    match subject(cx, k + 1, e, &mut only) {
        Subject::Party(p) => Some(p),
        _ => None,
    }
}

/// "to come from Y", "to be sent by Y": the one expected to act is Y.
pub(super) fn source_of(cx: &Cx, j: usize) -> Option<String> {
    let toks = cx.toks;
    let v = verb_after(toks, j)?;
    let k = match v.word {
        "come" if toks.get(v.at + 1).is_some_and(|n| n.w == "from") => v.at + 2,
        "be" => return by_agent(cx, v.at + 1),
        _ => return None,
    };
    let mut e = k;
    while e < toks.len() && !toks[e].punct && !is(&toks[e].w, SOURCE_ENDS) {
        e += 1;
    }
    let mut only = false;
    match subject(cx, k, e, &mut only) {
        Subject::Party(p) => Some(p),
        _ => None,
    }
}

/// "Q3", "FY20", "FY2021".
pub(super) fn is_quarter_or_fiscal_year(w: &str) -> bool {
    matches!(w, "q1" | "q2" | "q3" | "q4")
        || w.strip_prefix("fy")
            .is_some_and(|y| !y.is_empty() && y.chars().all(|c| c.is_ascii_digit()))
}
