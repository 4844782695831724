//! The numbers check: every number of the source is in the target and the
//! reverse, whatever the separators.
//!
//! Numbers are read from prose only (inline code, link targets and URLs
//! written in the text are skipped). A number may be written with the
//! source's separators (`1,000.5`) or the target locale's (`1.000,5` in
//! pt-BR): each number is compared by its value under either convention, so
//! a translator who keeps `1,000` and one who writes `1.000` are both right.
//! Numbers are compared as multisets, so dates whose parts swap places
//! (`11/18/2020` → `18/11/2020`) and times (`5:00`) match part by part.
//! Letters after digits are a unit or an ordinal (`10GB`, `1st`, `1º`), and
//! the digits count. Digits glued after letters (`FY21`, `Q1`, `E3`) and
//! numbers or months written as words in English or Portuguese (`three`,
//! `dois`, `March`) only answer numbers of the other side: `FY21 Q1` may
//! become `1º trimestre do ano fiscal de 2021`, and `three` may become `3`,
//! but neither is required.

use super::locale::Locale;
use super::profile::ATOM;

/// One number as written, with the values it can mean. A *soft* number
/// (digits glued to letters, a number or month written as a word) may
/// answer a number of the other side but is never missed itself: `FY21`
/// may become `ano fiscal de 2021`, and `three` may become `3`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Number<'a> {
    written: &'a str,
    values: Vec<String>,
    soft: bool,
}

/// Thousands and decimal separators of a writing convention.
type Convention = (char, char);

/// The source's convention (English).
const SOURCE: Convention = (',', '.');

/// Numbers and months as words, English and Portuguese, with their values.
const WORDS: &[(&str, &str)] = &[
    ("zero", "0"), ("one", "1"), ("two", "2"), ("three", "3"), ("four", "4"), ("five", "5"),
    ("six", "6"), ("seven", "7"), ("eight", "8"), ("nine", "9"), ("ten", "10"), ("eleven", "11"),
    ("twelve", "12"), ("fifteen", "15"), ("twenty", "20"), ("thirty", "30"), ("forty", "40"),
    ("fifty", "50"), ("sixty", "60"), ("ninety", "90"), ("hundred", "100"), ("thousand", "1000"),
    ("first", "1"), ("second", "2"), ("third", "3"), ("fourth", "4"), ("fifth", "5"),
    ("once", "1"), ("twice", "2"), ("um", "1"), ("uma", "1"), ("dois", "2"), ("duas", "2"),
    ("três", "3"), ("quatro", "4"), ("cinco", "5"), ("seis", "6"), ("sete", "7"), ("oito", "8"),
    ("nove", "9"), ("dez", "10"), ("onze", "11"), ("doze", "12"), ("quinze", "15"),
    ("vinte", "20"), ("trinta", "30"), ("quarenta", "40"), ("cinquenta", "50"),
    ("sessenta", "60"), ("noventa", "90"), ("cem", "100"), ("cento", "100"), ("mil", "1000"),
    ("primeiro", "1"), ("primeira", "1"), ("segundo", "2"), ("segunda", "2"),
    ("terceiro", "3"), ("terceira", "3"), ("quarto", "4"), ("quarta", "4"), ("quinto", "5"),
    ("quinta", "5"), ("january", "1"), ("february", "2"), ("march", "3"), ("april", "4"),
    ("may", "5"), ("june", "6"), ("july", "7"), ("august", "8"), ("september", "9"),
    ("october", "10"), ("november", "11"), ("december", "12"), ("janeiro", "1"),
    ("fevereiro", "2"), ("março", "3"), ("abril", "4"), ("maio", "5"), ("junho", "6"),
    ("julho", "7"), ("agosto", "8"), ("setembro", "9"), ("outubro", "10"), ("novembro", "11"),
    ("dezembro", "12"),
];

/// The numbers of a prose text, URLs skipped, read with these conventions.
fn numbers<'a>(prose: &'a str, conventions: &[Convention]) -> Vec<Number<'a>> {
    let mut out = Vec::new();
    for word in prose.split(|c: char| c.is_whitespace() || c == ATOM) {
        if is_url(word) {
            continue;
        }
        for (written, glued) in tokens(word) {
            if glued {
                out.push(glued_number(written));
            } else {
                out.extend(written_numbers(written, conventions));
            }
        }
        out.extend(word_numbers(word));
    }
    out
}

/// A number as written, or, when no convention reads it (`10.0.19041`,
/// `31,2021`), its parts.
fn written_numbers<'a>(written: &'a str, conventions: &[Convention]) -> Vec<Number<'a>> {
    if let Some(values) = values(written, conventions) {
        return vec![Number { written, values, soft: false }];
    }
    written
        .split(['.', ','])
        .map(|part| Number {
            written: part,
            values: vec![canonical(part, "")],
            soft: false,
        })
        .collect()
}

/// Digits glued after letters: `Q1`, `FY21` (a two-digit year, so also
/// 2021), `E3`.
fn glued_number(written: &str) -> Number<'_> {
    let mut values = vec![canonical(written, "")];
    if written.len() == 2 {
        values.push(format!("20{written}"));
    }
    Number { written, values, soft: true }
}

/// Numbers and months written as words in a word (`twelve-month`).
fn word_numbers(word: &str) -> Vec<Number<'_>> {
    word.split(|c: char| !c.is_alphabetic())
        .filter_map(|part| {
            let lower = part.to_lowercase();
            let (_, value) = WORDS.iter().find(|(w, _)| *w == lower)?;
            Some(Number {
                written: part,
                values: vec![(*value).to_owned()],
                soft: true,
            })
        })
        .collect()
}

/// A whitespace-separated word that is a URL (its numbers are not prose).
pub fn is_url(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '<', '[', '"']);
    word.contains("://") || word.starts_with("www.")
}

/// The number tokens of one word: digit runs with `.`/`,` between digits,
/// and whether each is glued after a letter.
fn tokens(word: &str) -> Vec<(&str, bool)> {
    let bytes = word.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b'.' | b',')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let glued = word[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || c == '_');
        out.push((&word[start..i], glued));
    }
    out
}

/// What a written number can mean: its value under each convention that
/// reads it, and the text itself; `None` when no convention reads it (a
/// version such as `10.0.19041`).
fn values(written: &str, conventions: &[Convention]) -> Option<Vec<String>> {
    let read: Vec<String> = conventions
        .iter()
        .filter_map(|&(thousands, decimal)| value(written, thousands, decimal))
        .collect();
    if read.is_empty() {
        return None;
    }
    let mut out = vec![written.to_owned()];
    for value in read {
        if !out.contains(&value) {
            out.push(value);
        }
    }
    Some(out)
}

/// The canonical value (`1000.5`) of a number written with these separators,
/// or `None` when the separators do not fit (`1,00.5`).
fn value(written: &str, thousands: char, decimal: char) -> Option<String> {
    let (whole, fraction) = match written.rsplit_once(decimal) {
        Some((whole, fraction)) if !fraction.contains([thousands, decimal]) => (whole, fraction),
        Some(_) => return None,
        None => (written, ""),
    };
    let mut groups = whole.split(thousands);
    let first = groups.next()?;
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 || first.is_empty() {
            return None;
        }
        digits.push_str(group);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(canonical(&digits, fraction))
}

/// `007` → `7`, (`1`, `50`) → `1.5`: leading and trailing zeros dropped.
fn canonical(integer: &str, fraction: &str) -> String {
    let integer = integer.trim_start_matches('0');
    let integer = if integer.is_empty() { "0" } else { integer };
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        integer.to_owned()
    } else {
        format!("{integer}.{fraction}")
    }
}

/// Numbers of one side with no counterpart on the other, as written. Each
/// number of the other side answers once; written numbers are tried before
/// soft ones.
fn unmatched<'a>(from: &[Number<'a>], against: &[Number<'_>]) -> Vec<&'a str> {
    let mut used = vec![false; against.len()];
    let mut out = Vec::new();
    for number in from.iter().filter(|n| !n.soft) {
        let answers = |soft: bool| {
            against.iter().enumerate().position(|(i, other)| {
                !used[i] && other.soft == soft && other.values.iter().any(|v| number.values.contains(v))
            })
        };
        match answers(false).or_else(|| answers(true)) {
            Some(i) => used[i] = true,
            None => out.push(number.written),
        }
    }
    out
}

/// The numbers finding of a pair, if its numbers differ.
pub fn check(target_prose: &str, source_prose: &str, locale: &Locale) -> Option<String> {
    // The source is English; a translator may keep its separators or use
    // the target language's.
    let target = numbers(target_prose, &[SOURCE, locale.separators]);
    let source = numbers(source_prose, &[SOURCE]);
    let missing = unmatched(&source, &target);
    let extra = unmatched(&target, &source);
    let message = match (missing.is_empty(), extra.is_empty()) {
        (true, true) => return None,
        (false, true) => format!(
            "the source has {} that the translation does not; copy every number (separators may follow the target language)",
            missing.join(", ")
        ),
        (true, false) => format!(
            "the translation has {} that the source does not; check that no number was added or mistyped",
            extra.join(", ")
        ),
        (false, false) => format!(
            "the source has {} where the translation has {}; copy the source's numbers (separators may follow the target language)",
            missing.join(", "),
            extra.join(", ")
        ),
    };
    Some(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt() -> Locale {
        Locale::of("pt-BR")
    }

    #[test]
    fn flags_changed_missing_and_added_numbers() {
        let cases = [
            ("Você tem 30 dias para cancelar.", "You have 14 days to cancel."),
            ("O limite é de 5.000 licenças.", "The limit is 50,000 licenses."),
            ("Isso leva até 24 horas.", "This can take up to 24 to 48 hours."),
            ("Em 2021, o preço mudou para US$ 12.", "In 2021, the price changed."),
        ];
        for (target, source) in cases {
            assert!(check(target, source, &pt()).is_some(), "{target}");
        }
    }

    #[test]
    fn accepts_locale_separators_dates_and_ordinals() {
        let cases = [
            ("O total é 1.000,5 USD.", "The total is 1,000.5 USD."),
            ("O total é 1,000.5 USD.", "The total is 1,000.5 USD."),
            ("Um aumento de 2,5%.", "An increase of 2.5%."),
            ("Publicado em 18/11/2020.", "Published on 11/18/2020."),
            ("A 1ª fatura", "The 1st invoice"),
            ("Use o Office 365 E3 e a versão 10.0.19041.", "Use Office 365 E3 and version 10.0.19041."),
            ("Consulte https://aka.ms/x2021 agora", "See https://aka.ms/x2021 now"),
            ("Até 1.000 usuários", "Up to 1000 users"),
            ("Até 10 usuários", "Up to 10 users"),
            ("1º trimestre do ano fiscal de 2021", "FY21 Q1"),
            ("limitadas a três participantes", "limited to 3 attendees"),
            ("Opção 1", "Option one"),
            ("receita de US$ 300 mil dos últimos 12 meses", "USD300K trailing twelve-month revenue"),
            ("operações 24x7", "operations 24 X 7"),
            ("antes de 31 de março de 2021", "before March 31,2021"),
            ("Em 31/03/2021", "On March 31, 2021"),
            ("às 17h00", "at 17:00"),
        ];
        for (target, source) in cases {
            assert_eq!(check(target, source, &pt()), None, "{target}");
        }
    }

    #[test]
    fn the_source_is_read_in_english_only() {
        // `1,000` in the source is a thousand, never 1 with three decimals.
        assert!(check("Até 1 usuário", "Up to 1,000 users", &pt()).is_some());
    }

    #[test]
    fn the_message_names_the_numbers() {
        let message = check("Em 2020", "In 2021", &pt()).unwrap_or_default();
        assert!(message.contains("2021") && message.contains("2020"), "{message}");
    }

    #[test]
    fn values_follow_both_conventions() {
        assert_eq!(value("1.000,50", '.', ','), Some("1000.5".into()));
        assert_eq!(value("1,000.50", ',', '.'), Some("1000.5".into()));
        assert_eq!(value("1,00.5", ',', '.'), None);
        assert_eq!(value("007", ',', '.'), Some("7".into()));
    }
}
