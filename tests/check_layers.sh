#!/bin/sh
# check_layers.sh -- the layering rule of docs/architecture.md, checked.
#
# sim/ has one folder per floor, from the ground up:
#
#   engine < scenario < model < experiment < output < cli
#
# A file may include headers of its own floor and of the floors below,
# never of a floor above. A public header include/spcsim/NAME.h belongs to
# the floor of sim/*/NAME.c; the few headers without a .c are listed in
# HEADER_FLOORS below. Private headers (sim/FLOOR/*.h) belong to their
# folder and may be included only from it. Two further rules: only the
# scenario floor sees libconfig, and only the experiment floor sees
# pthreads (its pool runs the replications and a company's units).
#
# Run from the repository root (make check-layers, part of make check).
# Prints one line per violation, file:line: what; exits 1 if any.
set -eu

FLOORS="engine scenario model experiment output cli"
# headers with no .c of the same name: NAME:floor
HEADER_FLOORS="events:model version:engine"

rank() { # rank FLOOR -> 0..5, or nothing
    i=0
    for f in $FLOORS; do
        [ "$f" = "$1" ] && { echo $i; return; }
        i=$((i + 1))
    done
}

header_floor() { # header_floor NAME (without .h)
    for pair in $HEADER_FLOORS; do
        [ "${pair%%:*}" = "$1" ] && { echo "${pair#*:}"; return; }
    done
    for f in $FLOORS; do
        [ -f "sim/$f/$1.c" ] && { echo "$f"; return; }
    done
}

bad=0
complain() { echo "check-layers: $*"; bad=1; }

# every folder of sim/ is a floor
for d in sim/*/; do
    d=${d%/}; d=${d#sim/}
    [ -n "$(rank "$d")" ] || complain "sim/$d/: not a floor (floors: $FLOORS)"
done
for f in sim/*.c sim/*.h; do
    [ -e "$f" ] && complain "$f: every source file lives in a floor's folder"
done

# every public header has a floor
for h in include/spcsim/*.h; do
    n=$(basename "$h" .h)
    [ -n "$(header_floor "$n")" ] ||
        complain "$h: no sim/*/$n.c and not in HEADER_FLOORS of tests/check_layers.sh: give it a floor"
done

check_file() { # check_file PATH FLOOR
    file=$1; own=$2; r=$(rank "$own")
    grep -n '^[[:space:]]*#[[:space:]]*include' "$file" | while IFS= read -r line; do
        ln=${line%%:*}; inc=${line#*:}
        case "$inc" in
        *'"spcsim/'*)
            name=${inc#*\"spcsim/}; name=${name%%.h\"*}
            hf=$(header_floor "$name")
            [ -n "$hf" ] || continue
            if [ "$(rank "$hf")" -gt "$r" ]; then
                echo "check-layers: $file:$ln: includes spcsim/$name.h of floor '$hf' from floor '$own' (a floor may include only itself and the floors below)"
            fi ;;
        *'"'*)
            name=${inc#*\"}; name=${name%%\"*}
            case "$file" in
            sim/"$own"/*) [ -f "sim/$own/$name" ] ||
                echo "check-layers: $file:$ln: includes \"$name\", which is not a private header of sim/$own/" ;;
            *) echo "check-layers: $file:$ln: includes private header \"$name\" (private headers are for their own folder)" ;;
            esac ;;
        *'<libconfig.h>'*)
            [ "$own" = scenario ] ||
                echo "check-layers: $file:$ln: includes <libconfig.h> from floor '$own' (only the scenario floor reads files)" ;;
        *'<pthread.h>'*)
            [ "$own" = experiment ] ||
                echo "check-layers: $file:$ln: includes <pthread.h> from floor '$own' (only the experiment floor starts threads: its pool, pool.h)" ;;
        esac
    done
}

out=$(
    for f in $FLOORS; do
        for file in sim/"$f"/*.c sim/"$f"/*.h; do
            [ -e "$file" ] && check_file "$file" "$f"
        done
    done
    for h in include/spcsim/*.h; do
        n=$(basename "$h" .h); f=$(header_floor "$n")
        [ -n "$f" ] && check_file "$h" "$f"
    done
)
[ -n "$out" ] && { echo "$out"; bad=1; }
if [ "$bad" -ne 0 ]; then
    echo "check-layers: FAILED (docs/architecture.md, section 1, states the rule)"
    exit 1
fi
echo "check-layers: $(ls sim/*/*.c | wc -l) sources and $(ls include/spcsim/*.h | wc -l) headers respect the floors ($FLOORS)"
