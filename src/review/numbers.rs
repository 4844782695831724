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
//! Digits glued after letters (`E3`, `x64`, `O365`) are part of a name, not a
//! number; letters after digits are a unit or an ordinal (`10GB`, `1st`,
//! `1º`), and the digits count. Numbers written as words (`two` / `dois`)
//! are not read: such a pair is reported, and can be accepted.

use super::locale::Locale;
use super::profile::ATOM;

/// One number as written, with the values it can mean.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Number<'a> {
    written: &'a str,
    values: Vec<String>,
}

/// Thousands and decimal separators of a writing convention.
type Convention = (char, char);

/// The source's convention (English).
const SOURCE: Convention = (',', '.');

/// The numbers of a prose text, URLs skipped, read with these conventions.
fn numbers<'a>(prose: &'a str, conventions: &[Convention]) -> Vec<Number<'a>> {
    prose
        .split(|c: char| c.is_whitespace() || c == ATOM)
        .filter(|word| !is_url(word))
        .flat_map(tokens)
        .map(|written| Number {
            written,
            values: values(written, conventions),
        })
        .collect()
}

/// A whitespace-separated word that is a URL (its numbers are not prose).
pub fn is_url(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '<', '[', '"']);
    word.contains("://") || word.starts_with("www.")
}

/// The number tokens of one word: digit runs with `.`/`,` between digits,
/// not glued after a letter.
fn tokens(word: &str) -> Vec<&str> {
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
        if !glued {
            out.push(&word[start..i]);
        }
    }
    out
}

/// What a written number can mean: its value under each convention, and the
/// text itself (for versions such as `10.0.19041` that are no number in
/// either convention).
fn values(written: &str, conventions: &[Convention]) -> Vec<String> {
    let mut out = vec![written.to_owned()];
    for &(thousands, decimal) in conventions {
        if let Some(value) = value(written, thousands, decimal) {
            if !out.contains(&value) {
                out.push(value);
            }
        }
    }
    out
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
    if digits.contains(decimal) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let integer = digits.trim_start_matches('0');
    let integer = if integer.is_empty() { "0" } else { integer };
    let fraction = fraction.trim_end_matches('0');
    Some(if fraction.is_empty() {
        integer.to_owned()
    } else {
        format!("{integer}.{fraction}")
    })
}

/// Numbers of one side with no counterpart on the other, as written.
fn unmatched<'a>(from: &[Number<'a>], against: &[Number<'_>]) -> Vec<&'a str> {
    let mut used = vec![false; against.len()];
    let mut out = Vec::new();
    for number in from {
        let found = against.iter().enumerate().position(|(i, other)| {
            !used[i] && other.values.iter().any(|v| number.values.contains(v))
        });
        match found {
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
