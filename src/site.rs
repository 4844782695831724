//! A site on disk: its folders, its configuration and its files, and reading
//! its pages through parse and align, in parallel.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Result};
use crate::load::{self, ContentFile, FileKind, SitePaths};
use crate::model::Document;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// A site opened for a command.
#[derive(Debug)]
pub struct Site {
    pub paths: SitePaths,
    pub config: Config,
    /// Where the built site goes.
    pub output: PathBuf,
    pub files: Vec<ContentFile>,
    /// Problems found while walking (unreadable entries, symlink loops).
    pub problems: Vec<Diagnostic>,
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
        Ok(Site {
            paths,
            config,
            output,
            files,
            problems,
        })
    }

    /// The markdown pages, in path order.
    pub fn markdown_files(&self) -> impl Iterator<Item = &ContentFile> {
        self.files.iter().filter(|f| f.kind == FileKind::Markdown)
    }

    /// Reads one page through load, parse and align.
    pub fn read(&self, file: &ContentFile) -> std::result::Result<Document, Diagnostic> {
        let text = load::read_text(&file.path, &file.rel)?;
        Ok(crate::align::read_document(&file.rel, &text))
    }

    /// Reads every markdown page in parallel; unreadable files become
    /// diagnostics. Documents come back in path order.
    pub fn read_all(&self) -> (Vec<Document>, Vec<Diagnostic>) {
        let results: Vec<_> = self
            .markdown_files()
            .collect::<Vec<_>>()
            .par_iter()
            .map(|file| self.read(file))
            .collect();
        let mut docs = Vec::new();
        let mut problems = self.problems.clone();
        for result in results {
            match result {
                Ok(doc) => docs.push(doc),
                Err(problem) => problems.push(problem),
            }
        }
        (docs, problems)
    }

    /// The target locale of a page: its `ms.contentlocale`, else the site's.
    pub fn target_locale<'a>(&'a self, doc: &'a Document) -> &'a str {
        doc.meta
            .content_locale
            .as_deref()
            .unwrap_or(&self.config.target_locale)
    }
}
