//! The command line's packaging parts: shell completions, the manual page,
//! `--open` through $BROWSER and `-v` logging, on the built binary.

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn sxs(args: &[&str]) -> Output {
    let out = Command::new(common::sxs_bin()).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "sxs {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn completions_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = String::from_utf8(sxs(&["completions", shell]).stdout).unwrap();
        for command in ["build", "serve", "check", "export", "import", "init"] {
            assert!(script.contains(command), "{shell}: no {command}");
        }
    }
    let bash = String::from_utf8(sxs(&["completions", "bash"]).stdout).unwrap();
    assert!(bash.contains("complete -F _sxs"), "{bash:.300}");
}

#[test]
fn the_manual_page_is_roff_with_the_commands() {
    let page = String::from_utf8(sxs(&["man"]).stdout).unwrap();
    assert!(page.starts_with(".ie"), "{page:.200}");
    assert!(page.contains(".TH sxs 1"), "{page:.400}");
    assert!(page.contains("sxs\\-serve") || page.contains("serve"));
    assert!(page.contains("\\-\\-verbose"), "{page:.2000}");
}

/// `--open` runs $BROWSER with the page; `-v` logs the build's phases.
#[cfg(unix)]
#[test]
fn open_uses_browser_and_verbose_logs_phases() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let opened = dir.path().join("opened.txt");
    let browser = dir.path().join("browser.sh");
    // Written aside and renamed: the test reads the file as soon as it
    // exists (it read an empty file once, between the shell's open and write).
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nprintf '%s' \"$1\" > {0}.part && mv {0}.part {0}\n",
            opened.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out_dir = dir.path().join("public");
    let out = Command::new(common::sxs_bin())
        .args(["-v", "build"])
        .arg(repo.join("content"))
        .arg("--output")
        .arg(&out_dir)
        .arg("--open")
        .env("BROWSER", &browser)
        .env_remove("SXS_LOG")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    for phase in ["render pages: ", "site-wide pages: ", "site pass: "] {
        assert!(stderr.contains(phase), "no {phase:?} in {stderr}");
    }
    // The browser is started detached: wait for it (bounded).
    let deadline = Instant::now() + Duration::from_secs(10);
    while !opened.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let page = std::fs::read_to_string(&opened).expect("$BROWSER was run");
    let expected = out_dir.join("index.html").canonicalize().unwrap();
    assert_eq!(Path::new(&page), expected);
}

#[test]
fn without_verbose_nothing_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(common::sxs_bin())
        .arg("build")
        .arg(repo.join("content"))
        .arg("--output")
        .arg(dir.path().join("public"))
        .env_remove("SXS_LOG")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("render pages: "), "{stderr}");
}
