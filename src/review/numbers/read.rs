//! Reading the numbers of a prose text, with every value each may mean.

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

/// Numbers, ordinals and months as words: English and Portuguese, and the
/// cardinals of German, French and Spanish (a target may say "sechs Monate"
/// for "6 months").
const WORDS: &[(&str, &str)] = &[
    // German "one" is also the article, in every case: as a soft number it
    // can only answer a source's 1 ("at least 1 subscription" → "mindestens
    // ein Abonnement"), never be missed.
    ("ein", "1"),
    ("eine", "1"),
    ("einer", "1"),
    ("einem", "1"),
    ("einen", "1"),
    ("eines", "1"),
    ("einmal", "1"),
    ("eins", "1"),
    ("zwei", "2"),
    ("drei", "3"),
    ("vier", "4"),
    ("fünf", "5"),
    ("sechs", "6"),
    ("sieben", "7"),
    ("acht", "8"),
    ("neun", "9"),
    ("zehn", "10"),
    ("elf", "11"),
    ("zwölf", "12"),
    ("zwanzig", "20"),
    ("dreißig", "30"),
    ("hundert", "100"),
    ("tausend", "1000"),
    ("deux", "2"),
    ("trois", "3"),
    ("quatre", "4"),
    ("cinq", "5"),
    ("sept", "7"),
    ("huit", "8"),
    ("neuf", "9"),
    ("dix", "10"),
    ("douze", "12"),
    ("uno", "1"),
    ("tres", "3"),
    ("cuatro", "4"),
    ("siete", "7"),
    ("ocho", "8"),
    ("nueve", "9"),
    ("diez", "10"),
    ("doce", "12"),
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("fifteen", "15"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("ninety", "90"),
    ("hundred", "100"),
    ("thousand", "1000"),
    ("first", "1"),
    ("second", "2"),
    ("third", "3"),
    ("fourth", "4"),
    ("fifth", "5"),
    ("sixth", "6"),
    ("seventh", "7"),
    ("eighth", "8"),
    ("ninth", "9"),
    ("tenth", "10"),
    ("once", "1"),
    ("twice", "2"),
    ("um", "1"),
    ("uma", "1"),
    ("dois", "2"),
    ("duas", "2"),
    ("três", "3"),
    ("quatro", "4"),
    ("cinco", "5"),
    ("seis", "6"),
    ("sete", "7"),
    ("oito", "8"),
    ("nove", "9"),
    ("dez", "10"),
    ("onze", "11"),
    ("doze", "12"),
    ("quinze", "15"),
    ("vinte", "20"),
    ("trinta", "30"),
    ("quarenta", "40"),
    ("cinquenta", "50"),
    ("sessenta", "60"),
    ("noventa", "90"),
    ("cem", "100"),
    ("cento", "100"),
    ("mil", "1000"),
    ("primeiro", "1"),
    ("primeira", "1"),
    ("segundo", "2"),
    ("segunda", "2"),
    ("terceiro", "3"),
    ("terceira", "3"),
    ("terceiros", "3"),
    ("quarto", "4"),
    ("quarta", "4"),
    ("quinto", "5"),
    ("quinta", "5"),
    ("sexto", "6"),
    ("sexta", "6"),
    ("sétimo", "7"),
    ("sétima", "7"),
    ("oitavo", "8"),
    ("oitava", "8"),
    ("nono", "9"),
    ("nona", "9"),
    ("décimo", "10"),
    ("décima", "10"),
    ("january", "1"),
    ("february", "2"),
    ("march", "3"),
    ("april", "4"),
    ("may", "5"),
    ("june", "6"),
    ("july", "7"),
    ("august", "8"),
    ("september", "9"),
    ("october", "10"),
    ("november", "11"),
    ("december", "12"),
    ("januar", "1"),
    ("februar", "2"),
    ("märz", "3"),
    ("mai", "5"),
    ("juni", "6"),
    ("juli", "7"),
    ("oktober", "10"),
    ("dezember", "12"),
    ("janeiro", "1"),
    ("fevereiro", "2"),
    ("março", "3"),
    ("abril", "4"),
    ("maio", "5"),
    ("junho", "6"),
    ("julho", "7"),
    ("agosto", "8"),
    ("setembro", "9"),
    ("outubro", "10"),
    ("novembro", "11"),
    ("dezembro", "12"),
];

/// Words after a number that scale it (`90 mil` = `90,000`), with the
/// number of zeros they add; `K` and `M` glued to digits do the same.
const SCALES: &[(&str, usize)] = &[
    ("thousand", 3),
    ("mil", 3),
    ("million", 6),
    ("millions", 6),
    ("milhão", 6),
    ("milhões", 6),
    ("billion", 9),
    ("bilhão", 9),
    ("bilhões", 9),
];

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
        read_context(&mut out[start..], word, words.get(i + 1).copied());
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
    let lower = |i: usize| words.get(i).map(|w| w.to_lowercase()).unwrap_or_default();
    let first = lower(0);
    let bare = first.trim_matches(|c: char| !c.is_alphanumeric());
    if whole_period(words) {
        4
    } else if first.starts_with("24/7") || first.starts_with("24x7") || bare == "1:1" {
        1
    } else if first == "24" && lower(1) == "x" && lower(2).starts_with('7') {
        3
    } else {
        0
    }
}

/// Units and how many of each make the next larger one: "24 hours a day",
/// "365 days a year" say "all the time" (Chinese 全年全天候), not a count.
const WHOLE_PERIODS: &[(&str, &str, &str)] = &[
    ("24", "hour", "day"),
    ("7", "day", "week"),
    ("365", "day", "year"),
    ("12", "month", "year"),
    ("52", "week", "year"),
    ("60", "minute", "hour"),
];

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
    word.contains("://") || word.starts_with("www.")
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
    if let Some(parts) = day_month(word, at, written) {
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
    // `2-dimensional`, `360-degree`: a compound the target may say in one
    // word ("bidimensional").
    let compound = word[at + written.len()..]
        .strip_prefix('-')
        .is_some_and(|rest| rest.chars().take_while(|c| c.is_alphabetic()).count() >= 4);
    let mut before = word[..at].chars().rev();
    let hyphenated = before.next() == Some('-') && before.next().is_some_and(char::is_alphabetic);
    named || hyphenated || compound
}

/// A day and month written `31.01.` or `04.07` (German and others): two
/// parts of one or two digits, the second a month, with a period after
/// them or both of two digits. Also means its two parts, which answer a
/// source date's (`1/31`).
fn day_month(word: &str, at: usize, written: &str) -> Option<[String; 2]> {
    let (day, month) = written.split_once('.')?;
    let short = |p: &str| (1..=2).contains(&p.len());
    let dated = word[at + written.len()..].starts_with('.') || (day.len() == 2 && month.len() == 2);
    let month_value: u32 = month.parse().ok()?;
    let valid = short(day) && short(month) && (1..=12).contains(&month_value) && dated;
    valid.then(|| [canonical(day, ""), canonical(month, "")])
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
/// `90 mil`) and a clock (`6PM`, `7:30 PM`, `12:00AM`) add the values they
/// also mean.
fn read_context(numbers: &mut [Number<'_>], word: &str, next: Option<&str>) {
    let lower = word.to_lowercase();
    let next = next.map(|w| w.trim_end_matches([',', '.', ';', ')']).to_lowercase());
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
