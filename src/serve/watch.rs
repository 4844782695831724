//! Watching the site: file-system events, settled into batches, turned into
//! what to rebuild.
//!
//! Events only say *that* something may have changed; what did is decided
//! by comparing each file's size and modification time with a snapshot. So
//! an editor's atomic save (write a temporary file, rename it over the page)
//! is one change of the page, temporary files that come and go are nothing,
//! and our own reads of the pages (which raise "opened" events) are nothing.

use crate::diagnostic::{Error, Result};
use crate::load::{self, SitePaths};
use crate::site::Site;
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

/// How long the file system must stay quiet before a batch is taken: an
/// editor's save is several events within a millisecond or two (20 ms is
/// ten times that, and a fifth of the 100 ms a reload may take in all).
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// The longest a batch waits for quiet, so a stream of events (a checkout)
/// cannot hold rebuilds back forever.
const MAX_WAIT: Duration = Duration::from_secs(2);

/// What the build loop receives.
#[derive(Debug)]
pub enum Message {
    /// Paths that a file-system event named.
    Paths(Vec<PathBuf>),
    /// The server is stopping.
    Stop,
}

/// What a batch of changes asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    /// Build everything anew, for this reason (config, templates, files
    /// added or removed).
    Full(String),
    /// Some files changed: these content files (relative paths), and the
    /// site's `static/` folder if `statics`.
    Partial {
        /// The content files that changed, relative to the content folder.
        content: Vec<String>,
        /// Whether something under `static/` changed.
        statics: bool,
    },
}

/// The watcher and the folders it watches.
pub struct Watch {
    watcher: Box<dyn Watcher + Send>,
    watched: HashSet<PathBuf>,
}

impl Watch {
    /// A watcher that sends the paths of relevant events to `tx`: the
    /// system's file events, or with `poll` a scan of the watched folders at
    /// that interval (for file systems that deliver no events).
    pub fn new(tx: Sender<Message>, poll: Option<Duration>) -> Result<Watch> {
        let cannot =
            |e: notify::Error| Error::new(format!("cannot watch the site for changes: {e}"));
        let handler = forward(tx);
        let watcher: Box<dyn Watcher + Send> = match poll {
            Some(interval) => {
                // Contents are compared too: modification times are kept to
                // the second, so a save in the same second as the last one
                // would otherwise be missed.
                let config = notify::Config::default()
                    .with_poll_interval(interval)
                    .with_compare_contents(true);
                Box::new(notify::PollWatcher::new(handler, config).map_err(cannot)?)
            }
            None => Box::new(notify::recommended_watcher(handler).map_err(cannot)?),
        };
        Ok(Watch {
            watcher,
            watched: HashSet::new(),
        })
    }

    /// Watches the site's folders that exist and are not watched yet
    /// (`templates/` or `static/` may appear later).
    pub fn cover(&mut self, paths: &SitePaths) -> Result<()> {
        let root = &paths.root;
        let mut wanted = vec![(paths.content.clone(), RecursiveMode::Recursive)];
        if paths.content != *root {
            // site.yml, and templates/ or static/ being created.
            wanted.push((root.clone(), RecursiveMode::NonRecursive));
            for dir in ["templates", "static"] {
                wanted.push((root.join(dir), RecursiveMode::Recursive));
            }
        }
        for (dir, mode) in wanted {
            if dir.is_dir() && !self.watched.contains(&dir) {
                self.watcher
                    .watch(&dir, mode)
                    .map_err(|e| Error::at(&dir, format!("cannot watch for changes: {e}")))?;
                log::debug!("watch: watching {} ({mode:?})", dir.display());
                self.watched.insert(dir);
            }
        }
        Ok(())
    }
}

/// The event handler: the paths of relevant events go to `tx`; a lost
/// event (queue overflow) is an empty batch, a rebuild from the root.
fn forward(tx: Sender<Message>) -> impl FnMut(notify::Result<notify::Event>) + Send + 'static {
    move |event| match event {
        Ok(event) if is_relevant(&event.kind) => {
            log::debug!("watch: {:?} {:?}", event.kind, event.paths);
            let _ = tx.send(Message::Paths(event.paths));
        }
        Ok(event) => log::trace!("watch: ignored {:?} {:?}", event.kind, event.paths),
        Err(err) => {
            log::warn!("watch: {err}; rebuilding everything");
            let _ = tx.send(Message::Paths(Vec::new()));
        }
    }
}

/// Events that may mean a change of content; not the "opened" and "closed
/// without writing" events our own reading raises.
fn is_relevant(kind: &EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Waits for the next batch: the first message, then every message until
/// the file system has been quiet for [`DEBOUNCE`]. `None` when stopping.
pub fn next_batch(rx: &Receiver<Message>) -> Option<Vec<PathBuf>> {
    let mut paths = match rx.recv() {
        Ok(Message::Paths(paths)) => paths,
        Ok(Message::Stop) | Err(_) => return None,
    };
    let first = Instant::now();
    loop {
        match rx.recv_timeout(DEBOUNCE) {
            Ok(Message::Paths(more)) => paths.extend(more),
            Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => break,
        }
        if first.elapsed() > MAX_WAIT {
            break;
        }
    }
    log::debug!(
        "watch: batch of {} path(s) after {} ms",
        paths.len(),
        first.elapsed().as_millis()
    );
    Some(paths)
}

/// Size and modification time of every content file, as last built.
#[derive(Debug)]
pub struct Snapshot {
    paths: SitePaths,
    output: PathBuf,
    files: HashMap<String, Stamp>,
}

type Stamp = (u64, Option<SystemTime>);

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
    Some((meta.len(), meta.modified().ok()))
}

impl Snapshot {
    /// The stamps of `site`'s content files as they are now.
    pub fn of(site: &Site) -> Snapshot {
        let files = site
            .files
            .iter()
            .filter_map(|f| Some((f.rel.clone(), stamp(&f.path)?)))
            .collect();
        Snapshot {
            paths: site.paths.clone(),
            output: site.output.clone(),
            files,
        }
    }

    /// What the paths of a batch ask for, if anything; records the new
    /// stamps of changed files. An empty batch (events were lost) asks for
    /// a full build.
    pub fn classify(&mut self, paths: &[PathBuf]) -> Option<Change> {
        if paths.is_empty() {
            return Some(Change::Full("events were lost".to_owned()));
        }
        let mut content: Vec<String> = Vec::new();
        let mut statics = false;
        for path in paths {
            match self.one(path) {
                Some(Change::Full(reason)) => return Some(Change::Full(reason)),
                Some(Change::Partial {
                    content: c,
                    statics: s,
                }) => {
                    content.extend(c);
                    statics |= s;
                }
                None => {}
            }
        }
        content.sort();
        content.dedup();
        for rel in &content {
            if let Some(new) = stamp(&self.paths.content.join(rel)) {
                self.files.insert(rel.clone(), new);
            }
        }
        (statics || !content.is_empty()).then_some(Change::Partial { content, statics })
    }

    fn one(&self, path: &Path) -> Option<Change> {
        let root = &self.paths.root;
        let content = &self.paths.content;
        // First, as they may lie in the content folder (a site that is its
        // own content): site.yml, templates/ and static/ are not pages.
        if path == root.join("site.yml") {
            return Some(Change::Full("site.yml changed".to_owned()));
        }
        if path.starts_with(root.join("templates")) {
            let rel = load::relative(root, path);
            return Some(Change::Full(format!("{rel} changed")));
        }
        if path.starts_with(root.join("static")) && root.join("static") != *content {
            return Some(Change::Partial {
                content: Vec::new(),
                statics: true,
            });
        }
        if !path.starts_with(content) || path.starts_with(&self.output) {
            return None;
        }
        let rel = load::relative(content, path);
        if rel.split('/').any(|part| part.starts_with('.')) {
            return None;
        }
        let now = stamp(path);
        match self.files.get(&rel) {
            Some(before) => match now {
                Some(now) if now == *before => None,
                Some(_) => Some(Change::Partial {
                    content: vec![rel],
                    statics: false,
                }),
                None if path.exists() => Some(Change::Full(format!("{rel} is not a file now"))),
                None => Some(Change::Full(format!("{rel} was removed"))),
            },
            // A folder's own events matter only when it is new or gone (it
            // may hold pages); a file that came and went (an editor's
            // temporary file) is nothing.
            None if path.is_dir() => {
                (!self.holds_known(&rel)).then(|| Change::Full(format!("{rel}/ is new")))
            }
            None if now.is_some() => Some(Change::Full(format!("{rel} is new"))),
            None => self
                .holds_known(&rel)
                .then(|| Change::Full(format!("{rel}/ was moved or removed"))),
        }
    }

    /// True when some known file lies under the folder `rel`.
    fn holds_known(&self, rel: &str) -> bool {
        let prefix = format!("{rel}/");
        rel.is_empty() || self.files.keys().any(|f| f.starts_with(&prefix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn site(dir: &Path) -> Site {
        fs::create_dir_all(dir.join("content/a")).unwrap();
        fs::write(dir.join("content/a/page.md"), "# Page\n").unwrap();
        fs::write(
            dir.join("content/a/TOC.yml"),
            "- name: Page\n  href: page.md\n",
        )
        .unwrap();
        Site::open(dir, None).unwrap()
    }

    #[test]
    fn an_atomic_save_is_one_change_and_its_temporary_file_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let site = site(dir.path());
        let mut snapshot = Snapshot::of(&site);
        let page = site.paths.content.join("a/page.md");
        let tmp = site.paths.content.join("a/page.md.tmp1234");
        fs::write(&tmp, "# Page, edited at more length\n").unwrap();
        fs::rename(&tmp, &page).unwrap();
        let change = snapshot.classify(&[tmp.clone(), page.clone()]);
        let expected = Change::Partial {
            content: vec!["a/page.md".to_owned()],
            statics: false,
        };
        assert_eq!(change, Some(expected));
        // The same events again (our own reading): nothing changed since.
        assert_eq!(snapshot.classify(&[page]), None);
    }

    #[test]
    fn removals_additions_config_and_templates_rebuild_everything() {
        let dir = tempfile::tempdir().unwrap();
        let site = site(dir.path());
        let mut snapshot = Snapshot::of(&site);
        let content = site.paths.content.clone();
        fs::write(content.join("a/new.md"), "# New\n").unwrap();
        assert!(matches!(
            snapshot.classify(&[content.join("a/new.md")]),
            Some(Change::Full(_))
        ));
        fs::remove_file(content.join("a/page.md")).unwrap();
        assert!(matches!(
            snapshot.classify(&[content.join("a/page.md")]),
            Some(Change::Full(_))
        ));
        let root = dir.path().to_owned();
        for path in [root.join("site.yml"), root.join("templates/page.html")] {
            assert!(matches!(snapshot.classify(&[path]), Some(Change::Full(_))));
        }
        assert_eq!(
            snapshot.classify(&[root.join("static/sxs.css")]),
            Some(Change::Partial {
                content: Vec::new(),
                statics: true
            })
        );
        let hidden = content.join("a/.page.md.swp");
        fs::write(content.join("a/notes.txt"), "x").unwrap();
        let output = site.output.join("a/page.html");
        assert_eq!(snapshot.classify(&[output]), None, "our own output");
        fs::write(&hidden, "x").unwrap();
        assert_eq!(snapshot.classify(&[hidden]), None);
    }

    #[test]
    fn a_site_that_is_its_own_content_still_rebuilds_on_config_and_templates() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("page.md"), "# Page\n").unwrap();
        fs::write(dir.path().join("site.yml"), "title: T\n").unwrap();
        let site = Site::open(dir.path(), None).unwrap();
        assert_eq!(site.paths.content, site.paths.root);
        let mut snapshot = Snapshot::of(&site);
        fs::write(dir.path().join("site.yml"), "title: Other\n").unwrap();
        let root = dir.path().to_owned();
        for path in [root.join("site.yml"), root.join("templates/page.html")] {
            assert!(matches!(snapshot.classify(&[path]), Some(Change::Full(_))));
        }
    }
}
