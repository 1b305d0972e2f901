#!/bin/sh
# pair_company.sh -- paired alternating runs of the company of bench/scale.cfg
# with two spcsim builds: PEER (another build's bench_engine, e.g. of the
# commit before a change) and this one (build/release/bench_engine, or
# BENCHBIN). Each run is `bench_engine company UNITS JOBS`, which prints its
# wall and CPU seconds and its events (the same in both builds when the
# outputs are). The order alternates from pair to pair so that a load that
# comes and goes falls on both; at the end, the median speed-ups
# (PEER's time / this build's).
#   sh bench/pair_company.sh PEER [PAIRS [UNITS [JOBS]]]
#   (defaults: 5 pairs, 20 stores, 0 = every core; from the repository root)
# PEER needs the `company` mode of bench_engine: copy this bench_engine.c
# into the other build's tree if it predates it (it uses the public API only).
set -eu
peer=${1:?usage: sh bench/pair_company.sh PEER [PAIRS [UNITS [JOBS]]]}
pairs=${2:-5}
units=${3:-20}
jobs=${4:-0}
bench=${BENCHBIN:-build/release/bench_engine}
[ -x "$bench" ] || { echo "pair_company.sh: $bench not built (make build/release/bench_engine)" >&2; exit 1; }
first() { "$peer" company "$units" "$jobs"; }
second() { "$bench" company "$units" "$jobs"; }
. "$(dirname "$0")/pair_lib.sh"
pair_alternate "$pairs" peer this
echo "median speed-up (peer/this) over $pairs pairs, $units stores: wall $pair_wall, cpu $pair_cpu"
