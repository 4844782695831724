//! The `sxs` command line: parses arguments and wires the library's stages
//! together. All behaviour lives in the library.

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use sxs::diagnostic::Diagnostic;
use sxs::export::{ExportOptions, Format};
use sxs::report::{self, Tally};
use sxs::site::Site;

#[derive(Parser)]
#[command(
    name = "sxs",
    version,
    about = "Static sites for bilingual (side-by-side) localized documentation"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print nothing but errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Log what sxs does: -v the phases of a build and their times, -vv
    /// also each file event `serve` sees, -vvv everything. SXS_LOG (e.g.
    /// `SXS_LOG=sxs::serve=debug`) chooses instead.
    #[arg(long, short, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
}

/// Where the site is: a positional PATH or `--root DIR` (default `.`).
#[derive(clap::Args)]
struct SiteArg {
    /// The site folder (with content/), or a folder of pages.
    #[arg(value_name = "PATH")]
    path: Option<PathBuf>,
    /// Same as PATH.
    #[arg(long, value_name = "DIR", conflicts_with = "path")]
    root: Option<PathBuf>,
}

impl SiteArg {
    fn path(&self) -> &Path {
        self.path
            .as_deref()
            .or(self.root.as_deref())
            .unwrap_or(Path::new("."))
    }
}

#[derive(Subcommand)]
enum Command {
    /// Build the site (default: ./content -> ./public).
    Build {
        #[command(flatten)]
        site: SiteArg,
        /// Output folder (default: `output` in site.yml, else ./public).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Absolute URL of the published site, for the sitemap.
        #[arg(long)]
        base_url: Option<String>,
        /// Open the home page in the browser afterwards ($BROWSER when set).
        #[arg(long)]
        open: bool,
    },
    /// Build, serve over HTTP, rebuild on change and reload the browser.
    #[cfg(feature = "serve")]
    Serve {
        #[command(flatten)]
        site: SiteArg,
        /// Address to listen on; anything but loopback exposes the preview
        /// to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Port (the next free one is taken when it is in use; 0: any).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in the browser ($BROWSER when set).
        #[arg(long)]
        open: bool,
        /// Look for changes by scanning the site every MS milliseconds
        /// (default 500), for Docker bind mounts and network file systems
        /// that send no file events.
        #[arg(
            long,
            value_name = "MS",
            num_args = 0..=1,
            require_equals = true,
            default_missing_value = "500"
        )]
        poll: Option<u64>,
    },
    /// Review only: print findings like a compiler; exit 1 on errors.
    Check {
        #[command(flatten)]
        site: SiteArg,
        /// human: snippets (colour on a terminal, off when piped or with
        /// NO_COLOR); json; github: workflow annotations; sarif: SARIF 2.1.0.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// `--deny warnings`: also fail on warnings.
        #[arg(long, value_name = "LEVEL")]
        deny: Option<DenyLevel>,
        /// Report (and fail on) only findings not in FILE, written before
        /// by `--write-baseline`.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Write every current finding to FILE as the baseline, and exit 0.
        #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
        write_baseline: Option<PathBuf>,
    },
    /// Export the aligned segments for other tools.
    Export {
        #[command(flatten)]
        site: SiteArg,
        /// json, jsonl, tmx, xliff or csv.
        #[arg(long, value_parser = Format::parse)]
        format: Format,
        /// Write to FILE instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Only segments that have findings.
        #[arg(long)]
        only_flagged: bool,
        /// Only pages under DIR (relative to the content folder).
        #[arg(long, value_name = "DIR")]
        folder: Option<String>,
    },
    /// Bring reviewed translations back from an export: show what changes,
    /// or change the pages with --write; exit 1 when a unit was refused.
    Import {
        /// The export, as the translators changed it (.xliff/.xlf, .tmx, .csv, .json/.jsonl).
        file: PathBuf,
        #[command(flatten)]
        site: SiteArg,
        /// The file's format: xliff, tmx, csv or json (default: from its extension).
        #[arg(long, value_parser = sxs::import::Format::parse)]
        format: Option<sxs::import::Format>,
        /// Change the pages (default: only print the changes, as a diff).
        #[arg(long)]
        write: bool,
    },
    /// Create a new site: a sample page and site.yml, using the built-in
    /// templates.
    Init {
        /// The folder to create (must not exist, or be empty).
        dir: PathBuf,
        /// Also write a copy of each built-in template into templates/ to
        /// edit (each stamped with its version: a build warns when the
        /// built-in one is newer).
        #[arg(long)]
        templates: bool,
    },
    /// Print a shell completion script, e.g. `sxs completions bash >
    /// /usr/share/bash-completion/completions/sxs`.
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff), e.g. `sxs man > sxs.1`.
    Man,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
    Github,
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
enum DenyLevel {
    Warnings,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

/// Logs go to standard error: off by default, `-v` levels for sxs's own
/// modules, or the filter in SXS_LOG (env_logger's syntax).
fn init_logging(verbose: u8) {
    let default = match verbose {
        0 => "off",
        1 => "sxs=info",
        2 => "sxs=debug",
        _ => "sxs=trace",
    };
    let env = env_logger::Env::new()
        .filter_or("SXS_LOG", default)
        .write_style("SXS_LOG_STYLE");
    env_logger::Builder::from_env(env).init();
}

fn run(cli: Cli) -> Result<ExitCode, sxs::Error> {
    match cli.command {
        Command::Init { dir, templates } => init(&dir, templates, cli.quiet),
        Command::Completions { shell } => {
            let mut out = std::io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "sxs", &mut out);
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| sxs::Error::new(format!("cannot write the manual page: {e}")))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Build {
            site,
            output,
            base_url,
            open,
        } => {
            let site = Site::open(site.path(), output.as_deref())?;
            let outcome = with_progress(cli.quiet, |written| {
                sxs::build::build_counting(&site, base_url.as_deref(), written)
            })?;
            // The errors and the problems of reading the site folder
            // (unreadable entries, symlinks not followed) in full; the
            // review's warnings are counted here and listed in review/.
            let errors: Vec<Diagnostic> = outcome.errors().cloned().collect();
            let shown: Vec<Diagnostic> = outcome
                .findings
                .iter()
                .filter(|d| d.severity == sxs::Severity::Error || site.problems.contains(d))
                .cloned()
                .collect();
            if cli.quiet {
                print_problems(&errors);
            } else {
                let mut err = std::io::stderr().lock();
                report::write_human(&mut err, &shown, outcome.pages)
                    .map_err(|e| sxs::Error::new(e.to_string()))?;
                let tally = Tally::of(&outcome.findings);
                if tally.warnings > 0 {
                    eprintln!(
                        "{} warning(s): see review/index.html in the site, or run `sxs check`",
                        tally.warnings
                    );
                }
            }
            if !cli.quiet {
                for stale in &outcome.stale_templates {
                    eprintln!("warning: {stale}");
                }
            }
            let base = base_url.as_deref().unwrap_or(&site.config.base_url);
            if !cli.quiet && !sxs::build::writes_sitemap(base) {
                eprintln!(
                    "warning: no absolute base_url, so sitemap.xml and robots.txt were not written; \
                     set `base_url: https://…` in site.yml or pass --base-url"
                );
            }
            if !cli.quiet {
                eprintln!(
                    "built {} page(s) into {}",
                    outcome.pages,
                    site.output.display()
                );
            }
            if open {
                let page = site.output.join("index.html");
                let page = page.canonicalize().unwrap_or(page);
                open_in_browser(page.as_os_str());
            }
            Ok(exit_for(!errors.is_empty()))
        }
        Command::Import {
            file,
            site,
            format,
            write,
        } => {
            let options = sxs::import::Options {
                file: &file,
                site: site.path(),
                format,
                write,
                quiet: cli.quiet,
            };
            let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
            let summary = sxs::import::run(&options, &mut out, &mut err)?;
            Ok(exit_for(summary.refused > 0))
        }
        #[cfg(feature = "serve")]
        Command::Serve {
            site,
            bind,
            port,
            open,
            poll,
        } => {
            let options = sxs::serve::Options {
                path: site.path().to_owned(),
                bind,
                port,
                quiet: cli.quiet,
                poll: poll.map(|ms| std::time::Duration::from_millis(ms.max(1))),
            };
            serve(&options, open)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            site,
            format,
            deny,
            baseline,
            write_baseline,
        } => check(&site, format, deny.is_some(), baseline, write_baseline),
        Command::Export {
            site,
            format,
            output,
            only_flagged,
            folder,
        } => {
            let site = Site::open(site.path(), None)?;
            let options = ExportOptions {
                only_flagged,
                folder: folder.as_deref(),
                ..ExportOptions::new(&site.config.source_locale, &site.config.target_locale)
            };
            // Two passes (see `SiteExport`): the pages are read again to be
            // written, so that they are never all in memory at once.
            let export = sxs::export::SiteExport::review(&site, options);
            if let Some(folder) = options.folder {
                if !export.has_pages_under(folder) {
                    return Err(sxs::Error::new(format!(
                        "no pages under --folder {folder} (it is relative to the content folder)"
                    )));
                }
            }
            let errors: Vec<Diagnostic> = export.errors().to_vec();
            let write = |out: &mut dyn Write| export.write(format, out);
            match &output {
                Some(path) => sxs::write::write_file_atomic(path, |file| write(file))?,
                None => write(&mut std::io::stdout().lock())
                    .map_err(|e| sxs::Error::new(format!("cannot write the export: {e}")))?,
            }
            print_problems(&errors);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `sxs check`: review the site, drop the baseline's findings, print the
/// rest in the chosen format. A closed pipe (`sxs check | head`) ends
/// quietly with status 0: the reader has seen what it wanted.
fn check(
    site: &SiteArg,
    format: CheckFormat,
    deny_warnings: bool,
    baseline: Option<PathBuf>,
    write_baseline: Option<PathBuf>,
) -> Result<ExitCode, sxs::Error> {
    use report::baseline::Baseline;
    let site = Site::open(site.path(), None)?;
    let review = sxs::pipeline::review_site(&site, false);
    let mut findings = review.findings;
    if let Some(path) = write_baseline {
        Baseline::of(&findings).write(&path)?;
        eprintln!(
            "wrote {} finding(s) to {}: pass it with --baseline to report only new ones",
            findings.len(),
            path.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut known = 0;
    if let Some(path) = baseline {
        (findings, known) = Baseline::read(&path)?.new_findings(findings);
    }
    let paths = report::ci::Paths::new(&site.paths.content);
    let mut out = std::io::stdout().lock();
    let written = match format {
        CheckFormat::Human => {
            use std::io::IsTerminal;
            let no_color = std::env::var("NO_COLOR").ok();
            let style = report::snippet::Style {
                color: report::snippet::Style::color_for(
                    std::io::stdout().is_terminal(),
                    no_color.as_deref(),
                ),
                paths,
            };
            report::snippet::write(&mut out, &findings, review.page_count, &style).and_then(|()| {
                match known {
                    0 => Ok(()),
                    n => writeln!(out, "{n} finding(s) in the baseline not shown"),
                }
            })
        }
        CheckFormat::Json => report::write_json(&mut out, &findings),
        CheckFormat::Github => report::ci::write_github(&mut out, &findings, &paths),
        CheckFormat::Sarif => report::ci::write_sarif(&mut out, &findings, &paths),
    };
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(sxs::Error::new(format!("cannot write the report: {e}"))),
        Ok(()) => {}
    }
    Ok(exit_for(Tally::of(&findings).fails(deny_warnings)))
}

/// Runs `sxs serve` until Ctrl-C (or SIGTERM), then stops cleanly: event
/// streams closed, private folder removed.
#[cfg(feature = "serve")]
fn serve(options: &sxs::serve::Options, open: bool) -> Result<(), sxs::Error> {
    let (stop_tx, stop_rx) = std::sync::mpsc::channel();
    let presses = std::sync::atomic::AtomicUsize::new(0);
    ctrlc::set_handler(move || {
        // The first stops after the build under way; a second, at once.
        if presses.fetch_add(1, std::sync::atomic::Ordering::SeqCst) > 0 {
            std::process::exit(130);
        }
        let _ = stop_tx.send(());
    })
    .map_err(|e| sxs::Error::new(format!("cannot handle Ctrl-C: {e}")))?;
    let server = sxs::serve::Server::start(options)?;
    let url = server.url();
    // On standard output, for scripts that wait for the server.
    println!("serving {url} (Ctrl-C to stop)");
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: anyone who can reach this machine can read the site",
            options.bind
        );
    }
    if open {
        open_in_browser(std::ffi::OsStr::new(&url));
    }
    let _ = stop_rx.recv();
    if !options.quiet {
        eprintln!("stopping (Ctrl-C again to quit at once)");
    }
    server.stop();
    Ok(())
}

/// Runs `work`, showing on a terminal (not with `--quiet`, nor when stderr
/// is a file or a pipe) how many files it has written, every 100 ms.
fn with_progress<T: Send>(quiet: bool, work: impl FnOnce(&AtomicUsize) -> T + Send) -> T {
    use std::io::IsTerminal;
    let written = AtomicUsize::new(0);
    if quiet || !std::io::stderr().is_terminal() {
        return work(&written);
    }
    let done = AtomicBool::new(false);
    let start = std::time::Instant::now();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(std::time::Duration::from_millis(100));
                eprint!(
                    "\rbuilding… {} files written ({:.1} s)",
                    written.load(Ordering::Relaxed),
                    start.elapsed().as_secs_f32()
                );
            }
            eprint!("\r\x1b[2K");
        });
        let result = work(&written);
        done.store(true, Ordering::Relaxed);
        result
    })
}

/// Best effort: $BROWSER when set, else the platform's opener; the path
/// is printed if neither works.
fn open_in_browser(page: &std::ffi::OsStr) {
    if let Err(err) = opener::open_browser(page) {
        log::debug!("open: {err}");
        eprintln!("open {} in a browser", page.to_string_lossy());
    }
}

fn init(dir: &Path, templates: bool, quiet: bool) -> Result<ExitCode, sxs::Error> {
    sxs::init::init(dir, templates)?;
    if !quiet {
        eprintln!(
            "created {}: edit content/, then `sxs build {}` or `sxs serve {}`",
            dir.display(),
            dir.display(),
            dir.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn print_problems(problems: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for p in problems
        .iter()
        .filter(|p| p.severity == sxs::Severity::Error)
    {
        let _ = writeln!(err, "{p}");
    }
}

fn exit_for(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
