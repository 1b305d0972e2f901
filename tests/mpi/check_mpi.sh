#!/bin/sh
# check_mpi.sh -- the MPI build (make MPI=1) on 3 ranks writes the files of
# one process byte for byte (run.json but its jobs, wall_seconds and command_line, which names the output folder), for a
# small company of 8 stores with 5 replications (ranks of 1, 2 and 2), for
# run, compare, sweep, chain (each run's replications shared by the ranks)
# and sensitivity (the design's points over the ranks); a run of the company
# and a chain (--decompose: the search whole in every part, the
# decomposition's variants in blocks) in 3 parts (--part I/3, spcsim merge)
# write them too; other commands, and
# run --precision, are refused; a rank that fails ends the job with a message
# and no output. Under a minute.
#   SPCSIM=build/mpi/spcsim sh tests/mpi/check_mpi.sh    (make check-mpi)
set -eu
BIN=${SPCSIM:-build/mpi/spcsim}
MPIRUN=${MPIRUN:-mpirun}
command -v "$MPIRUN" >/dev/null 2>&1 || { echo "check-mpi: $MPIRUN not found (Debian: apt-get install openmpi-bin libopenmpi-dev)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the ranks of one machine: more of them than cores, as root in a container
MPIOPTS="--oversubscribe --allow-run-as-root"

# same_files WHAT ONE THREE: every file of ONE is in THREE with the same bytes
# (run.json without its jobs, wall_seconds and command_line lines), and THREE has no other;
# sets fail=1 if not, and count to the files compared
same_files() {
    k=0
    for f in "$2"/*; do
        name=${f##*/}
        k=$((k + 1))
        if [ "$name" = run.json ]; then
            grep -v -e '"jobs":' -e '"wall_seconds":' -e '"command_line":' "$f" > "$tmp/a.json"
            grep -v -e '"jobs":' -e '"wall_seconds":' -e '"command_line":' "$3/$name" > "$tmp/b.json" || true
            cmp -s "$tmp/a.json" "$tmp/b.json" || { echo "check-mpi: $1: $name differs (3 ranks against one process)" >&2; fail=1; }
        else
            cmp -s "$f" "$3/$name" || { echo "check-mpi: $1: $name differs (3 ranks against one process)" >&2; fail=1; }
        fi
    done
    [ "$(ls "$3" | wc -l)" -eq "$k" ] || { echo "check-mpi: $1: the 3-rank output has other files" >&2; fail=1; }
    count=$k
}

fail=0
COMPANY='tests/data/calibrate/company.cfg --set horizon="8w" -r 5 -q -j 1'

# run (with --employees): replications over the ranks
eval "$BIN run $COMPANY --employees -o $tmp/one"
eval "$MPIRUN $MPIOPTS -np 3 $BIN run $COMPANY --employees -o $tmp/three"
same_files run "$tmp/one" "$tmp/three"
n=$count
grep -q '"jobs": 3,' "$tmp/three/run.json" || { echo "check-mpi: run.json's jobs is not the 3 ranks' threads" >&2; fail=1; }

# compare and sweep: each variant's or point's replications over the ranks
eval "$BIN compare $COMPANY finance.price=85 -o $tmp/c1"
eval "$MPIRUN $MPIOPTS -np 3 $BIN compare $COMPANY finance.price=85 -o $tmp/c3"
same_files compare "$tmp/c1" "$tmp/c3"
nc=$count
eval "$BIN sweep $COMPANY --param finance.price=75,85 -o $tmp/s1"
eval "$MPIRUN $MPIOPTS -np 3 $BIN sweep $COMPANY --param finance.price=75,85 -o $tmp/s3"
same_files sweep "$tmp/s1" "$tmp/s3"
ns=$count

# chain: every run of the lever search spread over the ranks and shared
eval "$BIN chain $COMPANY -o $tmp/ch1"
eval "$MPIRUN $MPIOPTS -np 3 $BIN chain $COMPANY -o $tmp/ch3"
same_files chain "$tmp/ch1" "$tmp/ch3"
nch=$count

# sensitivity: the design's points over the ranks (as --part), merged by rank 0
SENS='--param finance.price=70:90 --param workforce.levers.pay=1:1.2 --trajectories 3 --metric customers/csat --metric finance/profit'
eval "$BIN sensitivity $COMPANY $SENS -o $tmp/se1"
eval "$MPIRUN $MPIOPTS -np 3 $BIN sensitivity $COMPANY $SENS -o $tmp/se3"
same_files sensitivity "$tmp/se1" "$tmp/se3"
nse=$count

# a run of the company in 3 parts (a job array's tasks), merged
for i in 1 2 3; do eval "$BIN run $COMPANY --employees --part $i/3 -o $tmp/part$i"; done
"$BIN" merge "$tmp/part3" "$tmp/part1" "$tmp/part2" -q -o "$tmp/merged"
same_files "run in 3 parts" "$tmp/one" "$tmp/merged"
np=$count

# a chain in 3 parts, merged
CHAIN="--search-replications 2 --decompose"
eval "$BIN chain $COMPANY $CHAIN -o $tmp/chd1"
for i in 1 2 3; do eval "$BIN chain $COMPANY $CHAIN --part $i/3 -o $tmp/chpart$i"; done
"$BIN" merge "$tmp/chpart2" "$tmp/chpart3" "$tmp/chpart1" -q -o "$tmp/chmerged"
same_files "chain in 3 parts" "$tmp/chd1" "$tmp/chmerged"
npc=$count

# another command under mpirun: refused, nothing written
if "$MPIRUN" $MPIOPTS -np 2 "$BIN" warmup tests/data/calibrate/company.cfg -o "$tmp/warmup" \
     >/dev/null 2>"$tmp/warmup.err"; then
    echo "check-mpi: warmup under mpirun -np 2 did not fail" >&2; fail=1
fi
grep -q 'only run, compare, sweep, chain and sensitivity spread' "$tmp/warmup.err" || { echo "check-mpi: no message for warmup under mpirun" >&2; fail=1; }
[ ! -e "$tmp/warmup" ] || { echo "check-mpi: warmup under mpirun wrote $tmp/warmup" >&2; fail=1; }

# run --precision under mpirun: refused (only a fixed number of replications is spread)
if "$MPIRUN" $MPIOPTS -np 2 "$BIN" run tests/data/calibrate/company.cfg --precision system/lead_time_mean=0.1 \
     -o "$tmp/prec" >/dev/null 2>"$tmp/prec.err"; then
    echo "check-mpi: run --precision under mpirun -np 2 did not fail" >&2; fail=1
fi
grep -q 'not with --precision' "$tmp/prec.err" || { echo "check-mpi: no message for --precision under mpirun" >&2; fail=1; }

# a rank that fails (SPCSIM_FAULT_RANK=2, the fault switch of mpi.c) ends
# the job: its message, no output
if SPCSIM_FAULT_RANK=2 "$MPIRUN" $MPIOPTS -x SPCSIM_FAULT_RANK -np 3 "$BIN" run tests/data/calibrate/company.cfg \
     --set 'horizon="8w"' -r 5 -q -j 1 -o "$tmp/failed" >/dev/null 2>"$tmp/failed.err"; then
    echo "check-mpi: a failing rank did not fail the job" >&2; fail=1
fi
grep -q 'spcsim: rank 2: ' "$tmp/failed.err" || { echo "check-mpi: no message from the failing rank" >&2; cat "$tmp/failed.err" >&2; fail=1; }
[ ! -e "$tmp/failed" ] || { echo "check-mpi: the failed job wrote $tmp/failed" >&2; fail=1; }

# the same for chain (a run shared by all ranks) and sensitivity (points sent to rank 0)
for cmd in chain sensitivity; do
    more=; [ "$cmd" = sensitivity ] && more=$SENS
    if eval "SPCSIM_FAULT_RANK=1 $MPIRUN $MPIOPTS -x SPCSIM_FAULT_RANK -np 3 $BIN $cmd $COMPANY $more -o $tmp/failed-$cmd" \
         >/dev/null 2>"$tmp/failed-$cmd.err"; then
        echo "check-mpi: a failing rank did not fail the $cmd job" >&2; fail=1
    fi
    grep -q 'spcsim: rank 1: ' "$tmp/failed-$cmd.err" || { echo "check-mpi: $cmd: no message from the failing rank" >&2; cat "$tmp/failed-$cmd.err" >&2; fail=1; }
    [ ! -e "$tmp/failed-$cmd" ] || { echo "check-mpi: the failed $cmd job wrote $tmp/failed-$cmd" >&2; fail=1; }
done

[ "$fail" -eq 0 ] && echo "check-mpi: 3 ranks = 1 process, byte for byte (run: $n files, compare: $nc, sweep: $ns, chain: $nch, sensitivity: $nse); 3 parts merged = 1 process (run: $np files, chain: $npc); other commands refused; a failing rank ends the job, nothing written"
exit "$fail"
