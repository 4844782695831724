//! Reading the numbers of a prose text, with every value each may mean.

use super::words::{
    ENGLISH_MONTHS, MULTIPLICATIVES, ORDINAL_SUFFIXES, PARTY, PERCENT, SCALES, SINGLE_UNITS,
    WHOLE_PERIODS, WORDS,
};
use crate::review::profile::ATOM;

/// One number as written, with the values it can mean. A *soft* number
/// (digits glued to letters, a number or month written as a word, an idiom
/// such as `24/7`) may answer a number of the other side but is never
/// missed itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Number<'a> {
    pub written: &'a str,
    pub values: Vec<String>,
    pub soft: bool,
}

/// Thousands and decimal separators of a writing convention.
pub(crate) type Convention = (char, char);

/// The numbers of a prose text, URLs skipped, read with these conventions.
pub(crate) fn numbers<'a>(prose: &'a str, conventions: &[Convention]) -> Vec<Number<'a>> {
    let words: Vec<&str> = prose
        .split(|c: char| c.is_whitespace() || c == ATOM)
        .filter(|w| !w.is_empty() && !is_url(w))
        .collect();
    let mut out = Vec::new();
    let mut idiom_until = 0;
    for (i, word) in words.iter().enumerate() {
        idiom_until = idiom_until.max(i + idiom(&words[i..]));
        if let Some(id) = hex_id(word) {
            out.push(Number {
                written: id,
                values: vec![id.to_ascii_lowercase()],
                soft: false,
            });
            continue;
        }
        let start = out.len();
        for (at, written) in tokens(word) {
            out.extend(token_numbers(word, at, written, conventions));
        }
        out.extend(word_numbers(word));
        let around = (
            i.checked_sub(1).map(|j| words[j]),
            words.get(i + 1).copied(),
        );
        read_context(&mut out[start..], word, around);
        if i < idiom_until {
            out[start..].iter_mut().for_each(|n| n.soft = true);
        }
    }
    out
}

/// How many words at the start of `words` make the idiom "24/7" (`24/7`,
/// `24x7x365`, `24 X 7`) or "1:1" (one-to-one: "shared 1:1 with customers"
/// is "individualmente", "uneingeschränkt"), which a translation says in
/// words.
fn idiom(words: &[&str]) -> usize {
    // Every idiom starts with a word holding a digit: most words are read
    // no further (the lowercasing below is a quarter of this check's time).
    if !words
        .first()
        .is_some_and(|w| w.bytes().any(|b| b.is_ascii_digit()))
    {
        return 0;
    }
    let lower = |i: usize| words.get(i).map(|w| w.to_lowercase()).unwrap_or_default();
    let first = lower(0);
    let bare = first.trim_matches(|c: char| !c.is_alphanumeric());
    // `(24x7)`: an opening bracket does not change the idiom.
    let opened = first.trim_start_matches(|c: char| !c.is_alphanumeric());
    if whole_period(words) {
        4
    } else if opened.starts_with("24/7")
        || opened.starts_with("24x7")
        || bare == "1:1"
        || (ordinal(bare) && PARTY.contains(&lower(1).trim_end_matches([',', '.', ')'])))
    {
        1
    } else if bare == "24" && lower(1) == "x" && lower(2).starts_with('7') {
        3
    } else {
        0
    }
}

/// Is a word an ordinal written with digits (`1st`, `3rd`)?
fn ordinal(word: &str) -> bool {
    ORDINAL_SUFFIXES.iter().any(|suffix| {
        word.strip_suffix(suffix)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Do `words` start with "N units a period" for a whole period ("24 hours a
/// day")?
fn whole_period(words: &[&str]) -> bool {
    let lower = |i: usize| {
        words
            .get(i)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .unwrap_or_default()
    };
    WHOLE_PERIODS.iter().any(|&(n, unit, period)| {
        lower(0) == n
            && lower(1).trim_end_matches('s') == unit
            && matches!(lower(2).as_str(), "a" | "per" | "each")
            && lower(3) == period
    })
}

/// A GUID or similar hexadecimal id (`909e-76d2…`, letters and digits, so
/// not an ISO date), compared whole: a digit changed inside it is a changed
/// number.
fn hex_id(word: &str) -> Option<&str> {
    let id = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let hex = id.len() >= 8
        && id.contains('-')
        && id.bytes().any(|b| b.is_ascii_digit())
        && id.bytes().any(|b| b.is_ascii_alphabetic())
        && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
    hex.then_some(id)
}

/// A whitespace-separated word that is a URL (its numbers are not prose).
pub fn is_url(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '<', '[', '"']);
    // Asked of every word of every pair: a scheme's `://` is looked for
    // after each colon, not with a substring search set up per word.
    word.split(':').skip(1).any(|rest| rest.starts_with("//")) || word.starts_with("www.")
}

/// The number tokens of one word, with their byte offsets: digit runs with
/// `.`/`,` between digits.
fn tokens(word: &str) -> Vec<(usize, &str)> {
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
        out.push((start, &word[start..i]));
    }
    out
}

/// The numbers of one token at byte `at` of `word`. Soft when glued after a
/// letter (`FY21`, `Q1`) or zero minutes (`6:00 PM` may become `18h`). A
/// two-digit year after a date's `/` (`2/12/17`) also means 20xx, and digits
/// after a lone separator (`.80`) also mean a fraction (0.80).
fn token_numbers<'a>(
    word: &str,
    at: usize,
    written: &'a str,
    conventions: &[Convention],
) -> Vec<Number<'a>> {
    let mut before = word[..at].chars().rev();
    let (last, second) = (before.next(), before.next());
    let glued = last.is_some_and(|c| c.is_alphabetic() || c == '_');
    let zero_minutes = last == Some(':') && written.bytes().all(|b| b == b'0');
    let mut numbers = match values(written, conventions) {
        Some(values) => vec![Number {
            written,
            values,
            soft: glued || zero_minutes || in_name(word, at, written),
        }],
        None => parts(written),
    };
    let Some(number) = numbers.first_mut() else {
        return numbers;
    };
    if written.len() == 2 && (glued || last == Some('/')) {
        number.values.push(format!("20{written}"));
    }
    let comma_decimal = conventions.iter().any(|&(_, decimal)| decimal == ',');
    if let Some(parts) = day_month(word, at, written, comma_decimal) {
        number.values.extend(parts);
    }
    let fraction = matches!(last, Some('.' | ',')) && !second.is_some_and(|c| c.is_ascii_digit());
    if fraction && written.bytes().all(|b| b.is_ascii_digit()) {
        number.values.push(canonical("0", written));
    }
    numbers
}

/// Are these digits part of a name or a compound rather than a number: a
/// word (of four letters or more) glued or hyphenated after them (`21Vianet`, which a
/// translation may call 世纪互联), or a hyphen after letters before them
/// (`COVID-19`, which may become 新冠肺炎)? Such digits answer the other
/// side's but are never required.
fn in_name(word: &str, at: usize, written: &str) -> bool {
    let after: String = word[at + written.len()..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let named = after.chars().count() >= 4;
    // `2-dimensional`, `360-degree`, `3rd-party`: a compound the target
    // may say in one word ("bidimensional", "Drittanbieter").
    let rest = &word[at + written.len()..];
    let rest = ORDINAL_SUFFIXES
        .iter()
        .find_map(|s| rest.strip_prefix(s))
        .unwrap_or(rest);
    let compound = rest
        .strip_prefix('-')
        .is_some_and(|rest| rest.chars().take_while(|c| c.is_alphabetic()).count() >= 4);
    let mut before = word[..at].chars().rev();
    let hyphenated = before.next() == Some('-') && before.next().is_some_and(char::is_alphabetic);
    named || hyphenated || compound
}

/// A day and month written `31.01.` or `04.07` (German and others): two
/// parts of one or two digits that are a day and a month in either order
/// (a translation may keep the source's month first: `2.28.` for `2/28`),
/// with a period after them, both of two digits, or in a language whose
/// decimal separator is the comma (`comma_decimal`), where a period between
/// two short numbers is not a decimal point. Also means its two parts,
/// which answer a source date's (`1/31`).
fn day_month(word: &str, at: usize, written: &str, comma_decimal: bool) -> Option<[String; 2]> {
    let (first, second) = written.split_once('.')?;
    let short = |p: &str| (1..=2).contains(&p.len());
    let dated = comma_decimal
        || word[at + written.len()..].starts_with('.')
        || (first.len() == 2 && second.len() == 2);
    let (a, b): (u32, u32) = (first.parse().ok()?, second.parse().ok()?);
    let date = |day: u32, month: u32| (1..=31).contains(&day) && (1..=12).contains(&month);
    let valid = short(first) && short(second) && (date(a, b) || date(b, a)) && dated;
    valid.then(|| [canonical(first, ""), canonical(second, "")])
}

/// The parts of a number no convention reads (`10.0.19041`, `31,2021`).
fn parts(written: &str) -> Vec<Number<'_>> {
    written
        .split(['.', ','])
        .map(|part| Number {
            written: part,
            values: vec![canonical(part, "")],
            soft: false,
        })
        .collect()
}

/// What the words around a word's numbers say about them: a scale (`300K`,
/// `90 mil`), a clock (`6PM`, `7:30 PM`, `12:00AM`) and a month before two
/// digits (`December 19`, also the year 2019) add the values they also
/// mean; `100%` is "all", which a translation may say in words ("in
/// full", 全额, "vollständig"), and `1` before a unit of time in the
/// singular is "a" ("the last 1 month": "no último mês"), so both are soft.
fn read_context(
    numbers: &mut [Number<'_>],
    word: &str,
    (previous, next): (Option<&str>, Option<&str>),
) {
    // Context only changes numbers the word holds; most words hold none,
    // and lowercasing every word and its neighbour was a third of the read.
    if numbers.is_empty() {
        return;
    }
    let lower = word.to_lowercase();
    let next = next.map(|w| w.trim_end_matches([',', '.', ';', ')']).to_lowercase());
    if let [number] = numbers {
        if after_month(previous) && number.written.len() == 2 {
            number.values.push(format!("20{}", number.written));
        }
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '%');
        let percent = PERCENT.iter().any(|p| {
            bare.strip_prefix("100") == Some(p) || (bare == "100" && next.as_deref() == Some(p))
        });
        let single =
            number.written == "1" && next.as_deref().is_some_and(|n| SINGLE_UNITS.contains(&n));
        number.soft |= percent || single;
    }
    let zeros = scale(&lower, next.as_deref());
    if let (Some(zeros), Some(last)) = (zeros, numbers.last_mut()) {
        let scaled = last.values.iter().find_map(|v| shifted(v, zeros));
        last.values.extend(scaled);
    }
    if let (Some(pm), Some(hour)) = (clock(&lower, next.as_deref()), numbers.first_mut()) {
        let h24 = hour.values.iter().find_map(|v| to_24h(v, pm));
        hour.values.extend(h24);
    }
}

/// Is this word an English month name (`December`, `Dec.`)?
fn after_month(previous: Option<&str>) -> bool {
    previous.is_some_and(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        ENGLISH_MONTHS.contains(&w.as_str())
    })
}

/// Zeros added by a `K`/`M` after the word's digits or a scale word next.
fn scale(word: &str, next: Option<&str>) -> Option<usize> {
    let suffix = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let glued = suffix
        .strip_suffix('k')
        .map(|_| 3)
        .or_else(|| suffix.strip_suffix('m').map(|_| 6))
        .filter(|_| {
            suffix.len() > 1 && suffix[..suffix.len() - 1].ends_with(|c: char| c.is_ascii_digit())
        });
    glued.or_else(|| {
        SCALES
            .iter()
            .find(|(w, _)| Some(*w) == next)
            .map(|(_, z)| *z)
    })
}

/// `Some(true)` for PM, `Some(false)` for AM: written after the digits or
/// as the next word.
fn clock(word: &str, next: Option<&str>) -> Option<bool> {
    let marker = |text: &str| match text.replace('.', "").as_str() {
        "pm" => Some(true),
        "am" => Some(false),
        _ => None,
    };
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let glued = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':');
    let glued = (glued.len() < word.len()).then(|| marker(glued.trim_end_matches([',', '.', ')'])));
    glued.flatten().or_else(|| next.and_then(marker))
}

/// A 12-hour clock hour on the 24-hour clock.
fn to_24h(hour: &str, pm: bool) -> Option<String> {
    let h: u32 = hour.parse().ok().filter(|h| (1..=12).contains(h))?;
    Some(
        match (pm, h) {
            (false, 12) => 0,
            (true, 12) | (false, _) => h,
            (true, _) => h + 12,
        }
        .to_string(),
    )
}

/// A canonical value times 10^zeros (`1.5`, 3 → `1500`), when exact.
fn shifted(value: &str, zeros: usize) -> Option<String> {
    let (integer, fraction) = value.split_once('.').unwrap_or((value, ""));
    let pad = zeros.checked_sub(fraction.len())?;
    Some(canonical(
        &format!("{integer}{fraction}{}", "0".repeat(pad)),
        "",
    ))
}

/// [`WORDS`] as a map, the first value of a word kept: every word of every
/// pair is looked up.
/// The number words ([`WORDS`]) by their text, and the most letters a word
/// holding one can have (with a multiplicative ending): longer words are
/// not looked up, nor lowercased to be.
struct NumberWords {
    values: fnv::FnvHashMap<&'static str, &'static str>,
    most_letters: usize,
}

fn number_words() -> &'static NumberWords {
    static WORDS_BY_TEXT: std::sync::OnceLock<NumberWords> = std::sync::OnceLock::new();
    WORDS_BY_TEXT.get_or_init(|| {
        let mut values = fnv::FnvHashMap::default();
        for &(word, value) in WORDS {
            values.entry(word).or_insert(value);
        }
        let letters = |word: &str| word.chars().count();
        let most_letters = WORDS.iter().map(|(w, _)| letters(w)).max().unwrap_or(0)
            + MULTIPLICATIVES
                .iter()
                .map(|m| letters(m))
                .max()
                .unwrap_or(0);
        NumberWords {
            values,
            most_letters,
        }
    })
}

/// Numbers and months written as words in a word (`twelve-month`), also
/// as German multiplicatives (`zwölfmal`).
fn word_numbers(word: &str) -> Vec<Number<'_>> {
    let words = number_words();
    word.split(|c: char| !c.is_alphabetic())
        .filter(|part| !part.is_empty() && part.chars().count() <= words.most_letters)
        .filter_map(|part| {
            let lower = crate::review::text::lowercase(part);
            let value = words.values.get(&*lower).or_else(|| {
                MULTIPLICATIVES
                    .iter()
                    .find_map(|m| words.values.get(lower.strip_suffix(m)?))
            })?;
            Some(Number {
                written: part,
                values: vec![(*value).to_owned()],
                soft: true,
            })
        })
        .collect()
}

/// What a written number can mean: its value under each convention that
/// reads it, and the text itself; `None` when no convention reads it.
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

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &[Convention] = &[(',', '.')];

    fn values_of(prose: &str) -> Vec<Vec<String>> {
        numbers(prose, EN).into_iter().map(|n| n.values).collect()
    }

    #[test]
    fn values_follow_both_conventions() {
        assert_eq!(value("1.000,50", '.', ','), Some("1000.5".into()));
        assert_eq!(value("1,000.50", ',', '.'), Some("1000.5".into()));
        assert_eq!(value("1,00.5", ',', '.'), None);
        assert_eq!(value("007", ',', '.'), Some("7".into()));
    }

    #[test]
    fn scales_and_clocks_add_values() {
        assert!(values_of("USD300K")[0].contains(&"300000".to_owned()));
        assert!(values_of("90 mil")[0].contains(&"90000".to_owned()));
        assert!(values_of("6PM PST")[0].contains(&"18".to_owned()));
        assert!(values_of("7:30 PM")[0].contains(&"19".to_owned()));
        assert!(values_of("12:00AM")[0].contains(&"0".to_owned()));
        assert!(values_of("(12:01am UTC)")[0].contains(&"0".to_owned()));
        assert!(values_of("at .80")[0].contains(&"0.8".to_owned()));
        assert!(values_of("2/12/17")[2].contains(&"2017".to_owned()));
        assert_eq!(shifted("1.5", 3), Some("1500".into()));
        assert_eq!(shifted("0.1234", 3), None);
    }

    #[test]
    fn glued_digits_idioms_and_words_are_soft() {
        let soft = |prose: &str| numbers(prose, EN).iter().all(|n| n.soft);
        for prose in [
            "FY21",
            "Q1",
            "24/7",
            "1:1",
            "(1:1)",
            "einer",
            "24x7x365",
            "24 X 7",
            "24 hours a day, 365 days a year",
            "7 days a week",
            "twelve-month",
            "março",
            "oitavo",
            ":00",
        ] {
            assert!(soft(prose), "{prose}");
        }
        assert!(!soft("10 GB"));
    }

    #[test]
    fn idioms_compounds_and_wholes_are_soft_through_brackets() {
        let soft = |prose: &str| numbers(prose, EN).iter().all(|n| n.soft);
        for prose in [
            "access (24x7) to",
            "the 3rd-party vendor",
            "at 100% of your invoice",
            "(100%)",
            "100 percent of it",
            "in the last 1 month.",
        ] {
            assert!(soft(prose), "{prose}");
        }
        for prose in [
            "the 3rd invoice",
            "the last 2 months",
            "1 license",
            "at 10% of",
            "100 GB",
            "1000%",
            "a (24) x",
        ] {
            assert!(!soft(prose), "{prose}");
        }
    }

    #[test]
    fn two_digits_after_a_month_may_be_its_year() {
        let of = |prose: &str, written: &str| -> Vec<String> {
            numbers(prose, EN)
                .into_iter()
                .find(|n| n.written == written)
                .map(|n| n.values)
                .unwrap_or_default()
        };
        assert!(of("the December 19 price list", "19").contains(&"2019".to_owned()));
        assert!(of("on Dec. 21, 2020", "21").contains(&"2021".to_owned()));
        assert_eq!(of("on December 5", "5"), ["5"]);
        assert_eq!(of("for 19 users", "19"), ["19"]);
    }

    #[test]
    fn dotted_days_and_months_read_in_either_order() {
        const DE: &[Convention] = &[(',', '.'), ('.', ',')];
        let parts = |prose: &str, conventions: &[Convention]| -> Vec<String> {
            numbers(prose, conventions)
                .into_iter()
                .flat_map(|n| n.values)
                .collect()
        };
        // German order, the source's order kept, and a comma-decimal
        // language's `2.29` (not a decimal there).
        for (prose, day, month) in [
            ("am 31.01.", "31", "1"),
            ("der 2.28. bzw.", "28", "2"),
            ("bzw. 2.29, wenn", "29", "2"),
        ] {
            let read = parts(prose, DE);
            let has = |v: &str| read.iter().any(|r| r == v);
            assert!(has(day) && has(month), "{prose}: {read:?}");
        }
        // In English `2.29` is a decimal, and no date has a 13th month.
        assert!(!parts("costs 2.29 now", EN).contains(&"29".to_owned()));
        assert!(!parts("am 13.13.", DE).contains(&"13".to_owned()));
    }

    #[test]
    fn digits_in_names_are_soft() {
        let soft = |prose: &str| numbers(prose, &[(',', '.')]).iter().all(|n| n.soft);
        assert!(soft("Partner Center operated by 21Vianet"));
        assert!(soft("during COVID-19"));
        assert!(!soft("10GB of storage"));
        assert!(!soft("pages 10-20"));
        assert!(soft("a 2-dimensional array") && soft("a 360-degree view"));
    }

    #[test]
    fn ids_are_whole_and_iso_dates_are_parts() {
        assert_eq!(
            values_of("'2a31c234-1f4e-4c60-909e-76d234f93161'"),
            [["2a31c234-1f4e-4c60-909e-76d234f93161"]]
        );
        assert_eq!(values_of("2021-05-07").len(), 3);
    }
}
