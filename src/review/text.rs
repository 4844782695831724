//! Checks on the translation's text itself: end punctuation and edge
//! spaces, repeated words, and unbalanced brackets or quotes, each read
//! through the target language's profile ([`super::locale`]).

use super::locale::Locale;
use super::pair::{Basis, Flag, Pair};
use crate::model::{BlockKind, Document, Piece};
use pulldown_cmark::Event;
use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The text in Unicode NFC, for comparing texts: a precomposed `ã` and an
/// `a` followed by a combining tilde are the same text (editors and CAT
/// tools write either). Borrowed when the text is NFC already, as most is.
pub fn normalize(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// A word in lowercase, borrowed when it has no capital (most words have
/// none, and the checks fold every word of every pair).
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Words whose final period belongs to them, not to the sentence.
const ABBREVIATIONS: &[&str] = &["etc", "inc", "ltd", "ltda", "corp", "co", "vs"];

/// How a text ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// A sentence mark: `.` (or `…`), `?`, `!`, `:`.
    Mark(char),
    /// No sentence mark.
    Open,
    /// A period that may end an abbreviation (`U.S.`, `etc.`) or the
    /// sentence: nothing to compare.
    Abbreviation,
}

/// A text without what may follow its final punctuation: spaces, closing
/// brackets, quotes and emphasis.
fn without_closers(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || ")]\"'”’»“‘«›」』）】*_".contains(c))
}

/// The sentence marks a text ends with, as written (`.`, `?`, `...`), for
/// the highlighter; empty when it ends otherwise.
fn final_marks(text: &str) -> &str {
    let trimmed = without_closers(text);
    let body = trimmed.trim_end_matches(|c| Locale::mark(c).is_some_and(|m| m != ';'));
    &trimmed[body.len()..]
}

/// How a text ends, looking through closing brackets, quotes and emphasis.
fn ending(text: &str) -> Ending {
    let trimmed = without_closers(text);
    if trimmed.ends_with("...") || trimmed.ends_with('…') {
        return Ending::Mark('.');
    }
    match trimmed.chars().next_back() {
        Some('.') if abbreviation(&trimmed[..trimmed.len() - 1]) => Ending::Abbreviation,
        Some(c) if Locale::mark(c).is_some() => strongest(final_marks(trimmed)),
        _ => Ending::Open,
    }
}

/// The ending a run of final marks gives: the strongest of them, so that
/// `?.` and `？。` both end a question.
fn strongest(marks: &str) -> Ending {
    let read: Vec<char> = marks.chars().filter_map(Locale::mark).collect();
    ['?', ':', '!', '.']
        .into_iter()
        .find(|m| read.contains(m))
        .map_or(Ending::Open, Ending::Mark)
}

/// Does this text, whose final period was cut, end with an abbreviation:
/// a known one, or single letters with periods (`U.S`, `e.g`)?
fn abbreviation(text: &str) -> bool {
    let word = text.rsplit([' ', '(']).next().unwrap_or_default();
    let letters = word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    letters || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Does a changed ending change how the text reads? A lost question mark
/// (a question becomes a statement), a lost colon (what follows is no
/// longer introduced), a period or colon added to a heading (headings are
/// not punctuated, in any locale). A period elsewhere is the sentence's
/// own business: a translation may end a full sentence the source left
/// open, leave it off a fragment, or tone `!` down to `.` — the target
/// language's style, not a defect (first run: 65% of the German findings).
fn changes_reading(source: Ending, target: Ending, kind: BlockKind) -> bool {
    match (source, target) {
        (Ending::Mark('?' | ':'), _) => true,
        (Ending::Open, Ending::Mark('.' | ':')) => kind == BlockKind::Heading,
        _ => false,
    }
}

/// An ending in a few characters, for habit keys.
fn short(ending: Ending) -> String {
    match ending {
        Ending::Mark(c) => c.to_string(),
        Ending::Open => "none".to_owned(),
        Ending::Abbreviation => "abbr".to_owned(),
    }
}

/// The class of pairs whose endings the docset compares: the block kind
/// and how the source ends (`heading ends none`). The site pass counts how
/// often the translations of each class end otherwise
/// ([`super::habits`]).
pub fn ending_class(pair: &Pair<'_>) -> String {
    format!(
        "punctuation {} ends {}",
        pair.segment.kind.as_str(),
        short(ending(&pair.segment.source_text))
    )
}

fn describe(ending: Ending) -> String {
    match ending {
        Ending::Mark(c) => format!("“{c}”"),
        _ => "no final punctuation".to_owned(),
    }
}

/// Final punctuation, then spaces at either edge of the segment. Only a
/// space the source has, the translation lost, and text touches on that
/// side is reported: there the lost space glues two words together, while
/// elsewhere HTML makes the difference invisible. The tokens are the final
/// marks of both sides (a lost space has nothing to mark).
pub fn punctuation(pair: &Pair<'_>) -> Option<Flag> {
    let seg = pair.segment;
    let (target, source) = (ending(&seg.target_text), ending(&seg.source_text));
    let comparable = target != Ending::Abbreviation && source != Ending::Abbreviation;
    let quoted = quoted_mark_kept(source, &seg.source_text, &seg.target_text);
    if comparable && !quoted && target != source && changes_reading(source, target, seg.kind) {
        let message = format!(
            "the source ends with {} and the translation with {}; end the translation as the source ends",
            describe(source),
            describe(target)
        );
        let marks = [final_marks(&seg.source_text), final_marks(&seg.target_text)];
        let change = format!("{} > {}", ending_class(pair), short(target));
        let flag = Flag::new(message).with_tokens(marks);
        return Some(flag.held(Basis::Share(ending_class(pair)), vec![change]));
    }
    let lost = |edge: fn(&str) -> bool| edge(&seg.source) && !edge(&seg.target);
    let side = match (
        pair.touching.0 && lost(|s| s.starts_with(char::is_whitespace)),
        pair.touching.1 && lost(|s| s.ends_with(char::is_whitespace)),
    ) {
        (false, false) => return None,
        (true, false) => "starts",
        (false, true) => "ends",
        (true, true) => "starts and ends",
    };
    Some(Flag::new(format!(
        "the source {side} with a space and the translation does not, so the translation runs into the text next to it; keep the spaces at the edges of the segment as in the source"
    )))
}

/// Does the source end inside a quote it opens and never closes (a source
/// cut after a quoted question: `the question "Microsoft help required?`),
/// and does the target have that mark? Then the mark is the quoted text's,
/// not the sentence's: the translation may close the quote and go on
/// (`"需要 Microsoft 帮助？" 问题选择"是"时。`), and only a mark lost
/// altogether is a finding.
fn quoted_mark_kept(source: Ending, source_text: &str, target_text: &str) -> bool {
    let Ending::Mark(mark) = source else {
        return false;
    };
    let open_quote = quote_strays(source_text, ENGLISH_QUOTES)
        .iter()
        .any(|q| ENGLISH_QUOTES.iter().any(|(open, _)| q.starts_with(*open)));
    open_quote && target_text.chars().any(|c| Locale::mark(c) == Some(mark))
}

/// For each segment of a page: does text touch it, with no space between,
/// before and after (another segment, text, code or inline HTML)?
pub fn touching(doc: &Document) -> Vec<(bool, bool)> {
    let mut out = vec![(false, false); doc.segments.len()];
    for block in &doc.blocks {
        for (i, piece) in block.pieces.iter().enumerate() {
            let Piece::Segment(segment) = piece else {
                continue;
            };
            let before = i.checked_sub(1).and_then(|j| block.pieces.get(j));
            let after = block.pieces.get(i + 1);
            if let Some(slot) = out.get_mut(*segment) {
                *slot = (
                    before.is_some_and(|p| touches(p, false)),
                    after.is_some_and(|p| touches(p, true)),
                );
            }
        }
    }
    out
}

/// Does this piece touch a segment with a non-space character? `start`:
/// it comes after the segment, so its first character counts.
fn touches(piece: &Piece, start: bool) -> bool {
    match piece {
        Piece::Segment(_) => true,
        Piece::Event(Event::Text(t) | Event::Code(t) | Event::InlineHtml(t)) => {
            let edge = if start {
                t.chars().next()
            } else {
                t.chars().next_back()
            };
            edge.is_some_and(|c| !c.is_whitespace())
        }
        _ => false,
    }
}

/// Adjacent equal words (`o o`, `the the`) in a text: the word lowercased,
/// for the message, and the pair as written, for the highlighter. Words
/// with punctuation attached (`o. O`) are not adjacent; one-letter words
/// must match in case too (`de A a Z` is a range).
fn repeats(prose: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = prose.split_whitespace().collect();
    words
        .windows(2)
        .filter(|w| {
            let same = if w[0].chars().count() == 1 {
                w[0] == w[1]
            } else if w[0].is_ascii() && w[1].is_ascii() {
                // Most words: no copy in lowercase to compare them.
                w[0].eq_ignore_ascii_case(w[1])
            } else {
                w[0].to_lowercase() == w[1].to_lowercase()
            };
            same && w[0].chars().all(char::is_alphabetic)
        })
        .map(|w| (w[0].to_lowercase(), format!("{} {}", w[0], w[1])))
        .collect()
}

/// A word written twice in a row in the translation, more often than the
/// source does it (a source that repeats a word on purpose, as in a table of
/// values, may be translated the same way).
pub fn repeated_word(pair: &Pair<'_>) -> Option<Flag> {
    let grammar = pair.locale.grammatical_doubles;
    let mut doubled = repeats(&pair.target.prose);
    doubled.retain(|(word, _)| !grammar.contains(&word.to_lowercase().as_str()));
    // The source is read only when the target repeats a word (few do).
    if doubled.is_empty() || doubled.len() <= repeats(&pair.source.prose).len() {
        return None;
    }
    let quoted: Vec<String> = doubled.iter().map(|(w, _)| format!("“{w} {w}”")).collect();
    let message = format!(
        "{} written twice in a row; remove the repeated word",
        quoted.join(", ")
    );
    let changes = doubled
        .iter()
        .map(|(w, _)| format!("doubled {w}"))
        .collect();
    let flag = Flag::new(message).with_tokens(doubled.iter().map(|(_, written)| written));
    Some(flag.held(Basis::Pages, changes))
}

/// Brackets that must balance, (open, close), after full-width forms are
/// read as ASCII ([`Locale::bracket`]).
const BRACKETS: &[(char, char)] = &[('(', ')'), ('[', ']'), ('{', '}')];

/// Is this bracket pair balanced in a text?
/// The brackets of each kind of [`BRACKETS`] left unmatched in a text: a
/// close with no open before it, an open never closed. One pass for the
/// three kinds: every pair of the docset is read, and most hold none.
fn strays(text: &str) -> [Vec<String>; BRACKETS.len()] {
    let mut out: [Vec<String>; BRACKETS.len()] = Default::default();
    let mut open_at: [Vec<char>; BRACKETS.len()] = Default::default();
    for c in text.chars() {
        let read = Locale::bracket(c);
        for (k, &(open, close)) in BRACKETS.iter().enumerate() {
            if read == open {
                open_at[k].push(c);
            } else if read == close && open_at[k].pop().is_none() {
                out[k].push(c.to_string());
            }
        }
    }
    for (out, open) in out.iter_mut().zip(open_at) {
        out.extend(open.iter().map(char::to_string));
    }
    out
}

/// The quotes of a text left unmatched, read as nested pairs of the given
/// kinds: a character closes the innermost open quote if it is that quote's
/// closer, else opens one if it opens some kind, else is a stray. So German
/// `„…“` and English `“…”` both balance, while `„…”` and `"…”` (opened and
/// closed with characters of different pairs) do not.
fn quote_strays(text: &str, quotes: &[(char, char)]) -> Vec<String> {
    let mut open: Vec<(char, char)> = Vec::new();
    let mut out = Vec::new();
    for c in text.chars() {
        if open.last().is_some_and(|&(_, close)| close == c) {
            open.pop();
        } else if let Some(&pair) = quotes.iter().find(|(o, _)| *o == c) {
            open.push(pair);
        } else if quotes.iter().any(|(_, close)| *close == c) {
            out.push(c.to_string());
        }
    }
    out.extend(open.iter().map(|(o, _)| o.to_string()));
    out
}

/// Brackets or quotes unbalanced in the translation where the source
/// balances them. A sentence split across segments leaves the source
/// unbalanced too, and is not reported; quotes are compared only when the
/// source balances its own (English) quotes, and read with the target
/// language's pairs (`„…“`, `«…»`, `「…」`) as well as the English ones.
/// The tokens are the characters left unmatched in the translation.
pub fn brackets(pair: &Pair<'_>) -> Option<Flag> {
    let (t, s) = (&pair.target.prose, &pair.source.prose);
    let mut shown: Vec<String> = Vec::new();
    let mut tokens: Vec<String> = Vec::new();
    // The target is read first: the source only when the target has a
    // stray (few do).
    let in_target = strays(t);
    if in_target.iter().any(|stray| !stray.is_empty()) {
        let in_source = strays(s);
        for ((kind, source), stray) in BRACKETS.iter().zip(in_source).zip(in_target) {
            if source.is_empty() && !stray.is_empty() {
                shown.push(format!("{}{}", kind.0, kind.1));
                tokens.extend(stray);
            }
        }
    }
    let stray = quote_strays(t, pair.locale.quotes);
    if !stray.is_empty() && quote_strays(s, ENGLISH_QUOTES).is_empty() && !single_quote_left_open(s)
    {
        shown.push("quotes".to_owned());
        tokens.extend(stray);
    }
    (!shown.is_empty()).then(|| {
        Flag::new(format!(
            "unbalanced {} in the translation; close every bracket and quote the source closes",
            shown.join(" ")
        ))
        .with_tokens(tokens)
    })
}

/// Does a text open a single quote (`'` or `‘` at the start of a word) that
/// it never closes (at the end of a word)? Then the source's own quoting is
/// broken (`Output : 'U => Unit is Ctl`) and a translation that follows
/// it with `"` has nothing to fix. Apostrophes inside words (`don't`) are
/// neither; single quotes are read here only, never required of a target
/// (`’` is also the apostrophe).
fn single_quote_left_open(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, '\'' | '‘' | '’') {
            continue;
        }
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        let space = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{".contains(c));
        let end = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}".contains(c));
        if c != '’' && space(before) && !space(after) {
            depth += 1;
        } else if !space(before) && end(after) {
            depth = depth.saturating_sub(1);
        }
    }
    depth > 0
}

/// The quotes of an English source.
const ENGLISH_QUOTES: &[(char, char)] = &[('“', '”'), ('"', '"')];

#[cfg(test)]
mod tests {
    use super::super::checks::tests::run;
    use super::*;

    #[test]
    fn normalize_composes_combining_marks() {
        assert_eq!(normalize("Configurac\u{327}a\u{303}o"), "Configuração");
        assert!(matches!(normalize("Configuração"), Cow::Borrowed(_)));
    }

    #[test]
    fn punctuation_flags_changed_endings_and_edge_spaces() {
        let flagged = [
            ("Você quer continuar.", "Do you want to continue?"),
            ("Eles incluem", "These include:"),
            ("Se você quiser implantar.", "If you want to deploy. "),
            ("Página da empresa", " Company page"),
        ];
        for (target, source) in flagged {
            assert!(run(punctuation, target, source).is_some(), "{target}");
        }
    }

    #[test]
    fn a_mark_inside_a_quote_the_source_leaves_open_is_the_quote_s() {
        use super::super::checks::tests::run_in;
        let source =
            "This is applicable only if you choose Yes for the question \"Microsoft help required?";
        let kept = "这仅适用于为\"需要 Microsoft 帮助？\" 问题选择\"是\"时。";
        assert_eq!(run_in("zh-CN", punctuation, kept, source), None);
        let lost = "这仅适用于为\"需要 Microsoft 帮助\" 问题选择\"是\"时。";
        assert!(run_in("zh-CN", punctuation, lost, source).is_some());
        // A question whose quotes are closed ends the sentence.
        let closed = "Choose Yes for \"Microsoft help required\"?";
        assert!(run_in(
            "zh-CN",
            punctuation,
            "为\"需要 Microsoft 帮助？\"选择\"是\"。",
            closed
        )
        .is_some());
    }

    #[test]
    fn a_period_is_the_sentence_s_own_business_except_in_headings() {
        for (target, source) in [
            ("Não validado.", "Not validated"),
            ("Selecione a opção B", "Select option B."),
            ("Obrigado.", "Thank you!"),
        ] {
            assert_eq!(run(punctuation, target, source), None, "{target}");
        }
        let heading = "# <span data-ttu-id=\"a-1\">Saiba mais.</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Learn more</span></span>\n";
        let doc = crate::read_document("a.md", heading);
        let findings = super::super::checks::segment_findings(&doc, "pt-BR").all();
        assert_eq!(findings.len(), 1, "{findings:#?}");
    }

    #[test]
    fn punctuation_tokens_are_the_final_marks_of_both_sides() {
        let flag = run(
            punctuation,
            "Você quer continuar.",
            "Do you want to continue?",
        );
        assert_eq!(flag.unwrap_or_default().tokens, ["?", "."]);
        let flag = run(punctuation, "Eles incluem", "These include:").unwrap_or_default();
        assert_eq!(flag.tokens, [":"]);
        let flag = run(punctuation, "Página da empresa", " Company page").unwrap_or_default();
        assert!(flag.tokens.is_empty(), "{:?}", flag.tokens);
    }

    #[test]
    fn punctuation_accepts_same_endings_through_closers_and_abbreviations() {
        let fine = [
            ("(Consulte a página.)", "(See the page.)"),
            ("Na seção **eu preciso...**", "Under the **I need to…**"),
            ("Ilhas Virgens Americanas", "Virgin Islands, U.S."),
            ("Contoso Ltda", "Contoso, Inc."),
            (
                "Ambas estarão disponíveis nos EUA.",
                "Both will be available in the U.S.",
            ),
            ("O total é 100,80.", "The total is 100.80."),
            (
                "Atualize o módulo `Az.Resources`.",
                "Update the `Az.Resources` module.",
            ),
            (
                "Pode ler dados (métricas, logs, etc).",
                "Can read data (metrics, logs, etc.).",
            ),
            ("Você quer continuar?", "Do you want to continue?"),
            (
                "如果连接器断开连接，该怎么办？。",
                "What should you do if it is disconnected.?",
            ),
            ("Observação:", "Note:"),
            ("**Observação**", "**Note**"),
            ("Se você quiser implantar. ", "If you want to deploy."),
        ];
        for (target, source) in fine {
            assert_eq!(run(punctuation, target, source), None, "{target}");
        }
    }

    #[test]
    fn lost_spaces_count_only_where_text_touches_the_segment() {
        let pair = |id: &str, t: &str, s: &str| {
            format!("<span data-ttu-id=\"{id}\">{t}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{s}</span></span>")
        };
        let page = format!(
            "{}{}\n\n# {}\n",
            pair("a-1", "Primeira frase.", "First sentence. "),
            pair("a-2", "Segunda frase.", "Second sentence."),
            pair("a-3", "Título", "Title "),
        );
        let doc = crate::read_document("a.md", &page);
        let findings = super::super::checks::segment_findings(&doc, "pt-BR").all();
        let ids: Vec<_> = findings.iter().filter_map(|d| d.id.as_deref()).collect();
        assert_eq!(ids, ["a-1"], "{findings:#?}");
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
    fn repeated_word_tokens_are_the_pair_as_written() {
        let flag = run(repeated_word, "Para para adicionar", "To add").unwrap_or_default();
        assert_eq!(flag.tokens, ["Para para"]);
        assert!(flag.message.contains("“para para”"), "{}", flag.message);
    }

    #[test]
    fn repeated_word_skips_sentence_breaks_code_and_source_repeats() {
        for (target, source) in [
            ("Selecione o. O botão", "Select it. The button"),
            ("Defina `x` `x`.", "Set `x` `x`."),
            ("Consulte o `o` o", "See the `o` o"),
            ("Sim Sim", "Yes Yes"),
            ("Ele disse que que", "He said that that"),
            ("A a Gi", "A to Gi"),
        ] {
            assert_eq!(run(repeated_word, target, source), None, "{target}");
        }
    }

    #[test]
    fn german_grammar_doubles_its_relative_pronoun_and_article() {
        use super::super::checks::tests::run_in;
        let target = "Wählen Sie ein Thema, das das Problem beschreibt.";
        let source = "Select a topic that describes the issue.";
        assert_eq!(run_in("de-DE", repeated_word, target, source), None);
        // In Portuguese the same doubling is a slip.
        assert!(run_in("pt-BR", repeated_word, "o o problema", "the issue").is_some());
        assert!(run_in("de-DE", repeated_word, "Problem Problem", "issue").is_some());
    }

    #[test]
    fn brackets_flags_unclosed_brackets_and_quotes() {
        for (target, source) in [
            (
                "Selecione Salvar (no canto superior.",
                "Select Save (top corner).",
            ),
            ("Digite “sim para confirmar.", "Type “yes” to confirm."),
            ("Digite \"sim para confirmar.", "Type \"yes\" to confirm."),
            (
                "indicaria \"25 conexões / 30 dias”.",
                "would indicate “25 Connections / 30 Days”.",
            ),
        ] {
            assert!(run(brackets, target, source).is_some(), "{target}");
        }
    }

    #[test]
    fn brackets_tokens_are_the_unmatched_characters() {
        let flag = run(
            brackets,
            "Selecione Salvar (no canto superior.",
            "Select Save (top corner).",
        );
        assert_eq!(flag.unwrap_or_default().tokens, ["("]);
        let flag = run(
            brackets,
            "Salvar) agora (ou depois)",
            "Save (now) or (later)",
        );
        assert_eq!(flag.unwrap_or_default().tokens, [")"]);
        let flag = run(
            brackets,
            "Digite “sim para confirmar.",
            "Type “yes” to confirm.",
        );
        assert_eq!(flag.unwrap_or_default().tokens, ["“"]);
    }

    #[test]
    fn only_a_single_quote_left_open_excuses_the_target_s_quotes() {
        assert!(single_quote_left_open("Output : 'U => Unit is Ctl"));
        for closed in [
            "Select 'Save' and don't wait",
            "the partners' accounts",
            "it's ‘done’.",
        ] {
            assert!(!single_quote_left_open(closed), "{closed}");
        }
        // Balanced single quotes in the source: the target's quotes count.
        assert!(run(
            brackets,
            "Selecione \"Salvar e espere",
            "Select 'Save' and wait"
        )
        .is_some());
    }

    #[test]
    fn brackets_accepts_balanced_and_source_unbalanced_text() {
        for (target, source) in [
            (
                "Selecione Salvar (no canto superior).",
                "Select Save (top corner).",
            ),
            ("Digite “sim” para confirmar.", "Type \"yes\" to confirm."),
            ("a) a primeira opção", "a) the first option"),
            (
                "estadual (também conhecido como",
                "state number (also known as.",
            ),
            (
                "informando que \"seu pedido foi recusado.",
                "stating that “Your order was declined.",
            ),
            (
                "Saída: \"U => [unidade](xref:unit)  é CTL",
                "Output : 'U => [Unit](xref:unit)  is Ctl",
            ),
        ] {
            assert_eq!(run(brackets, target, source), None, "{target}");
        }
    }
}
