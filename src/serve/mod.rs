//! `sxs serve`: build the site, serve it over HTTP, rebuild what a change
//! touches, and tell browsers to reload once the new output is complete.
//!
//! Three parts, one thread or more each:
//! - the build loop (`BuildLoop`) owns the site and its [`Builder`]; it
//!   takes batches of file-system events ([`watch`]), rebuilds (in part when
//!   it can) into the server's private folder ([`output`]), then publishes a
//!   new version;
//! - HTTP workers answer requests from the live folder ([`http`]), adding a
//!   reload script and, when the build has errors, an overlay to HTML pages;
//! - one thread per browser tab streams the versions (Server-Sent Events).

pub mod http;
pub mod output;
pub mod watch;

use crate::build::{Builder, Outcome, Rebuild};
use crate::diagnostic::{Diagnostic, Error, Result, Severity};
use crate::site::Site;
use output::Output;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use watch::{Change, Message, Snapshot, Watch};

/// HTTP worker threads (each event stream has a thread of its own).
const WORKERS: usize = 4;

/// How many ports after the asked one are tried when it is taken.
const PORT_TRIES: u16 = 10;

/// What `sxs serve` was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site folder (as for `sxs build`).
    pub path: PathBuf,
    pub bind: IpAddr,
    /// 0: any free port.
    pub port: u16,
    /// Print nothing but errors.
    pub quiet: bool,
}

/// One error as the overlay shows it: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub at: String,
    pub message: String,
}

/// What pages are told: the version of the site and its errors.
#[derive(Debug, Clone, Default)]
pub struct Status {
    /// Changes after every rebuild; pages reload when theirs differs.
    pub version: String,
    pub errors: Vec<Shown>,
}

/// What the HTTP workers, the event streams and the build loop share.
pub struct State {
    output: Output,
    status: RwLock<Status>,
    subscribers: Mutex<Vec<Sender<String>>>,
    /// Event streams open now (each has a thread).
    streams: AtomicUsize,
    /// Differs between runs, so a page from an earlier run reloads.
    instance: String,
    /// Bound to a loopback address: refuse other `Host` names.
    loopback_only: bool,
    quiet: bool,
}

impl State {
    pub fn status(&self) -> Status {
        self.status
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// A receiver of every version published from now on.
    fn subscribe(&self) -> Receiver<String> {
        let (tx, rx) = mpsc::channel();
        self.subscribers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(tx);
        rx
    }

    /// Sets the errors, moves to a new version and tells every open page;
    /// called only once the output is complete.
    fn publish(&self, errors: Vec<Shown>) {
        let version = {
            let mut status = self.status.write().unwrap_or_else(PoisonError::into_inner);
            let n = status
                .version
                .rsplit('.')
                .next()
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0);
            status.version = format!("{}.{}", self.instance, n + 1);
            status.errors = errors;
            status.version.clone()
        };
        self.subscribers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|tx| tx.send(version.clone()).is_ok());
    }

    fn log(&self, line: &str) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }
}

/// A running `sxs serve`.
pub struct Server {
    state: Arc<State>,
    addr: SocketAddr,
    http: Arc<tiny_http::Server>,
    workers: Vec<JoinHandle<()>>,
    builder: Option<JoinHandle<()>>,
    messages: Sender<Message>,
    stopping: Arc<AtomicBool>,
}

impl Server {
    /// Binds the port, builds the site, and starts serving and watching.
    /// Returns once the first build is done (failed or not: its errors are
    /// shown in the browser).
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
            status: RwLock::new(Status::default()),
            subscribers: Mutex::new(Vec::new()),
            streams: AtomicUsize::new(0),
            instance: instance_id(),
            loopback_only: options.bind.is_loopback(),
            quiet: options.quiet,
        });
        let (tx, rx) = mpsc::channel();
        let watch = Watch::new(tx.clone())?;
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
        let http = tiny_http::Server::from_listener(listener, None)
            .map(Arc::new)
            .map_err(|e| Error::new(format!("cannot start the HTTP server: {e}")))?;
        let stopping = Arc::new(AtomicBool::new(false));
        let workers = (0..WORKERS)
            .map(|_| {
                let (http, state, stopping) =
                    (Arc::clone(&http), Arc::clone(&state), Arc::clone(&stopping));
                std::thread::spawn(move || serve_requests(&http, &state, &stopping))
            })
            .collect();
        Ok(Server {
            state,
            addr,
            http,
            workers,
            builder: Some(builder),
            messages: tx,
            stopping,
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
        self.stopping.store(true, Ordering::SeqCst);
        let _ = self.messages.send(Message::Stop);
        if let Some(builder) = self.builder.take() {
            let _ = builder.join();
        }
        for _ in &self.workers {
            self.http.unblock();
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
        self.state
            .subscribers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        self.state.output.remove();
    }
}

fn serve_requests(http: &tiny_http::Server, state: &Arc<State>, stopping: &AtomicBool) {
    loop {
        match http.recv() {
            Ok(request) => http::handle(request, state),
            Err(_) if stopping.load(Ordering::SeqCst) => return,
            Err(_) => {}
        }
    }
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
                continue;
            };
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

    /// Rebuilds what changed, or says why the site must be built anew.
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
            builder.rebuild(content, folder).map(Some)
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
        at: err
            .path
            .as_ref()
            .map_or_else(|| "build".to_owned(), |p| p.display().to_string()),
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
