//! The site pass: the findings only a whole docset gives — links, anchors,
//! images and includes that do not resolve, include cycles, translations
//! inconsistent across pages, and lengths (whole, or of what was
//! translated: omissions) odd for the docset's own distribution.
//!
//! It works on [`PageFacts`], the little each page leaves behind after the
//! per-page stages, so the pages themselves need not stay in memory.

use super::Page;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::links::{self, LinkKind, LinkUse, SiteIndex, Target};
use crate::render::markdown::MAX_INCLUDE_EXPANSIONS;
use crate::review::consistency::{self, Consistency};
use crate::review::places::Places;
use crate::review::{habits, length, omission};
use crate::site::Site;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Includes nested deeper than this are refused (the renderer stops there
/// too): a guard against long chains through different names.
pub const MAX_INCLUDE_DEPTH: usize = 8;

/// What the site pass needs of one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageFacts {
    /// Path relative to the content folder, `/`-separated.
    pub rel: String,
    /// The page's DocFX `uid` (frontmatter), which `xref:` links and TOC
    /// entries name.
    pub uid: Option<String>,
    /// The fragment names other pages' links may end in (`#anchor`).
    pub anchors: links::Anchors,
    /// Every link, image and include of the page, to resolve against the site.
    pub links: Vec<LinkUse>,
    /// What the page translates each source sentence as, to compare across pages.
    pub consistency: consistency::Entries,
    /// The page's target language: lengths and habits are weighed per language.
    pub locale: String,
    /// Where the page's pairs are: the ids and places the samples of the
    /// length and omission checks point to by number.
    pub places: Places,
    /// The lengths of the page's pairs, for the length check's calibration.
    pub lengths: Vec<length::Sample>,
    /// What the omission check needs of the page's pairs, for its calibration.
    pub omissions: Vec<omission::Sample>,
    /// Findings held for the docset to decide ([`Page::held`]).
    pub held: Vec<crate::review::checks::Held>,
    /// The page's pairs per habit class ([`Page::classes`]).
    pub classes: BTreeMap<String, usize>,
    /// The words of the page's translations ([`Page::vocabulary`]), hashed
    /// ([`habits::word_hashes`]).
    pub vocabulary: Vec<u64>,
}

impl PageFacts {
    /// What `page` leaves behind for the site pass.
    pub fn of(page: &Page) -> PageFacts {
        PageFacts {
            rel: page.doc.rel.clone(),
            uid: page
                .doc
                .meta
                .all
                .get("uid")
                .and_then(crate::yaml::scalar_text)
                .map(|u| u.trim().to_owned())
                .filter(|u| !u.is_empty()),
            anchors: links::anchors(&page.doc),
            links: links::collect(&page.doc),
            consistency: consistency::entries(&page.doc, &page.locale),
            locale: page.locale.clone(),
            places: Places::of(&page.doc),
            lengths: length::samples(&page.doc),
            omissions: omission::samples(&page.doc),
            held: page.held.clone(),
            classes: page.classes.clone(),
            vocabulary: habits::word_hashes(&page.vocabulary),
        }
    }
}

/// The site pass's result: the index links resolve against, and the
/// findings it adds to each page.
#[derive(Debug, Default)]
pub struct SitePass {
    /// Every file and page of the site (with anchors and uids): what links
    /// resolve against when pages are rendered.
    pub index: SiteIndex,
    /// The files other pages include (`[!INCLUDE]`): fragments of those
    /// pages, read and reviewed but neither pages of their own nor in the
    /// search index.
    pub fragments: HashSet<String>,
    /// The findings the pass adds, by page (content path), with `site.yml`'s
    /// review settings applied.
    pub findings: BTreeMap<String, Vec<Diagnostic>>,
}

impl SitePass {
    /// The site-wide findings of one page.
    pub fn of(&self, rel: &str) -> &[Diagnostic] {
        self.findings.get(rel).map_or(&[], Vec::as_slice)
    }
}

/// Runs the site pass over the facts of every file read as a page, given
/// in path order.
pub fn run(site: &Site, pages: &[&PageFacts]) -> SitePass {
    let docsets = crate::docset::discover(&site.paths.content, &site.files);
    let mut index = SiteIndex::new(site.files.iter().map(|f| f.rel.clone()), docsets);
    let fragments = fragments(&index, pages);
    for page in pages.iter().filter(|p| !fragments.contains(&p.rel)) {
        index.add_page(&page.rel, page.anchors.clone(), page.uid.as_deref());
    }
    let mut found: Vec<Diagnostic> = pages
        .iter()
        .flat_map(|page| page.links.iter().filter_map(|l| index.check(&page.rel, l)))
        .collect();
    once_per_page(&mut found);
    found.extend(include_cycles(&index, pages));
    let mut consistency = Consistency::default();
    for page in pages {
        consistency.add(&page.rel, &page.consistency);
    }
    found.extend(consistency.findings());
    let lengths: Vec<length::PageSamples<'_>> = pages
        .iter()
        .map(|page| length::PageSamples {
            rel: &page.rel,
            places: &page.places,
            locale: &page.locale,
            samples: &page.lengths,
        })
        .collect();
    found.extend(length::findings(&lengths));
    let omissions: Vec<length::PageSamples<'_, omission::Sample>> = pages
        .iter()
        .map(|page| length::PageSamples {
            rel: &page.rel,
            places: &page.places,
            locale: &page.locale,
            samples: &page.omissions,
        })
        .collect();
    found.extend(omission::findings(&omissions));
    let held: Vec<habits::PageHeld<'_>> = pages
        .iter()
        .map(|page| habits::PageHeld {
            locale: &page.locale,
            held: &page.held,
            classes: &page.classes,
            vocabulary: &page.vocabulary,
        })
        .collect();
    found.extend(habits::findings(&held));
    let mut findings: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
    for d in crate::review::configure(found, &site.config.review) {
        findings.entry(d.file.clone()).or_default().push(d);
    }
    SitePass {
        index,
        fragments,
        findings,
    }
}

/// The files that the pages' include paragraphs name (resolved against an
/// index of files, as includes name files, not pages).
pub fn fragments(index: &SiteIndex, pages: &[&PageFacts]) -> HashSet<String> {
    pages
        .iter()
        .flat_map(|page| {
            page.links
                .iter()
                .filter(|l| l.kind == LinkKind::Include)
                .filter_map(|l| index.find(&page.rel, l.url.split('#').next()?))
        })
        .collect()
}

/// Links that lead outside what this content can check (root links, xrefs
/// to unknown uids) are reported once per page, where first met: the page
/// is not wrong, the reader is only told.
fn once_per_page(found: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    found.retain(|d| {
        !matches!(d.code, Code::RootLink | Code::UnresolvedXref)
            || seen.insert((d.file.clone(), d.code, d.message.clone()))
    });
}

/// Includes that lead back to a page already being included, or nest deeper
/// than [`MAX_INCLUDE_DEPTH`]: the renderer refuses them, and this reports
/// them once, at the include that closes the loop.
fn include_cycles(index: &SiteIndex, pages: &[&PageFacts]) -> Vec<Diagnostic> {
    let edges: HashMap<&str, Vec<(String, &LinkUse)>> = pages
        .iter()
        .map(|page| {
            let targets = page
                .links
                .iter()
                .filter(|l| l.kind == LinkKind::Include)
                .filter_map(|l| match index.resolve(&page.rel, &l.url) {
                    Target::Page { rel, .. } | Target::File(rel) => Some((rel, l)),
                    _ => None,
                })
                .collect();
            (page.rel.as_str(), targets)
        })
        .collect();
    let mut walk = IncludeWalk {
        edges: &edges,
        walked: HashMap::new(),
        on_stack: HashSet::new(),
        out: Vec::new(),
    };
    for page in pages {
        walk.visit(&page.rel);
    }
    walk.out
}

/// A depth-first walk of the include graph that visits each file once, so
/// that even a wide and deep graph costs its size, not its paths.
struct IncludeWalk<'a> {
    edges: &'a HashMap<&'a str, Vec<(String, &'a LinkUse)>>,
    /// File -> (the longest include chain below it, how many includes
    /// rendering it expands), once walked.
    walked: HashMap<&'a str, (usize, usize)>,
    on_stack: HashSet<&'a str>,
    out: Vec<Diagnostic>,
}

impl<'a> IncludeWalk<'a> {
    fn visit(&mut self, here: &'a str) -> (usize, usize) {
        if let Some(walked) = self.walked.get(here) {
            return *walked;
        }
        self.on_stack.insert(here);
        let (mut deepest, mut expansions) = (0, 0usize);
        let edges: &'a HashMap<&'a str, Vec<(String, &'a LinkUse)>> = self.edges;
        let links = edges.get(here).map_or(&[][..], Vec::as_slice);
        for (target, link) in links {
            let target = target.as_str();
            expansions = expansions.saturating_add(1);
            let problem = if self.on_stack.contains(target) {
                Some("includes itself; break the cycle".to_owned())
            } else {
                let (below, inside) = self.visit(target);
                deepest = deepest.max(below + 1);
                expansions = expansions.saturating_add(inside);
                (below + 1 == MAX_INCLUDE_DEPTH + 1).then(|| {
                    format!("nests includes deeper than {MAX_INCLUDE_DEPTH}; include fewer levels")
                })
            };
            if let Some(problem) = problem {
                self.report(here, link, format!("include `{}` {problem}", link.url));
            }
        }
        if expansions > MAX_INCLUDE_EXPANSIONS {
            if let Some((_, first)) = links.first() {
                self.report(
                    here,
                    first,
                    format!(
                        "the page's includes are expanded {MAX_INCLUDE_EXPANSIONS} times or more \
                         (the limit; {expansions} here); an include chain through many files? \
                         Nest fewer includes"
                    ),
                );
            }
        }
        self.on_stack.remove(here);
        self.walked.insert(here, (deepest, expansions));
        (deepest, expansions)
    }

    fn report(&mut self, here: &str, link: &LinkUse, message: String) {
        self.out.push(Diagnostic::new(
            here,
            (link.line, 1),
            Code::Include,
            Severity::Error,
            message,
        ));
    }
}
