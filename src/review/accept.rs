//! Accepting a known false positive inline, in the page itself, so that the
//! decision travels with the text it is about:
//!
//! ```markdown
//! <!-- sxs:accept cea8a-108 numbers -->
//! <!-- sxs:accept cea8a-109 untranslated consistency -->
//! ```
//!
//! An HTML comment whose text starts with `sxs:accept`, then the segment id,
//! then one or more check codes, accepts those findings of that segment. It
//! may stand on its own line (an HTML block) or inside a paragraph, anywhere
//! in the page; comments are not published. `site.yml`'s `review.accept`
//! does the same from outside the page.

use crate::config::Acceptance;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::{Document, Piece};
use pulldown_cmark::Event;

const DIRECTIVE: &str = "sxs:accept";

/// What a page's `sxs:accept` comments say: the findings they accept, and
/// the directives that name a code the registry does not have (a typo
/// would otherwise accept nothing, silently).
#[derive(Debug, Default, PartialEq)]
pub struct Inline {
    /// The (segment id, code) pairs the page accepts.
    pub accepted: Vec<Acceptance>,
    /// A `config` error for each name a directive gives that is no code.
    pub problems: Vec<Diagnostic>,
}

/// The acceptances written in a page's HTML comments.
pub fn inline_acceptances(doc: &Document) -> Inline {
    let mut inline = Inline::default();
    for block in &doc.blocks {
        // An HTML block comes line by line: join a block's HTML first.
        let html: String = block
            .pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Event(Event::Html(h) | Event::InlineHtml(h)) => Some(h.as_ref()),
                _ => None,
            })
            .collect();
        for comment in comments(&html) {
            let (accepted, unknown) = parse(comment);
            inline.accepted.extend(accepted);
            inline.problems.extend(unknown.into_iter().map(|name| {
                Diagnostic::new(
                    &doc.rel,
                    (block.line, 1),
                    Code::Config,
                    Severity::Error,
                    format!(
                        "`{DIRECTIVE}` names `{name}`, which is not a finding code; use one of: {}",
                        Code::known()
                    ),
                )
            }));
        }
    }
    inline
}

/// The texts of the HTML comments in a piece of HTML.
fn comments(html: &str) -> impl Iterator<Item = &str> {
    html.split("<!--")
        .skip(1)
        .filter_map(|rest| rest.split_once("-->").map(|(comment, _)| comment))
}

/// The acceptances of one comment, if it is an `sxs:accept` directive, and
/// the words in code position that are no finding code.
fn parse(comment: &str) -> (Vec<Acceptance>, Vec<String>) {
    let mut words = comment.split_whitespace();
    if words.next() != Some(DIRECTIVE) {
        return Default::default();
    }
    let Some(id) = words.next() else {
        return Default::default();
    };
    let mut accepted = Vec::new();
    let mut unknown = Vec::new();
    for word in words {
        match Code::parse(word) {
            Some(code) => accepted.push(Acceptance {
                id: id.to_owned(),
                code,
            }),
            None => unknown.push(word.to_owned()),
        }
    }
    (accepted, unknown)
}

/// Is this finding one of the accepted?
pub fn is_accepted(accepted: &[Acceptance], finding: &Diagnostic) -> bool {
    accepted
        .iter()
        .any(|a| a.code == finding.code && finding.id.as_deref() == Some(a.id.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(id: &str, code: Code) -> Acceptance {
        Acceptance {
            id: id.into(),
            code,
        }
    }

    #[test]
    fn reads_block_and_inline_comments() {
        let page = "# Título\n\n<!-- sxs:accept cea8a-108 numbers -->\n\nTexto <!-- sxs:accept cea8a-109 untranslated consistency --> aqui.\n\n<!--\nsxs:accept cea8a-110\n  length\n-->\n\n<!-- a plain comment -->\n";
        let doc = crate::read_document("a.md", page);
        assert_eq!(
            inline_acceptances(&doc).accepted,
            [
                accept("cea8a-108", Code::Numbers),
                accept("cea8a-109", Code::Untranslated),
                accept("cea8a-109", Code::Consistency),
                accept("cea8a-110", Code::Length),
            ]
        );
    }

    #[test]
    fn a_directive_without_codes_accepts_nothing() {
        assert!(parse(" sxs:accept cea8a-108 ").0.is_empty());
        assert!(parse(" sxs:accept ").0.is_empty());
        assert!(parse(" todo: sxs:accept cea8a-108 numbers").0.is_empty());
    }

    #[test]
    fn an_unknown_code_is_an_error_at_the_comment() {
        let page = "# T\n\n<!-- sxs:accept cea8a-108 numbrs length -->\n";
        let inline = inline_acceptances(&crate::read_document("a.md", page));
        assert_eq!(inline.accepted, [accept("cea8a-108", Code::Length)]);
        assert_eq!(inline.problems.len(), 1);
        let problem = inline.problems[0].to_string();
        assert!(
            problem.starts_with("a.md:3:1: error[config]: `sxs:accept` names `numbrs`"),
            "{problem}"
        );
    }
}
