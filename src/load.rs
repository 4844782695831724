//! Stage 1, **load**: find the site's folders and read its files.
//!
//! Reading never fails a whole build: a file that cannot be read becomes a
//! diagnostic for that file, and the other pages go on.

use crate::diagnostic::{Code, Diagnostic, Error, LineIndex, Result, Severity};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Files larger than this are refused with a clear error rather than read
/// into memory; the largest real localized pages are a few hundred KB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Pairs (`data-ttu-id` spans) one page may hold: the largest page of the
/// real docsets has 897, and a page with 100,000 makes every later stage
/// slow for the whole build. Over this the page is refused with a clear
/// error, and the rest of the site builds.
pub const MAX_PAIRS_PER_PAGE: usize = 20_000;

/// Where a site's parts are. `root` holds `site.yml`, `templates/` and
/// `static/`; `content` holds the pages.
#[derive(Debug, Clone)]
pub struct SitePaths {
    /// The site folder, as given to [`SitePaths::locate`].
    pub root: PathBuf,
    /// `root/content` when there is one, else `root` itself.
    pub content: PathBuf,
}

impl SitePaths {
    /// A folder with a `content/` subfolder is a site; any other folder (a
    /// checkout of a localization repository) is its own content.
    pub fn locate(path: &Path) -> Result<SitePaths> {
        if !path.is_dir() {
            return Err(Error::at(
                path,
                "is not a folder: give the site folder (with content/) or a folder of pages",
            ));
        }
        let content = path.join("content");
        Ok(if content.is_dir() {
            SitePaths {
                root: path.to_owned(),
                content,
            }
        } else {
            SitePaths {
                root: path.to_owned(),
                content: path.to_owned(),
            }
        })
    }
}

/// What a file in the content folder is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    /// A markdown page (`*.md`).
    Markdown,
    /// A DocFX navigation file (`TOC.yml`, `TOC.md`, any case).
    Toc,
    /// A YAML page: `### YamlMime:Landing` (index.yml) or `### YamlMime:FAQ`.
    YamlPage,
    /// Anything else (images, docfx.json, LICENSE): copied as is.
    Asset,
}

/// One file of the content folder.
#[derive(Debug, Clone)]
pub struct ContentFile {
    /// Path relative to the content folder, `/`-separated.
    pub rel: String,
    /// Where to read it (under the content folder as given, links unresolved).
    pub path: PathBuf,
    /// What it is for, from its name.
    pub kind: FileKind,
}

fn classify(rel: &str) -> FileKind {
    let name = rel.rsplit('/').next().unwrap_or(rel).to_ascii_lowercase();
    if name == "toc.yml" || name == "toc.md" || name == "toc.yaml" {
        FileKind::Toc
    } else if name.ends_with(".md") || name.ends_with(".markdown") {
        FileKind::Markdown
    } else if name.ends_with(".yml") || name.ends_with(".yaml") {
        FileKind::YamlPage
    } else {
        FileKind::Asset
    }
}

/// Whether symbolic links that lead out of the folder being walked are
/// followed. Content comes from vendors and pull requests and is built in CI
/// beside its secrets: a link to `/etc` or `/proc/self/environ` must not be
/// published, so only `site.yml`'s `follow_outside_symlinks: true` (for
/// content one trusts) follows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Symlinks {
    /// Follow a link only while it stays inside the folder (the default).
    #[default]
    StayInside,
    /// Follow every link (`follow_outside_symlinks: true`).
    FollowAll,
}

/// Whether `path` is a symbolic link (at its last part) whose target, fully
/// resolved, is not inside `root` (canonical) or does not exist.
pub fn link_leaves(root: &Path, path: &Path) -> bool {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    is_link && !path.canonicalize().is_ok_and(|real| real.starts_with(root))
}

/// Walks the content folder, skipping hidden entries and the folders in
/// `skip` (the output folder when it lies inside). Symlinks are followed
/// while they stay inside the folder (a loop is reported instead of walked
/// forever); one that leads out is skipped with a warning naming it, unless
/// `symlinks` says to follow all. Results are sorted by path so builds are
/// deterministic.
pub fn discover(
    content: &Path,
    skip: &[PathBuf],
    symlinks: Symlinks,
) -> (Vec<ContentFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut outside = Vec::new();
    let skip: Vec<PathBuf> = skip.iter().filter_map(|p| p.canonicalize().ok()).collect();
    let root = content
        .canonicalize()
        .unwrap_or_else(|_| content.to_owned());
    let walker = WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
            let skipped = entry.file_type().is_dir()
                && entry
                    .path()
                    .canonicalize()
                    .is_ok_and(|real| skip.contains(&real));
            let leaves = symlinks == Symlinks::StayInside
                && entry.path_is_symlink()
                && link_leaves(&root, entry.path());
            if leaves && !hidden {
                outside.push(relative(content, entry.path()));
            }
            !hidden && !skipped && !leaves
        });
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let rel = relative(content, entry.path());
                files.push(ContentFile {
                    kind: classify(&rel),
                    rel,
                    path: entry.into_path(),
                });
            }
            Ok(_) => {}
            Err(err) => problems.push(walk_problem(content, &err)),
        }
    }
    problems.extend(outside.into_iter().map(|rel| {
        Diagnostic::new(
            &rel,
            (1, 1),
            Code::Symlink,
            Severity::Warning,
            "is a symbolic link that leads outside its folder (or nowhere): it was not \
             published; copy the file in, or set `follow_outside_symlinks: true` in \
             site.yml if you trust this content",
        )
    }));
    (files, problems)
}

/// A walk error as a diagnostic on the entry it is about.
fn walk_problem(content: &Path, err: &walkdir::Error) -> Diagnostic {
    let rel = err
        .path()
        .map_or_else(|| ".".to_owned(), |p| relative(content, p));
    let what = if err.loop_ancestor().is_some() {
        "symbolic link loop: this link points to one of its own parent folders; remove it or point it elsewhere".to_owned()
    } else {
        format!("cannot be read: {err}")
    };
    Diagnostic::new(&rel, (1, 1), Code::Io, Severity::Error, what)
}

/// `path` relative to `base` with `/` separators.
pub fn relative(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads a text file: UTF-8, with an optional byte-order mark (dropped).
/// CRLF is kept as written (pulldown-cmark reads it) so offsets stay true to
/// the file. Invalid UTF-8 is reported at its line and column.
pub fn read_text(path: &Path, rel: &str) -> std::result::Result<String, Diagnostic> {
    let text = decode(read_bytes(path, rel)?, rel)?;
    within_budget(&text, rel)?;
    Ok(text)
}

/// Reads a file's bytes, refusing one larger than [`MAX_FILE_BYTES`].
pub fn read_bytes(path: &Path, rel: &str) -> std::result::Result<Vec<u8>, Diagnostic> {
    let too_big = std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_FILE_BYTES);
    if too_big {
        return Err(Diagnostic::new(
            rel,
            (1, 1),
            Code::Io,
            Severity::Error,
            format!(
                "file is larger than {} MiB; split it into several pages",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    std::fs::read(path)
        .map_err(|err| Diagnostic::new(rel, (1, 1), Code::Io, Severity::Error, err.to_string()))
}

/// Refuses a page with more pairs than [`MAX_PAIRS_PER_PAGE`].
pub fn within_budget(text: &str, rel: &str) -> std::result::Result<(), Diagnostic> {
    let pairs = text.matches("data-ttu-id=").count();
    if pairs <= MAX_PAIRS_PER_PAGE {
        return Ok(());
    }
    Err(Diagnostic::new(
        rel,
        (1, 1),
        Code::Budget,
        Severity::Error,
        format!(
            "the page holds {pairs} pairs, more than the {MAX_PAIRS_PER_PAGE} one page may \
             hold; split it into several pages (it was not built)"
        ),
    ))
}

/// Decodes file bytes as UTF-8 (see [`read_text`]).
pub fn decode(mut bytes: Vec<u8>, rel: &str) -> std::result::Result<String, Diagnostic> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&err.as_bytes()[..offset]).into_owned();
        let position = LineIndex::new(&valid).position(&valid, offset);
        Diagnostic::new(
            rel,
            position,
            Code::Encoding,
            Severity::Error,
            format!(
                "invalid UTF-8 at byte {offset}; save the file as UTF-8 (the page was not built)"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_crlf_kept() {
        let text = decode(b"\xEF\xBB\xBFa\r\nb".to_vec(), "x.md").unwrap();
        assert_eq!(text, "a\r\nb");
    }

    #[test]
    fn invalid_utf8_names_line_column_and_byte() {
        let err = decode(b"ok\nab\xFFc".to_vec(), "x.md").unwrap_err();
        assert_eq!((err.line, err.column), (2, 3));
        assert_eq!(err.code, "encoding");
        assert!(err.message.contains("byte 5"), "{}", err.message);
    }

    #[test]
    fn classifies_docfx_files() {
        assert_eq!(classify("a/TOC.yml"), FileKind::Toc);
        assert_eq!(classify("a/toc.md"), FileKind::Toc);
        assert_eq!(classify("a/page.md"), FileKind::Markdown);
        assert_eq!(classify("index.yml"), FileKind::YamlPage);
        assert_eq!(classify("media/x.png"), FileKind::Asset);
    }

    #[test]
    fn a_page_with_too_many_pairs_is_refused_with_the_count() {
        let pair = "<span data-ttu-id=\"a-1\">x</span>";
        assert!(within_budget(&pair.repeat(MAX_PAIRS_PER_PAGE), "p.md").is_ok());
        let err = within_budget(&pair.repeat(MAX_PAIRS_PER_PAGE + 1), "p.md").unwrap_err();
        assert_eq!(err.code, "budget");
        assert!(err.message.contains("20001 pairs"), "{}", err.message);
    }
}
