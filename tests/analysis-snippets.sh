#!/bin/sh
# analysis-snippets.sh -- runs the Python (and, when Rscript is there, the R)
# snippets of docs/analysis.md on short fresh outputs: a run and a compare of
# tests/data/customers/small.cfg and a chain of it, put where the snippets
# look (output/baseline, output/baseline-compare, output/sears-chain,
# output/bottleneck) inside a scratch folder.
#   SPCSIM=./spcsim sh tests/analysis-snippets.sh
# Needs python3 with pandas and matplotlib (Debian: python3-pandas
# python3-matplotlib); says so and exits 0 without them (not part of make check).
set -eu
SPCSIM=$(cd "$(dirname "${SPCSIM:-./spcsim}")" && pwd)/$(basename "${SPCSIM:-./spcsim}")
DOC=$(pwd)/docs/analysis.md
SMALL=$(pwd)/tests/data/customers/small.cfg
PY=${PYTHON:-python3}
if ! "$PY" -c 'import pandas, matplotlib' 2>/dev/null; then
    echo "analysis-snippets: $PY has no pandas or matplotlib: skipped"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
short="--set horizon=12w --set warmup=4w -r 2 -q"
# shellcheck disable=SC2086
{
    "$SPCSIM" run "$SMALL" $short -o output/baseline
    "$SPCSIM" run "$SMALL" $short --set finance.fixed=5000/w -o output/bottleneck
    "$SPCSIM" compare "$SMALL" "finance.fixed=5000/w" $short -o output/baseline-compare
    "$SPCSIM" chain "$SMALL" $short -o output/sears-chain
}
# The fenced blocks of a language, one after another, into one program.
awk -v lang=python '$0 == "```" lang { on = 1; next } $0 == "```" { on = 0 } on' "$DOC" > snippets.py
MPLBACKEND=Agg "$PY" snippets.py > python.log
test -s chain-python.png
echo "analysis-snippets: the Python snippets ran; chain-python.png drawn"
if command -v Rscript >/dev/null 2>&1; then
    awk -v lang=r '$0 == "```" lang { on = 1; next } $0 == "```" { on = 0 } on' "$DOC" > snippets.R
    Rscript snippets.R > r.log
    test -s chain-r.png
    echo "analysis-snippets: the R snippets ran; chain-r.png drawn"
else
    echo "analysis-snippets: no Rscript: the R snippets not run"
fi
