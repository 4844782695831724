//! Readings: what each kind of marker means where it stands — the modal after a party or a
//! thing, the imperative, the speaker's expectation, the requirement, the schedule — and the
//! decision it gives, if any.

use super::actor::{implementer, party_of_act, subject, Subject, READER};
use super::clause::*;
use super::lexicon::Reading::*;
use super::lexicon::*;
use super::matcher::{longest_marker, Found};
use super::tokens::{is, Tok};
use super::{Cx, Decision, Modality, Modality::*};

pub(super) fn detect_in_sentence(cx: &Cx) -> Option<Decision> {
    let toks = cx.toks;
    if is_question(cx) {
        return None;
    }
    let mut i = 0;
    while i < toks.len() {
        let Some(found) = longest_marker(toks, i, cx.lx) else {
            i += 1;
            continue;
        };
        let decision = match found.marker.reading {
            Aux(modality) => aux(cx, &found, modality),
            Imperative(modality) => imperative(cx, &found, modality),
            Speaker(modality) => speaker(cx, &found, modality),
            Requirement(modality) => requirement(cx, &found, modality),
            Expects => expects(cx, &found),
            Prerequisite => prerequisite(cx, &found),
            Scheduled => scheduled(cx, &found),
            BestWay => best_way(cx, &found),
            Ability => ability(cx, &found),
            NotADecision => None,
        };
        if decision.is_some() {
            return decision;
        }
        // "do not" after a subject is descriptive ("transactions that don't occur"): move on
        // past the whole marker so that its "not" is not read as "never".
        i = found.end.max(i + 1);
    }
    None
}

fn is_question(cx: &Cx) -> bool {
    let toks = cx.toks;
    let last = toks
        .iter()
        .rev()
        .find(|t| !(t.punct && matches!(t.w.as_ref(), "\"" | ")" | "”")));
    if last.is_some_and(|t| t.w == "?") {
        return true;
    }
    // "Can I …", "Should partners …" headings without a question mark.
    let mut words = toks.iter().filter(|t| !t.punct).map(|t| t.w.as_ref());
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    is(first, QUESTION_OPENERS)
        && (is(second, QUESTION_SUBJECTS)
            || cx.lx.publisher_words.first().is_some_and(|p| p == second))
}

fn trigger(cx: &Cx, found: &Found) -> String {
    let (text, toks) = (cx.text, cx.toks);
    // "we expect": the trigger is the verb, the speaker ("we", the publisher's name) is not
    // part of it.
    let first = match found.marker.reading {
        Speaker(_) if toks.get(found.start).is_some_and(|t| t.w != "we") => {
            found.start + cx.lx.publisher_words.len().max(1)
        }
        Speaker(_) => found.start + 1,
        _ => found.start,
    };
    let start = toks.get(first).map_or(0, |t| t.start);
    let end = toks
        .get(found.end.saturating_sub(1))
        .map_or(start, |t| t.end)
        .max(start);
    text.get(start..end).unwrap_or_default().to_string()
}

fn decision(
    actor: impl Into<String>,
    modality: Modality,
    cx: &Cx,
    found: &Found,
) -> Option<Decision> {
    Some(Decision {
        actor: actor.into(),
        modality,
        trigger: trigger(cx, found),
    })
}

/// A modal after its subject.
fn aux(cx: &Cx, found: &Found, modality: Modality) -> Option<Decision> {
    let toks = cx.toks;
    // "created prior to 11 May 2020": the month, not the modal.
    if toks
        .get(found.start)
        .is_some_and(|t| t.w == "may" && t.cap && found.start > 0)
    {
        let digit = |k: Option<&Tok>| {
            k.is_some_and(|t| t.w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        };
        if digit(toks.get(found.start + 1))
            || digit(found.start.checked_sub(1).and_then(|b| toks.get(b)))
        {
            return None;
        }
    }
    // "your unique needs to access more benefits": "needs" is a noun after a determiner,
    // a possessive or an adjective.
    let head = toks
        .get(found.start)
        .map(|t| t.w.as_ref())
        .unwrap_or_default();
    if matches!(head, "need" | "needs") {
        let before = found.start.checked_sub(1).and_then(|b| toks.get(b));
        if before.is_some_and(|b| {
            is(&b.w, DETERMINERS) || b.w.ends_with("'s") || is(&b.w, NEED_NOUN_MODIFIERS)
        }) {
            return None;
        }
    }
    let Placement::Subject(s, e, mut only) = place(cx, found.start) else {
        return None;
    };
    only |= found.only;
    let subj = clause_subject(cx, s, e, &mut only);
    let first = toks
        .get(found.start)
        .map(|t| t.w.as_ref())
        .unwrap_or_default();
    // A modal must be followed by something: "These offers were not in the Price List but
    // should be." has no act.
    let verb = verb_after(toks, found.end)?;
    let verb_word = verb.word;
    // "lower than it should have been", "you should have received": a perfect states what
    // was or is presumed, not what is to be done.
    if verb_word == "have" && is_participle(word_after(toks, verb.at).0) {
        return None;
    }
    // "can only sell": the restriction sits between the modal and its verb.
    only |= toks
        .get(found.end..verb.at)
        .is_some_and(|between| between.iter().any(|t| t.w == "only"));
    match subj {
        // "2n-bit output, must be in |0⟩ initially", "(must be a value from 0 to 2^n - 1)": a
        // fragment that states a requirement on the thing it describes binds the reader.
        Subject::Empty if fragment_requirement(toks, modality, &verb, first) => {
            decision(READER, modality, cx, found)
        }
        Subject::Empty | Subject::There => None,
        // "a target machine … should replace this operation": a rule for its implementer.
        Subject::Thing if modality == Should && !is(verb_word, NON_ACTS) => {
            match implementer(cx, s, e) {
                Some(name) => decision(name, Should, cx, found),
                None => thing_aux(cx, found, modality, &verb, first),
            }
        }
        Subject::Thing => thing_aux(cx, found, modality, &verb, first),
        Subject::Party(actor) => {
            party_aux(cx, found, modality, &verb, verb_word, first, actor, only)
        }
    }
}

/// The next few words after a receive verb name an error or a warning.
fn receives_error(toks: &[Tok], at: usize) -> bool {
    toks.iter()
        .skip(at + 1)
        .take(5)
        .take_while(|t| !t.punct)
        .any(|t| is(&t.w, NOT_GIVEN))
}

/// "must be …" / "should be …" with no subject: a property the described thing must have.
fn fragment_requirement(toks: &[Tok], modality: Modality, verb: &Verb, first: &str) -> bool {
    let (next, _) = word_after(toks, verb.at);
    matches!(modality, Must | MustNot | Should)
        && is(first, &["must", "should", "shall"])
        && verb.word == "be"
        && next != "able"
}

/// A modal whose subject is a thing.
fn thing_aux(
    cx: &Cx,
    found: &Found,
    modality: Modality,
    verb: &Verb,
    first: &str,
) -> Option<Decision> {
    let toks = cx.toks;
    let (next, _) = word_after(toks, verb.at);
    let passive = verb.word == "be" && is_participle(next);
    let agent = || by_agent(cx, verb.at + 1);
    let reader = || agent().unwrap_or_else(|| READER.into());
    match modality {
        // Requirements on things bind the reader who handles them; a thing's "must" or "needs
        // to" before an act of its own describes the software ("the device needs to download
        // the update").
        Must if passive
            || is(verb.word, STATE_VERBS)
            || found.marker.words.contains("required") =>
        {
            decision(reader(), Must, cx, found)
        }
        Must => None,
        // "An application can't be registered as both …": a prohibition on the reader; "this
        // value can't be compared": an impossibility.
        MustNot
            if matches!(first, "must" | "shall" | "should")
                || (first == "can" && passive && !is(next, IMPOSSIBILITIES)) =>
        {
            decision(agent().unwrap_or_else(|| READER.into()), MustNot, cx, found)
        }
        Should if passive && !is(next, DISPLAY_PARTICIPLES) => {
            decision(reader(), Should, cx, found)
        }
        // "Each array should contain a list of ints", "The URL should be to a partner-owned
        // website": a requirement on a property; "it should appear", "it should be ready"
        // are forecasts.
        // "The format should be: yyyy-MM-dd": the required form follows the colon.
        Should if verb.word == "be" && toks.get(verb.at + 1).is_some_and(|t| t.w == ":") => {
            decision(reader(), Should, cx, found)
        }
        Should if verb.word != "be" && is(verb.word, STATE_VERBS) => {
            decision(reader(), Should, cx, found)
        }
        Should
            if verb.word == "be" && !passive && !next.is_empty() && !is(next, FORECAST_STATES) =>
        {
            decision(reader(), Should, cx, found)
        }
        // "… and may be set to 0": the reader may choose to.
        May if first == "may" && passive && is(next, READER_ACTS) => {
            decision(reader(), May, cx, found)
        }
        // Under a condition, a thing's "will" is what the software does: "If fewer are
        // specified, coefficients will be padded", "After you change this setting, Cortana
        // will not be available".
        Will | WillNot if under_condition(toks) => None,
        // "Returns … will receive a pro-rated credit": Microsoft gives it.
        Will | WillNot if verb.word == "receive" && !receives_error(toks, verb.at) => {
            decision(cx.lx.publisher(), modality, cx, found)
        }
        // "The promo SKU can be purchased through EA/EAS or CSP": a permitted deal;
        // "Admin rights … can be removed by the customer": a permission of the agent.
        May if first == "can" && passive && (is(next, PERMITTED_DEALS) || agent().is_some()) => {
            decision(agent().unwrap_or_else(|| READER.into()), May, cx, found)
        }
        Will | WillNot if verb.word == "be" => {
            let behaviour = is(next, DISPLAY_PARTICIPLES) || is(next, SOFTWARE_PARTICIPLES);
            if passive && !behaviour {
                decision(
                    agent().unwrap_or_else(|| cx.lx.publisher.clone()),
                    modality,
                    cx,
                    found,
                )
            } else if is(next, COMMITMENT_STATES) {
                decision(cx.lx.publisher(), modality, cx, found)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// A modal whose subject is a party.
#[allow(clippy::too_many_arguments)]
fn party_aux(
    cx: &Cx,
    found: &Found,
    modality: Modality,
    verb: &Verb,
    verb_word: &str,
    first: &str,
    actor: String,
    only: bool,
) -> Option<Decision> {
    let toks = cx.toks;
    let (next, next_at) = word_after(toks, verb.at);
    let passive = verb_word == "be" && is_participle(next);
    match modality {
        Must => decision(actor, Must, cx, found),
        MustNot => {
            // "may not" of a party is a prohibition only with an act ("may not resell"), and
            // "can not"/"may not" of a state is a possibility ("you may not see it").
            if matches!(first, "can" | "may") && (is(verb_word, NON_ACTS) && !passive) {
                return None;
            }
            // "You can't undo it": what is impossible, not what is forbidden.
            if first == "can"
                && (is(verb_word, IMPOSSIBILITIES) || passive && is(next, IMPOSSIBILITIES))
            {
                return None;
            }
            decision(actor, MustNot, cx, found)
        }
        Should => {
            // "You may want to take a few minutes …": the advice is the wanting.
            let advice = found.marker.words.ends_with("want to");
            // "you should be aware / be sure" is advice; "it should take …" a forecast.
            let be_advice = verb_word == "be" && is(next, ADVICE_STATES);
            // "you should receive the app": an outcome, like "you should see it".
            let outcome = is(verb_word, OUTCOME_VERBS) && !passive;
            let forecast = (is(verb_word, NON_ACTS) || outcome) && !passive && !be_advice;
            if forecast && !advice {
                return None;
            }
            decision(actor, Should, cx, found)
        }
        May => {
            let restricted = only;
            if first == "can" && actor == READER && !restricted {
                return None; // "you can select Save": a capability of the product
            }
            if is(verb_word, NON_ACTS) && !(verb_word == "be" && is_participle(next) && restricted)
            {
                return None;
            }
            if !restricted
                && first == "can"
                && (is(verb_word, UI_VERBS) || is(verb_word, BENEFIT_WORDS))
            {
                return None;
            }
            // "The IT administrator can configure these settings": what the product lets a
            // party do is a capability; "can" grants only a right (to sell, to redistribute …)
            // or a limited amount ("can create one sandbox tenant").
            if !restricted
                && first == "can"
                && !is(verb_word, ENTITLEMENT_VERBS)
                && !enters_programme(toks, verb.at)
                && !limits_quantity(toks, verb.at)
            {
                return None;
            }
            decision(actor, May, cx, found)
        }
        Will | WillNot => {
            let (word, _) = if verb_word == "be" {
                if passive {
                    if is(next, DISPLAY_PARTICIPLES) {
                        return None;
                    }
                    // "Global administrators … will be notified": the provider acts.
                    let agent =
                        by_agent(cx, verb.at + 1).unwrap_or_else(|| cx.lx.publisher.clone());
                    return decision(agent, modality, cx, found);
                }
                if is(next, COMMITMENT_STATES) {
                    return decision(cx.lx.publisher(), modality, cx, found);
                }
                if next.ends_with("ing") {
                    (next, next_at) // "we will be aggregating", "will be purchasing"
                } else {
                    return None; // a state: "your status will be Validating"
                }
            } else {
                (verb_word, verb.at)
            };
            // "In this guide, we'll go over …", "you'll be selecting Production": the text's
            // own narrative, and what the reader will do or see, commit nobody.
            if is(word, DISCOURSE_VERBS) && !passive {
                return None;
            }
            // "In this step, we will use the QueryId …": the guide's narrative in "we".
            if actor == cx.lx.publisher && narrative_frame(toks) {
                return None;
            }
            if is(word, RECEIVE_VERBS) {
                return if actor == cx.lx.publisher || receives_error(toks, verb.at) {
                    None
                } else {
                    decision(cx.lx.publisher(), modality, cx, found)
                };
            }
            if is(word, NON_ACTS) && word != "continue" {
                return None;
            }
            if actor == READER {
                // "You will continue to be billed by Microsoft": the doer of the passive
                // commits.
                let (after, at) = word_after(toks, verb.at);
                let (to_be, be_at) = word_after(toks, at);
                if word == "continue" && after == "to" && to_be == "be" {
                    let (participle, _) = word_after(toks, be_at);
                    if is_participle(participle) {
                        let agent =
                            by_agent(cx, be_at + 1).unwrap_or_else(|| cx.lx.publisher.clone());
                        return decision(agent, modality, cx, found);
                    }
                }
                return None;
            }
            decision(actor, modality, cx, found)
        }
    }
}

/// "can enroll in the program", "can participate.": a verb of entering a programme with "in"
/// or nothing after it (an object makes it an act on that object).
fn enters_programme(toks: &[Tok], verb: usize) -> bool {
    toks.get(verb).is_some_and(|t| is(&t.w, PROGRAMME_ENTRY))
        && toks.get(verb + 1).is_none_or(|t| t.punct || t.w == "in")
}

/// The sentence opens with "In this step", "In the next section", …: a guide's narrative.
fn narrative_frame(toks: &[Tok]) -> bool {
    let mut words = toks.iter().filter(|t| !t.punct).map(|t| t.w.as_ref());
    if words.next() != Some("in") {
        return false;
    }
    words
        .find(|w| !is(w, NARRATIVE_FRAME_WORDS))
        .is_some_and(|w| is(w, DOCUMENT_UNITS))
}

/// "Do not …", "Make sure …", "Feel free to …" at the start of a clause.
fn imperative(cx: &Cx, found: &Found, modality: Modality) -> Option<Decision> {
    let toks = cx.toks;
    let head = toks
        .get(found.start)
        .map(|t| t.w.as_ref())
        .unwrap_or_default();
    // The bare "not" entry stands only for "never".
    if found.marker.words == "not" && head != "never" {
        return None;
    }
    // Feel free to is imperative wherever it stands ("…, and feel free to contact …").
    if modality != May {
        let mut k = found.start;
        // Words that may precede an imperative in its clause.
        while k > 0 && is(&toks[k - 1].w, IMPERATIVE_LEADERS) {
            k -= 1;
        }
        // Only at the start of a clause: after punctuation (a comma, a colon, a list dash)
        // or at the start of the sentence.
        if k > 0 && !toks[k - 1].punct {
            return None;
        }
    }
    // "Ensure" as a noun-less heading ("Ensure compliance") is still an instruction.
    let verb = verb_after(toks, found.end);
    if verb.is_none() && modality != Must {
        return None;
    }
    // "Don't worry if …" reassures.
    if modality == MustNot && verb.is_some_and(|v| is(v.word, REASSURANCES)) {
        return None;
    }
    decision(READER, modality, cx, found)
}

/// "we expect X to …", "we recommend that you …", "we encourage partners to …".
fn speaker(cx: &Cx, found: &Found, modality: Modality) -> Option<Decision> {
    let toks = cx.toks;
    let cs = clause_start(toks, found.start);
    if toks[cs..found.start]
        .iter()
        .any(|t| is(&t.w, SUBORDINATORS))
    {
        return None;
    }
    let mut j = found.end;
    if toks.get(j).is_some_and(|t| t.w == "that") {
        j += 1;
        // "we recommend that you determine …": the clause's subject.
        let e = (j..toks.len())
            .find(|&k| !is(&toks[k].w, DETERMINERS) && is_verbish(&toks[k].w) || toks[k].punct)
            .unwrap_or(toks.len());
        let mut only = false;
        return match subject(cx, j, e, &mut only) {
            Subject::Party(p) => decision(p, modality, cx, found),
            _ => decision(READER, modality, cx, found),
        };
    }
    // "we expect/encourage X to V": X is everything up to "to".
    let to = (j..toks.len())
        .take_while(|&k| !toks[k].punct)
        .find(|&k| toks[k].w == "to");
    if let Some(to) = to {
        if to > j {
            // "we expect the majority of customers … to be covering servers": a forecast.
            let (after_to, _) = word_after(toks, to);
            let (after_be, _) = toks
                .get(to + 1)
                .filter(|t| t.w == "be")
                .map_or(("", 0), |_| word_after(toks, to + 1));
            if found.marker.words.contains("expect") && after_to == "be" && !is_participle(after_be)
            {
                return None;
            }
            if let Some(src) = source_of(cx, to + 1) {
                return decision(src, modality, cx, found);
            }
            let mut only = false;
            return match subject(cx, j, to, &mut only) {
                Subject::Party(p) => decision(p, modality, cx, found),
                _ => decision(READER, modality, cx, found),
            };
        }
    }
    // "we recommend reaching out …", "we recommend the following": the reader.
    decision(READER, modality, cx, found)
}

fn is_verbish(w: &str) -> bool {
    is(w, FINITE) || is(w, CLAUSE_VERBS)
}

/// "X is required" (`must`), "X is allowed" (`may`), "X is not required" (`may`, a
/// permission not to act), "X is (not) recommended" (`should` / `must-not`): binds the party
/// named as subject, else the reader.
fn requirement(cx: &Cx, found: &Found, modality: Modality) -> Option<Decision> {
    let toks = cx.toks;
    let Placement::Subject(s, e, mut only) = place(cx, found.start) else {
        return None;
    };
    let head = toks
        .get(found.start)
        .map(|t| t.w.as_ref())
        .unwrap_or_default();
    // "it is recommended to …" / "X is recommended" / an option labelled "not recommended":
    // advice to the reader.
    if found.marker.words.ends_with("recommended") {
        if head == "it" || e > s || found.start == 0 {
            return decision(READER, modality, cx, found);
        }
        return None;
    }
    // "Not required", "Not mandatory for private sharing": a table cell or list item that is
    // the fragment of "X is not required" (RULES.md item 8).
    if head == "not" {
        // Inside a sentence the bare "not required" is some other clause's ("Microsoft is not
        // always required to …" is read by its own marker or not at all).
        if found.start > 0 {
            return None;
        }
        return decision(READER, modality, cx, found);
    }
    // "No partner action is required": no requirement at all.
    if toks
        .get(s..e)
        .and_then(|span| span.iter().find(|t| !t.punct))
        .is_some_and(|t| is(&t.w, NO_QUANTIFIERS))
    {
        return None;
    }
    match clause_subject(cx, s, e, &mut only) {
        Subject::Empty | Subject::There => None,
        Subject::Party(p) if p != READER => decision(p, modality, cx, found),
        _ => decision(
            by_agent(cx, found.end)
                .or_else(|| party_of_act(cx, s, e))
                .unwrap_or_else(|| READER.into()),
            modality,
            cx,
            found,
        ),
    }
}

/// "this method expects a string …": a thing's contract on what the reader passes it.
fn expects(cx: &Cx, found: &Found) -> Option<Decision> {
    let Placement::Subject(s, e, mut only) = place(cx, found.start) else {
        return None;
    };
    let object = cx.toks.get(found.end)?;
    if object.punct || is(&object.w, &["to", "that"]) {
        return None;
    }
    // "you can expect priority response": the reader's own expectation.
    if found
        .start
        .checked_sub(1)
        .and_then(|b| cx.toks.get(b))
        .is_some_and(|t| is_verbish(&t.w) || t.w == "to")
    {
        return None;
    }
    // "Contoso expects partners to …" is someone's expectation of a party, not a contract.
    let party_object = cx
        .toks
        .iter()
        .skip(found.end)
        .take(3)
        .any(|t| cx.lx.is_party(&t.w));
    if party_object {
        return None;
    }
    match clause_subject(cx, s, e, &mut only) {
        Subject::Thing => decision(READER, Should, cx, found),
        _ => None,
    }
}

/// "(… requires an Azure AD Premium subscription)": a prerequisite the reader has to hold.
fn prerequisite(cx: &Cx, found: &Found) -> Option<Decision> {
    // "this may require a restart", "two requirements may introduce delays or require manual
    // intervention": a possible cost, not a rule. A modal before a coordinated verb hedges it
    // too.
    let toks = cx.toks;
    let hedge = |t: &Tok| matches!(t.w.as_ref(), "may" | "might" | "can" | "could");
    let previous = found.start.checked_sub(1).and_then(|b| toks.get(b));
    let coordinated_hedge = previous.is_some_and(|t| matches!(t.w.as_ref(), "or" | "and"))
        && toks
            .get(clause_start(toks, found.start)..found.start)
            .is_some_and(|clause| clause.iter().any(hedge));
    let hedged = previous.is_some_and(hedge) || coordinated_hedge;
    if hedged {
        return None;
    }
    let Placement::Subject(s, e, mut only) = place(cx, found.start) else {
        return None;
    };
    // "This operation requires that the input is adjointable": a state the reader's input must
    // be in (RULES.md item 7).
    let that_clause = cx.toks.get(found.end).is_some_and(|t| t.w == "that");
    let needed = that_clause
        || cx
            .toks
            .iter()
            .skip(found.end)
            .take(6)
            .take_while(|t| !t.punct)
            .any(|t| is(&t.w, PREREQUISITES));
    match clause_subject(cx, s, e, &mut only) {
        Subject::Thing | Subject::Empty if needed => decision(READER, Must, cx, found),
        _ => None,
    }
}

/// The sentence makes its main clause a consequence of the reader's own act ("If you enable
/// this policy, …", "After you change this setting, …"): what a thing then "will" do is the
/// product's behaviour (issue 13). A condition on anything else ("once the processing is
/// complete", "if the customer has …") leaves an announcement standing.
fn under_condition(toks: &[Tok]) -> bool {
    // "only if you meet …" restricts, as "only X can" does: the announcement stands.
    toks.windows(3).any(|w| {
        (is(&w[1].w, CONDITIONS) || is(&w[1].w, TIME_CONJUNCTIONS))
            && w[2].w == READER
            && w[0].w != "only"
    }) || toks.get(..2).is_some_and(|w| {
        w.len() == 2
            && (is(&w[0].w, CONDITIONS) || is(&w[0].w, TIME_CONJUNCTIONS))
            && w[1].w == READER
    })
}

/// A limit right after the verb: "can create one sandbox tenant", "can add up to ten users".
fn limits_quantity(toks: &[Tok], verb: usize) -> bool {
    toks.get(verb + 1).is_some_and(|t| {
        is(&t.w, QUANTITY_LIMITS) || t.w.chars().next().is_some_and(|c| c.is_ascii_digit())
    })
}

/// "only X will be able to …": a restricted permission; any other ability is no decision.
fn ability(cx: &Cx, found: &Found) -> Option<Decision> {
    let toks = cx.toks;
    let Placement::Subject(s, e, mut only) = place(cx, found.start) else {
        return None;
    };
    verb_after(toks, found.end)?;
    match clause_subject(cx, s, e, &mut only) {
        Subject::Party(p) if only => decision(p, May, cx, found),
        _ => None,
    }
}

/// "we are retiring … on July 31, 2021": a scheduled commitment of the publisher.
fn scheduled(cx: &Cx, found: &Found) -> Option<Decision> {
    let toks = cx.toks;
    if !matches!(place(cx, found.start), Placement::Subject(..)) {
        return None;
    }
    let cs = clause_start(toks, found.start);
    if cs != found.start
        && !toks[cs..found.start]
            .iter()
            .all(|t| is(&t.w, SCHEDULE_LEADERS))
    {
        return None;
    }
    let verb = verb_after(toks, found.end)?;
    if !verb.word.ends_with("ing") || is(verb.word, NOT_SCHEDULED) {
        return None;
    }
    // A month ("on July 31"), a quarter or fiscal year ("Later in Q3 FY20"), or a year.
    let dated = toks.iter().any(|t| {
        let w = t.w.as_ref();
        (is(w, MONTHS) && t.cap)
            || is_quarter_or_fiscal_year(w)
            || (w.len() == 4 && w.starts_with("20") && w.chars().all(|c| c.is_ascii_digit()))
    });
    if !dated {
        return None;
    }
    decision(cx.lx.publisher(), Will, cx, found)
}

/// "the best way to do this is to …": advice to the reader.
fn best_way(cx: &Cx, found: &Found) -> Option<Decision> {
    let toks = cx.toks;
    let rest = &toks[found.end..];
    let has_is_to = rest.windows(2).any(|w| w[0].w == "is" && w[1].w == "to");
    has_is_to.then(|| Decision {
        actor: READER.into(),
        modality: Should,
        trigger: trigger(cx, found),
    })
}
