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
use crate::diagnostic::Diagnostic;
use crate::model::{Document, Piece};
use pulldown_cmark::Event;

const DIRECTIVE: &str = "sxs:accept";

/// The acceptances written in a page's HTML comments.
pub fn inline_acceptances(doc: &Document) -> Vec<Acceptance> {
    let mut out = Vec::new();
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
        out.extend(comments(&html).flat_map(parse));
    }
    out
}

/// The texts of the HTML comments in a piece of HTML.
fn comments(html: &str) -> impl Iterator<Item = &str> {
    html.split("<!--")
        .skip(1)
        .filter_map(|rest| rest.split_once("-->").map(|(comment, _)| comment))
}

/// The acceptances of one comment, if it is an `sxs:accept` directive.
fn parse(comment: &str) -> Vec<Acceptance> {
    let mut words = comment.split_whitespace();
    if words.next() != Some(DIRECTIVE) {
        return Vec::new();
    }
    let Some(id) = words.next() else {
        return Vec::new();
    };
    words
        .map(|code| Acceptance {
            id: id.to_owned(),
            code: code.to_owned(),
        })
        .collect()
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

    fn accept(id: &str, code: &str) -> Acceptance {
        Acceptance {
            id: id.into(),
            code: code.into(),
        }
    }

    #[test]
    fn reads_block_and_inline_comments() {
        let page = "# Título\n\n<!-- sxs:accept cea8a-108 numbers -->\n\nTexto <!-- sxs:accept cea8a-109 untranslated consistency --> aqui.\n\n<!--\nsxs:accept cea8a-110\n  length\n-->\n\n<!-- a plain comment -->\n";
        let doc = crate::read_document("a.md", page);
        assert_eq!(
            inline_acceptances(&doc),
            [
                accept("cea8a-108", "numbers"),
                accept("cea8a-109", "untranslated"),
                accept("cea8a-109", "consistency"),
                accept("cea8a-110", "length"),
            ]
        );
    }

    #[test]
    fn a_directive_without_codes_accepts_nothing() {
        assert!(parse(" sxs:accept cea8a-108 ").is_empty());
        assert!(parse(" sxs:accept ").is_empty());
        assert!(parse(" todo: sxs:accept cea8a-108 numbers").is_empty());
    }
}
