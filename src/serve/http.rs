//! Answering requests: files of the live site (and nothing outside it), the
//! live-reload event stream, and the reload script and error overlay added
//! to every HTML page as it is sent (built files are never changed).

use super::State;
use crate::render::markdown::escape_attr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc::RecvTimeoutError;
use std::sync::Arc;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// The path of the Server-Sent Events stream that announces rebuilds.
pub const EVENTS_PATH: &str = "/__sxs/events";

/// How often an idle event stream sends a comment, so that a closed browser
/// tab is noticed (the write fails) and its thread ends.
const KEEPALIVE: Duration = Duration::from_secs(5);

/// Open event streams (a thread each) at most: enough for any number of
/// tabs a person opens.
const MAX_STREAMS: usize = 64;

/// Answers one request. Never panics on what the request holds.
pub fn handle(request: Request, state: &Arc<State>) {
    let response = if !matches!(request.method(), Method::Get | Method::Head) {
        text(405, "only GET and HEAD are served")
    } else if state.loopback_only && !host_is_loopback(&request) {
        // A page elsewhere cannot reach the server through a DNS name that
        // points at 127.0.0.1 (DNS rebinding).
        text(403, "sxs serve answers requests for localhost only")
    } else if request.url() == EVENTS_PATH {
        if state.streams.fetch_add(1, Ordering::SeqCst) < MAX_STREAMS {
            return events(request, state);
        }
        state.streams.fetch_sub(1, Ordering::SeqCst);
        text(503, "too many open event streams")
    } else {
        file_response(request.url(), state)
    };
    let _ = request.respond(response);
}

type Answer = Response<std::io::Cursor<Vec<u8>>>;

fn file_response(url: &str, state: &State) -> Answer {
    let Some(live) = state.output.live() else {
        // No build ever completed: the overlay says why.
        let page = inject(
            "<!doctype html><title>sxs: build failed</title><body></body>",
            state,
        );
        return bytes(500, "text/html; charset=utf-8", page.into_bytes());
    };
    match resolve(&live, url) {
        Resolved::File(path) => send_file(&path, 200, state),
        Resolved::Redirect(location) => {
            let mut response = text(301, "moved");
            if let Ok(header) = Header::from_bytes("Location", location) {
                response.add_header(header);
            }
            response
        }
        Resolved::Forbidden => text(403, "forbidden: outside the site"),
        Resolved::NotFound => {
            let page = live.join("404.html");
            if page.is_file() {
                send_file(&page, 404, state)
            } else {
                text(404, "not found")
            }
        }
    }
}

fn send_file(path: &Path, status: u16, state: &State) -> Answer {
    let Ok(content) = fs::read(path) else {
        return text(404, "not found");
    };
    let kind = content_type(path);
    if kind.starts_with("text/html") {
        let html = String::from_utf8_lossy(&content);
        return bytes(status, kind, inject(&html, state).into_bytes());
    }
    bytes(status, kind, content)
}

fn bytes(status: u16, kind: &str, body: Vec<u8>) -> Answer {
    let mut response = Response::from_data(body).with_status_code(StatusCode(status));
    for (name, value) in [
        ("Content-Type", kind),
        // A preview must never show a stale page from the cache.
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ] {
        if let Ok(header) = Header::from_bytes(name, value) {
            response.add_header(header);
        }
    }
    response
}

fn text(status: u16, message: &str) -> Answer {
    bytes(
        status,
        "text/plain; charset=utf-8",
        format!("{message}\n").into_bytes(),
    )
}

/// What a request path names in the live site.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(PathBuf),
    /// A folder asked for without its trailing slash: relative links in its
    /// index page only work from `dir/`.
    Redirect(String),
    Forbidden,
    NotFound,
}

/// Maps a request path to a file of the site at `root`. Percent escapes are
/// decoded before the path is checked, so `%2e%2e` is `..`; any `..` is
/// refused, hidden files are not found, and a path that leads out of `root`
/// through a symbolic link is refused.
pub fn resolve(root: &Path, url: &str) -> Resolved {
    let raw = url.split(['?', '#']).next().unwrap_or("");
    let Some(path) = percent_decode(raw) else {
        return Resolved::Forbidden;
    };
    if !path.starts_with('/') || path.contains(['\0', '\\']) {
        return Resolved::Forbidden;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => return Resolved::Forbidden,
            _ if cfg!(windows) && part.contains(':') => return Resolved::Forbidden,
            _ if part.starts_with('.') => return Resolved::NotFound,
            _ => parts.push(part),
        }
    }
    let Ok(real_root) = root.canonicalize() else {
        return Resolved::NotFound;
    };
    let target = parts.iter().fold(real_root.clone(), |p, part| p.join(part));
    let Some(real) = inside(&real_root, &target) else {
        return if target.exists() {
            Resolved::Forbidden
        } else {
            Resolved::NotFound
        };
    };
    if !real.is_dir() {
        return Resolved::File(real);
    }
    if !path.ends_with('/') {
        let encoded: Vec<String> = parts.iter().map(|p| percent_encode(p)).collect();
        return Resolved::Redirect(format!("/{}/", encoded.join("/")));
    }
    match inside(&real_root, &real.join("index.html")) {
        Some(index) if index.is_file() => Resolved::File(index),
        _ => Resolved::NotFound,
    }
}

/// The real path of `path` if it exists and lies inside `real_root`.
fn inside(real_root: &Path, path: &Path) -> Option<PathBuf> {
    path.canonicalize()
        .ok()
        .filter(|real| real.starts_with(real_root))
}

/// Decodes `%XX` escapes; `None` for a broken escape or bytes that are not
/// UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn percent_encode(part: &str) -> String {
    part.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The content type of a built file, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// True when the `Host` header names this machine's loopback (or is absent,
/// as in HTTP/1.0).
fn host_is_loopback(request: &Request) -> bool {
    let Some(host) = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_ascii_lowercase())
    else {
        return true;
    };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Adds the reload script, and the error overlay when the build has errors,
/// before `</body>` (or at the end).
fn inject(html: &str, state: &State) -> String {
    let status = state.status();
    let mut extra = reload_script(&status.version);
    if !status.errors.is_empty() {
        extra.push_str(&overlay(&status.errors));
    }
    let at = html
        .to_ascii_lowercase()
        .rfind("</body>")
        .unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + extra.len());
    out.push_str(&html[..at]);
    out.push_str(&extra);
    out.push_str(&html[at..]);
    out
}

/// Reloads the page when the server announces a version other than the one
/// the page was sent with (also on reconnecting after a missed rebuild).
fn reload_script(version: &str) -> String {
    format!(
        "<script>/* sxs serve: live reload */(function(){{\
var v=\"{version}\",es=new EventSource(\"{EVENTS_PATH}\");\
function check(e){{if(e.data!==v){{es.close();location.reload();}}}}\
es.addEventListener(\"hello\",check);es.addEventListener(\"reload\",check);\
}})();</script>"
    )
}

/// The build's errors over the page, styled inline so that no site CSS can
/// hide them.
fn overlay(errors: &[super::Shown]) -> String {
    const MAX: usize = 50;
    let mut items = String::new();
    for error in errors.iter().take(MAX) {
        items.push_str(&format!(
            "<li style=\"margin:.5rem 0\"><b style=\"color:#ffb3b0\">{}</b><br>{}</li>",
            escape_attr(&error.at),
            escape_attr(&error.message)
        ));
    }
    if errors.len() > MAX {
        items.push_str(&format!("<li>… and {} more</li>", errors.len() - MAX));
    }
    format!(
        "<div id=\"sxs-error-overlay\" role=\"alert\" style=\"position:fixed;inset:0;\
z-index:2147483647;overflow:auto;background:rgba(16,16,16,.88);padding:2rem;\
font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;color:#f4f4f4\">\
<div style=\"max-width:60rem;margin:0 auto;background:#2a1215;border-left:6px solid #e5484d;\
padding:1.25rem 1.5rem;white-space:pre-wrap\">\
<h2 style=\"margin:0 0 .5rem;font:600 1.15rem system-ui,sans-serif;color:#ff9592\">\
sxs: the build has {} error(s)</h2><ul style=\"margin:0;padding:0;list-style:none\">{items}</ul>\
<p style=\"margin:1rem 0 0;font-family:system-ui,sans-serif;color:#c8c8c8\">Fix the file and \
save it: this page reloads by itself. <button type=\"button\" \
onclick=\"this.closest('#sxs-error-overlay').remove()\">Dismiss</button></p></div></div>",
        errors.len()
    )
}

/// The Server-Sent Events stream: `hello` with the current version on
/// connecting, `reload` with the new one after each rebuild. Each stream
/// has its own thread, which ends when the browser goes or the server stops.
/// The caller has counted the stream in `state.streams`.
fn events(request: Request, state: &Arc<State>) {
    let updates = state.subscribe();
    let hello = state.status().version;
    let state = Arc::clone(state);
    std::thread::spawn(move || {
        let _count = StreamCount(&state);
        let mut out = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
Cache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n";
        let mut send = |text: &str| out.write_all(text.as_bytes()).and_then(|()| out.flush());
        if send(head).is_err() || send(&format!("event: hello\ndata: {hello}\n\n")).is_err() {
            return;
        }
        loop {
            let sent = match updates.recv_timeout(KEEPALIVE) {
                Ok(version) => send(&format!("event: reload\ndata: {version}\n\n")),
                Err(RecvTimeoutError::Timeout) => send(": keep-alive\n\n"),
                Err(RecvTimeoutError::Disconnected) => return,
            };
            if sent.is_err() {
                return;
            }
        }
    });
}

/// Uncounts an event stream when its thread ends, however it ends.
struct StreamCount<'a>(&'a State);

impl Drop for StreamCount<'_> {
    fn drop(&mut self) {
        self.0.streams.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("site/docs")).unwrap();
        fs::write(dir.path().join("site/index.html"), "home").unwrap();
        fs::write(dir.path().join("site/docs/index.html"), "docs").unwrap();
        fs::write(dir.path().join("site/.sxs-output"), "").unwrap();
        fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        dir
    }

    #[test]
    fn folders_serve_their_index_and_redirect_without_a_slash() {
        let dir = site();
        let root = dir.path().join("site");
        let real = root.canonicalize().unwrap();
        assert_eq!(resolve(&root, "/"), Resolved::File(real.join("index.html")));
        assert_eq!(
            resolve(&root, "/docs/?q=1"),
            Resolved::File(real.join("docs/index.html"))
        );
        assert_eq!(resolve(&root, "/docs"), Resolved::Redirect("/docs/".into()));
        assert_eq!(resolve(&root, "/missing.html"), Resolved::NotFound);
    }

    #[test]
    fn traversal_hidden_files_and_symlinks_out_are_refused() {
        let dir = site();
        let root = dir.path().join("site");
        for url in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2fsecret.txt",
            "/docs/../../secret.txt",
            "/a\\..\\secret.txt",
            "/%zz",
            "/%ff",
        ] {
            assert_eq!(resolve(&root, url), Resolved::Forbidden, "{url}");
        }
        assert_eq!(resolve(&root, "/.sxs-output"), Resolved::NotFound);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt"))
                .unwrap();
            assert_eq!(resolve(&root, "/link.txt"), Resolved::Forbidden);
        }
    }

    #[test]
    fn content_types_by_extension() {
        for (name, kind) in [
            ("a.html", "text/html; charset=utf-8"),
            ("a.CSS", "text/css; charset=utf-8"),
            ("a.js", "text/javascript; charset=utf-8"),
            ("a.svg", "image/svg+xml"),
            ("a.png", "image/png"),
            ("a.jpeg", "image/jpeg"),
            ("a.gif", "image/gif"),
            ("a.json", "application/json"),
            ("sitemap.xml", "application/xml; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("a.bin", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)), kind, "{name}");
        }
    }
}
