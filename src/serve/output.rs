//! The server's private copy of the site, in a temporary folder it owns: the
//! user's output folder is never written, replaced or deleted by `serve`.
//!
//! A whole build goes into a new folder that becomes the live one only once
//! complete; a partial rebuild writes its few files into a pending folder and
//! then moves each into the live folder by a rename. Either way a request
//! sees every file old or new, never half-written, and browsers are told to
//! reload only after the swap.

use crate::diagnostic::{Error, Result};
use crate::write::{self, Sink};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError, RwLock};

/// The private folder and which of its generations is served.
#[derive(Debug)]
pub struct Output {
    base: tempfile::TempDir,
    live: RwLock<Option<PathBuf>>,
    next: AtomicU64,
}

/// A folder being filled by a build; remembers what was written.
#[derive(Debug)]
pub struct Folder {
    dir: PathBuf,
    written: Mutex<Vec<String>>,
    /// For an update, the live site: a file it already holds as written is
    /// neither written again nor moved (a rebuild makes every search shard,
    /// and creating a thousand files costs more than making them).
    live: Option<PathBuf>,
}

impl Sink for Folder {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        if let Some(live) = &self.live {
            if write::holds(&crate::outpath::join_under(live, rel)?, bytes) {
                return Ok(());
            }
        }
        write::write_if_changed(&self.dir, rel, bytes)?;
        self.record(rel);
        Ok(())
    }

    fn copy(&self, rel: &str, from: &Path) -> Result<()> {
        let to = crate::outpath::join_under(&self.dir, rel)?;
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        fs::copy(from, &to).map_err(|e| Error::io(from, e))?;
        self.record(rel);
        Ok(())
    }
}

impl Folder {
    fn record(&self, rel: &str) {
        self.written
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(rel.to_owned());
    }
}

impl Output {
    /// A new, empty private folder in the system's temporary folder.
    pub fn new() -> Result<Output> {
        let base = tempfile::Builder::new()
            .prefix("sxs-serve-")
            .tempdir()
            .map_err(|e| Error::new(format!("cannot create a temporary folder: {e}")))?;
        Ok(Output {
            base,
            live: RwLock::new(None),
            next: AtomicU64::new(1),
        })
    }

    /// The private folder (removed when the server stops).
    pub fn path(&self) -> &Path {
        self.base.path()
    }

    /// The folder being served, if a build ever completed.
    pub fn live(&self) -> Option<PathBuf> {
        self.live
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn fresh(&self, kind: &str, live: Option<PathBuf>) -> Result<Folder> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let dir = self.base.path().join(format!("{kind}-{n}"));
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Folder {
            dir,
            written: Mutex::new(Vec::new()),
            live,
        })
    }

    /// Builds a whole site with `fill` into a new folder, which replaces the
    /// live one if `fill` succeeds (else the last good site stays).
    pub fn replace<T>(&self, fill: impl FnOnce(&Folder) -> Result<T>) -> Result<T> {
        let folder = self.fresh("site", None)?;
        let value = match fill(&folder) {
            Ok(value) => value,
            Err(err) => {
                let _ = fs::remove_dir_all(&folder.dir);
                return Err(err);
            }
        };
        let old = self
            .live
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .replace(folder.dir);
        if let Some(old) = old {
            let _ = fs::remove_dir_all(old);
        }
        Ok(value)
    }

    /// Writes some files with `fill` into a pending folder, then moves them
    /// into the live site if `fill` succeeds.
    pub fn update<T>(&self, fill: impl FnOnce(&Folder) -> Result<T>) -> Result<T> {
        let live = self
            .live()
            .ok_or_else(|| Error::new("no site was built yet"))?;
        let folder = self.fresh("pending", Some(live.clone()))?;
        let result = fill(&folder).and_then(|value| {
            let written = folder
                .written
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            for rel in written.iter() {
                move_into(&folder.dir, &live, rel)?;
            }
            Ok(value)
        });
        let _ = fs::remove_dir_all(&folder.dir);
        result
    }

    /// Removes the private folder (also done when the server is dropped).
    pub fn remove(&self) {
        let _ = fs::remove_dir_all(self.base.path());
    }
}

/// Moves `from/rel` to `to/rel` by a rename (same file system), replacing
/// the file a request may be reading without ever showing it half-written.
fn move_into(from: &Path, to: &Path, rel: &str) -> Result<()> {
    let target = crate::outpath::join_under(to, rel)?;
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    fs::rename(crate::outpath::join_under(from, rel)?, &target).map_err(|e| Error::io(&target, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_build_keeps_the_last_good_site() {
        let output = Output::new().unwrap();
        output.replace(|f| f.write("a.html", b"one")).unwrap();
        let live = output.live().unwrap();
        let failed = output.replace(|f| {
            f.write("a.html", b"two")?;
            Err::<(), _>(Error::new("template error"))
        });
        assert!(failed.is_err());
        assert_eq!(output.live().unwrap(), live);
        assert_eq!(fs::read(live.join("a.html")).unwrap(), b"one");
    }

    #[test]
    fn an_update_moves_only_its_files_into_the_live_site() {
        let output = Output::new().unwrap();
        output
            .replace(|f| {
                f.write("a.html", b"one")?;
                f.write("dir/b.html", b"one")
            })
            .unwrap();
        let pending = output
            .update(|f| {
                f.write("a.html", b"one")?;
                f.write("dir/b.html", b"two")?;
                Ok(f.written.lock().unwrap().clone())
            })
            .unwrap();
        assert_eq!(pending, ["dir/b.html"], "a file the site holds as is stays");
        let live = output.live().unwrap();
        assert_eq!(fs::read(live.join("a.html")).unwrap(), b"one");
        assert_eq!(fs::read(live.join("dir/b.html")).unwrap(), b"two");
        let failed = output.update(|f| {
            f.write("a.html", b"three")?;
            Err::<(), _>(Error::new("boom"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read(live.join("a.html")).unwrap(), b"one");
        let base = output.path().to_owned();
        output.remove();
        assert!(!base.exists());
    }
}
