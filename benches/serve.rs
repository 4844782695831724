//! `sxs serve` on the real corpus (`../shared/corpus/partner-center-pt-br`,
//! copied to a temporary folder): the time from saving one page to the
//! reload event, and the partial rebuild alone.
//!
//! Run: `cargo bench --bench serve`. Skipped, saying so, without the corpus.

use divan::Bencher;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

fn main() {
    divan::main();
}

/// A typical page of the corpus (3.5 KB) and the largest (200 KB).
const TYPICAL: &str = "partner-center/customer-communication-from-microsoft.md";
const LARGEST: &str = "partner-center/insights-data-definitions.md";

fn corpus() -> Option<PathBuf> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/partner-center-pt-br");
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!("SKIPPED: no corpus at {}", path.display());
        None
    }
}

/// A writable copy of the corpus (its files are read-only).
fn copy_corpus(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("folder");
        } else {
            std::fs::write(&target, std::fs::read(entry.path()).expect("read")).expect("write");
        }
    }
}

/// The page with a word put into its last translated sentence (as when a
/// reviewer fixes a translation): its search records change, and its
/// summary may.
fn edit_sentence(original: &str, n: usize) -> String {
    let at = original
        .rfind("<span data-ttu-id=")
        .and_then(|i| original[i..].find('>').map(|j| i + j + 1))
        .expect("a translated sentence");
    format!("{}Edição {n} {}", &original[..at], &original[at..])
}

/// The page with a new title in its frontmatter: the site-wide lists and
/// the page's neighbours change too.
fn edit_title(original: &str, n: usize) -> String {
    original.replacen("title: ", &format!("title: Edição {n} "), 1)
}

/// The reload events of a server, as they come.
fn reloads(addr: std::net::SocketAddr) -> Receiver<String> {
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(stream, "GET /__sxs/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").expect("request");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(data) = line.strip_prefix("data: ") {
                if tx.send(data.to_owned()).is_err() {
                    return;
                }
            }
        }
    });
    // The hello event: the stream is open.
    rx.recv_timeout(Duration::from_secs(10)).expect("hello");
    rx
}

/// How long the benchmark waits before each save.
const SETTLE: Duration = Duration::from_millis(1500);

/// Save a page (as editors do: a temporary file renamed over it), then
/// wait for the reload event: debounce + partial rebuild + publish.
fn save_to_reload(bencher: Bencher, page: &str) {
    let Some(corpus) = corpus() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    copy_corpus(&corpus, &site);
    let options = sxs::serve::Options {
        path: site.clone(),
        bind: [127, 0, 0, 1].into(),
        port: 0,
        quiet: true,
        poll: None,
    };
    let server = sxs::serve::Server::start(&options).expect("serve starts");
    let events = reloads(server.addr());
    let path = site.join(page);
    let original = std::fs::read_to_string(&path).expect("page");
    let tmp = path.with_extension("md.tmp");
    let mut n = 0;
    bencher
        .with_inputs(|| {
            // A reviewer reads the reloaded page before saving again: the
            // server finishes what it does after a reload (the search
            // index) meanwhile, untimed.
            std::thread::sleep(SETTLE);
            n += 1;
            edit_sentence(&original, n)
        })
        .bench_local_values(|edited| {
            std::fs::write(&tmp, edited).expect("save");
            std::fs::rename(&tmp, &path).expect("rename");
            events
                .recv_timeout(Duration::from_secs(30))
                .expect("reload event")
        });
    server.stop();
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn save_to_reload_typical_page(bencher: Bencher) {
    save_to_reload(bencher, TYPICAL);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn save_to_reload_largest_page(bencher: Bencher) {
    save_to_reload(bencher, LARGEST);
}

/// The partial rebuild alone after a sentence is edited (the page, and the
/// site-wide outputs that depend on what changed), into a folder: what the
/// save-to-reload time is made of past the debounce.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn rebuild_after_sentence_edit(bencher: Bencher) {
    rebuild(bencher, edit_sentence);
}

/// The same after the page's title changed.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn rebuild_after_title_edit(bencher: Bencher) {
    rebuild(bencher, edit_title);
}

fn rebuild(bencher: Bencher, edit: fn(&str, usize) -> String) {
    struct Folder(PathBuf);
    impl sxs::write::Sink for Folder {
        fn write(&self, rel: &str, bytes: &[u8]) -> sxs::diagnostic::Result<()> {
            sxs::write::write_if_changed(&self.0, rel, bytes).map(drop)
        }
    }
    let Some(corpus) = corpus() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let site_dir = dir.path().join("site");
    copy_corpus(&corpus, &site_dir);
    let out = Folder(dir.path().join("out"));
    let site = sxs::site::Site::open(&site_dir, None).expect("corpus opens");
    let mut builder = sxs::build::Builder::new(&site, None).expect("builder");
    builder.build_all(&out).expect("build");
    let path = site_dir.join(TYPICAL);
    let original = std::fs::read_to_string(&path).expect("page");
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        std::fs::write(&path, edit(&original, n)).expect("save");
        builder
            .rebuild(&[TYPICAL.to_owned()], &out)
            .expect("rebuild")
    });
}
