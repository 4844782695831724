//! A site on disk: its folders, its configuration and its files.

use crate::config::Config;
use crate::decide::{Lexicon, Lexicons};
use crate::diagnostic::{Diagnostic, Result};
use crate::load::{self, ContentFile, SitePaths};
use crate::model::Document;
use crate::pipeline::Trace;
use std::path::{Path, PathBuf};

/// A site opened for a command.
#[derive(Debug)]
pub struct Site {
    /// The site's root and content folders.
    pub paths: SitePaths,
    /// `site.yml`, defaults where it is silent (or absent).
    pub config: Config,
    /// Where the built site goes.
    pub output: PathBuf,
    /// Every file of the content folder (hidden ones and the output left
    /// out), sorted by path.
    pub files: Vec<ContentFile>,
    /// Problems found while walking (unreadable entries, symlink loops).
    pub problems: Vec<Diagnostic>,
    /// How often each per-page stage ran for this site.
    pub trace: Trace,
    /// The decision lexicons of `site.yml`'s `decisions:`, compiled once.
    pub lexicons: Lexicons,
}

impl Site {
    /// Opens the site at `path`. `output` overrides `site.yml`'s `output`.
    pub fn open(path: &Path, output: Option<&Path>) -> Result<Site> {
        let paths = SitePaths::locate(path)?;
        let config = Config::load(&paths.root)?;
        let output = output.map_or_else(|| paths.root.join(&config.output), Path::to_path_buf);
        let (files, problems) = load::discover(
            &paths.content,
            std::slice::from_ref(&output),
            config.symlinks(),
        );
        let lexicons = Lexicons::new(&config.decisions);
        Ok(Site {
            paths,
            config,
            output,
            files,
            problems,
            trace: Trace::default(),
            lexicons,
        })
    }

    /// The markdown pages, in path order.
    pub fn markdown_files(&self) -> impl Iterator<Item = &ContentFile> {
        self.files
            .iter()
            .filter(|f| f.kind == crate::load::FileKind::Markdown)
    }

    /// The decision lexicon of a page (see [`Lexicons::for_page`]).
    pub fn lexicon(&self, doc: &Document) -> &Lexicon {
        self.lexicons.for_page(&doc.meta)
    }

    /// The target locale of a page: its `ms.contentlocale`, else the site's.
    pub fn target_locale<'a>(&'a self, doc: &'a Document) -> &'a str {
        doc.meta
            .content_locale
            .as_deref()
            .unwrap_or(&self.config.target_locale)
    }
}
