#!/bin/sh
# pair.sh -- paired alternating runs of spcsim's M/M/1 simulation (rho = 0.9,
# 1,000,000 customers, figures skipped: `build/release/bench_engine once`)
# against a peer program doing the same work, e.g. cimba's
# benchmark/MM1_single (bench/README.md says how to build it), or against
# another spcsim build's bench_engine (PEER_ONCE=1: the peer prints its own
# "wall cpu" seconds as `bench_engine once` does).
#   sh bench/pair.sh PEER [PAIRS [SETTING...]]   (default 5 pairs; from the repository root)
# SETTINGs (as --set takes them, e.g. 'generator="xoshiro256++"') go to
# spcsim's run, and to the peer's too with PEER_ONCE=1.
# The order alternates from pair to pair (spcsim first, then the peer first),
# so that a load that comes and goes on a shared machine falls on both. For
# each pair: wall and CPU (user + system) seconds of both and their ratios;
# at the end the median ratios. spcsim's times are the simulation alone
# (spc_run_execute); the peer's are its whole process, which for
# MM1_single is its simulation. On a busy machine the CPU ratio is the
# steadier one; on an idle one they agree.
set -eu
peer=${1:?usage: sh bench/pair.sh PEER [PAIRS [SETTING...]]}
pairs=${2:-5}
shift $(($# < 2 ? $# : 2))
mm1=scenarios/validation/mm1.cfg
bench=${BENCHBIN:-build/release/bench_engine}
[ -x "$bench" ] || { echo "pair.sh: $bench not built (make build/release/bench_engine)" >&2; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
peer_times() {
    if [ "${PEER_ONCE:-0}" = 1 ]; then
        "$peer" once "$mm1" "$@"
    else
        /usr/bin/time -f '%e %U %S' -o "$out" "$peer" >/dev/null
        awk '{ printf "%.4f %.4f\n", $1, $2 + $3 }' "$out"
    fi
}
i=1
rows=
while [ "$i" -le "$pairs" ]; do
    if [ $((i % 2)) -eq 1 ]; then
        s=$("$bench" once "$mm1" "$@"); p=$(peer_times "$@")
    else
        p=$(peer_times "$@"); s=$("$bench" once "$mm1" "$@")
    fi
    row=$(echo "$s $p" | awk -v i="$i" '{ printf "pair %d: spcsim %.3f s wall %.3f s cpu, peer %.3f s wall %.3f s cpu, ratio wall %.3f cpu %.3f", i, $1, $2, $3, $4, $1 / $3, $2 / $4 }')
    echo "$row"
    rows="$rows$row
"
    i=$((i + 1))
done
median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mw=$(printf '%s' "$rows" | awk '{ print $(NF - 2) }' | median)
mc=$(printf '%s' "$rows" | awk '{ print $NF }' | median)
echo "median ratio spcsim/peer over $pairs pairs: wall $mw, cpu $mc"
