# pair_lib.sh -- the alternating loop that bench/pair.sh, pair-command.sh
# and pair_company.sh share (sourced, not run). The sourcing script defines
# `first` and `second`: each runs one of the two things compared and prints
# "WALL CPU" (seconds) on one line, more fields after them ignored.
#   pair_alternate PAIRS NAME1 NAME2 [ARG...]
# runs them PAIRS times, `first ARG...` first in odd pairs and `second
# ARG...` first in even ones, so that a load that comes and goes on a shared
# machine falls on both; prints one line a pair (both times, the ratios
# first/second) and sets pair_wall and pair_cpu to the median ratios.
pair_median() {
    sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
pair_alternate() {
    pair_n=$1 pair_names="$2,$3"
    shift 3
    pair_i=1
    pair_rows=
    while [ "$pair_i" -le "$pair_n" ]; do
        if [ $((pair_i % 2)) -eq 1 ]; then
            pair_a=$(first "$@"); pair_b=$(second "$@")
        else
            pair_b=$(second "$@"); pair_a=$(first "$@")
        fi
        pair_row=$(printf '%s\n%s\n' "$pair_a" "$pair_b" | awk -v i="$pair_i" -v names="$pair_names" '
            BEGIN { split(names, n, ",") }
            { w[NR] = $1; c[NR] = $2 }
            END { printf "pair %d: %s %.3f s wall %.3f s cpu, %s %.3f s wall %.3f s cpu, ratio wall %.3f cpu %.3f",
                         i, n[1], w[1], c[1], n[2], w[2], c[2], w[1] / w[2], c[1] / c[2] }')
        echo "$pair_row"
        pair_rows="$pair_rows$pair_row
"
        pair_i=$((pair_i + 1))
    done
    pair_wall=$(printf '%s' "$pair_rows" | awk '{ print $(NF - 2) }' | pair_median)
    pair_cpu=$(printf '%s' "$pair_rows" | awk '{ print $NF }' | pair_median)
}
