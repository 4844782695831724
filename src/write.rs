//! Stage 7, **write**: output that is never half-written.
//!
//! The site is built into a staging folder beside the output and swapped in
//! only when the whole build succeeded, so a failed build leaves the last good
//! site. sxs only ever replaces a folder that carries its marker file, and
//! never the content folder, the site root, `/` or the home folder.

use crate::diagnostic::{Error, Result};
use crate::outpath;
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
    /// Where the files go.
    pub inner: &'s dyn Sink,
    /// Incremented after each file written (copies too).
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

/// Writes `bytes` to `dir/rel`, creating folders on the way; `rel` must pass
/// [`outpath::join_under`].
pub fn write_under(dir: &Path, rel: &str, bytes: &[u8]) -> Result<()> {
    let path = outpath::join_under(dir, rel)?;
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
    if holds(&dir.join(rel), bytes) {
        return Ok(false);
    }
    write_under(dir, rel, bytes)?;
    Ok(true)
}

/// Whether the file at `path` holds exactly `bytes` (its size is compared
/// first, so most changed files are told apart without reading them).
pub fn holds(path: &Path, bytes: &[u8]) -> bool {
    fs::metadata(path).is_ok_and(|m| m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|old| old == bytes)
}

/// A staging folder that becomes the output folder on [`Staging::commit`].
/// Dropped without a commit (an error, a panic), it removes itself.
#[derive(Debug)]
pub struct Staging {
    /// The staging folder, beside the output (`.public.sxs-tmp-<pid>`).
    pub dir: PathBuf,
    output: PathBuf,
}

/// The folders sxs keeps beside the output while it builds: a build's
/// staging folder, and the previous site while it is being replaced where
/// the file system cannot exchange two folders at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Beside {
    Staging,
    Previous,
    /// A folder being removed: renamed first (one atomic step), so a kill
    /// during the removal leaves a folder the next build knows is garbage
    /// even once its marker is gone.
    Trash,
}

impl Beside {
    fn infix(self) -> &'static str {
        match self {
            Beside::Staging => "sxs-tmp",
            Beside::Previous => "sxs-old",
            Beside::Trash => "sxs-del",
        }
    }

    /// `.public.sxs-tmp-<pid>` beside `public`.
    fn path(self, output: &Path, pid: u32) -> PathBuf {
        parent_of(output).join(format!(".{}.{}-{pid}", name_of(output), self.infix()))
    }

    /// Which kind `file_name` is, and the process that made it, when it is
    /// one of these folders of `output`.
    fn parse(output: &Path, file_name: &str) -> Option<(Beside, u32)> {
        let rest = file_name.strip_prefix(&format!(".{}.", name_of(output)))?;
        [Beside::Staging, Beside::Previous, Beside::Trash]
            .into_iter()
            .find_map(|kind| {
                let pid = rest.strip_prefix(kind.infix())?.strip_prefix('-')?;
                pid.parse().ok().map(|pid| (kind, pid))
            })
    }
}

fn parent_of(output: &Path) -> &Path {
    output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn name_of(output: &Path) -> String {
    output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned())
}

impl Staging {
    /// Checks that `output` may be (re)placed, cleans what crashed builds
    /// left beside it, and creates the staging folder. `protected` are
    /// folders the output must never be (content, root).
    pub fn begin(output: &Path, protected: &[&Path]) -> Result<Staging> {
        refuse_dangerous(output, protected)?;
        if fs::symlink_metadata(output).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Error::at(
                output,
                "the output is a symbolic link; sxs replaces the output folder as a whole, \
                 so give the folder it points to as --output (or `output:` in site.yml)",
            ));
        }
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
        let parent = parent_of(output);
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        recover(output)?;
        let dir = Beside::Staging.path(output, std::process::id());
        if dir.exists() {
            discard(&dir, output)?;
        }
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let staging = Staging {
            dir,
            output: output.to_owned(),
        };
        fs::write(
            staging.dir.join(MARKER),
            "built by sxs; this folder is replaced on every build\n",
        )
        .map_err(|e| Error::io(&staging.dir, e))?;
        Ok(staging)
    }

    /// Puts the staging folder in place of the output, in one step where
    /// the system can exchange two folders (Linux, macOS), so the output is
    /// never missing, not even if sxs is killed. Elsewhere the previous
    /// site is moved aside first and, if sxs dies before the new one is in
    /// place, put back by the next build (`recover`).
    pub fn commit(self) -> Result<()> {
        // Whatever is left at `self.dir` afterwards (the previous site after
        // an exchange, the staging folder after a failure) goes on drop.
        swap(&self.dir, &self.output)
    }

    /// Drops the staging folder, leaving the output as it was.
    pub fn abandon(self) {}
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.dir.exists() {
            let _ = discard(&self.dir, &self.output);
        }
    }
}

/// Removes one of the folders beside `output`: renamed to this process's
/// [`Beside::Trash`] name first, then removed.
fn discard(dir: &Path, output: &Path) -> Result<()> {
    let trash = Beside::Trash.path(output, std::process::id());
    if trash.exists() {
        fs::remove_dir_all(&trash).map_err(|e| Error::io(&trash, e))?;
    }
    fs::rename(dir, &trash).map_err(|e| Error::io(dir, e))?;
    fs::remove_dir_all(&trash).map_err(|e| Error::io(&trash, e))
}

/// Moves `staging` to `output`, replacing it (see [`Staging::commit`]).
fn swap(staging: &Path, output: &Path) -> Result<()> {
    if fs::symlink_metadata(output).is_err() {
        return fs::rename(staging, output).map_err(|e| Error::io(output, e));
    }
    match exchange(staging, output) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::Unsupported => {
            swap_by_renames(staging, output)
        }
        Err(err) => Err(Error::io(output, err)),
    }
}

/// Exchanges two folders in one step (`renameat2(RENAME_EXCHANGE)` on
/// Linux, `renamex_np(RENAME_SWAP)` on macOS). `Unsupported` where the
/// kernel or the file system cannot (old kernels, some network and FUSE
/// file systems).
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    use rustix::io::Errno;
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(|errno| {
        if [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP].contains(&errno) {
            std::io::ErrorKind::Unsupported.into()
        } else {
            std::io::Error::from(errno)
        }
    })
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// The swap where folders cannot be exchanged: the previous site is moved
/// aside (where [`recover`] finds it), the new one moved in, the previous
/// one removed. On failure the previous site is put back.
fn swap_by_renames(staging: &Path, output: &Path) -> Result<()> {
    let previous = Beside::Previous.path(output, std::process::id());
    if previous.exists() {
        discard(&previous, output)?;
    }
    fs::rename(output, &previous).map_err(|e| Error::io(output, e))?;
    if let Err(err) = fs::rename(staging, output) {
        let _ = fs::rename(&previous, output);
        return Err(Error::io(output, err));
    }
    // The new site is in place; a previous one left here is removed by
    // the next build.
    let _ = discard(&previous, output);
    Ok(())
}

/// Cleans up after builds that were killed: a previous site moved aside
/// by an interrupted [`swap_by_renames`] is put back when the output is
/// missing, and staging folders (and moved-aside sites) of processes that
/// no longer run are removed. Only folders with sxs's marker (or empty
/// ones) are touched; those of a build still running are left alone.
fn recover(output: &Path) -> Result<()> {
    let parent = parent_of(output);
    let mut found: Vec<(Beside, u32, PathBuf)> = fs::read_dir(parent)
        .map_err(|e| Error::io(parent, e))?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            // Never a link: removing or renaming one would act on its name
            // only, but it is none of sxs's folders either.
            entry.file_type().ok().filter(fs::FileType::is_dir)?;
            let (kind, pid) = Beside::parse(output, &entry.file_name().to_string_lossy())?;
            Some((kind, pid, entry.path()))
        })
        .filter(|(_, pid, _)| *pid == std::process::id() || !process_runs(*pid))
        .filter(|(kind, _, path)| *kind == Beside::Trash || is_ours(path) || is_empty_dir(path))
        .collect();
    // Previous sites first, so one of them can become the output again.
    found.sort_by_key(|(kind, _, _)| *kind != Beside::Previous);
    for (kind, _, path) in found {
        let missing = fs::symlink_metadata(output).is_err();
        if kind == Beside::Previous && missing && is_ours(&path) {
            fs::rename(&path, output).map_err(|e| Error::io(output, e))?;
        } else if kind == Beside::Trash {
            fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
        } else {
            discard(&path, output)?;
        }
    }
    Ok(())
}

fn is_empty_dir(path: &Path) -> bool {
    fs::read_dir(path).is_ok_and(|mut d| d.next().is_none())
}

/// Whether process `pid` is alive (a build that may still be writing).
#[cfg(unix)]
fn process_runs(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        // It exists but belongs to another user.
        Err(err) => err == rustix::io::Errno::PERM,
    }
}

/// Without a way to ask, every other build's folder is taken to be live
/// (left alone), so a concurrent build is never broken.
#[cfg(not(unix))]
fn process_runs(_: u32) -> bool {
    true
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        if self.link_unchanged(rel, bytes)? {
            return Ok(());
        }
        write_under(&self.dir, rel, bytes)
    }
}

impl Staging {
    /// Links `rel` to the previous build's file when that holds `bytes`
    /// already (a regular file, not a link to elsewhere): a rebuild mostly
    /// writes what it wrote before, and a link costs no data written, no new
    /// inode, and nothing to free when the previous site is removed.
    /// Returns whether it linked; any failure leaves the write to do.
    fn link_unchanged(&self, rel: &str, bytes: &[u8]) -> Result<bool> {
        let Ok(previous) = outpath::join_under(&self.output, rel) else {
            return Ok(false);
        };
        let same = fs::symlink_metadata(&previous)
            .is_ok_and(|m| m.file_type().is_file() && m.len() == bytes.len() as u64)
            && fs::read(&previous).is_ok_and(|old| old == bytes);
        if !same {
            return Ok(false);
        }
        let path = outpath::join_under(&self.dir, rel)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        Ok(fs::hard_link(&previous, &path).is_ok())
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

    #[cfg(unix)]
    #[test]
    fn a_rebuild_links_the_files_that_did_not_change() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Staging::begin(&out, &[]).unwrap();
        first.write("a/same.html", b"same").unwrap();
        first.write("changed.html", b"one").unwrap();
        first.commit().unwrap();
        let inode = |rel: &str| fs::metadata(out.join(rel)).unwrap().ino();
        let (same, changed) = (inode("a/same.html"), inode("changed.html"));
        let second = Staging::begin(&out, &[]).unwrap();
        second.write("a/same.html", b"same").unwrap();
        second.write("changed.html", b"two").unwrap();
        // While the previous site is there, the unchanged file is both.
        assert_eq!(fs::metadata(out.join("a/same.html")).unwrap().nlink(), 2);
        second.commit().unwrap();
        assert_eq!(inode("a/same.html"), same);
        assert_ne!(inode("changed.html"), changed);
        assert_eq!(fs::read(out.join("changed.html")).unwrap(), b"two");
        assert_eq!(fs::metadata(out.join("a/same.html")).unwrap().nlink(), 1);
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

    /// The pid of a process that has ended.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    fn siblings(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_replaced_output_leaves_nothing_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        for text in ["one", "two"] {
            let staging = Staging::begin(&out, &[]).unwrap();
            staging.write("a.html", text.as_bytes()).unwrap();
            staging.commit().unwrap();
            assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), text);
        }
        assert_eq!(siblings(dir.path()), ["public"]);
    }

    #[test]
    fn the_swap_by_renames_replaces_the_output_too() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Staging::begin(&out, &[]).unwrap();
        first.write("a.html", b"one").unwrap();
        first.commit().unwrap();
        let second = Staging::begin(&out, &[]).unwrap();
        second.write("b.html", b"two").unwrap();
        swap_by_renames(&second.dir, &out).unwrap();
        drop(second);
        assert!(out.join("b.html").is_file() && !out.join("a.html").exists());
        assert_eq!(siblings(dir.path()), ["public"]);
    }

    #[test]
    fn a_failed_build_removes_its_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let staging = Staging::begin(&out, &[]).unwrap();
        staging.write("a.html", b"half").unwrap();
        // An error path: the staging goes out of scope without a commit.
        drop(staging);
        assert!(
            siblings(dir.path()).is_empty(),
            "{:?}",
            siblings(dir.path())
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_output_is_refused_before_anything_is_made() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &out).unwrap();
        let err = Staging::begin(&out, &[]).unwrap_err();
        assert!(err.message.contains("symbolic link"), "{err}");
        assert_eq!(siblings(dir.path()), ["public"]);
    }

    #[test]
    fn the_next_build_puts_back_a_site_moved_aside_by_a_killed_swap() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let dead = dead_pid();
        // Killed between the two renames: the old site aside, the new staged.
        let previous = Beside::Previous.path(&out, dead);
        fs::create_dir_all(&previous).unwrap();
        fs::write(previous.join(MARKER), "").unwrap();
        fs::write(previous.join("old.html"), "old").unwrap();
        let staged = Beside::Staging.path(&out, dead);
        fs::create_dir_all(&staged).unwrap();
        fs::write(staged.join(MARKER), "").unwrap();
        let staging = Staging::begin(&out, &[]).unwrap();
        assert_eq!(fs::read_to_string(out.join("old.html")).unwrap(), "old");
        assert!(!previous.exists() && !staged.exists());
        drop(staging);
        assert_eq!(siblings(dir.path()), ["public"]);
    }

    #[test]
    fn only_marked_folders_of_ended_builds_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let dead = dead_pid();
        let make = |kind: Beside, pid: u32, marked: bool| {
            let path = kind.path(&out, pid);
            fs::create_dir_all(&path).unwrap();
            let name = if marked { MARKER } else { "user-file.txt" };
            fs::write(path.join(name), "").unwrap();
            path
        };
        let stale = make(Beside::Staging, dead, true);
        let foreign = make(Beside::Previous, dead, false);
        // Process 1 always runs: its build may still be writing.
        let live = make(Beside::Staging, 1, true);
        let staging = Staging::begin(&out, &[]).unwrap();
        assert!(!stale.exists());
        assert!(foreign.exists(), "no marker: not sxs's to remove");
        assert!(live.exists(), "a running build's staging is left alone");
        staging.commit().unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn linux_exchanges_the_two_folders_in_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir(&a).unwrap();
        fs::create_dir(&b).unwrap();
        fs::write(a.join("x"), "in a").unwrap();
        exchange(&a, &b).unwrap();
        assert_eq!(fs::read_to_string(b.join("x")).unwrap(), "in a");
        assert!(!a.join("x").exists());
    }

    #[test]
    fn a_removal_cut_short_is_finished_by_the_next_build() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        // Killed while removing: renamed to trash, the marker already gone.
        let trash = Beside::Trash.path(&out, dead_pid());
        fs::create_dir_all(trash.join("sub")).unwrap();
        fs::write(trash.join("sub/page.html"), "half removed").unwrap();
        let staging = Staging::begin(&out, &[]).unwrap();
        assert!(!trash.exists());
        staging.commit().unwrap();
        assert_eq!(siblings(dir.path()), ["public"]);
    }
}
