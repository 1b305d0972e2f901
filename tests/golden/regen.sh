#!/bin/sh
# regen.sh -- regenerate the golden outputs of tests/golden/*/ and show what
# moved. Each case folder holds `args` (the arguments after `spcsim run`)
# and the expected files: every *.csv, *.gp and scenario.resolved.cfg the
# run writes (not run.json, report.html or pictures, which name the machine,
# the time or the gnuplot version). tests/test_golden.c runs the same
# command and byte-compares. Run from the repository root:
#   make golden            (SPCSIM=path/to/spcsim to use another binary)
set -eu
bin=${SPCSIM:-./spcsim}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in tests/golden/*/; do
    case=$(basename "$dir")
    [ -f "$dir/args" ] || continue
    # shellcheck disable=SC2046
    SPCSIM_GNUPLOT=/nonexistent/gnuplot "$bin" run $(cat "$dir/args") -j 2 -o "$tmp/$case" >/dev/null 2>&1 ||
        { echo "golden: $case: spcsim run $(cat "$dir/args") failed" >&2; exit 1; }
    find "$dir" -type f ! -name args -delete
    for f in "$tmp/$case"/*.csv "$tmp/$case"/*.gp "$tmp/$case"/scenario.resolved.cfg; do
        [ -f "$f" ] && cp "$f" "$dir"
    done
    echo "golden: $case: $(ls "$dir" | grep -cv '^args$') files"
done
if git rev-parse --git-dir >/dev/null 2>&1; then
    git --no-pager diff --stat -- tests/golden
    git status --short -- tests/golden
fi
