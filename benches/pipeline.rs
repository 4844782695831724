//! Benchmarks of the pipeline on the real corpus (`../shared/corpus`).
//!
//! Run: `cargo bench --bench pipeline`. divan prints time per iteration and
//! throughput (bytes/s) for parse+align and for a full build.

use divan::counter::BytesCount;
use divan::Bencher;
use std::path::PathBuf;

fn main() {
    divan::main();
}

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

/// Every markdown page of the corpus, read once.
fn pages() -> Vec<(String, String)> {
    let Some(root) = corpus() else {
        return Vec::new();
    };
    let site = sxs::site::Site::open(&root, None).expect("corpus opens");
    site.files
        .iter()
        .filter(|f| f.kind == sxs::load::FileKind::Markdown)
        .filter_map(|f| Some((f.rel.clone(), std::fs::read_to_string(&f.path).ok()?)))
        .collect()
}

/// Parse + align of the whole corpus on one thread: the core throughput.
#[divan::bench(sample_count = 10)]
fn parse_align_corpus(bencher: Bencher) {
    let pages = pages();
    let bytes: usize = pages.iter().map(|(_, t)| t.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        pages
            .iter()
            .map(|(rel, text)| sxs::read_document(rel, text).segments.len())
            .sum::<usize>()
    });
}

/// The largest page alone (insights-data-definitions.md, 200 KB).
#[divan::bench(sample_count = 20)]
fn parse_align_largest_page(bencher: Bencher) {
    let pages = pages();
    let Some((rel, text)) = pages.iter().max_by_key(|(_, t)| t.len()) else {
        return;
    };
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| sxs::read_document(rel, text).segments.len());
}

/// `sxs build` of the whole corpus (all cores), into a temporary folder.
#[divan::bench(sample_count = 3)]
fn build_corpus(bencher: Bencher) {
    let Some(root) = corpus() else { return };
    let out = tempfile::tempdir().expect("temp dir");
    let output = out.path().join("public");
    let site = sxs::site::Site::open(&root, Some(&output)).expect("corpus opens");
    bencher.bench(|| sxs::build::build(&site, None).expect("build").pages);
}

/// Decide alone over every page of the corpus (read once), on one thread: the lexicon's
/// matching cost, which `perf` put on top of a corpus build.
#[divan::bench(sample_count = 10)]
fn decide_corpus(bencher: Bencher) {
    let docs: Vec<sxs::Document> = pages()
        .iter()
        .map(|(rel, text)| sxs::read_document(rel, text))
        .collect();
    let segments: usize = docs.iter().map(|d| d.segments.len()).sum();
    let lexicon = sxs::decide::Lexicon::for_publisher(Some(sxs::decide::publisher::MS_PUBLISHER));
    bencher
        .counter(divan::counter::ItemsCount::new(segments))
        .bench(|| {
            docs.iter()
                .map(|doc| sxs::decide::page_decisions(doc, &lexicon).len())
                .sum::<usize>()
        });
}
