//! Stage 7, **write**: output that is never half-written.
//!
//! The site is built into a staging folder beside the output and swapped in
//! only when the whole build succeeded, so a failed build leaves the last good
//! site. sxs only ever replaces a folder that carries its marker file, and
//! never the content folder, the site root, `/` or the home folder.

use crate::diagnostic::{Error, Result};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file that marks a folder as built by sxs (so sxs may replace it).
pub const MARKER: &str = ".sxs-output";

/// Writes `path` through a temporary file in the same folder and a rename.
pub fn write_file_atomic(
    path: &Path,
    fill: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.sxs-tmp-{}", std::process::id()));
    let result = fs::File::create(&tmp)
        .and_then(|mut file| {
            fill(&mut file)?;
            file.flush()?;
            file.sync_all()
        })
        .and_then(|()| fs::rename(&tmp, path));
    if let Err(err) = result {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(path, err));
    }
    Ok(())
}

/// Where a build puts its files. `sxs build` writes into a [`Staging`]
/// folder; `sxs serve` into its own private folder, so the same render path
/// serves both without ever touching the user's output.
pub trait Sink: Sync {
    /// Writes one file of the site (`rel` is `/`-separated).
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()>;

    /// Copies a file (content media, `static/`) into the site.
    fn copy(&self, rel: &str, from: &Path) -> Result<()> {
        let bytes = fs::read(from).map_err(|e| Error::io(from, e))?;
        self.write(rel, &bytes)
    }
}

/// A sink that counts the files written through it, so a terminal can show
/// progress while pages are rendered in parallel.
pub struct Counting<'s> {
    pub inner: &'s dyn Sink,
    pub written: &'s std::sync::atomic::AtomicUsize,
}

impl Sink for Counting<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        self.inner.write(rel, bytes)?;
        self.written
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }
}

/// Writes `bytes` to `dir/rel`, creating folders on the way.
pub fn write_under(dir: &Path, rel: &str, bytes: &[u8]) -> Result<()> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    fs::write(&path, bytes).map_err(|e| Error::io(&path, e))
}

/// [`write_under`], unless the file already holds `bytes`: a rebuild in
/// `sxs serve` renders the site-wide files again, and most of them come out
/// the same; leaving those alone saves the writes (and file watchers'
/// events). Returns whether the file was written.
pub fn write_if_changed(dir: &Path, rel: &str, bytes: &[u8]) -> Result<bool> {
    let path = dir.join(rel);
    let same = fs::metadata(&path).is_ok_and(|m| m.len() == bytes.len() as u64)
        && fs::read(&path).is_ok_and(|old| old == bytes);
    if same {
        return Ok(false);
    }
    write_under(dir, rel, bytes)?;
    Ok(true)
}

/// A staging folder that becomes the output folder on [`Staging::commit`].
#[derive(Debug)]
pub struct Staging {
    pub dir: PathBuf,
    output: PathBuf,
}

impl Staging {
    /// Checks that `output` may be (re)placed, and creates the staging folder.
    /// `protected` are folders the output must never be (content, root).
    pub fn begin(output: &Path, protected: &[&Path]) -> Result<Staging> {
        refuse_dangerous(output, protected)?;
        if output.exists() && !is_ours(output) {
            let empty = fs::read_dir(output).is_ok_and(|mut d| d.next().is_none());
            if !empty {
                return Err(Error::at(
                    output,
                    "this folder exists and was not created by sxs (no .sxs-output marker); \
                     choose another --output or empty it yourself",
                ));
            }
        }
        let parent = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let name = output
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let dir = parent.join(format!(".{name}.sxs-tmp-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        fs::write(
            dir.join(MARKER),
            "built by sxs; this folder is replaced on every build\n",
        )
        .map_err(|e| Error::io(&dir, e))?;
        Ok(Staging {
            dir,
            output: output.to_owned(),
        })
    }

    /// Swaps the staging folder in place of the output.
    pub fn commit(self) -> Result<()> {
        let old = self.dir.with_extension("old");
        if self.output.exists() {
            if old.exists() {
                fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
            }
            fs::rename(&self.output, &old).map_err(|e| Error::io(&self.output, e))?;
        }
        if let Err(err) = fs::rename(&self.dir, &self.output) {
            // Put the last good site back.
            if old.exists() {
                let _ = fs::rename(&old, &self.output);
            }
            return Err(Error::io(&self.output, err));
        }
        if old.exists() {
            fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
        }
        Ok(())
    }

    /// Drops the staging folder, leaving the output as it was.
    pub fn abandon(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        write_under(&self.dir, rel, bytes)
    }
}

fn is_ours(dir: &Path) -> bool {
    dir.join(MARKER).is_file()
}

fn refuse_dangerous(output: &Path, protected: &[&Path]) -> Result<()> {
    let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let out = real(output);
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let is_root = out.parent().is_none();
    let is_home = home.as_deref().is_some_and(|h| real(h) == out);
    let is_protected = protected.iter().any(|p| real(p) == out);
    let holds_protected = protected.iter().any(|p| real(p).starts_with(&out));
    if is_root || is_home || is_protected || holds_protected {
        return Err(Error::at(
            output,
            "refusing to use this folder as the output: it is /, the home folder, the site \
             or its content; choose a folder of its own (default: public/)",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unchanged_file_is_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_if_changed(dir.path(), "a/b.html", b"one").unwrap());
        assert!(!write_if_changed(dir.path(), "a/b.html", b"one").unwrap());
        assert!(write_if_changed(dir.path(), "a/b.html", b"two").unwrap());
        assert_eq!(fs::read(dir.path().join("a/b.html")).unwrap(), b"two");
    }

    #[test]
    fn refuses_a_foreign_non_empty_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("precious.txt"), "keep").unwrap();
        assert!(Staging::begin(&out, &[]).is_err());
        assert!(out.join("precious.txt").exists());
    }

    #[test]
    fn refuses_content_root_and_slash() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir(&content).unwrap();
        assert!(Staging::begin(&content, &[&content, dir.path()]).is_err());
        assert!(Staging::begin(dir.path(), &[&content, dir.path()]).is_err());
        assert!(Staging::begin(Path::new("/"), &[]).is_err());
    }

    #[test]
    fn commit_replaces_our_output_and_abandon_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Staging::begin(&out, &[]).unwrap();
        first.write("a/index.html", b"one").unwrap();
        first.commit().unwrap();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"one");
        let second = Staging::begin(&out, &[]).unwrap();
        second.write("a/index.html", b"two").unwrap();
        second.abandon();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"one");
        let third = Staging::begin(&out, &[]).unwrap();
        third.write("b.html", b"three").unwrap();
        third.commit().unwrap();
        assert!(!out.join("a/index.html").exists());
        assert!(out.join(MARKER).exists());
    }
}
