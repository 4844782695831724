//! Answering requests: files of the live site (and nothing outside it), the
//! live-reload event stream, and the reload script and error overlay added
//! to every HTML page as it is sent (built files are never changed).
//!
//! Routing is axum's; files other than HTML pages are sent by tower-http's
//! `ServeFile` (streamed, with `Range` and `Last-Modified`), and responses are
//! compressed by its `CompressionLayer`. What a request may reach is decided
//! here first, by [`resolve`]: tower-http follows symbolic links, sxs does not
//! let one lead out of the site.

use super::State;
use crate::render::markdown::escape_attr;
use axum::body::Body;
use axum::extract::{Request, State as Shared};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures_util::stream::{self, Stream, StreamExt};
use mime_guess::mime::{self, Mime};
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceExt;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeFile;
use tower_http::set_header::SetResponseHeaderLayer;

/// The path of the Server-Sent Events stream that announces rebuilds.
pub const EVENTS_PATH: &str = "/__sxs/events";

/// How often an idle event stream sends a comment, so that a closed browser
/// tab is noticed (the write fails) and its stream ends.
const KEEPALIVE: Duration = Duration::from_secs(5);

/// How long a browser waits before it reconnects a dropped event stream
/// (after a restart of `sxs serve`, say).
const RETRY: Duration = Duration::from_millis(500);

/// Every route of the preview server. The guard runs first; every answer is
/// `no-store` (a preview must never show a stale page from the cache) and
/// `nosniff`.
pub(super) fn router(state: Arc<State>) -> Router {
    // Video and audio are compressed already, and range requests of them
    // are never compressed anyway.
    let compress = DefaultPredicate::new()
        .and(NotForContentType::const_new("video/"))
        .and(NotForContentType::const_new("audio/"));
    Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback(files)
        .layer(middleware::from_fn_with_state(Arc::clone(&state), guard))
        .layer(CompressionLayer::new().compress_when(compress))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .with_state(state)
}

/// Refuses what the server never answers: methods other than GET and HEAD,
/// and, when bound to loopback, `Host` names that are not loopback.
async fn guard(Shared(state): Shared<Arc<State>>, request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return text(
            StatusCode::METHOD_NOT_ALLOWED,
            "only GET and HEAD are served",
        );
    }
    let host = request
        .headers()
        .get(header::HOST)
        .map(|h| String::from_utf8_lossy(h.as_bytes()).to_ascii_lowercase());
    if state.loopback_only && !host.as_deref().is_none_or(host_is_loopback) {
        // A page elsewhere cannot reach the server through a DNS name that
        // points at 127.0.0.1 (DNS rebinding).
        return text(
            StatusCode::FORBIDDEN,
            "sxs serve answers requests for localhost only",
        );
    }
    next.run(request).await
}

/// A file of the live site, its folder's index page, a redirect to a
/// folder's slash form, or the site's 404 page.
async fn files(Shared(state): Shared<Arc<State>>, request: Request) -> Response {
    let Some(live) = state.output.live() else {
        // No build ever completed: the overlay says why.
        let page = inject(
            "<!doctype html><title>sxs: build failed</title><body></body>",
            &state,
        );
        return html(StatusCode::INTERNAL_SERVER_ERROR, page);
    };
    match resolve(&live, request.uri().path()) {
        Resolved::File(path) => send_file(&path, StatusCode::OK, request, &state).await,
        Resolved::Redirect(location) => {
            let mut response = text(StatusCode::MOVED_PERMANENTLY, "moved");
            if let Ok(value) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            response
        }
        Resolved::Forbidden => text(StatusCode::FORBIDDEN, "forbidden: outside the site"),
        Resolved::NotFound => {
            let page = live.join("404.html");
            if page.is_file() {
                send_file(&page, StatusCode::NOT_FOUND, request, &state).await
            } else {
                text(StatusCode::NOT_FOUND, "not found")
            }
        }
    }
}

/// HTML pages are read whole and sent with the reload script (and the
/// overlay); any other file is streamed by tower-http.
async fn send_file(path: &Path, status: StatusCode, request: Request, state: &State) -> Response {
    let kind = content_type(path);
    if kind.type_() == mime::TEXT && kind.subtype() == mime::HTML {
        return match tokio::fs::read(path).await {
            Ok(content) => html(status, inject(&String::from_utf8_lossy(&content), state)),
            Err(_) => text(StatusCode::NOT_FOUND, "not found"),
        };
    }
    match ServeFile::new_with_mime(path, &kind).oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    }
}

fn html(status: StatusCode, page: String) -> Response {
    let kind = HeaderValue::from_static("text/html; charset=utf-8");
    (status, [(header::CONTENT_TYPE, kind)], page).into_response()
}

fn text(status: StatusCode, message: &str) -> Response {
    let kind = HeaderValue::from_static("text/plain; charset=utf-8");
    (
        status,
        [(header::CONTENT_TYPE, kind)],
        format!("{message}\n"),
    )
        .into_response()
}

/// What a request path names in the live site.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// The file to send (a folder's `index.html` for the folder), real path.
    File(PathBuf),
    /// A folder asked for without its trailing slash: relative links in its
    /// index page only work from `dir/`.
    Redirect(String),
    /// A malformed path, or one that tries to leave the site (`..`, a
    /// symbolic link out): 403.
    Forbidden,
    /// Nothing there, or a hidden file: 404.
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

/// The content type of a built file, by extension (mime_guess's table),
/// text in UTF-8, as sxs writes it.
pub fn content_type(path: &Path) -> Mime {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let guessed = match ext.as_str() {
        // Source maps are JSON (mime_guess says text/plain); markdown is
        // shown as text rather than downloaded.
        "map" => mime::APPLICATION_JSON,
        "md" => mime::TEXT_PLAIN,
        _ => mime_guess::from_ext(&ext).first_or_octet_stream(),
    };
    if guessed.type_() != mime::TEXT || guessed.get_param(mime::CHARSET).is_some() {
        return guessed;
    }
    format!("{guessed}; charset=utf-8")
        .parse()
        .unwrap_or(guessed)
}

/// True when a `Host` value names this machine's loopback.
fn host_is_loopback(host: &str) -> bool {
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
/// connecting, `reload` with the new one after each rebuild (a version is
/// published only once the output is complete). The stream ends when the
/// browser goes (a keep-alive write fails) or the server stops.
async fn events(
    Shared(state): Shared<Arc<State>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let mut updates = state.status.subscribe();
    let hello = updates.borrow_and_update().version.clone();
    let first = Event::default().event("hello").data(hello).retry(RETRY);
    let reloads = stream::unfold(updates, |mut updates| async move {
        updates.changed().await.ok()?;
        let version = updates.borrow_and_update().version.clone();
        Some((Event::default().event("reload").data(version), updates))
    });
    let stream = stream::once(async { first })
        .chain(reloads)
        .map(Ok)
        .take_until(super::stopped(state.stop.subscribe()));
    Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEPALIVE))
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::fs;

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
            ("a.mp4", "video/mp4"),
            ("a.webm", "video/webm"),
            ("a.avif", "image/avif"),
            ("a.wasm", "application/wasm"),
            ("a.js.map", "application/json"),
            ("a.woff2", "font/woff2"),
            ("a.md", "text/plain; charset=utf-8"),
            ("a.svg", "image/svg+xml"),
            ("a.png", "image/png"),
            ("a.jpeg", "image/jpeg"),
            ("a.gif", "image/gif"),
            ("a.json", "application/json"),
            ("sitemap.xml", "text/xml; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("a.bin", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)).to_string(), kind, "{name}");
        }
    }
}
