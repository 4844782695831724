//! Edits to a page's text: new inner text for some target spans, every other
//! byte kept. The page is spliced rather than re-rendered from its parsed
//! form, because nothing else keeps what people and tools wrote around the
//! pairs (frontmatter quoting, spacing, line endings) exactly as it was.

use std::ops::Range;

/// New inner text for one pair's target span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The segment (index in the page's document) the span belongs to.
    pub segment: usize,
    /// The span's inner text, as a byte range of the page.
    pub range: Range<usize>,
    /// What replaces it.
    pub text: String,
}

/// `text` with each edit's range replaced by its text. Ranges are distinct
/// pairs' target spans, so they never overlap; their order does not matter.
pub fn splice(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.range.start);
    let grown: usize = sorted.iter().map(|e| e.text.len()).sum();
    let mut out = String::with_capacity(text.len() + grown);
    let mut at = 0;
    for edit in sorted {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.text);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The line ending a new target should use: the old target's own when it
/// has one, else the page's first.
pub(super) fn eol_of(page: &str, old_target: &str) -> &'static str {
    let sample = if old_target.contains('\n') {
        old_target
    } else {
        page
    };
    match sample.find('\n') {
        Some(i) if sample[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// `target` with its line endings made `eol`. CAT tools and XML parsers
/// normalize `\r\n` to `\n`; written back as is, a CRLF page would get mixed
/// line endings.
pub(super) fn with_eol(target: &str, eol: &str) -> String {
    let lf = target.replace("\r\n", "\n");
    if eol == "\n" {
        lf
    } else {
        lf.replace('\n', eol)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str, inner: &str, by: &str) -> Edit {
        let start = text.find(inner).unwrap();
        Edit {
            segment: 0,
            range: start..start + inner.len(),
            text: by.to_owned(),
        }
    }

    #[test]
    fn only_the_ranges_change() {
        let text = "\u{FEFF}---\r\ntitle: x\r\n---\r\n<a>um</a> e <b>dois</b>  \r\n";
        let edits = [edit(text, "dois", "2"), edit(text, "um", "UM UM")];
        let out = splice(text, &edits);
        assert_eq!(
            out,
            "\u{FEFF}---\r\ntitle: x\r\n---\r\n<a>UM UM</a> e <b>2</b>  \r\n"
        );
        assert_eq!(splice(text, &[]), text);
    }

    #[test]
    fn empty_ranges_insert() {
        let text = "<t></t><s>x</s>";
        let edits = [Edit {
            segment: 0,
            range: 3..3,
            text: "novo".to_owned(),
        }];
        assert_eq!(splice(text, &edits), "<t>novo</t><s>x</s>");
    }

    #[test]
    fn line_endings_follow_the_target_then_the_page() {
        assert_eq!(eol_of("a\r\nb\n", "x"), "\r\n");
        assert_eq!(eol_of("a\nb\r\n", "x"), "\n");
        assert_eq!(eol_of("a\r\nb", "x\ny"), "\n");
        assert_eq!(eol_of("one line", "x"), "\n");
        assert_eq!(with_eol("a\nb\r\nc", "\r\n"), "a\r\nb\r\nc");
        assert_eq!(with_eol("a\r\nb", "\n"), "a\nb");
    }
}
