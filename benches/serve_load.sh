#!/usr/bin/env bash
# `sxs serve` under load, and under hostile clients (issue #17).
#
# Needs: wrk, curl and python3 on PATH; the real corpus at
# ../shared/corpus/partner-center-pt-br (copied to a temporary folder, which
# is removed at the end); a release build, made here with
# `cargo build --release` (nothing to do when it is up to date).
#
# Usage: benches/serve_load.sh [SECONDS] [RUNS]   (defaults: 10 and 3)
#        SXS_BIN=path/to/sxs benches/serve_load.sh   (that binary, no build:
#        to compare two versions)
#
# Prints, for one corpus page (PAGE below) at 1, 16 and 128 concurrent
# connections, plain and with `Accept-Encoding: gzip` (as browsers ask):
# requests per second and latency p50 / p99 of each wrk run, then the
# median of the runs (each column's median on its own). Then the hostile
# checks, each with its time: a page and a short wrk run while 200 idle
# connections are open; a 100 KB header and 200 headers (431 expected);
# invalid request lines (400 expected); 50 slowloris clients (others still
# answered; the server closes them once their head is overdue). Exits 1 when
# a hostile check fails.
#
# wrk runs on the same machine as the server: on a small machine the figures
# are the pair's, not the server's alone.
set -euo pipefail

SECONDS_PER_RUN=${1:-10}
RUNS=${2:-3}
PAGE=/partner-center/customer-communication-from-microsoft.html
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=$ROOT/../shared/corpus/partner-center-pt-br

for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS" >&2; exit 2; }

if [ -n "${SXS_BIN:-}" ]; then
    SXS=$SXS_BIN
else
    cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
    SXS=$ROOT/target/release/sxs
fi

WORK=$(mktemp -d)
SERVER=
cleanup() {
    if [ -n "$SERVER" ]; then
        kill "$SERVER" 2>/dev/null || true
        wait "$SERVER" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# A copy: the corpus is shared and read-only.
cp -r "$CORPUS" "$WORK/site"
mkdir "$WORK/tmp"
TMPDIR=$WORK/tmp "$SXS" serve "$WORK/site" --port 0 --quiet >"$WORK/out" 2>"$WORK/err" &
SERVER=$!
for _ in $(seq 600); do
    grep -q '^serving ' "$WORK/out" && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/err" >&2; exit 1; }
    sleep 0.1
done
URL=$(grep -o 'http://[^ ]*' "$WORK/out" | head -n1)
URL=${URL%/}
[ -n "$URL" ] || { echo "the server did not start" >&2; cat "$WORK/err" >&2; exit 1; }
code=$(curl -s -o "$WORK/page" -w '%{http_code}' "$URL$PAGE")
[ "$code" = 200 ] || { echo "$PAGE: $code" >&2; exit 1; }
echo "$SXS serve at $URL; page $PAGE ($(wc -c <"$WORK/page") bytes sent plain)"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); ${SECONDS_PER_RUN} s per run, $RUNS runs"

# wrk's "50%" and "99%" latency lines in ms.
ms() {
    awk -v q="$1" '$1 == q {
        v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
        if (u == "us") v /= 1000; else if (u == "s") v *= 1000
        printf "%.2f", v
    }'
}

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf '\n%-6s %-5s %5s %12s %9s %9s\n' conns gzip run req/s p50_ms p99_ms
for gzip in no yes; do
    headers=()
    [ "$gzip" = yes ] && headers=(-H 'Accept-Encoding: gzip')
    for conns in 1 16 128; do
        threads=2
        [ "$conns" = 1 ] && threads=1
        : >"$WORK/runs"
        for run in $(seq "$RUNS"); do
            wrk -t"$threads" -c"$conns" -d"${SECONDS_PER_RUN}s" --latency \
                "${headers[@]}" "$URL$PAGE" >"$WORK/wrk"
            rps=$(awk '/^Requests\/sec:/ { print $2 }' "$WORK/wrk")
            p50=$(ms 50% <"$WORK/wrk")
            p99=$(ms 99% <"$WORK/wrk")
            errors=$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk" | tr -s ' ' || true)
            printf '%-6s %-5s %5s %12s %9s %9s %s\n' "$conns" "$gzip" "$run" "$rps" "$p50" "$p99" "$errors"
            echo "$rps $p50 $p99" >>"$WORK/runs"
        done
        printf '%-6s %-5s %5s %12s %9s %9s\n' "$conns" "$gzip" median \
            "$(cut -d' ' -f1 "$WORK/runs" | median)" \
            "$(cut -d' ' -f2 "$WORK/runs" | median)" \
            "$(cut -d' ' -f3 "$WORK/runs" | median)"
    done
done

echo
python3 - "$URL" "$PAGE" <<'PY'
import socket, subprocess, sys, threading, time
from urllib.parse import urlparse

url, page = sys.argv[1], sys.argv[2]
host, port = urlparse(url).hostname, urlparse(url).port
failed = []

def connect():
    return socket.create_connection((host, port), timeout=5)

def exchange(data, wait=5.0):
    """Sends data (the server may close first); returns (status, seconds, closed)."""
    start = time.monotonic()
    s = connect()
    try:
        s.sendall(data)
    except OSError:
        pass
    raw, closed = b"", False
    s.settimeout(0.2)
    while time.monotonic() - start < wait:
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            continue
        except OSError:
            closed = True
            break
        if not chunk:
            closed = True
            break
        raw += chunk
    s.close()
    words = raw.split(b"\r\n", 1)[0].split()
    status = int(words[1]) if len(words) > 1 and words[0].startswith(b"HTTP/") else None
    return status, time.monotonic() - start, closed

def get_page():
    head = f"GET {page} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n"
    return exchange(head.encode())

def check(name, ok, detail):
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")
    if not ok:
        failed.append(name)

# 200 idle connections: nothing sent on any of them.
idle = [connect() for _ in range(200)]
status, took, _ = get_page()
check("page with 200 idle connections open", status == 200 and took < 2,
      f"{status} in {took * 1000:.1f} ms")
out = subprocess.run(["wrk", "-t2", "-c16", "-d3s", url + page],
                     capture_output=True, text=True).stdout
rps = next((l.split()[1] for l in out.splitlines() if l.startswith("Requests/sec:")), "?")
check("wrk -c16 -d3s with 200 idle connections open", rps != "?", f"{rps} req/s")
for s in idle:
    s.close()

big = f"GET {page} HTTP/1.1\r\nHost: {host}:{port}\r\nX-Big: {'a' * 100 * 1024}\r\n\r\n"
status, took, closed = exchange(big.encode())
check("100 KB header", status == 431 and closed, f"{status} in {took * 1000:.1f} ms, closed {closed}")
many = "".join(f"X-{i}: {i}\r\n" for i in range(200))
status, took, closed = exchange(f"GET {page} HTTP/1.1\r\nHost: {host}:{port}\r\n{many}\r\n".encode())
check("200 headers", status == 431 and closed, f"{status} in {took * 1000:.1f} ms, closed {closed}")

for line in [b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/1.1 extra\r\n\r\n",
             b"GET / HTTP/1.1\r\nno colon\r\n\r\n", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
             b"\x00\x01\x02\x03\r\n\r\n"]:
    status, took, closed = exchange(line)
    check(f"request {line[:24]!r}", status == 400 and closed,
          f"{status} in {took * 1000:.1f} ms, closed {closed}")

# Slowloris: a header line every 500 ms, never the end of the head.
def slowloris(conn, closed_after, opened):
    try:
        conn.sendall(f"GET {page} HTTP/1.1\r\nHost: {host}:{port}\r\n".encode())
        conn.settimeout(0.5)
        for i in range(120):
            try:
                if not conn.recv(65536):
                    break
            except socket.timeout:
                pass
            conn.sendall(f"X-{i}: {i}\r\n".encode())
    except OSError:
        pass
    closed_after.append(time.monotonic() - opened)

opened = time.monotonic()
closed_after = []
slow = [threading.Thread(target=slowloris, args=(connect(), closed_after, opened)) for _ in range(50)]
for t in slow:
    t.start()
time.sleep(1)
status, took, _ = get_page()
check("page with 50 slowloris clients", status == 200 and took < 2, f"{status} in {took * 1000:.1f} ms")
for t in slow:
    t.join()
worst = max(closed_after)
check("slowloris clients closed by the server", len(closed_after) == 50 and worst < 30,
      f"all 50 within {worst:.1f} s of connecting")
sys.exit(1 if failed else 0)
PY
