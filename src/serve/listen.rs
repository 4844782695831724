//! Accepting connections and reading requests off them, with limits that
//! keep one careless or hostile client from holding the server.
//!
//! `axum::serve` sets no timer in hyper, so a client that never finishes a
//! request's head keeps its connection (and its task) for ever, and it
//! leaves the head limit at hyper's read buffer (about 400 KB). Here each
//! connection is served by hyper's HTTP/1 directly:
//! - the head must arrive within [`HEADER_TIMEOUT`] (also the longest an
//!   idle keep-alive connection waits for its next request), else the
//!   connection is closed;
//! - a head over [`MAX_HEAD`] bytes, or with more than hyper's 100 headers,
//!   is answered 431; a broken request line or header, 400 (both hyper's).
//!
//! Each connection is a task of its own: a slow one never delays another.

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::pin::pin;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// The longest a client may take to send a request's head, and the longest
/// an idle keep-alive connection is kept. Browsers send a head at once and
/// reconnect when an idle connection was closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The largest request head (request line and headers). Browsers send a few
/// KB; cookies set by any other local server count too (they are per host,
/// not per port), so this is well above the 8 to 16 KB of common servers.
pub const MAX_HEAD: usize = 32 * 1024;

/// How long accepting pauses after an error that is not one connection's
/// own (out of file descriptors, say), so that the loop does not spin.
const ACCEPT_PAUSE: Duration = Duration::from_millis(500);

/// Serves `router` on `listener` until `stop` turns true, then waits for
/// the open connections to finish (event streams end on `stop` too).
pub(super) async fn serve(
    listener: TcpListener,
    router: Router,
    stop: watch::Receiver<bool>,
) -> std::io::Result<()> {
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_header_size(MAX_HEAD);
    // Every connection holds a receiver: once all are dropped, `closed`
    // resolves and every connection has ended.
    let (open_tx, open_rx) = watch::channel(());
    let mut stopping = pin!(super::stopped(stop.clone()));
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut stopping => break,
        };
        match accepted {
            Ok((stream, _)) => {
                tokio::spawn(connection(
                    http.clone(),
                    stream,
                    router.clone(),
                    stop.clone(),
                    open_rx.clone(),
                ));
            }
            // The client gave up before it was accepted: nothing to do.
            Err(e) if is_connection_error(&e) => {}
            Err(e) => {
                log::warn!("serve: cannot accept a connection: {e}");
                tokio::select! {
                    () = tokio::time::sleep(ACCEPT_PAUSE) => {}
                    () = &mut stopping => break,
                }
            }
        }
    }
    drop(listener);
    drop(open_rx);
    open_tx.closed().await;
    Ok(())
}

/// One connection, to its end or, once the server stops, to the end of the
/// response under way.
async fn connection(
    http: http1::Builder,
    stream: TcpStream,
    router: Router,
    stop: watch::Receiver<bool>,
    _open: watch::Receiver<()>,
) {
    // Pages are small and written whole: send them without Nagle's delay.
    let _ = stream.set_nodelay(true);
    let service = TowerToHyperService::new(router);
    let mut conn = pin!(http.serve_connection(TokioIo::new(stream), service));
    tokio::select! {
        result = conn.as_mut() => return ended(result),
        () = super::stopped(stop) => {}
    }
    conn.as_mut().graceful_shutdown();
    ended(conn.await);
}

/// A client that went away, a head too slow or too large: the connection's
/// own business, not the server's.
fn ended(result: hyper::Result<()>) {
    if let Err(e) = result {
        log::debug!("serve: connection ended: {e}");
    }
}

/// Errors of accepting that concern one connection only.
fn is_connection_error(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    matches!(
        e.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset
    )
}
