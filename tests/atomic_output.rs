//! `kill -9` during `sxs build`: the output folder is always a whole site
//! (the last good one or the new one, never missing or mixed), and whatever
//! the killed builds left beside it is gone after the next build. The kill
//! times are drawn from a seeded generator (the seed is printed), spread over
//! the whole build including the final swap.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const PAGES: usize = 300;
const TRIALS: usize = 20;
const SEED: u64 = 0x5eed_0017;

/// A site of `PAGES` bilingual pages whose text says which `version` built it.
fn write_site(content: &Path, version: &str) {
    for n in 0..PAGES {
        let pairs: String = (1..=5)
            .map(|i| {
                format!(
                    "<span data-ttu-id=\"p{n:04}-{i}\">Frase {i} ({version}).</span><span class=\"sxs-lookup\"><span data-stu-id=\"p{n:04}-{i}\">Sentence {i} ({version}).</span></span>\n\n"
                )
            })
            .collect();
        let page =
            format!("---\ntitle: Page {n}\nms.contentlocale: pt-BR\n---\n\n# Page {n}\n\n{pairs}");
        fs::write(content.join(format!("page-{n:04}.md")), page).unwrap();
    }
}

fn sxs_build(site: &Path) -> Command {
    let mut command = Command::new(common::sxs_bin());
    command
        .arg("build")
        .arg(site)
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Which version every page of the output says it is, if they all agree.
fn site_version(public: &Path) -> Result<String, String> {
    if !public.join(".sxs-output").is_file() {
        return Err("no output folder (or no marker)".into());
    }
    let mut versions = std::collections::BTreeSet::new();
    for n in 0..PAGES {
        let page = public.join(format!("page-{n:04}.html"));
        let html = fs::read_to_string(&page).map_err(|e| format!("{}: {e}", page.display()))?;
        let version = ["old", "new"]
            .into_iter()
            .find(|v| html.contains(&format!("Frase 1 ({v}).")))
            .ok_or_else(|| format!("{}: neither version", page.display()))?;
        versions.insert(version);
    }
    match versions.len() {
        1 => Ok(versions.into_iter().next().unwrap_or_default().to_owned()),
        _ => Err(format!("mixed versions: {versions:?}")),
    }
}

/// Everything beside the output that is not the site itself.
fn leftovers(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".sxs-"))
        .collect();
    names.sort();
    names
}

/// A small linear congruential generator: enough to spread kill times, and
/// reproducible from the printed seed.
struct Lcg(u64);

impl Lcg {
    fn next_fraction(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[test]
fn kill_9_never_leaves_a_missing_or_mixed_site_and_the_next_build_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let content = root.join("content");
    fs::create_dir_all(&content).unwrap();
    let public = root.join("public");
    write_site(&content, "old");
    let started = Instant::now();
    assert!(sxs_build(&root).status().unwrap().success());
    let full = started.elapsed();
    assert_eq!(site_version(&public).as_deref(), Ok("old"));
    write_site(&content, "new");

    let mut rng = Lcg(SEED);
    let mut killed = 0;
    let mut left_behind = 0;
    for trial in 0..TRIALS {
        // Up to 1.2 builds long, so some kills land in the swap at the end
        // and some after the build finished.
        let delay = full.mul_f64(1.2 * rng.next_fraction());
        let mut child = sxs_build(&root).spawn().unwrap();
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        child.wait().unwrap();
        let version = site_version(&public);
        assert!(
            version.is_ok(),
            "trial {trial} (seed {SEED:#x}, kill at {delay:?}): {version:?}"
        );
        left_behind += usize::from(!leftovers(&root).is_empty());
    }
    eprintln!(
        "seed {SEED:#x}: {TRIALS} trials over a {full:?} build, {killed} killed, \
         {left_behind} left a staging folder behind"
    );
    assert!(killed >= TRIALS / 4, "too few kills landed: {killed}");
    assert!(sxs_build(&root).status().unwrap().success());
    assert_eq!(site_version(&public).as_deref(), Ok("new"));
    assert_eq!(
        leftovers(&root),
        Vec::<String>::new(),
        "left by killed builds"
    );
}
