//! `sxs serve` end to end: the built binary on a free loopback port over a
//! temporary copy of the sample site. Every wait is bounded; the child is
//! killed whatever happens (see [`Child`]).
#![cfg(unix)]

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PAGE_REL: &str = "partner-center/customer-communication-from-microsoft";
const START: Duration = Duration::from_secs(60);
const REBUILD: Duration = Duration::from_secs(30);

/// A running `sxs serve`, killed when dropped.
struct Child {
    process: std::process::Child,
    addr: SocketAddr,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

impl Child {
    /// Starts `sxs serve SITE --port PORT` with TMPDIR set to `tmp` (where
    /// its private folder goes) and waits for its "serving" line.
    fn start(site: &Path, tmp: &Path, port: u16) -> Child {
        Child::start_with(site, tmp, port, &[])
    }

    /// The same with more arguments.
    fn start_with(site: &Path, tmp: &Path, port: u16, args: &[&str]) -> Child {
        let mut process = Command::new(common::sxs_bin())
            .arg("serve")
            .arg(site)
            .args(["--port", &port.to_string()])
            .args(args)
            .env("TMPDIR", tmp)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sxs starts");
        let stderr = Arc::new(Mutex::new(String::new()));
        let err_pipe = process.stderr.take().expect("stderr piped");
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in BufReader::new(err_pipe).lines().map_while(Result::ok) {
                sink.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        let out_pipe = process.stdout.take().expect("stdout piped");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out_pipe).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut child = Child {
            process,
            addr: "127.0.0.1:1".parse().unwrap(),
            stderr,
        };
        let line = rx
            .recv_timeout(START)
            .unwrap_or_else(|_| panic!("no serving line; stderr:\n{}", child.stderr()));
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        child.addr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .expect("host:port");
        assert!(child.addr.ip().is_loopback(), "{line}");
        child
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// The stderr once it holds `needle` (or after 5 s): serve prints a
    /// rebuild's report just before it tells the browsers to reload, and
    /// the thread that reads its stderr may not have read it yet.
    fn stderr_with(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let log = self.stderr();
            if log.contains(needle) || Instant::now() >= deadline {
                return log;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn get(&self, path: &str) -> (u16, String) {
        get(self.addr, path, &self.addr.to_string())
    }

    /// Ctrl-C, then the exit status (bounded wait).
    fn interrupt(&mut self) -> ExitStatus {
        let pid = self.process.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status();
        assert!(sent.is_ok_and(|s| s.success()), "kill -INT {pid}");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.process.try_wait().expect("wait") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "sxs serve did not stop on Ctrl-C"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A minimal HTTP/1.1 GET; the path is sent exactly as given.
fn get(addr: SocketAddr, path: &str, host: &str) -> (u16, String) {
    let reply = request(addr, path, &format!("Host: {host}\r\n"));
    (
        reply.status,
        String::from_utf8_lossy(&reply.body).into_owned(),
    )
}

/// A response: its status, head (lowercase) and body as sent.
struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

/// A GET with these header lines (each ending in CRLF).
fn request(addr: SocketAddr, path: &str, headers: &str) -> Reply {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("response");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no head in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head:?}"));
    Reply {
        status,
        head,
        body: raw[split + 4..].to_vec(),
    }
}

/// The live-reload stream, read event by event.
struct Events {
    lines: Receiver<String>,
}

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let mut stream =
            TcpStream::connect_timeout(&addr, Duration::from_secs(5)).expect("connect");
        write!(
            stream,
            "GET /__sxs/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        Events { lines: rx }
    }

    /// The next event of kind `name`: its data.
    fn next(&self, name: &str, within: Duration) -> String {
        let deadline = Instant::now() + within;
        let mut event = String::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self
                .lines
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no `{name}` event within {within:?}"));
            if let Some(kind) = line.strip_prefix("event: ") {
                event = kind.to_owned();
            } else if let Some(data) = line.strip_prefix("data: ") {
                if event == name {
                    return data.to_owned();
                }
            }
        }
    }
}

/// A copy of the sample site (its one page, TOC and site.yml) in `dir`.
fn sample_site(dir: &Path) -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = dir.join("site");
    fs::create_dir_all(site.join("content/partner-center")).unwrap();
    fs::copy(repo.join("site.yml"), site.join("site.yml")).unwrap();
    for name in ["TOC.yml", "customer-communication-from-microsoft.md"] {
        fs::copy(
            repo.join("content/partner-center").join(name),
            site.join("content/partner-center").join(name),
        )
        .unwrap();
    }
    site
}

/// Saves as editors do: a temporary file renamed over the original.
fn atomic_save(path: &Path, text: &str) {
    let tmp = path.with_extension("md.sxs-test-tmp");
    fs::write(&tmp, text).unwrap();
    fs::rename(&tmp, path).unwrap();
}

#[test]
fn edits_reload_errors_overlay_and_recover() {
    let dir = tempfile::tempdir().unwrap();
    let site = sample_site(dir.path());
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let mut child = Child::start(&site, &tmp, 0);
    let page_url = format!("/{PAGE_REL}.html");
    let md = site.join(format!("content/{PAGE_REL}.md"));
    let original = fs::read_to_string(&md).unwrap();

    let (status, body) = child.get(&page_url);
    assert_eq!(status, 200);
    assert!(body.contains("Comunicação com o cliente da Microsoft"));
    assert!(body.contains("/__sxs/events"), "reload script injected");
    assert!(!body.contains("sxs-error-overlay"));
    // Injected at serve time: the built file itself is untouched.
    let built = private_site(&tmp).join(format!("{PAGE_REL}.html"));
    assert!(!fs::read_to_string(built).unwrap().contains("/__sxs/events"));

    let events = Events::open(child.addr);
    let first = events.next("hello", REBUILD);

    // A plain write.
    let edited = original.replace(
        "Comunicação com o cliente da Microsoft",
        "Comunicação EDITADA",
    );
    fs::write(&md, &edited).unwrap();
    let second = events.next("reload", REBUILD);
    assert_ne!(first, second);
    let (_, body) = child.get(&page_url);
    assert!(body.contains("Comunicação EDITADA"), "{}", child.stderr());
    assert!(body.contains(&format!("var v=\"{second}\"")));

    // Broken YAML frontmatter, saved atomically: the overlay names file:line.
    let broken = edited.replacen("title:", "title: [unclosed\nx:", 1);
    atomic_save(&md, &broken);
    events.next("reload", REBUILD);
    let (status, body) = child.get(&page_url);
    assert_eq!(status, 200, "the last good page is still served");
    assert!(body.contains("sxs-error-overlay"), "{}", child.stderr());
    assert!(
        body.contains(&format!("{PAGE_REL}.md:3:")),
        "overlay has file:line: {}",
        child.stderr()
    );
    assert!(body.contains("frontmatter"));
    let log = child.stderr_with("error[frontmatter]");
    assert!(log.contains("error[frontmatter]"), "{log}");

    // Fixed: the page recovers by itself.
    atomic_save(&md, &edited);
    events.next("reload", REBUILD);
    let (_, body) = child.get(&page_url);
    assert!(!body.contains("sxs-error-overlay"), "{}", child.stderr());
    assert!(body.contains("Comunicação EDITADA"));

    // A terminal line per rebuild: what changed and how long it took. The
    // line is written before the reload event, but read by another thread
    // here: wait for it (bounded).
    let rebuilds = |log: &str| {
        log.lines()
            .filter(|l| l.starts_with(&format!("{PAGE_REL}.md changed: rendered 1 page(s)")))
            .filter(|l| l.contains(" ms ") || l.contains(" s "))
            .count()
    };
    let deadline = Instant::now() + Duration::from_secs(5);
    while rebuilds(&child.stderr()) < 3 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let log = child.stderr();
    assert_eq!(rebuilds(&log), 3, "{log}");

    // Ctrl-C: a clean exit that removes the private folder.
    assert!(child.interrupt().success(), "{}", child.stderr());
    assert_eq!(
        fs::read_dir(&tmp).unwrap().count(),
        0,
        "private folder left"
    );
}

/// The live folder in the server's private folder (under TMPDIR).
fn private_site(tmp: &Path) -> PathBuf {
    let private = fs::read_dir(tmp)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("sxs-serve-"))
        .expect("private folder")
        .path();
    fs::read_dir(&private)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("site-"))
        .expect("live folder")
        .path()
}

#[test]
fn nothing_outside_the_site_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let site = sample_site(dir.path());
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    fs::write(dir.path().join("secret.txt"), "SECRET").unwrap();
    let child = Child::start(&site, &tmp, 0);
    let live = private_site(&tmp);
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), live.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path(), live.join("leakdir")).unwrap();

    for path in [
        "/../Cargo.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/partner-center/..%2f..%2fsecret.txt",
        "/leak.txt",
        "/leakdir/secret.txt",
        "/%00",
    ] {
        let (status, body) = child.get(path);
        assert!(
            status == 403 || status == 404,
            "{path}: {status} {body:.200}"
        );
        assert!(
            !body.contains("SECRET") && !body.contains("root:"),
            "{path}"
        );
    }
    assert_eq!(child.get("/.sxs-output").0, 404, "hidden files");
    // A name that resolves to 127.0.0.1 but is not ours (DNS rebinding).
    let (status, _) = get(child.addr, "/", "attacker.example:80");
    assert_eq!(status, 403);
    // Folders: their index page, after a redirect to the slash form.
    assert_eq!(child.get("/").0, 200);
    assert_eq!(child.get("/review").0, 301);
    let (status, body) = child.get("/review/");
    assert_eq!(status, 200);
    assert!(body.contains("/__sxs/events"));
}

#[test]
fn a_port_in_use_moves_to_the_next_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let site = sample_site(dir.path());
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let child = Child::start(&site, &tmp, port);
    assert_ne!(child.addr.port(), port);
    assert!(
        child
            .stderr()
            .contains(&format!("port {port} is in use; using")),
        "{}",
        child.stderr()
    );
    assert_eq!(child.get("/").0, 200);
}

#[test]
fn a_template_error_is_shown_and_the_site_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let site = sample_site(dir.path());
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let child = Child::start(&site, &tmp, 0);
    let events = Events::open(child.addr);
    events.next("hello", REBUILD);
    fs::create_dir(site.join("templates")).unwrap();
    // The new folder is seen (it makes a full build) before the file in it.
    events.next("reload", REBUILD);
    fs::write(
        site.join("templates/home.html"),
        "{% extends \"base.html\" %}{% block main %}{{ oops( }}{% endblock main %}",
    )
    .unwrap();
    events.next("reload", REBUILD);
    let (status, body) = child.get("/");
    assert_eq!(status, 200, "the last good site stays");
    assert!(body.contains("sxs-error-overlay"), "{}", child.stderr());
    // The overlay names the file, line and column, and shows the line.
    assert!(
        body.contains("templates/home.html:1:51"),
        "names the place: {body}"
    );
    assert!(body.contains("1 | {% extends"), "shows the line: {body}");
    fs::remove_file(site.join("templates/home.html")).unwrap();
    events.next("reload", REBUILD);
    let (_, body) = child.get("/");
    assert!(!body.contains("sxs-error-overlay"), "{}", child.stderr());
}

#[test]
fn the_polling_watcher_sees_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let site = sample_site(dir.path());
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let child = Child::start_with(&site, &tmp, 0, &["--poll=100"]);
    let events = Events::open(child.addr);
    events.next("hello", REBUILD);
    let md = site.join(format!("content/{PAGE_REL}.md"));
    let original = fs::read_to_string(&md).unwrap();
    atomic_save(
        &md,
        &original.replace(
            "Comunicação com o cliente da Microsoft",
            "Comunicação SONDADA",
        ),
    );
    events.next("reload", REBUILD);
    let (_, body) = child.get(&format!("/{PAGE_REL}.html"));
    assert!(body.contains("Comunicação SONDADA"), "{}", child.stderr());
}

#[test]
fn media_types_ranges_and_compression() {
    let dir = tempfile::tempdir().unwrap();
    let site = sample_site(dir.path());
    fs::create_dir(site.join("static")).unwrap();
    let clip: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    fs::write(site.join("static/clip.mp4"), &clip).unwrap();
    fs::write(site.join("static/clip.webm"), &clip).unwrap();
    fs::write(site.join("static/photo.avif"), &clip).unwrap();
    fs::write(site.join("static/app.wasm"), b"\0asm\x01\0\0\0").unwrap();
    fs::write(site.join("static/app.js.map"), "{\"version\":3}").unwrap();
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let child = Child::start(&site, &tmp, 0);
    let host = format!("Host: {}\r\n", child.addr);
    for (path, kind) in [
        ("/static/clip.mp4", "video/mp4"),
        ("/static/clip.webm", "video/webm"),
        ("/static/photo.avif", "image/avif"),
        ("/static/app.wasm", "application/wasm"),
        ("/static/app.js.map", "application/json"),
    ] {
        let reply = request(child.addr, path, &host);
        assert_eq!(reply.status, 200, "{path}");
        assert!(
            reply.head.contains(&format!("content-type: {kind}\r\n")),
            "{path}: {}",
            reply.head
        );
        assert!(reply.head.contains("cache-control: no-store"), "{path}");
    }
    // A video is sought by ranges.
    let reply = request(
        child.addr,
        "/static/clip.mp4",
        &format!("{host}Range: bytes=1000-1009\r\n"),
    );
    assert_eq!(reply.status, 206, "{}", reply.head);
    assert!(reply.head.contains("content-range: bytes 1000-1009/4096"));
    assert_eq!(reply.body, clip[1000..1010]);
    // Pages are compressed for browsers that accept it, the script still in.
    let page = format!("/{PAGE_REL}.html");
    let reply = request(
        child.addr,
        &page,
        &format!("{host}Accept-Encoding: gzip\r\n"),
    );
    assert_eq!(reply.status, 200);
    assert!(
        reply.head.contains("content-encoding: gzip"),
        "{}",
        reply.head
    );
    let plain = request(child.addr, &page, &host);
    assert!(!plain.head.contains("content-encoding"), "{}", plain.head);
    assert!(String::from_utf8_lossy(&plain.body).contains("/__sxs/events"));
}

// Hostile and careless clients (issue #17): none of them may keep the
// server from answering others, and none may hold a connection for ever.

/// How long the server waits for a request's head; a client slower than
/// this (plus a margin for a loaded machine) has its connection closed.
const HEAD_WAIT: Duration = Duration::from_secs(sxs::serve::HEADER_TIMEOUT.as_secs() + 5);

/// A server over a copy of the sample site, and the folder it is in (the
/// server goes first when the pair is dropped: `let (_dir, child)` drops
/// `child` before `_dir`).
fn serve_sample() -> (tempfile::TempDir, Child) {
    let dir = tempfile::tempdir().unwrap();
    let site = sample_site(dir.path());
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let child = Child::start(&site, &tmp, 0);
    (dir, child)
}

/// What the server sends on `stream` until it closes the connection or
/// `deadline` passes: the bytes, and whether it closed.
fn read_until_closed(stream: &mut TcpStream, deadline: Instant) -> (Vec<u8>, bool) {
    let mut raw = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return (raw, false);
        }
        stream.set_read_timeout(Some(left)).unwrap();
        match stream.read(&mut chunk) {
            Ok(0) => return (raw, true),
            Ok(n) => raw.extend_from_slice(&chunk[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            // Reset: closed, with whatever came before it.
            Err(_) => return (raw, true),
        }
    }
}

/// The status code at the start of `raw`, if it is an HTTP response.
fn status_of(raw: &[u8]) -> Option<u16> {
    let text = String::from_utf8_lossy(raw);
    let line = text.lines().next()?;
    let mut words = line.split_whitespace();
    words.next().filter(|v| v.starts_with("HTTP/"))?;
    words.next()?.parse().ok()
}

/// Sends `bytes` as they are (the server may close before it has read them
/// all) and returns the status it answers with, within 5 s, and whether it
/// closed the connection then.
fn send_raw(addr: SocketAddr, bytes: &[u8]) -> (Option<u16>, bool) {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).expect("connect");
    stream
        .set_write_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let _ = stream.write_all(bytes);
    let (raw, closed) = read_until_closed(&mut stream, Instant::now() + Duration::from_secs(5));
    (status_of(&raw), closed)
}

/// A page answered within `within`, timed from here.
fn assert_answered(child: &Child, within: Duration) {
    let asked = Instant::now();
    let (status, body) = child.get(&format!("/{PAGE_REL}.html"));
    let took = asked.elapsed();
    assert_eq!(status, 200, "{body:.200}");
    assert!(took < within, "answered in {took:?}, not within {within:?}");
}

#[test]
fn idle_connections_do_not_block_a_request() {
    let (_dir, child) = serve_sample();
    // Connected, nothing sent: as browsers' preconnects and port scanners.
    let idle: Vec<TcpStream> = (0..200)
        .map(|_| TcpStream::connect_timeout(&child.addr, Duration::from_secs(5)).expect("connect"))
        .collect();
    assert_answered(&child, Duration::from_secs(3));
    // And again after all 200 have been accepted for a while.
    std::thread::sleep(Duration::from_millis(500));
    assert_answered(&child, Duration::from_secs(3));
    drop(idle);
}

#[test]
fn an_oversized_head_is_refused() {
    let (_dir, child) = serve_sample();
    let addr = child.addr;
    // One header of 100 KB.
    let big = format!(
        "GET / HTTP/1.1\r\nHost: {addr}\r\nX-Big: {}\r\n\r\n",
        "a".repeat(100 * 1024)
    );
    assert_eq!(send_raw(addr, big.as_bytes()), (Some(431), true));
    // 200 small headers, twice hyper's count limit.
    let many: String = (0..200).map(|i| format!("X-{i}: {i}\r\n")).collect();
    let many = format!("GET / HTTP/1.1\r\nHost: {addr}\r\n{many}\r\n");
    assert_eq!(send_raw(addr, many.as_bytes()), (Some(431), true));
    // A head that is large but within the limit (cookies pile up on
    // localhost, whatever the port) is still answered.
    let cookie = format!("Cookie: c={}\r\n", "b".repeat(16 * 1024));
    let reply = request(addr, "/", &format!("Host: {addr}\r\n{cookie}"));
    assert_eq!(reply.status, 200);
    assert_answered(&child, Duration::from_secs(3));
}

#[test]
fn a_garbage_request_line_is_a_400() {
    let (_dir, child) = serve_sample();
    for garbage in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"GET / HTTP/1.1 extra\r\n\r\n",
        b"GET / HTTP/1.1\r\nno colon here\r\n\r\n",
        // The start of a TLS ClientHello: https:// to the http port.
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
        b"\x00\x01\x02\x03\r\n\r\n",
    ] {
        assert_eq!(
            send_raw(child.addr, garbage),
            (Some(400), true),
            "{:?}",
            String::from_utf8_lossy(garbage)
        );
    }
    assert_answered(&child, Duration::from_secs(3));
}

#[test]
fn a_client_that_never_finishes_its_head_neither_blocks_others_nor_stays() {
    let (_dir, child) = serve_sample();
    let addr = child.addr;
    let opened = Instant::now();
    // One sends half a head and then nothing; another a header line every
    // 500 ms, for ever (slowloris).
    let mut silent = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).expect("connect");
    write!(silent, "GET / HTTP/1.1\r\nHost: {addr}\r\n").unwrap();
    let mut trickle = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).expect("connect");
    write!(trickle, "GET / HTTP/1.1\r\nHost: {addr}\r\n").unwrap();
    let mut writer = trickle.try_clone().unwrap();
    std::thread::spawn(move || {
        for i in 0..120 {
            std::thread::sleep(Duration::from_millis(500));
            if write!(writer, "X-{i}: {i}\r\n").is_err() {
                return;
            }
        }
    });
    assert_answered(&child, Duration::from_secs(3));
    // Both are let go once the head is overdue; neither gets a page.
    for (name, stream) in [("silent", &mut silent), ("trickle", &mut trickle)] {
        let (raw, closed) = read_until_closed(stream, opened + HEAD_WAIT);
        assert!(closed, "{name}: still open after {:?}", opened.elapsed());
        assert_ne!(status_of(&raw), Some(200), "{name}");
    }
    assert_answered(&child, Duration::from_secs(3));
}
