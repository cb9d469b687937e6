#!/usr/bin/env bash
# A full disk leaves no truncated file under a final name (issue 19, defect
# 8). A real one: a tmpfs of a few hundred KiB in a private mount namespace
# (unshare -rm, no root needed where user namespaces are allowed). The seed's
# report is far larger, so the disk fills part-way; then every file under a
# final name must equal the same file of a complete run (or be absent), no
# temporary file may be left, and respgraph must exit 3 with one line. Then
# the -o of a table command, over an existing file that must stay whole.
set -euo pipefail
bin=${RG_BIN:?} root=${RG_ROOT:?}
plan=$root/examples/shenyang-2026.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! unshare -rm true 2>/dev/null; then
  echo "fulldisk: unshare -rm is not allowed here (no user namespaces); the ulimit test in"
  echo "fulldisk: tests/cli/test_writing.c covers the same rule"
  exit 1
fi
"$bin" report "$plan" -o "$tmp/ref" >/dev/null
"$bin" edges "$plan" -f csv -o "$tmp/ref-edges.csv"
mkdir "$tmp/disk"
for size in 64k 700k 2m 3400k; do
  out=$tmp/seen-$size
  mkdir "$out"
  # the messages and exit codes go outside the full disk
  unshare -rm sh -c '
    mount -t tmpfs -o size='"$size"' tmpfs "$1" || exit 99
    echo OLD > "$1/edges.csv"
    "$2" report "$3" -o "$1/r" > /dev/null 2> "$4/report.err"; echo $? > "$4/report.rc"
    "$2" edges "$3" -f csv -o "$1/edges.csv" 2> "$4/edges.err"; echo $? > "$4/edges.rc"
    cp -r "$1/." "$4/"
  ' sh "$tmp/disk" "$bin" "$plan" "$out" || true
  seen=$tmp/seen-$size
  rc=$(cat "$seen/report.rc")
  [ "$rc" = 3 ] || { echo "fulldisk $size: report exit $rc, want 3"; cat "$seen/report.err"; exit 1; }
  [ "$(wc -l < "$seen/report.err")" = 1 ] || { echo "fulldisk $size: not one line:"; cat "$seen/report.err"; exit 1; }
  grep -q "No space left on device" "$seen/report.err" || { cat "$seen/report.err"; exit 1; }
  if [ -d "$seen/r" ]; then
    if find "$seen/r" -name '.*.tmp' | grep -q .; then echo "fulldisk $size: temporary file left"; exit 1; fi
    n=0
    while IFS= read -r f; do
      cmp -s "$seen/r/$f" "$tmp/ref/$f" || { echo "fulldisk $size: $f is truncated or wrong"; exit 1; }
      n=$((n + 1))
    done < <(cd "$seen/r" && find . -type f ! -name '.respgraph*' | sed 's|^\./||')
    echo "fulldisk $size: report stopped after $n whole files: $(cat "$seen/report.err")"
  fi
  erc=$(cat "$seen/edges.rc")
  if [ "$erc" = 0 ]; then
    cmp -s "$seen/edges.csv" "$tmp/ref-edges.csv" || { echo "fulldisk $size: edges.csv wrong"; exit 1; }
  else
    [ "$erc" = 3 ] || { echo "fulldisk $size: edges exit $erc"; exit 1; }
    [ "$(cat "$seen/edges.csv")" = OLD ] || { echo "fulldisk $size: edges.csv not the old file"; exit 1; }
  fi
done
echo "fulldisk: ok"
