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
first() { "$bench" once "$mm1" "$@"; }
second() { peer_times "$@"; }
. "$(dirname "$0")/pair_lib.sh"
pair_alternate "$pairs" spcsim peer "$@"
echo "median ratio spcsim/peer over $pairs pairs: wall $pair_wall, cpu $pair_cpu"
