//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// Every real corpus in `../shared/corpus`: (name, target locale, path).
pub(crate) const CORPORA: [(&str, &str); 5] = [
    ("partner-center-pt-br", "pt-BR"),
    ("partner-center-de-de", "de-DE"),
    ("partner-center-zh-cn", "zh-CN"),
    ("quantum-pt-br", "pt-BR"),
    ("hololens-pt-br", "pt-BR"),
];

/// The real corpus in `../shared/corpus/partner-center-pt-br`. Tests that
/// read it skip (saying so) when it is absent, as in a clone elsewhere, but
/// must run in CI (`CI` set), where its absence is a failure.
pub(crate) fn corpus() -> Option<PathBuf> {
    corpus_named("partner-center-pt-br")
}

/// The docset `../shared/corpus/NAME`, skipped or failing like [`corpus`].
pub(crate) fn corpus_named(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    if path.is_dir() {
        return Some(path);
    }
    if std::env::var_os("CI").is_some() {
        panic!("CI is set but the corpus is missing at {}", path.display());
    }
    eprintln!(
        "SKIPPED: the real corpus is not at {} (tests that need it were skipped)",
        path.display()
    );
    None
}

/// All markdown files below `root`, sorted, relative paths with `/`.
pub(crate) fn markdown_files(root: &std::path::Path) -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, e.into_path())
        })
        .collect();
    files.sort();
    files
}

/// The path of the built `sxs` binary.
pub(crate) fn sxs_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_sxs"))
}

/// Every docset in `../shared/corpus` (five, in three target languages),
/// with the same skip rule as [`corpus`].
pub(crate) fn corpora() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    if found.is_empty() {
        if std::env::var_os("CI").is_some() {
            panic!("CI is set but there are no corpora in {}", root.display());
        }
        eprintln!("SKIPPED: no corpora in {}", root.display());
    }
    found
}

/// A copy of a docset in a temporary folder (the corpus is never changed),
/// removed when the returned folder is dropped.
pub(crate) fn copy_site(from: &std::path::Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}
