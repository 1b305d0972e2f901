#!/bin/sh
# pair-command.sh -- the command as a user types it, figures and all, in
# paired alternating runs (issue 15):
#   sh bench/pair-command.sh PEER [PAIRS [OPTION...]]
#       `spcsim run` of the M/M/1 of bench_engine (scenarios/validation/mm1.cfg,
#       horizon=1111111.111, warmup=0: 1,000,000 customers, rho = 0.9; every
#       output, figures drawn) against PEER, e.g. cimba's benchmark/MM1_single
#       (bench/README.md says how to build it). OPTIONs go to spcsim's run
#       (e.g. --formats all).
#   sh bench/pair-command.sh speedup [PAIRS [SCENARIO [OPTION...]]]
#       `spcsim run SCENARIO -r 8` with figures, -j 1 against -j 2 (default
#       SCENARIO: scenarios/understaffed.cfg): the 2-thread speed-up.
# From the repository root, after `make`. The order alternates from pair to
# pair, so that a load that comes and goes on a shared machine falls on
# both. Per pair: wall and CPU (user + system, gnuplot's included: it is
# a child that spcsim waits for) seconds of both and their ratio; at the
# end the median ratios. Outputs go to a temporary folder, removed after.
set -eu
mode=${1:?usage: sh bench/pair-command.sh PEER|speedup [PAIRS [...]]}
pairs=${2:-5}
shift $(($# < 2 ? $# : 2))
spcsim=${SPCSIM:-./spcsim}
[ -x "$spcsim" ] || { echo "pair-command.sh: $spcsim not built (make)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ "$mode" = speedup ]; then
    scenario=${1:-scenarios/understaffed.cfg}
    shift $(($# < 1 ? $# : 1))
fi
# timed CMD...: "wall cpu" of one run of CMD (its output discarded)
timed() {
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" >/dev/null
    awk '{ printf "%.4f %.4f\n", $1, $2 + $3 }' "$tmp/time"
}
first() {
    if [ "$mode" = speedup ]; then
        timed "$spcsim" run "$scenario" -r 8 -j 1 -q -o "$tmp/out" "$@"
    else
        timed "$spcsim" run scenarios/validation/mm1.cfg --set horizon=1111111.111 --set warmup=0 -q \
            -o "$tmp/out" "$@"
    fi
}
second() {
    if [ "$mode" = speedup ]; then
        timed "$spcsim" run "$scenario" -r 8 -j 2 -q -o "$tmp/out" "$@"
    else
        timed "$mode"
    fi
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
. "$(dirname "$0")/pair_lib.sh"
if [ "$mode" = speedup ]; then pair_alternate "$pairs" "-j 1" "-j 2" "$@"; else pair_alternate "$pairs" spcsim peer "$@"; fi
mw=$pair_wall mc=$pair_cpu
if [ "$mode" = speedup ]; then
    echo "median over $pairs pairs: speed-up (wall -j 1 / wall -j 2) $mw; cpu ratio $mc"
else
    echo "median ratio spcsim/peer over $pairs pairs: wall $mw, cpu $mc"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
