//! Numbers that are part of a name, read against the other side: a name
//! one side translates or spells out in full carries its digits with it,
//! so they are not a value the other side must copy.

use super::read::Number;
use super::words::ENGLISH_MONTHS;

/// Makes soft the source's numbers that lead a name the target does not
/// keep: a number standing as a word before a capitalized word of four
/// letters or more that the target does not have (`21 Vianet`, which
/// Chinese calls 世纪互联). A number after a capitalized word is a name's
/// version (`Windows 10 Enterprise`) and stays required, as does one before
/// a month (`5 March`) or before a word the target keeps.
pub(super) fn soften_leading(source: &mut [Number<'_>], prose: &str, target: &str) {
    // Most pairs have no number: the target's words are not lowercased for them.
    if source.is_empty() {
        return;
    }
    let target_words: Vec<String> = words(target).map(str::to_lowercase).collect();
    for number in source.iter_mut() {
        let Some((before, after)) = around(prose, number.written) else {
            continue;
        };
        let name = after.is_some_and(|w| {
            let mut chars = w.chars();
            let capital = chars.next().is_some_and(char::is_uppercase);
            let word = w.chars().count() >= 4 && chars.all(char::is_lowercase);
            let lower = w.to_lowercase();
            capital
                && word
                && !ENGLISH_MONTHS.contains(&lower.as_str())
                && !target_words.contains(&lower)
        });
        if name && !before.is_some_and(capitalized) {
            number.soft = true;
        }
    }
}

/// Makes soft the target's numbers inside a product name that it writes in
/// full where the source names the product by its last word: a number
/// after a capitalized word the source does not have and before a word the
/// source has (`Microsoft 365 F1` for `F1`). A number before a word the
/// source lacks (`Office 365 für` for another text) stays required.
pub(super) fn soften_expanded(target: &mut [Number<'_>], prose: &str, source: &str) {
    if target.is_empty() {
        return;
    }
    let source_words: Vec<&str> = words(source).collect();
    let has = |w: &str| source_words.iter().any(|s| s.eq_ignore_ascii_case(w));
    for number in target.iter_mut() {
        let Some((Some(before), Some(after))) = around(prose, number.written) else {
            continue;
        };
        let brand = capitalized(before) && before.chars().all(|c| c.is_ascii_alphabetic());
        if brand && !has(before) && has(after) {
            number.soft = true;
        }
    }
}

/// The words before and after a number that stands as a word of its own in
/// `prose` (`None` when it is glued to other characters), punctuation
/// around them trimmed.
fn around<'a>(prose: &'a str, written: &str) -> Option<(Option<&'a str>, Option<&'a str>)> {
    let start = (written.as_ptr() as usize).checked_sub(prose.as_ptr() as usize)?;
    let end = start + written.len();
    let (head, tail) = (prose.get(..start)?, prose.get(end..)?);
    let alone = |c: Option<char>| c.is_none_or(char::is_whitespace);
    if !alone(head.chars().next_back()) || !alone(tail.chars().next()) {
        return None;
    }
    Some((words(head).next_back(), words(tail).next()))
}

/// The whitespace-separated words of a text, punctuation around them
/// trimmed, empty ones left out.
fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// Does a word start with a capital?
fn capitalized(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}
