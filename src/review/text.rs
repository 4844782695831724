//! Checks on the translation's text itself: length against the locale
//! pair's band, end punctuation and edge spaces, repeated words, and
//! unbalanced brackets or quotes.

use super::checks::Pair;

/// Target/source length ratio, in characters of readable text, outside the
/// locale pair's band (see [`super::locale`] for how it was calibrated).
pub fn length(pair: &Pair<'_>) -> Option<String> {
    let band = pair.locale.length;
    let source = pair.segment.source_text.chars().count();
    if source < band.min_source_chars {
        return None;
    }
    let target = pair.segment.target_text.chars().count();
    let ratio = target as f64 / source as f64;
    if (band.low..=band.high).contains(&ratio) {
        return None;
    }
    let hint = if ratio < band.low {
        "check that no part of the sentence was left out"
    } else {
        "check that nothing was added or repeated"
    };
    Some(format!(
        "the translation is {ratio:.2} times as long as the source ({target} vs {source} characters; {:.2}–{:.2} is usual for this language); {hint}",
        band.low, band.high
    ))
}

/// Words whose final period belongs to them, not to the sentence.
const ABBREVIATIONS: &[&str] = &["etc.", "inc.", "ltd.", "ltda.", "corp.", "co.", "vs.", "e.g.", "i.e."];

/// The sentence-ending mark of a text (`.`, `?`, `!`, `:`), looking through
/// closing brackets, quotes and emphasis; `…` counts as `.`. A period that
/// ends an abbreviation (`U.S.`, `etc.`) ends no sentence.
fn final_mark(text: &str) -> Option<char> {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || ")]\"'”’»*_".contains(c));
    if trimmed.ends_with("...") {
        return Some('.');
    }
    let last = trimmed.chars().next_back()?;
    let word = trimmed.rsplit(char::is_whitespace).next().unwrap_or_default();
    let abbreviation = word.matches('.').count() > 1 || ABBREVIATIONS.contains(&word.to_lowercase().as_str());
    match last {
        '.' | '…' if !abbreviation => Some('.'),
        '?' | '!' | ':' => Some(last),
        _ => None,
    }
}

fn describe(mark: Option<char>) -> String {
    mark.map_or_else(|| "no final punctuation".to_owned(), |c| format!("“{c}”"))
}

/// Final punctuation, then spaces at either edge of the segment (they space
/// it from its neighbours in the paragraph).
pub fn punctuation(pair: &Pair<'_>) -> Option<String> {
    let seg = pair.segment;
    let (target, source) = (final_mark(&seg.target_text), final_mark(&seg.source_text));
    if target != source {
        return Some(format!(
            "the source ends with {} and the translation with {}; end the translation as the source ends",
            describe(source),
            describe(target)
        ));
    }
    let edges = |s: &str| (s.starts_with(char::is_whitespace), s.ends_with(char::is_whitespace));
    let (t, s) = (edges(&seg.target), edges(&seg.source));
    let side = match (t.0 != s.0, t.1 != s.1) {
        (false, false) => return None,
        (true, false) => "a leading space",
        (false, true) => "a trailing space",
        (true, true) => "leading and trailing spaces",
    };
    Some(format!(
        "{side} differ from the source; keep the spaces at the edges of the segment as in the source"
    ))
}

/// Adjacent equal words (`o o`, `the the`) in a text, lowercased. Words with
/// punctuation attached (`o. O`) are not adjacent.
fn repeats(prose: &str) -> Vec<String> {
    let words: Vec<&str> = prose.split_whitespace().collect();
    words
        .windows(2)
        .filter(|w| w[0].chars().all(char::is_alphabetic) && w[0].to_lowercase() == w[1].to_lowercase())
        .map(|w| w[0].to_lowercase())
        .collect()
}

/// A word written twice in a row in the translation, more often than the
/// source does it (a source that repeats a word on purpose, as in a table of
/// values, may be translated the same way).
pub fn repeated_word(pair: &Pair<'_>) -> Option<String> {
    let in_source = repeats(&pair.source.prose).len();
    let doubled = repeats(&pair.target.prose);
    if doubled.len() <= in_source {
        return None;
    }
    let quoted: Vec<String> = doubled.iter().map(|w| format!("“{w} {w}”")).collect();
    Some(format!(
        "{} written twice in a row; remove the repeated word",
        quoted.join(", ")
    ))
}

/// Bracket and quote pairs that must balance: (open, close); the same
/// character twice means a quote that balances by an even count.
const PAIRS: &[(char, char)] = &[('(', ')'), ('[', ']'), ('{', '}'), ('“', '”'), ('«', '»'), ('"', '"')];

/// Is this pair balanced in a text?
fn balanced(text: &str, (open, close): (char, char)) -> bool {
    if open == close {
        return text.matches(open).count() % 2 == 0;
    }
    let mut depth: i64 = 0;
    for c in text.chars() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth < 0 {
                return false;
            }
        }
    }
    depth == 0
}

/// Brackets or quotes unbalanced in the translation where the source
/// balances them (a sentence split across segments leaves both unbalanced,
/// and is not reported).
pub fn brackets(pair: &Pair<'_>) -> Option<String> {
    let (t, s) = (&pair.target.prose, &pair.source.prose);
    let broken: Vec<String> = PAIRS
        .iter()
        .filter(|&&p| balanced(s, p) && !balanced(t, p))
        .map(|&(open, close)| {
            if open == close {
                format!("{open}")
            } else {
                format!("{open}{close}")
            }
        })
        .collect();
    (!broken.is_empty()).then(|| {
        format!(
            "unbalanced {} in the translation; close every bracket and quote the source closes",
            broken.join(" ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::checks::tests::run;
    use super::*;

    #[test]
    fn length_flags_truncated_and_padded_translations() {
        let flagged = [
            (
                "Para obter suporte.",
                "To get support for a product while you are in the AppSource or Azure Marketplace online store, select the support link.",
            ),
            (
                "Cada um desses portais tem seu próprio menu de suporte, e cada um desses portais tem seu próprio menu de suporte, e cada um deles tem seu próprio menu.",
                "Each of these portals has its own support menu.",
            ),
        ];
        for (target, source) in flagged {
            assert!(run(length, target, source).is_some(), "{target}");
        }
    }

    #[test]
    fn length_accepts_usual_translations_and_short_sources() {
        let fine = [
            (
                "Este artigo explica as diferentes opções de suporte para produtos no Microsoft AppSource e no Azure Marketplace.",
                "This article explains the different support options for products in Microsoft AppSource and Azure Marketplace.",
            ),
            ("Sim", "Yes"),
            ("Configurações da conta do parceiro", "Settings"),
        ];
        for (target, source) in fine {
            assert_eq!(run(length, target, source), None, "{target}");
        }
    }

    #[test]
    fn punctuation_flags_changed_endings_and_edge_spaces() {
        let flagged = [
            ("Não validado.", "Not validated"),
            ("Requisitos de arquivo de dados:", "Data file requirements"),
            ("Você quer continuar.", "Do you want to continue?"),
            ("Eles incluem", "These include:"),
            ("Se você quiser implantar. ", "If you want to deploy."),
            (" Página da empresa", "Company page"),
        ];
        for (target, source) in flagged {
            assert!(run(punctuation, target, source).is_some(), "{target}");
        }
    }

    #[test]
    fn punctuation_accepts_same_endings_through_closers_and_abbreviations() {
        let fine = [
            ("(Consulte a página.)", "(See the page.)"),
            ("Na seção **eu preciso...**", "Under the **I need to…**"),
            ("Ilhas Virgens Americanas", "Virgin Islands, U.S."),
            ("Contoso Ltda", "Contoso, Inc."),
            ("Você quer continuar?", "Do you want to continue?"),
            ("Observação:", "Note:"),
            ("**Observação**", "**Note**"),
        ];
        for (target, source) in fine {
            assert_eq!(run(punctuation, target, source), None, "{target}");
        }
    }

    #[test]
    fn repeated_word_flags_doubled_words() {
        for (target, source) in [
            ("Selecione o o botão Salvar.", "Select the Save button."),
            ("Para para adicionar um usuário", "To add a user"),
            ("Use the the link.", "Use the link."),
        ] {
            assert!(run(repeated_word, target, source).is_some(), "{target}");
        }
    }

    #[test]
    fn repeated_word_skips_sentence_breaks_code_and_source_repeats() {
        for (target, source) in [
            ("Selecione o. O botão", "Select it. The button"),
            ("Defina `x` `x`.", "Set `x` `x`."),
            ("Consulte o `o` o", "See the `o` o"),
            ("Sim Sim", "Yes Yes"),
            ("Ele disse que que", "He said that that"),
        ] {
            assert_eq!(run(repeated_word, target, source), None, "{target}");
        }
    }

    #[test]
    fn brackets_flags_unclosed_brackets_and_quotes() {
        for (target, source) in [
            ("Selecione Salvar (no canto superior.", "Select Save (top corner)."),
            ("Digite “sim para confirmar.", "Type “yes” to confirm."),
            ("Digite \"sim para confirmar.", "Type \"yes\" to confirm."),
        ] {
            assert!(run(brackets, target, source).is_some(), "{target}");
        }
    }

    #[test]
    fn brackets_accepts_balanced_and_source_unbalanced_text() {
        for (target, source) in [
            ("Selecione Salvar (no canto superior).", "Select Save (top corner)."),
            ("Digite “sim” para confirmar.", "Type \"yes\" to confirm."),
            ("a) a primeira opção", "a) the first option"),
            ("estadual (também conhecido como", "state number (also known as."),
        ] {
            assert_eq!(run(brackets, target, source), None, "{target}");
        }
    }
}
