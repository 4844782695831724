//! The paths of the files sxs writes, and the links to them.
//!
//! Output paths are made from content paths and locales, which come from
//! the pages themselves (vendors, machine translation, pull requests). Every
//! writer goes through [`join_under`], so no name a page can hold (`..`, an
//! absolute path, a drive) lands a file outside the output folder; names
//! too long for the file system are shortened by [`fit_name`] so one page
//! cannot stop the build; links to those names are percent-encoded by
//! [`href`].

use crate::diagnostic::{Error, Result};
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use std::hash::Hasher;
use std::path::{Component, Path, PathBuf};

/// The longest file name (one path component, in bytes) that the common
/// file systems accept (ext4, APFS, NTFS in UTF-16 units are all about 255).
pub const MAX_NAME_BYTES: usize = 255;

/// `dir/rel` for a `/`-separated site path, or an error when any part of
/// `rel` is empty, `.`, `..`, a root or a drive, or too long: the one check
/// every writer makes before it writes. The check is on the names alone;
/// that suffices because sxs writes only into folders it just created and
/// never creates links in them.
pub fn join_under(dir: &Path, rel: &str) -> Result<PathBuf> {
    let refuse = |why: &str| {
        Err(Error::at(
            &dir.join(rel.replace('\0', "\\0")),
            format!("output path refused: {why}; rename the file that produced it"),
        ))
    };
    if rel.is_empty() {
        return refuse("it is empty");
    }
    let mut path = dir.to_path_buf();
    for part in rel.split('/') {
        if part.contains('\0') {
            return refuse("a name holds a NUL character");
        }
        if part.len() > MAX_NAME_BYTES {
            return refuse("a name is longer than the file system allows (255 bytes)");
        }
        let mut components = Path::new(part).components();
        match (components.next(), components.next()) {
            (Some(Component::Normal(name)), None) if name == part => path.push(name),
            _ => return refuse("a part is empty, `.`, `..`, absolute or a drive"),
        }
    }
    if !path.starts_with(dir) {
        return refuse("it leaves the output folder");
    }
    Ok(path)
}

/// `name` if it fits in [`MAX_NAME_BYTES`], else a shortened name that
/// keeps its start and its extensions (`.pt-br.html`) and holds a hash of
/// the whole name, so two long names never shorten to the same file and
/// every build shortens a name the same way.
pub fn fit_name(name: &str) -> String {
    if name.len() <= MAX_NAME_BYTES {
        return name.to_owned();
    }
    // The extensions: the last two dot-parts, when they are short.
    let suffix_at = name
        .rmatch_indices('.')
        .map(|(i, _)| i)
        .take(2)
        .filter(|i| name.len() - i <= 32)
        .last()
        .unwrap_or(name.len());
    let (stem, suffix) = name.split_at(suffix_at);
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(name.as_bytes());
    let tag = format!("~{:016x}", hasher.finish());
    let room = MAX_NAME_BYTES - tag.len() - suffix.len();
    let cut = (0..=room.min(stem.len()))
        .rev()
        .find(|i| stem.is_char_boundary(*i))
        .unwrap_or(0);
    format!("{}{tag}{suffix}", &stem[..cut])
}

/// [`fit_name`] on the last part of a `/`-separated path.
pub fn fit_path(path: String) -> String {
    match path.rsplit_once('/') {
        Some((dir, name)) if name.len() > MAX_NAME_BYTES => format!("{dir}/{}", fit_name(name)),
        None if path.len() > MAX_NAME_BYTES => fit_name(&path),
        _ => path,
    }
}

/// What a path part cannot hold as is in a URL: what would end it or start
/// a query or fragment (`#`, `?`), `%` itself, spaces and the characters
/// HTML attributes and URL parsers treat specially.
const PATH_PART: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'^')
    .add(b'|');

/// A `/`-separated file path as a relative URL: each part percent-encoded
/// (`100%.html` → `100%25.html`), non-ASCII letters kept as UTF-8 bytes
/// encoded, the separators kept.
pub fn href(path: &str) -> String {
    path.split('/')
        .map(|part| utf8_percent_encode(part, PATH_PART).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_join_and_hostile_ones_are_refused() {
        let dir = Path::new("/out");
        assert_eq!(
            join_under(dir, "a/b.pt-br.html").ok(),
            Some(PathBuf::from("/out/a/b.pt-br.html"))
        );
        for rel in [
            "",
            "../x.html",
            "a/../../x.html",
            "/etc/passwd",
            "a//b",
            "./a",
            "a/.",
            "a/..",
            "x\0.html",
        ] {
            let err = join_under(dir, rel).err();
            assert!(
                err.is_some_and(|e| e.message.contains("output path refused")),
                "{rel:?} was accepted"
            );
        }
        assert!(join_under(dir, &"n".repeat(256)).is_err());
        assert!(join_under(dir, &"n".repeat(255)).is_ok());
    }

    #[test]
    fn long_names_are_shortened_deterministically_and_distinctly() {
        let short = "page.pt-br.html";
        assert_eq!(fit_name(short), short);
        let a = format!("{}.pt-br.html", "a".repeat(250));
        let b = format!("{}b.pt-br.html", "a".repeat(249));
        let (fa, fb) = (fit_name(&a), fit_name(&b));
        assert!(fa.len() <= MAX_NAME_BYTES && fb.len() <= MAX_NAME_BYTES);
        assert!(
            fa.ends_with(".pt-br.html") && fa.starts_with("aaaa"),
            "{fa}"
        );
        assert_ne!(fa, fb);
        assert_eq!(fa, fit_name(&a), "same name, same result");
        // Multi-byte letters are never cut in half.
        let wide = format!("{}.html", "ç".repeat(200));
        assert!(fit_name(&wide).len() <= MAX_NAME_BYTES);
        assert_eq!(
            fit_path(format!("dir/{a}")),
            format!("dir/{fa}"),
            "only the last part"
        );
    }

    #[test]
    fn links_are_percent_encoded_per_part() {
        assert_eq!(href("a b/100%.html"), "a%20b/100%25.html");
        assert_eq!(href("q?/x#y.html"), "q%3F/x%23y.html");
        assert_eq!(href("ação.html"), "a%C3%A7%C3%A3o.html");
        assert_eq!(href("plain/page.pt-br.html"), "plain/page.pt-br.html");
    }
}
