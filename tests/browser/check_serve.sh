#!/bin/sh
# check_serve.sh -- the classroom page of `spcsim serve` in headless
# Chromium (serve_page.js, driven by puppeteer-core): load the page, move a
# staffing slider, see the variant's lines appear and fall below the
# baseline's, no console messages; a screenshot is kept in
# output/test-browser/serve.png and the server's log beside it.
#
# puppeteer-core (its version in tests/browser/package.json and
# package-lock.json) is installed with `npm ci` into build/node, a folder of
# the build, never committed. Skipped (exit 0) when chromium or npm is not
# installed: `make deps` does not install them, CI (.ci/run) does.
#
#   SPCSIM=./spcsim sh tests/browser/check_serve.sh
set -eu
SPCSIM=${SPCSIM:-./spcsim}
BROWSER=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$BROWSER" ] || ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "browser test (serve): skipped (needs chromium, node and npm; sh .ci/deps.sh --extra \"chromium npm\" installs them)"
    exit 0
fi
OUT=output/test-browser
NODE_DIR=build/node
mkdir -p "$OUT" "$NODE_DIR"
fail() { echo "browser test (serve): FAILED: $*" >&2; exit 1; }

if ! cmp -s tests/browser/package-lock.json "$NODE_DIR/package-lock.json" || [ ! -d "$NODE_DIR/node_modules/puppeteer-core" ]; then
    cp tests/browser/package.json tests/browser/package-lock.json "$NODE_DIR/"
    (cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci of puppeteer-core into $NODE_DIR"
fi

# A shorter run than the lesson's: 70 weeks, 3 replications (the decision week 26).
"$SPCSIM" serve scenarios/baseline.cfg --port 0 -r 3 -j 2 --web web --set 'horizon="70w"' \
    >"$OUT/serve.out" 2>"$OUT/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$OUT/serve.out")
    [ -n "$port" ] && break
    kill -0 $pid 2>/dev/null || fail "spcsim serve did not start: $(cat "$OUT/serve.log")"
    sleep 0.2
done
[ -n "$port" ] || fail "spcsim serve printed no address"
NODE_PATH="$PWD/$NODE_DIR/node_modules" timeout 400 node tests/browser/serve_page.js "$BROWSER" \
    "http://127.0.0.1:$port/" "$OUT/serve.png" || fail "the page (see above; the server's log: $OUT/serve.log)"
kill -TERM $pid
wait $pid || fail "spcsim serve did not stop cleanly on SIGTERM"
trap - EXIT
[ -s "$OUT/serve.png" ] || fail "no screenshot"
echo "browser test (serve): the page, a slider moved, the variant below the baseline; screenshot $OUT/serve.png"
