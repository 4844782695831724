//! The bilingual span markup, read straight from the raw text.
//!
//! ```text
//! <span data-ttu-id="cea8a-108">Alvo.</span><span class="sxs-lookup"><span data-stu-id="cea8a-108">Source.</span></span>
//! ```
//!
//! Pairs are found on the raw text, not on pulldown-cmark's events, because
//! the markup is not well-formed HTML often enough to trust an HTML reading of
//! it: segment text that is literally `<!--` opens a "comment" that swallows
//! the next pairs, an unclosed `<span>` inside a segment breaks depth counting,
//! and half-escaped tags leave orphans. The scanner anchors on the sxs tags
//! themselves (which are machine-written and regular) and treats everything
//! between them as opaque text, so one broken pair never costs its neighbours.

use crate::diagnostic::{Code, Severity};
use std::ops::Range;

/// A problem found while reading the markup, at a byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupProblem {
    /// Byte offset in the scanned text (the body: align adds where the
    /// body starts in the file).
    pub offset: usize,
    /// Which markup problem it is.
    pub code: Code,
    /// Error for a lost or damaged pair, warning for a pair kept despite
    /// stray markup inside it.
    pub severity: Severity,
    /// What is wrong and how to repair the markup.
    pub message: String,
}

impl MarkupProblem {
    /// A broken pair: lost or damaged markup.
    fn error(offset: usize, code: Code, message: impl Into<String>) -> MarkupProblem {
        MarkupProblem {
            offset,
            code,
            severity: Severity::Error,
            message: message.into(),
        }
    }
}

/// One bilingual pair as found in the text. Ranges are byte ranges of the
/// scanned text. A side is `None` when its span is missing (reported).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPair {
    /// The id of the target span, or of the source span for a source-only pair.
    pub id: String,
    /// The source span's id when it differs from `id` (reported).
    pub source_id: Option<String>,
    /// From the first tag to the last: what the pair replaces in the text.
    pub outer: Range<usize>,
    /// Byte range of the target span's inner text.
    pub target: Option<Range<usize>>,
    /// Byte range of the source span's inner text (inside the `sxs-lookup`
    /// span).
    pub source: Option<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tag {
    /// `<span data-ttu-id="ID">`
    Target(String),
    /// `<span class="sxs-lookup">`
    Lookup,
    /// `<span data-stu-id="ID">`
    Source(String),
    /// Any other `<span …>`; only counted for nesting.
    OtherOpen,
    /// `</span>`
    Close,
}

#[derive(Debug, Clone)]
struct Token {
    tag: Tag,
    range: Range<usize>,
}

impl Token {
    fn is_sxs(&self) -> bool {
        matches!(self.tag, Tag::Target(_) | Tag::Lookup | Tag::Source(_))
    }
}

/// The anchor name of an `<a name="x">` (or `<a … id="x">`) tag.
pub fn anchor_name(html: &str) -> Option<&str> {
    let tag = html.trim().strip_prefix("<a ")?;
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    ["name=\"", "id=\""].iter().find_map(|attr| {
        let at = tag.find(attr)?;
        let starts_word = at == 0 || tag[..at].ends_with(char::is_whitespace);
        let value = &tag[at + attr.len()..];
        let value = &value[..value.find('"')?];
        (starts_word && !value.is_empty()).then_some(value)
    })
}

/// Quick test used to skip pages without any markup.
pub fn has_markup(text: &str) -> bool {
    text.contains("data-ttu-id") || text.contains("data-stu-id") || text.contains("sxs-lookup")
}

/// Scans `text` for pairs. Offsets in the result are offsets into `text`.
pub fn scan(text: &str) -> (Vec<RawPair>, Vec<MarkupProblem>) {
    let mut problems = Vec::new();
    let tokens = tokenize(text, &mut problems);
    let pairs = assemble(text, &tokens, &mut problems);
    (pairs, problems)
}

fn tokenize(text: &str, problems: &mut Vec<MarkupProblem>) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(found) = find_from(bytes, i, b'<', b'&') {
        i = found;
        let rest = &text[i..];
        if rest.starts_with("</span>") {
            tokens.push(Token {
                tag: Tag::Close,
                range: i..i + 7,
            });
            i += 7;
        } else if rest.starts_with("<span") && rest[5..].starts_with([' ', '>', '\t', '\n', '\r']) {
            let end = rest.find('>').map_or(text.len(), |e| i + e + 1);
            let raw = &text[i..end];
            tokens.push(Token {
                tag: classify_open(raw, i, problems),
                range: i..end,
            });
            i = end;
        } else if rest.starts_with("&lt;span") {
            let window = &rest[..floor_char_boundary(rest, 120)];
            if has_markup(window) {
                problems.push(MarkupProblem::error(
                    i,
                    Code::Malformed,
                    "HTML-escaped sxs markup (`&lt;span data-ttu-id…`) is shown as text; \
                              restore the `<span>` tags in the localization tool"
                        .to_owned(),
                ));
            }
            i += 8;
        } else {
            i += 1;
        }
    }
    tokens
}

fn find_from(bytes: &[u8], from: usize, a: u8, b: u8) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&c| c == a || c == b)
        .map(|p| from + p)
}

fn floor_char_boundary(text: &str, max: usize) -> usize {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Classifies an opening `<span …>` tag. Well-formed sxs tags are exact
/// strings; a damaged one (half-escaped quotes, extra attributes) is still
/// recognised when its id can be read, and reported.
fn classify_open(raw: &str, offset: usize, problems: &mut Vec<MarkupProblem>) -> Tag {
    if let Some(id) = exact_id(raw, "<span data-ttu-id=\"") {
        return Tag::Target(id);
    }
    if let Some(id) = exact_id(raw, "<span data-stu-id=\"") {
        return Tag::Source(id);
    }
    if raw == "<span class=\"sxs-lookup\">" {
        return Tag::Lookup;
    }
    // The hint shows the tag this one should have been, with its own id, so
    // the translator can paste it over the damaged one.
    let damaged = |what: &str, expected: String| {
        MarkupProblem::error(
            offset,
            Code::Malformed,
            format!(
                "damaged {what} tag `{}`; it should read exactly `{expected}`",
                shorten(raw)
            ),
        )
    };
    if let Some(id) = loose_id(raw, "data-ttu-id") {
        problems.push(damaged("target", format!("<span data-ttu-id=\"{id}\">")));
        return Tag::Target(id);
    }
    if let Some(id) = loose_id(raw, "data-stu-id") {
        problems.push(damaged("source", format!("<span data-stu-id=\"{id}\">")));
        return Tag::Source(id);
    }
    if raw.contains("sxs-lookup") {
        problems.push(damaged(
            "sxs-lookup",
            "<span class=\"sxs-lookup\">".to_owned(),
        ));
        return Tag::Lookup;
    }
    Tag::OtherOpen
}

fn exact_id(raw: &str, prefix: &str) -> Option<String> {
    let id = raw.strip_prefix(prefix)?.strip_suffix("\">")?;
    let valid = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
    valid.then(|| id.to_owned())
}

/// Reads an id after `attr=` allowing `"`, `&quot;` or no quotes, up to the
/// first character that cannot be part of an id.
fn loose_id(raw: &str, attr: &str) -> Option<String> {
    let after = &raw[raw.find(attr)? + attr.len()..];
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let after = after
        .strip_prefix('"')
        .or_else(|| after.strip_prefix("&quot;"))
        .or_else(|| after.strip_prefix('\''))
        .unwrap_or(after);
    let id: String = after
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!id.is_empty()).then_some(id)
}

fn shorten(raw: &str) -> String {
    let cut = floor_char_boundary(raw, 60);
    if cut < raw.len() {
        format!("{}…", &raw[..cut])
    } else {
        raw.to_owned()
    }
}

/// True when only ASCII whitespace separates `a` and `b` in `text`.
fn adjacent(text: &str, a: usize, b: usize) -> bool {
    a <= b && text[a..b].bytes().all(|c| c.is_ascii_whitespace())
}

fn assemble(text: &str, tokens: &[Token], problems: &mut Vec<MarkupProblem>) -> Vec<RawPair> {
    let mut pairs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let next_sxs = (i + 1..tokens.len())
            .find(|&j| tokens[j].is_sxs())
            .unwrap_or(tokens.len());
        match &token.tag {
            Tag::Target(id) => {
                let (pair, consumed) = target_pair(text, tokens, i, next_sxs, id, problems);
                check_inner_spans(tokens, &pair, problems);
                pairs.push(pair);
                i = consumed;
            }
            Tag::Lookup | Tag::Source(_) => {
                let (pair, consumed) = orphan_source(text, tokens, i, problems);
                pairs.push(pair);
                i = consumed;
            }
            Tag::OtherOpen | Tag::Close => i += 1,
        }
    }
    pairs
}

/// A pair that starts with its target span at `tokens[t]`. Returns the pair
/// and the index of the first token after it.
fn target_pair(
    text: &str,
    tokens: &[Token],
    t: usize,
    next_sxs: usize,
    id: &str,
    problems: &mut Vec<MarkupProblem>,
) -> (RawPair, usize) {
    let open = &tokens[t];
    // The target ends at the `</span>` right before the sxs-lookup span; the
    // text between is opaque, so a stray `<span>` inside it cannot mislead us.
    let lookup_follows = next_sxs < tokens.len()
        && tokens[next_sxs].tag == Tag::Lookup
        && next_sxs > t + 1
        && tokens[next_sxs - 1].tag == Tag::Close
        && adjacent(
            text,
            tokens[next_sxs - 1].range.end,
            tokens[next_sxs].range.start,
        );
    if !lookup_follows {
        let end = last_close_before(tokens, t, next_sxs);
        problems.push(MarkupProblem::error(
            open.range.start,
            Code::MissingSource,
            "this target span has no `sxs-lookup` source span after it; \
             the segment is shown in the target language only",
        ));
        let (target, outer_end, consumed) = match end {
            Some(c) => (
                open.range.end..tokens[c].range.start,
                tokens[c].range.end,
                c + 1,
            ),
            None => {
                unclosed(open.range.start, "target", problems);
                let stop = tokens.get(next_sxs).map_or(text.len(), |n| n.range.start);
                let stop = open
                    .range
                    .end
                    .max(line_block_end(text, open.range.end).min(stop));
                (open.range.end..stop, stop, next_sxs)
            }
        };
        let pair = RawPair {
            id: id.to_owned(),
            source_id: None,
            outer: open.range.start..outer_end,
            target: Some(target),
            source: None,
        };
        return (pair, consumed);
    }
    let target = open.range.end..tokens[next_sxs - 1].range.start;
    let lookup = next_sxs;
    let (source, source_id, outer_end, consumed) = source_side(text, tokens, lookup, problems);
    if let Some(sid) = &source_id {
        if sid != id {
            problems.push(MarkupProblem::error(tokens[lookup + 1].range.start, Code::IdMismatch, format!(
                    "the target span is `{id}` but its source span is `{sid}`; both must carry the same id"
                )));
        }
    }
    let pair = RawPair {
        id: id.to_owned(),
        source_id: source_id.filter(|sid| sid != id),
        outer: open.range.start..outer_end,
        target: Some(target),
        source,
    };
    (pair, consumed)
}

/// A source side starting at a `sxs-lookup` (or a bare `data-stu-id`) span
/// with no target span before it.
fn orphan_source(
    text: &str,
    tokens: &[Token],
    i: usize,
    problems: &mut Vec<MarkupProblem>,
) -> (RawPair, usize) {
    problems.push(MarkupProblem::error(
        tokens[i].range.start,
        Code::MissingSource,
        "this source (`sxs-lookup`) span has no target span before it; \
                  the segment is shown in the source language only"
            .to_owned(),
    ));
    let start = tokens[i].range.start;
    let (source, source_id, outer_end, consumed) = if tokens[i].tag == Tag::Lookup {
        source_side(text, tokens, i, problems)
    } else {
        // A bare `<span data-stu-id>` without its lookup wrapper.
        let Tag::Source(id) = &tokens[i].tag else {
            unreachable!("orphan_source is called on Lookup or Source tokens")
        };
        let next = (i + 1..tokens.len())
            .find(|&j| tokens[j].is_sxs())
            .unwrap_or(tokens.len());
        match last_close_before(tokens, i, next) {
            Some(c) => (
                Some(tokens[i].range.end..tokens[c].range.start),
                Some(id.clone()),
                tokens[c].range.end,
                c + 1,
            ),
            None => (None, Some(id.clone()), tokens[i].range.end, i + 1),
        }
    };
    let pair = RawPair {
        id: source_id.unwrap_or_else(|| format!("unknown@{start}")),
        source_id: None,
        outer: start..outer_end,
        target: None,
        source,
    };
    (pair, consumed)
}

/// Reads `<span class="sxs-lookup"><span data-stu-id="ID">…</span></span>`
/// starting at the lookup token. Returns the source range, the source id, the
/// end of the markup, and the next token index.
fn source_side(
    text: &str,
    tokens: &[Token],
    lookup: usize,
    problems: &mut Vec<MarkupProblem>,
) -> (Option<Range<usize>>, Option<String>, usize, usize) {
    let lookup_tok = &tokens[lookup];
    let inner = tokens.get(lookup + 1).filter(|tok| {
        matches!(tok.tag, Tag::Source(_)) && adjacent(text, lookup_tok.range.end, tok.range.start)
    });
    let Some(inner) = inner else {
        problems.push(MarkupProblem::error(
            lookup_tok.range.start,
            Code::Malformed,
            "a `sxs-lookup` span must hold a `<span data-stu-id=\"…\">` span; \
                      the source text of this pair is missing"
                .to_owned(),
        ));
        return (None, None, lookup_tok.range.end, lookup + 1);
    };
    let Tag::Source(sid) = &inner.tag else {
        unreachable!("filtered on Tag::Source above")
    };
    let first = lookup + 2;
    let next_sxs = (first..tokens.len())
        .find(|&j| tokens[j].is_sxs())
        .unwrap_or(tokens.len());
    let double_close = |k: usize| {
        k + 1 < next_sxs
            && tokens[k].tag == Tag::Close
            && tokens[k + 1].tag == Tag::Close
            && adjacent(text, tokens[k].range.end, tokens[k + 1].range.start)
    };
    // Balanced inner spans are honoured; if nesting never returns to zero (an
    // unclosed `<span>` in the text), the first `</span></span>` ends it.
    let mut depth = 0usize;
    let mut balanced = None;
    for (k, token) in tokens.iter().enumerate().take(next_sxs).skip(first) {
        match token.tag {
            Tag::OtherOpen => depth += 1,
            Tag::Close if depth == 0 => {
                if double_close(k) {
                    balanced = Some(k);
                }
                break;
            }
            Tag::Close => depth -= 1,
            _ => {}
        }
    }
    let end = balanced.or_else(|| (first..next_sxs).find(|&k| double_close(k)));
    match end {
        Some(k) => (
            Some(inner.range.end..tokens[k].range.start),
            Some(sid.clone()),
            tokens[k + 1].range.end,
            k + 2,
        ),
        None => {
            unclosed(inner.range.start, "source", problems);
            let stop = tokens.get(next_sxs).map_or(text.len(), |n| n.range.start);
            let stop = inner
                .range
                .end
                .max(line_block_end(text, inner.range.end).min(stop));
            (
                Some(inner.range.end..stop),
                Some(sid.clone()),
                stop,
                next_sxs,
            )
        }
    }
}

/// A `<span>` opened and not closed (or the reverse) inside a segment's text:
/// the pair itself is recovered, but the translation tool damaged the text.
fn check_inner_spans(tokens: &[Token], pair: &RawPair, problems: &mut Vec<MarkupProblem>) {
    for side in [&pair.target, &pair.source].into_iter().flatten() {
        // Tokens are in text order: find the side's tokens by binary search.
        let first = tokens.partition_point(|t| t.range.start < side.start);
        let inside = tokens[first..]
            .iter()
            .take_while(|t| t.range.end <= side.end);
        let (opens, closes) = inside.fold((0, 0), |(o, c), t| match t.tag {
            Tag::OtherOpen => (o + 1, c),
            Tag::Close => (o, c + 1),
            _ => (o, c),
        });
        if opens != closes {
            problems.push(MarkupProblem {
                offset: side.start,
                code: Code::Malformed,
                severity: Severity::Warning,
                message: "unbalanced `<span>` inside the segment text; the pair was kept, \
                          but remove the stray tag in the localization tool"
                    .to_owned(),
            });
        }
    }
}

fn last_close_before(tokens: &[Token], from: usize, to: usize) -> Option<usize> {
    (from + 1..to).rev().find(|&k| tokens[k].tag == Tag::Close)
}

/// The end of the paragraph holding `offset` (the next blank line), so an
/// unclosed span does not run to the end of the page.
fn line_block_end(text: &str, offset: usize) -> usize {
    let rest = &text[offset..];
    ["\n\n", "\r\n\r\n"]
        .iter()
        .filter_map(|sep| rest.find(sep))
        .min()
        .map_or(text.len(), |i| offset + i)
}

fn unclosed(offset: usize, side: &str, problems: &mut Vec<MarkupProblem>) {
    problems.push(MarkupProblem::error(offset, Code::Malformed, format!(
            "the {side} span is never closed with `</span>`; its text was taken up to the end of the paragraph"
        )));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(id: &str, target: &str, source: &str) -> String {
        format!(
            "<span data-ttu-id=\"{id}\">{target}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{source}</span></span>"
        )
    }

    fn texts(text: &str) -> Vec<(String, Option<&str>, Option<&str>)> {
        let (pairs, _) = scan(text);
        pairs
            .into_iter()
            .map(|p| (p.id, p.target.map(|r| &text[r]), p.source.map(|r| &text[r])))
            .collect()
    }

    #[test]
    fn reads_well_formed_pairs() {
        let text = format!(
            "# {} x {}",
            pair("a-1", "Alvo", "Source"),
            pair("a-2", "**B**", "**b**")
        );
        let (pairs, problems) = scan(&text);
        assert!(problems.is_empty());
        assert_eq!(pairs.len(), 2);
        assert_eq!(&text[pairs[0].target.clone().unwrap()], "Alvo");
        assert_eq!(&text[pairs[1].source.clone().unwrap()], "**b**");
        assert_eq!(&text[pairs[0].outer.clone()], pair("a-1", "Alvo", "Source"));
    }

    #[test]
    fn unclosed_inner_span_does_not_swallow_the_next_pair() {
        let text = format!(
            "{} {}",
            pair(
                "a-1",
                "AcquiredCompany.<span>com",
                "AcquiredCompany.<span>com"
            ),
            pair("a-2", "Depois", "After")
        );
        let got = texts(&text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].2, Some("AcquiredCompany.<span>com"));
        assert_eq!(got[1].1, Some("Depois"));
    }

    #[test]
    fn balanced_inner_span_is_kept_in_the_text() {
        let text = pair("a-1", "x <span>y</span>", "x <span>y</span>");
        assert_eq!(texts(&text)[0].2, Some("x <span>y</span>"));
    }

    #[test]
    fn comment_opener_as_text_is_a_normal_pair() {
        let text = format!("{} {}", pair("a-1", "<!--", "<!--"), pair("a-2", "x", "y"));
        let got = texts(&text);
        assert_eq!(got[0].1, Some("<!--"));
        assert_eq!(got[1].2, Some("y"));
    }

    #[test]
    fn half_escaped_target_is_recovered_and_reported() {
        let text = "<span data-ttu-id=\"341c6-145&quot;>Alvo</span><span class=\"sxs-lookup\"><span data-stu-id=\"341c6-145\">Src</span></span>";
        let (pairs, problems) = scan(text);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].id, "341c6-145");
        assert_eq!(&text[pairs[0].target.clone().unwrap()], "Alvo");
        assert_eq!(problems[0].code, "malformed");
    }

    #[test]
    fn a_damaged_tag_is_shown_the_tag_it_should_be_with_its_own_id() {
        let text = "<span data-ttu-id=&quot;ab4f5-510&quot;>Alvo</span>\
                    <span class=&quot;sxs-lookup&quot;>\
                    <span data-stu-id=&quot;ab4f5-510&quot;>Src</span></span>";
        let (_, problems) = scan(text);
        let hints: Vec<&str> = problems
            .iter()
            .filter_map(|p| p.message.split("should read exactly ").nth(1))
            .collect();
        assert_eq!(
            hints,
            [
                "`<span data-ttu-id=\"ab4f5-510\">`",
                "`<span class=\"sxs-lookup\">`",
                "`<span data-stu-id=\"ab4f5-510\">`",
            ]
        );
    }

    #[test]
    fn orphan_lookup_is_a_source_only_pair() {
        let text = format!(
            "&lt;span data-ttu-id=&quot;a-1&quot;&gt;Alvo&lt;/span&gt;<span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">Src</span></span> {}",
            pair("a-2", "x", "y")
        );
        let (pairs, problems) = scan(&text);
        let codes: Vec<_> = problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, ["malformed", "missing-source"]);
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].target, None);
        assert_eq!(&text[pairs[0].source.clone().unwrap()], "Src");
        assert_eq!(pairs[1].id, "a-2");
    }

    #[test]
    fn target_without_source_is_reported() {
        let text = format!(
            "<span data-ttu-id=\"a-1\">Só alvo</span> {}",
            pair("a-2", "x", "y")
        );
        let (pairs, problems) = scan(&text);
        assert_eq!(problems[0].code, "missing-source");
        assert_eq!(&text[pairs[0].target.clone().unwrap()], "Só alvo");
        assert_eq!(pairs[1].id, "a-2");
    }

    #[test]
    fn id_mismatch_is_reported() {
        let text = "<span data-ttu-id=\"a-1\">x</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-9\">y</span></span>";
        let (pairs, problems) = scan(text);
        assert_eq!(problems[0].code, "id-mismatch");
        assert_eq!(pairs[0].source_id.as_deref(), Some("a-9"));
    }

    #[test]
    fn unclosed_source_stops_at_the_paragraph_end() {
        let text = format!(
            "<span data-ttu-id=\"a-1\">x</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">y\n\n{}",
            pair("a-2", "p", "q")
        );
        let got = texts(&text);
        assert_eq!(got[0].2, Some("y"));
        assert_eq!(got[1].1, Some("p"));
    }

    #[test]
    fn multiline_pairs_keep_their_text() {
        let text = pair(
            "a-1",
            "linha\n   <strong>um</strong>",
            "line\n   <strong>one</strong>",
        );
        assert_eq!(texts(&text)[0].1, Some("linha\n   <strong>um</strong>"));
    }
}
