//! The target-language reading of a decision: which modality a translated sentence states,
//! from a per-language table of cues (data: `pt.rs`, `de.rs`, `zh.rs`), and whether it conflicts
//! with the source's. Locales of other languages get no modality (so no finding), never
//! another language's rules.

mod de;
mod pt;
mod zh;

use super::Modality::{self, *};
use std::ops::Range;
use std::sync::LazyLock;

/// One modal cue of a target language.
#[derive(Debug, Clone, Copy)]
pub struct TargetCue {
    /// Lower-case words in order, separated by spaces; `a|b` alternatives; words of the
    /// table's `skip` list may sit between them (Portuguese clitics: "não **se** deve"); `…`
    /// stands for up to [`GAP`] words inside the clause (German "kann die Laufzeit **nicht**").
    /// In a language written without spaces each alternative is a string of characters.
    pub words: &'static str,
    /// The modality the target sentence states when the cue matches.
    pub modality: Modality,
}

const fn c(words: &'static str, modality: Modality) -> TargetCue {
    TargetCue { words, modality }
}

/// How a language's text is cut into the units cues are made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Words between spaces and punctuation (Portuguese, German).
    Spaced,
    /// One unit per Han character, words for runs of Latin letters and digits (Chinese).
    Unspaced,
}

/// How one target language says the six modalities.
#[derive(Debug, Clone, Copy)]
pub struct TargetLexicon {
    /// The language part of the locale (`pt` serves pt-BR and pt-PT).
    pub language: &'static str,
    /// How the language's text is cut into units for matching.
    pub script: Script,
    /// Cues, tried at every unit; the longest match wins, the first in the sentence decides.
    pub cues: &'static [TargetCue],
    /// Words that look like cues and are not (Chinese 可能 "maybe", 功能 "feature"): when one is
    /// at least as long as the best cue at a unit, the sentence reads on after it.
    pub not_cues: &'static [&'static str],
    /// Words that may sit inside a cue or between a negator and a verb (clitics, adverbs).
    pub skip: &'static [&'static str],
    /// Words that open a subordinate clause when they start one (after the sentence start or
    /// punctuation): the clause is passed over, as the main clause decides (German puts the
    /// modal of "Um … zu können," or "Bevor Sie … können," first in the sentence).
    pub subordinators: &'static [&'static str],
    /// Words that open a subordinate clause only after punctuation (German "der", "die",
    /// "das": articles at the start of a sentence, relative pronouns after a comma).
    pub relatives: &'static [&'static str],
    /// Words a `…` does not reach across (coordinators: "können auf X **und** nicht auf Y").
    pub gap_stops: &'static [&'static str],
    /// Negators: a future verb right after one is a negative commitment.
    pub negators: &'static [&'static str],
    /// Endings of the synthetic future (pt "enviará", "continuarão"): a commitment when no cue
    /// matched first. Empty for languages without one.
    pub future_endings: &'static [&'static str],
    /// Words with a future ending that are not verbs (pt "padrão", "verão").
    pub future_exceptions: &'static [&'static str],
    /// Short future forms the endings miss (pt "irá", "será").
    pub future_words: &'static [&'static str],
}

/// Every target language the modality check knows. Adding one is adding a table here.
pub const TARGET_LEXICONS: &[TargetLexicon] = &[pt::PT, de::DE, zh::ZH];

/// The most words `…` stands for in a cue.
pub const GAP: usize = 8;

/// A unit of a target sentence: lower-cased for matching, its byte range in the sentence (so
/// that a cue can be quoted as written), and whether punctuation separates it from the unit
/// before (a `…` does not reach across a clause).
#[derive(Debug)]
struct Unit {
    text: String,
    at: Range<usize>,
    after_break: bool,
}

/// One word of a cue, compiled.
#[derive(Debug)]
enum Elem {
    Gap,
    /// Alternatives, each a sequence of units.
    Alts(Vec<Vec<String>>),
}

/// A table with its cues split once.
#[derive(Debug)]
struct Compiled {
    table: &'static TargetLexicon,
    cues: Vec<(Vec<Elem>, Modality)>,
    not_cues: Vec<Vec<String>>,
    subordinators: Vec<Vec<String>>,
    relatives: Vec<Vec<String>>,
}

static COMPILED: LazyLock<Vec<Compiled>> =
    LazyLock::new(|| TARGET_LEXICONS.iter().map(compile).collect());

fn split_alternative(alt: &str, script: Script) -> Vec<String> {
    match script {
        Script::Spaced => vec![alt.to_owned()],
        Script::Unspaced => units(alt, script).into_iter().map(|u| u.text).collect(),
    }
}

/// A phrase of a table (a not-cue, a subordinator) as units: its words, or its characters.
fn split_phrase(phrase: &str, script: Script) -> Vec<String> {
    phrase
        .split(' ')
        .flat_map(|part| split_alternative(part, script))
        .collect()
}

fn compile(table: &'static TargetLexicon) -> Compiled {
    let phrases = |list: &[&str]| {
        list.iter()
            .map(|w| split_phrase(w, table.script))
            .collect::<Vec<_>>()
    };
    let elems = |words: &str| {
        words
            .split(' ')
            .map(|w| match w {
                "…" => Elem::Gap,
                _ => Elem::Alts(
                    w.split('|')
                        .map(|a| split_alternative(a, table.script))
                        .collect(),
                ),
            })
            .collect()
    };
    Compiled {
        table,
        cues: table
            .cues
            .iter()
            .map(|cue| (elems(cue.words), cue.modality))
            .collect(),
        not_cues: phrases(table.not_cues),
        subordinators: phrases(table.subordinators),
        relatives: phrases(table.relatives),
    }
}

fn is_han(ch: char) -> bool {
    matches!(ch as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// The units of a target sentence (see [`Script`]).
fn units(text: &str, script: Script) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut start = None;
    let mut after_break = false;
    let end = std::iter::once((text.len(), ' '));
    for (i, ch) in text.char_indices().chain(end) {
        let han = script == Script::Unspaced && is_han(ch);
        let inside = !han && (ch.is_alphanumeric() || ch == '-');
        if let Some(from) = start.filter(|_| !inside) {
            let piece = text.get(from..i).unwrap_or_default();
            let word = piece.trim_matches('-');
            let at = from + piece.len() - piece.trim_start_matches('-').len();
            if !word.is_empty() {
                out.push(Unit {
                    text: word.to_lowercase(),
                    at: at..at + word.len(),
                    after_break,
                });
                after_break = false;
            }
            start = None;
        }
        if han {
            out.push(Unit {
                text: ch.to_string(),
                at: i..i + ch.len_utf8(),
                after_break,
            });
            after_break = false;
        } else if inside {
            start.get_or_insert(i);
        } else if !ch.is_whitespace() && ch != '-' {
            after_break = true;
        }
    }
    out
}

/// How many units an alternative matches at `pos` (the longest alternative that does).
fn match_alts(alts: &[Vec<String>], units: &[Unit], pos: usize) -> Option<usize> {
    alts.iter()
        .filter(|alt| {
            !alt.is_empty()
                && units
                    .get(pos..pos + alt.len())
                    .is_some_and(|span| span.iter().zip(alt.iter()).all(|(u, a)| u.text == *a))
        })
        .map(Vec::len)
        .max()
}

/// How many units a cue spans at `i`.
fn match_cue(elems: &[Elem], units: &[Unit], i: usize, table: &TargetLexicon) -> Option<usize> {
    let mut pos = i;
    let mut gap = false;
    for (k, elem) in elems.iter().enumerate() {
        let Elem::Alts(alts) = elem else {
            gap = true;
            continue;
        };
        if gap {
            // The nearest match within the clause.
            let open = |p: &usize| {
                *p == pos
                    || units.get(*p).is_some_and(|u| {
                        !u.after_break && !table.gap_stops.contains(&u.text.as_str())
                    })
            };
            pos = (pos..=pos + GAP)
                .take_while(open)
                .find(|&p| match_alts(alts, units, p).is_some())?;
            gap = false;
        } else if k > 0 {
            while units.get(pos).is_some_and(|u| {
                table.skip.contains(&u.text.as_str()) && match_alts(alts, units, pos).is_none()
            }) {
                pos += 1;
            }
        }
        pos += match_alts(alts, units, pos)?;
    }
    Some(pos - i)
}

/// The modality of a target sentence's units and the range of units that says it.
fn target_modality_in(units: &[Unit], lx: &Compiled) -> Option<(Modality, Range<usize>)> {
    let table = lx.table;
    let mut i = 0;
    while i < units.len() {
        let after_break = units[i].after_break;
        let subordinate = (i == 0 || after_break)
            && match_alts(&lx.subordinators, units, i).is_some()
            || after_break && match_alts(&lx.relatives, units, i).is_some();
        if subordinate {
            i = (i + 1..units.len())
                .find(|&j| units[j].after_break)
                .unwrap_or(units.len());
            continue;
        }
        let best = lx
            .cues
            .iter()
            .filter_map(|(elems, m)| match_cue(elems, units, i, table).map(|n| (n, *m)))
            .max_by_key(|(n, _)| *n);
        let not_cue = match_alts(&lx.not_cues, units, i);
        if let Some(n) = not_cue.filter(|n| best.is_none_or(|(b, _)| *n >= b)) {
            i += n;
            continue;
        }
        if let Some((n, modality)) = best {
            return Some((modality, i..i + n));
        }
        if let Some(found) = future_at(units, i, table) {
            return Some(found);
        }
        i += 1;
    }
    None
}

/// A synthetic future at `i` (Portuguese "enviará"), negated when a negator comes before it.
fn future_at(units: &[Unit], i: usize, table: &TargetLexicon) -> Option<(Modality, Range<usize>)> {
    let w = units.get(i)?.text.as_str();
    let future = w.chars().count() >= 4
        && table.future_endings.iter().any(|e| w.ends_with(e))
        && !table.future_exceptions.contains(&w)
        || table.future_words.contains(&w);
    if !future {
        return None;
    }
    let word = |j: usize| units.get(j).map_or("", |u| u.text.as_str());
    let mut k = i;
    while k > 0 && table.skip.contains(&word(k - 1)) && !table.negators.contains(&word(k - 1)) {
        k -= 1;
    }
    let is_negator = |j: &usize| table.negators.contains(&word(*j));
    let negator = k
        .checked_sub(1)
        .filter(is_negator)
        .or_else(|| i.checked_sub(1).filter(is_negator));
    Some(match negator {
        Some(from) => (WillNot, from..i + 1),
        None => (Will, i..i + 1),
    })
}

/// The modality of a target-language sentence, from the table of its locale's language
/// (`pt-BR` → `pt`). `None` when the sentence has no modal cue, or when the language has no
/// table.
pub fn target_modality(target_sentence: &str, locale: &str) -> Option<Modality> {
    target_cue(target_sentence, locale).map(|(modality, _)| modality)
}

/// The modality of a target-language sentence (see [`target_modality`]) with the cue that
/// decided it, as written in the sentence ("não deve", "poderá"): what a reviewer looks for.
pub fn target_cue(target_sentence: &str, locale: &str) -> Option<(Modality, String)> {
    let language = locale
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    let lexicon = COMPILED.iter().find(|l| l.table.language == language)?;
    let units = units(target_sentence, lexicon.table.script);
    let (modality, at) = target_modality_in(&units, lexicon)?;
    let start = units.get(at.start).map_or(0, |u| u.at.start);
    let end = units
        .get(at.end.saturating_sub(1))
        .map_or(start, |u| u.at.end);
    let cue = target_sentence.get(start..end).unwrap_or_default();
    Some((modality, cue.to_owned()))
}

/// True when the translation changes the force or the polarity of the source's decision:
/// must → may, will not → will, may → must, will → will not, …
///
/// Renderings that keep force and polarity are equal. The groups are: positive (`will`,
/// `must`, `should`), negative (`will-not`, `must-not`), permission (`may`).
/// - should ↔ must is accepted: Portuguese "deve" renders both, and "esperamos" renders
///   "we expect".
/// - will ↔ must is accepted: "deverá" (future of "dever") is the usual rendering of both a
///   commitment and a future obligation, and both bind someone positively; what a reader must
///   not get wrong is the sign and whether it is only a permission.
/// - will-not ↔ must-not is accepted for the same reason ("não deve", "não poderá").
///
/// A `None` target (no cue found, or a language without table) is never a conflict: the
/// check cannot tell, and a finding would be noise.
pub fn modality_conflict(source: Modality, target: Option<Modality>) -> bool {
    match target {
        None => false,
        Some(t) => source.group() != t.group(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(locale: &str, cases: &[(&str, Option<(Modality, &str)>)]) {
        for (sentence, want) in cases {
            let got = target_cue(sentence, locale);
            let got = got.as_ref().map(|(m, cue)| (*m, cue.as_str()));
            assert_eq!(got, *want, "{locale}: {sentence}");
        }
    }

    #[test]
    fn german_modals_negations_and_clauses() {
        check(
            "de-DE",
            &[
                (
                    "Partner müssen die Vereinbarung akzeptieren.",
                    Some((Must, "müssen")),
                ),
                (
                    "Sie dürfen Ihr Kennwort nicht weitergeben.",
                    Some((MustNot, "dürfen Ihr Kennwort nicht")),
                ),
                (
                    "Sie können die Laufzeit jedoch nicht ändern.",
                    Some((MustNot, "können die Laufzeit jedoch nicht")),
                ),
                (
                    "Partner können keine Abonnements übertragen.",
                    Some((MustNot, "können keine")),
                ),
                ("Sie müssen nichts weiter tun.", Some((Must, "müssen"))),
                (
                    "Sie müssen das Formular nicht ausfüllen.",
                    Some((May, "müssen das Formular nicht")),
                ),
                (
                    "Kunden können innerhalb von 72 Stunden kündigen.",
                    Some((May, "können")),
                ),
                (
                    "Microsoft wird keine E-Mails an Ihre Kunden senden.",
                    Some((WillNot, "wird keine")),
                ),
                (
                    "Die Angebote werden aus der Preisliste entfernt.",
                    Some((Will, "werden")),
                ),
                (
                    "Wir empfehlen, die mehrstufige Authentifizierung zu aktivieren.",
                    Some((Should, "empfehlen")),
                ),
                (
                    "Es wird dringend empfohlen, die Bedingungen zu prüfen.",
                    Some((Should, "wird dringend empfohlen")),
                ),
                (
                    "Stellen Sie sicher, dass Sie die Rolle haben.",
                    Some((Must, "Stellen Sie sicher")),
                ),
                (
                    "Partner sollten die Bedingungen prüfen.",
                    Some((Should, "sollten")),
                ),
                // The subordinate clause first, the main clause decides.
                (
                    "Um diese Schritte ausführen zu können, müssen Sie Administrator sein.",
                    Some((Must, "müssen")),
                ),
                (
                    "Bevor Sie verkaufen können, muss Ihr Unternehmen zugelassen sein.",
                    Some((Must, "muss")),
                ),
                // A gap does not reach across a clause or a coordination.
                ("Sie können X kaufen, aber nicht Y.", Some((May, "können"))),
                (
                    "Sie können auf X und nicht auf Y wechseln.",
                    Some((May, "können")),
                ),
                ("Die Abrechnung erfolgt monatlich.", None),
            ],
        );
    }

    #[test]
    fn chinese_cues_inside_words_and_clauses() {
        check(
            "zh-CN",
            &[
                ("合作伙伴必须接受协议。", Some((Must, "必须"))),
                ("请勿共享你的密码。", Some((MustNot, "请勿"))),
                ("全局管理员不能重置密码。", Some((MustNot, "不能"))),
                ("客户可以在 72 小时内取消。", Some((May, "可以"))),
                (
                    "Microsoft 将不会向你的客户发送通信。",
                    Some((WillNot, "将不会")),
                ),
                ("这些产品/服务将从价目表中删除。", Some((Will, "将"))),
                ("我们建议你启用多重身份验证。", Some((Should, "建议"))),
                ("你无需执行任何操作。", Some((May, "无需"))),
                // Cue characters inside other words are not cues.
                ("此过程可能需要几分钟。", Some((Must, "需要"))),
                ("该功能适用于所有应用。", None),
                // The conditional clause first, the main clause decides.
                ("如果你无法登录，则必须联系支持人员。", Some((Must, "必须"))),
            ],
        );
    }

    #[test]
    fn portuguese_is_unchanged_by_the_other_tables() {
        check(
            "pt-BR",
            &[
                (
                    "Você não deve compartilhar sua senha.",
                    Some((MustNot, "não deve")),
                ),
                (
                    "A Microsoft não enviará comunicações.",
                    Some((WillNot, "não enviará")),
                ),
                ("O padrão de cobrança é mensal.", None),
            ],
        );
        assert_eq!(target_modality("Partner müssen zustimmen.", "pt-BR"), None);
        assert_eq!(
            target_modality("Partner müssen zustimmen.", "de-AT"),
            Some(Must)
        );
        assert_eq!(target_modality("合作伙伴必须接受。", "zh-TW"), Some(Must));
    }
}
