#!/bin/sh
# deps.sh -- install the Debian packages spcsim needs, or with --check only
# say whether they are there (exit 0 when nothing is missing).
#   sh .ci/deps.sh [--extra "PKG..."] [--check]
# `make deps` runs it; the plain build never does (it asks pkg-config).
set -eu
PKGS="libgsl-dev libconfig-dev libjansson-dev libcunit1-dev gnuplot-nox pkg-config make gcc"
PKGS="$PKGS libmicrohttpd-dev" # spcsim serve
[ "${1:-}" = "--extra" ] && { PKGS="$PKGS ${2:-}"; shift 2; }

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    # not Debian: say what is needed; fine if pkg-config already finds the libraries
    if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gsl libconfig jansson libmicrohttpd cunit; then
        echo "deps: not a Debian system (no apt-get); pkg-config finds gsl, libconfig, jansson, libmicrohttpd and cunit"
        exit 0
    fi
    echo "deps: not a Debian system (no apt-get): install with your package manager" >&2
    echo "deps: pkg-config, GSL (gsl), libconfig, jansson, libmicrohttpd, CUnit (cunit), a C11 compiler, make, gnuplot" >&2
    exit 1
fi

missing=""
for p in $PKGS; do
    # npm also comes inside another vendor's nodejs package (NodeSource), which
    # conflicts with Debian's npm: a working npm command is enough
    [ "$p" = npm ] && command -v npm >/dev/null 2>&1 && continue
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ "${1:-}" = "--check" ]; then
    [ -z "$missing" ] && exit 0
    echo "missing Debian packages:$missing"
    exit 1
fi
[ -z "$missing" ] && { echo "deps: all packages present"; exit 0; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "deps: need root or sudo to install:$missing" >&2; exit 1; }
    SUDO="sudo"
fi
echo "deps: installing with apt-get:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
echo "deps: done"
