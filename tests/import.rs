//! `sxs import` end to end on the real corpus: export, change targets the
//! way a translator's tool does (Translate Toolkit for XLIFF, TMX and CSV,
//! `tests/import_edit.py`; plain JSON editing for JSON), make one unit stale,
//! import without and with `--write`, then check against what the test
//! itself chose: the dry run changed no byte, the re-export differs from the
//! first in exactly the new targets, and every page's bytes are the old ones
//! with only those spans' inner text replaced. And a kill during `--write`
//! leaves every page whole.
//!
//! Without the corpus (or Translate Toolkit, for its formats) these tests
//! skip, saying so; with `CI` set, that is a failure.

mod common;

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The seed of the sample of units to change (the issue's number).
const SEED: u64 = 15;
/// How many units the translator changes; the first is made stale.
const CHANGES: usize = 40;
/// What the translator puts before each chosen target: markup characters
/// that every format must escape and bring back as text.
const PREFIX: &str = "Revisado & “aspas” 1 < 2: ";

/// One unit of the JSON export, the fields import must keep.
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Seg {
    file: String,
    line: usize,
    column: usize,
    id: String,
    kind: String,
    target: String,
    source: String,
}

fn sxs(args: &[&str]) -> Output {
    Command::new(common::sxs_bin()).args(args).output().unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Gives some pages what the corpus lacks and import must keep: CRLF line
/// endings (every 7th page) and a byte order mark (every 11th).
fn vary_encodings(site: &Path) {
    for (n, (_, path)) in common::markdown_files(site).into_iter().enumerate() {
        let mut page = std::fs::read_to_string(&path).unwrap();
        if n % 7 == 0 {
            page = page.replace('\n', "\r\n");
        }
        if n % 11 == 0 {
            page.insert(0, '\u{FEFF}');
        }
        std::fs::write(&path, page).unwrap();
    }
}

/// Every file of the site, by relative path.
fn snapshot(site: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(site).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn segments(site: &Path) -> Vec<Seg> {
    let out = sxs(&["export", path_str(site), "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The JSON export of the docset `name` as [`common::copy_site`] and
/// [`vary_encodings`] make it (`site`, before any import), exported once
/// for all the tests that start from it: a corpus export is slow.
fn baseline(name: &str, site: &Path) -> Vec<Seg> {
    static BASELINES: std::sync::Mutex<BTreeMap<String, Vec<Seg>>> =
        std::sync::Mutex::new(BTreeMap::new());
    let mut baselines = BASELINES.lock().unwrap_or_else(|e| e.into_inner());
    baselines
        .entry(name.to_owned())
        .or_insert_with(|| segments(site))
        .clone()
}

/// `CHANGES` units drawn with `SEED`: with a target, an id used once in its
/// page (so the test can find the span by id alone) and no character XML
/// cannot carry (the XML exports hold U+FFFD for those).
fn sample(segs: &[Seg]) -> Vec<usize> {
    let mut uses: HashMap<(&str, &str), usize> = HashMap::new();
    for s in segs {
        *uses.entry((&s.file, &s.id)).or_default() += 1;
    }
    let xml_safe = |t: &str| {
        !t.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    };
    let mut pool: Vec<usize> = (0..segs.len())
        .filter(|&i| {
            let s = &segs[i];
            !s.target.is_empty()
                && uses[&(s.file.as_str(), s.id.as_str())] == 1
                && xml_safe(&s.target)
                && xml_safe(&s.source)
        })
        .collect();
    let mut state = SEED;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for k in 0..CHANGES {
        let j = k + usize::try_from(next() % (pool.len() - k) as u64).unwrap();
        pool.swap(k, j);
    }
    pool.truncate(CHANGES);
    pool
}

/// The unit's id in an export of `format`, for a segment id used once.
fn key(format: &str, seg: &Seg) -> String {
    match format {
        "tmx" | "csv" => format!("{}#{}", seg.file, seg.id),
        _ => seg.id.clone(),
    }
}

/// Writes the translator's version of the export `exported` to `changed`:
/// the chosen units get [`PREFIX`] before their target, the first one also a
/// changed source (as if the page had changed since the export).
fn translate(format: &str, exported: &Path, changed: &Path, segs: &[Seg], chosen: &[usize]) {
    let edits: Vec<serde_json::Value> = chosen
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let s = &segs[i];
            let mut edit = serde_json::json!({
                "file": s.file, "key": key(format, s), "target": format!("{PREFIX}{}", s.target),
            });
            if n == 0 {
                edit["source"] = format!("{} (changed)", s.source).into();
            }
            edit
        })
        .collect();
    if format == "json" {
        let mut units: Vec<serde_json::Value> =
            serde_json::from_slice(&std::fs::read(exported).unwrap()).unwrap();
        for (edit, &i) in edits.iter().zip(chosen) {
            units[i]["target"] = edit["target"].clone();
            if let Some(source) = edit.get("source") {
                units[i]["source"] = source.clone();
            }
        }
        std::fs::write(changed, serde_json::to_vec_pretty(&units).unwrap()).unwrap();
        return;
    }
    let edits_path = changed.with_extension("edits.json");
    std::fs::write(&edits_path, serde_json::to_vec(&edits).unwrap()).unwrap();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/import_edit.py");
    let out = Command::new("python3")
        .arg(script)
        .args([
            format,
            path_str(exported),
            path_str(changed),
            path_str(&edits_path),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    eprintln!("{}", text(&out).trim());
}

/// Are python3 and Translate Toolkit installed? Fails when `CI` is set.
fn translate_toolkit_ready() -> bool {
    let probe = "import translate.storage.xliff2, translate.storage.tmx, translate.storage.csvl10n";
    let ok = Command::new("python3")
        .args(["-c", probe])
        .output()
        .is_ok_and(|out| out.status.success());
    if !ok && std::env::var_os("CI").is_some() {
        panic!("CI is set but python3 with Translate Toolkit is missing");
    }
    if !ok {
        eprintln!("SKIPPED: the import round trip needs Translate Toolkit (pip install translate-toolkit)");
    }
    ok
}

/// The page bytes the test expects: the old ones with each applied unit's
/// target span text replaced, found by its id (used once in the page).
fn expected_page(old: &[u8], applied: &[&Seg]) -> Vec<u8> {
    let mut page = String::from_utf8(old.to_vec()).unwrap();
    for s in applied {
        let span = |t: &str| format!("<span data-ttu-id=\"{}\">{t}</span>", s.id);
        let from = span(&s.target);
        assert_eq!(page.matches(&from).count(), 1, "{} {}", s.file, s.id);
        page = page.replacen(&from, &span(&format!("{PREFIX}{}", s.target)), 1);
    }
    page.into_bytes()
}

fn round_trip(name: &str, format: &str) {
    let Some(corpus) = common::corpus_named(name) else {
        return;
    };
    if format != "json" && !translate_toolkit_ready() {
        return;
    }
    let site = common::copy_site(&corpus);
    let site = site.path();
    vary_encodings(site);
    let work = tempfile::tempdir().unwrap();
    let (exported, changed) = (
        work.path().join(format!("export.{format}")),
        work.path().join(format!("changed.{format}")),
    );
    let out = sxs(&[
        "export",
        path_str(site),
        "--format",
        format,
        "-o",
        path_str(&exported),
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let before = baseline(name, site);
    let files_before = snapshot(site);
    let chosen = sample(&before);
    translate(format, &exported, &changed, &before, &chosen);
    let (stale, applied) = (&before[chosen[0]], &chosen[1..]);
    let pages: std::collections::BTreeSet<&str> =
        applied.iter().map(|&i| before[i].file.as_str()).collect();

    let dry = sxs(&["import", path_str(&changed), path_str(site)]);
    let report = String::from_utf8_lossy(&dry.stderr);
    assert_eq!(dry.status.code(), Some(1), "{}", text(&dry));
    assert_eq!(snapshot(site), files_before, "the dry run changed files");
    let refusals: Vec<&str> = report.lines().filter(|l| l.contains(": error[")).collect();
    assert_eq!(refusals.len(), 1, "{report}");
    assert!(
        refusals[0].starts_with(&format!("{}:{}:", stale.file, stale.line)),
        "{report}"
    );
    assert!(
        refusals[0].contains(&format!("error[import-stale]: {}: ", stale.id)),
        "{report}"
    );
    let summary = format!(
        "would change {} pair(s) in {} file(s); 1 refused",
        applied.len(),
        pages.len()
    );
    assert!(report.contains(&summary), "{report}");
    let diff = String::from_utf8_lossy(&dry.stdout);
    for &i in applied {
        let added = format!("<span data-ttu-id=\"{}\">{PREFIX}", before[i].id);
        assert!(
            diff.lines()
                .any(|l| l.starts_with('+') && l.contains(&added)),
            "{added}\n{diff}"
        );
    }

    let written = sxs(&["import", path_str(&changed), path_str(site), "--write"]);
    assert_eq!(written.status.code(), Some(1), "{}", text(&written));
    let summary = format!(
        "changed {} pair(s) in {} file(s); 1 refused",
        applied.len(),
        pages.len()
    );
    assert!(text(&written).contains(&summary), "{}", text(&written));

    let after = segments(site);
    let mut want = before.clone();
    for &i in applied {
        want[i].target = format!("{PREFIX}{}", before[i].target);
        // Pairs later on the same line start further right by the prefix.
        let (file, line, column) = (&before[i].file, before[i].line, before[i].column);
        for (w, b) in want.iter_mut().zip(&before) {
            if &b.file == file && b.line == line && b.column > column {
                w.column += PREFIX.chars().count();
            }
        }
    }
    assert_eq!(after.len(), want.len());
    let differing: Vec<_> = after.iter().zip(&want).filter(|(a, w)| a != w).collect();
    assert!(
        differing.is_empty(),
        "{format}: {} units differ, first {:?}",
        differing.len(),
        differing[0]
    );

    let files_after = snapshot(site);
    assert_eq!(files_after.len(), files_before.len());
    for (rel, old) in &files_before {
        let page_applied: Vec<&Seg> = applied
            .iter()
            .map(|&i| &before[i])
            .filter(|s| rel.replace('\\', "/") == s.file)
            .collect();
        let want = expected_page(old, &page_applied);
        assert!(
            files_after[rel] == want,
            "{format}: {rel} is not the old page with the new spans"
        );
    }
    let crlf = pages
        .iter()
        .filter(|p| files_before[**p].windows(2).any(|w| w == b"\r\n"))
        .count();
    let bom = pages
        .iter()
        .filter(|p| files_before[**p].starts_with("\u{FEFF}".as_bytes()))
        .count();
    assert!(
        crlf > 0 && bom > 0,
        "the sample changed no CRLF page or no BOM page"
    );
    eprintln!(
        "{name} {format}: {} units exported, {} targets changed in {} pages ({crlf} CRLF, {bom} \
         with a BOM), 1 stale refused; every other byte identical",
        before.len(),
        applied.len(),
        pages.len()
    );
}

#[test]
fn xliff_round_trip_through_translate_toolkit() {
    round_trip("partner-center-pt-br", "xliff");
}

#[test]
fn tmx_round_trip_through_translate_toolkit() {
    round_trip("partner-center-pt-br", "tmx");
}

#[test]
fn csv_round_trip_through_translate_toolkit() {
    round_trip("partner-center-pt-br", "csv");
}

#[test]
fn json_round_trip_on_another_docset() {
    round_trip("hololens-pt-br", "json");
}

/// An export that changes the first target of every page, and the pages
/// it changes.
fn every_page_changed(site: &Path, to: &Path) -> Vec<String> {
    let segs = segments(site);
    let mut seen = std::collections::HashSet::new();
    let mut units: Vec<serde_json::Value> = Vec::new();
    for s in &segs {
        if !s.target.is_empty() && seen.insert(s.file.clone()) {
            let target = format!("{PREFIX}{}", s.target);
            units.push(serde_json::json!({"file": s.file, "id": s.id, "source": s.source, "target": target}));
        }
    }
    std::fs::write(to, serde_json::to_vec(&units).unwrap()).unwrap();
    seen.into_iter().collect()
}

/// Kills `sxs import --write` as soon as the page `watch` has its new
/// bytes, then checks that every file is whole: the old bytes or the new,
/// plus at most the one temporary file being written. Returns how many pages
/// were new.
fn kill_after(corpus: &Path, export: &Path, new: &BTreeMap<String, Vec<u8>>, watch: &str) -> usize {
    let site = common::copy_site(corpus);
    let old = snapshot(site.path());
    let mut child = Command::new(common::sxs_bin())
        .args([
            "import",
            path_str(export),
            path_str(site.path()),
            "--write",
            "--quiet",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let watched = site.path().join(watch);
    while std::fs::read(&watched).ok().as_ref() != new.get(watch) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let now = snapshot(site.path());
    let mut fresh = 0;
    let mut temporary = Vec::new();
    for (rel, bytes) in &now {
        if old.get(rel) == Some(bytes) {
            continue;
        }
        if new.get(rel) == Some(bytes) {
            fresh += 1;
        } else if rel.contains(".sxs-tmp-") {
            temporary.push(rel);
        } else {
            panic!("{rel} is neither the old page nor the new one after the kill");
        }
    }
    assert!(temporary.len() <= 1, "{temporary:?}");
    assert_eq!(
        now.len(),
        old.len() + temporary.len(),
        "files appeared or vanished"
    );
    // Importing again finishes the job: the pages already new are unchanged.
    let again = sxs(&["import", path_str(export), path_str(site.path()), "--write"]);
    assert!(again.status.success(), "{}", text(&again));
    let done = snapshot(site.path());
    assert!(
        new.iter().all(|(rel, bytes)| done.get(rel) == Some(bytes)),
        "the second import differs"
    );
    fresh
}

#[test]
fn a_kill_during_write_leaves_every_page_whole() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let export = work.path().join("every-page.json");
    let mut pages = every_page_changed(&corpus, &export);
    pages.sort();
    let full = common::copy_site(&corpus);
    let out = sxs(&[
        "import",
        path_str(&export),
        path_str(full.path()),
        "--write",
        "--quiet",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let new = snapshot(full.path());
    for watch in [&pages[0], &pages[pages.len() / 2]] {
        let fresh = kill_after(&corpus, &export, &new, watch);
        eprintln!(
            "killed after {watch} was written: {fresh} of {} pages new",
            pages.len()
        );
        assert!(
            fresh > 0 && fresh < pages.len(),
            "the kill did not land during the writes"
        );
    }
}

/// A site of one page with what a small site can hold and the corpus does
/// not: CRLF, a BOM, an id used twice.
fn small_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    let pair = |id: &str, target: &str, source: &str| {
        format!(
            "<span data-ttu-id=\"{id}\">{target}</span><span class=\"sxs-lookup\">\
             <span data-stu-id=\"{id}\">{source}</span></span>"
        )
    };
    let page = format!(
        "\u{FEFF}---\r\ntitle: Pequena\r\n---\r\n# {}\r\n\r\n{}\r\n\r\n- {}\r\n",
        pair("s-1", "Título", "Title"),
        pair("s-2", "Primeiro.", "First."),
        pair("s-2", "Segundo.", "Second."),
    );
    std::fs::write(content.join("p.md"), page).unwrap();
    dir
}

#[test]
fn refusals_name_the_file_and_what_to_do() {
    let site = small_site();
    let root = path_str(site.path());
    let export = site.path().join("units.json");
    let units = serde_json::json!([
        {"file": "p.md", "id": "s-2", "source": "First.", "target": "Primeiro!"},
        {"file": "p.md", "id": "s-2", "source": "Second.", "target": "Segundo <b>!</b>"},
        {"file": "gone.md", "id": "g-1", "source": "G", "target": "G!"},
        {"file": "p.md", "id": "s-1", "source": "Title"}
    ]);
    std::fs::write(&export, units.to_string()).unwrap();
    let page = site.path().join("content/p.md");
    let old = std::fs::read(&page).unwrap();
    let out = sxs(&["import", path_str(&export), root, "--write"]);
    let report = text(&out);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(
        report.contains("p.md:8:3: error[import-unsafe]: s-2: the target adds markup"),
        "{report}"
    );
    assert!(
        report.contains("error[import-unknown]: g-1: the export names the page gone.md"),
        "{report}"
    );
    assert!(
        report.contains("error[import-not-sxs]: unit 4 cannot be imported: missing field `target`"),
        "{report}"
    );
    assert!(
        report.contains("changed 1 pair(s) in 1 file(s); 3 refused"),
        "{report}"
    );
    let want = String::from_utf8(old)
        .unwrap()
        .replace(">Primeiro.<", ">Primeiro!<");
    assert_eq!(std::fs::read_to_string(&page).unwrap(), want);
}

#[test]
fn files_that_are_not_sxs_exports_are_refused() {
    let site = small_site();
    let root = path_str(site.path());
    let page = std::fs::read(site.path().join("content/p.md")).unwrap();
    let cases = [
        ("a.xliff", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>", "not an XLIFF 2 file"),
        ("a.tmx", "<tmx version=\"1.4\"><header srclang=\"fr-FR\"/><body><tu tuid=\"p.md#s-1\"><prop type=\"x-file\">p.md</prop>\
         <tuv xml:lang=\"fr-FR\"><seg>Titre</seg></tuv></tu></body></tmx>", "source language is fr-FR"),
        ("a.csv", "msgid,msgstr\r\n", "must name the columns"),
        ("a.json", "{\"not\": \"units\"", "not JSON"),
    ];
    for (name, body, message) in cases {
        let file = site.path().join(name);
        std::fs::write(&file, body).unwrap();
        let out = sxs(&["import", path_str(&file), root, "--write"]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out));
        assert!(text(&out).contains(message), "{name}: {}", text(&out));
    }
    let unknown = site.path().join("a.po");
    std::fs::write(&unknown, "msgid \"\"").unwrap();
    let out = sxs(&["import", path_str(&unknown), root]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains("--format xliff|tmx|csv|json"),
        "{}",
        text(&out)
    );
    assert_eq!(
        std::fs::read(site.path().join("content/p.md")).unwrap(),
        page
    );
}
