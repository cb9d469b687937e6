#!/usr/bin/env bash
# scripts/deps.sh - install respgraph's dependencies from Debian's packages
# when any is missing: `bash scripts/deps.sh` for building, `--test` adds the
# test tools, `--bench` the benchmark peers. Sourced by scripts/demo and
# scripts/test; safe to run again (it only calls apt-get when needed).
set -euo pipefail

RG_PACKAGES=(
  build-essential cmake pkg-config
  libigraph-dev libarpack2-dev libglpk-dev libgmp-dev libplfit-dev libblas-dev liblapack-dev
  libcsv-dev libgraphviz-dev graphviz libcriterion-dev libutf8proc-dev libjansson-dev
  libxml2-dev libopencc-dev libxlsxwriter-dev libfontconfig-dev libzip-dev libpoppler-glib-dev
  fonts-wqy-microhei
)
# Only the test suite needs these.
RG_TEST_PACKAGES=(
  clang libclang-rt-14-dev python3 python3-networkx python3-numpy python3-scipy chromium nodejs unzip
  poppler-utils
)
# Only scripts/bench needs these (the NetworkX and python-igraph peers; the
# python-igraph peer reads the CSV with pandas).
RG_BENCH_PACKAGES=(
  python3 python3-igraph python3-networkx python3-numpy python3-scipy python3-pandas time valgrind
)
# Debian's npm conflicts with a Node.js that already bundles npm: ask for it
# only when there is no npm at all.
command -v npm >/dev/null 2>&1 || RG_TEST_PACKAGES+=(npm)

rg_missing() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  printf '%s\n' "${missing[@]}"
}

rg_install() {
  local missing
  mapfile -t missing < <(rg_missing "$@" | sed '/^$/d')
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "respgraph: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  rg_install "${RG_PACKAGES[@]}"
  case "${1:-}" in
  --test) rg_install "${RG_TEST_PACKAGES[@]}" ;;
  --bench) rg_install "${RG_BENCH_PACKAGES[@]}" ;;
  esac
fi
