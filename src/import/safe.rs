//! Would a new target break the page? Two checks. The first reads the target
//! alone for what sxs can name precisely: sxs tags, unbalanced `<span>`s,
//! HTML the pair does not have. The second reads the changed page back and
//! compares it with the page as it was: the same pairs in the same blocks,
//! each with the text that was written, and no new findings. That one holds
//! for whatever markdown or HTML a translator types, not only the cases
//! listed here.

use super::apply::{splice, Edit};
use super::plan::Page;
use crate::model::Document;
use std::collections::HashMap;

/// Checks a new target against its pair's source and current target.
pub(super) fn check_target(new: &str, source: &str, old: &str) -> Result<(), String> {
    if crate::markup::has_markup(new) {
        return Err(
            "the target holds sxs markup (`data-ttu-id`, `data-stu-id` or `sxs-lookup`); \
             only the sentence goes in the target: remove the tags"
                .to_owned(),
        );
    }
    if has_blank_line(new) && !has_blank_line(source) && !has_blank_line(old) {
        return Err(
            "the target has a blank line, which would end the paragraph or HTML block the pair \
             is in; remove it (a span is part of one block)"
                .to_owned(),
        );
    }
    let tags = tags_of(new);
    let imbalance = |tags: &HashMap<String, usize>| {
        let count = |t: &str| tags.get(t).copied().unwrap_or(0);
        count("<span") as isize - count("</span") as isize
    };
    let (opens, closes) = (tags.get("<span"), tags.get("</span"));
    if imbalance(&tags) != 0 && imbalance(&tags) != imbalance(&tags_of(old)) {
        return Err(format!(
            "the target has {} `<span>` and {} `</span>`; an unbalanced span would swallow \
             the pair's source: balance them",
            opens.unwrap_or(&0),
            closes.unwrap_or(&0)
        ));
    }
    let (in_source, in_old) = (tags_of(source), tags_of(old));
    let mut added: Vec<String> = tags
        .iter()
        .filter(|(tag, &n)| {
            let had = |known: &HashMap<String, usize>| known.get(*tag).copied().unwrap_or(0);
            n > had(&in_source).max(had(&in_old))
        })
        .map(|(tag, _)| shown(tag))
        .collect();
    if added.is_empty() {
        return Ok(());
    }
    added.sort_unstable();
    Err(format!(
        "the target adds markup the source does not have ({}); remove it, or change the \
         page's source first",
        added.join(", ")
    ))
}

/// Does `text` hold an empty or whitespace-only line between two others?
/// In markdown that ends a block; inside a raw HTML block it ends the block
/// too, and the lines after it are read as markdown, so it is never text.
fn has_blank_line(text: &str) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    lines.len() > 2
        && lines[1..lines.len() - 1]
            .iter()
            .any(|l| l.trim().is_empty())
}

/// A tag as [`tags_of`] counts it, as people write it: `` `<b>` ``.
fn shown(tag: &str) -> String {
    if tag.starts_with('<') && tag != "<!--" {
        format!("`{tag}>`")
    } else {
        format!("`{tag}`")
    }
}

/// HTML tags and comment delimiters in `text`, counted: `<name`, `</name`
/// (names lowercased), `<!--` and `-->`.
fn tags_of(text: &str) -> HashMap<String, usize> {
    let mut tags: HashMap<String, usize> = HashMap::new();
    for (i, _) in text.match_indices('<') {
        let rest = &text[i + 1..];
        let (slash, name_from) = match rest.strip_prefix('/') {
            Some(after) => ("/", after),
            None => ("", rest),
        };
        if slash.is_empty() && rest.starts_with("!--") {
            *tags.entry("<!--".to_owned()).or_default() += 1;
            continue;
        }
        let name: String = name_from
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let tag = format!("<{slash}{}", name.to_ascii_lowercase());
            *tags.entry(tag).or_default() += 1;
        }
    }
    let closers = text.matches("-->").count();
    if closers > 0 {
        tags.insert("-->".to_owned(), closers);
    }
    tags
}

/// The edits of one page that keep its structure, and those that do not,
/// with the reason.
#[derive(Debug)]
pub(super) struct Checked {
    pub kept: Vec<Edit>,
    pub refused: Vec<(Edit, String)>,
}

/// Keeps the edits with which the page reads back the same (see the module
/// documentation). All at once first; when that fails, each alone, then the
/// good ones together again.
pub(super) fn keep_structure(page: &Page, edits: Vec<Edit>) -> Checked {
    let all_ok = |edits: &[Edit]| same_structure(page, &splice(&page.text, edits), edits);
    if edits.is_empty() || all_ok(&edits).is_ok() {
        return Checked {
            kept: edits,
            refused: Vec::new(),
        };
    }
    let (mut kept, mut refused) = (Vec::new(), Vec::new());
    for edit in edits {
        match all_ok(std::slice::from_ref(&edit)) {
            Ok(()) => kept.push(edit),
            Err(why) => refused.push((edit, structure_message(&why))),
        }
    }
    if let Err(why) = all_ok(&kept) {
        let why = format!("together with this page's other new targets, {why}");
        refused.extend(kept.drain(..).map(|e| (e, structure_message(&why))));
    }
    Checked { kept, refused }
}

fn structure_message(why: &str) -> String {
    format!(
        "the new target would change the page's structure: {why}; remove what does it (a blank \
         line, a line starting with `#`, `-`, `>` or a number, a code fence, an HTML block) \
         and import again"
    )
}

/// Does `new_text` (the page with `edits`) read back as the page did, with
/// the edited targets?
fn same_structure(page: &Page, new_text: &str, edits: &[Edit]) -> Result<(), String> {
    let new = crate::read_document(&page.rel, new_text);
    let old = &page.doc;
    same_segments(old, &new, edits)?;
    if new.blocks.len() != old.blocks.len() {
        return Err(format!(
            "the page would have {} blocks instead of {}",
            new.blocks.len(),
            old.blocks.len()
        ));
    }
    if let Some((a, b)) = old
        .blocks
        .iter()
        .zip(&new.blocks)
        .find(|(a, b)| a.kind != b.kind)
    {
        return Err(format!(
            "a {} would become a {}",
            a.kind.as_str(),
            b.kind.as_str()
        ));
    }
    no_new_findings(old, &new)
}

fn same_segments(old: &Document, new: &Document, edits: &[Edit]) -> Result<(), String> {
    if new.segments.len() != old.segments.len() {
        return Err(format!(
            "it would read back with {} pairs instead of {}",
            new.segments.len(),
            old.segments.len()
        ));
    }
    let written: HashMap<usize, &str> =
        edits.iter().map(|e| (e.segment, e.text.as_str())).collect();
    for (i, (a, b)) in old.segments.iter().zip(&new.segments).enumerate() {
        let target = written.get(&i).copied().unwrap_or(&a.target);
        if a.id != b.id || a.source != b.source || b.target != target {
            return Err(format!("pair {} would not read back as written", a.id));
        }
        if a.kind != b.kind || a.block != b.block {
            return Err(format!(
                "pair {} would move from a {} to a {}",
                a.id,
                a.kind.as_str(),
                b.kind.as_str()
            ));
        }
    }
    Ok(())
}

/// The page's own findings (markup, empty, duplicate ids) must not grow.
fn no_new_findings(old: &Document, new: &Document) -> Result<(), String> {
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for d in &old.diagnostics {
        *counts.entry(d.code.as_str()).or_default() -= 1;
    }
    for d in &new.diagnostics {
        let n = counts.entry(d.code.as_str()).or_default();
        *n += 1;
        if *n > 0 {
            return Err(format!("it would add a finding: {}", d.message));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_counted_by_name() {
        let tags = tags_of("a <b>x</b> <BR/> <!-- c --> 1 < 2 <https://x.org> </span>");
        let mut got: Vec<_> = tags.iter().map(|(t, n)| (t.as_str(), *n)).collect();
        got.sort_unstable();
        assert_eq!(
            got,
            [
                ("-->", 1),
                ("<!--", 1),
                ("</b", 1),
                ("</span", 1),
                ("<b", 1),
                ("<br", 1),
                ("<https", 1)
            ]
        );
    }

    #[test]
    fn targets_may_keep_the_pairs_markup() {
        let source = "Click <b>Save</b> &amp; go<br/>";
        assert!(check_target("Clique em <b>Salvar</b> e vá<br/>", source, "").is_ok());
        assert!(check_target("Clique em <B>Salvar</B>", source, "").is_ok());
        assert!(check_target("1 < 2 e **negrito**", "1 < 2", "").is_ok());
        let old = "AcquiredCompany.<span>com";
        assert!(check_target("Empresa.<span>com", old, old).is_ok());
    }

    #[test]
    fn targets_may_not_add_markup() {
        let err = check_target("Clique <i>aqui</i>", "Click here", "Clique aqui").unwrap_err();
        assert!(err.contains("(`</i>`, `<i>`)"), "{err}");
        let err = check_target("Um <span>dois", "One two", "Um dois").unwrap_err();
        assert!(err.contains("1 `<span>` and 0 `</span>`"), "{err}");
        let err = check_target("x <!-- y", "x", "x").unwrap_err();
        assert!(err.contains("<!--"), "{err}");
        let err = check_target("<span class=\"sxs-lookup\">", "x", "x").unwrap_err();
        assert!(err.contains("sxs markup"), "{err}");
        let err = check_target("<td>um\r\n  \r\ndois", "<td>one two", "").unwrap_err();
        assert!(err.contains("blank line"), "{err}");
        assert!(check_target("um\n\ndois", "one\n\ntwo", "").is_ok());
        assert!(check_target("um\ndois\n", "one two", "").is_ok());
    }
}
