//! A partial rebuild ([`Builder::rebuild`]) over the last output gives the
//! same files and problems as a whole build of the changed site.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use sxs::build::{Builder, Outcome, Rebuild};
use sxs::site::Site;
use sxs::write::Sink;

/// Writes straight into a folder.
struct Folder(PathBuf);

impl Sink for Folder {
    fn write(&self, rel: &str, bytes: &[u8]) -> sxs::diagnostic::Result<()> {
        sxs::write::write_under(&self.0, rel, bytes)
    }
}

/// Pages in one folder without a TOC (so the sidebar names pages by their
/// titles), a link to an anchor of another page, and an include.
const PAGES: &[(&str, &str)] = &[
    (
        "docs/a.md",
        "---\ntitle: Alpha\n---\n# Alpha\n\nSee [the part](b.md#part) and [Gamma](c.md).\n\n\
         [!INCLUDE [snippet](includes/snippet.md)]\n",
    ),
    (
        "docs/b.md",
        "---\ntitle: Beta\n---\n# Beta\n\n<a name=\"part\"></a>\n## The part\n\nText.\n",
    ),
    (
        "docs/c.md",
        "---\ntitle: Gamma\n---\n# Gamma\n\nText of gamma.\n",
    ),
    (
        "docs/d.md",
        "---\ntitle: Delta\n---\n# Delta\n\nText of delta.\n",
    ),
    ("docs/includes/snippet.md", "Snippet text.\n"),
];

fn write_site(root: &Path) {
    for (rel, text) in PAGES {
        let path = root.join("content").join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

fn full_build(root: &Path, out: &Path) -> Outcome {
    let site = Site::open(root, None).unwrap();
    let mut builder = Builder::new(&site, None).unwrap();
    builder.build_all(&Folder(out.to_owned())).unwrap()
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Builds the site, applies `edit`, rebuilds `changed` in part, and checks
/// the result against a whole build. Returns what the rebuild did.
fn check(rel: &str, edit: impl Fn(&str) -> String) -> Outcome {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    write_site(&root);
    let out = dir.path().join("partial");
    let site = Site::open(&root, None).unwrap();
    let mut builder = Builder::new(&site, None).unwrap();
    builder.build_all(&Folder(out.clone())).unwrap();
    let path = root.join("content").join(rel);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, edit(&text)).unwrap();
    let Rebuild::Done(partial) = builder
        .rebuild(&[rel.to_owned()], &Folder(out.clone()))
        .unwrap()
    else {
        panic!("{rel}: asked for a full build");
    };
    let whole_out = dir.path().join("whole");
    let whole = full_build(&root, &whole_out);
    let (got, want) = (files(&out), files(&whole_out));
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "{rel}"
    );
    for (name, bytes) in &want {
        assert!(
            got[name] == *bytes,
            "{rel}: {name} differs from a whole build"
        );
    }
    assert_eq!(partial.findings, whole.findings, "{rel}");
    assert_eq!(partial.pages, whole.pages);
    partial
}

/// Whether a rebuild rendered the home page and the review and decision
/// lists again.
fn lists_rendered(outcome: &Outcome) -> bool {
    outcome.site_outputs.contains(&"home/review/decisions")
}

#[test]
fn a_text_edit_renders_one_page() {
    let outcome = check("docs/c.md", |t| t.replace("Text of gamma", "New text"));
    assert_eq!(outcome.rendered, 1);
    assert!(
        !lists_rendered(&outcome),
        "the page's summary is the same: no list shows the edit"
    );
}

#[test]
fn a_new_title_renders_the_page_and_its_neighbours() {
    let outcome = check("docs/c.md", |t| {
        t.replace("title: Gamma", "title: Gamma II")
    });
    assert!(lists_rendered(&outcome), "the lists name the page");
    // The sidebar is the tree's shared script (rewritten with the site-wide
    // outputs); only c.md and the pages whose previous/next link names it,
    // b.md and d.md, are rendered again.
    assert_eq!(outcome.rendered, 3);
}

#[test]
fn a_removed_anchor_renders_the_pages_that_link_to_it() {
    let outcome = check("docs/b.md", |t| t.replace("<a name=\"part\"></a>\n", ""));
    assert!(lists_rendered(&outcome), "a.md has a finding more");
    assert_eq!(
        outcome.rendered, 2,
        "b.md and a.md, whose link is now broken"
    );
}

#[test]
fn an_include_edit_renders_the_pages_that_include_it() {
    let outcome = check("docs/includes/snippet.md", |t| {
        t.replace("Snippet text", "Changed snippet")
    });
    assert_eq!(
        outcome.rendered, 1,
        "a.md (the include is no page of its own)"
    );
}

#[test]
fn an_unreadable_page_keeps_its_last_output_and_reports_why() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    write_site(&root);
    let out = dir.path().join("out");
    let site = Site::open(&root, None).unwrap();
    let mut builder = Builder::new(&site, None).unwrap();
    builder.build_all(&Folder(out.clone())).unwrap();
    let before = fs::read(out.join("docs/c.html")).unwrap();
    fs::write(root.join("content/docs/c.md"), b"# Gamma\n\xff\n").unwrap();
    let rebuilt = builder
        .rebuild(&["docs/c.md".to_owned()], &Folder(out.clone()))
        .unwrap();
    let Rebuild::Done(outcome) = rebuilt else {
        panic!("asked for a full build");
    };
    assert_eq!(fs::read(out.join("docs/c.html")).unwrap(), before);
    let problem = outcome
        .findings
        .iter()
        .find(|p| p.file == "docs/c.md")
        .expect("the encoding error");
    assert_eq!((problem.code.as_str(), problem.line), ("encoding", 2));
}

#[test]
fn a_file_not_in_the_build_asks_for_a_full_build() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    write_site(&root);
    let site = Site::open(&root, None).unwrap();
    let mut builder = Builder::new(&site, None).unwrap();
    let out = Folder(dir.path().join("out"));
    builder.build_all(&out).unwrap();
    let rebuilt = builder.rebuild(&["docs/new.md".to_owned()], &out).unwrap();
    assert!(matches!(rebuilt, Rebuild::Full(_)));
}
