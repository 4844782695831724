//! DocFX project files: where each docset of a content folder is published.
//!
//! A localization repository holds one or more docsets, each a folder with a
//! `docfx.json` whose `dest` is the docset's path on the docs site; a
//! repository's `.openpublishing.publish.config.json` may say the same per
//! docset (`build_source_folder` → `build_output_subfolder`). Root-relative
//! links (`/partner-center/x`) name pages by those published paths, and `~/`
//! paths by the docset folder, so both are read here.

use crate::load::ContentFile;
use serde_json::Value;
use std::path::Path;

/// One docset: its folder in the content (`""` for the content root) and its
/// path on the published site (without slashes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Docset {
    /// The docset's folder, relative to the content root (`""` for the root).
    pub folder: String,
    /// Its path on the published site (`docfx.json`'s `dest`), without
    /// slashes: root-relative links (`/dest/page`) lead into the folder.
    pub dest: String,
}

/// The name of the repository-level publishing file (hidden, so the content
/// walk skips it; it is read from the content root).
const PUBLISH_CONFIG: &str = ".openpublishing.publish.config.json";

/// The docsets that the `docfx.json` files among `files` and the content
/// root's `.openpublishing.publish.config.json` declare. Files that do not
/// parse are skipped: they only refine link mapping, which falls back to the
/// content root.
pub fn discover(content: &Path, files: &[ContentFile]) -> Docsets {
    let json = |path: &Path| {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(t.trim_start_matches('\u{feff}')).ok())
    };
    let mut docsets = Vec::new();
    let mut roots = Vec::new();
    for file in files {
        let name = file.rel.rsplit('/').next().unwrap_or(&file.rel);
        if !name.eq_ignore_ascii_case("docfx.json") {
            continue;
        }
        let dir = parent(&file.rel);
        roots.push(dir.to_owned());
        if let Some(value) = json(&file.path) {
            docsets.extend(from_docfx(dir, &value));
        }
    }
    // Like every content file, it is not read through a link out of the
    // content folder.
    let publish = content.join(PUBLISH_CONFIG);
    let inside = content
        .canonicalize()
        .is_ok_and(|root| !crate::load::link_leaves(&root, &publish));
    if let Some(value) = json(&publish).filter(|_| inside) {
        docsets.extend(from_publish_config("", &value));
    }
    // Longest published paths first: `/a/b/x` is in docset `a/b` before `a`.
    docsets.sort_by_key(|d| std::cmp::Reverse(d.dest.len()));
    roots.sort_by_key(|r| std::cmp::Reverse(r.len()));
    Docsets { docsets, roots }
}

/// The docsets of a content folder and the folders holding `docfx.json`.
#[derive(Debug, Clone, Default)]
pub struct Docsets {
    docsets: Vec<Docset>,
    roots: Vec<String>,
}

impl Docsets {
    /// The content path a root-relative site path (`partner-center/x`,
    /// without the leading `/`) stands for, by the docsets' published paths:
    /// candidate paths to look up, most specific docset first.
    pub fn site_candidates(&self, site_path: &str) -> Vec<String> {
        let site_path = site_path.trim_start_matches('/');
        let mut out = Vec::new();
        for docset in &self.docsets {
            let rest = site_path
                .strip_prefix(docset.dest.as_str())
                .filter(|r| r.is_empty() || r.starts_with('/'));
            if let Some(rest) = rest {
                out.push(join(&docset.folder, rest.trim_start_matches('/')));
            }
        }
        // Without a matching docset: the content root is the site root.
        out.push(site_path.to_owned());
        out
    }

    /// Folders a `~/` path of the page `from` may start from, in order: the
    /// folder holding the page's `docfx.json`, then the content root.
    pub fn tilde_roots(&self, from: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .roots
            .iter()
            .filter(|root| root.is_empty() || from.starts_with(&format!("{root}/")))
            .take(1)
            .cloned()
            .collect();
        if !out.iter().any(String::is_empty) {
            out.push(String::new());
        }
        out
    }
}

fn parent(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// `folder/rest` with `.` and empty parts dropped.
pub fn join(folder: &str, rest: &str) -> String {
    folder
        .split('/')
        .chain(rest.split('/'))
        .filter(|p| !p.is_empty() && *p != ".")
        .collect::<Vec<_>>()
        .join("/")
}

fn text<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str)
}

/// `build.dest`, and each `build.content[]` group's own `src`/`dest`.
fn from_docfx(dir: &str, value: &Value) -> Vec<Docset> {
    let Some(build) = value.get("build") else {
        return Vec::new();
    };
    let dest = text(build, "dest").unwrap_or("");
    let mut out = Vec::new();
    for group in build
        .get("content")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(group_dest) = text(group, "dest") {
            out.push(Docset {
                folder: join(dir, text(group, "src").unwrap_or("")),
                dest: join(dest, group_dest),
            });
        }
    }
    // Without a `dest` the published path is unknown (the publishing
    // config may say it): the docset claims no root-relative paths.
    if !dest.is_empty() {
        out.push(Docset {
            folder: dir.to_owned(),
            dest: join("", dest),
        });
    }
    out
}

/// `docsets_to_publish[]`: `build_source_folder` → `build_output_subfolder`.
fn from_publish_config(dir: &str, value: &Value) -> Vec<Docset> {
    value
        .get("docsets_to_publish")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|docset| {
            let folder = text(docset, "build_source_folder")?;
            let dest = text(docset, "build_output_subfolder")?;
            Some(Docset {
                folder: join(dir, folder),
                dest: join("", dest),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docsets() -> Docsets {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
        };
        write("pc/docfx.json", r#"{"build": {"dest": "partner-center"}}"#);
        write(
            "q/api/docfx.json",
            r#"{"build": {"content": [{"src": ".", "dest": "api"}]}}"#,
        );
        write(
            PUBLISH_CONFIG,
            r#"{"docsets_to_publish": [{"build_source_folder": "holo", "build_output_subfolder": "hololens"}]}"#,
        );
        let (files, _) = crate::load::discover(dir.path(), &[], Default::default());
        discover(dir.path(), &files)
    }

    #[test]
    fn root_relative_paths_map_through_dest_and_publish_config() {
        let d = docsets();
        let pc = d.site_candidates("/partner-center/billing");
        assert_eq!(pc[0], "pc/billing", "{pc:?}");
        assert!(d.site_candidates("api/x").contains(&"q/api/x".to_owned()));
        assert_eq!(d.site_candidates("hololens/kiosk")[0], "holo/kiosk");
        // `partner-centerx` is not under `partner-center`.
        assert_eq!(
            d.site_candidates("partner-centerx/a"),
            ["partner-centerx/a"]
        );
    }

    #[test]
    fn tilde_starts_at_the_docfx_folder_then_the_content_root() {
        let d = docsets();
        assert_eq!(d.tilde_roots("pc/a/b.md"), ["pc", ""]);
        assert_eq!(d.tilde_roots("other/b.md"), [""]);
    }
}
