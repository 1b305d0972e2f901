#!/bin/sh
# check_report.sh -- report.html in headless Chromium: every figure loads,
# the page logs nothing on the console, and a screenshot is saved under
# output/test-browser/ (report.png for a run, compare.png for a comparison,
# chain.png for the chain report drawn from tests/data/chain/chain.csv,
# story.png for a comparison that tells a story). A run with interventions
# and a comparison with customers must show the story figure and open
# with sentences that hold numbers.
#
# The page counts its figures itself (report.c's inline script sets
# data-figures-ok / data-figures-failed on <body> once loaded), which
# --dump-dom shows; console messages go to --enable-logging=stderr as
# "INFO:CONSOLE" lines. Skipped (exit 0) when chromium is not installed:
# `make deps` does not install it, CI (.ci/run) does.
#
#   SPCSIM=./spcsim sh tests/browser/check_report.sh
set -eu
SPCSIM=${SPCSIM:-./spcsim}
BROWSER=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$BROWSER" ]; then
    echo "browser test: skipped (no chromium; sh .ci/deps.sh --extra chromium installs it)"
    exit 0
fi
OUT=output/test-browser
rm -rf "$OUT"
mkdir -p "$OUT"
ABS=$(cd "$OUT" && pwd)
fail() { echo "browser test: FAILED: $*" >&2; exit 1; }

# $1: folder with report.html, $2: screenshot name
check() {
    page="file://$ABS/$1/report.html"
    flags="--headless --disable-gpu --no-sandbox --user-data-dir=$ABS/profile --hide-scrollbars"
    timeout 60 "$BROWSER" $flags --enable-logging=stderr --v=0 --dump-dom "$page" \
        >"$OUT/$1.dom.html" 2>"$OUT/$1.console.log" || fail "$1: chromium exited with an error"
    grep -q 'data-checked="yes"' "$OUT/$1.dom.html" || fail "$1: the page's figure check did not run"
    grep -q 'data-figures-failed="0"' "$OUT/$1.dom.html" || fail "$1: a figure did not load"
    ok=$(sed -n 's/.*data-figures-ok="\([0-9]*\)".*/\1/p' "$OUT/$1.dom.html" | head -n 1)
    [ "${ok:-0}" -ge "$3" ] || fail "$1: $ok figures loaded, expected at least $3"
    if grep 'CONSOLE' "$OUT/$1.console.log" >&2; then fail "$1: the page logged to the console"; fi
    timeout 60 "$BROWSER" $flags --screenshot="$ABS/$2" --window-size=1280,2400 "$page" \
        >/dev/null 2>&1 || fail "$1: no screenshot"
    [ -s "$OUT/$2" ] || fail "$1: empty screenshot"
    echo "browser test: $1/report.html: $ok figures loaded, no console messages; screenshot $OUT/$2"
}

# $1: a folder whose report tells a story: the story figure is on the page
# (and loaded: check counts no failed figure), and the opening sentences
# hold numbers (digits inside <p class="story">)
story() {
    grep -q 'alt="The chain over time' "$OUT/$1.dom.html" || fail "$1: no story figure"
    sed -n 's/.*<p class="story">\(.*\)<\/p>.*/\1/p' "$OUT/$1.dom.html" | grep -q '[0-9]\.[0-9]' ||
        fail "$1: the opening sentences hold no numbers"
    echo "browser test: $1/report.html: the story figure loads and the opening sentences hold numbers"
}

# a run with interventions (understaffed.cfg cuts the back office at week 26)
"$SPCSIM" run scenarios/understaffed.cfg --set 'horizon="30w"' -r 2 -q -o "$OUT/run"
check run report.png 5
story run
# a comparison with customers: the base and a variant cut at week 39
"$SPCSIM" compare scenarios/baseline.cfg scenarios/bottleneck.cfg --set 'horizon="45w"' -r 2 -q -o "$OUT/story"
check story story.png 3
story story
"$SPCSIM" compare scenarios/default.cfg 'stages.[0].servers=3' --set 'horizon="8w"' -r 3 -q -o "$OUT/compare"
check compare compare.png 1
mkdir -p "$OUT/chain" # a chain run takes minutes: its report from the hand-written chain.csv
cp tests/data/chain/chain.csv "$OUT/chain/"
"$SPCSIM" plot "$OUT/chain" -q
check chain chain.png 1
rm -rf "$OUT/profile"
