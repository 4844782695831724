//! Planning one page: which units change which target spans, and which are
//! refused and why. Plain functions over the page's text and the units; no
//! file is touched until [`PagePlan::write`].

use super::apply::{eol_of, splice, with_eol, Edit};
use super::{safe, Format, Unit};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::export::UniqueIds;
use crate::markup::RawPair;
use crate::model::Document;
use crate::site::Site;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

const BOM: &str = "\u{FEFF}";

/// A page as read for an import.
#[derive(Debug, Clone)]
pub struct Page {
    /// Path relative to the content folder, `/`-separated.
    pub rel: String,
    /// The page had a byte order mark (kept when it is written back).
    pub bom: bool,
    /// The text after the BOM.
    pub text: String,
    /// The page aligned, for its segments' ids and texts.
    pub doc: Document,
    /// `pairs[i]` is where `doc.segments[i]` is in `text`.
    pub pairs: Vec<RawPair>,
    /// Target languages a unit may carry for this page: the page's own
    /// (`ms.contentlocale`) and the site's default, which an XLIFF export
    /// uses when its pages disagree.
    pub languages: Vec<String>,
}

impl Page {
    /// A page from its bytes. Fails on text that is not UTF-8.
    pub fn new(rel: &str, bytes: Vec<u8>, languages: Vec<String>) -> Result<Page, Diagnostic> {
        let bom = bytes.starts_with(BOM.as_bytes());
        let text = crate::load::decode(bytes, rel)?;
        let (doc, pairs) = crate::align::read_with_pairs(rel, &text);
        Ok(Page {
            rel: rel.to_owned(),
            bom,
            text,
            doc,
            pairs,
            languages,
        })
    }

    /// Reads the page `rel` of `site` from `path`.
    pub(super) fn load(path: &Path, rel: &str, site: &Site) -> Result<Page, Diagnostic> {
        let mut page = Page::new(rel, crate::load::read_bytes(path, rel)?, Vec::new())?;
        page.languages = vec![
            site.target_locale(&page.doc).to_owned(),
            site.config.target_locale.clone(),
        ];
        Ok(page)
    }

    /// The page's bytes for `text`, with its BOM if it had one.
    fn bytes_of(&self, text: &str) -> Vec<u8> {
        let bom = if self.bom { BOM } else { "" };
        [bom.as_bytes(), text.as_bytes()].concat()
    }
}

/// What an import does to one page.
#[derive(Debug, Clone)]
pub struct PagePlan {
    /// The page, relative to the content folder.
    pub rel: String,
    /// The page's bytes as read.
    pub old: Vec<u8>,
    /// The page's new bytes; `None` when nothing changes.
    pub new_text: Option<Vec<u8>>,
    /// Ids of the segments whose target changes.
    pub changed: Vec<String>,
    /// Units that carry nothing new (same target, or none).
    pub unchanged: usize,
    /// The units not applied, each an error saying why (unknown id, source
    /// changed since the export, markup the edit would break, …).
    pub refusals: Vec<Diagnostic>,
}

/// Plans the units of one page (see the module documentation).
pub fn plan_page(page: &Page, units: &[&Unit], format: Format) -> PagePlan {
    let keys = segment_keys(page, format);
    let mut repeats: HashMap<&str, usize> = HashMap::new();
    for unit in units {
        *repeats.entry(unit.key.as_str()).or_default() += 1;
    }
    let (mut edits, mut refusals, mut unchanged) = (Vec::new(), Vec::new(), 0);
    for unit in units {
        let outcome = match repeats.get(unit.key.as_str()) {
            Some(&n) if n > 1 => Err(duplicate(page, &keys, unit, n)),
            _ => decide(page, &keys, unit),
        };
        match outcome {
            Ok(Some(edit)) => edits.push(edit),
            Ok(None) => unchanged += 1,
            Err(d) => refusals.push(d),
        }
    }
    let checked = safe::keep_structure(page, edits);
    refusals.extend(
        checked
            .refused
            .iter()
            .map(|(edit, why)| refusal(page, edit.segment, Code::ImportUnsafe, why.clone())),
    );
    let changed: Vec<String> = checked
        .kept
        .iter()
        .map(|e| page.doc.segments[e.segment].id.clone())
        .collect();
    PagePlan {
        rel: page.rel.clone(),
        old: page.bytes_of(&page.text),
        new_text: (!changed.is_empty()).then(|| page.bytes_of(&splice(&page.text, &checked.kept))),
        changed,
        unchanged,
        refusals,
    }
}

/// The id each segment of the page has in an export of `format`: the same
/// bases made unique in the same order as the export did.
fn segment_keys(page: &Page, format: Format) -> HashMap<String, usize> {
    let mut ids = UniqueIds::default();
    page.doc
        .segments
        .iter()
        .enumerate()
        .map(|(i, seg)| (ids.claim(format.key_base(&page.rel, &seg.id)), i))
        .collect()
}

/// What one unit does: `Ok(None)` nothing, `Ok(Some)` an edit (checked for
/// structure later, with the page's other edits), `Err` a refusal.
fn decide(
    page: &Page,
    keys: &HashMap<String, usize>,
    unit: &Unit,
) -> Result<Option<Edit>, Diagnostic> {
    let Some(&i) = keys.get(&unit.key) else {
        return Err(unknown_id(page, unit));
    };
    let seg = &page.doc.segments[i];
    let Some(new) = unit.target.as_deref().filter(|t| !t.trim().is_empty()) else {
        return Ok(None);
    };
    if comparable(new) == comparable(&seg.target) {
        return Ok(None);
    }
    let range = writable(page, unit, i).map_err(|(code, why)| refusal(page, i, code, why))?;
    Ok(Some(Edit {
        segment: i,
        range,
        text: with_eol(new, eol_of(&page.text, &seg.target)),
    }))
}

/// Where the unit's new target goes (segment `i`'s target span), unless it must
/// be refused: why, with the refusal's code.
fn writable(page: &Page, unit: &Unit, i: usize) -> Result<Range<usize>, (Code, String)> {
    let seg = &page.doc.segments[i];
    if comparable(&unit.source) != comparable(&seg.source) {
        return Err((Code::ImportStale, stale(&unit.source, &seg.source)));
    }
    if let Some(lang) = unit.target_lang.as_deref() {
        if !page.languages.iter().any(|l| l.eq_ignore_ascii_case(lang)) {
            let page_lang = page.languages.first().map_or("", String::as_str);
            let why = format!(
                "the unit's target language is {lang} but the page is in {page_lang}; import \
                 the file into the site of that language"
            );
            return Err((Code::ImportLanguage, why));
        }
    }
    if !unit.inline_codes.is_empty() {
        let why = format!(
            "the target holds inline codes (<{}>) that sxs did not export and cannot turn back \
             into markdown; write the markup as text, as it was exported",
            unit.inline_codes.join(">, <")
        );
        return Err((Code::ImportUnsafe, why));
    }
    let Some(range) = page.pairs[i].target.clone() else {
        let why = "this pair has no target span to write into; add its `<span data-ttu-id>` in \
                   the page first";
        return Err((Code::ImportUnsafe, why.to_owned()));
    };
    let new = unit.target.as_deref().unwrap_or_default();
    safe::check_target(new, &seg.source, &seg.target).map_err(|why| (Code::ImportUnsafe, why))?;
    Ok(range)
}

/// Text as the exports carry it, for comparing: line endings as `\n` (XML
/// parsers and CAT tools normalize them) and the characters XML 1.0 cannot
/// hold as U+FFFD (what the XML exports write instead).
fn comparable(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\u{0}'..='\u{8}'
            | '\u{B}'
            | '\u{C}'
            | '\u{E}'..='\u{1F}'
            | '\u{FFFE}'
            | '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

fn stale(exported: &str, current: &str) -> String {
    format!(
        "the source changed since the export (the export has \"{}\", the page now has \"{}\"); \
         not applied: translate the current source (export again)",
        shorten(exported),
        shorten(current)
    )
}

/// At most 60 characters of `text`, on one line.
fn shorten(text: &str) -> String {
    let flat = text.replace(['\r', '\n'], " ");
    match flat.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

/// A refusal at segment `i`'s pair.
fn refusal(page: &Page, i: usize, code: Code, why: String) -> Diagnostic {
    let seg = &page.doc.segments[i];
    Diagnostic::new(
        &page.rel,
        (seg.line, seg.column),
        code,
        Severity::Error,
        why,
    )
    .with_id(&seg.id)
}

fn unknown_id(page: &Page, unit: &Unit) -> Diagnostic {
    let why = format!(
        "the page has no segment with this id (unit {} of the export); the page changed \
         since the export, or the id was edited: export again and redo this unit",
        unit.ordinal
    );
    Diagnostic::new(&page.rel, (1, 1), Code::ImportUnknown, Severity::Error, why).with_id(&unit.key)
}

fn duplicate(page: &Page, keys: &HashMap<String, usize>, unit: &Unit, n: usize) -> Diagnostic {
    let why = format!(
        "the export has {n} units with this id (this is unit {}); none was applied: keep \
         one and import again",
        unit.ordinal
    );
    match keys.get(&unit.key) {
        Some(&i) => refusal(page, i, Code::ImportDuplicate, why),
        None => Diagnostic::new(
            &page.rel,
            (1, 1),
            Code::ImportDuplicate,
            Severity::Error,
            why,
        )
        .with_id(&unit.key),
    }
}

fn io_problem(rel: &str, err: &std::io::Error) -> Diagnostic {
    Diagnostic::new(rel, (1, 1), Code::Io, Severity::Error, err.to_string())
}

impl PagePlan {
    /// A unified diff of the page's change, if it changes.
    pub fn diff(&self) -> Option<String> {
        let new = self.new_text.as_deref()?;
        let (old, new) = (
            String::from_utf8_lossy(&self.old),
            String::from_utf8_lossy(new),
        );
        let diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref());
        let header = (format!("a/{}", self.rel), format!("b/{}", self.rel));
        let mut text = diff
            .unified_diff()
            .context_radius(1)
            .header(&header.0, &header.1)
            .to_string();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        Some(text)
    }

    /// Replaces the file at `path` (this plan's page) with the new bytes,
    /// atomically and with its permissions. Refuses when the file is no
    /// longer what the plan was made from.
    pub fn write(&self, path: &Path) -> Result<(), Diagnostic> {
        let Some(new) = &self.new_text else {
            return Ok(());
        };
        let now = std::fs::read(path).map_err(|e| io_problem(&self.rel, &e))?;
        if now != self.old {
            return Err(Diagnostic::new(
                &self.rel,
                (1, 1),
                Code::ImportStale,
                Severity::Error,
                "the page changed on disk during the import; nothing written to it: run the \
                 import again",
            ));
        }
        let permissions = std::fs::metadata(path).map(|m| m.permissions()).ok();
        crate::write::write_file_atomic(path, |file| {
            use std::io::Write;
            if let Some(permissions) = permissions {
                file.set_permissions(permissions)?;
            }
            file.write_all(new)
        })
        .map_err(|e| Diagnostic::new(&self.rel, (1, 1), Code::Io, Severity::Error, e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(id: &str, target: &str, source: &str) -> String {
        format!(
            "<span data-ttu-id=\"{id}\">{target}</span><span class=\"sxs-lookup\">\
             <span data-stu-id=\"{id}\">{source}</span></span>"
        )
    }

    fn page(text: &str) -> Page {
        Page::new("docs/p.md", text.as_bytes().to_vec(), vec!["pt-BR".into()]).unwrap()
    }

    fn unit(key: &str, source: &str, target: &str) -> Unit {
        Unit {
            file: "docs/p.md".into(),
            key: key.into(),
            source: source.into(),
            target: Some(target.into()),
            target_lang: None,
            inline_codes: Vec::new(),
            at: (7, 3),
            ordinal: 1,
        }
    }

    fn sample() -> String {
        format!(
            "\u{FEFF}---\r\ntitle: Página\r\n---\r\n# {}\r\n\r\n{}  {}\r\n\r\n{}\r\n",
            pair("p-1", "Título", "Title"),
            pair("p-2", "Um.", "One."),
            pair("p-3", "Dois\r\n  linhas.", "Two\r\n  lines."),
            pair("p-2", "Repetido.", "Repeated."),
        )
    }

    fn plan(text: &str, units: &[Unit]) -> PagePlan {
        let refs: Vec<&Unit> = units.iter().collect();
        plan_page(&page(text), &refs, Format::Json)
    }

    fn new_text(plan: &PagePlan) -> String {
        String::from_utf8(plan.new_text.clone().unwrap()).unwrap()
    }

    #[test]
    fn changes_only_the_target_inner_text() {
        let text = sample();
        let got = plan(
            &text,
            &[
                unit("p-1", "Title", "Título novo"),
                unit("p-3", "Two\n  lines.", "Duas\n  linhas."),
                unit("p-2_2", "Repeated.", "Repetido!"),
                unit("p-2", "One.", "Um."),
            ],
        );
        assert!(got.refusals.is_empty(), "{:?}", got.refusals);
        assert_eq!(got.changed, ["p-1", "p-3", "p-2"]);
        assert_eq!(got.unchanged, 1);
        let want = text
            .replace(">Título<", ">Título novo<")
            .replace(">Dois\r\n  linhas.<", ">Duas\r\n  linhas.<")
            .replace(">Repetido.<", ">Repetido!<");
        assert_eq!(new_text(&got), want);
        assert!(got.old == text.as_bytes());
    }

    #[test]
    fn nothing_new_changes_nothing() {
        let text = sample();
        let got = plan(
            &text,
            &[
                unit("p-1", "Title", "Título"),
                unit("p-3", "Two\n  lines.", "Dois\n  linhas."),
                unit("p-2", "One.", ""),
            ],
        );
        assert_eq!(got.new_text, None);
        assert_eq!(got.unchanged, 3);
        assert!(got.refusals.is_empty());
        assert_eq!(got.diff(), None);
    }

    #[test]
    fn stale_unknown_and_duplicate_units_are_refused_alone() {
        let text = sample();
        let got = plan(
            &text,
            &[
                unit("p-1", "Old title", "Título velho"),
                unit("p-9", "Nine", "Nove"),
                unit("p-2", "One.", "Um!"),
                unit("p-2", "One.", "Um?"),
                unit("p-2_2", "Repeated.", "De novo."),
            ],
        );
        let codes: Vec<_> = got.refusals.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(
            codes,
            [
                (Code::ImportStale, 4),
                (Code::ImportUnknown, 1),
                (Code::ImportDuplicate, 6),
                (Code::ImportDuplicate, 6)
            ]
        );
        assert!(got.refusals[0].message.contains("\"Old title\""));
        assert!(got.refusals[0]
            .to_string()
            .starts_with("docs/p.md:4:3: error[import-stale]: p-1: "));
        assert_eq!(got.refusals[1].id.as_deref(), Some("p-9"));
        assert_eq!(got.changed, ["p-2"]);
        assert_eq!(new_text(&got), text.replace(">Repetido.<", ">De novo.<"));
    }

    #[test]
    fn unsafe_targets_are_refused() {
        let text = sample();
        let cases = [
            "Um <span>solto.",
            "Um <b>negrito</b>.",
            "Um <span data-ttu-id=\"x\">.",
            "Um.\n\nDois parágrafos.",
            "Um.\n# Título",
        ];
        for target in cases {
            let got = plan(&text, &[unit("p-2", "One.", target)]);
            assert_eq!(got.new_text, None, "{target}");
            assert_eq!(got.refusals.len(), 1, "{target}");
            assert_eq!(got.refusals[0].code, Code::ImportUnsafe, "{target}");
        }
    }

    #[test]
    fn inline_codes_and_missing_target_spans_are_refused() {
        let mut coded = unit("p-1", "Title", "Título novo");
        coded.inline_codes = vec!["pc".into()];
        let orphan = "<span class=\"sxs-lookup\"><span data-stu-id=\"o-1\">Alone.</span></span>\n";
        let text = sample() + orphan;
        let got = plan(&text, &[coded, unit("o-1", "Alone.", "Sozinho.")]);
        let why: Vec<_> = got.refusals.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(why.len(), 2, "{why:?}");
        assert!(why[0].contains("inline codes (<pc>)"), "{why:?}");
        assert!(why[1].contains("no target span"), "{why:?}");
        assert_eq!(got.new_text, None);
    }

    #[test]
    fn a_target_language_of_another_page_is_refused() {
        let mut de = unit("p-1", "Title", "Titel");
        de.target_lang = Some("de-DE".into());
        let mut pt = unit("p-2", "One.", "Um!");
        pt.target_lang = Some("PT-br".into());
        let got = plan(&sample(), &[de, pt]);
        assert_eq!(got.refusals.len(), 1);
        assert_eq!(got.refusals[0].code, Code::ImportLanguage);
        assert_eq!(got.changed, ["p-2"]);
    }

    #[test]
    fn xliff_keys_are_the_exports_unit_ids() {
        let text = sample();
        let units = [unit("p-2_2", "Repeated.", "Outra vez.")];
        let refs: Vec<&Unit> = units.iter().collect();
        let got = plan_page(&page(&text), &refs, Format::Xliff);
        assert_eq!(new_text(&got), text.replace(">Repetido.<", ">Outra vez.<"));
        let tmx = [unit("docs/p.md#p-2_2", "Repeated.", "Outra vez.")];
        let refs: Vec<&Unit> = tmx.iter().collect();
        let got = plan_page(&page(&text), &refs, Format::Tmx);
        assert_eq!(new_text(&got), text.replace(">Repetido.<", ">Outra vez.<"));
    }

    #[test]
    fn the_diff_shows_the_changed_line() {
        let got = plan(&sample(), &[unit("p-1", "Title", "Novo")]);
        let diff = got.diff().unwrap();
        assert!(
            diff.starts_with("--- a/docs/p.md\n+++ b/docs/p.md\n"),
            "{diff}"
        );
        assert!(
            diff.contains(&format!("+# {}", pair("p-1", "Novo", "Title"))),
            "{diff}"
        );
        assert_eq!(diff.matches("\n+").count(), 2, "{diff}");
    }
}
