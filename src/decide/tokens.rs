//! Tokens: a source sentence split into words and punctuation, English contractions expanded,
//! and the sentences of a segment.
//!
//! A word borrows the sentence's text when it is already lower case (most words are), so
//! tokenising allocates only for capitalised words and contractions.

use std::borrow::Cow;

/// One word or punctuation mark of a sentence.
#[derive(Debug, Clone)]
pub(super) struct Tok<'a> {
    /// Lower-case word (contractions expanded: one source word may give two tokens).
    pub w: Cow<'a, str>,
    /// The source word as written (for both halves of a contraction).
    pub orig: &'a str,
    /// Byte range of the source word in the sentence.
    pub start: usize,
    pub end: usize,
    /// Punctuation rather than a word.
    pub punct: bool,
    /// The source word starts with an upper-case letter.
    pub cap: bool,
    /// The source word has an upper-case letter after its first character ("CSP", "IT").
    pub inner_cap: bool,
}

fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric()
        || matches!(
            ch,
            '\'' | '’' | '-' | '_' | '/' | '.' | '@' | '&' | '#' | '+' | '$' | '%'
        )
}

/// Splits a sentence into words and punctuation, expanding English contractions.
pub(super) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, ch)) = chars.next() {
        if ch.is_whitespace() {
            continue;
        }
        if !is_word_char(ch) || !ch.is_alphanumeric() && !matches!(ch, '$' | '#' | '@') {
            push_punct(&mut out, text, start, ch);
            continue;
        }
        let mut end = start + ch.len_utf8();
        while let Some(&(i, c2)) = chars.peek() {
            // "$15,000" is one word: a comma between digits does not end a clause.
            let thousands = c2 == ','
                && text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_digit())
                && text[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_ascii_digit());
            if is_word_char(c2) || thousands {
                end = i + c2.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        // Trailing sentence punctuation and quotes belong to the punctuation, not the word.
        let word = &text[start..end];
        let trimmed = word.trim_end_matches(['.', '\'', '’', '-', '/']);
        let wend = start + trimmed.len();
        if !trimmed.is_empty() {
            push_word(&mut out, text, start, wend);
        }
        for (off, p) in word[trimmed.len()..].char_indices() {
            push_punct(&mut out, text, wend + off, p);
        }
    }
    out
}

fn push_punct<'a>(out: &mut Vec<Tok<'a>>, text: &'a str, start: usize, ch: char) {
    let end = start + ch.len_utf8();
    let mark = text.get(start..end).unwrap_or_default();
    out.push(Tok {
        w: Cow::Borrowed(mark),
        orig: mark,
        start,
        end,
        punct: true,
        cap: false,
        inner_cap: false,
    });
}

/// The word in lower case with `’` as `'`; borrowed when that changes nothing.
fn lower_case(orig: &str) -> Cow<'_, str> {
    let unchanged = orig.chars().all(|c| {
        let mut lower = c.to_lowercase();
        c != '’' && lower.next() == Some(c) && lower.next().is_none()
    });
    if unchanged {
        Cow::Borrowed(orig)
    } else {
        Cow::Owned(orig.to_lowercase().replace('’', "'"))
    }
}

/// The first `len` bytes of a word, borrowed when the word is.
fn head<'a>(word: &Cow<'a, str>, len: usize) -> Cow<'a, str> {
    match word {
        Cow::Borrowed(w) => Cow::Borrowed(w.get(..len).unwrap_or_default()),
        Cow::Owned(w) => Cow::Owned(w.get(..len).unwrap_or_default().to_owned()),
    }
}

/// A lower-case word as one or two tokens: "won't" → "will" "not", "they'll" → "they" "will".
fn expand<'a>(lower: Cow<'a, str>) -> (Cow<'a, str>, Option<&'static str>) {
    let base_of = |suffix: &str| {
        lower
            .strip_suffix(suffix)
            .map(|base| head(&lower, base.len()))
    };
    if let Some(base) = base_of("n't") {
        let base = match base.as_ref() {
            "wo" => Cow::Borrowed("will"),
            "ca" => Cow::Borrowed("can"),
            "sha" => Cow::Borrowed("shall"),
            _ => base,
        };
        return (base, Some("not"));
    }
    if lower == "cannot" {
        return (Cow::Borrowed("can"), Some("not"));
    }
    for (suffix, second) in [
        ("'ll", "will"),
        ("'re", "are"),
        ("'ve", "have"),
        ("'d", "would"),
    ] {
        if let Some(base) = base_of(suffix) {
            return (base, Some(second));
        }
    }
    if lower == "i'm" {
        return (Cow::Borrowed("i"), Some("am"));
    }
    if let Some(base) = base_of("'s").filter(|b| {
        matches!(
            b.as_ref(),
            "it" | "that" | "there" | "here" | "what" | "who" | "where" | "he" | "she" | "let"
        )
    }) {
        let second = if base == "let" { "us" } else { "is" };
        return (base, Some(second));
    }
    (lower, None)
}

fn push_word<'a>(out: &mut Vec<Tok<'a>>, text: &'a str, start: usize, end: usize) {
    let orig = text.get(start..end).unwrap_or_default();
    let cap = orig.chars().next().is_some_and(char::is_uppercase);
    let inner_cap = orig.chars().skip(1).any(char::is_uppercase);
    let (first, second) = expand(lower_case(orig));
    let tok = |w: Cow<'a, str>| Tok {
        w,
        orig,
        start,
        end,
        punct: false,
        cap,
        inner_cap,
    };
    out.push(tok(first));
    if let Some(second) = second {
        out.push(tok(Cow::Borrowed(second)));
    }
}

/// Sentence ranges: a `.`, `!` or `?` followed by a capitalised word (or the end) closes one.
pub(super) fn sentences(tokens: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.punct && matches!(t.w.as_ref(), "." | "!" | "?") {
            let next_starts = tokens.get(i + 1).is_none_or(|n| {
                n.cap || n.punct || n.w.chars().next().is_some_and(|c| c.is_numeric())
            });
            if next_starts {
                out.push((start, i + 1));
                start = i + 1;
            }
        }
    }
    if start < tokens.len() {
        out.push((start, tokens.len()));
    }
    out
}

/// `word` is one of `list` (the short lists of the lexicon).
pub(super) fn is(word: &str, list: &[&str]) -> bool {
    list.contains(&word)
}

/// Punctuation that ends a clause (not a sentence).
pub(super) fn is_boundary(t: &Tok) -> bool {
    t.punct
        && matches!(
            t.w.as_ref(),
            "," | ";" | ":" | "(" | ")" | "[" | "]" | "–" | "—" | "|" | "\"" | "“" | "”"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_expand_and_plain_words_borrow() {
        let toks = tokenize("They'll sign, but partners won't; it's cannot.");
        let words: Vec<&str> = toks.iter().map(|t| t.w.as_ref()).collect();
        assert_eq!(
            words,
            [
                "they", "will", "sign", ",", "but", "partners", "will", "not", ";", "it", "is",
                "can", "not", "."
            ]
        );
        assert!(matches!(toks[5].w, Cow::Borrowed(_)), "{:?}", toks[5]);
        assert_eq!(toks[0].orig, "They'll");
        assert!(toks[0].cap);
    }
}
