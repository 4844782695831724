//! `sxs serve`: build the site, serve it over HTTP, rebuild what a change
//! touches, and tell browsers to reload once the new output is complete.
//!
//! Two parts:
//! - the build loop (`BuildLoop`, a thread of its own, as building is work
//!   for the CPU) owns the site and its [`Builder`]; it takes batches of
//!   file-system events ([`watch`]), rebuilds (in part when it can) into the
//!   server's private folder ([`output`]), then publishes a new version;
//! - the HTTP server (axum's routing on hyper and a small tokio runtime,
//!   [`http`]; connections and their limits in `listen`) answers
//!   requests from the live folder, adding a reload script and, when the
//!   build has errors, an overlay to HTML pages, and streams the versions to
//!   each open tab (Server-Sent Events).

pub mod http;
mod listen;
pub mod output;
pub mod watch;

pub use listen::{HEADER_TIMEOUT, MAX_HEAD};

use crate::build::{Builder, Outcome, Rebuild};
use crate::diagnostic::{Diagnostic, Error, Result, Severity};
use crate::site::Site;
use output::Output;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tokio::sync::watch as versions;
use watch::{Change, Message, Snapshot, Watch};

/// Threads of the HTTP runtime: a preview has few clients, and the cores
/// are for building.
const HTTP_THREADS: usize = 2;

/// The longest `stop` waits for open connections to finish.
const SHUTDOWN: Duration = Duration::from_secs(2);

/// How many ports after the asked one are tried when it is taken.
const PORT_TRIES: u16 = 10;

/// What `sxs serve` was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site folder (as for `sxs build`).
    pub path: PathBuf,
    /// The address to listen on; on a loopback address, requests naming
    /// another host are refused.
    pub bind: IpAddr,
    /// 0: any free port.
    pub port: u16,
    /// Print nothing but errors.
    pub quiet: bool,
    /// Poll the site for changes at this interval instead of relying on the
    /// system's file events (which Docker bind mounts and network file
    /// systems do not deliver).
    pub poll: Option<Duration>,
}

/// One error as the overlay shows it: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// `file:line:column`, or the failing path, or `build`.
    pub at: String,
    /// What went wrong (a finding's severity and code first).
    pub message: String,
}

/// What pages are told: the version of the site and its errors.
#[derive(Debug, Clone, Default)]
pub struct Status {
    /// Changes after every rebuild; pages reload when theirs differs.
    pub version: String,
    /// The last build's errors; the overlay shows them, empty hides it.
    pub errors: Vec<Shown>,
}

/// What the HTTP server and the build loop share.
pub struct State {
    output: Output,
    /// The current status; each event stream holds a receiver.
    status: versions::Sender<Status>,
    /// Turns true when the server stops: event streams end, then the server.
    stop: versions::Sender<bool>,
    /// Differs between runs, so a page from an earlier run reloads.
    instance: String,
    /// Bound to a loopback address: refuse other `Host` names.
    loopback_only: bool,
    quiet: bool,
}

impl State {
    /// The status as last published.
    pub fn status(&self) -> Status {
        self.status.borrow().clone()
    }

    /// Sets the errors, moves to a new version and tells every open page;
    /// called only once the output is complete.
    fn publish(&self, errors: Vec<Shown>) {
        self.status.send_modify(|status| {
            let n = status
                .version
                .rsplit('.')
                .next()
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0);
            status.version = format!("{}.{}", self.instance, n + 1);
            status.errors = errors;
        });
    }

    fn log(&self, line: &str) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }
}

/// Resolves once `stop` turns true (or its sender is gone).
async fn stopped(mut stop: versions::Receiver<bool>) {
    let _ = stop.wait_for(|stopping| *stopping).await;
}

/// A running `sxs serve`.
pub struct Server {
    state: Arc<State>,
    addr: SocketAddr,
    runtime: tokio::runtime::Runtime,
    http: tokio::task::JoinHandle<std::io::Result<()>>,
    builder: Option<JoinHandle<()>>,
    messages: Sender<Message>,
}

impl Server {
    /// Binds the port, builds the site, and starts serving and watching.
    /// Returns once the first build is done (failed or not: its errors are
    /// shown in the browser); requests that come earlier wait for it.
    pub fn start(options: &Options) -> Result<Server> {
        let listener = bind(options.bind, options.port, options.quiet)?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::new(format!("cannot read the bound address: {e}")))?;
        let root = options
            .path
            .canonicalize()
            .map_err(|e| Error::io(&options.path, e))?;
        let state = Arc::new(State {
            output: Output::new()?,
            status: versions::Sender::new(Status::default()),
            stop: versions::Sender::new(false),
            instance: instance_id(),
            loopback_only: options.bind.is_loopback(),
            quiet: options.quiet,
        });
        let (tx, rx) = mpsc::channel();
        let watch = Watch::new(tx.clone(), options.poll)?;
        let (ready_tx, ready_rx) = mpsc::channel();
        let build_loop = BuildLoop {
            state: Arc::clone(&state),
            root,
            messages: rx,
            watch,
            ready: Some(ready_tx),
        };
        let builder = std::thread::spawn(move || build_loop.run());
        // The first build is done (or the loop ended) either way.
        let _ = ready_rx.recv();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(HTTP_THREADS)
            .thread_name("sxs-http")
            .enable_all()
            .build()
            .map_err(|e| Error::new(format!("cannot start the HTTP server: {e}")))?;
        let http = serve_http(&runtime, listener, &state)?;
        Ok(Server {
            state,
            addr,
            runtime,
            http,
            builder: Some(builder),
            messages: tx,
        })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://host:port/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The private folder the site is built into.
    pub fn private_folder(&self) -> &Path {
        self.state.output.path()
    }

    /// Stops watching and serving, ends every event stream, and removes the
    /// private folder.
    pub fn stop(mut self) {
        self.state.stop.send_replace(true);
        let _ = self.messages.send(Message::Stop);
        if let Some(builder) = self.builder.take() {
            let _ = builder.join();
        }
        let http = self.http;
        let _ = self
            .runtime
            .block_on(async { tokio::time::timeout(SHUTDOWN, http).await });
        self.runtime.shutdown_timeout(SHUTDOWN);
        self.state.output.remove();
    }
}

/// Serves the router on `listener` in `runtime` until the state's `stop`.
fn serve_http(
    runtime: &tokio::runtime::Runtime,
    listener: TcpListener,
    state: &Arc<State>,
) -> Result<tokio::task::JoinHandle<std::io::Result<()>>> {
    let cannot = |e: std::io::Error| Error::new(format!("cannot start the HTTP server: {e}"));
    listener.set_nonblocking(true).map_err(cannot)?;
    let _entered = runtime.enter();
    let listener = tokio::net::TcpListener::from_std(listener).map_err(cannot)?;
    let server = listen::serve(
        listener,
        http::router(Arc::clone(state)),
        state.stop.subscribe(),
    );
    Ok(runtime.spawn(server))
}

/// Binds `ip:port`; when the port is taken, the next free one (and says so).
fn bind(ip: IpAddr, port: u16, quiet: bool) -> Result<TcpListener> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORT_TRIES)
    };
    for candidate in port..=last {
        match TcpListener::bind((ip, candidate)) {
            Ok(listener) => {
                if candidate != port && !quiet {
                    eprintln!("port {port} is in use; using {candidate} instead");
                }
                return Ok(listener);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue,
            Err(e) => {
                return Err(Error::new(format!(
                    "cannot listen on {ip}:{candidate}: {e}; choose another --bind or --port"
                )))
            }
        }
    }
    Err(Error::new(format!(
        "ports {port} to {last} on {ip} are all in use; choose another with --port \
         (--port 0 takes any free one)"
    )))
}

/// Seconds and nanoseconds of the start time: unique enough per run.
fn instance_id() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    format!("{:x}{:x}", now.as_secs(), now.subsec_nanos())
}

/// The thread that owns the site: builds, waits for changes, rebuilds.
struct BuildLoop {
    state: Arc<State>,
    root: PathBuf,
    messages: Receiver<Message>,
    watch: Watch,
    /// Told once the first build is over.
    ready: Option<Sender<()>>,
}

/// What the inner loop ended with.
enum Next {
    /// Open the site again and build everything, for this reason.
    Full(String),
    Stop,
}

impl BuildLoop {
    fn run(mut self) {
        let mut reason = "start".to_owned();
        loop {
            let next = self.site_session(&reason);
            self.signal_ready();
            match next {
                Next::Full(why) => reason = why,
                Next::Stop => return,
            }
        }
    }

    /// Opens the site, builds it whole, then rebuilds on each change until
    /// one needs the site opened again.
    fn site_session(&mut self, reason: &str) -> Next {
        let started = Instant::now();
        if reason == "start" {
            self.state
                .log(&format!("building {} …", self.root.display()));
        }
        let site = match Site::open(&self.root, None) {
            Ok(site) => site,
            Err(err) => return self.failed(&err, None),
        };
        if let Err(err) = self.watch.cover(&site.paths) {
            self.state.log(&format!("warning: {err}"));
        }
        let mut snapshot = Snapshot::of(&site);
        let built = Builder::new(&site, None).and_then(|mut builder| {
            let outcome = self.state.output.replace(|f| builder.build_all(f))?;
            Ok((builder, outcome))
        });
        let mut builder = match built {
            Ok((builder, outcome)) => {
                self.report(reason, "built", &outcome, started);
                // Once per full build: a template change builds anew.
                for stale in &outcome.stale_templates {
                    self.state.log(&format!("warning: {stale}"));
                }
                builder
            }
            Err(err) => return self.failed(&err, Some(&mut snapshot)),
        };
        self.signal_ready();
        loop {
            let Some(paths) = watch::next_batch(&self.messages) else {
                return Next::Stop;
            };
            let started = Instant::now();
            let Some(change) = snapshot.classify(&paths) else {
                log::debug!("watch: nothing changed that the site uses");
                continue;
            };
            log::info!("watch: {change:?}");
            let rebuilt = match change {
                Change::Full(why) => return Next::Full(why),
                Change::Partial { content, statics } => {
                    self.partial(&mut builder, &content, statics, started)
                }
            };
            match rebuilt {
                Ok(None) => {}
                Ok(Some(why)) => return Next::Full(why),
                Err(err) => return self.failed(&err, Some(&mut snapshot)),
            }
        }
    }

    /// Rebuilds what changed, or says why the site must be built anew. The
    /// browsers reload once the pages are live; the search index follows.
    fn partial(
        &self,
        builder: &mut Builder<'_>,
        content: &[String],
        statics: bool,
        started: Instant,
    ) -> Result<Option<String>> {
        let rebuilt = self.state.output.update(|folder| {
            if statics {
                builder.copy_static(folder)?;
            }
            if content.is_empty() {
                return Ok(None);
            }
            builder.rebuild_pages(content, folder).map(Some)
        })?;
        let what = format!("{} changed", describe(content, statics));
        match rebuilt {
            Some(Rebuild::Full(why)) => return Ok(Some(format!("{what}; {why}"))),
            Some(Rebuild::Done(outcome)) => self.report(&what, "rendered", &outcome, started),
            None => {
                self.state
                    .log(&format!("{what}: copied in {}", elapsed(started)));
                self.state.publish(self.state.status().errors);
            }
        }
        self.state
            .output
            .update(|folder| builder.refresh_search(folder))?;
        Ok(None)
    }

    fn signal_ready(&mut self) {
        if let Some(ready) = self.ready.take() {
            let _ = ready.send(());
        }
    }

    /// Shows a build that could not complete (the last good site stays
    /// served), then waits for a change worth another full build.
    fn failed(&mut self, err: &Error, snapshot: Option<&mut Snapshot>) -> Next {
        self.state.log(&format!("error: {err}"));
        self.state.publish(vec![shown_error(err)]);
        self.signal_ready();
        self.wait(snapshot)
    }

    /// Waits for a relevant change (any change when there is no snapshot,
    /// as when site.yml could not be read).
    fn wait(&self, mut snapshot: Option<&mut Snapshot>) -> Next {
        loop {
            let Some(paths) = watch::next_batch(&self.messages) else {
                return Next::Stop;
            };
            let relevant = match snapshot.as_deref_mut() {
                Some(snapshot) => snapshot.classify(&paths).is_some(),
                None => true,
            };
            if relevant {
                return Next::Full(describe_paths(&paths));
            }
        }
    }

    /// One line per build (what changed, what was done, how long it took),
    /// the errors under it; then the new version is published.
    fn report(&self, what: &str, done: &str, outcome: &Outcome, started: Instant) {
        let errors: Vec<&Diagnostic> = outcome.errors().collect();
        let warnings = outcome
            .findings
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count();
        let site_pages = match outcome.site_outputs.as_slice() {
            _ if done != "rendered" => String::new(),
            [] => " (no site-wide page changed)".to_owned(),
            names => format!(" + {}", names.join(", ")),
        };
        self.state.log(&format!(
            "{what}: {done} {} page(s){site_pages} in {} ({} error(s), {warnings} warning(s))",
            outcome.rendered,
            elapsed(started),
            errors.len()
        ));
        for error in &errors {
            self.state.log(&format!("  {error}"));
        }
        self.state
            .publish(errors.iter().map(|d| shown_diagnostic(d)).collect());
    }
}

fn shown_diagnostic(d: &Diagnostic) -> Shown {
    Shown {
        at: format!("{}:{}:{}", d.file, d.line, d.column),
        message: format!("{}[{}]: {}", d.severity, d.code, d.message),
    }
}

fn shown_error(err: &Error) -> Shown {
    Shown {
        at: err.place().unwrap_or_else(|| "build".to_owned()),
        message: err.message.clone(),
    }
}

/// `a.md`, `a.md and b.md`, `a.md, b.md and 3 more`, `static/`.
fn describe(content: &[String], statics: bool) -> String {
    let mut names: Vec<&str> = content.iter().map(String::as_str).collect();
    if statics {
        names.push("static/");
    }
    match names.len() {
        0 => "nothing".to_owned(),
        1 => names[0].to_owned(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, {} and {} more", names[0], names[1], n - 2),
    }
}

fn describe_paths(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    format!("{} changed", describe(&names, false))
}

fn elapsed(started: Instant) -> String {
    let time = started.elapsed();
    if time < Duration::from_secs(1) {
        format!("{} ms", time.as_millis())
    } else {
        format!("{:.2} s", time.as_secs_f64())
    }
}
