//! `sxs import`: reviewed translations back into the pages.
//!
//! Translators take the segments out with `sxs export`, fix the targets in
//! their tools and hand the file back. Import reads it ([`read_export`], one
//! reader per format), matches each unit to its pair by file and unit id as
//! the export assigned them, and plans per page ([`plan_page`]) which target
//! spans get new inner text. Only those bytes change: the page is spliced, not
//! re-rendered, so frontmatter, line endings, BOM, spacing and every other
//! pair stay as they were. A unit is refused, with a message saying what to
//! do, when applying it could lose or break something: its source changed
//! since the export, its id is unknown or repeated, or its target would
//! break the page. The other units are still applied.

mod apply;
mod csv;
mod json;
mod plan;
mod safe;
mod tmx;
mod xliff;
mod xml;

pub use apply::{splice, Edit};
pub use plan::{plan_page, Page, PagePlan};

use crate::diagnostic::{Code, Diagnostic, Error, Result, Severity};
use crate::export::{nmtoken, tuid_base};
use crate::site::Site;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

/// The formats `sxs export` writes that translators bring back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// XLIFF 2.x, as `sxs export --format xliff` writes it.
    Xliff,
    /// TMX 1.4.
    Tmx,
    /// CSV in Translate Toolkit's layout.
    Csv,
    /// The JSON array (or JSON lines) of `sxs export --format json|jsonl`.
    Json,
}

impl Format {
    /// The format spelled `name` (`--format`), or a message listing them.
    pub fn parse(name: &str) -> Result<Format, String> {
        match name.to_ascii_lowercase().as_str() {
            "xliff" => Ok(Format::Xliff),
            "tmx" => Ok(Format::Tmx),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            _ => Err(format!(
                "unknown format `{name}`; use one of: xliff, tmx, csv, json"
            )),
        }
    }

    /// The format a file's extension names, if any.
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "xliff" | "xlf" => Format::Xliff,
            "tmx" => Format::Tmx,
            "csv" => Format::Csv,
            "json" | "jsonl" => Format::Json,
            _ => return None,
        })
    }

    /// What the export made a unit's id from, before [`UniqueIds`] added
    /// `_2`, `_3`… to repeats within a page; import assigns the page's ids the
    /// same way to find each unit's pair.
    ///
    /// [`UniqueIds`]: crate::export::UniqueIds
    fn key_base(self, file: &str, segment_id: &str) -> String {
        match self {
            Format::Xliff => nmtoken(segment_id),
            Format::Tmx | Format::Csv => tuid_base(file, segment_id),
            Format::Json => segment_id.to_owned(),
        }
    }
}

/// One unit read from an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The page, relative to the content folder.
    pub file: String,
    /// The unit's id as exported (unique within its page).
    pub key: String,
    /// The source text the unit carries: it must still be the page's, or
    /// the translation is of an older source and is refused.
    pub source: String,
    /// `None` when the unit carries no translation.
    pub target: Option<String>,
    /// The target language the file labels this unit with, if it says.
    pub target_lang: Option<String>,
    /// Inline elements found in the target (XLIFF `<pc>`, TMX `<bpt>`…).
    /// sxs exports markup as text, so it cannot know what these stand for.
    pub inline_codes: Vec<String>,
    /// Line and column of the unit in the import file.
    pub at: (usize, usize),
    /// The unit's place in the import file (1 for the first).
    pub ordinal: usize,
}

/// A problem in the import file itself, at a line and column of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line and column in the import file.
    pub at: (usize, usize),
    /// The unit's id, when the problem is one unit's.
    pub id: Option<String>,
    /// What is wrong with the file there.
    pub message: String,
}

impl Problem {
    fn new(at: (usize, usize), message: impl Into<String>) -> Problem {
        Problem {
            at,
            id: None,
            message: message.into(),
        }
    }

    fn with_id(mut self, id: Option<&str>) -> Problem {
        self.id = id.map(str::to_owned);
        self
    }

    fn diagnostic(&self, file: &str, code: Code) -> Diagnostic {
        let d = Diagnostic::new(file, self.at, code, Severity::Error, &self.message);
        match &self.id {
            Some(id) => d.with_id(id),
            None => d,
        }
    }
}

/// What a reader found in an export: its units, and the units it could not
/// read (each refused, the others still imported).
#[derive(Debug, Default)]
pub struct Export {
    /// The source language the file declares, if its format has one.
    pub source_lang: Option<String>,
    /// The units read, in file order.
    pub units: Vec<Unit>,
    /// The units that could not be read, each a problem at its place.
    pub problems: Vec<Problem>,
}

/// Reads an export. An error means the file is not an sxs export of this
/// format at all (nothing can be imported from it).
pub fn read_export(format: Format, text: &str) -> std::result::Result<Export, Problem> {
    match format {
        Format::Xliff => xliff::read(text),
        Format::Tmx => tmx::read(text),
        Format::Csv => csv::read(text),
        Format::Json => json::read(text),
    }
}

/// What `sxs import` was asked to do.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The export to import.
    pub file: &'a Path,
    /// The site it was exported from.
    pub site: &'a Path,
    /// The file's format; `None`: from its extension.
    pub format: Option<Format>,
    /// Change the pages; otherwise only show what would change.
    pub write: bool,
    /// Print refusals and nothing else.
    pub quiet: bool,
}

/// The outcome of an import, for the summary and the exit code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Pairs whose target changed (or would change, without `--write`).
    pub pairs: usize,
    /// Files those pairs are in.
    pub files: usize,
    /// Refusals: one per unit refused, one per page the site does not
    /// have, one for a file refused as a whole.
    pub refused: usize,
}

/// Runs `sxs import`: diffs of what changes go to `out`, refusals and the
/// summary to `err`. Errors are what stops the command (the file or the site
/// cannot be read); refusals are counted in the summary.
pub fn run(options: &Options, out: &mut dyn Write, err: &mut dyn Write) -> Result<Summary> {
    let format = options.format.or_else(|| Format::of_path(options.file));
    let format = format.ok_or_else(|| {
        Error::at(
            options.file,
            "cannot tell the format from the extension; give --format xliff|tmx|csv|json",
        )
    })?;
    let site = Site::open(options.site, None)?;
    let pages: Pages = site
        .markdown_files()
        .map(|f| (f.rel.as_str(), f.path.as_path()))
        .collect();
    let bytes = std::fs::read(options.file).map_err(|e| Error::io(options.file, e))?;
    let name = options.file.display().to_string();
    let outcome = match crate::load::decode(bytes, &name) {
        Ok(text) => import(&site, &pages, format, &name, &text),
        Err(d) => Outcome::refused(d),
    };
    let mut summary = outcome.summary();
    print_outcome(&outcome, options.quiet || options.write, out, err)?;
    if options.write {
        summary = write_pages(&pages, &outcome, summary, err)?;
    }
    if !options.quiet {
        print_summary(&summary, options.write, err)?;
    }
    Ok(summary)
}

/// The site's pages by path relative to the content folder.
type Pages<'s> = HashMap<&'s str, &'s Path>;

/// The plans of every page the export touches, and what was refused.
#[derive(Debug, Default)]
struct Outcome {
    plans: Vec<PagePlan>,
    refusals: Vec<Diagnostic>,
}

impl Outcome {
    fn refused(d: Diagnostic) -> Outcome {
        Outcome {
            plans: Vec::new(),
            refusals: vec![d],
        }
    }

    fn summary(&self) -> Summary {
        let changing = self.plans.iter().filter(|p| p.new_text.is_some());
        Summary {
            pairs: changing.clone().map(|p| p.changed.len()).sum(),
            files: changing.count(),
            refused: self.refusals.len()
                + self.plans.iter().map(|p| p.refusals.len()).sum::<usize>(),
        }
    }
}

/// Reads the export and plans every page it names.
fn import(site: &Site, pages: &Pages, format: Format, name: &str, text: &str) -> Outcome {
    let export = match read_export(format, text) {
        Ok(export) => export,
        Err(problem) => return Outcome::refused(problem.diagnostic(name, Code::ImportNotSxs)),
    };
    if let Some(lang) = export
        .source_lang
        .as_deref()
        .filter(|l| !l.eq_ignore_ascii_case(&site.config.source_locale))
    {
        let message = format!(
            "the export's source language is {lang} but this site's is {} (site.yml \
             source_locale); import it into the site it was exported from",
            site.config.source_locale
        );
        return Outcome::refused(
            Problem::new((1, 1), message).diagnostic(name, Code::ImportLanguage),
        );
    }
    let mut outcome = Outcome {
        plans: Vec::new(),
        refusals: export
            .problems
            .iter()
            .map(|p| p.diagnostic(name, Code::ImportNotSxs))
            .collect(),
    };
    let mut by_file: BTreeMap<&str, Vec<&Unit>> = BTreeMap::new();
    for unit in &export.units {
        by_file.entry(&unit.file).or_default().push(unit);
    }
    for (rel, units) in by_file {
        let page = pages.get(rel).map(|path| Page::load(path, rel, site));
        match page {
            Some(Ok(page)) => outcome.plans.push(plan_page(&page, &units, format)),
            Some(Err(d)) => outcome.refusals.push(d),
            None => outcome.refusals.push(unknown_page(name, rel, &units)),
        }
    }
    outcome
}

/// One refusal for all the units of a page the site does not have.
fn unknown_page(name: &str, rel: &str, units: &[&Unit]) -> Diagnostic {
    let first = units.first().map_or((1, 1), |u| u.at);
    let message = format!(
        "the export names the page {rel}, which this site does not have ({} unit(s) not \
         imported); import into the site the export was made from, or restore the page",
        units.len()
    );
    Problem::new(first, message)
        .with_id(units.first().map(|u| u.key.as_str()))
        .diagnostic(name, Code::ImportUnknown)
}

/// Prints the refusals, and (unless `quiet`) a unified diff per page.
fn print_outcome(
    outcome: &Outcome,
    quiet: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let io = |e: std::io::Error| Error::new(format!("cannot write the report: {e}"));
    let mut refusals: Vec<&Diagnostic> = outcome.refusals.iter().collect();
    refusals.extend(outcome.plans.iter().flat_map(|p| &p.refusals));
    refusals.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    for d in refusals {
        writeln!(err, "{d}").map_err(io)?;
    }
    if quiet {
        return Ok(());
    }
    for plan in &outcome.plans {
        if let Some(diff) = plan.diff() {
            write!(out, "{diff}").map_err(io)?;
        }
    }
    Ok(())
}

/// Replaces each changed page atomically. A page that changed on disk since
/// it was read is left alone and counted as refused.
fn write_pages(
    pages: &Pages,
    outcome: &Outcome,
    mut summary: Summary,
    err: &mut dyn Write,
) -> Result<Summary> {
    for plan in outcome.plans.iter().filter(|p| p.new_text.is_some()) {
        let Some(path) = pages.get(plan.rel.as_str()) else {
            continue;
        };
        if let Err(d) = plan.write(path) {
            writeln!(err, "{d}").map_err(|e| Error::new(e.to_string()))?;
            summary.pairs -= plan.changed.len();
            summary.files -= 1;
            summary.refused += plan.changed.len();
        }
    }
    Ok(summary)
}

fn print_summary(summary: &Summary, written: bool, err: &mut dyn Write) -> Result<()> {
    let (verb, hint) = if written {
        ("changed", "")
    } else {
        ("would change", "; run again with --write to apply")
    };
    writeln!(
        err,
        "{verb} {} pair(s) in {} file(s); {} refused{hint}",
        summary.pairs, summary.files, summary.refused
    )
    .map_err(|e| Error::new(format!("cannot write the report: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension() {
        assert_eq!(Format::of_path(Path::new("a/x.XLF")), Some(Format::Xliff));
        assert_eq!(Format::of_path(Path::new("x.jsonl")), Some(Format::Json));
        assert_eq!(Format::of_path(Path::new("x.tmx")), Some(Format::Tmx));
        assert_eq!(Format::of_path(Path::new("x.po")), None);
        assert_eq!(Format::of_path(Path::new("csv")), None);
    }

    #[test]
    fn key_bases_are_the_exports() {
        assert_eq!(Format::Xliff.key_base("a/b.md", "x-1"), "x-1");
        assert_eq!(Format::Tmx.key_base("a/b.md", "x-1"), "a/b.md#x-1");
        assert_eq!(Format::Csv.key_base("a/b.md", "x-1"), "a/b.md#x-1");
        assert_eq!(Format::Json.key_base("a/b.md", "x-1"), "x-1");
        assert_eq!(Format::Xliff.key_base("a.md", "unknown@12"), "unknown_12");
    }
}
