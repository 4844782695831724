//! A whole site's export in two passes, so that memory holds the site's
//! findings and one round of pages, not every page at once.
//!
//! The first pass reviews the site as `sxs check` does and keeps a little of
//! each page: what decides whether it has units to write and in which
//! language. The second reads the pages again, a round at a time (without
//! reviewing them again), gives each the site's findings for its file (its
//! own and the site pass's, sorted, as [`pipeline::review_site`] gives
//! them) and writes its units.

use super::{in_folder, selected_units, ExportOptions, Format, Summary, Writer};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::ContentFile;
use crate::pipeline::{self, Page};
use crate::site::Site;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

/// What the first pass keeps of one page.
#[derive(Debug)]
struct Outline {
    /// The page's path, relative to the content folder.
    rel: String,
    /// The page's target language, as its units are labelled.
    target_locale: String,
    /// How many segments the page has.
    segments: usize,
    /// The page's segment ids, with `--only-flagged` only: whether a
    /// segment has a finding is known once the site pass has run, after
    /// the page is gone.
    ids: Vec<String>,
}

impl Outline {
    fn of(page: &Page, options: &ExportOptions) -> Outline {
        let doc = &page.doc;
        Outline {
            rel: doc.rel.clone(),
            target_locale: options.target_of(doc).to_owned(),
            segments: doc.segments.len(),
            ids: if options.only_flagged {
                doc.segments.iter().map(|s| s.id.clone()).collect()
            } else {
                Vec::new()
            },
        }
    }

    /// Does the page have units that `options` select, given its findings?
    /// (As [`selected_units`] decides: a unit's notes are the findings with
    /// its segment's id.)
    fn has_units(&self, findings: &[Diagnostic], options: &ExportOptions) -> bool {
        if self.segments == 0 || !options.folder.is_none_or(|f| in_folder(&self.rel, f)) {
            return false;
        }
        if !options.only_flagged {
            return true;
        }
        let flagged: HashSet<&str> = findings.iter().filter_map(|d| d.id.as_deref()).collect();
        self.ids.iter().any(|id| flagged.contains(id.as_str()))
    }
}

/// A site reviewed for export: run [`SiteExport::review`], then
/// [`SiteExport::write`].
#[derive(Debug)]
pub struct SiteExport<'a> {
    site: &'a Site,
    options: ExportOptions<'a>,
    /// Every page read, in the site's file order (fragments included, as
    /// other pages' includes are segments of their own too).
    pages: Vec<Outline>,
    /// Every finding of the site, by file, sorted.
    findings: HashMap<String, Vec<Diagnostic>>,
    /// The site's errors, sorted: what the command prints after the export.
    errors: Vec<Diagnostic>,
}

impl<'a> SiteExport<'a> {
    /// The first pass: reviews the site (every finding, as `sxs check`
    /// finds them) and keeps what the export needs to know of each page.
    pub fn review(site: &'a Site, options: ExportOptions<'a>) -> SiteExport<'a> {
        let (review, pages) = pipeline::timed("review the site", || {
            pipeline::review_site_with(site, |page| Outline::of(page, &options))
        });
        let errors = review
            .findings
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        // The sorted list split by file keeps each file's findings in the
        // order of `review_site(site, true)`'s pages: the site's problems
        // and the navigation's findings also land here, but they belong to
        // no segment and are not machine-translation notices, so they
        // change no unit.
        let mut findings: HashMap<String, Vec<Diagnostic>> = HashMap::new();
        for d in review.findings {
            match findings.get_mut(&d.file) {
                Some(list) => list.push(d),
                None => {
                    findings.insert(d.file.clone(), vec![d]);
                }
            }
        }
        SiteExport {
            site,
            options,
            pages,
            findings,
            errors,
        }
    }

    /// Was any page read under `folder` (content-relative)?
    pub fn has_pages_under(&self, folder: &str) -> bool {
        self.pages.iter().any(|p| in_folder(&p.rel, folder))
    }

    /// The site's error findings, sorted.
    pub fn errors(&self) -> &[Diagnostic] {
        &self.errors
    }

    /// The second pass: reads the pages that have units to export again,
    /// a round at a time, and writes them to `out` in `format`. Fails
    /// before writing anything when XLIFF has nothing to export, and when
    /// a page read in the first pass can no longer be read.
    pub fn write(self, format: Format, out: &mut dyn Write) -> io::Result<()> {
        let SiteExport {
            site,
            options,
            pages,
            mut findings,
            ..
        } = self;
        let files: HashMap<&str, &ContentFile> =
            site.files.iter().map(|f| (f.rel.as_str(), f)).collect();
        let mut summary = Summary::default();
        let mut todo: Vec<(&ContentFile, Vec<Diagnostic>)> = Vec::new();
        for page in pages {
            let page_findings = findings.remove(&page.rel).unwrap_or_default();
            if !page.has_units(&page_findings, &options) {
                continue;
            }
            // Every page was read from one of the site's files.
            let Some(file) = files.get(page.rel.as_str()) else {
                continue;
            };
            summary.add(&page.target_locale);
            todo.push((file, page_findings));
        }
        drop(findings);
        pipeline::timed("read the pages again and write them", || {
            write_rounds(
                site,
                &options,
                todo,
                Writer::begin(format, &options, &summary, out)?,
            )
        })
    }
}

/// Reads the pages of `todo` (with their findings), in parallel and a few
/// at a time ([`pipeline::PAGES_AHEAD`]), and writes their units in order.
fn write_rounds(
    site: &Site,
    options: &ExportOptions,
    todo: Vec<(&ContentFile, Vec<Diagnostic>)>,
    mut writer: Writer,
) -> io::Result<()> {
    let mut failed: Option<io::Error> = None;
    pipeline::map_in_order(
        &todo,
        pipeline::PAGES_AHEAD,
        |(file, findings)| {
            pipeline::read_decided(site, file).map(|mut page| {
                page.findings = findings.clone();
                page
            })
        },
        |read| {
            if failed.is_some() {
                return;
            }
            let written = read
                .map_err(|problem| {
                    io::Error::other(format!(
                        "{} changed while it was exported: {}",
                        problem.file, problem.message
                    ))
                })
                .and_then(|page| writer.page(&selected_units(&page, options)));
            failed = written.err();
        },
    );
    if let Some(error) = failed {
        return Err(error);
    }
    writer.finish()
}
